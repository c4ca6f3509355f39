package verdict

import "github.com/syllobench/syllobench/internal/question"

// class is what a verdict phrase says, before it is read as a label of a
// kind.
type class uint8

const (
	noClass     class = iota
	affirm            // yes, true, follows, valid
	deny              // no, false, not true, incorrect
	notEntailed       // does not follow, invalid, not necessarily
	undecided         // unknown, cannot be determined
	open              // not settled either way: "not necessarily true", "could be true or false"
)

// label reads c as a label of k, or "" when k has none for it: a truth
// question has none for "does not follow", a yes/no question none for
// "unknown".
func label(k question.Kind, c class) string {
	switch {
	case k.YesNo():
		switch c {
		case affirm:
			return "yes"
		case deny, notEntailed, open:
			return "no"
		}
	case k == question.Truth:
		switch c {
		case affirm:
			return "true"
		case deny:
			return "false"
		case undecided, open:
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

// lookBack reads the three words before ts[i], within its clause and not
// past a "that" or a verb of saying or believing, for a negation,
// "necessarily" and a modal verb. may reports a negation after "may" or
// "might": "it may not be true" leaves the question open.
func lookBack(ts []tok, i int) (neg, nec, mod, may bool) {
	for j := i - 1; j >= i-3; j-- {
		switch w := word(ts, j); {
		case w == "" || w == "that" || sayVerb(w):
			return
		case negator(w):
			p := word(ts, j-1)
			return true, nec, mod, p == "may" || p == "might"
		case w == "necessarily":
			nec = true
		case modal(w):
			mod = true
		}
	}
	return
}

// sayVerb reports whether w says, believes or shows what follows it, so
// that a negation before it governs the clause after it: "I don't think
// the conclusion follows", "it cannot be said to be true".
func sayVerb(w string) bool {
	switch w {
	case "think", "believe", "feel", "expect", "say", "said", "claim", "claimed", "assert",
		"conclude", "concluded", "shown", "proven", "proved", "established", "guaranteed":
		return true
	}
	return false
}

// epistemic reports whether a negated w before a clause leaves the clause
// open rather than denying it: "it is not shown that", "it does not
// follow that", "nothing guarantees that".
func epistemic(w string) bool {
	switch w {
	case "said", "shown", "proven", "proved", "established", "guaranteed", "guarantee", "guarantees",
		"follow", "follows", "imply", "implies", "entail", "entails", "concluded", "conclude",
		"known", "determined", "deduced", "inferred", "certain", "sure":
		return true
	}
	return false
}

// falsity reports whether w calls what follows false: "it is false that",
// "it would be wrong to say".
func falsity(w string) bool {
	switch w {
	case "false", "untrue", "incorrect", "wrong", "mistaken", "mistake", "error", "fallacy", "fallacious":
		return true
	}
	return false
}

// outerNeg reports whether ts[i] is in a clause that a negation governs
// from outside: a "that" clause, or the clause after a verb of saying or
// believing, under a negation or a word of falsity. "Nothing in the
// premises guarantees that the conclusion follows", "it is not true that
// it is valid", "I don't think the conclusion follows", "it is false that
// it follows", "it would be wrong to say it follows". "No" counts only
// before a word such as "reason": "there is no doubt that it follows" is
// not negated, "there is no reason to think it follows" is. open reports
// a negation that leaves the clause open rather than denying it: one of
// inability ("cannot be said to be true", "we can't say that") or over a
// verb of showing ("it does not follow that", "it is not known that").
func outerNeg(ts []tok, i int) (neg, open bool) {
	for j := i - 1; j >= i-8; j-- {
		w := word(ts, j)
		switch {
		case w == "":
			return false, false
		case w != "that" && !sayVerb(w):
			continue
		}
		verb := w
		if w == "that" {
			verb = word(ts, j-1)
		}
		for k := j - 1; k >= j-6; k-- {
			switch v := word(ts, k); {
			case v == "":
				return false, false
			case falsity(v):
				// "it is not wrong to say" is no negation.
				return !negator(word(ts, k-1)), false
			case v == "no":
				switch word(ts, k+1) {
				case "reason", "evidence", "basis", "grounds", "way", "guarantee", "indication", "proof":
					return true, epistemic(verb)
				}
			case negator(v):
				p := word(ts, k-1)
				unable := v == "cannot" || v == "can't" || v == "couldn't" || v == "not" && (p == "can" || p == "could")
				return true, unable || epistemic(verb)
			}
		}
		return false, false
	}
	return false, false
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
		if word(ts, i-1) == "not" { // "the answer is not yes"
			return deny
		}
		return affirm
	case "no", "nope":
		if word(ts, i-1) == "not" { // "not no" is no answer
			return noClass
		}
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
	case "follows", "follow", "entailed", "entails", "entail", "holds", "hold":
		if thatAhead(ts, i) {
			return noClass // "it follows that no conclusion can be drawn" is a step
		}
	}
	return predicate(ts, i)
}

// predicate reads ts[i] as a predicate that states a verdict, with the
// negation, "necessarily" or modal verb before it.
func predicate(ts []tok, i int) class {
	w := ts[i].w
	neg, nec, mod, may := lookBack(ts, i)
	outer, opened := outerNeg(ts, i)
	if neg && outer {
		return noClass // a double negation: "it is not true that it does not follow"
	}
	switch w {
	case "true", "correct", "consistent":
		switch {
		case outer && opened, neg && (nec || may):
			return open // "cannot be said to be true", "not necessarily true", "may not be true"
		case neg || outer:
			return deny
		case mod:
			if eitherWay(ts, i+1) {
				return open // "it could be true or false"
			}
			return noClass // "could be true"
		}
		return affirm
	case "valid", "follows", "follow", "entailed", "entails", "entail", "holds", "hold":
		switch p := word(ts, i-1); {
		case p == "as" || p == "to": // "as follows", "to follow"
			return noClass
		case p == "be" && word(ts, i-2) == "to": // "to be valid"
			return noClass
		case neg || outer:
			return notEntailed
		case mod || w == "hold" || w == "entail":
			return noClass
		}
		return affirm
	case "false", "incorrect", "wrong", "inconsistent":
		if p := word(ts, i-1); p == "or" && (word(ts, i-2) == "true" || word(ts, i-2) == "correct") {
			if _, _, m, _ := lookBack(ts, i-2); m {
				return open // "it could be true or false"
			}
		}
		if neg || outer || mod {
			return noClass
		}
		return deny
	case "invalid":
		if neg || outer || mod {
			return noClass
		}
		return notEntailed
	case "unknown", "uncertain", "undetermined", "indeterminate", "undecidable", "undeterminable",
		"unknowable", "unclear", "unsettled":
		if neg || outer {
			return noClass
		}
		return undecided
	case "determined", "determine", "determinable", "known", "know", "tell", "decided", "decide", "decidable", "settled":
		// "cannot be determined", "impossible to tell", "we don't know";
		// but "I don't know" is no answer.
		if (neg || outer || hasBefore(ts, i, 3, "impossible", "unable")) && !(w == "know" && hasBefore(ts, i, 3, "i")) {
			return undecided
		}
	case "drawn", "inferred", "deduced", "derived", "reached":
		// "the conclusion cannot be drawn", "no conclusion can be drawn"
		for j := i - 1; j >= i-4; j-- {
			switch word(ts, j) {
			case "":
				return noClass
			case "conclusion", "conclusions":
				if neg || outer || word(ts, j-1) == "no" || word(ts, j-1) == "valid" && word(ts, j-2) == "no" {
					return notEntailed
				}
				return noClass
			}
		}
	case "information", "info":
		// "not enough information", "insufficient information"
		if hasBefore(ts, i, 3, "insufficient", "inadequate", "incomplete", "lack", "lacking", "missing") ||
			(neg || outer) && hasBefore(ts, i, 3, "enough", "sufficient") {
			return undecided
		}
	}
	return noClass
}

// eitherWay reports whether ts[j:] is "or false" or "or not", after a
// modal "true": "it could be true or false".
func eitherWay(ts []tok, j int) bool {
	if word(ts, j) != "or" {
		return false
	}
	switch word(ts, j+1) {
	case "false", "not", "untrue", "incorrect":
		return true
	}
	return false
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
