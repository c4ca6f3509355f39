package lexicon

import (
	_ "embed"
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/syllobench/syllobench/internal/english"
	"github.com/syllobench/syllobench/internal/logic"
)

//go:embed properties.txt
var propertiesFile string

// Property is a verb phrase that is true or false of categories
// ("have feathers"), as read from properties.txt.
type Property struct {
	// Term is the property as a predicate of a [logic.Statement]:
	// english.Property(Phrase).
	Term string
	// Phrase is the verb phrase in its base form.
	Phrase string
	// Has are the categories every member of which has the property, and
	// Lacks those no member of which has it. Both are inherited down the
	// taxonomy. The slices are shared: callers must not modify them.
	Has, Lacks []*Category
}

// ErrUnsettled is wrapped by the errors of [Taxonomy.Truth] for a
// statement about a property that the facts do not decide ("All animals
// have wheels": no fact says so or otherwise of every animal).
var ErrUnsettled = errors.New("not settled by the property facts")

// Properties returns the properties in file order. The caller may modify
// the slice.
func (t *Taxonomy) Properties() []Property { return slices.Clone(t.props) }

// Property returns the property whose term ([english.Property] of its
// phrase) is term.
func (t *Taxonomy) Property(term string) (Property, bool) {
	i := slices.IndexFunc(t.props, func(p Property) bool { return p.Term == term })
	if i < 0 {
		return Property{}, false
	}
	return t.props[i], true
}

// parseProperties reads properties.txt against t: one "phrase | has |
// lacks" a line, each phrase a property package english renders, each
// category known, and no category under both a has and a lacks.
func parseProperties(t *Taxonomy, name, data string) ([]Property, error) {
	var props []Property
	var errs []error
	bad := func(line int, format string, args ...any) {
		errs = append(errs, fmt.Errorf("%s:%d: "+format, append([]any{name, line}, args...)...))
	}
	for i, line := range strings.Split(data, "\n") {
		if j := strings.IndexByte(line, '#'); j >= 0 {
			line = line[:j]
		}
		if strings.TrimSpace(line) == "" {
			continue
		}
		fields := strings.Split(line, "|")
		if len(fields) != 3 {
			bad(i+1, `want "phrase | has | lacks", got %d fields`, len(fields))
			continue
		}
		p := Property{Phrase: strings.TrimSpace(fields[0])}
		p.Term = english.Property(p.Phrase)
		if _, err := english.RenderDefault(logic.Statement{Q: logic.All, Subject: "dog", Predicate: p.Term}); err != nil {
			bad(i+1, "property %q: %v", p.Phrase, err)
			continue
		}
		if _, dup := t.Property(p.Term); dup || slices.ContainsFunc(props, func(q Property) bool { return q.Term == p.Term }) {
			bad(i+1, "property %q listed twice", p.Phrase)
			continue
		}
		for k, list := range []*[]*Category{&p.Has, &p.Lacks} {
			for _, term := range strings.Split(fields[1+k], ",") {
				term = strings.TrimSpace(term)
				if term == "" {
					continue
				}
				c, ok := t.Category(term)
				if !ok {
					bad(i+1, "property %q: %q is not a category", p.Phrase, term)
					continue
				}
				*list = append(*list, c)
			}
		}
		if len(p.Has) == 0 || len(p.Lacks) == 0 {
			bad(i+1, "property %q: want at least one category that has it and one that lacks it", p.Phrase)
			continue
		}
		for _, h := range p.Has {
			for _, l := range p.Lacks {
				if h.Includes(l) || l.Includes(h) {
					bad(i+1, "property %q: %s both has and lacks it", p.Phrase, map[bool]*Category{true: l, false: h}[h.Includes(l)])
				}
			}
		}
		props = append(props, p)
	}
	return props, errors.Join(errs...)
}

// under reports whether c is one of cs or below one.
func under(c *Category, cs []*Category) bool {
	return slices.ContainsFunc(cs, func(d *Category) bool { return d.Includes(c) })
}

// inside reports whether one of cs is c or below it.
func inside(c *Category, cs []*Category) bool {
	return slices.ContainsFunc(cs, func(d *Category) bool { return c.Includes(d) })
}

// propertyTruth is the world truth of a statement whose subject category
// is a and whose predicate is p, and whether the facts settle it. A
// category below one that has p has it; one below one that lacks p lacks
// it; a category with a part that has p has members that have it (every
// category has members), and so on.
func propertyTruth(q logic.Quantifier, a *Category, p Property) (truth, settled bool) {
	has, lacks := under(a, p.Has), under(a, p.Lacks)
	someHave, someLack := has || inside(a, p.Has), lacks || inside(a, p.Lacks)
	switch q {
	case logic.Is:
		return has, has || lacks
	case logic.IsNot:
		return lacks, has || lacks
	case logic.All:
		return has, has || someLack
	case logic.No:
		return lacks, lacks || someHave
	case logic.Some:
		return someHave, someHave || lacks
	case logic.SomeNot:
		return someLack, someLack || has
	}
	return false, false
}

// propertyStatementTruth is Truth for a statement whose predicate is the
// property term.
func (t *Taxonomy) propertyStatementTruth(s logic.Statement) (bool, error) {
	p, ok := t.Property(s.Predicate)
	if !ok {
		return false, fmt.Errorf("truth of %v: property %q: %w", s, s.Predicate, ErrUnknown)
	}
	var a *Category
	q := s.Q
	if s.Q.Singular() {
		x, ok := t.byName[s.Subject]
		if !ok {
			return false, fmt.Errorf("truth of %v: individual %q: %w", s, s.Subject, ErrUnknown)
		}
		// What holds of every member of the individual's category holds
		// of it; what holds of only some members is not known of it.
		a = x.Category
	} else if a, ok = t.byTerm[s.Subject]; !ok {
		return false, fmt.Errorf("truth of %v: subject %q: %w", s, s.Subject, ErrUnknown)
	}
	truth, settled := propertyTruth(q, a, p)
	if !settled {
		return false, fmt.Errorf("truth of %v: %w", s, ErrUnsettled)
	}
	return truth, nil
}
