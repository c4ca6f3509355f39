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
// ("a dog or a cat") is [Conflicting]; no answer line is [NoVerdict]: an
// open answer is too free to be read from a reply's last line.
func parseOpen(reply string) Result {
	text, hadThink, open := stripThink(reply)
	if open >= 0 {
		return fail(UnclosedThink, excerpt(reply, open, open+evidenceLen))
	}
	if blank(text) {
		if hadThink {
			return fail(EmptyReply, "only <think> blocks")
		}
		return fail(EmptyReply, "")
	}
	low := asciiLower(text)
	m, ok := lastMarker(low, false)
	if !ok || m.key != "" {
		return fail(NoVerdict, "")
	}
	ev := excerpt(text, m.lineStart, lineEnd(low, m.valueEnd))
	phrase := openPhrase(low[m.valueStart:m.valueEnd])
	switch {
	case phrase == "":
		return fail(AnswerWithoutLabel, ev)
	case strings.Contains(" "+phrase+" ", " or ") || strings.ContainsAny(phrase, "/,;"):
		return fail(Conflicting, ev)
	}
	return Result{Label: phrase, Rule: AnswerLine, Evidence: ev}
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
