package structlib_test

import (
	"testing"

	"github.com/redmoon-dev/redmoon/conformance/redis"
)

// TestOracle replays struct.cases and struct-audit.cases (replies recorded from redis-server 7.0) through our engine.
func TestOracle(t *testing.T) { redis.CheckLuaLibFiles(t, "struct", "struct-audit") }
