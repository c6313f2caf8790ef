package keyspace

// The list commands, as Redis 7.0's t_list.c. The blocking forms are in blocking.go.

func init() {
	register(map[string]Handler{
		"lpush": lpushCommand, "rpush": rpushCommand, "lpushx": lpushxCommand,
		"rpushx": rpushxCommand, "linsert": linsertCommand, "llen": llenCommand,
		"lindex": lindexCommand, "lset": lsetCommand, "lpop": lpopCommand, "rpop": rpopCommand,
		"lrange": lrangeCommand, "ltrim": ltrimCommand, "lpos": lposCommand, "lrem": lremCommand,
		"rpoplpush": rpoplpushCommand, "lmove": lmoveCommand, "lmpop": lmpopCommand,
	})
	ListFromStrings = func(elems []string) (Collection, Encoding) {
		return newListFrom(elems), EncQuicklist
	}
}

// lookupList finds a list: l is nil when the key does not exist, ok is false (and WRONGTYPE
// written) when it holds another type.
func lookupList(c *Ctx, key string, write bool, r Reply) (e *entry, l *listValue, ok bool) {
	if write {
		e, ok = lookupWriteTyped(c, key, TypeList, r)
	} else {
		e, ok = lookupReadTyped(c, key, TypeList, r)
	}
	if !ok || e == nil {
		return nil, nil, ok
	}
	return e, e.val.(*listValue), true
}

func lpushCommand(c *Ctx, args []string, r Reply)  { pushGeneric(c, args, true, false, r) }
func rpushCommand(c *Ctx, args []string, r Reply)  { pushGeneric(c, args, false, false, r) }
func lpushxCommand(c *Ctx, args []string, r Reply) { pushGeneric(c, args, true, true, r) }
func rpushxCommand(c *Ctx, args []string, r Reply) { pushGeneric(c, args, false, true, r) }

func pushGeneric(c *Ctx, args []string, left, xx bool, r Reply) {
	_, l, ok := lookupList(c, args[1], true, r)
	if !ok {
		return
	}
	if l == nil {
		if xx {
			r.Integer(0)
			return
		}
		l = &listValue{}
		createKey(c, args[1], TypeList, EncQuicklist, l)
	}
	for _, s := range args[2:] {
		l.push(s, left)
	}
	if left {
		c.changed(EventList, "lpush", args[1])
	} else {
		c.changed(EventList, "rpush", args[1])
	}
	c.KS.Dirty += int64(len(args) - 3)
	r.Integer(int64(l.Len()))
}

func linsertCommand(c *Ctx, args []string, r Reply) {
	var after bool
	switch w := cstr(args[2]); {
	case equalFold(w, "after"):
		after = true
	case equalFold(w, "before"):
	default:
		r.Error(ErrSyntax)
		return
	}
	_, l, ok := lookupList(c, args[1], true, r)
	if !ok {
		return
	}
	if l == nil {
		r.Integer(0)
		return
	}
	i := l.index(args[3])
	if i < 0 {
		r.Integer(-1)
		return
	}
	if after {
		i++
	}
	l.insert(i, args[4])
	c.changed(EventList, "linsert", args[1])
	r.Integer(int64(l.Len()))
}

func llenCommand(c *Ctx, args []string, r Reply) {
	_, l, ok := lookupList(c, args[1], false, r)
	if !ok {
		return
	}
	if l == nil {
		r.Integer(0)
		return
	}
	r.Integer(int64(l.Len()))
}

// listIndex converts a Redis index (negative counts from the tail) to a position, or -1 when it
// is out of range.
func listIndex(l *listValue, index int64) int {
	n := int64(l.Len())
	if index < 0 {
		index += n
	}
	if index < 0 || index >= n {
		return -1
	}
	return int(index)
}

func lindexCommand(c *Ctx, args []string, r Reply) {
	_, l, ok := lookupList(c, args[1], false, r)
	if !ok {
		return
	}
	if l == nil {
		r.Null()
		return
	}
	index, ok := ParseInt(args[2])
	if !ok {
		r.Error(ErrNotInt)
		return
	}
	if i := listIndex(l, index); i >= 0 {
		r.Bulk(l.at(i))
		return
	}
	r.Null()
}

