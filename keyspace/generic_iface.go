package keyspace

// Collection is implemented by the data structure of every non-string type (the val of its
// entries), so that the type-generic commands handle it.
type Collection interface {
	// Len is the number of elements (fields, members).
	Len() int
	// Copy returns an independent deep copy (COPY).
	Copy() Collection
}

// Elements is implemented by the types SORT accepts (lists, sets, sorted sets): it calls fn for
// each element in the type's natural order (list order, set iteration order, ascending score).
type Elements interface {
	Elements(fn func(elem string))
}

// FieldGetter is implemented by hashes: SORT's BY and GET patterns with "->field" read a field.
type FieldGetter interface {
	GetField(field string) (string, bool)
}

// ListFromStrings builds a list value (its structure and encoding, as 7.0 would encode a list of
// these elements) for SORT ... STORE. The list family sets it from its init function; until then
// SORT ... STORE of a non-empty result answers an error.
var ListFromStrings func(elems []string) (val Collection, enc Encoding)
