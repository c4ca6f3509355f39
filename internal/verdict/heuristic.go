package verdict

import (
	"strings"

	"github.com/syllobench/syllobench/internal/question"
)

// strict reads ts[i] as it is read anywhere in a reply, where only a
// clear verdict phrase counts: "the conclusion does not follow", "it is
// valid", "the statement is false", "cannot be determined", "the answer
// is no". Statements of truth count for truth questions only, so that
// "the conclusion is true" in a validity question is not read as yes.
func (p *parser) strict(ts []tok, i int) class {
	switch w := ts[i].w; w {
	case "follows", "follow", "entailed", "entails", "entail", "holds", "hold":
		if thatAhead(ts, i) || onlyIf(word(ts, i+1)) {
			return noClass // "it follows that all A are C" is a step
		}
		c := predicate(ts, i)
		if c == affirm && w == "follow" && !aux(word(ts, i-1)) {
			return noClass
		}
		return c
	case "valid", "invalid":
		// "A syllogism is valid if…" defines; it does not judge.
		if onlyIf(word(ts, i+1)) || word(ts, i-1) == "is" && (word(ts, i-3) == "a" || word(ts, i-3) == "an") {
			return noClass
		}
		return predicate(ts, i)
	case "true", "false", "correct", "incorrect", "wrong", "unknown", "uncertain", "unclear", "neither":
		if p.kind != question.Truth || !copulaSubject(ts, i) {
			return noClass
		}
		if n := word(ts, i+1); onlyIf(n) || n == "that" || n == "under" || n == "for" || n == "in" || n == "of" {
			return noClass // "it is true that…", "true only if…"
		}
		if w == "neither" {
			if n := word(ts, i+1); n == "true" || n == "false" {
				return undecided
			}
			return noClass
		}
		return predicate(ts, i)
	case "consistent", "inconsistent":
		// "the statements are (not) consistent", for consistency questions.
		j := i - 1
		if negator(word(ts, j)) {
			j--
		}
		if word(ts, j) == "are" {
			switch word(ts, j-1) {
			case "statements", "they", "these", "sentences":
				return predicate(ts, i)
			}
		}
	case "drawn", "inferred", "deduced", "derived", "reached":
		// "the conclusion cannot be drawn"; but "it cannot be inferred
		// that all A are C" is a step.
		if thatAhead(ts, i) {
			return noClass
		}
		return predicate(ts, i)
	case "undetermined", "indeterminate", "undecidable", "undeterminable", "unknowable",
		"determined", "determine", "determinable", "known", "tell", "decided", "decide", "decidable",
		"information", "info":
		return predicate(ts, i)
	case "answer", "verdict":
		if j := answerIs(ts, i); j >= 0 && word(ts, j+1) == "" {
			return lenient(ts, j)
		}
	}
	return noClass
}

// onlyIf reports whether w, after a verdict word, makes it a condition:
// "valid only if", "true when".
func onlyIf(w string) bool {
	switch w {
	case "if", "only", "when", "whenever", "iff", "provided", "unless":
		return true
	}
	return false
}

// thatAhead reports whether "that" or a colon follows ts[i] closely in
// its clause.
func thatAhead(ts []tok, i int) bool {
	if i+1 < len(ts) && ts[i+1].w == "" && ts[i+1].c == ':' {
		return true
	}
	for j := i + 1; j <= i+10; j++ {
		switch word(ts, j) {
		case "":
			return false
		case "that":
			return true
		}
	}
	return false
}

// answerIs returns the index of the word after "the answer is", "the
// answer would be", "the answer to this question is" and hedges, or -1.
func answerIs(ts []tok, i int) int {
	j := i + 1
	// "the answer to this question is …", as small models put it.
	if word(ts, j) == "to" && (word(ts, j+1) == "this" || word(ts, j+1) == "the" || word(ts, j+1) == "your") && word(ts, j+2) == "question" {
		j += 3
	}
	switch word(ts, j) {
	case "is", "remains":
		j++
	case "would", "will", "must", "should":
		if word(ts, j+1) != "be" {
			return -1
		}
		j += 2
	default:
		return -1
	}
	for n := 0; n < maxLeadIn && hedge(word(ts, j)); n++ {
		j++
	}
	if w := word(ts, j); w == "" || hedge(w) {
		return -1
	}
	return j
}

// maxLeadIn bounds the hedges and lead-in words read after "the answer
// is", so that a run of them is not read again at every "answer" in it.
const maxLeadIn = 6

// sentence adds to v the labels of the strict verdict phrases of one
// sentence, whose conditions have been dropped.
func (p *parser) sentence(ts []tok, v *votes) {
	for i := range ts {
		if ts[i].w == "" {
			continue
		}
		if p.kind == question.Choice {
			v.add(p.strictChoice(ts, i), ts[i].pos)
		} else {
			v.add(label(p.kind, p.strict(ts, i)), ts[i].pos)
		}
	}
}

