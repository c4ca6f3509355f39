package stats

import (
	"fmt"
	"math"
)

// Thresholds are the settings of a paired comparison, in the shape of
// golang.org/x/perf/benchmath's Thresholds: one place to say how strict a
// comparison is, so that every caller judges alike.
type Thresholds struct {
	Alpha float64 // significance level of the (Holm-corrected) test; 0.05
	Power float64 // the power wanted when judging whether n is enough; 0.8
	Drop  float64 // the smallest drop in accuracy worth detecting; 0.05 (5 points)
}

// DefaultThresholds are α = 0.05, power 0.8, a 5-point drop: the
// conventional level and power (Cohen 1988), and a drop small enough to
// matter in a benchmark yet detectable with a few hundred items.
var DefaultThresholds = Thresholds{Alpha: 0.05, Power: 0.8, Drop: 0.05}

// PairedCounts are the results of a baseline and a candidate on the same
// N items: Regressions are items right on the baseline and wrong on the
// candidate, Improvements the reverse.
type PairedCounts struct{ N, BaseCorrect, CandCorrect, Regressions, Improvements int }

// PairedResult is a paired comparison of a baseline and a candidate.
type PairedResult struct {
	PairedCounts
	BaseAcc, CandAcc float64 // correct / N; NaN when N == 0
	Delta            float64 // CandAcc − BaseAcc, negative for a drop
	H                float64 // Cohen's h of CandAcc vs BaseAcc, with Delta's sign
	// McNemar is the exact test on (Regressions, Improvements): its
	// Greater is the one-sided p-value for a regression, its Less for an
	// improvement.
	McNemar McNemarResult
	// Warnings say why the result may mislead without making it wrong,
	// as benchmath's do: too few items to have seen the drop, or none.
	Warnings []error
}

// Paired compares a baseline and a candidate on the same items. Pairing
// is what makes the comparison sharp: only the items on which they differ
// carry information, so the exact McNemar test is used rather than a test
// on two independent accuracies.
//
// A comparison that finds no significant drop is only reassuring if it
// could have found one, so Paired warns when N is below PairsNeeded at the
// thresholds. The disagreement it assumes is the observed share of
// discordant pairs, but never less than th.Drop: a drop of δ needs at
// least δ of the pairs to disagree, and ψ = δ gives the smallest n of all
// (at a power of ½ or more), so an observed share below it (none at all,
// say) does not make the warning fire spuriously.
//
// N == 0 gives a result with the warning "no paired items" and no error.
// Counts that are negative, above N, or that cannot come from the same N
// items are an error saying which, as are thresholds PairsNeeded rejects.
func Paired(c PairedCounts, th Thresholds) (PairedResult, error) {
	if err := c.check(); err != nil {
		return PairedResult{}, err
	}
	r := PairedResult{PairedCounts: c}
	var err error
	if r.McNemar, err = McNemar(c.Regressions, c.Improvements); err != nil {
		return PairedResult{}, fmt.Errorf("stats: Paired: %w", err)
	}
	psi := th.Drop
	if c.N > 0 {
		psi = max(psi, float64(c.Regressions+c.Improvements)/float64(c.N))
	}
	need, err := PairsNeeded(th.Drop, psi, th.Alpha, th.Power)
	if err != nil {
		return PairedResult{}, fmt.Errorf("stats: Paired: thresholds: %w", err)
	}
	if c.N == 0 {
		nan := math.NaN()
		r.BaseAcc, r.CandAcc, r.Delta, r.H = nan, nan, nan, nan
		r.Warnings = []error{fmt.Errorf("no paired items")}
		return r, nil
	}
	n := float64(c.N)
	r.BaseAcc = float64(c.BaseCorrect) / n
	r.CandAcc = float64(c.CandCorrect) / n
	r.Delta = float64(c.CandCorrect-c.BaseCorrect) / n // one rounding, not two
	r.H, _ = CohenH(r.CandAcc, r.BaseAcc)              // both lie in [0, 1]
	if c.N < need {
		are := "pairs are"
		if c.N == 1 {
			are = "pair is"
		}
		r.Warnings = append(r.Warnings, fmt.Errorf(
			"%d %s too few to detect a %.3g-point drop at α = %g with power %g (about %d needed if %.3g%% of pairs disagree)",
			c.N, are, 100*th.Drop, th.Alpha, th.Power, need, 100*psi))
	}
	return r, nil
}

// check reports the first way in which c cannot describe a baseline and
// a candidate answering the same N items.
func (c PairedCounts) check() error {
	if c.N < 0 {
		return fmt.Errorf("stats: Paired: negative number of items N = %d", c.N)
	}
	for _, f := range [...]struct {
		name string
		v    int
	}{
		{"BaseCorrect", c.BaseCorrect}, {"CandCorrect", c.CandCorrect},
		{"Regressions", c.Regressions}, {"Improvements", c.Improvements},
	} {
		if f.v < 0 || f.v > c.N {
			return fmt.Errorf("stats: Paired: %s = %d, want one in [0, N] = [0, %d]", f.name, f.v, c.N)
		}
	}
	switch {
	case c.Regressions > c.BaseCorrect:
		return fmt.Errorf("stats: Paired: %d regressions but only %d items right on the baseline", c.Regressions, c.BaseCorrect)
	case c.Improvements > c.CandCorrect:
		return fmt.Errorf("stats: Paired: %d improvements but only %d items right on the candidate", c.Improvements, c.CandCorrect)
	case c.CandCorrect-c.BaseCorrect != c.Improvements-c.Regressions:
		return fmt.Errorf("stats: Paired: counts disagree: CandCorrect − BaseCorrect = %d but Improvements − Regressions = %d",
			c.CandCorrect-c.BaseCorrect, c.Improvements-c.Regressions)
	// The checks above still allow more discordant items than there are
	// (N = 10, 8 right on each, 5 of each kind): the improvements must
	// also fit among the items wrong on the baseline.
	case c.Improvements > c.N-c.BaseCorrect:
		return fmt.Errorf("stats: Paired: %d improvements but only %d items wrong on the baseline", c.Improvements, c.N-c.BaseCorrect)
	}
	return nil
}
