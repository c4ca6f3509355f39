package stats

import (
	"fmt"
	"math"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
)

// messages turns warnings into their text, for comparison.
func messages(ws []error) []string {
	var s []string
	for _, w := range ws {
		s = append(s, w.Error())
	}
	return s
}

func TestPaired(t *testing.T) {
	// The accuracies and deltas are exact ratios; H is CohenH's value,
	// from mpmath; the McNemar p-values are scipy.stats.binomtest(
	// Regressions, Regressions+Improvements, 0.5), two-sided, "greater"
	// and "less"; the pairs needed are PairsNeeded's, from mpmath in
	// TestPairsNeeded.
	tests := []struct {
		name     string
		c        PairedCounts
		th       Thresholds
		want     PairedResult
		warnings []string
	}{
		// ψ = 30/200 = 0.15 observed: 469 pairs needed (mpmath 468.57).
		{"drop, too few", PairedCounts{200, 150, 140, 20, 10}, DefaultThresholds,
			PairedResult{
				BaseAcc: 0.75, CandAcc: 0.7, Delta: -0.05, H: -0.1120819295308109506,
				McNemar: McNemarResult{20, 10, 0.09873714670538905, 0.049368573352694525, 0.9786130273714662},
			},
			[]string{"200 pairs are too few to detect a 5-point drop at α = 0.05 with power 0.8 (about 469 needed if 15% of pairs disagree)"}},
		// ψ = 0.07: 218 needed (mpmath 217.40), well below 1000.
		{"drop, enough", PairedCounts{1000, 800, 770, 50, 20}, DefaultThresholds,
			PairedResult{
				BaseAcc: 0.8, CandAcc: 0.77, Delta: -0.03, H: -0.073063999393362548262,
				McNemar: McNemarResult{50, 20, 0.00044028500651396835, 0.00022014250325698418, 0.9999169790896985},
			},
			nil},
		// The same counts as the first case with stricter thresholds: a
		// 10-point drop at α = 0.01 and power 0.9 needs 219 (mpmath 218.19).
		{"own thresholds", PairedCounts{200, 150, 140, 20, 10}, Thresholds{Alpha: 0.01, Power: 0.9, Drop: 0.1},
			PairedResult{
				BaseAcc: 0.75, CandAcc: 0.7, Delta: -0.05, H: -0.1120819295308109506,
				McNemar: McNemarResult{20, 10, 0.09873714670538905, 0.049368573352694525, 0.9786130273714662},
			},
			[]string{"200 pairs are too few to detect a 10-point drop at α = 0.01 with power 0.9 (about 219 needed if 15% of pairs disagree)"}},
		// An improvement: ψ = 75/300 = 0.25, 783 needed (mpmath 782.53).
		// H by hand: 2·asin(√0.5) − 2·asin(√0.25) = π/6.
		{"improvement", PairedCounts{300, 75, 150, 0, 75}, DefaultThresholds,
			PairedResult{
				BaseAcc: 0.25, CandAcc: 0.5, Delta: 0.25, H: math.Pi / 6,
				// Exact: 2·2^-75, P[X ≥ 0] = 1, 2^-75.
				McNemar: McNemarResult{0, 75, 0x1p-74, 1, 0x1p-75},
			},
			[]string{"300 pairs are too few to detect a 5-point drop at α = 0.05 with power 0.8 (about 783 needed if 25% of pairs disagree)"}},
		// ψ = 50/300 = 1/6, 521 needed (mpmath 520.89).
		{"improvement, mixed", PairedCounts{300, 200, 230, 10, 40}, DefaultThresholds,
			PairedResult{
				BaseAcc: 2.0 / 3, CandAcc: 230.0 / 300, Delta: 0.1,
				H:       0.22269933508973388364,
				McNemar: McNemarResult{10, 40, 2.3861331676755526e-05, 0.9999971929499534, 1.1930665838377763e-05},
			},
			[]string{"300 pairs are too few to detect a 5-point drop at α = 0.05 with power 0.8 (about 521 needed if 16.7% of pairs disagree)"}},
		// One item, right on both: ψ = drop, 155 needed (mpmath 154.60).
		{"one item", PairedCounts{1, 1, 1, 0, 0}, DefaultThresholds,
			PairedResult{BaseAcc: 1, CandAcc: 1, McNemar: McNemarResult{0, 0, 1, 1, 1}},
			[]string{"1 pair is too few to detect a 5-point drop at α = 0.05 with power 0.8 (about 155 needed if 5% of pairs disagree)"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := Paired(tt.c, tt.th)
			if err != nil {
				t.Fatalf("Paired(%+v) error: %v", tt.c, err)
			}
			want := tt.want
			want.PairedCounts = tt.c
			if diff := cmp.Diff(want, got, mp, cmpopts.IgnoreFields(PairedResult{}, "Warnings")); diff != "" {
				t.Errorf("Paired(%+v) mismatch (-want +got):\n%s", tt.c, diff)
			}
			if diff := cmp.Diff(tt.warnings, messages(got.Warnings)); diff != "" {
				t.Errorf("Paired(%+v) warnings mismatch (-want +got):\n%s", tt.c, diff)
			}
		})
	}
}

