package english

import (
	"fmt"
	"slices"

	"github.com/syllobench/syllobench/internal/logic"
)

// Phrasing is one surface pattern of a [logic.Quantifier]. In the patterns
// below S and P are terms, S-pl and P-pl their plurals ([Plural]), N a name,
// and "a(n)" the article of P ([Article]).
type Phrasing uint8

// The phrasings, grouped by quantifier; the first of each group is the
// quantifier's default.
const (
	AllAre          Phrasing = iota // All S-pl are P-pl.
	EveryIs                         // Every S is a(n) P.
	EachIs                          // Each S is a(n) P.
	NoAre                           // No S-pl are P-pl.
	NoIs                            // No S is a(n) P.
	NoneOfThe                       // None of the S-pl are P-pl.
	SomeAre                         // Some S-pl are P-pl.
	AtLeastOneIs                    // At least one S is a(n) P.
	SomeAreNot                      // Some S-pl are not P-pl.
	AtLeastOneIsNot                 // At least one S is not a(n) P.
	NotAllAre                       // Not all S-pl are P-pl.
	NameIs                          // N is a(n) P.
	NameIsNot                       // N is not a(n) P.
)

// pattern is the shape shared by every phrasing: a fixed lead, the
// subject, "is" or "are", an optional "not", and the predicate, which after
// "is" takes an article. Parse and Render both work from this table.
type pattern struct {
	name    string
	q       logic.Quantifier
	lead    string // the words before the subject; "" before a name
	plural  bool   // "S-pl are P-pl" rather than "S is a P"
	negated bool   // "not" follows the verb
}

var patterns = [...]pattern{
	AllAre:          {"AllAre", logic.All, "All", true, false},
	EveryIs:         {"EveryIs", logic.All, "Every", false, false},
	EachIs:          {"EachIs", logic.All, "Each", false, false},
	NoAre:           {"NoAre", logic.No, "No", true, false},
	NoIs:            {"NoIs", logic.No, "No", false, false},
	NoneOfThe:       {"NoneOfThe", logic.No, "None of the", true, false},
	SomeAre:         {"SomeAre", logic.Some, "Some", true, false},
	AtLeastOneIs:    {"AtLeastOneIs", logic.Some, "At least one", false, false},
	SomeAreNot:      {"SomeAreNot", logic.SomeNot, "Some", true, true},
	AtLeastOneIsNot: {"AtLeastOneIsNot", logic.SomeNot, "At least one", false, true},
	NotAllAre:       {"NotAllAre", logic.SomeNot, "Not all", true, false},
	NameIs:          {"NameIs", logic.Is, "", false, false},
	NameIsNot:       {"NameIsNot", logic.IsNot, "", false, true},
}

// byQuantifier lists the phrasings of each quantifier in constant order.
var byQuantifier = func() [][]Phrasing {
	var out [][]Phrasing
	for p, pat := range patterns {
		for int(pat.q) >= len(out) {
			out = append(out, nil)
		}
		out[pat.q] = append(out[pat.q], Phrasing(p))
	}
	return out
}()

// Phrasings returns the phrasings of q, the default first, or nil if q is
// not a known quantifier. The caller may modify the slice.
func Phrasings(q logic.Quantifier) []Phrasing {
	if int(q) >= len(byQuantifier) {
		return nil
	}
	return slices.Clone(byQuantifier[q])
}

// Quantifier returns the quantifier p expresses. It is meaningless for an
// unknown phrasing; see [Phrasing.Valid].
func (p Phrasing) Quantifier() logic.Quantifier {
	if !p.Valid() {
		return 0
	}
	return patterns[p].q
}

// Valid reports whether p is one of the declared phrasings.
func (p Phrasing) Valid() bool { return int(p) < len(patterns) }

// String returns the Go name of p ("AllAre", "NoneOfThe", ...).
func (p Phrasing) String() string {
	if !p.Valid() {
		return fmt.Sprintf("Phrasing(%d)", p)
	}
	return patterns[p].name
}

// template is p's pattern as shown in parse errors, e.g.
// "All <terms> are <terms>" or "<name> is not a <term>".
func (p pattern) template() string {
	s := p.lead + " <term> is "
	if p.lead == "" {
		s = "<name> is "
	} else if p.plural {
		s = p.lead + " <terms> are "
	}
	if p.negated {
		s += "not "
	}
	if p.plural {
		return s + "<terms>"
	}
	return s + "a <term>"
}
