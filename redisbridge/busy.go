package redisbridge

import (
	"runtime/metrics"
	"sync"
	"sync/atomic"
	"time"

	"github.com/redmoon-dev/redmoon/lua/vm"
)

// Busy scripts, SCRIPT KILL and FUNCTION KILL.
//
// A script runs on the goroutine of the command that started it, holding the keyspace lock for
// its whole run (atomicity). Other connections of a server must not wait for that lock blindly:
// before taking it, a server calls BusyError, which is safe without the lock. Once a script has
// run longer than the busy threshold (busy-reply-threshold), BusyError returns the BUSY text
// for the running kind of script, and the server answers it to every command except Redis's
// allow-busy set, serving SCRIPT KILL and FUNCTION KILL through Kill (also safe without the
// lock) and SHUTDOWN NOSAVE itself. Kill marks the run killed and raises the VM's interrupt
// flag; the VM checks it on calls and loop iterations and the script fails with
// "ERR Script killed by user with SCRIPT KILL..." (the error cannot be caught: the interrupt
// stays armed and fires again at every check). A script that has already called a write
// command cannot be killed (UNKILLABLE), exactly as in Redis; Kill and the write path agree
// through one atomic state word, so a killed script never writes.

const (
	stateWrote  = 1 << 0
	stateKilled = 1 << 1
)

// runState is what other goroutines may observe of the running script.
type runState struct {
	mu       sync.Mutex // guards the fields below (except state and startNs)
	startNs  atomic.Int64
	state    atomic.Uint32
	id       uint64
	function bool
	name     string
	argv     []string
	L        *vm.State

	pendingKill uint64 // id of a run to kill as soon as it begins (context ended early)

	busyCh    chan struct{} // closed when the run becomes busy or ends (made on demand)
	busyTimer *time.Timer

	memBase  uint64 // heap allocation counter at the start of the run
	memLimit int64
	loading  bool  // a FUNCTION LOAD body is running
	deadline int64 // FUNCTION LOAD deadline (unix nanoseconds)
}

// begin records the start of a run. argv is the caller's command (FUNCTION STATS shows it).
func (rs *runState) begin(L *vm.State, function bool, name string, argv []string) uint64 {
	rs.mu.Lock()
	rs.id++
	rs.function = function
	rs.name = name
	rs.argv = argv
	rs.L = L
	rs.state.Store(0)
	rs.startNs.Store(time.Now().UnixNano())
	id := rs.id
	if rs.pendingKill == id {
		rs.state.Store(stateKilled)
		L.Interrupt()
	}
	rs.mu.Unlock()
	return id
}

// nextID returns the id the next run will have (runs are serialized by the keyspace lock,
// which the caller holds).
func (rs *runState) nextID() uint64 {
	rs.mu.Lock()
	defer rs.mu.Unlock()
	return rs.id + 1
}

// end records the end of the run.
func (rs *runState) end() {
	rs.mu.Lock()
	if rs.busyCh != nil {
		rs.busyTimer.Stop()
		close(rs.busyCh)
		rs.busyCh, rs.busyTimer = nil, nil
	}
	rs.startNs.Store(0)
	rs.L = nil
	rs.argv = nil
	rs.mu.Unlock()
}

// markWrite records that the script is about to run a write command; false when the script
// was killed (it must not write then).
func (rs *runState) markWrite() bool {
	for {
		s := rs.state.Load()
		if s&stateKilled != 0 {
			return false
		}
		if s&stateWrote != 0 || rs.state.CompareAndSwap(s, s|stateWrote) {
			return true
		}
	}
}

// SetBusyThreshold sets busy-reply-threshold (lua-time-limit); zero or negative means the
// default of 5 seconds. Safe without the lock.
func (b *Bridge) SetBusyThreshold(d time.Duration) {
	if d <= 0 {
		d = DefaultBusyThreshold
	}
	atomic.StoreInt64(&b.busyNanos, int64(d))
}

// BusyThreshold returns the busy threshold.
func (b *Bridge) BusyThreshold() time.Duration { return time.Duration(atomic.LoadInt64(&b.busyNanos)) }

// BusyError returns the BUSY error a server answers other clients while a script has been
// running for longer than the busy threshold ("BUSY Redis is busy running a script. You can
// only call SCRIPT KILL or SHUTDOWN NOSAVE.", or FUNCTION KILL for a function), and "" when no
// script is running or it has not yet run that long. It is safe to call without the keyspace
// lock, and cheap (two atomic loads) when no script runs.
func (b *Bridge) BusyError() string {
	start := b.run.startNs.Load()
	if start == 0 || time.Now().UnixNano()-start < atomic.LoadInt64(&b.busyNanos) {
		return ""
	}
	b.run.mu.Lock()
	fn := b.run.function
	running := b.run.startNs.Load() != 0
	b.run.mu.Unlock()
	if !running {
		return ""
	}
	if fn {
		return errBusyFunction
	}
	return errBusyScript
}

