package verdict

import "strings"

// tok is a word of a reply, or a break between clauses.
type tok struct {
	w   string // the word, lower-case, with ’ read as '; "" for a break
	pos int    // its offset in the reply
	end bool   // a break that ends a sentence
	q   bool   // a break that ends a question
	c   byte   // for a break, its first byte (':' after "it follows")
}

// lexer splits lower-cased text into words and breaks. Words are runs of
// ASCII letters and digits, with inner apostrophes ("doesn't"). Sentences
// end at . ! ? and new lines; clauses also end at , ; : brackets and
// dashes, and before a word such as "because" or "but" that starts a
// subordinate clause. A slash, or a bar between two words, reads as "or"
// ("yes/no", "yes|no"); a bar with space beside it divides the cells of a
// table, and breaks a clause. Other bytes, including every byte outside
// ASCII, only separate words.
type lexer struct {
	s       string
	i       int
	brk     tok  // a pending break, merged from adjacent ones
	pending bool // brk is pending
	after   bool // the last token was a break, or there was none yet
}

func newLexer(s string) lexer { return lexer{s: s, after: true} }

// next returns the next token, or false at the end of the text.
func (l *lexer) next() (tok, bool) {
	for l.i < len(l.s) {
		c := l.s[l.i]
		switch {
		case isAlnum(c):
			if l.pending {
				return l.flush(), true
			}
			w, j := l.word()
			if !l.after && subordinator(w) {
				l.after = true
				return tok{pos: l.i}, true
			}
			t := tok{w: w, pos: l.i}
			l.i, l.after = j, false
			return t, true
		case c == '\\' && isAlpha(byteAt(l.s, l.i+1)):
			l.i++ // a LaTeX command such as \text: not a word
			for l.i < len(l.s) && isAlpha(l.s[l.i]) {
				l.i++
			}
		case c == '|' && !(isAlnum(byteAt(l.s, l.i-1)) && isAlnum(byteAt(l.s, l.i+1))):
			// A bar with space around it divides the cells of a table.
			if !l.pending {
				l.brk, l.pending = tok{pos: l.i, c: c}, true
			}
			l.i++
		case c == '/' || c == '|':
			if l.pending {
				return l.flush(), true
			}
			t := tok{w: "or", pos: l.i}
			l.i++
			l.after = false
			return t, true
		default:
			n, end, q, brk := breakAt(l.s, l.i)
			if brk {
				if !l.pending {
					l.brk, l.pending = tok{pos: l.i, c: l.s[l.i]}, true
				}
				l.brk.end = l.brk.end || end
				l.brk.q = l.brk.q || q
			}
			l.i += n
		}
	}
	if l.pending {
		return l.flush(), true
	}
	return tok{}, false
}

func (l *lexer) flush() tok {
	l.pending, l.after = false, true
	return l.brk
}

// word reads the word at l.i, returning it and where it ends.
func (l *lexer) word() (string, int) {
	s, j, curly := l.s, l.i, false
	for j < len(s) {
		switch {
		case isAlnum(s[j]):
			j++
		case s[j] == '\'' && isAlpha(byteAt(s, j+1)):
			j++
		case strings.HasPrefix(s[j:], "’") && isAlpha(byteAt(s, j+3)):
			j, curly = j+3, true
		default:
			return l.word2(l.i, j, curly)
		}
	}
	return l.word2(l.i, j, curly)
}

func (l *lexer) word2(i, j int, curly bool) (string, int) {
	if curly {
		return strings.ReplaceAll(l.s[i:j], "’", "'"), j
	}
	return l.s[i:j], j
}

// breakAt classifies the byte (or dash, ellipsis or full-width
// punctuation) at s[i]: its length, and whether it breaks a clause, ends
// a sentence or ends a question.
func breakAt(s string, i int) (n int, end, q, brk bool) {
	switch c := s[i]; c {
	case '.', '!', '\n':
		return 1, true, false, true
	case '?':
		return 1, true, true, true
	case ',', ';', ':', '(', ')', '[', ']', '{', '}', '=', '<', '>':
		return 1, false, false, true
	case '-':
		// A hyphen inside a word only separates; a dash breaks.
		inWord := isAlnum(byteAt(s, i-1)) && isAlnum(byteAt(s, i+1))
		return 1, false, false, !inWord
	}
	for _, p := range [...]string{"—", "–", "…", "：", "，", "；"} {
		if strings.HasPrefix(s[i:], p) {
			return len(p), false, false, true
		}
	}
	for _, p := range [...]string{"。", "！"} {
		if strings.HasPrefix(s[i:], p) {
			return len(p), true, false, true
		}
	}
	if strings.HasPrefix(s[i:], "？") {
		return 3, true, true, true
	}
	return 1, false, false, false
}

// subordinator reports whether w opens a clause that explains or
// qualifies the one before it.
func subordinator(w string) bool {
	switch w {
	case "because", "since", "although", "though", "but", "while", "whereas", "however", "as":
		return true
	}
	return false
}

// maxSentence bounds the tokens held for one sentence. A longer run is
// read in pieces, so memory stays bounded on any input.
const maxSentence = 512

// eachSentence calls f with the tokens of each sentence of low, clause
// breaks included, and whether it ends with a question mark. It stops
// when f returns false.
func eachSentence(low string, f func(ts []tok, question bool) bool) {
	l := newLexer(low)
	buf := make([]tok, 0, 64)
	for {
		t, ok := l.next()
		if !ok {
			if len(buf) > 0 {
				f(buf, false)
			}
			return
		}
		if t.w != "" || !t.end {
			if t.w != "" || len(buf) > 0 {
				buf = append(buf, t)
			}
			if len(buf) < maxSentence {
				continue
			}
		}
		if len(buf) > 0 && !f(buf, t.q) {
			return
		}
		buf = buf[:0]
	}
}
