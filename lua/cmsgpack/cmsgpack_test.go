package cmsgpack_test

import (
	"testing"

	"github.com/redmoon-dev/redmoon/conformance/redis"
)

// knownEngineProblems are cases that fail for reasons outside this library.
var knownEngineProblems = map[string]string{
	"cmsgpack/pack-too-many-args": "unpack() of 4000 values overflows the VM stack with a Go panic",
	"cmsgpack/pack-stack-limits":  "unpack() of 4000 values overflows the VM stack with a Go panic",
}

// TestOracle replays cmsgpack.cases (replies recorded from redis-server 7.0) through our engine.
func TestOracle(t *testing.T) {
	redis.CheckLuaLibFilesKnown(t, knownEngineProblems, "cmsgpack", "cmsgpack-random")
}
