package vm

// Moving and clearing stack slots. While the collector runs, clear and copy of pointer-holding
// memory go through a bulk write barrier (memclrHasPointers, typedslicecopy) whose fixed cost
// per call is far above that of the few single stores a call frame needs, so the call paths
// clear and move short runs one value at a time. A range loop storing zero values would be
// compiled into memclrHasPointers: these loops index by hand on purpose.

// clearValues sets every value of s to nil.
func clearValues(s []Value) {
	for i := 0; i < len(s); i++ {
		s[i] = Value{}
	}
}

// moveDown copies src to dst (len(dst) >= len(src)) where dst starts at or below src in the
// same stack, and returns the number of values moved.
func moveDown(dst, src []Value) int {
	if len(src) > 16 {
		return copy(dst, src)
	}
	dst = dst[:len(src)]
	for i := 0; i < len(src); i++ {
		dst[i] = src[i]
	}
	return len(src)
}
