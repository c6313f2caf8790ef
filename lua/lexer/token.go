package lexer

// Token is a lexical token kind, numbered as in PUC Lua 5.1: a single-character token is its
// byte value (0-255) and the reserved words and multi-character tokens start at FirstReserved.
type Token int

// FirstReserved is the value of the first reserved token (And), as in llex.h.
const FirstReserved Token = 257

// Reserved words and multi-character tokens, in llex.h's order.
const (
	And Token = FirstReserved + iota
	Break
	Do
	Else
	Elseif
	End
	False
	For
	Function
	If
	In
	Local
	Nil
	Not
	Or
	Repeat
	Return
	Then
	True
	Until
	While
	Concat // ..
	Dots   // ...
	Eq     // ==
	Ge     // >=
	Le     // <=
	Ne     // ~=
	Number // a numeral
	Name   // an identifier
	String // a string literal
	EOS    // end of the source
)

// tokenNames holds luaX_tokens: the text of each reserved token as PUC prints it in messages.
var tokenNames = [...]string{
	"and", "break", "do", "else", "elseif",
	"end", "false", "for", "function", "if",
	"in", "local", "nil", "not", "or", "repeat",
	"return", "then", "true", "until", "while",
	"..", "...", "==", ">=", "<=", "~=",
	"<number>", "<name>", "<string>", "<eof>",
}

// String returns the token as luaX_token2str prints it: the character itself for single-byte
// tokens ("char(N)" for control characters), the word for reserved words, "<name>", "<string>",
// "<number>" or "<eof>" for the others.
func (t Token) String() string {
	if t < FirstReserved {
		if t >= 0 && t < 256 && isCntrl(byte(t)) {
			return "char(" + itoa(int(t)) + ")"
		}
		return string([]byte{byte(t)})
	}
	if i := int(t - FirstReserved); i < len(tokenNames) {
		return tokenNames[i]
	}
	return "?"
}

func itoa(n int) string {
	if n == 0 {
		return "0"
	}
	var b [20]byte
	i := len(b)
	neg := n < 0
	if neg {
		n = -n
	}
	for n > 0 {
		i--
		b[i] = byte('0' + n%10)
		n /= 10
	}
	if neg {
		i--
		b[i] = '-'
	}
	return string(b[i:])
}

// keyword returns the reserved word token spelled by w, or 0.
func keyword(w []byte) Token {
	if len(w) < 2 || len(w) > 8 || w[0] < 'a' || w[0] > 'w' {
		return 0
	}
	var cands [2]Token
	switch w[0] {
	case 'a':
		cands[0] = And
	case 'b':
		cands[0] = Break
	case 'd':
		cands[0] = Do
	case 'e':
		cands = [2]Token{Else, End}
		if len(w) == 6 {
			cands[0] = Elseif
		}
	case 'f':
		cands = [2]Token{False, For}
		if len(w) == 8 {
			cands[0] = Function
		}
	case 'i':
		cands = [2]Token{If, In}
	case 'l':
		cands[0] = Local
	case 'n':
		cands = [2]Token{Nil, Not}
	case 'o':
		cands[0] = Or
	case 'r':
		cands = [2]Token{Repeat, Return}
	case 't':
		cands = [2]Token{Then, True}
	case 'u':
		cands[0] = Until
	case 'w':
		cands[0] = While
	}
	for _, t := range cands {
		if t != 0 && string(w) == tokenNames[t-FirstReserved] {
			return t
		}
	}
	return 0
}
