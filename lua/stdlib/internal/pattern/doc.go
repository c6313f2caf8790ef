// Package pattern is Lua 5.1's pattern matcher (lstrlib.c), reproduced behaviour for behaviour:
// character classes (%a %c %d %l %p %s %u %w %x %z and their complements, in the "C" locale),
// sets with ranges and classes, anchors, the quantifiers * + - ?, captures and position
// captures, back-references %1-%9, %b and %f, and Lua 5.1's error messages, which like PUC's
// are raised lazily, only when the matcher reaches the faulty part of the pattern.
//
// The matcher backtracks directly over byte indices of the subject and the pattern, as PUC's
// does; a Matcher holds its captures in a fixed array, so matching allocates nothing.
//
// As in C, a pattern ends at its first zero byte (use %z to match a zero byte). The subject may
// contain any bytes.
//
// Two safety bounds have no counterpart in PUC Lua 5.1: the recursion depth of the matcher is
// limited to MaxDepth (PUC crashes with a C stack overflow well before it, near 110,000 nested
// single-character items on an 8 MB stack), and a Matcher may carry an Interrupt function that
// is called every few hundred thousand steps so that a host can stop a runaway match.
package pattern
