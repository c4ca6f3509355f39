package english

import (
	"fmt"
	"slices"

	"github.com/syllobench/syllobench/internal/logic"
)

// Phrasing is one surface pattern of a [logic.Quantifier]. In the patterns
// below S and P are terms, S-pl and P-pl their plurals ([Plural]), N a name,
// and "a(n)" the article of P ([Article]).
//
// Every phrasing also writes a property predicate ([Property]), whose verb
// phrase V takes the place of "is a(n) P" or "are P-pl": after a plural
// subject V is in the base form ("All robots run on batteries"), after a
// singular subject or a name in the third person ([ThirdPerson]: "Every
// robot runs on batteries", "R2-D2 runs on batteries"). Negation is "do
// not V" after a plural and "does not V" after a singular ("Some birds do
// not lay eggs", "Tweety does not fly"), except that the modal "can" takes
// no "do": "can fly" is negated as "cannot fly" ("Some birds cannot fly",
// "Tweety cannot fly").
type Phrasing uint8

// The phrasings, grouped by quantifier; the first of each group is the
// quantifier's default. [BarePlural] comes last and is listed only by
// [OptionalPhrasings].
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

	// BarePlural is the bare plural of All: "S-pl are P-pl" or "S-pl V",
	// with the first letter capitalised ("Squares are polygons.", "Robots
	// run on batteries."). It is the one bare-plural reading the suite
	// uses: a bare plural subject is read as universal, All S are P, and
	// no other quantifier has a bare form ("Dogs are not cats" does not
	// parse). BarePlural is opt-in: [Phrasings] does not list it, so
	// callers that pick phrasings from Phrasings (or use [RenderDefault])
	// never write it; [OptionalPhrasings] does.
	//
	// [Render] writes it only when the capitalised subject reads back:
	// its first letter must not be upper case already ("Python
	// programmers" would read back as "python programmer"), no word may
	// be a keyword that starts another phrasing ("All", "No", "Some",
	// "Every", "Each", "None", "At", "Not"), the first word may not be a
	// numeral or one of a closed list of determiners, quantifiers and
	// sentence adverbs ("the", "most", "two", "therefore": [Parse] does
	// not read "Most dogs are pets" as All), its last word must not be a
	// single capital letter, and before a property
	// the capital must not move where the verb phrase starts (a single
	// lower-case letter becoming a letter term); otherwise Render fails
	// with [ErrPhrasing].
	BarePlural // S-pl are P-pl. (All only, opt-in)
)

// pattern is the shape shared by every phrasing: a fixed lead, the
// subject, "is" or "are", an optional "not", and the predicate, which after
// "is" takes an article. Parse and Render both work from this table.
type pattern struct {
	name     string
	q        logic.Quantifier
	lead     string // the words before the subject; "" before a name or a bare plural
	plural   bool   // "S-pl are P-pl" rather than "S is a P"
	negated  bool   // "not" follows the verb
	optional bool   // listed by OptionalPhrasings, not Phrasings
}

var patterns = [...]pattern{
	AllAre:          {"AllAre", logic.All, "All", true, false, false},
	EveryIs:         {"EveryIs", logic.All, "Every", false, false, false},
	EachIs:          {"EachIs", logic.All, "Each", false, false, false},
	NoAre:           {"NoAre", logic.No, "No", true, false, false},
	NoIs:            {"NoIs", logic.No, "No", false, false, false},
	NoneOfThe:       {"NoneOfThe", logic.No, "None of the", true, false, false},
	SomeAre:         {"SomeAre", logic.Some, "Some", true, false, false},
	AtLeastOneIs:    {"AtLeastOneIs", logic.Some, "At least one", false, false, false},
	SomeAreNot:      {"SomeAreNot", logic.SomeNot, "Some", true, true, false},
	AtLeastOneIsNot: {"AtLeastOneIsNot", logic.SomeNot, "At least one", false, true, false},
	NotAllAre:       {"NotAllAre", logic.SomeNot, "Not all", true, false, false},
	NameIs:          {"NameIs", logic.Is, "", false, false, false},
	NameIsNot:       {"NameIsNot", logic.IsNot, "", false, true, false},
	BarePlural:      {"BarePlural", logic.All, "", true, false, true},
}

// byQuantifier lists the phrasings of each quantifier in constant order,
// and optionalByQuantifier the optional ones.
var byQuantifier, optionalByQuantifier = func() (listed, optional [][]Phrasing) {
	for p, pat := range patterns {
		for int(pat.q) >= len(listed) {
			listed, optional = append(listed, nil), append(optional, nil)
		}
		if pat.optional {
			optional[pat.q] = append(optional[pat.q], Phrasing(p))
		} else {
			listed[pat.q] = append(listed[pat.q], Phrasing(p))
		}
	}
	return listed, optional
}()

// Phrasings returns the phrasings of q, the default first, or nil if q is
// not a known quantifier. The caller may modify the slice. The list, its
// order and so the default never include the opt-in phrasings of
// [OptionalPhrasings], so code that picks a phrasing from it by position
// writes the same text as before they were added.
func Phrasings(q logic.Quantifier) []Phrasing {
	if int(q) >= len(byQuantifier) {
		return nil
	}
	return slices.Clone(byQuantifier[q])
}

// OptionalPhrasings returns the opt-in phrasings of q, which [Phrasings]
// leaves out: [BarePlural] for [logic.All], and nil for every other
// quantifier. [Parse] reads them like any other phrasing; [Render] writes
// them only when asked by name, and may refuse a statement that the
// phrasing cannot write (see [BarePlural]). The caller may modify the
// slice.
func OptionalPhrasings(q logic.Quantifier) []Phrasing {
	if int(q) >= len(optionalByQuantifier) {
		return nil
	}
	return slices.Clone(optionalByQuantifier[q])
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
	s := p.subjectTemplate() + " is "
	if p.plural {
		s = p.subjectTemplate() + " are "
	}
	if p.negated {
		s += "not "
	}
	if p.plural {
		return s + "<terms>"
	}
	return s + "a <term>"
}

// vpTemplate is p's pattern with a property as shown in parse errors, e.g.
// "All <terms> <verb phrase>" or "<name> does not <verb phrase>".
func (p pattern) vpTemplate() string {
	s := p.subjectTemplate() + " "
	switch {
	case p.negated && p.plural:
		s += "do not "
	case p.negated:
		s += "does not "
	case !p.plural:
		return s + "<verb phrase with -s>"
	}
	return s + "<verb phrase>"
}

func (p pattern) subjectTemplate() string {
	switch {
	case p.lead == "" && p.plural:
		return "<Terms>"
	case p.lead == "":
		return "<name>"
	case p.plural:
		return p.lead + " <terms>"
	}
	return p.lead + " <term>"
}
