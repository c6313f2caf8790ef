package libm

import (
	"bytes"
	"encoding/binary"
	"math"
	"os"
	"testing"
)

// TestSinTable checks the computed table of sin and cos at multiples of 1/128 against
// glibc's __sincostab: the whole table as found in this machine's libm when it is there,
// else entries copied from glibc's sincos.tbl.
func TestSinTable(t *testing.T) {
	sinTabOnce.Do(initSinTab)
	want := glibcSinTabSpot
	if data, err := os.ReadFile("/lib/x86_64-linux-gnu/libm.so.6"); err == nil {
		var pat [16]byte
		binary.LittleEndian.PutUint64(pat[:], 0x3f7fffeaaaaeeeef) // sin(1/128)
		binary.LittleEndian.PutUint64(pat[8:], 0xbc1e45e2ec67b77c)
		if at := bytes.Index(data, pat[:]) - 32; at >= 0 && at+8*len(sinTab) <= len(data) {
			want = nil
			for i := range sinTab {
				want = append(want, sinTabEntry{i, binary.LittleEndian.Uint64(data[at+8*i:])})
			}
		}
	}
	for _, w := range want {
		if got := math.Float64bits(sinTab[w.i]); got != w.bits {
			t.Errorf("sinTab[%d] = %#x, want %#x", w.i, got, w.bits)
		}
	}
}

// TestGlibcTablesLibm compares the tables of tan and asin with the ones in this machine's
// libm when it is there (glibc 2.36 holds several copies, one per variant; any will do).
func TestGlibcTablesLibm(t *testing.T) {
	data, err := os.ReadFile("/lib/x86_64-linux-gnu/libm.so.6")
	if err != nil {
		t.Skip("no glibc libm here")
	}
	var tanBits []uint64
	for _, e := range tanTab {
		tanBits = append(tanBits, e[:]...)
	}
	for _, tab := range []struct {
		name string
		bits []uint64
	}{{"tanTab", tanBits}, {"asinTab", asinTab[:]}} {
		bits := tab.bits
		var pat [16]byte
		binary.LittleEndian.PutUint64(pat[:], bits[0])
		binary.LittleEndian.PutUint64(pat[8:], bits[1])
		at := bytes.Index(data, pat[:])
		if at < 0 || at+8*len(bits) > len(data) {
			t.Errorf("%s: not found in libm", tab.name)
			continue
		}
		for i, b := range bits {
			if got := binary.LittleEndian.Uint64(data[at+8*i:]); got != b {
				t.Errorf("%s[%d] = %#x, libm has %#x", tab.name, i, b, got)
			}
		}
	}
}

type sinTabEntry struct {
	i    int
	bits uint64
}

// glibcSinTabSpot are entries of glibc's __sincostab (sincos.tbl): sin(k/128) and
// cos(k/128) as value and rest, for k = 0, 1, 2, 3 and 23 (one of the corrected rests).
var glibcSinTabSpot = []sinTabEntry{
	{0, 0}, {2, 0x3ff0000000000000},
	{4, 0x3f7fffeaaaaeeeef}, {5, 0xbc1e45e2ec67b77c}, {6, 0x3fefffc000155552}, {7, 0x3c8f4a01a0196dae},
	{8, 0x3f8fffaaaaeeeed5}, {9, 0xbc02ab639a9f0777}, {10, 0x3fefff000155549f}, {11, 0x3c828a28a03a5ef3},
	{12, 0x3f97ff7001033255}, {13, 0x3bfefe2b51527336}, {14, 0x3feffdc006bff7e6}, {15, 0x3c8ae6dae86977bd},
	{92, 0x3fc6e05dc05a4d4c}, {93, 0xbbd32c5c8b81c940},
}

// TestGlibcTanConstants checks the constants of tan against the words of glibc's utan.h.
func TestGlibcTanConstants(t *testing.T) {
	for _, c := range []struct {
		name string
		got  float64
		want uint64
	}{
		{"d3", tanD3, 0x3FD5555555555555}, {"d5", tanD5, 0x3FC11111111107C6}, {"d7", tanD7, 0x3FABA1BA1CDB8745},
		{"d9", tanD9, 0x3F9664ED49CFC666}, {"d11", tanD11, 0x3F82385A3CF2E4EA}, {"e0", tanE0, 0x3FD5555555554DBD},
		{"e1", tanE1, 0x3FC11112E0A6B45F}, {"mfftnhf", tanMff, 0xc02f000000000000}, {"g1", tanG1, 0x3e4b096c00000000},
		{"g2", tanG2, 0x3faf212d00000000}, {"g3", tanG3, 0x3fe92f1a00000000}, {"g4", tanG4, 0x4039000000000000},
		{"g5", tanG5, 0x4197d78400000000}, {"mp1", sinMp1, 0x3FF921FB58000000}, {"mp2", sinMp2, 0xBE4DDE973C000000},
		{"mp3", tanMp3, 0xBC8CB3B399D747F2}, {"pp3", sinPp3, 0xBC8CB3B398000000}, {"pp4", sinPp4, 0xbacd747f23e32ed7},
		{"hpinv", tanHpInv, 0x3FE45F306DC9C883}, {"toint", tanToInt, 0x4338000000000000},
	} {
		if got := math.Float64bits(c.got); got != c.want {
			t.Errorf("%s = %#x, want %#x", c.name, got, c.want)
		}
	}
}

// TestToverp checks the computed digits of 2/pi in base 2^24 against glibc's toverp
// (branred.h).
func TestToverp(t *testing.T) {
	toverpOnce.Do(initToverp)
	for _, c := range []struct {
		i    int
		want float64
	}{{0, 10680707}, {1, 7228996}, {2, 1387004}, {3, 2578385}, {4, 16069853}, {37, 12013382}, {73, 13719321}, {74, 343717}} {
		if toverp[c.i] != c.want {
			t.Errorf("toverp[%d] = %v, want %v", c.i, toverp[c.i], c.want)
		}
	}
}
