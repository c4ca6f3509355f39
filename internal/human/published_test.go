package human

import (
	"math"
	"testing"

	"github.com/syllobench/syllobench/internal/ccobra"
	"github.com/syllobench/syllobench/internal/logic"
)

// The summary figures published with the data (see data/PROVENANCE.md),
// recomputed from the raw Ragni 2016 file. The percentages are published
// to one decimal, so the tolerance is half of the last digit: 0.05
// percentage points. "Correct" is an answer in the pair's valid set
// under traditional semantics (CCOBRA's key), or NVC on a pair with none.
func TestPublishedFigures(t *testing.T) {
	d, err := ccobra.Load()
	if err != nil {
		t.Fatal(err)
	}
	valid, noValid := Correct(d.Ragni, logic.Traditional)
	// 27 pairs have a valid conclusion, 37 do not: 27·139 and 37·139 answers.
	if valid.N != 27*139 || noValid.N != 37*139 {
		t.Errorf("answers on pairs with/without a valid conclusion: %d/%d, want %d/%d", valid.N, noValid.N, 27*139, 37*139)
	}
	nvcNo, nvcValid := NVCRates(d.Ragni, logic.Traditional)
	nvc := Rate{K: nvcNo.K + nvcValid.K, N: nvcNo.N + nvcValid.N}
	for _, c := range []struct {
		name string
		got  float64
		want float64
	}{
		{"correct on pairs with a valid conclusion", 100 * valid.Value(), 47.9},
		{"correct on pairs without one", 100 * noValid.Value(), 36.7},
		{"NVC share of all answers", 100 * nvc.Value(), 27.7},
	} {
		if math.Abs(c.got-c.want) > 0.05 {
			t.Errorf("%s: %.3f%%, published %.1f%%", c.name, c.got, c.want)
		}
	}
	// Published to three decimals: tolerance 0.0005.
	corr, err := Correlate(Accuracy(d.Ragni, logic.Traditional), d.Khemlani.Accuracy(logic.Traditional))
	if err != nil {
		t.Fatal(err)
	}
	if math.Abs(corr.Pearson.R-0.946) > 0.0005 {
		t.Errorf("per-pair accuracy, Ragni 2016 vs Khemlani 2012: r = %.4f, published 0.946", corr.Pearson.R)
	}
	t.Logf("correct %.2f%% / %.2f%%, NVC %.2f%%, r = %.4f [%.3f, %.3f], rho = %.4f",
		100*valid.Value(), 100*noValid.Value(), 100*nvc.Value(), corr.Pearson.R, corr.Pearson.Lo, corr.Pearson.Hi, corr.Spearman.R)
}

// MFAMatch documents that Ragni 2016 has no ties for the most frequent
// answer; if the data changed so that it had, the doc would need saying so.
func TestRagniMFANoTies(t *testing.T) {
	d, err := ccobra.Load()
	if err != nil {
		t.Fatal(err)
	}
	for i, m := range MFA(d.Ragni) {
		if len(m) != 1 {
			t.Errorf("pair %d: %d most frequent answers", i, len(m))
		}
	}
}
