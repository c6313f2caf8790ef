// Package geohash is the geographic index behind Redis's GEO commands: the 52-bit interleaved
// geohash Redis stores as a sorted-set score (26 bits of longitude and 26 of latitude over
// Web Mercator's latitude limits), the nine search areas around a point, and the haversine
// distance on Redis's earth radius. Every computation is done in the same order and the same
// double-precision steps as Redis 7.0, so that coordinates and distances match its output to
// the last printed digit.
package geohash

import "math"

// Limits of the coordinates Redis accepts and encodes.
const (
	LongMin = -180.0
	LongMax = 180.0
	LatMin  = -85.05112878
	LatMax  = 85.05112878
)

// StepMax is the precision of stored hashes: 26 bits per coordinate, 52 in all.
const StepMax = 26

// EarthRadius is the radius Redis uses for distances, in meters.
const EarthRadius = 6372797.560856

const mercatorMax = 20037726.37

// degToRad is Redis's D_R, M_PI / 180.0 computed in double precision (not as an exact constant).
var degToRad = func() float64 {
	pi := math.Pi
	return pi / 180.0
}()

func degRad(a float64) float64 { return a * degToRad }
func radDeg(a float64) float64 { return a / degToRad }

// Bits is a hash of Step bits per coordinate, longitude bits at odd positions, latitude at even.
type Bits struct {
	Bits uint64
	Step uint8
}

// IsZero reports whether h is the zero hash Redis uses to mark an unused search area.
func (h Bits) IsZero() bool { return h.Bits == 0 && h.Step == 0 }

// Range is an interval of one coordinate.
type Range struct{ Min, Max float64 }

// Area is the box a hash covers.
type Area struct {
	Hash      Bits
	Longitude Range
	Latitude  Range
}

// WGS84 ranges, as geohashGetCoordRange gives them.
var (
	longRange = Range{LongMin, LongMax}
	latRange  = Range{LatMin, LatMax}
)

// spread moves the 32 bits of v to the even bit positions of the result.
func spread(v uint32) uint64 {
	x := uint64(v)
	x = (x | x<<16) & 0x0000FFFF0000FFFF
	x = (x | x<<8) & 0x00FF00FF00FF00FF
	x = (x | x<<4) & 0x0F0F0F0F0F0F0F0F
	x = (x | x<<2) & 0x3333333333333333
	x = (x | x<<1) & 0x5555555555555555
	return x
}

// squash gathers the even bits of x into 32 bits.
func squash(x uint64) uint32 {
	x &= 0x5555555555555555
	x = (x | x>>1) & 0x3333333333333333
	x = (x | x>>2) & 0x0F0F0F0F0F0F0F0F
	x = (x | x>>4) & 0x00FF00FF00FF00FF
	x = (x | x>>8) & 0x0000FFFF0000FFFF
	x = (x | x>>16) & 0x00000000FFFFFFFF
	return uint32(x)
}

// interleave puts x at the even bits and y at the odd bits.
func interleave(x, y uint32) uint64 { return spread(x) | spread(y)<<1 }

// Encode hashes a point with step bits per coordinate over the given ranges; ok is false when
// the point is outside the WGS84 limits or the ranges.
func Encode(lr, ar Range, longitude, latitude float64, step uint8) (Bits, bool) {
	if step > 32 || step == 0 {
		return Bits{}, false
	}
	if longitude > LongMax || longitude < LongMin || latitude > LatMax || latitude < LatMin {
		return Bits{}, false
	}
	if latitude < ar.Min || latitude > ar.Max || longitude < lr.Min || longitude > lr.Max {
		return Bits{Step: step}, false
	}
	latOff := (latitude - ar.Min) / (ar.Max - ar.Min)
	longOff := (longitude - lr.Min) / (lr.Max - lr.Min)
	scale := float64(uint64(1) << step)
	latOff = float64(latOff * scale)
	longOff = float64(longOff * scale)
	return Bits{Bits: interleave(uint32(latOff), uint32(longOff)), Step: step}, true
}

// EncodeWGS84 hashes a point over Redis's coordinate ranges.
func EncodeWGS84(longitude, latitude float64, step uint8) (Bits, bool) {
	return Encode(longRange, latRange, longitude, latitude, step)
}

// Decode returns the box a hash covers.
func Decode(lr, ar Range, h Bits) (Area, bool) {
	if h.IsZero() {
		return Area{}, false
	}
	ilat := squash(h.Bits)
	ilong := squash(h.Bits >> 1)
	div := float64(uint64(1) << h.Step)
	latScale := ar.Max - ar.Min
	longScale := lr.Max - lr.Min
	return Area{
		Hash:      h,
		Latitude:  Range{ar.Min + float64(float64(float64(ilat)/div)*latScale), ar.Min + float64(float64(float64(uint64(ilat)+1)/div)*latScale)},
		Longitude: Range{lr.Min + float64(float64(float64(ilong)/div)*longScale), lr.Min + float64(float64(float64(uint64(ilong)+1)/div)*longScale)},
	}, true
}

// DecodeWGS84 returns the box of a hash over Redis's coordinate ranges.
func DecodeWGS84(h Bits) (Area, bool) { return Decode(longRange, latRange, h) }

