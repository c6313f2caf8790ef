package vm

// execute runs Lua frames from L.ci until the frame marked as entry returns or the coroutine
// yields. Lua-to-Lua calls and returns stay in this loop.
func (L *State) execute() {
	g := L.g
newframe:
	for {
		ci := L.ci
		cl := ci.cl
		p := cl.p
		code := p.Code
		kp := p.kpadded
		k := (*[stackSlack]Value)(kp)
		khash := p.khash
		base := ci.base
		regs := (*[stackSlack]Value)(L.stack[base:])
		pc := ci.savedpc
		if L.hookMask&(HookLine|HookCount) != 0 {
			L.executeHooked()
			return
		}
		for {
			i := code[pc]
			pc++
			switch opOf(i) {
			case OpMove:
				regs[argA(i)] = regs[argB(i)]
			case OpLoadK:
				regs[argA(i)] = kp[argBx(i)]
			case OpLoadKX:
				regs[argA(i)] = kp[argAx(code[pc])]
				pc++
			case OpLoadBool:
				regs[argA(i)] = Bool(argB(i) != 0)
				if argC(i) != 0 {
					pc++
				}
			case OpLoadNil:
				for r := argA(i); r <= argB(i); r++ {
					regs[r] = Nil
				}
			case OpGetUpval:
				regs[argA(i)] = *cl.upvals[argB(i)].v
			case OpGetGlobal:
				bx := argBx(i)
				env := cl.env
				v := env.getStrH(kp[bx], khash[bx])
				if v.p == nil && env.meta != nil {
					ci.savedpc = pc
					v = L.indexStr(TableValue(env), kp[bx], khash[bx], -1)
					regs = (*[stackSlack]Value)(L.stack[base:])
				}
				regs[argA(i)] = v
			case OpGetTable:
				rb, rc := regs[argB(i)], regs[argC(i)]
				if rb.IsTable() {
					t := rb.table()
					if rc.IsNumber() {
						f := rc.Float()
						if idx := int(f); float64(idx) == f && uint(idx-1) < uint(len(t.array)) {
							v := t.array[idx-1]
							if v.p != nil || t.meta == nil {
								regs[argA(i)] = v
								continue
							}
						}
					}
					v := t.Get(rc)
					if v.p != nil || t.meta == nil {
						regs[argA(i)] = v
						continue
					}
				}
				ci.savedpc = pc
				v := L.index(rb, rc, argB(i))
				regs = (*[stackSlack]Value)(L.stack[base:])
				regs[argA(i)] = v
			case OpGetTableK:
				rb := regs[argB(i)]
				kv := k[argC(i)]
				if rb.IsTable() {
					t := rb.table()
					v := t.Get(kv)
					if v.p != nil || t.meta == nil {
						regs[argA(i)] = v
						continue
					}
				}
				ci.savedpc = pc
				v := L.index(rb, kv, argB(i))
				regs = (*[stackSlack]Value)(L.stack[base:])
				regs[argA(i)] = v
			case OpGetField:
				rb := regs[argB(i)]
				c := argC(i)
				if rb.IsTable() {
					t := rb.table()
					v := t.getStrH(k[c], khash[c])
					if v.p != nil || t.meta == nil {
						regs[argA(i)] = v
						continue
					}
				}
				ci.savedpc = pc
				v := L.indexStr(rb, k[c], khash[c], argB(i))
				regs = (*[stackSlack]Value)(L.stack[base:])
				regs[argA(i)] = v
			case OpSetGlobal:
				bx := argBx(i)
				env := cl.env
				if s := env.findStrH(kp[bx], khash[bx]); s != nil && (s.p != nil || env.meta == nil) && !env.readonly {
					*s = regs[argA(i)]
					env.flags = 0
					continue
				}
				ci.savedpc = pc
				L.setIndexStr(TableValue(env), kp[bx], regs[argA(i)], khash[bx], -1)
				regs = (*[stackSlack]Value)(L.stack[base:])
			case OpSetUpval:
				*cl.upvals[argB(i)].v = regs[argA(i)]
			case OpSetTable, OpSetTableKR, OpSetTableRK, OpSetTableKK:
				ra := regs[argA(i)]
				var key, val Value
				switch opOf(i) {
				case OpSetTable:
					key, val = regs[argB(i)], regs[argC(i)]
				case OpSetTableKR:
					key, val = k[argB(i)], regs[argC(i)]
				case OpSetTableRK:
					key, val = regs[argB(i)], k[argC(i)]
				default:
					key, val = k[argB(i)], k[argC(i)]
				}
				if ra.IsTable() {
					t := ra.table()
					if key.IsNumber() {
						f := key.Float()
						if idx := int(f); float64(idx) == f && uint(idx-1) < uint(len(t.array)) {
							if (t.meta == nil || t.array[idx-1].p != nil) && !t.readonly {
								t.array[idx-1] = val
								continue
							}
						}
					}
					if t.meta == nil && !t.readonly {
						// a plain table: the raw set (errors for nil and NaN keys)
						ci.savedpc = pc
						*t.slot(L, key) = val
						continue
					}
				}
				ci.savedpc = pc
				L.setIndex(ra, key, val, argA(i))
				regs = (*[stackSlack]Value)(L.stack[base:])
			case OpSetField, OpSetFieldK:
				ra := regs[argA(i)]
				b := argB(i)
				var val Value
				if opOf(i) == OpSetField {
					val = regs[argC(i)]
				} else {
					val = k[argC(i)]
				}
				if ra.IsTable() {
					t := ra.table()
					s := t.findStrH(k[b], khash[b])
					if s != nil && (s.p != nil || t.meta == nil) && !t.readonly {
						*s = val
						t.flags = 0
						continue
					}
					if s == nil && t.meta == nil && !t.readonly {
						// a new key in a plain table (constructors, object setup)
						ci.savedpc = pc
						*t.newKeyH(L, k[b], khash[b]) = val
						t.flags = 0
						continue
					}
				}
				ci.savedpc = pc
				L.setIndexStr(ra, k[b], val, khash[b], argA(i))
				regs = (*[stackSlack]Value)(L.stack[base:])
			case OpNewTable:
				regs[argA(i)] = TableValue(newTable(FB2Int(argB(i)), FB2Int(argC(i)), g.redisHash))
			case OpSelf:
				rb := regs[argB(i)]
				a := argA(i)
				regs[a+1] = rb
				ci.savedpc = pc
				v := L.index(rb, regs[argC(i)], argB(i))
				regs = (*[stackSlack]Value)(L.stack[base:])
				regs[a] = v
			case OpSelfK:
				rb := regs[argB(i)]
				a := argA(i)
				c := argC(i)
				regs[a+1] = rb
				if rb.IsTable() {
					t := rb.table()
					v := t.getStrH(k[c], khash[c])
					if v.p != nil || t.meta == nil {
						regs[a] = v
						continue
					}
					if mt := t.meta; mt.flags&(1<<tmIndex) == 0 {
						// one level of __index through a table, the method-call pattern
						idx := mt.getStrH(g.tmNames[tmIndex], g.tmHash[tmIndex])
						if idx.IsTable() {
							t2 := idx.table()
							v = t2.getStrH(k[c], khash[c])
							if v.p != nil || t2.meta == nil {
								regs[a] = v
								continue
							}
						}
					}
				}
				ci.savedpc = pc
				v := L.indexStr(rb, k[c], khash[c], argB(i))
				regs = (*[stackSlack]Value)(L.stack[base:])
				regs[a] = v
			case OpAdd:
				rb, rc := &regs[argB(i)], &regs[argC(i)]
				// C + B, not B + C: Go then keeps R(B) in the destination register, and x86
				// returns the destination's NaN when both are NaN, as lua5.1 does (see doc.go).
				if rb.IsNumber() && rc.IsNumber() {
					regs[argA(i)] = Number(rc.Float() + rb.Float())
					continue
				}
				ci.savedpc = pc
				v := L.arith(*rb, argB(i), *rc, argC(i), tmAdd)
				regs = (*[stackSlack]Value)(L.stack[base:])
				regs[argA(i)] = v
			case OpAddRK:
				rb, rc := &regs[argB(i)], &k[argC(i)]
				if rb.IsNumber() && rc.IsNumber() {
					regs[argA(i)] = Number(rc.Float() + rb.Float())
					continue
				}
				ci.savedpc = pc
				v := L.arith(*rb, argB(i), *rc, -1, tmAdd)
				regs = (*[stackSlack]Value)(L.stack[base:])
				regs[argA(i)] = v
			case OpAddKR:
				rb, rc := &k[argB(i)], &regs[argC(i)]
				if rb.IsNumber() && rc.IsNumber() {
					regs[argA(i)] = Number(rc.Float() + rb.Float())
					continue
				}
				ci.savedpc = pc
				v := L.arith(*rb, -1, *rc, argC(i), tmAdd)
				regs = (*[stackSlack]Value)(L.stack[base:])
				regs[argA(i)] = v
			case OpAddKK:
				rb, rc := &k[argB(i)], &k[argC(i)]
				if rb.IsNumber() && rc.IsNumber() {
					regs[argA(i)] = Number(rc.Float() + rb.Float())
					continue
				}
				ci.savedpc = pc
				v := L.arith(*rb, -1, *rc, -1, tmAdd)
				regs = (*[stackSlack]Value)(L.stack[base:])
				regs[argA(i)] = v
			case OpSub:
				rb, rc := &regs[argB(i)], &regs[argC(i)]
				if rb.IsNumber() && rc.IsNumber() {
					regs[argA(i)] = Number(rb.Float() - rc.Float())
					continue
				}
				ci.savedpc = pc
				v := L.arith(*rb, argB(i), *rc, argC(i), tmSub)
				regs = (*[stackSlack]Value)(L.stack[base:])
				regs[argA(i)] = v
			case OpSubRK:
				rb, rc := &regs[argB(i)], &k[argC(i)]
				if rb.IsNumber() && rc.IsNumber() {
					regs[argA(i)] = Number(rb.Float() - rc.Float())
					continue
				}
				ci.savedpc = pc
				v := L.arith(*rb, argB(i), *rc, -1, tmSub)
				regs = (*[stackSlack]Value)(L.stack[base:])
				regs[argA(i)] = v
			case OpSubKR:
				rb, rc := &k[argB(i)], &regs[argC(i)]
				if rb.IsNumber() && rc.IsNumber() {
					regs[argA(i)] = Number(rb.Float() - rc.Float())
					continue
				}
				ci.savedpc = pc
				v := L.arith(*rb, -1, *rc, argC(i), tmSub)
				regs = (*[stackSlack]Value)(L.stack[base:])
				regs[argA(i)] = v
			case OpSubKK:
				rb, rc := &k[argB(i)], &k[argC(i)]
				if rb.IsNumber() && rc.IsNumber() {
					regs[argA(i)] = Number(rb.Float() - rc.Float())
					continue
				}
				ci.savedpc = pc
				v := L.arith(*rb, -1, *rc, -1, tmSub)
				regs = (*[stackSlack]Value)(L.stack[base:])
				regs[argA(i)] = v
			case OpMul:
				rb, rc := &regs[argB(i)], &regs[argC(i)]
				if rb.IsNumber() && rc.IsNumber() {
					regs[argA(i)] = Number(rc.Float() * rb.Float())
					continue
				}
				ci.savedpc = pc
				v := L.arith(*rb, argB(i), *rc, argC(i), tmMul)
				regs = (*[stackSlack]Value)(L.stack[base:])
				regs[argA(i)] = v
			case OpMulRK:
				rb, rc := &regs[argB(i)], &k[argC(i)]
				if rb.IsNumber() && rc.IsNumber() {
					regs[argA(i)] = Number(rc.Float() * rb.Float())
					continue
				}
				ci.savedpc = pc
				v := L.arith(*rb, argB(i), *rc, -1, tmMul)
				regs = (*[stackSlack]Value)(L.stack[base:])
				regs[argA(i)] = v
			case OpMulKR:
				rb, rc := &k[argB(i)], &regs[argC(i)]
				if rb.IsNumber() && rc.IsNumber() {
					regs[argA(i)] = Number(rc.Float() * rb.Float())
					continue
				}
				ci.savedpc = pc
				v := L.arith(*rb, -1, *rc, argC(i), tmMul)
				regs = (*[stackSlack]Value)(L.stack[base:])
				regs[argA(i)] = v
			case OpMulKK:
				rb, rc := &k[argB(i)], &k[argC(i)]
				if rb.IsNumber() && rc.IsNumber() {
					regs[argA(i)] = Number(rc.Float() * rb.Float())
					continue
				}
				ci.savedpc = pc
				v := L.arith(*rb, -1, *rc, -1, tmMul)
				regs = (*[stackSlack]Value)(L.stack[base:])
				regs[argA(i)] = v
			case OpDiv:
				rb, rc := &regs[argB(i)], &regs[argC(i)]
				if rb.IsNumber() && rc.IsNumber() {
					regs[argA(i)] = Number(rb.Float() / rc.Float())
					continue
				}
				ci.savedpc = pc
				v := L.arith(*rb, argB(i), *rc, argC(i), tmDiv)
				regs = (*[stackSlack]Value)(L.stack[base:])
				regs[argA(i)] = v
			case OpDivRK:
				rb, rc := &regs[argB(i)], &k[argC(i)]
				if rb.IsNumber() && rc.IsNumber() {
					regs[argA(i)] = Number(rb.Float() / rc.Float())
					continue
				}
				ci.savedpc = pc
				v := L.arith(*rb, argB(i), *rc, -1, tmDiv)
				regs = (*[stackSlack]Value)(L.stack[base:])
				regs[argA(i)] = v
			case OpDivKR:
				rb, rc := &k[argB(i)], &regs[argC(i)]
				if rb.IsNumber() && rc.IsNumber() {
					regs[argA(i)] = Number(rb.Float() / rc.Float())
					continue
				}
				ci.savedpc = pc
				v := L.arith(*rb, -1, *rc, argC(i), tmDiv)
				regs = (*[stackSlack]Value)(L.stack[base:])
				regs[argA(i)] = v
			case OpDivKK:
				rb, rc := &k[argB(i)], &k[argC(i)]
				if rb.IsNumber() && rc.IsNumber() {
					regs[argA(i)] = Number(rb.Float() / rc.Float())
					continue
				}
				ci.savedpc = pc
				v := L.arith(*rb, -1, *rc, -1, tmDiv)
				regs = (*[stackSlack]Value)(L.stack[base:])
				regs[argA(i)] = v
			case OpMod:
				rb, rc := &regs[argB(i)], &regs[argC(i)]
				if rb.IsNumber() && rc.IsNumber() {
					regs[argA(i)] = Number(luaMod(rb.Float(), rc.Float()))
					continue
				}
				ci.savedpc = pc
				v := L.arith(*rb, argB(i), *rc, argC(i), tmMod)
				regs = (*[stackSlack]Value)(L.stack[base:])
				regs[argA(i)] = v
			case OpModRK:
				rb, rc := &regs[argB(i)], &k[argC(i)]
				if rb.IsNumber() && rc.IsNumber() {
					regs[argA(i)] = Number(luaMod(rb.Float(), rc.Float()))
					continue
				}
				ci.savedpc = pc
				v := L.arith(*rb, argB(i), *rc, -1, tmMod)
				regs = (*[stackSlack]Value)(L.stack[base:])
				regs[argA(i)] = v
			case OpModKR:
				rb, rc := &k[argB(i)], &regs[argC(i)]
				if rb.IsNumber() && rc.IsNumber() {
					regs[argA(i)] = Number(luaMod(rb.Float(), rc.Float()))
					continue
				}
				ci.savedpc = pc
				v := L.arith(*rb, -1, *rc, argC(i), tmMod)
				regs = (*[stackSlack]Value)(L.stack[base:])
				regs[argA(i)] = v
			case OpModKK:
				rb, rc := &k[argB(i)], &k[argC(i)]
				if rb.IsNumber() && rc.IsNumber() {
					regs[argA(i)] = Number(luaMod(rb.Float(), rc.Float()))
					continue
				}
				ci.savedpc = pc
				v := L.arith(*rb, -1, *rc, -1, tmMod)
				regs = (*[stackSlack]Value)(L.stack[base:])
				regs[argA(i)] = v
			case OpPow:
				rb, rc := &regs[argB(i)], &regs[argC(i)]
				if rb.IsNumber() && rc.IsNumber() {
					regs[argA(i)] = Number(luaPow(rb.Float(), rc.Float()))
					continue
				}
				ci.savedpc = pc
				v := L.arith(*rb, argB(i), *rc, argC(i), tmPow)
				regs = (*[stackSlack]Value)(L.stack[base:])
				regs[argA(i)] = v
			case OpPowRK:
				rb, rc := &regs[argB(i)], &k[argC(i)]
				if rb.IsNumber() && rc.IsNumber() {
					regs[argA(i)] = Number(luaPow(rb.Float(), rc.Float()))
					continue
				}
				ci.savedpc = pc
				v := L.arith(*rb, argB(i), *rc, -1, tmPow)
				regs = (*[stackSlack]Value)(L.stack[base:])
				regs[argA(i)] = v
			case OpPowKR:
				rb, rc := &k[argB(i)], &regs[argC(i)]
				if rb.IsNumber() && rc.IsNumber() {
					regs[argA(i)] = Number(luaPow(rb.Float(), rc.Float()))
					continue
				}
				ci.savedpc = pc
				v := L.arith(*rb, -1, *rc, argC(i), tmPow)
				regs = (*[stackSlack]Value)(L.stack[base:])
				regs[argA(i)] = v
			case OpPowKK:
				rb, rc := &k[argB(i)], &k[argC(i)]
				if rb.IsNumber() && rc.IsNumber() {
					regs[argA(i)] = Number(luaPow(rb.Float(), rc.Float()))
					continue
				}
				ci.savedpc = pc
				v := L.arith(*rb, -1, *rc, -1, tmPow)
				regs = (*[stackSlack]Value)(L.stack[base:])
				regs[argA(i)] = v
			case OpEq:
				rb, rc := &regs[argB(i)], &regs[argC(i)]
				var res bool
				if rb.IsNumber() && rc.IsNumber() {
					res = rb.Float() == rc.Float()
				} else if rb.IsString() && rc.IsString() {
					res = rb.n == rc.n && (rb.p == rc.p || rb.Str() == rc.Str())
				} else if rb.p == rc.p && rb.n == rc.n {
					res = true
				} else {
					ci.savedpc = pc
					res = L.equalObj(*rb, *rc)
					regs = (*[stackSlack]Value)(L.stack[base:])
				}
				if res == (argA(i) != 0) {
					sj := argSJ(code[pc])
					pc += sj + 1
					if sj < 0 {
						if g.countdown--; g.countdown <= 0 {
							ci.savedpc = pc + 1 // the jump target is the current instruction, as in a PUC hook
							L.checkInterrupt()
						}
					}
				} else {
					pc++
				}
			case OpEqRK:
				rb, rc := &regs[argB(i)], &k[argC(i)]
				var res bool
				if rb.IsNumber() && rc.IsNumber() {
					res = rb.Float() == rc.Float()
				} else if rb.IsString() && rc.IsString() {
					res = rb.n == rc.n && (rb.p == rc.p || rb.Str() == rc.Str())
				} else if rb.p == rc.p && rb.n == rc.n {
					res = true
				} else {
					ci.savedpc = pc
					res = L.equalObj(*rb, *rc)
					regs = (*[stackSlack]Value)(L.stack[base:])
				}
				if res == (argA(i) != 0) {
					sj := argSJ(code[pc])
					pc += sj + 1
					if sj < 0 {
						if g.countdown--; g.countdown <= 0 {
							ci.savedpc = pc + 1 // the jump target is the current instruction, as in a PUC hook
							L.checkInterrupt()
						}
					}
				} else {
					pc++
				}
			case OpEqKR:
				rb, rc := &k[argB(i)], &regs[argC(i)]
				var res bool
				if rb.IsNumber() && rc.IsNumber() {
					res = rb.Float() == rc.Float()
				} else if rb.IsString() && rc.IsString() {
					res = rb.n == rc.n && (rb.p == rc.p || rb.Str() == rc.Str())
				} else if rb.p == rc.p && rb.n == rc.n {
					res = true
				} else {
					ci.savedpc = pc
					res = L.equalObj(*rb, *rc)
					regs = (*[stackSlack]Value)(L.stack[base:])
				}
				if res == (argA(i) != 0) {
					sj := argSJ(code[pc])
					pc += sj + 1
					if sj < 0 {
						if g.countdown--; g.countdown <= 0 {
							ci.savedpc = pc + 1 // the jump target is the current instruction, as in a PUC hook
							L.checkInterrupt()
						}
					}
				} else {
					pc++
				}
			case OpEqKK:
				rb, rc := &k[argB(i)], &k[argC(i)]
				var res bool
				if rb.IsNumber() && rc.IsNumber() {
					res = rb.Float() == rc.Float()
				} else if rb.IsString() && rc.IsString() {
					res = rb.n == rc.n && (rb.p == rc.p || rb.Str() == rc.Str())
				} else if rb.p == rc.p && rb.n == rc.n {
					res = true
				} else {
					ci.savedpc = pc
					res = L.equalObj(*rb, *rc)
					regs = (*[stackSlack]Value)(L.stack[base:])
				}
				if res == (argA(i) != 0) {
					sj := argSJ(code[pc])
					pc += sj + 1
					if sj < 0 {
						if g.countdown--; g.countdown <= 0 {
							ci.savedpc = pc + 1 // the jump target is the current instruction, as in a PUC hook
							L.checkInterrupt()
						}
					}
				} else {
					pc++
				}
			case OpLt:
				rb, rc := &regs[argB(i)], &regs[argC(i)]
				var res bool
				if rb.IsNumber() && rc.IsNumber() {
					res = rb.Float() < rc.Float()
				} else if rb.IsString() && rc.IsString() {
					res = rb.Str() < rc.Str()
				} else {
					ci.savedpc = pc
					res = L.lessThan(*rb, *rc)
					regs = (*[stackSlack]Value)(L.stack[base:])
				}
				if res == (argA(i) != 0) {
					sj := argSJ(code[pc])
					pc += sj + 1
					if sj < 0 {
						if g.countdown--; g.countdown <= 0 {
							ci.savedpc = pc + 1 // the jump target is the current instruction, as in a PUC hook
							L.checkInterrupt()
						}
					}
				} else {
					pc++
				}
			case OpLtRK:
				rb, rc := &regs[argB(i)], &k[argC(i)]
				var res bool
				if rb.IsNumber() && rc.IsNumber() {
					res = rb.Float() < rc.Float()
				} else if rb.IsString() && rc.IsString() {
					res = rb.Str() < rc.Str()
				} else {
					ci.savedpc = pc
					res = L.lessThan(*rb, *rc)
					regs = (*[stackSlack]Value)(L.stack[base:])
				}
				if res == (argA(i) != 0) {
					sj := argSJ(code[pc])
					pc += sj + 1
					if sj < 0 {
						if g.countdown--; g.countdown <= 0 {
							ci.savedpc = pc + 1 // the jump target is the current instruction, as in a PUC hook
							L.checkInterrupt()
						}
					}
				} else {
					pc++
				}
			case OpLtKR:
				rb, rc := &k[argB(i)], &regs[argC(i)]
				var res bool
				if rb.IsNumber() && rc.IsNumber() {
					res = rb.Float() < rc.Float()
				} else if rb.IsString() && rc.IsString() {
					res = rb.Str() < rc.Str()
				} else {
					ci.savedpc = pc
					res = L.lessThan(*rb, *rc)
					regs = (*[stackSlack]Value)(L.stack[base:])
				}
				if res == (argA(i) != 0) {
					sj := argSJ(code[pc])
					pc += sj + 1
					if sj < 0 {
						if g.countdown--; g.countdown <= 0 {
							ci.savedpc = pc + 1 // the jump target is the current instruction, as in a PUC hook
							L.checkInterrupt()
						}
					}
				} else {
					pc++
				}
			case OpLtKK:
				rb, rc := &k[argB(i)], &k[argC(i)]
				var res bool
				if rb.IsNumber() && rc.IsNumber() {
					res = rb.Float() < rc.Float()
				} else if rb.IsString() && rc.IsString() {
					res = rb.Str() < rc.Str()
				} else {
					ci.savedpc = pc
					res = L.lessThan(*rb, *rc)
					regs = (*[stackSlack]Value)(L.stack[base:])
				}
				if res == (argA(i) != 0) {
					sj := argSJ(code[pc])
					pc += sj + 1
					if sj < 0 {
						if g.countdown--; g.countdown <= 0 {
							ci.savedpc = pc + 1 // the jump target is the current instruction, as in a PUC hook
							L.checkInterrupt()
						}
					}
				} else {
					pc++
				}
			case OpLe:
				rb, rc := &regs[argB(i)], &regs[argC(i)]
				var res bool
				if rb.IsNumber() && rc.IsNumber() {
					res = rb.Float() <= rc.Float()
				} else if rb.IsString() && rc.IsString() {
					res = rb.Str() <= rc.Str()
				} else {
					ci.savedpc = pc
					res = L.lessEqual(*rb, *rc)
					regs = (*[stackSlack]Value)(L.stack[base:])
				}
				if res == (argA(i) != 0) {
					sj := argSJ(code[pc])
					pc += sj + 1
					if sj < 0 {
						if g.countdown--; g.countdown <= 0 {
							ci.savedpc = pc + 1 // the jump target is the current instruction, as in a PUC hook
							L.checkInterrupt()
						}
					}
				} else {
					pc++
				}
			case OpLeRK:
				rb, rc := &regs[argB(i)], &k[argC(i)]
				var res bool
				if rb.IsNumber() && rc.IsNumber() {
					res = rb.Float() <= rc.Float()
				} else if rb.IsString() && rc.IsString() {
					res = rb.Str() <= rc.Str()
				} else {
					ci.savedpc = pc
					res = L.lessEqual(*rb, *rc)
					regs = (*[stackSlack]Value)(L.stack[base:])
				}
				if res == (argA(i) != 0) {
					sj := argSJ(code[pc])
					pc += sj + 1
					if sj < 0 {
						if g.countdown--; g.countdown <= 0 {
							ci.savedpc = pc + 1 // the jump target is the current instruction, as in a PUC hook
							L.checkInterrupt()
						}
					}
				} else {
					pc++
				}
			case OpLeKR:
				rb, rc := &k[argB(i)], &regs[argC(i)]
				var res bool
				if rb.IsNumber() && rc.IsNumber() {
					res = rb.Float() <= rc.Float()
				} else if rb.IsString() && rc.IsString() {
					res = rb.Str() <= rc.Str()
				} else {
					ci.savedpc = pc
					res = L.lessEqual(*rb, *rc)
					regs = (*[stackSlack]Value)(L.stack[base:])
				}
				if res == (argA(i) != 0) {
					sj := argSJ(code[pc])
					pc += sj + 1
					if sj < 0 {
						if g.countdown--; g.countdown <= 0 {
							ci.savedpc = pc + 1 // the jump target is the current instruction, as in a PUC hook
							L.checkInterrupt()
						}
					}
				} else {
					pc++
				}
			case OpLeKK:
				rb, rc := &k[argB(i)], &k[argC(i)]
				var res bool
				if rb.IsNumber() && rc.IsNumber() {
					res = rb.Float() <= rc.Float()
				} else if rb.IsString() && rc.IsString() {
					res = rb.Str() <= rc.Str()
				} else {
					ci.savedpc = pc
					res = L.lessEqual(*rb, *rc)
					regs = (*[stackSlack]Value)(L.stack[base:])
				}
				if res == (argA(i) != 0) {
					sj := argSJ(code[pc])
					pc += sj + 1
					if sj < 0 {
						if g.countdown--; g.countdown <= 0 {
							ci.savedpc = pc + 1 // the jump target is the current instruction, as in a PUC hook
							L.checkInterrupt()
						}
					}
				} else {
					pc++
				}
			case OpUnm:
				rb := regs[argB(i)]
				if rb.IsNumber() {
					regs[argA(i)] = Number(-rb.Float())
					continue
				}
				ci.savedpc = pc
				v := L.arith(rb, argB(i), rb, argB(i), tmUnm)
				regs = (*[stackSlack]Value)(L.stack[base:])
				regs[argA(i)] = v
			case OpNot:
				regs[argA(i)] = Bool(regs[argB(i)].IsFalsy())
			case OpLen:
				rb := regs[argB(i)]
				if rb.IsTable() {
					regs[argA(i)] = Int(rb.table().Len())
				} else if rb.IsString() {
					regs[argA(i)] = Int(rb.strLen())
				} else {
					ci.savedpc = pc
					v := L.objLen(rb, argB(i))
					regs = (*[stackSlack]Value)(L.stack[base:])
					regs[argA(i)] = v
				}
			case OpConcat:
				b := argB(i)
				ci.savedpc = pc
				L.concat(base+b, base+argC(i))
				regs = (*[stackSlack]Value)(L.stack[base:])
				regs[argA(i)] = regs[b]
			case OpJmp:
				sj := argSJ(i)
				pc += sj
				if sj < 0 {
					if g.countdown--; g.countdown <= 0 {
						ci.savedpc = pc + 1 // the jump target is the current instruction, as in a PUC hook
						L.checkInterrupt()
					}
				}
			case OpTest:
				if regs[argA(i)].Truthy() == (argC(i) != 0) {
					sj := argSJ(code[pc])
					pc += sj + 1
					if sj < 0 {
						if g.countdown--; g.countdown <= 0 {
							ci.savedpc = pc + 1 // the jump target is the current instruction, as in a PUC hook
							L.checkInterrupt()
						}
					}
				} else {
					pc++
				}
			case OpTestSet:
				rb := regs[argB(i)]
				if rb.Truthy() == (argC(i) != 0) {
					regs[argA(i)] = rb
					sj := argSJ(code[pc])
					pc += sj + 1
					if sj < 0 {
						if g.countdown--; g.countdown <= 0 {
							ci.savedpc = pc + 1 // the jump target is the current instruction, as in a PUC hook
							L.checkInterrupt()
						}
					}
				} else {
					pc++
				}
			case OpCall:
				fn := base + argA(i)
				if b := argB(i); b != 0 {
					L.top = fn + b
				}
				nres := argC(i) - 1
				ci.savedpc = pc
				if g.countdown--; g.countdown <= 0 {
					L.checkInterrupt()
				}
				f := L.stack[fn]
				if f.isLClosure() {
					// Fast path for a Lua function with fixed parameters: the new frame
					// is set up here and the loop continues with it.
					ncl := f.lclosure()
					np := ncl.p
					nci := ci.next
					nbase := fn + 1
					ntop := nbase + np.MaxStack
					if np.IsVararg == 0 && nci != nil && L.nci+1 < L.sizeCI && ntop+stackSlack <= len(L.stack) && L.hookMask == 0 {
						from := L.top
						if from > nbase+np.NumParams {
							from = nbase + np.NumParams
						}
						clearValues(L.stack[from:ntop])
						L.top = ntop
						L.nci++
						L.ci = nci
						nci.fn = fn
						nci.base = nbase
						nci.top = ntop
						nci.savedpc = 0
						nci.nresults = nres
						nci.tailcalls = 0
						nci.entry = false
						nci.cl = ncl
						nci.gf = nil
						continue newframe
					}
					L.precall(fn, nres)
					continue newframe
				}
				if f.isGoFunc() {
					if !L.callGo(fn, nres, f.gofunc()) {
						return
					}
					if nres >= 0 {
						L.top = ci.top
					}
					if L.hookMask&(HookLine|HookCount) != 0 {
						L.executeHooked()
						return
					}
					regs = (*[stackSlack]Value)(L.stack[base:])
					continue
				}
				switch L.precallStatus(fn, nres) {
				case pcrLua:
					continue newframe
				case pcrYield:
					return
				}
				if nres >= 0 {
					L.top = ci.top
				}
				regs = (*[stackSlack]Value)(L.stack[base:])
			case OpTailCall:
				fn := base + argA(i)
				if b := argB(i); b != 0 {
					L.top = fn + b
				}
				ci.savedpc = pc
				if g.countdown--; g.countdown <= 0 {
					L.checkInterrupt()
				}
				switch L.precallStatus(fn, MultRet) {
				case pcrLua:
					L.collapseTailCall()
					continue newframe
				case pcrYield:
					return
				}
				regs = (*[stackSlack]Value)(L.stack[base:])
			case OpReturn:
				a := argA(i)
				if b := argB(i); b != 0 {
					L.top = base + a + b - 1
				}
				if L.openupval != nil && L.hasOpenUpvals(base) {
					L.closeUpvals(base)
				}
				ci.savedpc = pc
				if wanted := ci.nresults; wanted >= 0 && !ci.entry && L.hookMask == 0 {
					// fast return of a fixed number of results to a Lua caller
					res := ci.fn
					first := base + a
					top := L.top
					st := L.stack
					for ; wanted > 0 && first < top; wanted-- {
						st[res] = st[first]
						res++
						first++
					}
					for ; wanted > 0; wanted-- {
						st[res] = Value{}
						res++
					}
					L.ci = ci.prev
					L.nci--
					L.top = L.ci.top
					continue newframe
				}
				entry := ci.entry
				fixed := L.postcall(base + a)
				if entry {
					return
				}
				if fixed {
					L.top = L.ci.top
				}
				continue newframe
			case OpForLoop:
				a := argA(i)
				step := regs[a+2].Float()
				idx := regs[a].Float() + step
				limit := regs[a+1].Float()
				if (0 < step && idx <= limit) || (!(0 < step) && limit <= idx) {
					pc += argSBx(i)
					regs[a] = Number(idx)
					regs[a+3] = Number(idx)
					if g.countdown--; g.countdown <= 0 {
						ci.savedpc = pc + 1 // the jump target is the current instruction, as in a PUC hook
						L.checkInterrupt()
					}
				}
			case OpForPrep:
				a := argA(i)
				ci.savedpc = pc
				L.forPrep(base + a)
				pc += argSBx(i)
			case OpTForLoop:
				a := argA(i)
				cb := base + a + 3
				L.stack[cb+2] = L.stack[cb-1]
				L.stack[cb+1] = L.stack[cb-2]
				L.stack[cb] = L.stack[cb-3]
				L.top = cb + 3
				ci.savedpc = pc
				if f := L.stack[cb]; f.isGoFunc() && L.nCcalls+1 < MaxCCalls {
					// a Go iterator (next, ipairs'): call it without call's dispatch
					L.nCcalls++
					L.callGo(cb, argC(i), f.gofunc())
					L.nCcalls--
				} else {
					L.call(cb, argC(i))
				}
				L.top = ci.top
				regs = (*[stackSlack]Value)(L.stack[base:])
				if v := regs[a+3]; v.p != nil {
					regs[a+2] = v
					sj := argSJ(code[pc])
					pc += sj + 1
					if g.countdown--; g.countdown <= 0 {
						ci.savedpc = pc + 1 // the jump target is the current instruction, as in a PUC hook
						L.checkInterrupt()
					}
				} else {
					pc++
				}
			case OpSetList:
				a := argA(i)
				n := argB(i)
				c := argC(i)
				if n == 0 {
					n = L.top - (base + a) - 1
					L.top = ci.top
				}
				if c == 0 {
					c = int(code[pc])
					pc++
				}
				ci.savedpc = pc
				L.setList(base+a, n, c)
			case OpClose:
				L.closeUpvals(base + argA(i))
			case OpClosure:
				np := p.Protos[argBx(i)]
				if np.NumUpvalues == 1 && opOf(code[pc]) == OpMove {
					// one upvalue, a local of this function: the closure and the upvalue
					// it may open are one allocation
					x := &lclosure1u{c: LClosure{p: np, env: cl.env}}
					x.c.upvals = x.u[:]
					x.u[0] = L.findUpvalIn(base+argB(code[pc]), &x.uv)
					pc++
					regs[argA(i)] = closureValue(&x.c)
					continue
				}
				ncl := newLClosure(np, cl.env)
				if np.NumUpvalues > 0 {
					for j := range ncl.upvals {
						ins := code[pc]
						pc++
						if opOf(ins) == OpGetUpval {
							ncl.upvals[j] = cl.upvals[argB(ins)]
						} else {
							ncl.upvals[j] = L.findUpval(base + argB(ins))
						}
					}
				}
				regs[argA(i)] = closureValue(ncl)
			case OpGetGlobalX:
				ax := argAx(code[pc])
				pc++
				env := cl.env
				v := env.getStrH(kp[ax], khash[ax])
				if v.p == nil && env.meta != nil {
					ci.savedpc = pc
					v = L.indexStr(TableValue(env), kp[ax], khash[ax], -1)
					regs = (*[stackSlack]Value)(L.stack[base:])
				}
				regs[argA(i)] = v
			case OpSetGlobalX:
				ax := argAx(code[pc])
				pc++
				ci.savedpc = pc
				L.setIndexStr(TableValue(cl.env), kp[ax], regs[argA(i)], khash[ax], -1)
				regs = (*[stackSlack]Value)(L.stack[base:])
			case OpClosureX:
				np := p.Protos[argAx(code[pc])]
				pc++
				ncl := newLClosure(np, cl.env)
				for j := range ncl.upvals {
					ins := code[pc]
					pc++
					if opOf(ins) == OpGetUpval {
						ncl.upvals[j] = cl.upvals[argB(ins)]
					} else {
						ncl.upvals[j] = L.findUpval(base + argB(ins))
					}
				}
				regs[argA(i)] = closureValue(ncl)
			case OpVararg:
				a := argA(i)
				b := argB(i) - 1
				n := base - ci.fn - p.NumParams - 1
				if b < 0 {
					L.ensure(base + a + n)
					regs = (*[stackSlack]Value)(L.stack[base:])
					b = n
					L.top = base + a + n
				}
				for j := 0; j < b; j++ {
					if j < n {
						L.stack[base+a+j] = L.stack[base-n+j]
					} else {
						L.stack[base+a+j] = Nil
					}
				}
			default:
				ci.savedpc = pc
				L.RunError("bad opcode " + opOf(i).String())
			}
		}
	}
}