// finalLineWords bounds the words of a final line that is read as an
// answer; a longer line is part of the reasoning.
const finalLineWords = 30

// finalLine reads the last line with a word in it.
func (p *parser) finalLine(text, low string) (Result, bool) {
	if jsonObject(low) {
		// Its answer key, if it has one, was read as an answer line. A
		// number or word under another key ({"steps": 2}) is no answer.
		return Result{}, false
	}
	end := len(low)
	for {
		s := strings.LastIndexByte(low[:end], '\n') + 1
		if hasAlnum(low[s:end]) {
			if jsonObject(low[s:end]) {
				return Result{}, false
			}
			return p.readFinal(text, low, s, end)
		}
		if s == 0 {
			return Result{}, false
		}
		end = s - 1
	}
}

// jsonObject reports whether s, trimmed, is braced like a JSON object.
func jsonObject(s string) bool {
	s = strings.Trim(s, " \t\r\n\v\f\x00")
	return len(s) >= 2 && s[0] == '{' && s[len(s)-1] == '}'
}

func (p *parser) readFinal(text, low string, s, e int) (Result, bool) {
	var ts []tok
	l := newLexer(low[s:e])
	for n := 0; ; {
		t, ok := l.next()
		if !ok {
			break
		}
		if t.w != "" {
			if n++; n > finalLineWords {
				return Result{}, false
			}
		}
		t.pos += s
		ts = append(ts, t)
	}
	var v votes
	var ch chain
	for len(ts) > 0 {
		k := 0
		for k < len(ts) && !ts[k].end {
			k++
		}
		if k == len(ts) || !ts[k].q {
			sent := unconditional(ts[:k], new([]tok))
			for cut := sent; len(cut) > 0; {
				c := 0
				for c < len(cut) && cut[c].w != "" {
					c++
				}
				if ch.label == "" {
					if label, pos, ok := p.bare(cut[:c]); ok {
						ch = chain{label: label, pos: pos, fixing: correctionAfter(cut[:c])}
					}
				} else if !p.link(&ch, cut[:c]) {
					return Result{}, false // "No. Yes."
				}
				cut = cut[min(c+1, len(cut)):]
			}
			p.sentence(sent, &v)
		}
		ts = ts[min(k+1, len(ts)):]
	}
	v.add(ch.label, ch.pos)
	if p.kind == question.Choice {
		p.texts(low[s:e], s, &v)
	}
	if v.outcome() != found {
		return Result{}, false
	}
	return Result{Label: v.label[0], Rule: FinalLine, Evidence: excerpt(text, s, e)}, true
}

// follow reads the clauses of one sentence for the reply's bare answer:
// the first clause of the first sentence, and then any clauses that are a
// self-correction or a bare answer ("No, wait. Actually, yes."). It adds
// the answer to v when the run of such clauses ends, and reports whether
// it goes on into the next sentence.
func (p *parser) follow(ch *chain, ts []tok, first bool, v *votes) bool {
	for len(ts) > 0 {
		c := 0
		for c < len(ts) && ts[c].w != "" {
			c++
		}
		ws := ts[:c]
		ts = ts[min(c+1, len(ts)):]
		if first {
			first = false
			label, pos, ok := p.bare(ws)
			if !ok {
				return false
			}
			*ch = chain{label: label, pos: pos, fixing: correctionAfter(ws)}
			continue
		}
		if len(ws) == 0 {
			continue
		}
		if corrections(ws) == 0 {
			if _, _, ok := p.bare(ws); !ok {
				v.add(ch.label, ch.pos) // the run ends
				return false
			}
		}
		before := *ch
		if !p.link(ch, ws) {
			v.add(before.label, before.pos) // "No. Yes." conflicts
			label, pos, _ := p.bare(ws)
			v.add(label, pos)
			return false
		}
	}
	return true
}

// wholeReply reads every sentence that is not a question for strict
// verdict phrases, and the first clause of the first one for a bare
// answer ("No, because…").
func (p *parser) wholeReply(text, low string) Result {
	var v votes
	var buf []tok
	var ch chain
	refused, first, live := -1, true, false
	eachSentence(low, func(ts []tok, question bool) bool {
		if question {
			return true
		}
		if refused < 0 {
			refused = refusalAt(ts)
		}
		ts = unconditional(ts, &buf)
		if first || live {
			live = p.follow(&ch, ts, first, &v)
			first = false
		}
		p.sentence(ts, &v)
		return v.n < 2
	})
	if live {
		v.add(ch.label, ch.pos)
	}
	switch v.outcome() {
	case found:
		return Result{Label: v.label[0], Rule: WholeReply, Evidence: around(text, v.pos[0])}
	case conflict:
		return fail(Conflicting, around(text, v.pos[0])+" / "+around(text, v.pos[1]))
	}
	if refused >= 0 {
		return fail(Refused, around(text, refused))
	}
	return fail(NoVerdict, "")
}