// BusySignal returns a channel that is closed when the running script becomes busy (has run
// for the busy threshold) or ends, whichever comes first, and nil when no script runs. It is
// safe without the lock, and costs nothing to the scripts of a server whose clients never wait:
// the channel and its timer are made on the first call during a run.
//
// A server uses it so that a command that arrived while a script was running, and is waiting
// for the keyspace lock, still gets BUSY once the threshold passes, as Redis answers it: wait
// for the lock only until the signal, then call BusyError again.
func (b *Bridge) BusySignal() <-chan struct{} {
	rs := &b.run
	rs.mu.Lock()
	defer rs.mu.Unlock()
	start := rs.startNs.Load()
	if start == 0 {
		return nil
	}
	if rs.busyCh == nil {
		ch := make(chan struct{})
		rs.busyCh = ch
		wait := time.Duration(start + atomic.LoadInt64(&b.busyNanos) - time.Now().UnixNano())
		rs.busyTimer = time.AfterFunc(wait, func() {
			rs.mu.Lock()
			if rs.busyCh == ch {
				close(ch)
				rs.busyCh, rs.busyTimer = nil, nil
			}
			rs.mu.Unlock()
		})
	}
	return rs.busyCh
}

// RunningScript describes the script being run, for FUNCTION STATS and for a server.
type RunningScript struct {
	Name     string   // the SHA1 of an EVAL script or the name of a function
	Function bool     // FCALL (true) or EVAL (false)
	Command  []string // the command that started it
	Duration time.Duration
}

// Running returns the running script, ok false when none runs. Safe without the lock.
func (b *Bridge) Running() (rs RunningScript, ok bool) {
	b.run.mu.Lock()
	defer b.run.mu.Unlock()
	start := b.run.startNs.Load()
	if start == 0 {
		return rs, false
	}
	return RunningScript{
		Name:     b.run.name,
		Function: b.run.function,
		Command:  append([]string(nil), b.run.argv...),
		Duration: time.Duration(time.Now().UnixNano() - start),
	}, true
}

// Kill is SCRIPT KILL (function false) or FUNCTION KILL (function true) from any goroutine: it
// returns "" when the running script was marked killed (the reply is then +OK), or the error
// reply: NOTBUSY when nothing runs, UNKILLABLE when the script has written, the other kind's
// BUSY text when SCRIPT KILL targets a function or FUNCTION KILL an EVAL script.
func (b *Bridge) Kill(function bool) string {
	return b.kill(function, 0)
}

// kill kills the run with the given id (any run when id is 0).
func (b *Bridge) kill(function bool, id uint64) string {
	rs := &b.run
	rs.mu.Lock()
	defer rs.mu.Unlock()
	if rs.startNs.Load() == 0 || (id != 0 && rs.id != id) {
		return errNotBusy
	}
	for {
		s := rs.state.Load()
		if s&stateWrote != 0 {
			return errUnkillable
		}
		if !function && rs.function {
			return errBusyFunction
		}
		if function && !rs.function {
			return errBusyScript
		}
		if rs.state.CompareAndSwap(s, s|stateKilled) {
			break
		}
	}
	if rs.L != nil {
		rs.L.Interrupt()
	}
	return ""
}

// killRun kills the run with the given id whatever its kind (context cancellation of the
// embedded API); a run that has not begun yet is killed as it begins.
func (b *Bridge) killRun(id uint64) {
	rs := &b.run
	rs.mu.Lock()
	defer rs.mu.Unlock()
	if rs.id < id {
		rs.pendingKill = id
		return
	}
	if rs.id != id || rs.startNs.Load() == 0 {
		return
	}
	for {
		s := rs.state.Load()
		if s&stateWrote != 0 || rs.state.CompareAndSwap(s, s|stateKilled) {
			break
		}
	}
	if rs.state.Load()&stateKilled != 0 && rs.L != nil {
		rs.L.Interrupt()
	}
}

// raiseKilled raises the kill error and keeps the interrupt armed so that the script cannot
// catch it and go on.
func (b *Bridge) raiseKilled(L *vm.State) {
	L.SetCheckPeriod(1)
	L.Interrupt()
	raiseError(L, errKilled)
}

// onInterrupt is the VM's interrupt handler for both engines.
func (b *Bridge) onInterrupt(L *vm.State) {
	rs := &b.run
	if rs.loading {
		if time.Now().UnixNano() > rs.deadline {
			L.SetCheckPeriod(1)
			L.Interrupt()
			raiseError(L, "FUNCTION LOAD timeout")
		}
		L.Interrupt()
		return
	}
	if rs.state.Load()&stateKilled != 0 {
		b.raiseKilled(L)
	}
	if rs.memLimit > 0 {
		if int64(heapAllocs()-rs.memBase) > rs.memLimit {
			L.SetCheckPeriod(1)
			L.Interrupt()
			L.RunError(errMemoryLimit)
		}
		L.Interrupt()
	}
}

var allocSample = []metrics.Sample{{Name: "/gc/heap/allocs:bytes"}}

// heapAllocs returns the cumulative bytes allocated on the Go heap.
func heapAllocs() uint64 {
	metrics.Read(allocSample)
	if allocSample[0].Value.Kind() == metrics.KindUint64 {
		return allocSample[0].Value.Uint64()
	}
	return 0
}
