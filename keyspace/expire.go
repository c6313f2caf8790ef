package keyspace

import "time"

// Active expiry: like Redis's activeExpireCycle, each database's keys with an expire time are
// sampled (20 at a time) and the expired ones deleted; sampling repeats while more than a quarter
// of a sample was expired and the time budget lasts. The unexpired keys of each sample feed the
// database's average-TTL estimate (INFO keyspace avg_ttl), as in Redis.

const (
	expireSample      = 20
	expireCycleBudget = 25 * time.Millisecond
)

// ActiveExpireCycle runs one active-expiry cycle and returns how many keys it deleted. The
// keyspace lock must be held.
func (ks *Keyspace) ActiveExpireCycle() int {
	start := time.Now()
	now := ks.Clock.Now()
	deleted := 0
	for _, db := range ks.dbs {
		for {
			if len(db.expires) == 0 {
				db.avgTTL = 0
				break
			}
			sampled, expired := 0, 0
			var ttlSum, ttlSamples int64
			var victims [expireSample]string
			for key, when := range db.expires {
				if sampled == expireSample {
					break
				}
				sampled++
				if now > when {
					victims[expired] = key
					expired++
				} else if ttl := when - now; ttl > 0 {
					ttlSum += ttl
					ttlSamples++
				}
			}
			for _, key := range victims[:expired] {
				db.expireKey(key)
			}
			db.updateAvgTTL(ttlSum, ttlSamples)
			deleted += expired
			if expired*4 <= sampled || time.Since(start) > expireCycleBudget {
				break
			}
		}
	}
	return deleted
}

// StartActiveExpire runs ActiveExpireCycle every interval (Redis: 100ms) in a goroutine that takes
// the keyspace lock for each cycle. stop ends the goroutine and waits for it.
func (ks *Keyspace) StartActiveExpire(interval time.Duration) (stop func()) {
	done := make(chan struct{})
	finished := make(chan struct{})
	go func() {
		defer close(finished)
		t := time.NewTicker(interval)
		defer t.Stop()
		for {
			select {
			case <-done:
				return
			case <-t.C:
				ks.Lock()
				ks.ActiveExpireCycle()
				ks.Unlock()
			}
		}
	}()
	var once bool
	return func() {
		if once {
			return
		}
		once = true
		close(done)
		<-finished
	}
}
