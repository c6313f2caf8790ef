package cmsgpack_test

import (
	"testing"

	"github.com/redmoon-dev/redmoon/conformance/redis"
)

// knownEngineProblems are cases that fail for reasons outside this library.
var knownEngineProblems = map[string]string{}

// TestOracle replays cmsgpack.cases, cmsgpack-random.cases and cmsgpack-audit.cases (replies recorded from redis-server 7.0) through our engine.
func TestOracle(t *testing.T) {
	redis.CheckLuaLibFilesKnown(t, knownEngineProblems, "cmsgpack", "cmsgpack-random", "cmsgpack-audit")
}
