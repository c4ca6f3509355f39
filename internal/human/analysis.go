package human

import (
	"math"
	"slices"

	"github.com/syllobench/syllobench/internal/ccobra"
	"github.com/syllobench/syllobench/internal/forms"
	"github.com/syllobench/syllobench/internal/logic"
	"github.com/syllobench/syllobench/internal/stats"
)

// Rate is K of N answers.
type Rate struct{ K, N int }

// Value is K/N, NaN when N is 0, so that an empty rate cannot pass for 0%.
func (r Rate) Value() float64 {
	if r.N == 0 {
		return math.NaN()
	}
	return float64(r.K) / float64(r.N)
}

// Interval is the Wilson 95% interval of the rate.
func (r Rate) Interval() (stats.Interval, error) { return stats.Wilson(r.K, r.N, stats.Z95) }

func (r *Rate) add(o Rate) { r.K += o.K; r.N += o.N }

// hasValid reports whether pair i has a valid conclusion under sem.
func hasValid(i int, sem logic.Semantics) bool {
	return forms.Pairs()[i].Valid(sem)[0] != forms.NVC
}

// correct is how many of the answers to pair i are right under sem: in
// the pair's valid set, or NVC when the set is empty (forms.Pair.Valid
// returns just NVC then).
func correct(c *ccobra.Counts, i int, sem logic.Semantics) Rate {
	r := Rate{N: c.Total(i)}
	for _, v := range forms.Pairs()[i].Valid(sem) {
		r.K += c[i][v]
	}
	return r
}

// Accuracy is the share of right answers to each pair under sem, NaN for
// a pair with no answers.
func Accuracy(c ccobra.Counts, sem logic.Semantics) []float64 {
	acc := make([]float64, 64)
	for i := range acc {
		acc[i] = correct(&c, i, sem).Value()
	}
	return acc
}

// Correct pools the right answers over the pairs that have a valid
// conclusion under sem and, separately, over those that have none: the
// two figures the literature reports, since "no valid conclusion" is
// right on the one kind and wrong on the other.
func Correct(c ccobra.Counts, sem logic.Semantics) (valid, noValid Rate) {
	for i := range c {
		if hasValid(i, sem) {
			valid.add(correct(&c, i, sem))
		} else {
			noValid.add(correct(&c, i, sem))
		}
	}
	return valid, noValid
}

// MFA returns, for each pair, the most frequent answer in c. When
// several responses share the top count all of them are returned, in
// CCOBRA's response order: a tie is not broken by an arbitrary choice.
// A pair with no answers has none.
func MFA(c ccobra.Counts) [64][]forms.Response {
	var out [64][]forms.Response
	for i := range c {
		top := slices.Max(c[i][:])
		if top == 0 {
			continue
		}
		for r, k := range c[i] {
			if k == top {
				out[i] = append(out[i], forms.Response(r))
			}
		}
	}
	return out
}

// MFAMatch is the share of the model's answers that equal the most
// frequent answer people gave to the same pair, the standard measure of
// the CCOBRA benchmarks (Riesterer, Brand & Ragni 2020, "Predictive
// modeling of individual human cognition", CCOBRA's "MFA" model).
// Where people's top answers tie, an answer equal to any of them
// matches (Ragni 2016 has no ties; a test checks). Pairs where
// people gave no answers are left out.
func MFAMatch(model, people ccobra.Counts) Rate {
	var r Rate
	mfa := MFA(people)
	for i := range model {
		if len(mfa[i]) == 0 {
			continue
		}
		r.N += model.Total(i)
		for _, m := range mfa[i] {
			r.K += model[i][m]
		}
	}
	return r
}

// Fit is how much of a model's answers one theory predicts.
type Fit struct {
	Theory string
	Rate   // answers the theory predicts, of all answers
}

// TheoryFit returns, for each theory of ccobra.Theories in that order, the
// share of the model's answers that are among the responses the theory
// predicts for the pair (Khemlani & Johnson-Laird 2012's prediction
// table). A theory predicting many responses fits more answers easily;
// the table reports how many each predicts on average to weigh that.
func TheoryFit(c ccobra.Counts, d *ccobra.Data) []Fit {
	fits := make([]Fit, 0, len(ccobra.Theories))
	for _, name := range ccobra.Theories {
		f := Fit{Theory: name}
		preds := d.Predictions[name]
		for i := range c {
			f.N += c.Total(i)
			for _, r := range preds[i] {
				f.K += c[i][r]
			}
		}
		fits = append(fits, f)
	}
	return fits
}

// Best returns the theories with the highest fit: all of them when they
// tie, none when there were no answers.
func Best(fits []Fit) []string {
	best := math.Inf(-1)
	var names []string
	for _, f := range fits {
		v := f.Value()
		switch {
		case math.IsNaN(v):
		case v > best:
			best, names = v, []string{f.Theory}
		case v == best:
			names = append(names, f.Theory)
		}
	}
	return names
}
