package search

import "unicode/utf8"

// jsonLen is the length of appendJSONString's output for s.
func jsonLen(s string) int {
	n := 2
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			switch {
			case c == '"' || c == '\\' || c == '\n' || c == '\r' || c == '\t' || c == '\b' || c == '\f':
				n += 2
			case c < 0x20 || c == '<' || c == '>' || c == '&':
				n += 6 // \u00XX
			default:
				n++
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			n += 6 // \ufffd
		case r == '\u2028' || r == '\u2029':
			n += 6
		default:
			n += size
		}
		i += size
	}
	return n
}

// base36Len is the number of base-36 digits of n >= 0.
func base36Len(n int32) int {
	d := 1
	for n >= 36 {
		n /= 36
		d++
	}
	return d
}

// appendJSONString appends s as encoding/json writes it; plain says that s
// needs no escaping (jsonLen(s) == len(s)+2). Tokens are letters and
// digits, so the fast path is the rule. Escaping is written here, not by
// json.Marshal, which took its reflection and a copy for every string that
// needs it: a tenth of the time to write a Chinese handbook's index. It
// escapes what encoding/json escapes (jsonLen's list), as it does.
func appendJSONString(b []byte, s string, plain bool) []byte {
	b = append(b, '"')
	if plain {
		b = append(b, s...)
		return append(b, '"')
	}
	const hex = "0123456789abcdef"
	start := 0 // of the bytes not yet appended
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if c >= 0x20 && c != '"' && c != '\\' && c != '<' && c != '>' && c != '&' {
				i++
				continue
			}
			b = append(b, s[start:i]...)
			switch c {
			case '"', '\\':
				b = append(b, '\\', c)
			case '\b':
				b = append(b, '\\', 'b')
			case '\f':
				b = append(b, '\\', 'f')
			case '\n':
				b = append(b, '\\', 'n')
			case '\r':
				b = append(b, '\\', 'r')
			case '\t':
				b = append(b, '\\', 't')
			default:
				b = append(b, '\\', 'u', '0', '0', hex[c>>4], hex[c&0xF])
			}
			i++
			start = i
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			b = append(b, s[start:i]...)
			b = append(b, `\ufffd`...)
			start = i + size
		case r == '\u2028' || r == '\u2029':
			b = append(b, s[start:i]...)
			b = append(b, '\\', 'u', '2', '0', '2', hex[r&0xF])
			start = i + size
		}
		i += size
	}
	b = append(b, s[start:]...)
	return append(b, '"')
}

// appendBase36 is strconv.AppendInt(b, int64(n), 36) for n >= 0. Postings
// are millions of deltas of one or two digits: the general conversion was
// most of writing them.
func appendBase36(b []byte, n int32) []byte {
	const digits = "0123456789abcdefghijklmnopqrstuvwxyz"
	if n < 36 {
		return append(b, digits[n])
	}
	var d [6]byte // 36^6 > 2^31
	i := len(d)
	for n > 0 {
		i--
		d[i] = digits[n%36]
		n /= 36
	}
	return append(b, d[i:]...)
}
