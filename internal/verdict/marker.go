package verdict

import "strings"

// marker is an answer line: where its marker is, where its line starts
// (for evidence) and where its value is.
type marker struct {
	at, lineStart, valueStart, valueEnd int
	key                                 string // for a key such as "valid:", the key; "" for an answer marker
}

// lastMarker finds the last answer marker in low, the lower-cased reply.
// With keys, a key such as "valid" or "follows" before a colon and a bare
// label counts too ("Valid: No", {"follows": false}). Each keyword is
// searched for backwards from the end, and the search stops at the first
// that qualifies, so low is read a bounded number of times.
func lastMarker(low string, keys bool) (marker, bool) {
	var best marker
	ok := false
	kws := [...]string{"answer", "verdict", "valid", "follows", "consistent", "entailed", "correct"}
	n := 2
	if keys {
		n = len(kws)
	}
	for _, kw := range kws[:n] {
		for end := len(low); end > 0; {
			i := strings.LastIndex(low[:end], kw)
			if i < 0 || ok && i < best.at {
				break
			}
			var m marker
			var good bool
			if kw == "answer" || kw == "verdict" {
				m, good = markerAt(low, i, i+len(kw))
			} else {
				m, good = keyAt(low, i, i+len(kw))
			}
			if good {
				best, ok = m, true
				break
			}
			end = i
		}
	}
	if i := strings.LastIndex(low, `\boxed{`); i >= 0 && (!ok || i > best.at) {
		best, ok = boxed(low, i), true
	}
	if ok {
		// Evidence starts at the line, or at the marker in a long line.
		best.lineStart = strings.LastIndexByte(low[:best.at], '\n') + 1
		if best.at-best.lineStart > 40 {
			best.lineStart = best.at
		}
	}
	return best, ok
}

// keyAt reports whether the key at low[i:j] marks an answer: it starts
// its line, after decoration ("**Valid:** No", "- Follows: yes"), or is a
// JSON key ({"valid": false}, "is_valid": true), and a colon or equals
// sign follows it, and then a bare label: yes, no, true, false, Y or N,
// alone up to punctuation. "The argument is valid: no premise is false"
// is no such line.
func keyAt(low string, i, j int) (marker, bool) {
	if j < len(low) && isAlnum(low[j]) || i > 0 && isAlnum(low[i-1]) {
		return marker{}, false
	}
	s := i
	if byteAt(low, s-1) == '_' { // "is_valid", "conclusion_follows"
		for s--; s > 0 && i-s < 24 && (isAlpha(low[s-1]) || low[s-1] == '_'); s-- {
		}
	}
	for n := 0; s > 0 && n < 16 && isDecor(low[s-1]); n++ {
		s--
	}
	if c := byteAt(low, s-1); s > 0 && c != '\n' && c != ',' {
		return marker{}, false
	}
	k := skipDecor(low, j)
	if c := byteAt(low, k); c != ':' && c != '=' {
		return marker{}, false
	}
	k++
	v := k
	for v < len(low) && v-k < 16 && (low[v] == ' ' || low[v] == '\t' || low[v] == '"' || low[v] == '\'' || low[v] == '*' || low[v] == '_' || low[v] == '`') {
		v++
	}
	e := v
	for e < len(low) && e-v < 8 && isAlpha(low[e]) {
		e++
	}
	switch low[v:e] {
	case "yes", "no", "true", "false", "y", "n":
	default:
		return marker{}, false
	}
	for e < len(low) && e-v < 24 && (low[e] == ' ' || low[e] == '\t') {
		e++
	}
	if isAlnum(byteAt(low, e)) {
		return marker{}, false
	}
	m := valueAfter(low, i, k, false)
	m.key = low[i:j]
	return m, true
}

// markerAt reports whether the keyword at low[i:j] marks an answer line:
// what comes before it on its line is decoration and a few words such as
// "final" or "my", or the end of a sentence, and what follows it is a
// separator such as ":" or "-", or the end of a heading line.
func markerAt(low string, i, j int) (marker, bool) {
	if i > 0 && isAlnum(low[i-1]) || j < len(low) && isAlnum(low[j]) {
		return marker{}, false
	}
	// A JSON or dictionary key: "answer": "no".
	if q := byteAt(low, i-1); (q == '"' || q == '\'') && byteAt(low, j) == q {
		k := j + 1
		for k < len(low) && (low[k] == ' ' || low[k] == '\t') {
			k++
		}
		if byteAt(low, k) == ':' {
			return valueAfter(low, i, k+1, false), true
		}
	}
	atStart, ok := leadIn(low, i)
	if !ok {
		return marker{}, false
	}
	k := skipDecor(low, j)
	if byteAt(low, k) == '(' { // "Answer (yes or no): no"
		e := strings.IndexByte(low[k:min(len(low), k+48)], ')')
		if e < 0 || strings.IndexByte(low[k:k+e], '\n') >= 0 {
			return marker{}, false
		}
		k = skipDecor(low, k+e+1)
	}
	// "The answer to this question would be: 3", as small models put it.
	for _, q := range [...]string{"to this question", "to the question", "to your question"} {
		if strings.HasPrefix(low[k:], q) && !isAlnum(byteAt(low, k+len(q))) {
			k = skipDecor(low, k+len(q))
			break
		}
	}
	is := false
	if strings.HasPrefix(low[k:], "is") && !isAlnum(byteAt(low, k+2)) {
		k, is = skipDecor(low, k+2), true
	} else if strings.HasPrefix(low[k:], "would be") && !isAlnum(byteAt(low, k+8)) {
		k, is = skipDecor(low, k+8), true
	}
	switch c := byteAt(low, k); {
	case k >= len(low) || c == '\n':
		// A heading such as "**Final Answer**": the value is below.
		if !atStart || is {
			return marker{}, false
		}
		return valueAfter(low, i, k, true), true
	case c == ':' || c == '=':
		k++
	case c == '-':
		k++
		if n := byteAt(low, k); n == '>' {
			k++
		} else if isAlnum(n) {
			return marker{}, false // a hyphenated word: "answer-set"
		}
	case strings.HasPrefix(low[k:], "：") || strings.HasPrefix(low[k:], "—") || strings.HasPrefix(low[k:], "–"):
		k += 3
	default:
		return marker{}, false
	}
	return valueAfter(low, i, k, false), true
}

