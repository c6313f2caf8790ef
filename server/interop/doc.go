// Package interop drives redmoon's RESP server with a real Redis client library (go-redis). It
// is a separate module so that the main go.mod never depends on a client library; run it with
// `cd server/interop && go test ./...` (.ci/run does).
package interop
