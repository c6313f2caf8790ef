// Package cfmt formats values as C's printf does with glibc on Linux x86-64, for Lua 5.1's
// string.format: conversion specifications as Lua 5.1's scanformat accepts them (at most five
// flag characters from "-+ #0", a width and a precision of at most two digits each), the
// integer conversions d i o u x X of C long values, the floating-point conversions e E f g G
// with glibc's rounding and its spellings of infinities and NaNs, c, s and Lua's own q.
//
// Lua 5.1 converts a Lua number to a C long or unsigned long before formatting it with an
// integer conversion; Long, ULong and Int reproduce those conversions as x86-64 performs them,
// including their results for values out of range.
//
// Every Append function appends to a byte slice and allocates nothing beyond its growth.
package cfmt
