package gen

import (
	"fmt"
	"strings"
)

// Presentation is how an item is shown, apart from its form and content.
// No presentation changes the expected answer.
type Presentation struct {
	ShufflePremises bool // premises in an order drawn from the seed, never their own
	VaryPhrasing    bool // each statement in another phrasing than the default (where it has one), drawn from the seed
	ShuffleOptions  bool // choice options in an order drawn from the seed, never their own
	Wording         int  // which wording of the question, 0 … Wordings-1
	// BarePlurals writes every All statement that has one as a bare
	// plural ("Squares are polygons."), the article's way of writing it,
	// which english reads as universal: the same statement, so the same
	// answer under either semantics. A subject that cannot go bare (a
	// letter, a capitalised name) keeps its phrasing.
	BarePlurals bool
	// DirectQuestion asks a validity or truth question's conclusion as a
	// direct question, the article's other way of asking: "Are all
	// squares triangles?" instead of "Conclusion: All squares are
	// triangles. Does the conclusion necessarily follow from the
	// premises?", and with BarePlurals "Are squares triangles?" (see
	// english.Ask). The prompt says to answer yes only if the premises
	// make it certain (true, false or unknown for a truth question), so
	// the question means what the other asks under either semantics. A
	// conclusion with no such question keeps its phrasing.
	DirectQuestion bool
}

// Wordings is the number of question wordings of each kind.
const Wordings = 3

// Canonical is the plain presentation: premises in form order, default
// phrasings, options in CCOBRA order, the first wording.
var Canonical = Presentation{}

// Presentations lists the variants the invariance probe compares, the
// canonical one first.
func Presentations() []Presentation {
	return []Presentation{
		Canonical,
		{ShufflePremises: true},
		{VaryPhrasing: true},
		{ShuffleOptions: true, Wording: 1},
		{ShufflePremises: true, VaryPhrasing: true, ShuffleOptions: true, Wording: 2, BarePlurals: true},
		{Wording: 1, BarePlurals: true, DirectQuestion: true},
	}
}

// String names the presentation, e.g. "canonical" or "order+phrasing+w2".
func (p Presentation) String() string {
	var parts []string
	if p.ShufflePremises {
		parts = append(parts, "order")
	}
	if p.VaryPhrasing {
		parts = append(parts, "phrasing")
	}
	if p.ShuffleOptions {
		parts = append(parts, "options")
	}
	if p.Wording != 0 {
		parts = append(parts, fmt.Sprintf("w%d", p.Wording))
	}
	if p.BarePlurals {
		parts = append(parts, "bare")
	}
	if p.DirectQuestion {
		parts = append(parts, "ask")
	}
	if len(parts) == 0 {
		return "canonical"
	}
	return strings.Join(parts, "+")
}

// ParsePresentation is the inverse of [Presentation.String].
func ParsePresentation(name string) (Presentation, error) {
	var p Presentation
	if name == "canonical" {
		return p, nil
	}
	for part := range strings.SplitSeq(name, "+") {
		switch {
		case part == "order":
			p.ShufflePremises = true
		case part == "phrasing":
			p.VaryPhrasing = true
		case part == "options":
			p.ShuffleOptions = true
		case part == "bare":
			p.BarePlurals = true
		case part == "ask":
			p.DirectQuestion = true
		case len(part) == 2 && part[0] == 'w' && part[1] >= '1' && part[1] < '0'+Wordings:
			p.Wording = int(part[1] - '0')
		default:
			return p, fmt.Errorf("presentation %q: unknown part %q (want canonical, or order, phrasing, options, w1-w%d, bare, ask joined by +)", name, part, Wordings-1)
		}
	}
	return p, nil
}

// checkPresentation reports a presentation no prompt can show.
func checkPresentation(p Presentation) error {
	if p.Wording < 0 || p.Wording >= Wordings {
		return fmt.Errorf("presentation wording %d: want 0 to %d", p.Wording, Wordings-1)
	}
	return nil
}
