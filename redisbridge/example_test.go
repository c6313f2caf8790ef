package redisbridge_test

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/redmoon-dev/redmoon/keyspace"
	"github.com/redmoon-dev/redmoon/redisbridge"
)

func ExampleBridge_Eval() {
	b := redisbridge.New(keyspace.New(), redisbridge.Options{})
	ctx := context.Background()
	script := `
local n = redis.call('INCRBY', KEYS[1], ARGV[1])
if n == tonumber(ARGV[1]) then redis.call('EXPIRE', KEYS[1], 60) end
return {n, redis.call('TTL', KEYS[1])}`
	for i := 0; i < 2; i++ {
		rep, err := b.Eval(ctx, script, []string{"hits"}, []string{"5"})
		if err != nil {
			panic(err)
		}
		fmt.Println(rep.Value())
	}
	// Output:
	// [5 60]
	// [10 60]
}

func ExampleBridge_EvalSha() {
	b := redisbridge.New(keyspace.New(), redisbridge.Options{})
	ctx := context.Background()
	sha, err := b.ScriptLoad("return {KEYS[1], ARGV[1], redis.call('EXISTS', KEYS[1])}")
	if err != nil {
		panic(err)
	}
	rep, _ := b.EvalSha(ctx, sha, []string{"k"}, []string{"arg"})
	fmt.Println(sha, rep.Value())
	_, err = b.EvalSha(ctx, "0000000000000000000000000000000000000000", nil, nil)
	fmt.Println(err)
	// Output:
	// fe6eed928d8cd8cdc66d612d3e8753a481e8e3f2 [k arg 0]
	// NOSCRIPT No matching script. Please use EVAL.
}

func ExampleBridge_FCall() {
	b := redisbridge.New(keyspace.New(), redisbridge.Options{})
	ctx := context.Background()
	_, err := b.FunctionLoad(`#!lua name=shop
redis.register_function('add_item', function(keys, args)
  return redis.call('HINCRBY', keys[1], args[1], args[2])
end)
redis.register_function{function_name = 'count', flags = {'no-writes'},
  callback = function(keys) return redis.call('HLEN', keys[1]) end}`, false)
	if err != nil {
		panic(err)
	}
	b.FCall(ctx, "add_item", []string{"cart"}, []string{"apple", "2"})
	rep, _ := b.FCall(ctx, "add_item", []string{"cart"}, []string{"apple", "3"})
	fmt.Println(rep.Int)
	rep, _ = b.FCallRO(ctx, "count", []string{"cart"}, nil)
	fmt.Println(rep.Int)
	_, err = b.FCallRO(ctx, "add_item", []string{"cart"}, []string{"pear", "1"})
	fmt.Println(err)
	// Output:
	// 5
	// 1
	// ERR Can not execute a script with write flag using *_ro command.
}

func ExampleReplyError() {
	b := redisbridge.New(keyspace.New(), redisbridge.Options{})
	_, err := b.Eval(context.Background(), "return redis.call('INCR', KEYS[1])", []string{"k"}, nil)
	fmt.Println(err)
	b.Do(context.Background(), "SET", "k", "not a number")
	_, err = b.Eval(context.Background(), "return redis.call('INCR', KEYS[1])", []string{"k"}, nil)
	fmt.Println(err)
	// Output:
	// <nil>
	// ERR value is not an integer or out of range script: 61636018f4e6b5817b89791bbed242f93fa089e3, on @user_script:1.
}

func ExampleBridge_Eval_cancel() {
	b := redisbridge.New(keyspace.New(), redisbridge.Options{})
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Millisecond)
	defer cancel()
	_, err := b.Eval(ctx, "while true do end", nil, nil)
	fmt.Println(errors.Is(err, context.DeadlineExceeded))
	fmt.Println(err)
	// Output:
	// true
	// ERR Script killed by user with SCRIPT KILL... script: 694a5fe1ddb97a4c6a1bf299d9537c7d3d0f84e7, on @user_script:1.
}

func ExampleBridge_BusyError() {
	ks := keyspace.New()
	b := redisbridge.New(ks, redisbridge.Options{BusyThreshold: 10 * time.Millisecond})
	done := make(chan error)
	go func() {
		_, err := b.Eval(context.Background(), "while true do end", nil, nil)
		done <- err
	}()
	// Another connection of a server, before taking the keyspace lock:
	for b.BusyError() == "" {
		time.Sleep(time.Millisecond)
	}
	fmt.Println(b.BusyError())
	fmt.Println(b.Kill(true))        // FUNCTION KILL
	fmt.Println(b.Kill(false) == "") // SCRIPT KILL
	fmt.Println(<-done != nil)
	fmt.Println(b.Kill(false))
	// Output:
	// BUSY Redis is busy running a script. You can only call SCRIPT KILL or SHUTDOWN NOSAVE.
	// BUSY Redis is busy running a script. You can only call SCRIPT KILL or SHUTDOWN NOSAVE.
	// true
	// true
	// NOTBUSY No scripts in execution right now.
}