func lsetCommand(c *Ctx, args []string, r Reply) {
	_, l, ok := lookupList(c, args[1], true, r)
	if !ok {
		return
	}
	if l == nil {
		r.Error(ErrNoSuchKey)
		return
	}
	index, ok := ParseInt(args[2])
	if !ok {
		r.Error(ErrNotInt)
		return
	}
	i := listIndex(l, index)
	if i < 0 {
		r.Error("ERR index out of range")
		return
	}
	l.set(i, args[3])
	c.changed(EventList, "lset", args[1])
	r.SimpleString("OK")
}

func lpopCommand(c *Ctx, args []string, r Reply) { popGeneric(c, args, true, r) }
func rpopCommand(c *Ctx, args []string, r Reply) { popGeneric(c, args, false, r) }

// popGeneric is LPOP/RPOP key [count].
func popGeneric(c *Ctx, args []string, left bool, r Reply) {
	if len(args) > 3 {
		r.Error(ArityError(Lookup(args[0])))
		return
	}
	count, hasCount := int64(0), len(args) == 3
	if hasCount {
		n, ok := ParseInt(args[2])
		if !ok || n < 0 {
			r.Error(ErrNotPositive)
			return
		}
		count = n
	}
	e, l, ok := lookupList(c, args[1], true, r)
	if !ok {
		return
	}
	if l == nil {
		if hasCount {
			r.NullArray()
		} else {
			r.Null()
		}
		return
	}
	if hasCount && count == 0 {
		r.ArrayLen(0)
		return
	}
	if !hasCount {
		r.Bulk(l.pop(left))
		listPopped(c, e, left, 1)
		return
	}
	listPopRange(c, e, l, left, count, r)
}

// listPopRange pops up to count elements and replies with them (listPopRangeAndReplyWithKey
// without the key).
func listPopRange(c *Ctx, e *entry, l *listValue, left bool, count int64, r Reply) {
	n := int64(l.Len())
	if count < n {
		n = count
	}
	r.ArrayLen(int(n))
	for k := int64(0); k < n; k++ {
		r.Bulk(l.pop(left))
	}
	listPopped(c, e, left, n)
}

// listPopped sends the events of a pop of n elements (listElementsRemoved) and deletes the key
// when the list is empty.
func listPopped(c *Ctx, e *entry, left bool, n int64) {
	key := e.key
	removed := removeIfEmpty(c, e)
	if left {
		c.changed(EventList, "lpop", key)
	} else {
		c.changed(EventList, "rpop", key)
	}
	if removed {
		delEvent(c, key)
	}
	c.KS.Dirty += n - 1
}

// listRange clamps start and end (Redis indexes, inclusive) to a list of n elements; ok is false
// for an empty range.
func listRange(start, end, n int64) (int64, int64, bool) {
	if start < 0 {
		start += n
	}
	if end < 0 {
		end += n
	}
	if start < 0 {
		start = 0
	}
	if start > end || start >= n {
		return 0, 0, false
	}
	if end >= n {
		end = n - 1
	}
	return start, end, true
}

func lrangeCommand(c *Ctx, args []string, r Reply) {
	start, ok1 := ParseInt(args[2])
	end, ok2 := ParseInt(args[3])
	if !ok1 || !ok2 {
		r.Error(ErrNotInt)
		return
	}
	_, l, ok := lookupList(c, args[1], false, r)
	if !ok {
		return
	}
	if l == nil {
		r.ArrayLen(0)
		return
	}
	s, t, ok := listRange(start, end, int64(l.Len()))
	if !ok {
		r.ArrayLen(0)
		return
	}
	r.ArrayLen(int(t - s + 1))
	for i := int(s); i <= int(t); i++ {
		r.Bulk(l.at(i))
	}
}

