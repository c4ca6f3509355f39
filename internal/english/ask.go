package english

import (
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/syllobench/syllobench/internal/logic"
)

// ErrNoQuestion is wrapped by the error of [Ask] for a statement it has
// no direct question for.
var ErrNoQuestion = errors.New("no direct question for the statement")

// Ask writes s as a direct yes/no question, the article's way of asking
// ("Are squares triangles?" for "All squares are triangles."), whose
// answer is yes exactly when s holds:
//
//	All      Are all S-pl P-pl?     Do all S-pl V?     Can all S-pl V?
//	         Are S-pl P-pl? (bare)  Do S-pl V? (bare)  Can S-pl V? (bare)
//	Some     Are some S-pl P-pl?    Do some S-pl V?    Can some S-pl V?
//	SomeNot  Are some S-pl not P-pl?  Do some S-pl not V?
//	Is       Is x a P?              Does x V?          Can x V?
//	IsNot    Is x not a P?          Does x not V?
//
// where V is a property's verb phrase in its base form ("Can" asks a
// "can" property). bare asks an All statement with a bare plural
// subject, read as universal as [BarePlural] reads it; it fails where
// BarePlural cannot write the subject. A "can" property has no question
// for SomeNot and IsNot. No has none: "Are no dogs cats?" is not how
// anyone asks whether no dog is a cat, and "Are all dogs not cats?" or
// "Are dogs not cats?" mean something else to many readers. A question that would not read back as s
// knowing only s's terms (a bare subject starting "A actresses") is not
// asked. The failures wrap [ErrNoQuestion], or the errors of [Render]
// for an invalid statement.
func Ask(s logic.Statement, bare bool) (string, error) {
	q, err := ask(s, bare)
	if err != nil {
		return "", err
	}
	known := func(w string) bool { return w == s.Subject || w == s.Predicate }
	if back, gotBare, err := readQuestion(q, known); err != nil || back != s || gotBare != bare {
		return "", fmt.Errorf("ask %v: %q would not read back: %w", s, q, ErrNoQuestion)
	}
	return q, nil
}

// ask is Ask without the check that the question reads back.
func ask(s logic.Statement, bare bool) (string, error) {
	if err := checkStatement(s); err != nil {
		return "", fmt.Errorf("ask %v: %w", s, err)
	}
	if s.Q == logic.No {
		return "", fmt.Errorf("ask %v: No has no direct question: %w", s, ErrNoQuestion)
	}
	if bare {
		if s.Q != logic.All {
			return "", fmt.Errorf("ask %v with a bare plural: only All has one: %w", s, ErrNoQuestion)
		}
		// Inside a question the subject does not start the sentence, so
		// a capital letter of its own ("Java programmers") is no
		// problem, as it is in a bare plural statement.
		if why := bareSubjectProblemAt(s); why != "" {
			return "", fmt.Errorf("ask %v with a bare plural: %s: %w", s, why, ErrNoQuestion)
		}
	}
	quant := map[logic.Quantifier]string{logic.All: "all ", logic.Some: "some ", logic.SomeNot: "some "}[s.Q]
	if bare {
		quant = ""
	}
	negated := s.Q == logic.SomeNot || s.Q == logic.IsNot
	not := ""
	if negated {
		not = " not"
	}
	phrase, isProperty := PropertyPhrase(s.Predicate)
	switch {
	case !isProperty && s.Q.Singular():
		return "Is " + s.Subject + not + " " + Article(s.Predicate) + " " + s.Predicate + "?", nil
	case !isProperty:
		return "Are " + quant + Plural(s.Subject) + not + " " + Plural(s.Predicate) + "?", nil
	}
	if rest, isCan := strings.CutPrefix(phrase, "can "); isCan {
		if negated {
			return "", fmt.Errorf("ask %v: a \"can\" property has no negated question: %w", s, ErrNoQuestion)
		}
		if s.Q.Singular() {
			return "Can " + s.Subject + " " + rest + "?", nil
		}
		return "Can " + quant + Plural(s.Subject) + " " + rest + "?", nil
	}
	if s.Q.Singular() {
		return "Does " + s.Subject + not + " " + phrase + "?", nil
	}
	return "Do " + quant + Plural(s.Subject) + not + " " + phrase + "?", nil
}

// ReadQuestion reads a question [Ask] wrote back into its statement and
// whether it was asked with a bare plural. A copular question does not
// mark where its subject ends ("Are all Python programmers Java
// programmers?"), so the reader says which terms and names the question
// may be about: known reports whether a term (a singular noun or a
// property, as in a statement) or a name is one, such as those of the
// premises before it. Exactly one reading must use known words only and
// be written back by Ask as the question was; otherwise it is an error
// wrapping [ErrUnparseable].
func ReadQuestion(q string, known func(string) bool) (s logic.Statement, bare bool, err error) {
	return readQuestion(q, known)
}

