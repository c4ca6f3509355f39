package verdict

import "github.com/syllobench/syllobench/internal/question"

// nextClause reads the words of the next clause into buf, returning them,
// the break that ends them, and whether the text goes on. Words past
// maxSentence are dropped: an answer comes first in its clause.
func nextClause(l *lexer, buf []tok) ([]tok, tok, bool) {
	for {
		t, ok := l.next()
		if !ok {
			return buf, tok{end: true}, false
		}
		if t.w == "" {
			return buf, t, true
		}
		if len(buf) < maxSentence {
			buf = append(buf, t)
		}
	}
}

// value reads the value of an answer line. The first clause that names a
// label decides, unless it names two ("yes or no"), the next clause joins
// another to it ("yes, and no"), or a later clause is a bare answer with
// another label: after a self-correction ("No… wait, yes") the later one
// decides, and without one ("Yes? No.") the line conflicts.
func (p *parser) value(v string) (string, outcome) {
	if p.kind == question.Choice {
		return p.choiceValue(v)
	}
	l := newLexer(v)
	buf := make([]tok, 0, 16)
	var ch chain
	cond, refused, next := false, false, false
	for {
		ws, brk, more := nextClause(&l, buf[:0])
		if ch.label != "" {
			if next && len(ws) >= 2 && connector(ws[0].w) {
				if other := label(p.kind, lenient(ws, 1)); other != "" && other != ch.label {
					return "", conflict
				}
			}
			next = false
			cond = cond || hasConditional(ws)
			if !cond && !p.link(&ch, ws) {
				return "", conflict
			}
		} else if !cond {
			for i := range ws {
				if conditional(ws[i].w) {
					ws, cond = ws[:i], true
					break
				}
			}
			refused = refused || refusalAt(ws) >= 0
			switch label, out := p.clause(ws); out {
			case conflict:
				return "", conflict
			case found:
				ch.label, next = label, true
				ch.fixing = correctionAfter(ws)
			}
		}
		if brk.end || brk.c == ':' || brk.c == ';' {
			cond = false
		}
		if !more {
			break
		}
	}
	switch {
	case ch.label != "":
		return ch.label, found
	case refused:
		return "", refusal
	}
	return "", none
}

// chain follows a bare answer through the clauses after it, in which a
// self-correction ("No, wait — yes") replaces it.
type chain struct {
	label  string
	pos    int
	fixing bool // a correction word came after label
}

// link reads one more clause of a chain: a correction word at its start
// ("wait", "actually") sets fixing, and a bare answer with another label
// then replaces the chain's. It reports false when a bare answer with
// another label comes with no correction: the reply conflicts.
func (p *parser) link(c *chain, ws []tok) bool {
	k := corrections(ws)
	if k > 0 {
		c.fixing = true
	}
	rest := ws[k:]
	if len(rest) == 0 {
		return true
	}
	label, pos, ok := p.bare(rest)
	switch {
	case !ok:
	case label == c.label:
		c.fixing = false
	case !c.fixing:
		return false
	default:
		c.label, c.pos, c.fixing = label, pos, false
	}
	return true
}

// corrections returns how many words at the start of ws mark a
// self-correction: "wait", "actually", "correction", "no wait", "or
// rather", "on second thought".
func corrections(ws []tok) int {
	k := 0
	for k < len(ws) {
		switch w := ws[k].w; {
		case correction(w):
			k++
		case (w == "no" || w == "or" || w == "oh") && correction(word(ws, k+1)):
			k += 2
		case w == "on" && word(ws, k+1) == "second" && (word(ws, k+2) == "thought" || word(ws, k+2) == "thoughts"):
			k += 3
		case w == "scratch" && word(ws, k+1) == "that":
			k += 2
		default:
			return k
		}
	}
	return k
}

func correction(w string) bool {
	switch w {
	case "wait", "actually", "correction", "oops", "sorry", "rather", "hmm", "hm":
		return true
	}
	return false
}

// correctionAfter reports whether the clause that gave an answer ends
// with a correction word: "No wait, yes".
func correctionAfter(ws []tok) bool {
	return len(ws) > 1 && correction(ws[len(ws)-1].w)
}

// hasConditional reports whether a word of ws opens a condition: "yes if
// we assume existential import" is no second answer.
func hasConditional(ws []tok) bool {
	for i := range ws {
		if conditional(ws[i].w) {
			return true
		}
	}
	return false
}

func connector(w string) bool { return w == "or" || w == "and" || w == "nor" || w == "but" }

// clause reads the words of one clause leniently.
func (p *parser) clause(ws []tok) (string, outcome) {
	for i := range ws {
		if ws[i].w == "neither" { // "neither true nor false"
			if l := label(p.kind, undecided); l != "" {
				return l, found
			}
			return "", none
		}
	}
	var v votes
	for i := range ws {
		v.add(label(p.kind, lenient(ws, i)), ws[i].pos)
	}
	return v.label[0], v.outcome()
}

// bare reads a clause that is only an answer, after lead-in words: "No",
// "so the answer is no", "probably yes", "the conclusion does not
// follow", "cannot be determined", "Option 3".
func (p *parser) bare(ws []tok) (string, int, bool) {
	if p.kind == question.Choice {
		return p.bareChoice(ws)
	}
	k := 0
	for k < len(ws) && bareLeadIn(ws[k].w) {
		k++
	}
	rest := ws[k:]
	if len(rest) == 0 || len(rest) > 3 {
		return "", 0, false
	}
	for i := range rest {
		if !bareFiller(rest[i].w) && lenient(rest, i) == noClass {
			return "", 0, false // "true only", "could be yes"
		}
		if p.kind.YesNo() && truthWord(rest[i].w) && hasSubject(ws[:k]) {
			return "", 0, false // "the conclusion is true" is about the world
		}
	}
	if label, out := p.clause(rest); out == found {
		return label, rest[0].pos, true
	}
	if flatNo(rest) {
		if label := label(p.kind, deny); label != "" {
			return label, rest[0].pos, true
		}
	}
	return "", 0, false
}

// flatNo reports whether ws is a plain refusal of the question's claim:
// "not", "definitely not", "not at all".
func flatNo(ws []tok) bool {
	not := false
	for _, t := range ws {
		switch t.w {
		case "not":
			not = true
		case "at", "all", "definitely", "certainly", "absolutely", "surely", "really":
		default:
			return false
		}
	}
	return not
}

// bareFiller reports whether w may stand in a bare answer without naming
// a label itself: "does not follow", "cannot be determined", "not enough
// information".
func bareFiller(w string) bool {
	switch w {
	case "not", "no", "does", "do", "it", "be", "can", "cannot", "can't", "to", "is", "necessarily",
		"enough", "sufficient", "impossible", "definitely", "certainly", "probably", "likely",
		"clearly", "surely", "really", "nor", "at", "all", "logically", "absolutely":
		return true
	}
	return false
}

// truthWord reports whether w states truth rather than validity.
func truthWord(w string) bool {
	switch w {
	case "true", "false", "correct", "incorrect", "wrong":
		return true
	}
	return false
}

// hasSubject reports whether ws names what a predicate is said of.
func hasSubject(ws []tok) bool {
	for _, t := range ws {
		if subject(t.w) || t.w == "it's" || t.w == "that's" || t.w == "argument" || t.w == "syllogism" {
			return true
		}
	}
	return false
}
