package gate

import (
	"fmt"
	"math"
	"math/rand/v2"
	"os"
	"strings"
	"testing"

	"github.com/syllobench/syllobench/internal/stats"
)

// The statistical cost of the gate: how many paired items it needs to
// detect a 5-point drop in accuracy at α = 0.05 with power 0.8. This
// simulates outcomes, not model calls: each item is right or wrong on the
// baseline and on the candidate by the draws below, and the gate's
// decision for one probe (exact two-sided McNemar at α, with more
// regressions than improvements, as Row.Worse; one probe, so Holm changes
// nothing) is taken on the counts. TestGatePowerDecision checks that
// Compare decides as the simulation does.
//
// Scenarios, with δ = 0.05 and baseline accuracy q, items independent:
//   - degraded: the candidate is the baseline made wrong on a random
//     extra δ of the items (each right item turns wrong with probability
//     δ/q): ref-logic (q = 1) or a weaker reasoner with a bug. Every
//     discordant pair is a regression, ψ = δ.
//   - independent: the candidate is right with probability q − δ whatever
//     the baseline did: another model as good as the baseline but for δ,
//     whose errors fall elsewhere, ψ = q(1−q+δ) + (1−q)(q−δ).
//
// SYLLOBENCH_POWER=1 go test ./internal/gate -run GatePower -v prints the
// tables of docs/performance.md; without it the test checks, quickly,
// that the simulation agrees with the exact power.

const (
	powerDrop  = 0.05
	powerAlpha = 0.05
	powerGoal  = 0.8
	powerReps  = 2000
)

type powerScenario struct {
	name        string
	q           float64 // baseline accuracy
	independent bool
}

func (s powerScenario) cand() float64 { return s.q - powerDrop }

// cells returns p10 (regression) and p01 (improvement), the
// probabilities that one pair is discordant each way.
func (s powerScenario) cells() (p10, p01 float64) {
	if !s.independent {
		return powerDrop, 0
	}
	return s.q * (1 - s.cand()), (1 - s.q) * s.cand()
}

func (s powerScenario) psi() float64 { p10, p01 := s.cells(); return p10 + p01 }

var powerScenarios = []powerScenario{
	{"q=1.0 (ref-logic), degraded", 1, false},
	{"q=0.9, degraded", 0.9, false},
	{"q=0.9, independent", 0.9, true},
	{"q=0.7, degraded", 0.7, false},
	{"q=0.7, independent", 0.7, true},
}

// detects is the gate's decision on one probe: regressions b,
// improvements c.
func detects(b, c int) bool {
	if b <= c {
		return false
	}
	mc, err := stats.McNemar(b, c)
	return err == nil && mc.TwoSided < powerAlpha
}

// thresholds returns k[m]: the fewest regressions among m discordant
// pairs that the gate detects (m+1 when none).
func thresholds(maxM int) []int {
	k := make([]int, maxM+1)
	for m := range k {
		k[m] = m + 1
		for b := m/2 + 1; b <= m; b++ {
			if detects(b, m-b) {
				k[m] = b
				break
			}
		}
	}
	return k
}

// simulate draws reps runs of n paired items and returns the share the
// gate detects.
func simulate(s powerScenario, n, reps int, r *rand.Rand) float64 {
	hits := 0
	for range reps {
		b, c := 0, 0
		for range n {
			base := r.Float64() < s.q
			var cand bool
			if s.independent {
				cand = r.Float64() < s.cand()
			} else {
				cand = base && r.Float64() >= powerDrop/s.q
			}
			switch {
			case base && !cand:
				b++
			case cand && !base:
				c++
			}
		}
		if detects(b, c) {
			hits++
		}
	}
	return float64(hits) / float64(reps)
}

func logBinom(k, n int, p float64) float64 {
	switch {
	case p == 0:
		if k == 0 {
			return 0
		}
		return math.Inf(-1)
	case p == 1:
		if k == n {
			return 0
		}
		return math.Inf(-1)
	}
	ln, _ := math.Lgamma(float64(n + 1))
	lk, _ := math.Lgamma(float64(k + 1))
	lnk, _ := math.Lgamma(float64(n - k + 1))
	return ln - lk - lnk + float64(k)*math.Log(p) + float64(n-k)*math.Log1p(-p)
}

// exactPower is the gate's power on n pairs, summed rather than drawn:
// the number of discordant pairs is M ~ Bin(n, ψ), and given M = m the
// regressions are Bin(m, p10/ψ); the gate detects b ≥ k[m]. Terms beyond
// 12 standard deviations (below e^-72) are left out.
func exactPower(s powerScenario, n int, k []int) float64 {
	p10, _ := s.cells()
	psi := s.psi()
	r := p10 / psi
	window := func(n int, p float64) (lo, hi int) {
		mean, sd := float64(n)*p, math.Sqrt(float64(n)*p*(1-p))
		return max(0, int(math.Floor(mean-12*sd-1))), min(n, int(math.Ceil(mean+12*sd+1)))
	}
	mlo, mhi := window(n, psi)
	power := 0.0
	for m := mlo; m <= mhi; m++ {
		if k[m] > m {
			continue
		}
		_, bhi := window(m, r)
		tail := 0.0
		for b := k[m]; b <= bhi; b++ {
			tail += math.Exp(logBinom(b, m, r))
		}
		power += math.Exp(logBinom(m, n, psi)) * tail
	}
	return power
}

// needed returns the smallest n at which the exact power reaches the
// goal, and the smallest from which it stays there up to limit (the
// exact test's power saws up and down with n).
func needed(s powerScenario, k []int, limit int) (first, stays int) {
	first, stays = -1, -1
	for n := 1; n <= limit; n++ {
		if exactPower(s, n, k) >= powerGoal {
			if first < 0 {
				first = n
			}
			if stays < 0 {
				stays = n
			}
		} else {
			stays = -1
		}
	}
	return first, stays
}

