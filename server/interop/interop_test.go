package interop

import (
	"context"
	"errors"
	"net"
	"strconv"
	"sync"
	"testing"
	"time"

	"github.com/redis/go-redis/v9"
	"github.com/redmoon-dev/redmoon/server"
)

// start runs a redmoon server on a free loopback port and returns a go-redis client for it
// (RESP3, as go-redis speaks by default).
func start(t *testing.T, opts ...func(*redis.Options)) (*redis.Client, *server.Server) {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	s := server.New(server.Config{Port: ln.Addr().(*net.TCPAddr).Port})
	done := make(chan struct{})
	go func() { _ = s.Serve(ln); close(done) }()
	o := &redis.Options{Addr: ln.Addr().String()}
	for _, f := range opts {
		f(o)
	}
	rdb := redis.NewClient(o)
	t.Cleanup(func() {
		rdb.Close()
		s.Close()
		<-done
	})
	return rdb, s
}

// has reports whether the server implements a command (COMMAND INFO answers nil otherwise).
func has(t *testing.T, rdb *redis.Client, name string) bool {
	t.Helper()
	v, err := rdb.Do(context.Background(), "COMMAND", "INFO", name).Slice()
	return err == nil && len(v) == 1 && v[0] != nil
}

func TestBasics(t *testing.T) {
	for _, proto := range []int{2, 3} {
		t.Run("resp"+strconv.Itoa(proto), func(t *testing.T) {
			rdb, _ := start(t, func(o *redis.Options) { o.Protocol = proto })
			ctx := context.Background()
			if err := rdb.Ping(ctx).Err(); err != nil {
				t.Fatal(err)
			}
			if err := rdb.Set(ctx, "k", "v", 0).Err(); err != nil {
				t.Fatal(err)
			}
			if v, err := rdb.Get(ctx, "k").Result(); err != nil || v != "v" {
				t.Fatalf("GET = %q, %v", v, err)
			}
			if _, err := rdb.Get(ctx, "missing").Result(); !errors.Is(err, redis.Nil) {
				t.Fatalf("GET missing: %v, want redis.Nil", err)
			}
			if n, err := rdb.Incr(ctx, "n").Result(); err != nil || n != 1 {
				t.Fatalf("INCR = %d, %v", n, err)
			}
			if err := rdb.Set(ctx, "t", "x", time.Minute).Err(); err != nil {
				t.Fatal(err)
			}
			if d, err := rdb.TTL(ctx, "t").Result(); err != nil || d <= 0 || d > time.Minute {
				t.Fatalf("TTL = %v, %v", d, err)
			}
			if err := rdb.Do(ctx, "NOSUCHCOMMAND").Err(); err == nil || err.Error() != "ERR unknown command 'NOSUCHCOMMAND', with args beginning with: " {
				t.Fatalf("unknown command error = %v", err)
			}
			if name, err := rdb.ClientGetName(ctx).Result(); !errors.Is(err, redis.Nil) {
				t.Fatalf("CLIENT GETNAME = %q, %v", name, err)
			}
			if err := rdb.FlushDB(ctx).Err(); err != nil {
				t.Fatal(err)
			}
			if n, err := rdb.DBSize(ctx).Result(); err != nil || n != 0 {
				t.Fatalf("DBSIZE = %d, %v", n, err)
			}
			info, err := rdb.Info(ctx, "server").Result()
			if err != nil || len(info) == 0 {
				t.Fatalf("INFO = %q, %v", info, err)
			}
		})
	}
}

