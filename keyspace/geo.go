package keyspace

import (
	"math"
	"slices"
	"strconv"

	"github.com/redmoon-dev/redmoon/keyspace/internal/geohash"
	"github.com/redmoon-dev/redmoon/keyspace/internal/zset"
)

// The GEO commands, as Redis 7.0's geo.c: points are stored in a sorted set whose scores are
// 52-bit geohashes (internal/geohash), searches scan the nine boxes around the center in Redis's
// order, so that unsorted replies list the same members in the same order.
//
// Distances are Redis's haversine over the C library's sin, cos and asin as redis-server calls
// them (glibc 2.36 on x86-64, bit for bit: internal/libm), so distances stored with STOREDIST
// (all 17 digits) match Redis's to the last bit, as printed distances ("%.4f") and coordinates do.

func init() {
	register(map[string]Handler{
		"geoadd":  geoaddCommand,
		"geodist": geodistCommand,
		"geohash": geohashCommand,
		"geopos":  geoposCommand,
		"georadius": func(c *Ctx, a []string, r Reply) {
			georadiusGeneric(c, a, 1, geoRadiusCoords, r)
		},
		"georadius_ro": func(c *Ctx, a []string, r Reply) {
			georadiusGeneric(c, a, 1, geoRadiusCoords|geoNoStore, r)
		},
		"georadiusbymember": func(c *Ctx, a []string, r Reply) {
			georadiusGeneric(c, a, 1, geoRadiusMember, r)
		},
		"georadiusbymember_ro": func(c *Ctx, a []string, r Reply) {
			georadiusGeneric(c, a, 1, geoRadiusMember|geoNoStore, r)
		},
		"geosearch": func(c *Ctx, a []string, r Reply) { georadiusGeneric(c, a, 1, geoSearch, r) },
		"geosearchstore": func(c *Ctx, a []string, r Reply) {
			georadiusGeneric(c, a, 2, geoSearch|geoSearchStore, r)
		},
	})
}

// geoFormatCoord formats a coordinate as addReplyHumanLongDouble: "%.17Lf" of the value, then
// trailing zeros (and a trailing point) removed.
func geoFormatCoord(f float64) string {
	var buf [48]byte
	b := strconv.AppendFloat(buf[:0], f, 'f', 17, 64)
	n := len(b)
	for n > 0 && b[n-1] == '0' {
		n--
	}
	if n > 0 && b[n-1] == '.' {
		n--
	}
	if n == 2 && b[0] == '-' && b[1] == '0' {
		return "0"
	}
	return string(b[:n])
}

// geoReplyCoord writes a coordinate (RESP3 a double, RESP2 a bulk string).
func geoReplyCoord(r Reply, f float64) { ReplyDoubleText(r, f, geoFormatCoord(f)) }

// geoFormatDistance formats a distance as addReplyDoubleDistance ("%.4f").
func geoFormatDistance(d float64) string { return cFormatF(d, 4) }

// cFormatF is C's "%.Nf" (glibc's spellings of infinities and NaN).
func cFormatF(f float64, prec int) string {
	switch {
	case math.IsInf(f, 1):
		return "inf"
	case math.IsInf(f, -1):
		return "-inf"
	case math.IsNaN(f):
		return "nan"
	}
	return strconv.FormatFloat(f, 'f', prec, 64)
}

// geoParseLongLat reads a longitude and a latitude as extractLongLatOrReply.
func geoParseLongLat(lon, lat string) (float64, float64, string) {
	x, ok := ParseFloat(lon)
	if !ok {
		return 0, 0, ErrNotFloat
	}
	y, ok := ParseFloat(lat)
	if !ok {
		return 0, 0, ErrNotFloat
	}
	if x < geohash.LongMin || x > geohash.LongMax || y < geohash.LatMin || y > geohash.LatMax {
		return 0, 0, "ERR invalid longitude,latitude pair " + cFormatF(x, 6) + "," + cFormatF(y, 6)
	}
	return x, y, ""
}

// geoUnit returns the meters of a unit name, or an error text (extractUnitOrReply).
func geoUnit(u string) (float64, string) {
	switch u = cstr(u); {
	case equalFold(u, "m"):
		return 1, ""
	case equalFold(u, "km"):
		return 1000, ""
	case equalFold(u, "ft"):
		return 0.3048, ""
	case equalFold(u, "mi"):
		return 1609.34, ""
	}
	return 0, "ERR unsupported unit provided. please use M, KM, FT, MI"
}

