package keyspace

import (
	"github.com/redmoon-dev/redmoon/keyspace/internal/stream"
)

// The stream commands, as Redis 7.0's t_stream.c. The data structure (entries in nodes sized
// like the real server's listpacks, consumer groups, pending entries lists) is in
// internal/stream. This file holds the value type, the shared helpers, XADD, XTRIM, XDEL, XLEN,
// XRANGE, XREVRANGE and XSETID; streams_read.go holds XREAD and XREADGROUP, streams_group.go the
// consumer group commands and streams_info.go XINFO.

func init() {
	register(map[string]Handler{
		"xadd": xaddCommand, "xtrim": xtrimCommand, "xdel": xdelCommand, "xlen": xlenCommand,
		"xrange": xrangeCommand, "xrevrange": xrevrangeCommand, "xsetid": xsetidCommand,
	})
}

// Error replies of the stream commands.
const (
	errInvalidStreamID = "ERR Invalid stream ID specified as stream command argument"
	errXAddTooSmall    = "ERR The ID specified in XADD is equal or smaller than the target stream top item"
)

// streamValue is the value of a stream key.
type streamValue struct{ stream.Stream }

// Len implements Collection.
func (v *streamValue) Len() int { return int(v.Length) }

// Copy implements Collection: consumer groups are copied too, as COPY does.
func (v *streamValue) Copy() Collection { return &streamValue{*v.Clone()} }

// streamNow is the time streams use for IDs, deliveries and idle times: Redis reads the clock
// (mstime) rather than the command's snapshot, so a script sees time pass.
func streamNow(c *Ctx) int64 { return c.KS.Clock.Now() }

// lookupStream finds a stream for reading or writing. It answers WRONGTYPE and returns ok=false
// for another type; s is nil when the key does not exist.
func lookupStream(c *Ctx, key string, write bool, r Reply) (s *streamValue, ok bool) {
	var e *entry
	if write {
		e = c.DB.lookupWrite(c, key)
	} else {
		e = c.DB.lookupRead(c, key)
	}
	if e == nil {
		return nil, true
	}
	if e.typ != TypeStream {
		r.Error(ErrWrongType)
		return nil, false
	}
	return e.val.(*streamValue), true
}

// createStream adds an empty stream under key.
func createStream(c *Ctx, key string) *streamValue {
	s := &streamValue{}
	c.DB.add(c, &entry{key: key, typ: TypeStream, enc: EncStream, val: s})
	c.KS.event(EventNew, "new", c.DB.ID, key)
	return s
}

// parseStrictID parses an ID where "-" and "+" are not allowed (streamParseStrictIDOrReply).
func parseStrictID(arg string) (stream.ID, bool) {
	id, res := stream.Parse(arg, 0, true, false)
	return id, res != stream.Invalid
}

// parseID parses an ID where "-" and "+" stand for the smallest and largest IDs.
func parseID(arg string, missingSeq uint64) (stream.ID, bool) {
	id, res := stream.Parse(arg, missingSeq, false, false)
	return id, res != stream.Invalid
}

// parseIntervalID parses a range bound: "(" before an ID excludes it (streamParseIntervalIDOrReply).
func parseIntervalID(arg string, missingSeq uint64) (id stream.ID, exclusive, ok bool) {
	if len(arg) > 1 && arg[0] == '(' {
		id, res := stream.Parse(arg[1:], missingSeq, true, false)
		return id, true, res != stream.Invalid
	}
	id, ok = parseID(arg, missingSeq)
	return id, false, ok
}

// parseStartBound parses the start of a range (XRANGE, XPENDING, XAUTOCLAIM): an exclusive
// start becomes the next ID. The second result is the error reply on failure.
func parseStartBound(arg string) (stream.ID, string) {
	id, ex, ok := parseIntervalID(arg, 0)
	if !ok {
		return id, errInvalidStreamID
	}
	if ex {
		if id, ok = id.Incr(); !ok {
			return id, "ERR invalid start ID for the interval"
		}
	}
	return id, ""
}