// Center returns the middle of an area, clamped to the WGS84 limits (the point Redis reports).
func (a *Area) Center() (longitude, latitude float64) {
	longitude = (a.Longitude.Min + a.Longitude.Max) / 2
	longitude = min(max(longitude, LongMin), LongMax)
	latitude = (a.Latitude.Min + a.Latitude.Max) / 2
	latitude = min(max(latitude, LatMin), LatMax)
	return
}

// DecodeScore returns the point a sorted-set score stands for, as Redis's decodeGeohash: the
// score converted to a 64-bit unsigned integer (as C converts it on x86-64) is a 26-step hash.
func DecodeScore(score float64) (longitude, latitude float64, ok bool) {
	a, ok := DecodeWGS84(Bits{Bits: scoreBits(score), Step: StepMax})
	if !ok {
		return 0, 0, false
	}
	longitude, latitude = a.Center()
	return longitude, latitude, true
}

// scoreBits converts a double to uint64 as x86-64 code compiled from C does: values below 2^63
// through a signed conversion (out-of-range values give 2^63), larger ones offset by 2^63.
func scoreBits(f float64) uint64 {
	const two63 = 9223372036854775808.0
	if f < two63 {
		if f > -two63 && !math.IsNaN(f) {
			return uint64(int64(f))
		}
		return 1 << 63
	}
	f -= two63
	if f < two63 {
		return uint64(int64(f)) ^ 1<<63
	}
	return 0 // the signed conversion overflows to 2^63, which the offset cancels
}

// Align52 shifts a hash to 52 bits, the integer stored as a score.
func Align52(h Bits) uint64 { return h.Bits << (52 - uint(h.Step)*2) }

// ScoreRange returns the scores [min, max) of the points inside a hash's box.
func ScoreRange(h Bits) (min, max uint64) {
	min = Align52(h)
	h.Bits++
	return min, Align52(h)
}

// Neighbors are the eight boxes around a hash.
type Neighbors struct {
	North, South, East, West, NorthEast, NorthWest, SouthEast, SouthWest Bits
}

func moveX(h *Bits, d int) {
	if d == 0 {
		return
	}
	x := h.Bits & 0xaaaaaaaaaaaaaaaa
	y := h.Bits & 0x5555555555555555
	zz := uint64(0x5555555555555555) >> (64 - uint(h.Step)*2)
	if d > 0 {
		x += zz + 1
	} else {
		x |= zz
		x -= zz + 1
	}
	x &= 0xaaaaaaaaaaaaaaaa >> (64 - uint(h.Step)*2)
	h.Bits = x | y
}

func moveY(h *Bits, d int) {
	if d == 0 {
		return
	}
	x := h.Bits & 0xaaaaaaaaaaaaaaaa
	y := h.Bits & 0x5555555555555555
	zz := uint64(0xaaaaaaaaaaaaaaaa) >> (64 - uint(h.Step)*2)
	if d > 0 {
		y += zz + 1
	} else {
		y |= zz
		y -= zz + 1
	}
	y &= 0x5555555555555555 >> (64 - uint(h.Step)*2)
	h.Bits = x | y
}

// GetNeighbors returns the eight boxes around h, at the same step.
func GetNeighbors(h Bits) Neighbors {
	move := func(dx, dy int) Bits {
		b := h
		moveX(&b, dx)
		moveY(&b, dy)
		return b
	}
	return Neighbors{
		East: move(1, 0), West: move(-1, 0), South: move(0, -1), North: move(0, 1),
		NorthWest: move(-1, 1), SouthWest: move(-1, -1), NorthEast: move(1, 1), SouthEast: move(1, -1),
	}
}

// Distance is the haversine distance in meters between two points given in degrees, computed
// as Redis 7.0 computes it.
func Distance(lon1d, lat1d, lon2d, lat2d float64) float64 {
	lat1r := degRad(lat1d)
	lon1r := degRad(lon1d)
	lat2r := degRad(lat2d)
	lon2r := degRad(lon2d)
	u := sin((lat2r - lat1r) / 2)
	v := sin((lon2r - lon1r) / 2)
	a := float64(u*u) + float64(float64(float64(cos(lat1r)*cos(lat2r))*v)*v)
	return 2.0 * EarthRadius * asin(math.Sqrt(a))
}

// distanceFast is Distance with the math package's functions: within a few units in the last
// place of Redis's result, for quick rejections.
func distanceFast(lon1d, lat1d, lon2d, lat2d float64) float64 {
	lat1r := degRad(lat1d)
	lon1r := degRad(lon1d)
	lat2r := degRad(lat2d)
	lon2r := degRad(lon2d)
	u := math.Sin((lat2r - lat1r) / 2)
	v := math.Sin((lon2r - lon1r) / 2)
	a := u*u + math.Cos(lat1r)*math.Cos(lat2r)*v*v
	return 2.0 * EarthRadius * math.Asin(math.Sqrt(a))
}

// EncodeStandard hashes a point over the standard geohash ranges (latitude -90..90), as the
// GEOHASH command re-encodes positions, and returns the 11-character base-32 string.
func EncodeStandard(longitude, latitude float64) string {
	const alphabet = "0123456789bcdefghjkmnpqrstuvwxyz"
	h, _ := Encode(Range{-180, 180}, Range{-90, 90}, longitude, latitude, StepMax)
	var buf [11]byte
	for i := 0; i < 11; i++ {
		idx := 0
		if i < 10 {
			idx = int(h.Bits>>(52-uint(i+1)*5)) & 0x1f
		}
		buf[i] = alphabet[idx]
	}
	return string(buf[:])
}
