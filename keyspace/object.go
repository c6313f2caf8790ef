package keyspace

// String values and their encodings, as Redis 7.0's object.c chooses them.

// embstrLimit is OBJ_ENCODING_EMBSTR_SIZE_LIMIT: strings up to 44 bytes are "embstr".
const embstrLimit = 44

// newStringEntry makes an entry for a value received as an argument, encoded the way Redis's
// tryObjectEncoding encodes it: "int" when it is a canonical 64-bit integer of at most 20 bytes
// (shared when 0 <= n < 10000), "embstr" up to 44 bytes, "raw" beyond.
func newStringEntry(key, val string) *entry {
	e := &entry{key: key, typ: TypeString}
	e.setEncoded(val)
	return e
}

// setEncoded stores val in a string entry with tryObjectEncoding's choice of encoding.
func (e *entry) setEncoded(val string) {
	e.str = val
	e.val = nil
	e.flags &^= flagShared
	if len(val) <= 20 {
		if n, ok := ParseInt(val); ok {
			e.setInt(n)
			e.str = val
			return
		}
	}
	if len(val) <= embstrLimit {
		e.enc = EncEmbstr
	} else {
		e.enc = EncRaw
	}
}

// newCreatedString makes an entry for a string built by a command (createStringObject):
// "embstr" up to 44 bytes, "raw" beyond, never "int".
func newCreatedString(key, val string) *entry {
	e := &entry{key: key, typ: TypeString, str: val, enc: EncRaw}
	if len(val) <= embstrLimit {
		e.enc = EncEmbstr
	}
	return e
}

// newRawString makes an entry whose value is always "raw" (APPEND, SETRANGE results).
func newRawString(key, val string) *entry {
	return &entry{key: key, typ: TypeString, str: val, enc: EncRaw}
}

// setInt makes e an integer-encoded string holding n (createStringObjectFromLongLongForValue:
// shared below 10000). The decimal text is produced lazily.
func (e *entry) setInt(n int64) {
	e.enc = EncInt
	e.str = ""
	if 0 <= n && n < sharedInts {
		e.flags |= flagShared
		e.val = nil
		e.str = FormatInt(n)
		return
	}
	e.flags &^= flagShared
	if b, ok := e.val.(*intBox); ok {
		b.n = n
		return
	}
	e.val = &intBox{n: n}
}

// intValue returns the number of an integer-encoded string.
func (e *entry) intValue() int64 {
	if b, ok := e.val.(*intBox); ok {
		return b.n
	}
	n, _ := ParseInt(e.str) // shared small integers keep only their text
	return n
}

// stringValue returns the value of a string entry, formatting an integer once.
func (e *entry) stringValue() string {
	if e.str == "" && e.enc == EncInt {
		e.str = FormatInt(e.intValue())
	}
	markEscaped(e) // a bitmap written in place must be copied before its next write
	return e.str
}

// stringLen is the length of a string entry's value.
func (e *entry) stringLen() int { return len(e.stringValue()) }

// refcount is what OBJECT REFCOUNT answers.
func (e *entry) refcount() int64 {
	if e.flags&flagShared != 0 {
		return 2147483647
	}
	return 1
}
