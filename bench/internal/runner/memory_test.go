package runner

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestDatasetCommands(t *testing.T) {
	cases := []struct {
		d    Dataset
		i    int
		want string
	}{
		{Strings, 7, "SET key:7 val:000007"},
		{Strings, 1234567, "SET key:1234567 val:234567"},
		{Hashes, 3, "HSET hash:3 field:0 value:0:3 field:1 value:1:3 field:2 value:2:3 field:3 value:3:3 " +
			"field:4 value:4:3 field:5 value:5:3 field:6 value:6:3 field:7 value:7:3 field:8 value:8:3 field:9 value:9:3"},
	}
	for _, c := range cases {
		cmd, err := c.d.Commands(c.i)
		if err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff(c.want, strings.Join(cmd, " ")); diff != "" {
			t.Errorf("%s %d (-want +got):\n%s", c.d, c.i, diff)
		}
	}
	if _, err := Dataset("lists").Commands(0); err == nil {
		t.Error("an unknown dataset gave no error")
	}
}

func TestMeasureMemory(t *testing.T) {
	for _, d := range []Dataset{Strings, Hashes} {
		perKey, err := MeasureMemory(d, 2000)
		if err != nil {
			t.Fatal(err)
		}
		// A key holds at least its name and value bytes.
		if min := 20.0; perKey < min {
			t.Errorf("%s: %.1f bytes per key, less than the %v bytes of data", d, perKey, min)
		}
	}
	if _, err := MeasureMemory("lists", 10); err == nil {
		t.Error("an unknown dataset gave no error")
	}
}
