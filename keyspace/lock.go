package keyspace

// TryLock takes the keyspace lock if it is free and reports whether it did, without waiting.
// A server uses it as the fast path before a wait that can also end for another reason (a
// script that became busy).
func (ks *Keyspace) TryLock() bool { return ks.mu.TryLock() }
