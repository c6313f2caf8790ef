// Package syntax holds the Lua 5.1 syntax corpus: snippets that PUC Lua 5.1 accepts or rejects,
// with the oracle's answers recorded as golden files, and the tests that hold redmoon's lexer
// and parser to them. See README.md for the file format and how to add cases.
package syntax
