package strftime

import (
	"testing"
	"time"
	_ "time/tzdata"
)

// TestMktimeRemembersOffset: a sequence of mktime calls in Europe/Paris around the 2024 changes,
// in one process, with the answers lua5.1 gives (conformance/lua/lib/tz has the programs).
func TestMktimeRemembersOffset(t *testing.T) {
	paris, err := time.LoadLocation("Europe/Paris")
	if err != nil {
		t.Fatal(err)
	}
	type call struct {
		month, day, hour, min, isdst int
		want                         int64
	}
	sequences := map[string][]call{
		"repeated hour": {
			{10, 27, 2, 30, -1, 1729992600}, // fresh process: the second (winter) 02:30
			{7, 15, 2, 30, -1, 1721003400},
			{10, 27, 2, 30, -1, 1729989000}, // after a summer date: the first (summer) 02:30
			{1, 15, 2, 30, -1, 1705282200},
			{10, 27, 2, 30, -1, 1729992600},
			{10, 27, 2, 30, 1, 1729989000},
			{10, 27, 2, 30, -1, 1729989000},
			{10, 27, 2, 30, 0, 1729992600},
		},
		"skipped hour": {
			{3, 31, 2, 30, -1, 1711848600}, // 03:30 CEST
			{1, 15, 2, 30, -1, 1705282200},
			{3, 31, 2, 30, -1, 1711848600},
			{7, 15, 2, 30, -1, 1721003400},
			{3, 31, 2, 30, -1, 1711848600},
			{3, 31, 2, 30, 1, 1711845000}, // 01:30 CET
			{3, 31, 2, 30, 0, 1711848600},
			{3, 31, 2, 30, -1, 1711848600},
		},
	}
	for name, calls := range sequences {
		t.Run(name, func(t *testing.T) {
			var m Mktimer
			for i, c := range calls {
				tm := Tm{Year: 124, Month: c.month - 1, Day: c.day, Hour: c.hour, Min: c.min, IsDST: c.isdst}
				got, ok := m.Mktime(&tm, paris)
				if !ok || got != c.want {
					t.Errorf("call %d %+v: got %d, %v; want %d", i, c, got, ok, c.want)
				}
			}
		})
	}
}
