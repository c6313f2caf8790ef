package redis

import (
	"fmt"
	"sort"
	"strconv"
)

// Normalize applies a step's modifiers to a reply, giving the form that goldens store and that
// comparisons use. It never modifies v's element slices in place.
func Normalize(v Value, mods []Modifier) Value {
	for _, m := range mods {
		switch m.Kind {
		case ModIgnore:
			return Value{Kind: Normalized, Str: "ignored"}
		case ModType:
			v = atPath(v, m.Path, typeOnly)
		case ModRange:
			v = atPath(v, m.Path, func(v Value) Value { return inRange(v, m.Lo, m.Hi) })
		case ModUnordered, ModPairs:
			group := 1
			if m.Kind == ModPairs {
				group = 2
			}
			if m.Index < 0 {
				v = sortElems(v, group)
			} else if isAggregate(v) && m.Index < len(v.Elems) {
				elems := append([]Value(nil), v.Elems...)
				elems[m.Index] = sortElems(elems[m.Index], group)
				v.Elems = elems
			}
		}
	}
	return v
}

// atPath applies f to the elements of v that path selects (to v itself for an empty path). An
// element the path names but v does not have is left alone.
func atPath(v Value, path []int, f func(Value) Value) Value {
	if len(path) == 0 {
		return f(v)
	}
	if !isAggregate(v) {
		return v
	}
	elems := append([]Value(nil), v.Elems...)
	for i := range elems {
		if path[0] == PathAny || path[0] == i {
			elems[i] = atPath(elems[i], path[1:], f)
		}
	}
	v.Elems = elems
	return v
}

func isAggregate(v Value) bool {
	switch v.Kind {
	case Array, Map, Set, Push:
		return true
	}
	return false
}

// typeOnly keeps the shape of v and replaces every leaf by its type name.
func typeOnly(v Value) Value {
	if isAggregate(v) {
		out := Value{Kind: v.Kind, Elems: make([]Value, len(v.Elems))}
		for i, e := range v.Elems {
			out.Elems[i] = typeOnly(e)
		}
		return out
	}
	return Value{Kind: Normalized, Str: v.typeName()}
}

// inRange replaces every integer leaf (and every bulk string holding an integer) that lies in
// [lo, hi] by a description of the range; values outside stay as they are, so they show in diffs.
func inRange(v Value, lo, hi int64) Value {
	if isAggregate(v) {
		out := Value{Kind: v.Kind, Elems: make([]Value, len(v.Elems))}
		for i, e := range v.Elems {
			out.Elems[i] = inRange(e, lo, hi)
		}
		return out
	}
	n, ok := v.Int, v.Kind == Int
	if v.Kind == Bulk {
		var err error
		n, err = strconv.ParseInt(v.Str, 10, 64)
		ok = err == nil
	}
	if ok && lo <= n && n <= hi {
		return Value{Kind: Normalized, Str: fmt.Sprintf("%s in [%d,%d]", v.typeName(), lo, hi)}
	}
	return v
}

// sortElems orders the elements of an aggregate (in groups of group elements) by their rendered
// form, so that two replies with the same multiset of elements become equal.
func sortElems(v Value, group int) Value {
	if !isAggregate(v) || len(v.Elems)%group != 0 {
		return v
	}
	type unit struct {
		key   string
		elems []Value
	}
	units := make([]unit, 0, len(v.Elems)/group)
	for i := 0; i < len(v.Elems); i += group {
		u := unit{elems: v.Elems[i : i+group]}
		for _, e := range u.elems {
			u.key += e.Render()
		}
		units = append(units, u)
	}
	sort.SliceStable(units, func(i, j int) bool { return units[i].key < units[j].key })
	out := Value{Kind: v.Kind, Elems: make([]Value, 0, len(v.Elems))}
	for _, u := range units {
		out.Elems = append(out.Elems, u.elems...)
	}
	return out
}
