// Package strftime converts between Unix times and broken-down C times (struct tm) and formats
// them as glibc's strftime does in the "C" locale, for Lua 5.1's os.date and os.time.
package strftime

import (
	"strconv"
	"time"
)

// Tm is C's struct tm.
type Tm struct {
	Sec, Min, Hour int
	Day            int // day of the month, 1-31
	Month          int // months since January, 0-11
	Year           int // years since 1900
	Wday           int // days since Sunday, 0-6
	Yday           int // days since January 1, 0-365
	IsDST          int // positive, zero, or negative when unknown
	Zone           string
	Offset         int // seconds east of UTC
}

// Localtime is C's localtime (or gmtime when loc is UTC): the broken-down time of the Unix time
// t in loc. It reports false when the year does not fit a C int, as glibc does.
func Localtime(t int64, loc *time.Location) (Tm, bool) {
	if t > 67767976233316800 || t < -67768040609740800 {
		return Tm{}, false
	}
	tt := time.Unix(t, 0).In(loc)
	zone, off := tt.Zone()
	tm := Tm{
		Sec: tt.Second(), Min: tt.Minute(), Hour: tt.Hour(),
		Day: tt.Day(), Month: int(tt.Month()) - 1, Year: tt.Year() - 1900,
		Wday: int(tt.Weekday()), Yday: tt.YearDay() - 1,
		Zone: zone, Offset: off,
	}
	if loc == time.UTC {
		tm.Zone = "GMT" // glibc's gmtime names its zone GMT
	} else if tt.IsDST() {
		tm.IsDST = 1
	}
	if tm.Year != int(int32(tm.Year)) {
		return Tm{}, false
	}
	return tm, true
}

var (
	weekdays     = [...]string{"Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"}
	months       = [...]string{"January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"}
	weekdayAbbrs = [...]string{"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"}
	monthAbbrs   = [...]string{"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"}
)

// Format formats tm with format as Lua 5.1's os.date does: every '%' followed by a character
// is passed to strftime on its own ("%" and that one character); everything else is copied.
func Format(format string, tm *Tm) string {
	b := make([]byte, 0, len(format)+16)
	for i := 0; i < len(format); i++ {
		c := format[i]
		if c != '%' || i+1 == len(format) {
			b = append(b, c)
			continue
		}
		i++
		b = Conv(b, format[i], tm)
	}
	return string(b)
}

func pad2(b []byte, v int, padc byte) []byte {
	if v < 10 && v >= 0 {
		return append(b, padc, byte('0'+v))
	}
	return strconv.AppendInt(b, int64(v), 10)
}

func pad3(b []byte, v int) []byte {
	if v < 100 {
		b = append(b, '0')
	}
	return pad2(b, v, '0')
}

func mod(a, m int) int {
	r := a % m
	if r < 0 {
		r += m
	}
	return r
}

