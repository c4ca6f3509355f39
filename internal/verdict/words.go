package verdict

// class is what a verdict phrase says, before it is read as a label of a
// kind.
type class uint8

const (
	noClass     class = iota
	affirm            // yes, true, follows, valid
	deny              // no, false, not true, incorrect
	notEntailed       // does not follow, invalid, not necessarily
	undecided         // unknown, cannot be determined
)

// label reads c as a label of k, or "" when k has none for it: a truth
// question has none for "does not follow", a yes/no question none for
// "unknown".
func (k Kind) label(c class) string {
	switch k {
	case YesNo:
		switch c {
		case affirm:
			return "yes"
		case deny, notEntailed:
			return "no"
		}
	case Truth:
		switch c {
		case affirm:
			return "true"
		case deny:
			return "false"
		case undecided:
			return "unknown"
		}
	}
	return ""
}

// word returns the word ts[i], or "" for a break or outside ts.
func word(ts []tok, i int) string {
	if i < 0 || i >= len(ts) {
		return ""
	}
	return ts[i].w
}

func negator(w string) bool {
	switch w {
	case "not", "no", "never", "cannot", "nor", "nothing":
		return true
	}
	return len(w) > 3 && w[len(w)-3:] == "n't"
}

func modal(w string) bool {
	switch w {
	case "could", "might", "may", "can":
		return true
	}
	return false
}

// lookBack reads the three words before ts[i], within its clause, for a
// negation, "necessarily" and a modal verb.
func lookBack(ts []tok, i int) (neg, nec, mod bool) {
	for j := i - 1; j >= i-3; j-- {
		switch w := word(ts, j); {
		case w == "":
			return
		case negator(w):
			return true, nec, mod
		case w == "necessarily":
			nec = true
		case modal(w):
			mod = true
		}
	}
	return
}

// negatedThat reports whether ts[i] is in a "that" clause under a
// negation: "nothing in the premises guarantees that the conclusion
// follows", "it is not true that it is valid". "No" does not count:
// "there is no doubt that it follows".
func negatedThat(ts []tok, i int) bool {
	for j := i - 1; j >= i-8; j-- {
		switch word(ts, j) {
		case "":
			return false
		case "that":
			for k := j - 1; k >= j-6; k-- {
				if w := word(ts, k); w == "" {
					return false
				} else if w != "no" && negator(w) {
					return true
				}
			}
			return false
		}
	}
	return false
}

// hasBefore reports whether one of words is among the n words before
// ts[i], within its clause.
func hasBefore(ts []tok, i, n int, words ...string) bool {
	for j := i - 1; j >= i-n; j-- {
		w := word(ts, j)
		if w == "" {
			return false
		}
		for _, x := range words {
			if w == x {
				return true
			}
		}
	}
	return false
}

// lenient reads ts[i] as it is read in an answer line or a short final
// clause, where a bare "yes" or "false" is an answer.
func lenient(ts []tok, i int) class {
	switch w := ts[i].w; w {
	case "yes", "yeah", "yep", "yup", "affirmative":
		return affirm
	case "no", "nope":
		// "No, …" and "No it does not" answer; "No A are C" does not.
		switch word(ts, i+1) {
		case "", "it", "this", "that", "the", "i", "we", "they", "not", "its", "it's", "that's",
			"definitely", "absolutely", "certainly", "wait", "and", "or":
			return deny
		}
		return noClass
	case "y", "n":
		// A one-letter answer, alone in its clause.
		switch {
		case len(ts) != 1:
			return noClass
		case w == "y":
			return affirm
		}
		return deny
	case "neither":
		return undecided
	case "necessarily":
		if negator(word(ts, i-1)) && !predicateWord(word(ts, i+1)) {
			return notEntailed // "not necessarily"
		}
		return noClass
	}
	return predicate(ts, i)
}