// parseEndBound parses the end of a range: an exclusive end becomes the previous ID.
func parseEndBound(arg string) (stream.ID, string) {
	id, ex, ok := parseIntervalID(arg, ^uint64(0))
	if !ok {
		return id, errInvalidStreamID
	}
	if ex {
		if id, ok = id.Decr(); !ok {
			return id, "ERR invalid end ID for the interval"
		}
	}
	return id, ""
}

// replyEntry writes one entry: its ID and its field-value array.
func replyEntry(r Reply, id stream.ID, fv []string) {
	r.ArrayLen(2)
	r.Bulk(id.String())
	r.ArrayLen(len(fv))
	for _, f := range fv {
		r.Bulk(f)
	}
}

// addTrimArgs are the parsed options of XADD and XTRIM.
type addTrimArgs struct {
	trim       stream.TrimArgs
	noMkStream bool
	id         stream.ID
	idGiven    bool
	seqGiven   bool
}

// parseAddTrimArgs parses XADD's (xadd=true) or XTRIM's options from args[2] as
// streamParseAddOrTrimArgsOrReply does. For XADD it returns the position of the ID argument.
func parseAddTrimArgs(args []string, xadd bool) (a addTrimArgs, idpos int, errMsg string) {
	limitGiven := false
	limit := int64(0)
	strategyArg := 0
	i := 2
	for ; i < len(args); i++ {
		more := len(args) - 1 - i
		opt := cstr(args[i])
		switch {
		case xadd && opt == "*":
			a.seqGiven = true
			return finishAddTrimArgs(a, i, limit, limitGiven, strategyArg, xadd)
		case equalFold(opt, "maxlen") && more > 0, equalFold(opt, "minid") && more > 0:
			if a.trim.Strategy != stream.TrimNone {
				return a, 0, "ERR syntax error, MAXLEN and MINID options at the same time are not compatible"
			}
			a.trim.Approx = false
			if next := cstr(args[i+1]); more >= 2 && next == "~" {
				a.trim.Approx = true
				i++
			} else if more >= 2 && next == "=" {
				i++
			}
			if equalFold(opt, "maxlen") {
				n, ok := ParseInt(args[i+1])
				if !ok {
					return a, 0, ErrNotInt
				}
				if n < 0 {
					return a, 0, "ERR The MAXLEN argument must be >= 0."
				}
				a.trim.MaxLen = n
				a.trim.Strategy = stream.TrimMaxLen
			} else {
				id, ok := parseStrictID(args[i+1])
				if !ok {
					return a, 0, errInvalidStreamID
				}
				a.trim.MinID = id
				a.trim.Strategy = stream.TrimMinID
			}
			i++
			strategyArg = i
		case equalFold(opt, "limit") && more > 0:
			n, ok := ParseInt(args[i+1])
			if !ok {
				return a, 0, ErrNotInt
			}
			if n < 0 {
				return a, 0, "ERR The LIMIT argument must be >= 0."
			}
			limit = n
			limitGiven = true
			i++
		case xadd && equalFold(opt, "nomkstream"):
			a.noMkStream = true
		case xadd:
			id, res := stream.Parse(args[i], 0, true, true)
			if res == stream.Invalid {
				return a, 0, errInvalidStreamID
			}
			a.id, a.idGiven, a.seqGiven = id, true, res == stream.Full
			return finishAddTrimArgs(a, i, limit, limitGiven, strategyArg, xadd)
		default:
			return a, 0, ErrSyntax
		}
	}
	return finishAddTrimArgs(a, i, limit, limitGiven, strategyArg, xadd)
}

func finishAddTrimArgs(a addTrimArgs, i int, limit int64, limitGiven bool, strategyArg int, xadd bool) (addTrimArgs, int, string) {
	if limit != 0 && strategyArg == 0 {
		return a, 0, "ERR syntax error, LIMIT cannot be used without specifying a trimming strategy"
	}
	if !xadd && strategyArg == 0 {
		return a, 0, "ERR syntax error, XTRIM must be called with a trimming strategy"
	}
	switch {
	case limitGiven:
		if !a.trim.Approx {
			return a, 0, "ERR syntax error, LIMIT cannot be used without the special ~ option"
		}
		a.trim.Limit = limit
	case a.trim.Approx:
		a.trim.Limit = 100 * stream.NodeMaxEntries
		if a.trim.Limit <= 0 {
			a.trim.Limit = 10000
		}
	default:
		a.trim.Limit = 0
	}
	return a, i, ""
}

