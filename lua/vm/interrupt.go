package vm

// The interrupt check runs on calls and backward jumps only: a countdown in the global state
// that, when it reaches zero, looks at the atomic interrupt flag, the work limit and the count
// hook. Nothing is checked per instruction.

// Interrupt asks the running state to stop: at its next check (within a few thousand calls or
// loop iterations) the state calls the interrupt handler, or raises the error "interrupted" when
// there is none. It is safe to call from another goroutine.
func (L *State) Interrupt() { L.g.interrupt.Store(1) }

// ClearInterrupt withdraws a pending interrupt request.
func (L *State) ClearInterrupt() { L.g.interrupt.Store(0) }

// SetInterruptHandler installs f, called at an interrupt check after Interrupt was requested
// (the request is cleared first). f runs on the state's goroutine and may raise a Lua error
// (for instance with L.Errorf) to abort the script.
func (L *State) SetInterruptHandler(f func(L *State)) { L.g.onInterrupt = f }

// SetCheckPeriod sets how many calls and backward jumps run between two interrupt checks
// (default 16384).
func (L *State) SetCheckPeriod(n int64) {
	if n < 1 {
		n = 1
	}
	g := L.g
	g.events += g.period - g.countdown
	g.period = n
	g.countdown = n
}

// SetInstructionLimit sets the work limit (calls plus backward jumps) counted from now; 0
// removes it.
func (L *State) SetInstructionLimit(n int64) {
	g := L.g
	g.events = 0
	g.limit = n
	if g.period > 1<<14 || g.period <= 0 {
		g.period = 1 << 14
	}
	if n > 0 && n < g.period {
		g.period = n
	}
	g.countdown = g.period
}

// WorkDone returns the calls and backward jumps counted since the limit was last set.
func (L *State) WorkDone() int64 { g := L.g; return g.events + g.period - g.countdown }

// CheckInterrupt runs an interrupt check now (pending Interrupt requests, the work limit): Go
// functions that loop for long without calling Lua (the pattern matcher) call it now and then.
func (L *State) CheckInterrupt() { L.checkInterrupt() }

func (L *State) checkInterrupt() {
	g := L.g
	g.events += g.period - g.countdown
	g.countdown = g.period
	if g.interrupt.Load() != 0 {
		g.interrupt.Store(0)
		if g.onInterrupt != nil {
			g.onInterrupt(L)
		} else {
			L.RunError("interrupted")
		}
	}
	if g.limit > 0 {
		if g.events >= g.limit {
			g.countdown = 1
			L.RunError("instruction limit exceeded")
		}
		if rem := g.limit - g.events; rem < g.countdown {
			g.countdown = rem
		}
	}
}