// geoaddCommand is GEOADD key [NX|XX] [CH] longitude latitude member [...], turned into the
// ZADD it stands for, as Redis does.
func geoaddCommand(c *Ctx, args []string, r Reply) {
	nx, xx := false, false
	idx := 2
options:
	for ; idx < len(args); idx++ {
		switch opt := cstr(args[idx]); {
		case equalFold(opt, "nx"):
			nx = true
		case equalFold(opt, "xx"):
			xx = true
		case equalFold(opt, "ch"):
		default:
			break options
		}
	}
	if (len(args)-idx)%3 != 0 || (xx && nx) {
		r.Error(ErrSyntax)
		return
	}
	elements := (len(args) - idx) / 3
	zargs := make([]string, 0, idx+elements*2)
	zargs = append(zargs, "zadd")
	zargs = append(zargs, args[1:idx]...)
	for i := 0; i < elements; i++ {
		p := idx + i*3
		lon, lat, msg := geoParseLongLat(args[p], args[p+1])
		if msg != "" {
			r.Error(msg)
			return
		}
		h, _ := geohash.EncodeWGS84(lon, lat, geohash.StepMax)
		zargs = append(zargs, strconv.FormatUint(geohash.Align52(h), 10), args[p+2])
	}
	zaddGeneric(c, zargs, 0, r)
}

// geoLookup finds the sorted set of a GEO read command; ok is false after WRONGTYPE.
func geoLookup(c *Ctx, key string, r Reply) (*sortedSet, bool) {
	_, z, ok := zLookup(c, key, false, r)
	return z, ok
}

// geoMemberPos returns the position of a member (longLatFromMember).
func geoMemberPos(z *sortedSet, member string) (float64, float64, bool) {
	score, ok := z.Score(member)
	if !ok {
		return 0, 0, false
	}
	return geohash.DecodeScore(score)
}

func geodistCommand(c *Ctx, args []string, r Reply) {
	toMeter := 1.0
	if len(args) == 5 {
		var msg string
		if toMeter, msg = geoUnit(args[4]); msg != "" {
			r.Error(msg)
			return
		}
	} else if len(args) > 5 {
		r.Error(ErrSyntax)
		return
	}
	z, ok := geoLookup(c, args[1], r)
	if !ok {
		return
	}
	if z == nil {
		r.Null()
		return
	}
	s1, ok1 := z.Score(args[2])
	s2, ok2 := z.Score(args[3])
	if !ok1 || !ok2 {
		r.Null()
		return
	}
	x1, y1, ok1 := geohash.DecodeScore(s1)
	x2, y2, ok2 := geohash.DecodeScore(s2)
	if !ok1 || !ok2 {
		r.Null()
		return
	}
	r.Bulk(geoFormatDistance(geohash.Distance(x1, y1, x2, y2) / toMeter))
}

func geohashCommand(c *Ctx, args []string, r Reply) {
	z, ok := geoLookup(c, args[1], r)
	if !ok {
		return
	}
	r.ArrayLen(len(args) - 2)
	for _, m := range args[2:] {
		if z == nil {
			r.Null()
			continue
		}
		x, y, found := geoMemberPos(z, m)
		if !found {
			r.Null()
			continue
		}
		r.Bulk(geohash.EncodeStandard(x, y))
	}
}

func geoposCommand(c *Ctx, args []string, r Reply) {
	z, ok := geoLookup(c, args[1], r)
	if !ok {
		return
	}
	r.ArrayLen(len(args) - 2)
	for _, m := range args[2:] {
		if z == nil {
			r.NullArray()
			continue
		}
		x, y, found := geoMemberPos(z, m)
		if !found {
			r.NullArray()
			continue
		}
		r.ArrayLen(2)
		geoReplyCoord(r, x)
		geoReplyCoord(r, y)
	}
}

// georadiusGeneric flags.
const (
	geoRadiusCoords = 1 << iota // GEORADIUS: center given as longitude latitude
	geoRadiusMember             // GEORADIUSBYMEMBER: center given as a member
	geoNoStore                  // the _RO variants: no STORE / STOREDIST
	geoSearch                   // GEOSEARCH syntax
	geoSearchStore              // GEOSEARCHSTORE: destination in args[1]
)

