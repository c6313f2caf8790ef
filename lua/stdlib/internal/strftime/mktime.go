package strftime

import (
	"time"
)

// C's mktime as glibc 2.36 computes it (time/mktime.c, __mktime_internal): the requested
// broken-down time is inverted by probing localtime, starting from the UTC offset the previous
// call found. That memory makes the answer for a wall-clock time that a daylight saving change
// skips or repeats depend on the calls before, exactly as in a C program: 02:30 on the night
// clocks go back is the first (summer) 02:30 after a summer date was converted, and the second
// one right after start-up. When tm_isdst asks for the other kind of time than the one found,
// a neighbouring time of that kind lends its offset.

// Mktimer is mktime with its remembered offset (glibc's static localtime_offset); the zero value
// is a freshly started process. It is not safe for concurrent use.
type Mktimer struct {
	offset int64 // UTC minus local time, in seconds, found by the last call
}

// Mktime is C's mktime in loc for a new process: see Mktimer.Mktime.
func Mktime(tm *Tm, loc *time.Location) (int64, bool) {
	var m Mktimer
	return m.Mktime(tm, loc)
}

// Mktime is C's mktime in loc: it normalizes the fields of tm (a month of 12 is January of the
// next year, day 0 the last day of the previous month), honours tm.IsDST (negative: unknown),
// sets *tm to the resulting local time and returns the Unix time, or false when the result does
// not fit. (C's mktime returns -1 for errors, so a caller imitating C treats a result of -1 as a
// failure.)
func (m *Mktimer) Mktime(tm *Tm, loc *time.Location) (int64, bool) {
	convert := func(t int64) (Tm, bool) { return Localtime(t, loc) }
	// At most six probes: enough for any zone history, leap seconds and oscillation around a gap.
	remainingProbes := 6
	sec, mn, hour := tm.Sec, tm.Min, tm.Hour
	mday, mon := tm.Day, tm.Month
	isdst := tm.IsDST
	dst2 := false // whether the previous probe was daylight saving time

	monRemainder := mon % 12
	negMonRemainder := 0
	if monRemainder < 0 {
		negMonRemainder = 1
	}
	monYears := mon/12 - negMonRemainder
	year := int64(tm.Year) + int64(monYears)
	leap := 0
	if leapyear(year) {
		leap = 1
	}
	yday := int64(monYday[leap][monRemainder+12*negMonRemainder]-1) + int64(mday)

	off := m.offset
	secRequested := sec
	// Out-of-range seconds are handled at the end, as a minute of 60 seconds is assumed here.
	sec = max(0, min(sec, 59))

	negativeOffsetGuess := int64(int32(-off)) // an int in glibc
	t0 := ydhmsDiff(year, yday, hour, mn, sec, 70, 0, 0, 0, negativeOffsetGuess)
	t, t1, t2 := t0, t0, t0
	var ltm Tm
	for {
		var ok bool
		if ltm, ok = rangedConvert(convert, &t); !ok {
			return 0, false
		}
		dt := tmDiff(year, yday, hour, mn, sec, &ltm)
		if dt == 0 {
			break
		}
		if t == t1 && t != t2 && (ltm.IsDST < 0 || (isdst < 0 && (!dst2 || ltm.IsDST != 0)) ||
			(isdst >= 0 && (isdst != 0) != (ltm.IsDST != 0))) {
			// Oscillating between two values: the time falls in a gap; return a time the gap's
			// size away, preferring a tm_isdst that differs from the requested one, or, when
			// none was requested, the daylight saving one.
			goto offsetFound
		}
		remainingProbes--
		if remainingProbes == 0 {
			return 0, false
		}
		t1, t2, t, dst2 = t2, t, t+dt, ltm.IsDST != 0
	}

	if isdstDiffer(isdst, ltm.IsDST) {
		// The wrong kind of time: probe neighbouring times for the requested tm_isdst and use
		// the offset of the first found; with none near, assume a one-hour shift.
		dstDifference := int64(b2i(isdst == 0) - b2i(ltm.IsDST == 0))
		const stride = 601200
		const durationMax = 457243209
		const deltaBound = durationMax/2 + stride
		for delta := int64(stride); delta < deltaBound; delta += stride {
			for direction := int64(-1); direction <= 1; direction += 2 {
				ot := t + delta*direction
				otm, ok := rangedConvert(convert, &ot)
				if !ok {
					return 0, false
				}
				if isdstDiffer(isdst, otm.IsDST) {
					continue
				}
				gt := ot + tmDiff(year, yday, hour, mn, sec, &otm)
				if gtm, ok := convert(gt); ok {
					t, ltm = gt, gtm
					goto offsetFound
				}
			}
		}
		t += 60 * 60 * dstDifference
		var ok bool
		if ltm, ok = convert(t); !ok {
			return 0, false
		}
	}

offsetFound:
	m.offset = t - t0 - negativeOffsetGuess
	if secRequested != ltm.Sec {
		// Use the seconds requested, not the normalized ones.
		adj := int64(0)
		if sec == 0 && ltm.Sec == 60 {
			adj = 1
		}
		adj += int64(secRequested) - int64(sec)
		t += adj
		var ok bool
		if ltm, ok = convert(t); !ok {
			return 0, false
		}
	}
	*tm = ltm
	return t, true
}