// leadIn reads backwards from the keyword at low[i:] over decoration and
// at most four lead-in words. It reports whether that reaches the start of
// a line (atStart) or the end of a sentence, either of which may precede
// an answer marker (ok).
func leadIn(low string, i int) (atStart, ok bool) {
	j, budget := i, 48
	for words := 0; ; words++ {
		for j > 0 && budget > 0 && isDecor(low[j-1]) {
			j--
			budget--
		}
		if j == 0 || low[j-1] == '\n' {
			return true, true
		}
		switch low[j-1] {
		case '.', '!', '?', ')', ':':
			return false, true
		}
		k := j
		for k > 0 && j-k < 12 && isAlpha(low[k-1]) {
			k--
		}
		if k == j || words == 4 || k > 0 && isAlnum(low[k-1]) || !leadInWord(low[k:j]) {
			return false, false
		}
		if budget -= j - k; budget <= 0 {
			return false, false
		}
		j = k
	}
}

func leadInWord(w string) bool {
	switch w {
	case "final", "my", "the", "correct", "short", "overall", "so", "thus",
		"therefore", "hence", "here", "is", "and", "best", "your":
		return true
	}
	return false
}

// isDecor reports whether c is markdown, quoting, list or spacing around
// a marker. Bytes outside ASCII (bullets, emoji, curly quotes) count too.
func isDecor(c byte) bool {
	switch c {
	case ' ', '\t', '\r', '*', '_', '`', '"', '\'', '#', '>', '-', '+', '[', ']', '(', '{', '|', '~', 0:
		return true
	}
	return c >= 0x80
}

// skipDecor skips a little decoration after a marker keyword, not
// crossing a line.
func skipDecor(low string, k int) int {
	for n := 0; k < len(low) && n < 16; k, n = k+1, n+1 {
		switch low[k] {
		case ' ', '\t', '\r', '*', '_', '`', '"', '\'', ']', ')', 0:
			continue
		}
		break
	}
	return k
}

// valueAfter returns the marker whose value starts at low[k:] and runs to
// the end of the line, or, when that holds no word (a heading, or
// "**Answer:**" alone), fills the next line that does.
func valueAfter(low string, at, k int, heading bool) marker {
	end := lineEnd(low, k)
	if !heading && hasAlnum(low[k:end]) {
		return marker{at: at, valueStart: k, valueEnd: end}
	}
	for s := end + 1; s < len(low); {
		e := lineEnd(low, s)
		if hasAlnum(low[s:e]) {
			return marker{at: at, valueStart: s, valueEnd: e}
		}
		s = e + 1
	}
	return marker{at: at, valueStart: end, valueEnd: end}
}

// boxed returns the marker of the LaTeX \boxed{…} at low[i:], whose value
// is its braces' content on the same line.
func boxed(low string, i int) marker {
	start := i + len(`\boxed{`)
	end := lineEnd(low, start)
	depth := 1
	for k := start; k < end; k++ {
		switch low[k] {
		case '{':
			depth++
		case '}':
			if depth--; depth == 0 {
				end = k
			}
		}
	}
	return marker{at: i, valueStart: start, valueEnd: end}
}

func lineEnd(s string, i int) int {
	if i >= len(s) {
		return len(s)
	}
	if k := strings.IndexByte(s[i:], '\n'); k >= 0 {
		return i + k
	}
	return len(s)
}

func hasAlnum(s string) bool {
	for i := 0; i < len(s); i++ {
		if isAlnum(s[i]) {
			return true
		}
	}
	return false
}

// byteAt returns s[i], or 0 outside s.
func byteAt(s string, i int) byte {
	if i < 0 || i >= len(s) {
		return 0
	}
	return s[i]
}

func isAlpha(c byte) bool { return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' }
func isAlnum(c byte) bool { return isAlpha(c) || '0' <= c && c <= '9' }