const (
	geoSortNone = iota
	geoSortAsc
	geoSortDesc
)

// geoPoint is one search result. dist is the distance from the center, Redis's exact value when
// exact is set, otherwise within geohash.Slack of it (see geohash.Shape.Contains).
type geoPoint struct {
	lon, lat float64
	dist     float64
	exact    bool
	score    float64
	member   string
}

// makeExact replaces an estimated distance by Redis's exact one.
func (p *geoPoint) makeExact(shape *geohash.Shape) {
	if !p.exact {
		p.dist = shape.Exact(p.lon, p.lat)
		p.exact = true
	}
}

// geoSortPoints sorts by distance as Redis does: stably (glibc's qsort) when every point is
// returned, and with Redis's partial quicksort over the first n positions when COUNT returns
// fewer, which orders equal distances its own way. Estimated distances decide unless two
// neighbours are too close to tell apart, in which case every distance is made exact and the
// sort is redone from the discovery order.
func geoSortPoints(points []geoPoint, shape *geohash.Shape, desc bool, n int) {
	cmp := func(a, b geoPoint) int { return cmpFloat(a.dist, b.dist) }
	if desc {
		cmp = func(a, b geoPoint) int { return cmpFloat(b.dist, a.dist) }
	}
	orig := slices.Clone(points)
	slices.SortStableFunc(points, cmp)
	for i := 1; i < len(points); i++ {
		a, b := &points[i-1], &points[i]
		if a.dist == b.dist || ((!a.exact || !b.exact) && math.Abs(a.dist-b.dist) <= geohash.Slack(max(a.dist, b.dist))*2) {
			for j := range orig {
				orig[j].makeExact(shape)
			}
			copy(points, orig)
			if n < len(points) {
				// Only equal distances make the algorithm matter; with them, it decides which
				// of the tied points make the cut and in which order.
				partialSort(points, func(a, b *geoPoint) int { return cmp(*a, *b) }, 0, n-1)
			} else {
				slices.SortStableFunc(points, cmp)
			}
			return
		}
	}
}

// geoDistanceText formats a point's distance in the search unit ("%.4f"), making it exact first
// when the estimate is too close to a rounding boundary of the fourth decimal.
func geoDistanceText(p *geoPoint, shape *geohash.Shape) string {
	if !p.exact {
		x := p.dist / shape.Conversion * 1e4
		f := x - math.Floor(x)
		if math.Abs(f-0.5)/1e4*shape.Conversion <= geohash.Slack(p.dist)*2 {
			p.makeExact(shape)
		}
	}
	return geoFormatDistance(p.dist / shape.Conversion)
}

