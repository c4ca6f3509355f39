package lexicon

import (
	"fmt"

	"github.com/syllobench/syllobench/internal/english"
	"github.com/syllobench/syllobench/internal/logic"
)

// Truth returns the real-world truth of s, with categories named by their
// singular terms and individuals by their names. All categories are
// non-empty and every child is a proper subset of its parent, so for
// categories a and b:
//
//   - All a are b: b includes a;
//   - No a are b: a and b are disjoint;
//   - Some a are b: they are not disjoint;
//   - Some a are not b: b does not include a;
//   - x is a b: b includes x's category; x is not a b: it does not.
//
// A statement whose predicate is a property ([english.Property]) takes
// its truth from the property facts (properties.txt); one they do not
// settle is an error wrapping [ErrUnsettled].
//
// An unknown term or individual is an error wrapping [ErrUnknown] that
// names it. Truth does not allocate unless it fails.
func (t *Taxonomy) Truth(s logic.Statement) (bool, error) {
	if english.IsProperty(s.Predicate) {
		return t.propertyStatementTruth(s)
	}
	if s.Q.Singular() {
		x, ok := t.byName[s.Subject]
		if !ok {
			return false, fmt.Errorf("truth of %v: individual %q: %w", s, s.Subject, ErrUnknown)
		}
		p, err := t.predicate(s)
		if err != nil {
			return false, err
		}
		return p.Includes(x.Category) == (s.Q == logic.Is), nil
	}
	a, ok := t.byTerm[s.Subject]
	if !ok {
		return false, fmt.Errorf("truth of %v: subject %q: %w", s, s.Subject, ErrUnknown)
	}
	p, err := t.predicate(s)
	if err != nil {
		return false, err
	}
	if t.Apart(a, p) {
		return false, fmt.Errorf("truth of %v: %q and %q are kept apart, a word of one having a sense in the other (apart.txt): %w", s, a, p, ErrUnknown)
	}
	switch s.Q {
	case logic.All:
		return p.Includes(a), nil
	case logic.No:
		return a.Disjoint(p), nil
	case logic.Some:
		return !a.Disjoint(p), nil
	case logic.SomeNot:
		return !p.Includes(a), nil
	}
	return false, fmt.Errorf("truth of %v: unknown quantifier", s)
}

func (t *Taxonomy) predicate(s logic.Statement) (*Category, error) {
	p, ok := t.byTerm[s.Predicate]
	if !ok {
		return nil, fmt.Errorf("truth of %v: predicate %q: %w", s, s.Predicate, ErrUnknown)
	}
	return p, nil
}