func readQuestion(q string, known func(string) bool) (s logic.Statement, bare bool, err error) {
	var found []logic.Statement
	var bares []bool
	for _, c := range questionReadings(q) {
		st, err := ParseIn(c.sentence, known)
		if err != nil {
			continue
		}
		// A bare subject was capitalised to start the sentence read;
		// inside the question it kept its own first letter, which
		// asking it again shows.
		alts := []logic.Statement{st}
		if alt := capitalize(st.Subject); c.bare && alt != st.Subject {
			alts = append(alts, logic.Statement{Q: st.Q, Subject: alt, Predicate: st.Predicate})
		}
		for _, st := range alts {
			if !known(st.Subject) || !known(st.Predicate) {
				continue
			}
			if again, err := ask(st, c.bare); err != nil || again != q {
				continue
			}
			if !slices.Contains(found, st) {
				found, bares = append(found, st), append(bares, c.bare)
			}
		}
	}
	switch len(found) {
	case 1:
		return found[0], bares[0], nil
	case 0:
		return logic.Statement{}, false, fmt.Errorf("read question %q: no reading about the known terms: %w", q, ErrUnparseable)
	}
	return logic.Statement{}, false, fmt.Errorf("read question %q: %d readings (%v and %v): %w", q, len(found), found[0], found[1], ErrUnparseable)
}

// reading is a declarative sentence a question may stand for.
type reading struct {
	sentence string
	bare     bool
}

// questionReadings returns the sentences q may stand for: one for each
// place its subject may end, where that is not marked.
func questionReadings(q string) []reading {
	body, ok := strings.CutSuffix(strings.TrimSpace(q), "?")
	if !ok {
		return nil
	}
	toks := strings.Fields(body)
	if len(toks) < 3 {
		return nil
	}
	aux, rest := toks[0], toks[1:]
	quant := ""
	if len(rest) > 1 {
		switch rest[0] {
		case "all":
			quant, rest = "All ", rest[1:]
		case "some":
			quant, rest = "Some ", rest[1:]
		}
	}
	join := func(ws []string) string { return strings.Join(ws, " ") }
	var out []reading
	switch aux {
	case "Is":
		// "Is x [not] a P?": a name is one word.
		out = append(out, reading{sentence: rest[0] + " is " + join(rest[1:]) + "."})
	case "Does":
		name, vp := rest[0], rest[1:]
		if len(vp) > 1 && vp[0] == "not" {
			out = append(out, reading{sentence: name + " does not " + join(vp[1:]) + "."})
		} else if len(vp) > 0 {
			out = append(out, reading{sentence: name + " " + ThirdPerson(join(vp)) + "."})
		}
	case "Are", "Do", "Can":
		if quant == "" && len(rest) > 0 {
			rest = append([]string{capitalize(rest[0])}, rest[1:]...)
		}
		for i := 1; i < len(rest); i++ {
			subj, pred := join(rest[:i]), rest[i:]
			var s string
			switch {
			case aux == "Are" && pred[0] == "not":
				s = quant + subj + " are not " + join(pred[1:])
			case aux == "Are":
				s = quant + subj + " are " + join(pred)
			case aux == "Do" && pred[0] == "not":
				s = quant + subj + " do not " + join(pred[1:])
			case aux == "Do":
				s = quant + subj + " " + join(pred)
			default:
				s = quant + subj + " can " + join(pred)
			}
			out = append(out, reading{sentence: s + ".", bare: quant == ""})
		}
	}
	if aux == "Can" && quant == "" && len(rest) > 1 {
		// "Can x V?" about a name.
		out = append(out, reading{sentence: rest[0] + " can " + join(rest[1:]) + "."})
	}
	return out
}

// ParseIn is [Parse] for a sentence among others whose words are known:
// known reports whether a term or name is one of them. A bare plural
// subject is written with a capital letter at the start of its sentence,
// so "Java programmers can write code." reads as about "java
// programmer"; where that is not known but "Java programmer" is, ParseIn
// reads the known one.
func ParseIn(sentence string, known func(string) bool) (logic.Statement, error) {
	s, err := Parse(sentence)
	if err != nil || known(s.Subject) || s.Q != logic.All {
		return s, err
	}
	alt := capitalize(s.Subject)
	first, _, _ := strings.Cut(strings.TrimSpace(sentence), " ")
	if alt != s.Subject && known(alt) && first == capitalize(strings.Fields(Plural(s.Subject))[0]) {
		s.Subject = alt // a bare plural whose subject starts the sentence
	}
	return s, nil
}
