package keyspace

import (
	"sync/atomic"
	"time"
)

// Clock is the keyspace's source of time, in Unix milliseconds. By default it follows the real
// time; Set or Advance switch it to manual time, which tests use to drive expiry. It is safe for
// concurrent use.
type Clock struct {
	manual atomic.Bool
	ms     atomic.Int64
}

// Now returns the current time in Unix milliseconds.
func (c *Clock) Now() int64 {
	if c.manual.Load() {
		return c.ms.Load()
	}
	return time.Now().UnixMilli()
}

// Millis returns the clock's time for a reading of the real time that the caller made itself
// (realMs, Unix milliseconds): realMs when the clock follows the real time, the manual time
// otherwise. A server that reads the time once per command for its own needs (timing, the slow
// log) passes that reading here and gives the result to the command (Ctx.Frozen), so the time is
// read once, not twice.
func (c *Clock) Millis(realMs int64) int64 {
	if c.manual.Load() {
		return c.ms.Load()
	}
	return realMs
}

// Set freezes the clock at ms (Unix milliseconds); it then moves only through Set and Advance.
func (c *Clock) Set(ms int64) {
	c.ms.Store(ms)
	c.manual.Store(true)
}

// Advance moves a manual clock forward by d (starting from the real time if the clock was not
// manual yet).
func (c *Clock) Advance(d time.Duration) {
	if !c.manual.Load() {
		c.Set(time.Now().UnixMilli())
	}
	c.ms.Add(d.Milliseconds())
}

// Real makes the clock follow the real time again.
func (c *Clock) Real() { c.manual.Store(false) }

// NowMicro returns the current time in Unix microseconds (TIME).
func (c *Clock) NowMicro() int64 {
	if c.manual.Load() {
		return c.ms.Load() * 1000
	}
	return time.Now().UnixMicro()
}