// Conv appends strftime's result for the two-character format "%" + c.
func Conv(b []byte, c byte, tm *Tm) []byte {
	year := int64(tm.Year) + 1900
	switch c {
	case 'a':
		return append(b, name(weekdayAbbrs[:], tm.Wday)...)
	case 'A':
		return append(b, name(weekdays[:], tm.Wday)...)
	case 'b', 'h':
		return append(b, name(monthAbbrs[:], tm.Month)...)
	case 'B':
		return append(b, name(months[:], tm.Month)...)
	case 'c':
		b = Conv(b, 'a', tm)
		b = append(b, ' ')
		b = Conv(b, 'b', tm)
		b = append(b, ' ')
		b = Conv(b, 'e', tm)
		b = append(b, ' ')
		b = Conv(b, 'T', tm)
		b = append(b, ' ')
		return Conv(b, 'Y', tm)
	case 'C':
		return pad2(b, int(floorDiv(year, 100)), '0')
	case 'd':
		return pad2(b, tm.Day, '0')
	case 'D', 'x':
		b = Conv(b, 'm', tm)
		b = append(b, '/')
		b = Conv(b, 'd', tm)
		b = append(b, '/')
		return Conv(b, 'y', tm)
	case 'e':
		return pad2(b, tm.Day, ' ')
	case 'F':
		b = Conv(b, 'Y', tm)
		b = append(b, '-')
		b = Conv(b, 'm', tm)
		b = append(b, '-')
		return Conv(b, 'd', tm)
	case 'g':
		y, _ := isoWeek(tm)
		return pad2(b, mod(int(y%100), 100), '0')
	case 'G':
		y, _ := isoWeek(tm)
		return strconv.AppendInt(b, y, 10)
	case 'H':
		return pad2(b, tm.Hour, '0')
	case 'I':
		return pad2(b, hour12(tm.Hour), '0')
	case 'j':
		return pad3(b, tm.Yday+1)
	case 'k':
		return pad2(b, tm.Hour, ' ')
	case 'l':
		return pad2(b, hour12(tm.Hour), ' ')
	case 'm':
		return pad2(b, tm.Month+1, '0')
	case 'M':
		return pad2(b, tm.Min, '0')
	case 'n':
		return append(b, '\n')
	case 'p':
		if tm.Hour >= 12 {
			return append(b, "PM"...)
		}
		return append(b, "AM"...)
	case 'P':
		if tm.Hour >= 12 {
			return append(b, "pm"...)
		}
		return append(b, "am"...)
	case 'r':
		b = Conv(b, 'I', tm)
		b = append(b, ':')
		b = Conv(b, 'M', tm)
		b = append(b, ':')
		b = Conv(b, 'S', tm)
		b = append(b, ' ')
		return Conv(b, 'p', tm)
	case 'R':
		b = Conv(b, 'H', tm)
		b = append(b, ':')
		return Conv(b, 'M', tm)
	case 's':
		t := *tm
		secs, _ := Mktime(&t, time.Local)
		return strconv.AppendInt(b, secs, 10)
	case 'S':
		return pad2(b, tm.Sec, '0')
	case 't':
		return append(b, '\t')
	case 'T', 'X':
		b = Conv(b, 'H', tm)
		b = append(b, ':')
		b = Conv(b, 'M', tm)
		b = append(b, ':')
		return Conv(b, 'S', tm)
	case 'u':
		return strconv.AppendInt(b, int64((tm.Wday+6)%7+1), 10)
	case 'U':
		return pad2(b, (tm.Yday+7-tm.Wday)/7, '0')
	case 'V':
		_, w := isoWeek(tm)
		return pad2(b, w, '0')
	case 'w':
		return strconv.AppendInt(b, int64(tm.Wday), 10)
	case 'W':
		return pad2(b, (tm.Yday+7-(tm.Wday+6)%7)/7, '0')
	case 'y':
		return pad2(b, mod(int(year%100), 100), '0')
	case 'Y':
		return strconv.AppendInt(b, year, 10)
	case 'z':
		off := tm.Offset
		sign := byte('+')
		if off < 0 {
			sign = '-'
			off = -off
		}
		b = append(b, sign)
		b = pad2(b, off/3600, '0')
		return pad2(b, off/60%60, '0')
	case 'Z':
		return append(b, tm.Zone...)
	case '%':
		return append(b, '%')
	}
	if c >= '3' && c <= '9' {
		// A lone width: glibc pads the unknown conversion "%d" to that width.
		for n := int(c-'0') - 2; n > 0; n-- {
			b = append(b, ' ')
		}
	}
	// glibc copies an unknown conversion as it is.
	return append(b, '%', c)
}

func name(names []string, i int) string {
	if i < 0 || i >= len(names) {
		return "?"
	}
	return names[i]
}

func hour12(h int) int {
	h %= 12
	if h == 0 {
		return 12
	}
	return h
}

func floorDiv(a, b int64) int64 {
	q := a / b
	if (a%b != 0) && ((a < 0) != (b < 0)) {
		q--
	}
	return q
}

func isLeap(y int64) bool { return y%4 == 0 && (y%100 != 0 || y%400 == 0) }

// isoWeek returns the ISO 8601 week-based year and week number of tm.
func isoWeek(tm *Tm) (int64, int) {
	year := int64(tm.Year) + 1900
	yday := tm.Yday
	wday := (tm.Wday + 6) % 7 // Monday = 0
	// Week 1 holds the year's first Thursday.
	w := (yday - wday + 10) / 7
	if w < 1 {
		year--
		days := 365
		if isLeap(year) {
			days = 366
		}
		w = (yday + days - wday + 10) / 7
		return year, w
	}
	days := 365
	if isLeap(year) {
		days = 366
	}
	if yday-wday+3 >= days { // the Thursday of this week is in the next year
		return year + 1, 1
	}
	return year, w
}
