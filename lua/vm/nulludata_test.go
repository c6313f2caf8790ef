package vm

import "testing"

func TestNullUserdata(t *testing.T) {
	v := NullUserdataValue
	if v.Type() != TypeUserdata || v.AsUserdata() != NullUserdata {
		t.Fatalf("type %v", v.Type())
	}
	if got := PointerString(v); got != "(nil)" {
		t.Errorf("PointerString = %q, want (nil)", got)
	}
	if !RawEqual(v, UserdataValue(NullUserdata)) {
		t.Error("two NullUserdata values differ")
	}
	if got := PointerString(UserdataValue(&Userdata{})); got == "(nil)" {
		t.Error("an ordinary userdata prints as (nil)")
	}
}
