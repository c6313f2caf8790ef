package parser

import "github.com/redmoon-dev/redmoon/lua/lexer"

func countTokens(src []byte) int {
	lx := lexer.New(src, "=bench", lexer.Options{})
	var it lexer.Item
	n := 0
	for {
		if err := lx.Scan(&it); err != nil || it.Tok == lexer.EOS {
			return n
		}
		n++
	}
}
