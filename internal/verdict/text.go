package verdict

import "strings"

// stripThink returns reply without its think blocks, and whether it had
// any. open is the offset of a block that is never closed, or -1.
func stripThink(reply string) (text string, hadThink bool, open int) {
	var b []byte
	keep, i := 0, 0
	for {
		j := strings.IndexByte(reply[i:], '<')
		if j < 0 {
			break
		}
		j += i
		if n := thinkTag(reply, j, false); n > 0 {
			if b == nil {
				b = make([]byte, 0, len(reply))
			}
			b = append(b, reply[keep:j]...)
			b = append(b, '\n')
			hadThink = true
			end, m := closeTag(reply, j+n)
			if end < 0 {
				return "", true, j
			}
			i, keep = end+m, end+m
			continue
		}
		if n := thinkTag(reply, j, true); n > 0 {
			// A closing tag with no opening one: everything before it
			// was thinking whose opening tag was in the prompt.
			b = b[:0]
			hadThink = true
			i, keep = j+n, j+n
			continue
		}
		i = j + 1
	}
	if !hadThink {
		return reply, false, -1
	}
	return string(append(b, reply[keep:]...)), true, -1
}

// closeTag finds the first closing think tag at or after i, returning its
// offset and length, or -1.
func closeTag(s string, i int) (int, int) {
	for {
		j := strings.IndexByte(s[i:], '<')
		if j < 0 {
			return -1, 0
		}
		j += i
		if n := thinkTag(s, j, true); n > 0 {
			return j, n
		}
		i = j + 1
	}
}

// thinkTag returns the length of the think tag at s[i:], opening or
// closing as asked, or 0.
func thinkTag(s string, i int, closing bool) int {
	tags := [...]string{"<think>", "<thinking>"}
	if closing {
		tags = [...]string{"</think>", "</thinking>"}
	}
	for _, t := range tags {
		if len(s)-i >= len(t) && strings.EqualFold(s[i:i+len(t)], t) {
			return len(t)
		}
	}
	return 0
}

// blank reports whether s holds only white space and NUL bytes.
func blank(s string) bool {
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case ' ', '\t', '\n', '\r', '\v', '\f', 0:
		default:
			return false
		}
	}
	return true
}

// asciiLower lower-cases the ASCII letters of s and leaves every other
// byte alone, so offsets into the result are offsets into s.
func asciiLower(s string) string {
	i := 0
	for i < len(s) && !('A' <= s[i] && s[i] <= 'Z') {
		i++
	}
	if i == len(s) {
		return s
	}
	b := []byte(s)
	for ; i < len(b); i++ {
		if c := b[i]; 'A' <= c && c <= 'Z' {
			b[i] = c + 'a' - 'A'
		}
	}
	return string(b)
}

// evidenceLen bounds the evidence a result quotes.
const evidenceLen = 160

// excerpt returns s[from:to] as one trimmed line of valid UTF-8, cut to
// about evidenceLen bytes.
func excerpt(s string, from, to int) string {
	from = max(0, min(from, len(s)))
	to = max(from, min(to, len(s)))
	cut := false
	if to-from > evidenceLen {
		to, cut = from+evidenceLen, true
	}
	// A rune the cut splits is invalid, and dropped with the rest.
	t := strings.ToValidUTF8(s[from:to], "")
	if cut {
		t += "…"
	}
	t = strings.Map(func(r rune) rune {
		switch {
		case r == '\n' || r == '\r' || r == '\t':
			return ' '
		case r < ' ' || r == 0x7f:
			return -1
		}
		return r
	}, t)
	return strings.TrimSpace(t)
}

// around returns the excerpt of the line of s around offset pos.
func around(s string, pos int) string {
	pos = max(0, min(pos, len(s)))
	lo := max(0, pos-evidenceLen/2)
	if k := strings.LastIndexByte(s[lo:pos], '\n'); k >= 0 {
		lo += k + 1
	}
	if lo > 0 && s[lo-1] != '\n' {
		if k := strings.IndexByte(s[lo:pos], ' '); k >= 0 {
			lo += k + 1 // start at a word
		}
	}
	hi := min(len(s), lo+evidenceLen)
	if k := strings.IndexByte(s[pos:hi], '\n'); k >= 0 {
		hi = pos + k
	} else if hi < len(s) {
		if k := strings.LastIndexByte(s[pos:hi], ' '); k >= 0 {
			hi = pos + k // end at a word
		}
	}
	return excerpt(s, lo, hi)
}
