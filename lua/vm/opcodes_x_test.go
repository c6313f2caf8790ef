package vm

import "testing"

// xProto returns a main function with more than MaxBx constants whose string constants come
// after the numbers, so that reaching them needs the EXTRAARG forms.
func xProto(code []uint32, names ...string) *Proto {
	const nnum = MaxBx + 10
	k := make([]Value, 0, nnum+len(names))
	for i := 0; i < nnum; i++ {
		k = append(k, Int(i))
	}
	for _, n := range names {
		k = append(k, String(n))
	}
	lines := make([]int32, len(code))
	for i := range lines {
		lines[i] = 1
	}
	return &Proto{Code: code, Constants: k, LineInfo: lines, Source: "=t", ChunkID: "t",
		MaxStack: 4, IsVararg: VarargIsVararg}
}

// TestExtendedGlobalAndClosure runs GETGLOBALX, SETGLOBALX and CLOSUREX (indices in the
// following EXTRAARG word), and names a global read by GETGLOBALX in a runtime error.
func TestExtendedGlobalAndClosure(t *testing.T) {
	const kx = MaxBx + 10 // the first string constant
	child := &Proto{
		Code:        []uint32{ABC(OpGetUpval, 0, 0, 0), ABC(OpReturn, 0, 2, 0)},
		LineInfo:    []int32{1, 1},
		Source:      "=t",
		ChunkID:     "t",
		NumUpvalues: 1,
		Upvalues:    []string{"u"},
		MaxStack:    2,
	}
	main := xProto([]uint32{
		ABC(OpGetGlobalX, 0, 0, 0), Ax(OpExtraArg, kx), // R0 := gx
		ABC(OpSetGlobalX, 0, 0, 0), Ax(OpExtraArg, kx+1), // gy := R0
		ABC(OpClosureX, 1, 0, 0), Ax(OpExtraArg, 0), ABC(OpMove, 0, 0, 0), // R1 := function() return R0 end
		ABC(OpCall, 1, 1, 2),   // R1 := R1()
		ABC(OpReturn, 1, 2, 0), // return R1
	}, "gx", "gy")
	main.Protos = []*Proto{child}
	if !verifyProto(main) || !verifyProto(child) {
		t.Fatal("the dump validator rejects the extended forms")
	}
	L := NewState(Options{})
	L.Globals().SetStr("gx", Number(42))
	res, err := L.PCallValue(L.NewClosure(main))
	if err != nil {
		t.Fatal(err)
	}
	if len(res) != 1 || res[0].Float() != 42 {
		t.Errorf("results %v, want [42]", res)
	}
	if v := L.Globals().GetStr("gy"); v.Float() != 42 {
		t.Errorf("gy = %v, want 42", v)
	}

	bad := xProto([]uint32{
		ABC(OpGetGlobalX, 0, 0, 0), Ax(OpExtraArg, kx),
		ABC(OpCall, 0, 1, 1),
		ABC(OpReturn, 0, 1, 0),
	}, "gz")
	_, err = L.PCallValue(L.NewClosure(bad))
	want := "t:1: attempt to call global 'gz' (a nil value)"
	if err == nil || err.Error() != want {
		t.Errorf("error %v, want %q", err, want)
	}
}