// batterySizes are the per-probe numbers of items of the battery at each
// size, as go test ./probes -run SizeBudget -v prints them.
var batterySizes = []struct {
	size  string
	probe []string
	n     []int
}{
	{"small", probeNames, []int{60, 32, 32, 40, 24, 24, 34, 24, 36}},
	{"default", probeNames, []int{240, 128, 128, 160, 96, 96, 130, 96, 144}},
	{"large", probeNames, []int{960, 512, 512, 640, 384, 384, 514, 384, 576}},
}

var probeNames = []string{"validity", "conclusions", "belief", "invariance", "instantiation", "consistency", "fallacies", "chains", "formats"}

// TestGatePower checks the simulation against the exact power at a few
// cells (within 4.5 standard errors of 2,000 draws), and with
// SYLLOBENCH_POWER=1 prints the tables of docs/performance.md.
func TestGatePower(t *testing.T) {
	full := os.Getenv("SYLLOBENCH_POWER") == "1"
	maxN := 3000
	k := thresholds(maxN)
	ns := []int{50, 100, 150, 200, 300, 500, 1000}
	r := rand.New(rand.NewPCG(2026, 8))
	se := func(p float64) float64 { return math.Sqrt(max(p*(1-p), 1e-4) / powerReps) }
	if !full {
		for _, s := range []powerScenario{powerScenarios[0], powerScenarios[2]} {
			for _, n := range []int{100, 300} {
				sim, exact := simulate(s, n, powerReps, r), exactPower(s, n, k)
				if math.Abs(sim-exact) > 4.5*se(exact) {
					t.Errorf("%s, n = %d: simulated power %.3f, exact %.3f", s.name, n, sim, exact)
				}
			}
		}
		return
	}
	var b strings.Builder
	fmt.Fprintf(&b, "\npower: simulated (%d runs each, PCG seed 2026) / exact\n\n", powerReps)
	fmt.Fprintf(&b, "| scenario | ψ |")
	for _, n := range ns {
		fmt.Fprintf(&b, " n = %d |", n)
	}
	fmt.Fprintf(&b, " n for 80%%: exact (first / stays) | Connor (stats.PairsNeeded) |\n|---|---|")
	for range ns {
		b.WriteString("---|")
	}
	b.WriteString("---|---|\n")
	for _, s := range powerScenarios {
		fmt.Fprintf(&b, "| %s | %.3f |", s.name, s.psi())
		for _, n := range ns {
			sim, exact := simulate(s, n, powerReps, r), exactPower(s, n, k)
			if math.Abs(sim-exact) > 4.5*se(exact) {
				t.Errorf("%s, n = %d: simulated power %.3f, exact %.3f", s.name, n, sim, exact)
			}
			fmt.Fprintf(&b, " %.3f / %.3f |", sim, exact)
		}
		first, stays := needed(s, k, maxN)
		connor, err := stats.PairsNeeded(powerDrop, s.psi(), powerAlpha, powerGoal)
		if err != nil {
			t.Fatal(err)
		}
		fmt.Fprintf(&b, " %d / %d | %d |\n", first, stays, connor)
	}
	fmt.Fprintf(&b, "\npower per probe at the battery's sizes (exact; the degraded scenarios all have the power of q=1.0)\n\n")
	fmt.Fprintf(&b, "| size | probe | n | q=1.0 or degraded | q=0.9, independent | q=0.7, independent |\n|---|---|---|---|---|---|\n")
	for _, sz := range batterySizes {
		for i, p := range sz.probe {
			n := sz.n[i]
			fmt.Fprintf(&b, "| %s | %s | %d | %.3f | %.3f | %.3f |\n", sz.size, p, n,
				exactPower(powerScenarios[0], n, k), exactPower(powerScenarios[2], n, k), exactPower(powerScenarios[4], n, k))
		}
	}
	t.Log(b.String())
}

// TestGatePowerDecision checks that the simulation's decision is the
// gate's: for random outcomes of one probe, Compare finds the probe
// worse exactly when detects does.
func TestGatePowerDecision(t *testing.T) {
	r := rand.New(rand.NewPCG(7, 7))
	seen := map[bool]int{}
	for rep := range 200 {
		n := 20 + r.IntN(200)
		s := powerScenarios[rep%len(powerScenarios)]
		base, cand := make([]bool, n), make([]bool, n)
		b, c := 0, 0
		for i := range n {
			base[i] = r.Float64() < s.q
			if s.independent {
				cand[i] = r.Float64() < s.cand()
			} else {
				cand[i] = base[i] && r.Float64() >= 3*powerDrop/s.q // a larger drop, so that some runs are detected
			}
			if base[i] && !cand[i] {
				b++
			} else if cand[i] && !base[i] {
				c++
			}
		}
		outcome := func(right []bool) func(string, int) string {
			return func(_ string, i int) string {
				if right[i] {
					return "correct"
				}
				return "wrong"
			}
		}
		cmp, err := Compare(card("base", []string{"validity"}, n, outcome(base)), card("cand", []string{"validity"}, n, outcome(cand)), stats.DefaultThresholds, nil)
		if err != nil {
			t.Fatal(err)
		}
		want := detects(b, c)
		if got := cmp.Rows[0].Worse(); got != want {
			t.Fatalf("n = %d, %d regressions, %d improvements: Compare says worse = %v, the simulation %v", n, b, c, got, want)
		}
		seen[want]++
	}
	if seen[true] == 0 || seen[false] == 0 {
		t.Errorf("decisions %v: want both", seen)
	}
}
