package geohash

import "math"

// Shape is a search area: a circle of Radius or a Width x Height box around a point, the sizes
// in the caller's unit and Conversion the meters per unit.
type Shape struct {
	Longitude, Latitude float64
	Box                 bool
	Radius              float64
	Width, Height       float64
	Conversion          float64
}

// BoundingBox returns the longitude and latitude limits of the shape: min lon, min lat, max lon,
// max lat (geohashBoundingBox).
func (s *Shape) BoundingBox() [4]float64 {
	height, width := s.Radius, s.Radius
	if s.Box {
		height, width = s.Height/2, s.Width/2
	}
	height = float64(s.Conversion * height)
	width = float64(s.Conversion * width)
	latDelta := radDeg(height / EarthRadius)
	longDeltaTop := radDeg(width / EarthRadius / cos(degRad(s.Latitude+latDelta)))
	longDeltaBottom := radDeg(width / EarthRadius / cos(degRad(s.Latitude-latDelta)))
	var b [4]float64
	if s.Latitude < 0 {
		b[0] = s.Longitude - longDeltaBottom
		b[2] = s.Longitude + longDeltaBottom
	} else {
		b[0] = s.Longitude - longDeltaTop
		b[2] = s.Longitude + longDeltaTop
	}
	b[1] = s.Latitude - latDelta
	b[3] = s.Latitude + latDelta
	return b
}

// estimateSteps is geohashEstimateStepsByRadius: the precision of the nine search boxes.
func estimateSteps(rangeMeters, lat float64) uint8 {
	if rangeMeters == 0 {
		return 26
	}
	step := 1
	for rangeMeters < mercatorMax {
		rangeMeters *= 2
		step++
	}
	step -= 2
	if lat > 66 || lat < -66 {
		step--
		if lat > 80 || lat < -80 {
			step--
		}
	}
	step = min(max(step, 1), 26)
	return uint8(step)
}

// Areas returns the boxes to search for the shape, in Redis's order: the center box, then
// north, south, east, west, north-east, north-west, south-east, south-west. Boxes that cannot
// hold a match are zero (IsZero), as geohashCalculateAreasByShapeWGS84 leaves them.
func (s *Shape) Areas() [9]Bits {
	b := s.BoundingBox()
	minLon, minLat, maxLon, maxLat := b[0], b[1], b[2], b[3]
	radius := s.Radius
	if s.Box {
		radius = math.Sqrt(float64((s.Width/2)*(s.Width/2)) + float64((s.Height/2)*(s.Height/2)))
	}
	radius *= s.Conversion
	steps := estimateSteps(radius, s.Latitude)
	hash, _ := EncodeWGS84(s.Longitude, s.Latitude, steps)
	nb := GetNeighbors(hash)
	area, _ := DecodeWGS84(hash)

	decrease := false
	if north, _ := DecodeWGS84(nb.North); north.Latitude.Max < maxLat {
		decrease = true
	}
	if south, _ := DecodeWGS84(nb.South); south.Latitude.Min > minLat {
		decrease = true
	}
	if east, _ := DecodeWGS84(nb.East); east.Longitude.Max < maxLon {
		decrease = true
	}
	if west, _ := DecodeWGS84(nb.West); west.Longitude.Min > minLon {
		decrease = true
	}
	if steps > 1 && decrease {
		steps--
		hash, _ = EncodeWGS84(s.Longitude, s.Latitude, steps)
		nb = GetNeighbors(hash)
		area, _ = DecodeWGS84(hash)
	}
	if steps >= 2 {
		if area.Latitude.Min < minLat {
			nb.South, nb.SouthWest, nb.SouthEast = Bits{}, Bits{}, Bits{}
		}
		if area.Latitude.Max > maxLat {
			nb.North, nb.NorthEast, nb.NorthWest = Bits{}, Bits{}, Bits{}
		}
		if area.Longitude.Min < minLon {
			nb.West, nb.SouthWest, nb.NorthWest = Bits{}, Bits{}, Bits{}
		}
		if area.Longitude.Max > maxLon {
			nb.East, nb.SouthEast, nb.NorthEast = Bits{}, Bits{}, Bits{}
		}
	}
	return [9]Bits{hash, nb.North, nb.South, nb.East, nb.West, nb.NorthEast, nb.NorthWest, nb.SouthEast, nb.SouthWest}
}

// Contains reports whether the point (longitude, latitude) is inside the shape (geoWithinShape)
// and returns its distance in meters from the shape's center. The distance is computed with
// the math package, whose result is within Slack of the one Redis computes
// (exact is false), except near the shape's edge, where the decision needs Redis's exact
// value and the distance returned is that value (exact is true). Exact gives Redis's
// distance when it matters (stored distances, near-ties, rounding boundaries).
func (s *Shape) Contains(longitude, latitude float64) (d float64, in, exact bool) {
	if !s.Box {
		r := float64(s.Radius * s.Conversion)
		d := distanceFast(s.Longitude, s.Latitude, longitude, latitude)
		if d > r+Slack(r) {
			return 0, false, false
		}
		if d < r-Slack(r) {
			return d, true, false
		}
		d = Distance(s.Longitude, s.Latitude, longitude, latitude)
		return d, d <= r, true
	}
	halfW := float64(s.Width*s.Conversion) / 2
	halfH := float64(s.Height*s.Conversion) / 2
	lonDistance := distanceFast(longitude, latitude, s.Longitude, latitude)
	if lonDistance > halfW+Slack(halfW) {
		return 0, false, false
	}
	latDistance := distanceFast(longitude, latitude, longitude, s.Latitude)
	if latDistance > halfH+Slack(halfH) {
		return 0, false, false
	}
	if lonDistance >= halfW-Slack(halfW) || latDistance >= halfH-Slack(halfH) {
		lonDistance = Distance(longitude, latitude, s.Longitude, latitude)
		latDistance = Distance(longitude, latitude, longitude, s.Latitude)
		if lonDistance > halfW || latDistance > halfH {
			return 0, false, false
		}
	}
	return distanceFast(s.Longitude, s.Latitude, longitude, latitude), true, false
}

// Exact returns the distance in meters from the shape's center to a point,
// as Redis computes it.
func (s *Shape) Exact(longitude, latitude float64) float64 {
	return Distance(s.Longitude, s.Latitude, longitude, latitude)
}

// Slack bounds the difference between the math package's distance and Redis's (glibc's)
// one around a distance d, with a wide margin (the functions are within a few units in the last
// place).
func Slack(d float64) float64 { return d*1e-9 + 1e-6 }