// TestPairedThreshold checks that the warning turns off exactly at the
// pairs needed, both with the discordance assumed when too little is
// seen and with the discordance observed.
func TestPairedThreshold(t *testing.T) {
	tests := []struct {
		c    PairedCounts
		warn bool
	}{
		// No discordant pairs: ψ is taken to be the drop, 0.05, which
		// needs 155 pairs (mpmath 154.60).
		{PairedCounts{154, 100, 100, 0, 0}, true},
		{PairedCounts{155, 100, 100, 0, 0}, false},
		// 7 discordant pairs in 155 are fewer than 5%: the same.
		{PairedCounts{154, 100, 99, 4, 3}, true},
		{PairedCounts{155, 100, 99, 4, 3}, false},
		// 15 discordant pairs: at N = 215, ψ = 15/215 needs 217 (mpmath
		// 216.67); at N = 216, ψ = 15/216 needs 216 (mpmath 215.65).
		{PairedCounts{215, 150, 141, 12, 3}, true},
		{PairedCounts{216, 150, 141, 12, 3}, false},
		// 30 discordant pairs: 305 warns (307 needed, mpmath 306.44), 306
		// does not (306 needed, mpmath 305.43).
		{PairedCounts{305, 200, 180, 25, 5}, true},
		{PairedCounts{306, 200, 180, 25, 5}, false},
		// Observed ψ = 0.15 at N = 400 needs 469 (mpmath 468.57), though
		// 400 would be ample if ψ were the drop's 0.05.
		{PairedCounts{400, 300, 280, 40, 20}, true},
	}
	for _, tt := range tests {
		got, err := Paired(tt.c, DefaultThresholds)
		if err != nil {
			t.Fatalf("Paired(%+v) error: %v", tt.c, err)
		}
		if warned := len(got.Warnings) > 0; warned != tt.warn {
			t.Errorf("Paired(%+v) warnings %q, want a warning: %v", tt.c, messages(got.Warnings), tt.warn)
		}
	}
}

