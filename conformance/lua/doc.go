// Package lua holds the differential corpus of Lua programs: each program under programs/
// prints its results, and its expected output, recorded from PUC Lua 5.1 (lua5.1), sits beside
// it in a .out file. TestPrograms runs every program under redmoon and compares; with lua5.1
// installed, TestProgramsOracle re-runs the oracle and compares it with the golden files
// (go test ./conformance/lua -run Oracle -update rewrites them).
//
// A golden file is the program's stdout followed, when the program failed, by a line
// "=== exit 1" and the first line of what lua5.1 wrote on stderr (the error message). A program
// that needs a library other than the base library says so in its first line, as
// "-- needs: string table"; it is skipped while that library is not built.
package lua
