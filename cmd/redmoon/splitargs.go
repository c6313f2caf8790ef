package main

import (
	"errors"

	"github.com/redmoon-dev/redmoon/redisbridge"
)

// errInvalidArgs is redis-cli's complaint about a line it cannot split (unbalanced quotes, or a
// closing quote followed by something other than a space).
var errInvalidArgs = errors.New("Invalid argument(s)")

// splitArgs splits a command line with redis-cli's quoting rules (its sdssplitargs, the same
// function Redis uses for shebang lines: redisbridge.SplitArgs). An empty or blank line gives no
// arguments.
func splitArgs(line string) ([]string, error) {
	args, ok := redisbridge.SplitArgs(line)
	if !ok {
		return nil, errInvalidArgs
	}
	if len(args) == 0 {
		return nil, nil
	}
	return args, nil
}