// rangedConvert is glibc's ranged_convert: localtime of *t, or, when *t is out of range, of the
// last time between 0 and *t that is in range (found by bisection), stored back in *t.
func rangedConvert(convert func(int64) (Tm, bool), t *int64) (Tm, bool) {
	if tm, ok := convert(*t); ok {
		return tm, true
	}
	bad, good := *t, int64(0)
	var goodTm Tm
	found := false
	for {
		mid := avg(good, bad)
		if mid == good || mid == bad {
			break
		}
		if tm, ok := convert(mid); ok {
			good, goodTm, found = mid, tm, true
		} else {
			bad = mid
		}
	}
	if !found {
		return Tm{}, false
	}
	*t = good
	return goodTm, true
}

// avg is the average of a and b rounded toward negative infinity, without overflow.
func avg(a, b int64) int64 { return (a >> 1) + (b >> 1) + (a & b & 1) }

// isdstDiffer reports whether two tm_isdst values differ, both being known.
func isdstDiffer(a, b int) bool { return (a == 0) != (b == 0) && a >= 0 && b >= 0 }

// monYday holds the days before each month (and the year's length), for common and leap years.
var monYday = [2][13]int{
	{0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334, 365},
	{0, 31, 60, 91, 121, 152, 182, 213, 244, 274, 305, 335, 366},
}

// leapyear reports whether the year (since 1900) is a leap year, with C's division.
func leapyear(year int64) bool {
	return year&3 == 0 && (year%100 != 0 || (year/100)&3 == (-(1900/100))&3)
}

// ydhmsDiff is the number of seconds from (year0, yday0, hour0, min0, sec0) to (year1, ...),
// years since 1900, computed as glibc does.
func ydhmsDiff(year1, yday1 int64, hour1, min1, sec1 int, year0, yday0 int64, hour0, min0 int, sec0 int64) int64 {
	a4 := year1>>2 + 1900>>2 - int64(b2i(year1&3 == 0))
	b4 := year0>>2 + 1900>>2 - int64(b2i(year0&3 == 0))
	a100 := (a4+int64(b2i(a4 < 0)))/25 - int64(b2i(a4 < 0))
	b100 := (b4+int64(b2i(b4 < 0)))/25 - int64(b2i(b4 < 0))
	a400 := a100 >> 2
	b400 := b100 >> 2
	leapDays := (a4 - b4) - (a100 - b100) + (a400 - b400)
	years := year1 - year0
	days := 365*years + yday1 - yday0 + leapDays
	hours := 24*days + int64(hour1) - int64(hour0)
	minutes := 60*hours + int64(min1) - int64(min0)
	return 60*minutes + int64(sec1) - sec0
}

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}

// tmDiff is the number of seconds from the time in tm to the requested one.
func tmDiff(year, yday int64, hour, min, sec int, tm *Tm) int64 {
	return ydhmsDiff(year, yday, hour, min, sec, int64(tm.Year), int64(tm.Yday), tm.Hour, tm.Min, int64(tm.Sec))
}
