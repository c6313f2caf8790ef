package keyspace

// Helpers shared by the collection families (hashes, lists, sets): typed lookups, key creation
// and the deletion of keys whose collection became empty, with the events Redis sends.

// lookupReadTyped finds key for reading. It writes WRONGTYPE and returns ok=false when the key
// holds another type; e is nil when the key does not exist.
func lookupReadTyped(c *Ctx, key string, t Type, r Reply) (e *entry, ok bool) {
	e = c.DB.lookupRead(c, key)
	if e != nil && e.typ != t {
		r.Error(ErrWrongType)
		return nil, false
	}
	return e, true
}

// lookupWriteTyped is lookupReadTyped for a key about to be modified.
func lookupWriteTyped(c *Ctx, key string, t Type, r Reply) (e *entry, ok bool) {
	e = c.DB.lookupWrite(c, key)
	if e != nil && e.typ != t {
		r.Error(ErrWrongType)
		return nil, false
	}
	return e, true
}

// createKey stores a new key holding val and sends the "new" event (dbAdd).
func createKey(c *Ctx, key string, t Type, enc Encoding, val any) *entry {
	e := &entry{key: key, typ: t, enc: enc, val: val}
	c.DB.add(c, e)
	c.KS.event(EventNew, "new", c.DB.ID, key)
	return e
}

// replaceKey stores val under key, replacing whatever the key held and dropping its expire time
// (setKey, as the *STORE commands use it); it sends "new" when the key did not exist.
func replaceKey(c *Ctx, key string, t Type, enc Encoding, val any) *entry {
	e := &entry{key: key, typ: t, enc: enc, val: val}
	if c.DB.find(c, key) == nil {
		c.DB.add(c, e)
		c.KS.event(EventNew, "new", c.DB.ID, key)
		return e
	}
	c.DB.setEntry(c, e, false)
	return e
}

// removeIfEmpty removes a key whose collection has no element left and reports whether it did.
// The caller sends its own event first, then the generic "del" (delEvent), as Redis orders them.
func removeIfEmpty(c *Ctx, e *entry) bool {
	if e.val.(Collection).Len() != 0 {
		return false
	}
	c.DB.remove(e.key)
	return true
}

// delEvent sends the generic "del" event for a key a command emptied.
func delEvent(c *Ctx, key string) { c.KS.event(EventGeneric, "del", c.DB.ID, key) }

// deleteStoreKey implements the empty-result branch of the *STORE commands: the destination is
// deleted when it exists ("del" event, a modification), and nothing happens otherwise.
func deleteStoreKey(c *Ctx, key string) {
	if c.DB.find(c, key) != nil {
		c.DB.remove(key)
		c.changed(EventGeneric, "del", key)
	}
}
