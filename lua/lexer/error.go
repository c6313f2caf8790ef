package lexer

// Error is a Lua 5.1 syntax error. Its Error text is exactly PUC Lua's message, for example
// `[string "x = "]:1: unexpected symbol near '<eof>'`.
type Error struct {
	// ChunkID is the formatted chunk name (ChunkIDSize(source, SyntaxIDSize)).
	ChunkID string
	// Line is the line PUC reports (ls->linenumber when the error was raised).
	Line int
	// Msg is the message proper, such as "unexpected symbol" or "'=' expected".
	Msg string
	// Near is the text of the token the error is reported at, without quotes; it is only
	// shown when HasNear is true (PUC omits it for some errors, such as nesting limits).
	Near    string
	HasNear bool
}

// Error returns the message as PUC Lua 5.1 formats it: "CHUNKID:LINE: MSG near 'TOKEN'".
func (e *Error) Error() string {
	s := e.ChunkID + ":" + itoa(e.Line) + ": " + e.Msg
	if e.HasNear {
		s += " near '" + e.Near + "'"
	}
	return s
}

// Message returns the error without the "CHUNKID:LINE: " prefix.
func (e *Error) Message() string {
	if e.HasNear {
		return e.Msg + " near '" + e.Near + "'"
	}
	return e.Msg
}
