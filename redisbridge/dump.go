package redisbridge

import (
	"encoding/binary"
	"hash/crc64"
)

// FUNCTION DUMP payloads use Redis's framing: a sequence of RDB function records (opcode 245,
// then the library's code as an RDB string), the RDB version (2 bytes, little-endian) and the
// CRC64 (Jones polynomial, as Redis computes it) of everything before, little-endian. We write
// the code uncompressed; FUNCTION RESTORE also reads LZF-compressed strings, so payloads dumped
// by Redis 7.0 restore here too.

const (
	rdbVersion       = 10
	rdbOpcodeFunc2   = 245
	rdbOpcodeFuncPre = 246
	rdbEncLZF        = 3
)

const errBadPayload = "DUMP payload version or checksum are wrong"

// crcTable is the reflected Jones polynomial (Redis's crc64).
var crcTable = crc64.MakeTable(0x95ac9329ac4bc9b5)

// redisCRC64 is Redis's crc64(0, p, len): no initial or final inversion.
func redisCRC64(p []byte) uint64 { return ^crc64.Update(^uint64(0), crcTable, p) }

func appendRDBLen(b []byte, n uint64) []byte {
	switch {
	case n < 1<<6:
		return append(b, byte(n))
	case n < 1<<14:
		return append(b, byte(n>>8)|0x40, byte(n))
	case n <= 0xffffffff:
		b = append(b, 0x80)
		return binary.BigEndian.AppendUint32(b, uint32(n))
	}
	b = append(b, 0x81)
	return binary.BigEndian.AppendUint64(b, n)
}

func encodeFunctionDump(codes []string) string {
	var b []byte
	for _, c := range codes {
		b = append(b, rdbOpcodeFunc2)
		b = appendRDBLen(b, uint64(len(c)))
		b = append(b, c...)
	}
	b = binary.LittleEndian.AppendUint16(b, rdbVersion)
	b = binary.LittleEndian.AppendUint64(b, redisCRC64(b))
	return string(b)
}

// decodeFunctionDump checks a payload's footer and returns the libraries' code, or the error
// text FUNCTION RESTORE answers.
func decodeFunctionDump(payload string) ([]string, string) {
	p := []byte(payload)
	if len(p) < 10 {
		return nil, errBadPayload
	}
	footer := p[len(p)-10:]
	if binary.LittleEndian.Uint16(footer) > rdbVersion {
		return nil, errBadPayload
	}
	if redisCRC64(p[:len(p)-8]) != binary.LittleEndian.Uint64(footer[2:]) {
		return nil, errBadPayload
	}
	body := p[:len(p)-10]
	var codes []string
	for pos := 0; pos < len(body); {
		typ := body[pos]
		pos++
		switch typ {
		case rdbOpcodeFunc2:
		case rdbOpcodeFuncPre:
			return nil, "Pre-GA function format not supported"
		default:
			return nil, "given type is not a function"
		}
		s, n, ok := readRDBString(body[pos:])
		if !ok {
			return nil, "Failed loading library payload"
		}
		pos += n
		codes = append(codes, s)
	}
	return codes, ""
}

// readRDBLen reads an RDB length; encoded is true for the special encodings (11xxxxxx).
func readRDBLen(b []byte) (n uint64, encoded bool, size int, ok bool) {
	if len(b) == 0 {
		return 0, false, 0, false
	}
	switch b[0] >> 6 {
	case 0:
		return uint64(b[0] & 0x3f), false, 1, true
	case 1:
		if len(b) < 2 {
			return 0, false, 0, false
		}
		return uint64(b[0]&0x3f)<<8 | uint64(b[1]), false, 2, true
	case 2:
		switch b[0] {
		case 0x80:
			if len(b) < 5 {
				return 0, false, 0, false
			}
			return uint64(binary.BigEndian.Uint32(b[1:])), false, 5, true
		case 0x81:
			if len(b) < 9 {
				return 0, false, 0, false
			}
			return binary.BigEndian.Uint64(b[1:]), false, 9, true
		}
		return 0, false, 0, false
	}
	return uint64(b[0] & 0x3f), true, 1, true
}

// readRDBString reads an RDB string (plain, integer-encoded or LZF-compressed).
func readRDBString(b []byte) (string, int, bool) {
	n, enc, size, ok := readRDBLen(b)
	if !ok {
		return "", 0, false
	}
	if !enc {
		if uint64(len(b)-size) < n {
			return "", 0, false
		}
		return string(b[size : size+int(n)]), size + int(n), true
	}
	switch n {
	case 0, 1, 2:
		width := 1 << n
		if len(b) < size+width {
			return "", 0, false
		}
		var v int64
		switch n {
		case 0:
			v = int64(int8(b[size]))
		case 1:
			v = int64(int16(binary.LittleEndian.Uint16(b[size:])))
		default:
			v = int64(int32(binary.LittleEndian.Uint32(b[size:])))
		}
		return formatInt(v), size + width, true
	case rdbEncLZF:
		clen, _, s1, ok := readRDBLen(b[size:])
		if !ok {
			return "", 0, false
		}
		ulen, _, s2, ok := readRDBLen(b[size+s1:])
		if !ok {
			return "", 0, false
		}
		start := size + s1 + s2
		if uint64(len(b)-start) < clen || ulen > 1<<32 {
			return "", 0, false
		}
		out, ok := lzfDecompress(b[start:start+int(clen)], int(ulen))
		if !ok {
			return "", 0, false
		}
		return string(out), start + int(clen), true
	}
	return "", 0, false
}

func formatInt(v int64) string {
	var buf [20]byte
	i := len(buf)
	neg := v < 0
	u := uint64(v)
	if neg {
		u = uint64(-v)
	}
	for {
		i--
		buf[i] = byte('0' + u%10)
		u /= 10
		if u == 0 {
			break
		}
	}
	if neg {
		i--
		buf[i] = '-'
	}
	return string(buf[i:])
}

// lzfDecompress decodes LZF data (liblzf's format, as Redis stores compressed RDB strings)
// into exactly n bytes.
func lzfDecompress(in []byte, n int) ([]byte, bool) {
	out := make([]byte, 0, n)
	for i := 0; i < len(in); {
		ctrl := int(in[i])
		i++
		if ctrl < 32 {
			l := ctrl + 1
			if i+l > len(in) || len(out)+l > n {
				return nil, false
			}
			out = append(out, in[i:i+l]...)
			i += l
			continue
		}
		l := ctrl >> 5
		if l == 7 {
			if i >= len(in) {
				return nil, false
			}
			l += int(in[i])
			i++
		}
		if i >= len(in) {
			return nil, false
		}
		ref := len(out) - (ctrl&0x1f)<<8 - int(in[i]) - 1
		i++
		l += 2
		if ref < 0 || len(out)+l > n {
			return nil, false
		}
		for k := 0; k < l; k++ {
			out = append(out, out[ref+k])
		}
	}
	return out, len(out) == n
}
