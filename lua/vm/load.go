package vm

// NewClosure returns a Lua function for a main-chunk prototype, with the thread's globals as
// its environment. The prototype is prepared for this state (constants deduplicated and hashed).
func (L *State) NewClosure(p *Proto) Value {
	L.g.prepare(p)
	cl := &LClosure{p: p, env: L.gt}
	if p.NumUpvalues > 0 {
		cl.upvals = make([]*Upval, p.NumUpvalues)
		for i := range cl.upvals {
			cl.upvals[i] = &Upval{}
			cl.upvals[i].v = &cl.upvals[i].closed
		}
	}
	return closureValue(cl)
}

// Compile compiles source text with the compiler installed by the embedding package (see
// SetCompiler). chunkname follows Lua's conventions ("=name", "@file" or the source itself).
func (L *State) Compile(src, chunkname string) (*Proto, error) {
	if L.g.Compile == nil {
		return nil, &Error{Value: String("no compiler installed")}
	}
	return L.g.Compile(L, src, chunkname)
}

// SetCompiler installs the function that compiles source text (loadstring and friends use it).
func (L *State) SetCompiler(f func(L *State, src, chunkname string) (*Proto, error)) {
	L.g.Compile = f
}

// Load compiles a chunk (text, or a binary chunk from string.dump unless refused) and returns its
// function, or an error value with Lua's message (as loadstring returns it).
func (L *State) Load(src, chunkname string) (Value, error) {
	if len(src) > 0 && src[0] == dumpSignature[0] && !L.g.refuseBin {
		// A binary chunk (string.dump's output). When binary chunks are refused, as in Redis,
		// the text goes to the compiler, whose lexer rejects the escape byte.
		p, err := Undump(src, chunkname)
		if err != nil {
			return Nil, err
		}
		return L.NewClosure(p), nil
	}
	p, err := L.Compile(src, chunkname)
	if err != nil {
		return Nil, err
	}
	return L.NewClosure(p), nil
}