// georadiusGeneric is Redis's georadiusGeneric, behind GEORADIUS[_RO], GEORADIUSBYMEMBER[_RO],
// GEOSEARCH and GEOSEARCHSTORE.
func georadiusGeneric(c *Ctx, args []string, srcIdx int, flags int, r Reply) {
	storeKey := ""
	hasStore := false
	storeDist := false
	z, ok := geoLookup(c, args[srcIdx], r)
	if !ok {
		return
	}
	var shape geohash.Shape
	var baseArgs int
	switch {
	case flags&geoRadiusCoords != 0:
		baseArgs = 6
		lon, lat, msg := geoParseLongLat(args[2], args[3])
		if msg != "" {
			r.Error(msg)
			return
		}
		shape.Longitude, shape.Latitude = lon, lat
		if msg := geoParseDistance(args[4], args[5], &shape); msg != "" {
			r.Error(msg)
			return
		}
	case flags&geoRadiusMember != 0 && z == nil:
		baseArgs = 5
	case flags&geoRadiusMember != 0:
		baseArgs = 5
		lon, lat, found := geoMemberPos(z, args[2])
		if !found {
			r.Error("ERR could not decode requested zset member")
			return
		}
		shape.Longitude, shape.Latitude = lon, lat
		if msg := geoParseDistance(args[3], args[4], &shape); msg != "" {
			r.Error(msg)
			return
		}
	default: // GEOSEARCH, GEOSEARCHSTORE
		baseArgs = 2
		if flags&geoSearchStore != 0 {
			baseArgs = 3
			storeKey, hasStore = args[1], true
		}
	}
	withDist, withHash, withCoords := false, false, false
	fromMember, fromLoc, byRadius, byBox := false, false, false, false
	sort := geoSortNone
	anyOpt := false
	var count int64
	remaining := len(args) - baseArgs
	for i := 0; i < remaining; i++ {
		arg := cstr(args[baseArgs+i])
		switch {
		case equalFold(arg, "withdist"):
			withDist = true
		case equalFold(arg, "withhash"):
			withHash = true
		case equalFold(arg, "withcoord"):
			withCoords = true
		case equalFold(arg, "any"):
			anyOpt = true
		case equalFold(arg, "asc"):
			sort = geoSortAsc
		case equalFold(arg, "desc"):
			sort = geoSortDesc
		case equalFold(arg, "count") && i+1 < remaining:
			n, ok := ParseInt(args[baseArgs+i+1])
			if !ok {
				r.Error(ErrNotInt)
				return
			}
			if n <= 0 {
				r.Error("ERR COUNT must be > 0")
				return
			}
			count = n
			i++
		case (equalFold(arg, "store") || equalFold(arg, "storedist")) && i+1 < remaining &&
			flags&geoNoStore == 0 && flags&geoSearch == 0:
			storeKey, hasStore = args[baseArgs+i+1], true
			storeDist = equalFold(arg, "storedist")
			i++
		case equalFold(arg, "storedist") && flags&geoSearch != 0 && flags&geoSearchStore != 0:
			storeDist = true
		case equalFold(arg, "frommember") && i+1 < remaining && flags&geoSearch != 0 && !fromLoc:
			if z == nil {
				fromMember = true
				i++
				continue
			}
			lon, lat, found := geoMemberPos(z, args[baseArgs+i+1])
			if !found {
				r.Error("ERR could not decode requested zset member")
				return
			}
			shape.Longitude, shape.Latitude = lon, lat
			fromMember = true
			i++
		case equalFold(arg, "fromlonlat") && i+2 < remaining && flags&geoSearch != 0 && !fromMember:
			lon, lat, msg := geoParseLongLat(args[baseArgs+i+1], args[baseArgs+i+2])
			if msg != "" {
				r.Error(msg)
				return
			}
			shape.Longitude, shape.Latitude = lon, lat
			fromLoc = true
			i += 2
		case equalFold(arg, "byradius") && i+2 < remaining && flags&geoSearch != 0 && !byBox:
			if msg := geoParseDistance(args[baseArgs+i+1], args[baseArgs+i+2], &shape); msg != "" {
				r.Error(msg)
				return
			}
			shape.Box = false
			byRadius = true
			i += 2
		case equalFold(arg, "bybox") && i+3 < remaining && flags&geoSearch != 0 && !byRadius:
			if msg := geoParseBox(args[baseArgs+i+1:baseArgs+i+4], &shape); msg != "" {
				r.Error(msg)
				return
			}
			shape.Box = true
			byBox = true
			i += 3
		default:
			r.Error(ErrSyntax)
			return
		}
	}
	if hasStore && (withDist || withHash || withCoords) {
		what := "STORE option in GEORADIUS"
		if flags&geoSearchStore != 0 {
			what = "GEOSEARCHSTORE"
		}
		r.Error("ERR " + what + " is not compatible with WITHDIST, WITHHASH and WITHCOORD options")
		return
	}
	if flags&geoSearch != 0 && !fromMember && !fromLoc {
		r.Error("ERR exactly one of FROMMEMBER or FROMLONLAT can be specified for " + safeText(args[0]))
		return
	}
	if flags&geoSearch != 0 && !byRadius && !byBox {
		r.Error("ERR exactly one of BYRADIUS and BYBOX can be specified for " + safeText(args[0]))
		return
	}
	if anyOpt && count == 0 {
		r.Error("ERR the ANY argument requires COUNT argument")
		return
	}
	if z == nil {
		if hasStore {
			zStore(c, storeKey, nil, "")
			r.Integer(0)
		} else {
			r.ArrayLen(0)
		}
		return
	}
	if count != 0 && sort == geoSortNone && !anyOpt {
		sort = geoSortAsc
	}
	limit := int64(0)
	if anyOpt {
		limit = count
	}
	points := geoSearchPoints(z, &shape, limit)
	if len(points) == 0 && !hasStore {
		r.ArrayLen(0)
		return
	}
	returned := len(points)
	if count != 0 && int64(returned) > count {
		returned = int(count)
	}
	if sort != geoSortNone {
		geoSortPoints(points, &shape, sort == geoSortDesc, returned)
	}
	points = points[:returned]
	if !hasStore {
		opts := 0
		for _, b := range []bool{withDist, withCoords, withHash} {
			if b {
				opts++
			}
		}
		r.ArrayLen(len(points))
		for i := range points {
			p := &points[i]
			if opts > 0 {
				r.ArrayLen(opts + 1)
			}
			r.Bulk(p.member)
			if withDist {
				r.Bulk(geoDistanceText(p, &shape))
			}
			if withHash {
				r.Integer(int64(p.score))
			}
			if withCoords {
				r.ArrayLen(2)
				geoReplyCoord(r, p.lon)
				geoReplyCoord(r, p.lat)
			}
		}
		return
	}
	items := make([]zset.Item, len(points))
	for i := range points {
		p := &points[i]
		score := p.score
		if storeDist {
			p.makeExact(&shape)
			score = p.dist / shape.Conversion
		}
		items[i] = zset.Item{Score: score, Member: p.member}
	}
	slices.SortFunc(items, func(a, b zset.Item) int {
		switch {
		case a.Less(&b):
			return -1
		case b.Less(&a):
			return 1
		}
		return 0
	})
	event := "georadiusstore"
	if flags&geoSearch != 0 {
		event = "geosearchstore"
	}
	zStore(c, storeKey, items, event)
	if len(items) > 1 {
		c.KS.Dirty += int64(len(items) - 1)
	}
	r.Integer(int64(len(items)))
}