// predicate reads ts[i] as a predicate that states a verdict, with the
// negation, "necessarily" or modal verb before it.
func predicate(ts []tok, i int) class {
	w := ts[i].w
	neg, nec, mod := lookBack(ts, i)
	neg = neg || negatedThat(ts, i)
	switch w {
	case "true", "correct", "consistent":
		switch {
		case neg && nec:
			return notEntailed // "not necessarily true"
		case neg:
			return deny
		case mod:
			return noClass // "could be true"
		}
		return affirm
	case "valid", "follows", "follow", "entailed", "entails", "entail", "holds", "hold":
		switch p := word(ts, i-1); {
		case p == "as" || p == "to": // "as follows", "to follow"
			return noClass
		case p == "be" && word(ts, i-2) == "to": // "to be valid"
			return noClass
		case neg:
			return notEntailed
		case mod || w == "hold" || w == "entail":
			return noClass
		}
		return affirm
	case "false", "incorrect", "wrong", "inconsistent":
		if neg || mod {
			return noClass
		}
		return deny
	case "invalid":
		if neg || mod {
			return noClass
		}
		return notEntailed
	case "unknown", "uncertain", "undetermined", "indeterminate", "undecidable", "undeterminable",
		"unknowable", "unclear", "unsettled":
		if neg {
			return noClass
		}
		return undecided
	case "determined", "determine", "determinable", "known", "know", "tell", "decided", "decide", "decidable", "settled":
		// "cannot be determined", "impossible to tell", "we don't know";
		// but "I don't know" is no answer.
		if (neg || hasBefore(ts, i, 3, "impossible", "unable")) && !(w == "know" && hasBefore(ts, i, 3, "i")) {
			return undecided
		}
	case "information", "info":
		// "not enough information", "insufficient information"
		if hasBefore(ts, i, 3, "insufficient", "inadequate", "incomplete", "lack", "lacking", "missing") ||
			neg && hasBefore(ts, i, 3, "enough", "sufficient") {
			return undecided
		}
	}
	return noClass
}

// predicateWord reports whether w is a predicate that "not necessarily"
// may qualify, as in "not necessarily true".
func predicateWord(w string) bool {
	switch w {
	case "true", "correct", "consistent", "valid", "follows", "follow", "entailed", "entails", "entail",
		"holds", "hold", "false", "incorrect", "wrong", "inconsistent", "invalid":
		return true
	}
	return false
}

// aux reports whether w, before "follow", makes it a verdict: "does
// follow", "must follow".
func aux(w string) bool {
	switch w {
	case "does", "do", "did", "must", "necessarily", "logically", "validly", "indeed", "will",
		"really", "truly", "also", "still", "thus", "therefore", "then":
		return true
	}
	return false
}

// copulaSubject reports whether ts[i] is the predicate of a verdict such
// as "the statement is (not) true", "it must be false" or "this is
// therefore unknown", as opposed to "premise 1 is true".
func copulaSubject(ts []tok, i int) bool {
	j := i - 1
	for n := 0; n < 4; n, j = n+1, j-1 {
		w := word(ts, j)
		if !(negator(w) || adverb(w)) {
			break
		}
	}
	switch word(ts, j) {
	case "is", "isn't", "was", "remains":
		return subject(word(ts, j-1))
	case "it's", "that's":
		return true
	case "be":
		j--
		if word(ts, j) == "not" {
			j--
		}
		switch word(ts, j) {
		case "must", "would", "will", "should", "cannot", "can't", "mustn't", "wouldn't":
			return subject(word(ts, j-1))
		}
	}
	return false
}

func subject(w string) bool {
	switch w {
	case "statement", "conclusion", "it", "this", "that", "claim", "proposition", "sentence":
		return true
	}
	return false
}

func adverb(w string) bool {
	switch w {
	case "necessarily", "definitely", "certainly", "clearly", "therefore", "thus", "hence", "indeed",
		"actually", "also", "then", "so", "logically", "always", "simply", "still", "really":
		return true
	}
	return false
}

