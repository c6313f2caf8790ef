// Package lib is the differential corpus of the string, table, math and os libraries: Lua 5.1
// programs (NAME.lua) that print their results, each with the standard output PUC Lua 5.1
// gives for it (NAME.golden, recorded with the time zone set to UTC).
//
// The oracle test re-runs lua5.1 on every program and compares with the golden files; with
// -update it rewrites them:
//
//	go test ./conformance/lua/lib -run Oracle -update
package lib