func ltrimCommand(c *Ctx, args []string, r Reply) {
	start, ok1 := ParseInt(args[2])
	end, ok2 := ParseInt(args[3])
	if !ok1 || !ok2 {
		r.Error(ErrNotInt)
		return
	}
	e, l, ok := lookupList(c, args[1], true, r)
	if !ok {
		return
	}
	if l == nil {
		r.SimpleString("OK")
		return
	}
	s, t, ok := listRange(start, end, int64(l.Len()))
	if ok {
		l.trim(int(s), int(t))
	} else {
		l.clear()
	}
	removed := removeIfEmpty(c, e)
	c.changed(EventList, "ltrim", args[1])
	if removed {
		delEvent(c, args[1])
	}
	r.SimpleString("OK")
}

func lremCommand(c *Ctx, args []string, r Reply) {
	count, ok := ParseInt(args[2])
	if !ok {
		r.Error(ErrNotInt)
		return
	}
	e, l, ok := lookupList(c, args[1], true, r)
	if !ok {
		return
	}
	if l == nil {
		r.Integer(0)
		return
	}
	n := l.remove(args[3], count)
	if n > 0 {
		removed := removeIfEmpty(c, e)
		c.changed(EventList, "lrem", args[1])
		if removed {
			delEvent(c, args[1])
		}
	}
	r.Integer(n)
}

// parseRangeLong is getRangeLongFromObjectOrReply: an integer within [min, max]. msg, when not
// empty, is the error for both a non-integer and a value out of range.
func parseRangeLong(s string, min, max int64, msg string) (int64, string) {
	n, ok := ParseInt(s)
	if !ok {
		if msg != "" {
			return 0, msg
		}
		return 0, ErrNotInt
	}
	if n < min || n > max {
		if msg != "" {
			return 0, msg
		}
		return 0, "ERR value is out of range, value must between " + FormatInt(min) + " and " + FormatInt(max)
	}
	return n, ""
}

func lposCommand(c *Ctx, args []string, r Reply) {
	rank, count, maxlen := int64(1), int64(-1), int64(0)
	for j := 3; j < len(args); j++ {
		opt := cstr(args[j])
		more := len(args) - 1 - j
		var msg string
		switch {
		case equalFold(opt, "rank") && more > 0:
			j++
			// 7.0.15 takes any 64-bit integer here (-LLONG_MIN stays negative: every match counts).
			if rank, msg = parseRangeLong(args[j], minInt64, maxInt64, ""); msg == "" && rank == 0 {
				msg = "ERR RANK can't be zero: use 1 to start from the first match, 2 from the second ... or use negative to start from the end of the list"
			}
		case equalFold(opt, "count") && more > 0:
			j++
			count, msg = parseRangeLong(args[j], 0, maxInt64, "ERR COUNT can't be negative")
		case equalFold(opt, "maxlen") && more > 0:
			j++
			maxlen, msg = parseRangeLong(args[j], 0, maxInt64, "ERR MAXLEN can't be negative")
		default:
			msg = ErrSyntax
		}
		if msg != "" {
			r.Error(msg)
			return
		}
	}
	fromTail := rank < 0
	if fromTail {
		rank = -rank // wraps for the most negative rank, as in C
	}
	_, l, ok := lookupList(c, args[1], false, r)
	if !ok {
		return
	}
	if l == nil {
		if count != -1 {
			r.ArrayLen(0)
		} else {
			r.Null()
		}
		return
	}
	n := l.Len()
	var found []int64
	var matches int64
	for k := 0; k < n && (maxlen == 0 || int64(k) < maxlen); k++ {
		i := k
		if fromTail {
			i = n - 1 - k
		}
		if l.at(i) != args[2] {
			continue
		}
		matches++
		if matches < rank {
			continue
		}
		found = append(found, int64(i))
		if count == -1 || (count != 0 && matches-rank+1 >= count) {
			break
		}
	}
	if count != -1 {
		r.ArrayLen(len(found))
		for _, i := range found {
			r.Integer(i)
		}
		return
	}
	if len(found) == 0 {
		r.Null()
		return
	}
	r.Integer(found[0])
}