func xaddCommand(c *Ctx, args []string, r Reply) {
	a, idpos, msg := parseAddTrimArgs(args, true)
	if msg != "" {
		r.Error(msg)
		return
	}
	fieldPos := idpos + 1
	if n := len(args) - fieldPos; n < 2 || n%2 == 1 {
		r.Error(ArityError(Lookup("xadd")))
		return
	}
	if a.idGiven && a.seqGiven && a.id.IsZero() {
		r.Error("ERR The ID specified in XADD must be greater than 0-0")
		return
	}
	key := args[1]
	s, ok := lookupStream(c, key, true, r)
	if !ok {
		return
	}
	if s == nil {
		if a.noMkStream {
			r.Null()
			return
		}
		s = createStream(c, key)
	}
	if s.LastID == stream.MaxID {
		r.Error("ERR The stream has exhausted the last possible ID, unable to add more items")
		return
	}
	var id stream.ID
	switch {
	case !a.idGiven:
		if ms := uint64(streamNow(c)); ms > s.LastID.Ms {
			id = stream.ID{Ms: ms}
		} else {
			id, _ = s.LastID.Incr()
		}
	case a.seqGiven:
		id = a.id
	case s.LastID.Ms == a.id.Ms:
		if s.LastID.Seq == ^uint64(0) {
			r.Error("ERR Elements are too large to be stored") // errno left at ERANGE by 7.0
			return
		}
		id = stream.ID{Ms: a.id.Ms, Seq: s.LastID.Seq + 1}
	default:
		id = a.id
	}
	if !s.LastID.Less(id) {
		r.Error(errXAddTooSmall)
		return
	}
	total := 0
	for _, a := range args[fieldPos:] {
		total += len(a)
	}
	if total > stream.ListpackMaxSize {
		r.Error("ERR Elements are too large to be stored")
		return
	}
	s.Append(id, append([]string(nil), args[fieldPos:]...))
	r.Bulk(id.String())
	c.changed(EventStream, "xadd", key)
	if a.trim.Strategy != stream.TrimNone && s.Trim(a.trim) != 0 {
		c.KS.event(EventStream, "xtrim", c.DB.ID, key)
	}
}

func xtrimCommand(c *Ctx, args []string, r Reply) {
	a, _, msg := parseAddTrimArgs(args, false)
	if msg != "" {
		r.Error(msg)
		return
	}
	key := args[1]
	s, ok := lookupStream(c, key, true, r)
	if !ok {
		return
	}
	if s == nil {
		r.Integer(0)
		return
	}
	deleted := s.Trim(a.trim)
	if deleted != 0 {
		c.KS.event(EventStream, "xtrim", c.DB.ID, key)
		c.KS.keyModified(c.DB.ID, key)
		c.KS.Dirty += deleted
	}
	r.Integer(deleted)
}

func xdelCommand(c *Ctx, args []string, r Reply) {
	key := args[1]
	s, ok := lookupStream(c, key, true, r)
	if !ok {
		return
	}
	if s == nil {
		r.Integer(0)
		return
	}
	ids := make([]stream.ID, 0, len(args)-2)
	for _, a := range args[2:] {
		id, ok := parseStrictID(a)
		if !ok {
			r.Error(errInvalidStreamID)
			return
		}
		ids = append(ids, id)
	}
	deleted := int64(0)
	firstDeleted := false
	for _, id := range ids {
		if s.Delete(id) {
			if id == s.FirstID {
				firstDeleted = true
			}
			if s.MaxDeletedID.Less(id) {
				s.MaxDeletedID = id
			}
			deleted++
		}
	}
	if deleted != 0 {
		if s.Length == 0 {
			s.FirstID = stream.ID{}
		} else if firstDeleted {
			s.FirstID, _ = s.First()
		}
		c.KS.keyModified(c.DB.ID, key)
		c.KS.event(EventStream, "xdel", c.DB.ID, key)
		c.KS.Dirty += deleted
	}
	r.Integer(deleted)
}