func TestPipeline(t *testing.T) {
	rdb, _ := start(t)
	ctx := context.Background()
	cmds, err := rdb.Pipelined(ctx, func(p redis.Pipeliner) error {
		for i := 0; i < 1000; i++ {
			p.Incr(ctx, "counter")
		}
		p.Get(ctx, "counter")
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if got := cmds[len(cmds)-1].(*redis.StringCmd).Val(); got != "1000" {
		t.Fatalf("counter = %s", got)
	}
}

func TestTransactions(t *testing.T) {
	rdb, _ := start(t)
	ctx := context.Background()
	_, err := rdb.TxPipelined(ctx, func(p redis.Pipeliner) error {
		p.Set(ctx, "a", "1", 0)
		p.Incr(ctx, "a")
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if v := rdb.Get(ctx, "a").Val(); v != "2" {
		t.Fatalf("a = %s", v)
	}
	// Optimistic locking: a concurrent change makes the transaction fail with TxFailedErr.
	other := redis.NewClient(&redis.Options{Addr: rdb.Options().Addr})
	defer other.Close()
	err = rdb.Watch(ctx, func(tx *redis.Tx) error {
		if err := other.Set(ctx, "a", "changed", 0).Err(); err != nil {
			return err
		}
		_, err := tx.TxPipelined(ctx, func(p redis.Pipeliner) error {
			p.Set(ctx, "a", "mine", 0)
			return nil
		})
		return err
	}, "a")
	if !errors.Is(err, redis.TxFailedErr) {
		t.Fatalf("WATCH conflict: %v, want TxFailedErr", err)
	}
	if v := rdb.Get(ctx, "a").Val(); v != "changed" {
		t.Fatalf("a = %s", v)
	}
	// Concurrent increments with WATCH retries end with the exact total.
	var wg sync.WaitGroup
	for i := 0; i < 10; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := 0; j < 20; j++ {
				for {
					err := rdb.Watch(ctx, func(tx *redis.Tx) error {
						n, err := tx.Get(ctx, "w").Int()
						if err != nil && !errors.Is(err, redis.Nil) {
							return err
						}
						_, err = tx.TxPipelined(ctx, func(p redis.Pipeliner) error {
							p.Set(ctx, "w", n+1, 0)
							return nil
						})
						return err
					}, "w")
					if err == nil {
						break
					}
					if !errors.Is(err, redis.TxFailedErr) {
						t.Error(err)
						return
					}
				}
			}
		}()
	}
	wg.Wait()
	if v := rdb.Get(ctx, "w").Val(); v != "200" {
		t.Fatalf("w = %s after 200 optimistic increments", v)
	}
}

func TestPubSub(t *testing.T) {
	for _, proto := range []int{2, 3} {
		t.Run("resp"+strconv.Itoa(proto), func(t *testing.T) {
			rdb, _ := start(t, func(o *redis.Options) { o.Protocol = proto })
			ctx := context.Background()
			sub := rdb.Subscribe(ctx, "news")
			defer sub.Close()
			if _, err := sub.Receive(ctx); err != nil { // the subscribe confirmation
				t.Fatal(err)
			}
			psub := rdb.PSubscribe(ctx, "n*")
			defer psub.Close()
			if _, err := psub.Receive(ctx); err != nil {
				t.Fatal(err)
			}
			if n, err := rdb.Publish(ctx, "news", "hello").Result(); err != nil || n != 2 {
				t.Fatalf("PUBLISH = %d, %v", n, err)
			}
			msg, err := sub.ReceiveMessage(ctx)
			if err != nil || msg.Channel != "news" || msg.Payload != "hello" {
				t.Fatalf("message %+v, %v", msg, err)
			}
			pmsg, err := psub.ReceiveMessage(ctx)
			if err != nil || pmsg.Pattern != "n*" || pmsg.Payload != "hello" {
				t.Fatalf("pmessage %+v, %v", pmsg, err)
			}
			chans, err := rdb.PubSubChannels(ctx, "*").Result()
			if err != nil || len(chans) != 1 || chans[0] != "news" {
				t.Fatalf("PUBSUB CHANNELS = %v, %v", chans, err)
			}
		})
	}
}

func TestBlockingPop(t *testing.T) {
	rdb, _ := start(t)
	if !has(t, rdb, "blpop") || !has(t, rdb, "lpush") {
		t.Skip("the keyspace has no list commands yet")
	}
	ctx := context.Background()
	got := make(chan []string, 1)
	go func() {
		v, err := rdb.BLPop(ctx, 5*time.Second, "queue").Result()
		if err != nil {
			t.Error(err)
		}
		got <- v
	}()
	time.Sleep(100 * time.Millisecond)
	if err := rdb.LPush(ctx, "queue", "job").Err(); err != nil {
		t.Fatal(err)
	}
	select {
	case v := <-got:
		if len(v) != 2 || v[0] != "queue" || v[1] != "job" {
			t.Fatalf("BLPOP = %v", v)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("BLPOP was not woken")
	}
	if _, err := rdb.BLPop(ctx, 100*time.Millisecond, "empty").Result(); !errors.Is(err, redis.Nil) {
		t.Fatalf("BLPOP timeout: %v, want redis.Nil", err)
	}
}

func TestScripts(t *testing.T) {
	rdb, _ := start(t)
	if !has(t, rdb, "eval") {
		t.Skip("the script bridge (EVAL) is not wired in yet")
	}
	ctx := context.Background()
	v, err := rdb.Eval(ctx, "return redis.call('SET', KEYS[1], ARGV[1])", []string{"k"}, "v").Result()
	if err != nil || v != "OK" {
		t.Fatalf("EVAL = %v, %v", v, err)
	}
}

func TestAuth(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	s := server.New(server.Config{Port: ln.Addr().(*net.TCPAddr).Port, RequirePass: "pw"})
	go func() { _ = s.Serve(ln) }()
	defer s.Close()
	ctx := context.Background()
	bad := redis.NewClient(&redis.Options{Addr: ln.Addr().String(), Password: "wrong"})
	defer bad.Close()
	if err := bad.Ping(ctx).Err(); err == nil {
		t.Fatal("PING with a wrong password succeeded")
	}
	good := redis.NewClient(&redis.Options{Addr: ln.Addr().String(), Password: "pw"})
	defer good.Close()
	if err := good.Ping(ctx).Err(); err != nil {
		t.Fatal(err)
	}
}
