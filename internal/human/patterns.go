package human

import (
	"slices"

	"github.com/syllobench/syllobench/internal/ccobra"
	"github.com/syllobench/syllobench/internal/forms"
	"github.com/syllobench/syllobench/internal/logic"
)

// Figural counts the direction of the conclusions (NVC left out) in the
// two figures where people show the figural effect (Johnson-Laird &
// Bara 1984, Cognition 16): figure 1 (a–b, b–c) draws a–c conclusions,
// figure 2 (b–a, c–b) draws c–a ones. A model with the human bias has
// Fig1AC > Fig1CA and Fig2CA > Fig2AC.
type Figural struct {
	Fig1AC, Fig1CA int
	Fig2AC, Fig2CA int
}

// FiguralEffect counts the conclusion directions in figures 1 and 2.
func FiguralEffect(c ccobra.Counts) Figural {
	var f Figural
	for i, p := range forms.Pairs() {
		for r, k := range c[i] {
			resp := forms.Response(r)
			if resp == forms.NVC {
				continue
			}
			ac := resp%2 == 0 // Aac, Iac, Eac, Oac are the even codes
			switch {
			case p.Figure == 1 && ac:
				f.Fig1AC += k
			case p.Figure == 1:
				f.Fig1CA += k
			case p.Figure == 2 && ac:
				f.Fig2AC += k
			case p.Figure == 2:
				f.Fig2CA += k
			}
		}
	}
	return f
}

// NVCRates is the share of NVC answers on the pairs with no valid
// conclusion under sem (where NVC is right) and on those with one (where
// it is wrong): a model that merely says "nothing follows" often scores
// well on the first and badly on the second.
func NVCRates(c ccobra.Counts, sem logic.Semantics) (noValid, valid Rate) {
	for i := range c {
		r := Rate{K: c[i][forms.NVC], N: c.Total(i)}
		if hasValid(i, sem) {
			valid.add(r)
		} else {
			noValid.add(r)
		}
	}
	return noValid, valid
}

// ConversionErrors counts the answers that are wrong for their pair
// under sem but would be right had one or both premises been converted
// (subject and predicate swapped), the error the illicit-conversion
// hypothesis explains (Chapman & Chapman 1959, J. Exp. Psychol. 58;
// Revlis 1975). This operational definition is syllobench's own: only A
// and O premises can be converted illicitly (E and I convert validly,
// so their converse leads to no new conclusion), and NVC never counts.
// N is all of the model's answers, so the rate reads as "this share of
// everything the model said".
func ConversionErrors(c ccobra.Counts, sem logic.Semantics) Rate {
	var r Rate
	for i, p := range forms.Pairs() {
		r.N += c.Total(i)
		valid := p.Valid(sem)
		var conv []forms.Response
		for _, q := range converses(p) {
			conv = append(conv, q.Valid(sem)...)
		}
		for resp, k := range c[i] {
			x := forms.Response(resp)
			if x != forms.NVC && !slices.Contains(valid, x) && slices.Contains(conv, x) {
				r.K += k
			}
		}
	}
	return r
}

// converses returns the pairs with the first, the second and both
// premises of p converted. Converting a premise reverses its terms,
// which changes the figure: the figure is the orientation of the two
// premises, 1 = (a–b, b–c), 2 = (b–a, c–b), 3 = (a–b, c–b), 4 = (b–a, b–c).
func converses(p forms.Pair) []forms.Pair {
	// firstAB: the first premise is a–b; secondBC: the second is b–c.
	firstAB := p.Figure == 1 || p.Figure == 3
	secondBC := p.Figure == 1 || p.Figure == 4
	figure := func(ab, bc bool) int {
		switch {
		case ab && bc:
			return 1
		case !ab && !bc:
			return 2
		case ab:
			return 3
		}
		return 4
	}
	return []forms.Pair{
		{First: p.First, Second: p.Second, Figure: figure(!firstAB, secondBC)},
		{First: p.First, Second: p.Second, Figure: figure(firstAB, !secondBC)},
		{First: p.First, Second: p.Second, Figure: figure(!firstAB, !secondBC)},
	}
}