// parseWhere parses LEFT or RIGHT (getListPositionFromObjectOrReply); left reports LEFT.
func parseWhere(s string) (left bool, ok bool) {
	switch w := cstr(s); {
	case equalFold(w, "left"):
		return true, true
	case equalFold(w, "right"):
		return false, true
	}
	return false, false
}

func rpoplpushCommand(c *Ctx, args []string, r Reply) {
	lmoveGeneric(c, args[1], args[2], false, true, r)
}

func lmoveCommand(c *Ctx, args []string, r Reply) {
	from, ok1 := parseWhere(args[3])
	if !ok1 {
		r.Error(ErrSyntax)
		return
	}
	to, ok2 := parseWhere(args[4])
	if !ok2 {
		r.Error(ErrSyntax)
		return
	}
	lmoveGeneric(c, args[1], args[2], from, to, r)
}

// lmoveGeneric pops from src (the head when fromLeft) and pushes onto dst (the head when
// toLeft), replying with the element, or the null bulk when src does not exist.
func lmoveGeneric(c *Ctx, src, dst string, fromLeft, toLeft bool, r Reply) {
	se, sl, ok := lookupList(c, src, true, r)
	if !ok {
		return
	}
	if sl == nil {
		r.Null()
		return
	}
	_, dl, ok := lookupList(c, dst, true, r)
	if !ok {
		return
	}
	v := sl.pop(fromLeft)
	if dl == nil {
		dl = &listValue{}
		createKey(c, dst, TypeList, EncQuicklist, dl)
	}
	dl.push(v, toLeft)
	if toLeft {
		c.changed(EventList, "lpush", dst)
	} else {
		c.changed(EventList, "rpush", dst)
	}
	c.KS.Dirty--
	removed := removeIfEmpty(c, se)
	if fromLeft {
		c.changed(EventList, "lpop", src)
	} else {
		c.changed(EventList, "rpop", src)
	}
	if removed {
		delEvent(c, src)
	}
	r.Bulk(v)
}

// parseMPop parses the arguments of LMPOP (numIdx 1) and BLMPOP (numIdx 2) after the timeout:
// numkeys key... LEFT|RIGHT [COUNT count].
func parseMPop(args []string, numIdx int) (keys []string, left bool, count int64, msg string) {
	numKeys, msg := parseRangeLong(args[numIdx], 1, maxInt64, "ERR numkeys should be greater than 0")
	if msg != "" {
		return nil, false, 0, msg
	}
	if numKeys >= int64(len(args))-int64(numIdx) {
		return nil, false, 0, ErrSyntax
	}
	whereIdx := numIdx + int(numKeys) + 1
	if whereIdx >= len(args) {
		return nil, false, 0, ErrSyntax
	}
	left, ok := parseWhere(args[whereIdx])
	if !ok {
		return nil, false, 0, ErrSyntax
	}
	count = -1
	for j := whereIdx + 1; j < len(args); j++ {
		if count == -1 && equalFold(cstr(args[j]), "count") && j < len(args)-1 {
			j++
			if count, msg = parseRangeLong(args[j], 1, maxInt64, "ERR count should be greater than 0"); msg != "" {
				return nil, false, 0, msg
			}
		} else {
			return nil, false, 0, ErrSyntax
		}
	}
	if count == -1 {
		count = 1
	}
	return args[numIdx+1 : whereIdx], left, count, ""
}

func lmpopCommand(c *Ctx, args []string, r Reply) {
	keys, left, count, msg := parseMPop(args, 1)
	if msg != "" {
		r.Error(msg)
		return
	}
	mpopLists(c, keys, left, count, r)
}

// mpopLists pops up to count elements from the first non-empty list among keys and replies
// [key, [elements]], or the null array when every key is empty.
func mpopLists(c *Ctx, keys []string, left bool, count int64, r Reply) {
	for _, k := range keys {
		e, l, ok := lookupList(c, k, true, r)
		if !ok {
			return
		}
		if l == nil {
			continue
		}
		r.ArrayLen(2)
		r.Bulk(k)
		listPopRange(c, e, l, left, count, r)
		return
	}
	r.NullArray()
}