// hedge reports whether w only softens or frames the answer after "the
// answer is".
func hedge(w string) bool {
	switch w {
	case "probably", "likely", "most", "very", "definitely", "certainly", "clearly", "surely",
		"perhaps", "maybe", "possibly", "simply", "just", "therefore", "thus", "hence", "still",
		"then", "obviously", "indeed", "a", "an", "firmly", "strictly":
		return true
	}
	return false
}

// bareLeadIn reports whether w may come before a bare label in a clause
// that is just an answer: "so the answer is no", "I think yes", "the
// statement is false", "in conclusion: invalid".
func bareLeadIn(w string) bool {
	switch w {
	case "so", "therefore", "thus", "hence", "then", "well", "ok", "okay", "final", "finally",
		"answer", "verdict", "response", "my", "the", "is", "i", "think", "believe", "guess",
		"would", "say", "probably", "likely", "most", "very", "definitely", "certainly", "clearly",
		"surely", "perhaps", "maybe", "possibly", "in", "conclusion", "summary", "short", "overall",
		"result", "and", "it", "it's", "statement", "argument", "syllogism", "this", "that's",
		"we", "conclude", "must", "be", "however":
		return true
	}
	return false
}

// conditional reports whether w opens a condition or an open question,
// after which nothing in the sentence is a verdict: "if the conclusion
// follows", "whether it is true".
func conditional(w string) bool {
	switch w {
	case "if", "whether", "suppose", "supposing", "assume", "assuming", "unless", "hypothetically":
		return true
	}
	return false
}

// unconditional returns ts without its conditions, each of which runs
// from a word such as "if" or "whether" to the next colon, semicolon or
// the end of the sentence, and is replaced by a break. It returns ts
// itself when there is none, and otherwise fills and keeps *buf.
func unconditional(ts []tok, buf *[]tok) []tok {
	i := 0
	for i < len(ts) && !conditional(ts[i].w) {
		i++
	}
	if i == len(ts) {
		return ts
	}
	out, skip := append((*buf)[:0], ts[:i]...), false
	for _, t := range ts[i:] {
		switch {
		case t.w == "" && (t.c == ':' || t.c == ';'):
			skip = false
			out = append(out, t)
		case skip:
		case conditional(t.w):
			skip = true
			out = append(out, tok{pos: t.pos})
		default:
			out = append(out, t)
		}
	}
	*buf = out
	return out
}

// refusalAt returns the offset of a refusal in ts ("I cannot answer",
// "I'm unable to", "as an AI"), or -1.
func refusalAt(ts []tok) int {
	for i := range ts {
		n1, n2, n3 := word(ts, i+1), word(ts, i+2), word(ts, i+3)
		var refuses bool
		switch ts[i].w {
		case "i":
			switch {
			case n1 == "cannot" || n1 == "can't" || n1 == "won't":
				refuses = refuseVerb(n2)
			case (n1 == "can" || n1 == "will") && n2 == "not":
				refuses = refuseVerb(n3)
			case n1 == "am":
				refuses = n2 == "unable" || n2 == "sorry" || n2 == "not" && n3 == "able"
			case n1 == "must" || n1 == "have":
				refuses = n2 == "decline" || n2 == "to" && n3 == "decline"
			case n1 == "decline" || n1 == "refuse" || n1 == "apologize":
				refuses = true
			}
		case "i'm":
			refuses = n1 == "unable" || n1 == "sorry" || n1 == "not" && n2 == "able"
		case "as":
			refuses = n1 == "an" && (n2 == "ai" || n2 == "assistant")
		}
		if refuses {
			return ts[i].pos
		}
	}
	return -1
}

func refuseVerb(w string) bool {
	switch w {
	case "answer", "help", "assist", "provide", "comply", "respond", "do", "engage", "fulfill", "complete", "say":
		return true
	}
	return false
}