func cmpFloat(a, b float64) int {
	switch {
	case a > b:
		return 1
	case a == b:
		return 0
	}
	return -1
}

// geoParseDistance reads a radius and its unit (extractDistanceOrReply).
func geoParseDistance(radius, unit string, shape *geohash.Shape) string {
	d, ok := ParseFloat(radius)
	if !ok {
		return "ERR need numeric radius"
	}
	if d < 0 {
		return "ERR radius cannot be negative"
	}
	shape.Radius = d
	conv, msg := geoUnit(unit)
	if msg != "" {
		return msg
	}
	shape.Conversion = conv
	return ""
}

// geoParseBox reads width, height and unit (extractBoxOrReply).
func geoParseBox(args []string, shape *geohash.Shape) string {
	w, ok := ParseFloat(args[0])
	if !ok {
		return "ERR need numeric width"
	}
	h, ok := ParseFloat(args[1])
	if !ok {
		return "ERR need numeric height"
	}
	if h < 0 || w < 0 {
		return "ERR height or width cannot be negative"
	}
	shape.Width, shape.Height = w, h
	conv, msg := geoUnit(args[2])
	if msg != "" {
		return msg
	}
	shape.Conversion = conv
	return ""
}

// geoSearchPoints returns the members inside the shape in Redis's discovery order: box by box
// (membersOfAllNeighbors), each box's scores in ascending order. limit > 0 stops early (ANY).
func geoSearchPoints(z *sortedSet, shape *geohash.Shape, limit int64) []geoPoint {
	boxes := shape.Areas()
	var points []geoPoint
	last := 0
	for i, b := range boxes {
		if b.IsZero() {
			continue
		}
		if last != 0 && b == boxes[last] {
			continue
		}
		if len(points) > 0 && limit > 0 && int64(len(points)) >= limit {
			break
		}
		lo, hi := geohash.ScoreRange(b)
		min, max := float64(lo), float64(hi)
		for it := z.IterAt(z.ScoreRank(min, false)); it.Valid(); it.Next() {
			x := it.Item()
			if x.Score >= max {
				break
			}
			lon, lat, ok := geohash.DecodeScore(x.Score)
			if ok {
				if d, in, exact := shape.Contains(lon, lat); in {
					points = append(points, geoPoint{lon: lon, lat: lat, dist: d, exact: exact, score: x.Score, member: x.Member})
				}
			}
			if len(points) > 0 && limit > 0 && int64(len(points)) >= limit {
				break
			}
		}
		last = i
	}
	return points
}
