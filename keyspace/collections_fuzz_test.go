package keyspace

import (
	"math/rand/v2"
	"strconv"
	"strings"
	"testing"
)

// Random argument vectors for the hash, list, set, blocking-list and bitmap commands: no panic,
// exactly one complete reply, whatever the arguments. The words are the options and the edge
// numbers these commands parse; the keyspace holds a value of every encoding.
//
//	go test ./keyspace -run XXX -fuzz FuzzCollectionArgs

var collectionCmds = []string{
	"HSET", "HMSET", "HSETNX", "HGET", "HMGET", "HDEL", "HLEN", "HSTRLEN", "HEXISTS", "HINCRBY",
	"HINCRBYFLOAT", "HGETALL", "HKEYS", "HVALS", "HRANDFIELD", "HSCAN",
	"LPUSH", "RPUSH", "LPUSHX", "RPUSHX", "LINSERT", "LLEN", "LINDEX", "LSET", "LPOP", "RPOP",
	"LRANGE", "LTRIM", "LPOS", "LREM", "RPOPLPUSH", "LMOVE", "LMPOP",
	"BLPOP", "BRPOP", "BRPOPLPUSH", "BLMOVE", "BLMPOP",
	"SADD", "SREM", "SMOVE", "SISMEMBER", "SMISMEMBER", "SCARD", "SPOP", "SRANDMEMBER", "SMEMBERS",
	"SINTER", "SINTERCARD", "SINTERSTORE", "SUNION", "SUNIONSTORE", "SDIFF", "SDIFFSTORE", "SSCAN",
	"GETBIT", "SETBIT", "BITCOUNT", "BITPOS", "BITOP", "BITFIELD", "BITFIELD_RO",
	"SORT", "OBJECT", "COPY", "RENAME",
}

var collectionWords = []string{
	"h", "hbig", "l", "s", "si", "str", "nokey", "", "0", "1", "-1", "2", "3", "7", "64", "-0",
	"9223372036854775807", "-9223372036854775808", "-9223372036854775807", "18446744073709551616",
	"1.5", "0x10", "inf", "-inf", "nan", "1e308", "1e-400", "#1", "#", "i8", "u8", "i64", "u63",
	"u64", "i0", "I8", "LEFT", "RIGHT", "BEFORE", "AFTER", "RANK", "COUNT", "MAXLEN", "LIMIT",
	"WITHVALUES", "MATCH", "TYPE", "*", "f*", "[a-", "GET", "SET", "INCRBY", "OVERFLOW", "WRAP",
	"SAT", "FAIL", "AND", "OR", "XOR", "NOT", "BYTE", "BIT", "ENCODING", "ALPHA", "STORE",
	"f1", "m1", "e1", "12345678901234567890123456789012345678901234567890123456789012345", "\x00",
	"\xff", "a b",
}

// collectionTemplate is built once; collectionSetup copies its values into a fresh keyspace
// (cheap: a fuzz input must not pay for 1200 commands of set-up).
var collectionTemplate = func() *Ctx {
	ks := New()
	c := ks.NewCtx()
	Dispatch(c, []string{"HSET", "h", "f1", "1", "f2", "v"}, discard{})
	for i := 0; i < 600; i++ {
		n := strconv.Itoa(i)
		Dispatch(c, []string{"HSET", "hbig", "f" + n, n}, discard{})
		Dispatch(c, []string{"SADD", "s", "m" + n}, discard{})
	}
	Dispatch(c, []string{"RPUSH", "l", "e1", "e2", "e1", "3"}, discard{})
	Dispatch(c, []string{"SADD", "si", "1", "2", "3"}, discard{})
	Dispatch(c, []string{"SET", "str", "\xf0\x0fabc"}, discard{})
	return c
}()

// collectionSetup gives a context whose database holds a value of every encoding.
func collectionSetup() *Ctx {
	ks := New()
	ks.Clock.Set(1_700_000_000_000)
	c := ks.NewCtx()
	collectionTemplate.DB.dict.each(func(e *entry) bool {
		ne := &entry{key: e.key, str: e.str, typ: e.typ, enc: e.enc}
		if coll, ok := e.val.(Collection); ok {
			ne.val = coll.Copy()
		}
		c.DB.add(c, ne)
		return true
	})
	return c
}

// hugeWork reports vectors that are valid but would take long: bit offsets far away (Redis
// allocates up to 512MB too) and huge negative counts of the random commands (one reply element
// per unit).
func hugeWork(args []string) bool {
	name := strings.ToLower(args[0])
	for _, a := range args[1:] {
		n, ok := ParseInt(strings.TrimPrefix(a, "#"))
		if !ok {
			continue
		}
		switch name {
		case "setbit", "bitfield":
			if n > 1<<16 || n < -1<<16 {
				return true
			}
		case "hrandfield", "srandmember":
			if n < -1<<16 {
				return true
			}
		}
	}
	return false
}

func TestCollectionRandomVectors(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 6))
	rounds := 30000
	if testing.Short() {
		rounds = 3000
	}
	c := collectionSetup()
	for i := 0; i < rounds; i++ {
		if i%2000 == 0 {
			c = collectionSetup()
		}
		args := []string{collectionCmds[rng.IntN(len(collectionCmds))]}
		for n := rng.IntN(9); n > 0; n-- {
			args = append(args, collectionWords[rng.IntN(len(collectionWords))])
		}
		if hugeWork(args) {
			continue
		}
		if rng.IntN(3) == 0 {
			c.Flags = InMulti
		} else {
			c.Flags = 0
		}
		runVector(t, c, args)
	}
}

// FuzzCollectionArgs decodes the input as a command index and NUL-separated arguments.
func FuzzCollectionArgs(f *testing.F) {
	f.Add(byte(0), "h\x00f\x00v")
	f.Add(byte(14), "h\x00-5\x00WITHVALUES")
	f.Add(byte(28), "l\x00e1\x00RANK\x00-1\x00COUNT\x000")
	f.Add(byte(61), "str\x00OVERFLOW\x00SAT\x00INCRBY\x00i8\x00#1\x00100")
	f.Add(byte(37), "0\x002\x00nokey\x00l\x00LEFT\x00COUNT\x002")
	f.Fuzz(func(t *testing.T, which byte, rest string) {
		c := collectionSetup()
		args := []string{collectionCmds[int(which)%len(collectionCmds)]}
		if rest != "" {
			args = append(args, strings.Split(rest, "\x00")...)
		}
		if hugeWork(args) {
			return
		}
		runVector(t, c, args)
	})
}
