package verdict

import "strings"

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
		if p.kind != Truth || !copulaSubject(ts, i) {
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
// answer would be" and hedges, or -1.
func answerIs(ts []tok, i int) int {
	j := i + 1
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
	for hedge(word(ts, j)) {
		j++
	}
	if word(ts, j) == "" {
		return -1
	}
	return j
}

// sentence adds to v the labels of the strict verdict phrases of one
// sentence, whose conditions have been dropped.
func (p *parser) sentence(ts []tok, v *votes) {
	for i := range ts {
		if ts[i].w == "" {
			continue
		}
		if p.kind == Choice {
			v.add(p.strictChoice(ts, i), ts[i].pos)
		} else {
			v.add(p.kind.label(p.strict(ts, i)), ts[i].pos)
		}
	}
}

// finalLineWords bounds the words of a final line that is read as an
// answer; a longer line is part of the reasoning.
const finalLineWords = 30

// finalLine reads the last line with a word in it.
func (p *parser) finalLine(text, low string) (Result, bool) {
	end := len(low)
	for {
		s := strings.LastIndexByte(low[:end], '\n') + 1
		if hasAlnum(low[s:end]) {
			return p.readFinal(text, low, s, end)
		}
		if s == 0 {
			return Result{}, false
		}
		end = s - 1
	}
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
				if label, pos, ok := p.bare(cut[:c]); ok {
					v.add(label, pos)
				}
				cut = cut[min(c+1, len(cut)):]
			}
			p.sentence(sent, &v)
		}
		ts = ts[min(k+1, len(ts)):]
	}
	if p.kind == Choice {
		p.texts(low[s:e], s, &v)
	}
	if v.outcome() != found {
		return Result{}, false
	}
	return Result{Label: v.label[0], Rule: FinalLine, Evidence: excerpt(text, s, e)}, true
}

// wholeReply reads every sentence that is not a question for strict
// verdict phrases, and the first clause of the first one for a bare
// answer ("No, because…").
func (p *parser) wholeReply(text, low string) Result {
	var v votes
	var buf []tok
	refused, first := -1, true
	eachSentence(low, func(ts []tok, question bool) bool {
		if question {
			return true
		}
		if refused < 0 {
			refused = refusalAt(ts)
		}
		ts = unconditional(ts, &buf)
		if first {
			first = false
			c := 0
			for c < len(ts) && ts[c].w != "" {
				c++
			}
			if label, pos, ok := p.bare(ts[:c]); ok {
				v.add(label, pos)
			}
		}
		p.sentence(ts, &v)
		return v.n < 2
	})
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