func TestPairedEmpty(t *testing.T) {
	got, err := Paired(PairedCounts{}, DefaultThresholds)
	if err != nil {
		t.Fatalf("Paired(PairedCounts{}) error: %v", err)
	}
	// No items: the accuracies are 0/0, and McNemar with no discordant
	// pairs is p = 1 everywhere, as documented.
	nan := math.NaN()
	want := PairedResult{BaseAcc: nan, CandAcc: nan, Delta: nan, H: nan, McNemar: McNemarResult{0, 0, 1, 1, 1}}
	if diff := cmp.Diff(want, got, cmpopts.EquateNaNs(), cmpopts.IgnoreFields(PairedResult{}, "Warnings")); diff != "" {
		t.Errorf("Paired(PairedCounts{}) mismatch (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff([]string{"no paired items"}, messages(got.Warnings)); diff != "" {
		t.Errorf("Paired(PairedCounts{}) warnings mismatch (-want +got):\n%s", diff)
	}
}

func TestPairedErrors(t *testing.T) {
	tests := []struct {
		c    PairedCounts
		th   Thresholds
		says string // a part of the error that names the problem
	}{
		{PairedCounts{-1, 0, 0, 0, 0}, DefaultThresholds, "negative number of items"},
		{PairedCounts{10, -1, 0, 0, 0}, DefaultThresholds, "BaseCorrect = -1"},
		{PairedCounts{10, 11, 10, 1, 0}, DefaultThresholds, "BaseCorrect = 11"},
		{PairedCounts{10, 5, -1, 0, 0}, DefaultThresholds, "CandCorrect = -1"},
		{PairedCounts{10, 5, 11, 0, 0}, DefaultThresholds, "CandCorrect = 11"},
		{PairedCounts{10, 5, 5, -1, 0}, DefaultThresholds, "Regressions = -1"},
		{PairedCounts{10, 5, 5, 11, 0}, DefaultThresholds, "Regressions = 11"},
		{PairedCounts{10, 5, 5, 0, -1}, DefaultThresholds, "Improvements = -1"},
		{PairedCounts{10, 5, 5, 0, 11}, DefaultThresholds, "Improvements = 11"},
		{PairedCounts{10, 2, 0, 3, 1}, DefaultThresholds, "3 regressions but only 2 items right on the baseline"},
		{PairedCounts{10, 5, 2, 0, 3}, DefaultThresholds, "3 improvements but only 2 items right on the candidate"},
		{PairedCounts{10, 5, 6, 1, 1}, DefaultThresholds, "counts disagree"},
		{PairedCounts{10, 5, 5, 2, 1}, DefaultThresholds, "counts disagree"},
		// Passes the four checks above, but 8 right on the baseline and 5
		// improvements make 13 items out of 10.
		{PairedCounts{10, 8, 8, 5, 5}, DefaultThresholds, "5 improvements but only 2 items wrong on the baseline"},
		{PairedCounts{100, 50, 50, 5, 5}, Thresholds{}, "thresholds"},
		{PairedCounts{100, 50, 50, 5, 5}, Thresholds{Alpha: 1, Power: 0.8, Drop: 0.05}, "alpha"},
		{PairedCounts{100, 50, 50, 5, 5}, Thresholds{Alpha: 0.05, Power: math.NaN(), Drop: 0.05}, "power"},
		{PairedCounts{100, 50, 50, 5, 5}, Thresholds{Alpha: 0.05, Power: 0.8, Drop: 0}, "drop"},
		// Bad thresholds are an error even with no items.
		{PairedCounts{}, Thresholds{Alpha: 0.05, Power: 0.8, Drop: -0.05}, "drop"},
	}
	if math.MaxInt > 1<<53 {
		// Valid counts, but more discordant pairs than McNemar takes.
		h := math.MaxInt / 2
		tests = append(tests, struct {
			c    PairedCounts
			th   Thresholds
			says string
		}{PairedCounts{2 * h, h, h, h, h}, DefaultThresholds, "2^53"})
	}
	for _, tt := range tests {
		got, err := Paired(tt.c, tt.th)
		if err == nil {
			t.Errorf("Paired(%+v, %+v) = %+v, want an error", tt.c, tt.th, got)
			continue
		}
		if !strings.Contains(err.Error(), tt.says) {
			t.Errorf("Paired(%+v, %+v) error %q, want one saying %q", tt.c, tt.th, err, tt.says)
		}
	}
}

func ExamplePaired() {
	// A candidate model and its baseline on the same 200 items: 20
	// items the baseline got right are now wrong, 10 the other way.
	r, err := Paired(PairedCounts{N: 200, BaseCorrect: 150, CandCorrect: 140, Regressions: 20, Improvements: 10}, DefaultThresholds)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Printf("accuracy %.1f%% → %.1f%% (%+.1f points, h = %.3f)\n", 100*r.BaseAcc, 100*r.CandAcc, 100*r.Delta, r.H)
	fmt.Printf("%d regressions, %d improvements: McNemar p = %.3f, one-sided p = %.3f\n",
		r.Regressions, r.Improvements, r.McNemar.TwoSided, r.McNemar.Greater)
	for _, w := range r.Warnings {
		fmt.Println("warning:", w)
	}
	// Output:
	// accuracy 75.0% → 70.0% (-5.0 points, h = -0.112)
	// 20 regressions, 10 improvements: McNemar p = 0.099, one-sided p = 0.049
	// warning: 200 pairs are too few to detect a 5-point drop at α = 0.05 with power 0.8 (about 469 needed if 15% of pairs disagree)
}

func BenchmarkPaired(b *testing.B) {
	for _, c := range []PairedCounts{
		{200, 150, 140, 20, 10},
		{1000, 800, 770, 50, 20},
		{1000000, 800000, 799000, 51000, 50000},
	} {
		b.Run(fmt.Sprintf("N=%d", c.N), func(b *testing.B) {
			for b.Loop() {
				if _, err := Paired(c, DefaultThresholds); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
