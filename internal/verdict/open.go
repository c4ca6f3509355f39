package verdict

import (
	"strings"
	"unicode"
)

// parseOpen reads the answer to an open question: the phrase on the last
// "Answer:" line, lower-cased, without markdown, quotes, a leading
// article or final punctuation ("Answer: **A mammal.**" gives "mammal").
// Whether the phrase names a right group is the grader's to say, who
// knows the groups; here only its form is read. A phrase that names two
// ("a dog or a cat") is [Conflicting]; no answer line is [Refused] when
// the reply declines ("I'm sorry, but I can't help with that.") and
// [NoVerdict] otherwise: an open answer is too free to be read from a
// reply's last line.
func parseOpen(reply string) Result {
	value, ev, failed, ok := lastAnswerLine(reply)
	if !ok {
		return failed
	}
	phrase := openPhrase(value)
	switch {
	case phrase == "":
		return fail(AnswerWithoutLabel, ev)
	case strings.Contains(" "+phrase+" ", " or ") || strings.ContainsAny(phrase, "/,;"):
		return fail(Conflicting, ev)
	}
	return Result{Label: phrase, Rule: AnswerLine, Evidence: ev}
}

// lastAnswerLine finds the value of a reply's last "Answer:" line, in
// lower case, and its evidence, for the kinds whose answer is read from
// that line alone (open and premise-selection questions). With none, it
// returns the failure: an unclosed <think>, an empty reply, a refusal
// ("I'm sorry, but I can't help with that."), or no verdict.
func lastAnswerLine(reply string) (value, evidence string, failed Result, ok bool) {
	text, hadThink, open := stripThink(reply)
	if open >= 0 {
		return "", "", fail(UnclosedThink, excerpt(reply, open, open+evidenceLen)), false
	}
	if blank(text) {
		if hadThink {
			return "", "", fail(EmptyReply, "only <think> blocks"), false
		}
		return "", "", fail(EmptyReply, ""), false
	}
	low := asciiLower(text)
	m, found := lastMarker(low, false)
	if !found || m.key != "" {
		refused := -1
		eachSentence(low, func(ts []tok, _ bool) bool {
			refused = refusalAt(ts)
			return refused < 0
		})
		if refused >= 0 {
			return "", "", fail(Refused, around(text, refused)), false
		}
		return "", "", fail(NoVerdict, ""), false
	}
	return low[m.valueStart:m.valueEnd], excerpt(text, m.lineStart, lineEnd(low, m.valueEnd)), Result{}, true
}

// openPhrase cleans the value of an answer line down to its phrase.
func openPhrase(v string) string {
	v = strings.NewReplacer("**", "", "__", "", "`", "", "\"", "", "“", "", "”", "", "'", "").Replace(v)
	if i := strings.IndexByte(v, '\n'); i >= 0 {
		v = v[:i]
	}
	v = strings.TrimFunc(v, func(r rune) bool { return unicode.IsSpace(r) || unicode.IsPunct(r) })
	for _, art := range []string{"a ", "an ", "the "} {
		v = strings.TrimPrefix(v, art)
	}
	return strings.Join(strings.Fields(v), " ")
}

// OpenMatches reports whether phrase, the answer [Parse] read from a
// reply to an open question, says one of accepted, the answers the
// premises entail ("batteries", "a backbone"). Both are compared
// without case, articles or final punctuation, and with the last word
// singular, so "Batteries", "a battery" and "the batteries." all say
// "batteries". A phrase that ends with an accepted answer after words
// of its own ("runs on batteries", "R2-D2 runs on batteries") says it
// too, unless one of those words negates it ("not batteries") or makes
// it a premise repeated ("1. All robots run on batteries").
func OpenMatches(phrase string, accepted []string) bool {
	p := openKey(phrase)
	if p == "" {
		return false
	}
	for _, a := range accepted {
		k := openKey(a)
		if k == "" {
			continue
		}
		if p == k {
			return true
		}
		if lead, ok := strings.CutSuffix(p, " "+k); ok && !negates(lead) && !restates(lead) {
			return true
		}
	}
	return false
}

// openKey is the form in which open answers are compared.
func openKey(s string) string {
	words := strings.Fields(openPhrase(asciiLower(s)))
	if len(words) == 0 {
		return ""
	}
	words[len(words)-1] = singularish(words[len(words)-1])
	return strings.Join(words, " ")
}

// singularish undoes the regular English plural endings: enough to say
// that "batteries" and "battery", "boxes" and "box" are one answer.
func singularish(w string) string {
	switch {
	case len(w) > 4 && strings.HasSuffix(w, "ies"):
		return w[:len(w)-3] + "y"
	case len(w) > 3 && (strings.HasSuffix(w, "ses") || strings.HasSuffix(w, "xes") || strings.HasSuffix(w, "zes") ||
		strings.HasSuffix(w, "ches") || strings.HasSuffix(w, "shes")):
		return w[:len(w)-2]
	case len(w) > 2 && strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss"):
		return w[:len(w)-1]
	}
	return w
}

// restates reports whether the words before an answer make the phrase a
// statement about a group or a numbered premise ("1. all robots run on
// batteries"), which repeats what the question gave rather than answers
// it.
func restates(words string) bool {
	for _, w := range strings.Fields(words) {
		switch w {
		case "all", "every", "each", "some", "any", "none":
			return true
		}
		if w[0] >= '0' && w[0] <= '9' {
			return true
		}
	}
	return false
}

// negates reports whether words hold a negation.
func negates(words string) bool {
	for _, w := range strings.Fields(words) {
		switch w {
		case "not", "no", "never", "cannot", "nothing", "neither", "nor", "without",
			"dont", "doesnt", "didnt", "cant", "wont", "isnt", "arent": // openPhrase drops apostrophes
			return true
		}
		if strings.HasSuffix(w, "n't") {
			return true
		}
	}
	return false
}
