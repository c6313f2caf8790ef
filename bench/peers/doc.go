// Package peers is the module of the benchmark's Go peers: small runner binaries built on
// other Go Lua engines and on miniredis, which the driver (go run ./bench/cmd/compare in the
// main module) builds and runs side by side with redmoon. The peers live in their own module
// so that the main module's dependencies stay go-cmp and x/exp only.
//
//	cmd/gopher-lua   github.com/yuin/gopher-lua: runner FILE [SCALE]
//	cmd/go-lua       github.com/Shopify/go-lua:  runner FILE [SCALE]
//	cmd/miniredis    github.com/alicebob/miniredis/v2: embedded-scripting job on stdin
//
// Every Lua runner hosts a benchmark program the same way (bench/README.md): the global arg
// is {[0] = FILE, [1] = SCALE}, HOSTED is true, and when the program leaves a global function
// step, the runner calls step(i) for i = 1 .. STEPS from Go, then finish.
package peers
