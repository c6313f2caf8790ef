// Package libm holds C math functions as glibc 2.36 computes them on x86-64 (its FMA variants),
// bit for bit: sin, cos, tan, asin and acos, with glibc's tables and evaluation order. PUC Lua
// (math.sin and friends) and Redis (GEO distances) both call glibc, so the Lua libraries and
// the keyspace share these functions to give the same last bits.
//
// The functions take finite arguments (asin and acos: |x| <= 1); callers handle NaN, infinities
// and domain errors with C's rules. Nothing here allocates once the tables are built.
package libm