func xlenCommand(c *Ctx, args []string, r Reply) {
	s, ok := lookupStream(c, args[1], false, r)
	if !ok {
		return
	}
	if s == nil {
		r.Integer(0)
		return
	}
	r.Integer(int64(s.Length))
}

func xrangeCommand(c *Ctx, args []string, r Reply)    { xrangeGeneric(c, args, false, r) }
func xrevrangeCommand(c *Ctx, args []string, r Reply) { xrangeGeneric(c, args, true, r) }

func xrangeGeneric(c *Ctx, args []string, rev bool, r Reply) {
	startArg, endArg := args[2], args[3]
	if rev {
		startArg, endArg = endArg, startArg
	}
	start, msg := parseStartBound(startArg)
	if msg != "" {
		r.Error(msg)
		return
	}
	end, msg := parseEndBound(endArg)
	if msg != "" {
		r.Error(msg)
		return
	}
	count := int64(-1)
	for j := 4; j < len(args); j++ {
		if equalFold(cstr(args[j]), "count") && j+1 < len(args) {
			n, ok := ParseInt(args[j+1])
			if !ok {
				r.Error(ErrNotInt)
				return
			}
			if n < 0 {
				n = 0
			}
			count = n
			j++
			continue
		}
		r.Error(ErrSyntax)
		return
	}
	s, ok := lookupStream(c, args[1], false, r)
	if !ok {
		return
	}
	if s == nil {
		r.ArrayLen(0)
		return
	}
	if count == 0 {
		r.NullArray()
		return
	}
	replyRange(r, &s.Stream, start, end, count, rev)
}

// replyRange writes the entries of a range (count <= 0: all of them) as an array.
func replyRange(r Reply, s *stream.Stream, start, end stream.ID, count int64, rev bool) {
	// Two passes, counting then replying, so that nothing is collected.
	n := int64(0)
	s.Range(start, end, rev, func(stream.ID, []string) bool {
		n++
		return count <= 0 || n < count
	})
	r.ArrayLen(int(n))
	s.Range(start, end, rev, func(id stream.ID, fv []string) bool {
		replyEntry(r, id, fv)
		n--
		return n > 0
	})
}

func xsetidCommand(c *Ctx, args []string, r Reply) {
	id, ok := parseStrictID(args[2])
	if !ok {
		r.Error(errInvalidStreamID)
		return
	}
	entriesAdded := int64(-1)
	var maxDeleted stream.ID
	for i := 3; i < len(args); i++ {
		more := len(args) - 1 - i
		opt := cstr(args[i])
		switch {
		case equalFold(opt, "entriesadded") && more > 0:
			n, ok := ParseInt(args[i+1])
			if !ok {
				r.Error(ErrNotInt)
				return
			}
			if n < 0 {
				r.Error("ERR entries_added must be positive")
				return
			}
			entriesAdded = n
			i++
		case equalFold(opt, "maxdeletedid") && more > 0:
			md, ok := parseStrictID(args[i+1])
			if !ok {
				r.Error(errInvalidStreamID)
				return
			}
			if id.Less(md) {
				r.Error("ERR The ID specified in XSETID is smaller than the provided max_deleted_entry_id")
				return
			}
			maxDeleted = md
			i++
		default:
			r.Error(ErrSyntax)
			return
		}
	}
	key := args[1]
	s, ok := lookupStream(c, key, true, r)
	if !ok {
		return
	}
	if s == nil {
		r.Error(ErrNoSuchKey)
		return
	}
	if s.Length > 0 {
		if last, _ := s.Last(); id.Less(last) {
			r.Error("ERR The ID specified in XSETID is smaller than the target stream top item")
			return
		}
		if entriesAdded != -1 && s.Length > uint64(entriesAdded) {
			r.Error("ERR The entries_added specified in XSETID is smaller than the target stream length")
			return
		}
	}
	s.LastID = id
	if entriesAdded != -1 {
		s.EntriesAdded = uint64(entriesAdded)
	}
	if !maxDeleted.IsZero() {
		s.MaxDeletedID = maxDeleted
	}
	r.SimpleString("OK")
	c.changed(EventStream, "xsetid", key)
}
