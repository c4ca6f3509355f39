package english

import (
	"fmt"
	"strings"

	"github.com/syllobench/syllobench/internal/logic"
)

// Render writes s in phrasing p, ending with a period. Plural positions
// take [Plural] of the term and "is a" takes the term's [Article]; a
// property predicate ([Property]) is written as its verb phrase, in the
// base form after a plural subject and in the third person ([ThirdPerson])
// after a singular subject or a name (see [Phrasing]).
//
// It fails with [ErrPhrasing] if p is not a phrasing of s.Q, or is
// [BarePlural] and cannot write s's subject, and with [ErrInvalidTerm] if
// a term or name could not be read back unchanged by [Parse]: an empty
// term, a word with a character other than letters, digits, hyphens and
// apostrophes, a leading, trailing or double space, a reserved word
// ("are", "is", "not", "a", "an"), a last word whose plural would read
// back differently (see [Singular]), a name that is not one capitalised
// token, a property that is not a valid verb phrase (see [Property]) or
// that is a subject, or a subject that a property cannot follow: one that
// reads as a plural ("mice": write "mouse"), one with a word that would
// start the verb phrase early ("tin can": "Every tin can holds food"), or
// a name that reads as a plural before a "can" property ("Socrates can
// swim" reads as a bare plural).
func Render(s logic.Statement, p Phrasing) (string, error) {
	if !p.Valid() || p.Quantifier() != s.Q {
		return "", fmt.Errorf("render %v as %v: %v has phrasings %v: %w",
			s, p, s.Q, Phrasings(s.Q), ErrPhrasing)
	}
	if err := checkStatement(s); err != nil {
		return "", fmt.Errorf("render %v: %w", s, err)
	}
	if p == BarePlural {
		if why := bareProblem(s); why != "" {
			return "", fmt.Errorf("render %v as %v: %s: %w", s, p, why, ErrPhrasing)
		}
	}
	return render(s, patterns[p]), nil
}

// RenderDefault writes s in the default (first) phrasing of its quantifier.
func RenderDefault(s logic.Statement) (string, error) {
	ps := Phrasings(s.Q)
	if len(ps) == 0 {
		return "", fmt.Errorf("render %v: unknown quantifier: %w", s, ErrPhrasing)
	}
	return Render(s, ps[0])
}

// bareProblem says why [BarePlural] cannot write the subject of the
// valid statement s so that [Parse] reads it back, or returns "".
func bareProblem(s logic.Statement) string {
	pl := Plural(s.Subject)
	first, _, _ := strings.Cut(pl, " ")
	capital := capitalize(first)
	if decapitalize(capital) != first {
		return fmt.Sprintf("the subject %q would read back with another first letter once capitalised", s.Subject)
	}
	return bareSubjectProblemAt(s)
}

// bareSubjectProblemAt is bareProblem for a subject that does not start
// its sentence, whose first letter stays as it is.
func bareSubjectProblemAt(s logic.Statement) string {
	pl := Plural(s.Subject)
	if why := bareSubjectProblem(strings.Split(capitalize(pl), " ")); why != "" {
		return why
	}
	if _, last := splitLast(pl); !readsAsPlural(last) {
		return fmt.Sprintf("the plural %q does not read as a plural", pl)
	}
	if IsProperty(s.Predicate) {
		return subjectSplitProblem(strings.Split(capitalize(pl), " "), true)
	}
	return ""
}

func render(s logic.Statement, pat pattern) string {
	var b strings.Builder
	b.Grow(len(pat.lead) + len(s.Subject) + len(s.Predicate) + 16)
	if pat.lead != "" {
		b.WriteString(pat.lead)
		b.WriteByte(' ')
	}
	switch {
	case pat.plural && pat.lead == "":
		b.WriteString(capitalize(Plural(s.Subject)))
	case pat.plural:
		b.WriteString(Plural(s.Subject))
	default:
		b.WriteString(s.Subject)
	}
	if phrase, ok := PropertyPhrase(s.Predicate); ok {
		writeVerbPhrase(&b, phrase, pat.plural, pat.negated)
		b.WriteByte('.')
		return b.String()
	}
	if pat.plural {
		b.WriteString(" are ")
	} else {
		b.WriteString(" is ")
	}
	if pat.negated {
		b.WriteString("not ")
	}
	if pat.plural {
		b.WriteString(Plural(s.Predicate))
	} else {
		b.WriteString(Article(s.Predicate))
		b.WriteByte(' ')
		b.WriteString(s.Predicate)
	}
	b.WriteByte('.')
	return b.String()
}

// writeVerbPhrase writes " " and the base-form phrase as it follows a
// plural or singular subject, negated or not.
func writeVerbPhrase(b *strings.Builder, phrase string, plural, negated bool) {
	b.WriteByte(' ')
	switch {
	case negated && strings.HasPrefix(phrase, "can "):
		b.WriteString("cannot ")
		b.WriteString(phrase[len("can "):])
	case negated && plural:
		b.WriteString("do not ")
		b.WriteString(phrase)
	case negated:
		b.WriteString("does not ")
		b.WriteString(phrase)
	case plural:
		b.WriteString(phrase)
	default:
		b.WriteString(ThirdPerson(phrase))
	}
}
