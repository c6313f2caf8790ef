package cjson_test

import (
	"testing"

	"github.com/redmoon-dev/redmoon/conformance/redis"
)

// TestOracle replays cjson.cases, cjson-random.cases and cjson-audit.cases (replies recorded from redis-server 7.0) through our engine.
func TestOracle(t *testing.T) { redis.CheckLuaLibFiles(t, "cjson", "cjson-random", "cjson-audit") }