// Results of precallStatus.
const (
	pcrGo    = 0 // a Go function ran
	pcrLua   = 1 // a Lua frame was pushed
	pcrYield = 2 // a Go function yielded
)

func (L *State) precallStatus(fn, nres int) int {
	f := L.stack[fn]
	for !f.IsFunction() {
		L.tryFuncTM(fn)
		f = L.stack[fn]
	}
	if f.isGoFunc() {
		if !L.callGo(fn, nres, f.gofunc()) {
			return pcrYield
		}
		return pcrGo
	}
	L.precall(fn, nres)
	return pcrLua
}

// collapseTailCall moves the frame just pushed by a tail call down over its caller's frame.
func (L *State) collapseTailCall() {
	nci := L.ci
	oci := nci.prev
	if L.openupval != nil {
		L.closeUpvals(oci.base)
	}
	fn := oci.fn
	pfn := nci.fn
	oci.base = fn + (nci.base - pfn)
	n := moveDown(L.stack[fn:], L.stack[pfn:L.top])
	L.top = fn + n
	oci.top = L.top
	oci.savedpc = 0
	oci.tailcalls++
	oci.cl = nci.cl
	oci.gf = nil
	L.ci = oci
	L.nci--
}

func (L *State) forPrep(ra int) {
	init, ok := toNumber(L.stack[ra])
	if !ok {
		L.RunError("'for' initial value must be a number")
	}
	limit, ok := toNumber(L.stack[ra+1])
	if !ok {
		L.RunError("'for' limit must be a number")
	}
	step, ok := toNumber(L.stack[ra+2])
	if !ok {
		L.RunError("'for' step must be a number")
	}
	L.stack[ra+1] = Number(limit)
	L.stack[ra+2] = Number(step)
	L.stack[ra] = Number(init - step)
}

func (L *State) setList(ra, n, c int) {
	h := L.stack[ra].table()
	last := (c-1)*FieldsPerFlush + n
	if last > len(h.array) {
		h.resizeArray(L, last)
	}
	for ; n > 0; n-- {
		*h.slotInt(L, last) = L.stack[ra+n]
		last--
	}
}
