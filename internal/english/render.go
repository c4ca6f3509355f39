package english

import (
	"fmt"
	"strings"

	"github.com/syllobench/syllobench/internal/logic"
)

// Render writes s in phrasing p, ending with a period. Plural positions
// take [Plural] of the term and "is a" takes the term's [Article].
//
// It fails with [ErrPhrasing] if p is not a phrasing of s.Q, and with
// [ErrInvalidTerm] if a term or name could not be read back unchanged by
// [Parse]: an empty term, a word with a character other than letters,
// digits, hyphens and apostrophes, a leading, trailing or double space, a
// reserved word ("are", "is", "not", "a", "an"), a last word whose plural
// would read back differently (see [Singular]), or a name that is not one
// capitalised token.
func Render(s logic.Statement, p Phrasing) (string, error) {
	if !p.Valid() || p.Quantifier() != s.Q {
		return "", fmt.Errorf("render %v as %v: %v has phrasings %v: %w",
			s, p, s.Q, Phrasings(s.Q), ErrPhrasing)
	}
	if err := checkStatement(s); err != nil {
		return "", fmt.Errorf("render %v: %w", s, err)
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

func render(s logic.Statement, pat pattern) string {
	var b strings.Builder
	b.Grow(len(pat.lead) + len(s.Subject) + len(s.Predicate) + 16)
	if pat.lead != "" {
		b.WriteString(pat.lead)
		b.WriteByte(' ')
	}
	if pat.plural {
		b.WriteString(Plural(s.Subject))
		b.WriteString(" are ")
	} else {
		b.WriteString(s.Subject)
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
