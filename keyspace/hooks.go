package keyspace

// EventClass is the class of a keyspace event, as the notify-keyspace-events configuration
// letters select them.
type EventClass uint16

// Event classes (the letters of notify-keyspace-events).
const (
	EventGeneric EventClass = 1 << iota // g: DEL, EXPIRE, RENAME, ...
	EventString                         // $
	EventList                           // l
	EventSet                            // s
	EventHash                           // h
	EventZSet                           // z
	EventExpired                        // x
	EventEvicted                        // e
	EventStream                         // t
	EventKeyMiss                        // m
	EventNew                            // n: a new key was created
)

// Hooks let the layers above observe changes. Every function is optional and is called with the
// keyspace lock held, while the command runs; it must not call back into the keyspace.
type Hooks struct {
	// KeyModified is called for every key a command changes, deletes or expires (Redis's
	// signalModifiedKey): WATCH uses it.
	KeyModified func(db int, key string)
	// Event is called for each keyspace event (Redis's notifyKeyspaceEvent) with the event name
	// Redis uses ("set", "del", "expire", "expired", "rename_from", ...).
	Event func(class EventClass, event string, db int, key string)
	// Flushed is called when FLUSHDB (db >= 0) or FLUSHALL (db = -1) empties databases.
	Flushed func(db int)
	// Swapped is called when SWAPDB exchanges two databases.
	Swapped func(a, b int)
}

func (ks *Keyspace) keyModified(db int, key string) {
	if h := ks.Hooks.KeyModified; h != nil {
		h(db, key)
	}
}

func (ks *Keyspace) event(class EventClass, name string, db int, key string) {
	if h := ks.Hooks.Event; h != nil {
		h(class, name, db, key)
	}
}

// changed records a modification of key made by a command: the dirty counter, WATCH and the
// keyspace event.
func (c *Ctx) changed(class EventClass, event string, key string) {
	c.KS.Dirty++
	c.KS.keyModified(c.DB.ID, key)
	c.KS.event(class, event, c.DB.ID, key)
}
