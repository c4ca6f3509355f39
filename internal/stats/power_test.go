package stats

import (
	"fmt"
	"math"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// The mpmath values in this file were computed at 40 digits from the
// exact binary value of each float64 input. The normal quantiles solve
// log Φ(z) = log p by Newton's method (mpmath's erfinv(1 − 2p) runs out
// of working precision in the far tail) and agree with
// scipy.special.ndtri to within 1e-15 relative.

func TestCohenH(t *testing.T) {
	tests := []struct {
		p1, p2, want float64
		src          string
	}{
		// By hand: 2·asin(√½) − 2·asin(√¼) = π/2 − π/3 = π/6.
		{0.5, 0.25, math.Pi / 6, "π/6"},
		{0.25, 0.5, -math.Pi / 6, "−π/6"},
		// The extremes: 2·asin(1) − 2·asin(0) = π.
		{1, 0, math.Pi, "π"},
		{0, 1, -math.Pi, "−π"},
		{0, 0, 0, "equal"},
		{1, 1, 0, "equal"},
		{0.3, 0.3, 0, "equal"},
		// mpmath; statsmodels proportion_effectsize agrees to within 4e-16
		// absolute. Equal differences in accuracy are unequal effects:
		// 0.55 vs 0.5 is about half of 0.95 vs 0.9.
		{0.9, 0.8, 0.28379410920832780862, "mpmath"},
		{0.8, 0.9, -0.28379410920832780862, "mpmath"},
		{0.55, 0.5, 0.10016742116155988561, "mpmath"},
		{0.95, 0.9, 0.19247429699702167648, "mpmath"},
		{0.05, 0.1, -0.19247429699702196003, "mpmath"},
		{0.7, 0.75, -0.1120819295308109506, "mpmath"},
		// Nearly equal, and near 1 and 0 (mpmath), where the difference of
		// two arcsines cancels: statsmodels gives 2.1849e-13 and
		// 8.28307e-07 for the first two, wrong in the third digit.
		{0.3000000000001, 0.3, 2.1828574403872621723e-13, "mpmath"},
		{1 - 1e-12, 1 - 2e-12, 8.2841796157962566915e-7, "mpmath"},
		{1e-12, 0, 2.0000000000003333132e-6, "mpmath"},
	}
	for _, tt := range tests {
		t.Run(fmt.Sprintf("%v vs %v %s", tt.p1, tt.p2, tt.src), func(t *testing.T) {
			got, err := CohenH(tt.p1, tt.p2)
			if err != nil {
				t.Fatalf("CohenH(%v, %v) error: %v", tt.p1, tt.p2, err)
			}
			if diff := cmp.Diff(tt.want, got, mp); diff != "" {
				t.Errorf("CohenH(%v, %v) mismatch (-want +got):\n%s", tt.p1, tt.p2, diff)
			}
		})
	}
}

func TestCohenHErrors(t *testing.T) {
	for _, p := range [][2]float64{
		{-0.1, 0.5}, {0.5, -0.1}, {1.1, 0.5}, {0.5, 1.1},
		{math.NaN(), 0.5}, {0.5, math.NaN()}, {math.Inf(1), 0.5}, {0.5, math.Inf(-1)},
	} {
		if got, err := CohenH(p[0], p[1]); err == nil {
			t.Errorf("CohenH(%v, %v) = %v, want an error", p[0], p[1], got)
		}
	}
}

func TestNormalQuantile(t *testing.T) {
	tests := []struct {
		p, want float64
		src     string
	}{
		// The brief's values to 16 digits, which are also what
		// scipy.special.ndtri returns.
		{0.975, 1.959963984540054, "quoted"},
		{0.8, 0.8416212335729143, "quoted"},
		{0.99, 2.3263478740408408, "quoted"},
		// mpmath. The float64 nearest 0.975 lies below it, so its
		// quantile is 1.95996398454005386, not ...05424.
		{0.975, 1.9599639845400538556, "mpmath"},
		{0.025, -1.9599639845400542118, "mpmath"},
		{0.8, 0.8416212335729143638, "mpmath"},
		{0.2, -0.84162123357291416552, "mpmath"},
		{0.99, 2.3263478740408407676, "mpmath"},
		{0.01, -2.3263478740408410931, "mpmath"},
		{0.5, 0, "symmetry"},
		// Either side of the first split of AS 241, |p − ½| = 0.425.
		{0.075, -1.4395314709384559349, "mpmath"},
		{0.0749, -1.4402382675279636631, "mpmath"},
		{0.925, 1.4395314709384562291, "mpmath"},
		// Tails, and the second split, √(−log p) = 5.
		{0.999999, 4.7534243088170877657, "mpmath"},
		{1e-10, -6.3613409024040561991, "mpmath"},
		{1 - 1e-10, 6.3613408896974218642, "mpmath"},
		{math.Exp(-25), -6.6579046435011035837, "mpmath"},
		{1e-20, -9.2623400897984075796, "mpmath"},
		{1e-100, -21.273453560965324294, "mpmath"},
		{1e-300, -37.047096299361199237, "mpmath"},
		// The smallest normal and the smallest subnormal float64.
		{0x1p-1022, -37.519379347144499821, "mpmath"},
		{math.SmallestNonzeroFloat64, -38.467405617144346251, "mpmath"},
	}
	for _, tt := range tests {
		t.Run(fmt.Sprintf("%v %s", tt.p, tt.src), func(t *testing.T) {
			got, err := NormalQuantile(tt.p)
			if err != nil {
				t.Fatalf("NormalQuantile(%v) error: %v", tt.p, err)
			}
			if diff := cmp.Diff(tt.want, got, mp); diff != "" {
				t.Errorf("NormalQuantile(%v) mismatch (-want +got):\n%s", tt.p, diff)
			}
		})
	}
	// Z95 is the quantile of 0.975 itself, which lies nearly 2 ulp above that
	// of the float64 nearest it.
	if z, _ := NormalQuantile(0.975); math.Abs(z-Z95) > 1e-15 {
		t.Errorf("NormalQuantile(0.975) = %v, want Z95 = %v", z, Z95)
	}
}

// TestNormalQuantileShape checks that the quantile is odd about ½ and
// increasing, and continuous across the splits between AS 241's three
// approximations and at the subnormal boundary, where a typo in a
// coefficient would show as a jump.
func TestNormalQuantileShape(t *testing.T) {
	// For p ≥ ½, 1−p is exact, so the symmetry can be asked exactly.
	for i := range 1000 {
		p := 0.5 + float64(i)/2000
		hi, _ := NormalQuantile(p)
		lo, _ := NormalQuantile(1 - p)
		if hi != -lo {
			t.Fatalf("NormalQuantile(%v) = %v but NormalQuantile(%v) = %v", p, hi, 1-p, lo)
		}
	}
	// At neighbouring float64s the true quantile moves by less than an
	// ulp of itself, so the computed one may stand still or, where two
	// approximations meet, step back by an ulp (it does at 0.075), but
	// must not jump.
	for _, split := range []float64{0.075, 0.925, math.Exp(-25), 0x1p-1022} {
		p := split
		for range 20 {
			p = math.Nextafter(p, 0)
		}
		prev, _ := NormalQuantile(p)
		for range 40 {
			p = math.Nextafter(p, 1)
			z, err := NormalQuantile(p)
			if err != nil {
				t.Fatal(err)
			}
			if step := z - prev; math.Abs(step) > 1e-14 {
				t.Fatalf("NormalQuantile steps by %v at %v, near the split at %v", step, p, split)
			}
			prev = z
		}
	}
	// Steps of 1e-6 across the whole range.
	prev := math.Inf(-1)
	for i := 1; i < 1000000; i++ {
		z, _ := NormalQuantile(float64(i) / 1e6)
		if !(z > prev) {
			t.Fatalf("NormalQuantile(%v) = %v, not above %v", float64(i)/1e6, z, prev)
		}
		prev = z
	}
}

func TestNormalQuantileErrors(t *testing.T) {
	for _, p := range []float64{0, 1, -0.5, 1.5, math.NaN(), math.Inf(1), math.Inf(-1)} {
		if got, err := NormalQuantile(p); err == nil {
			t.Errorf("NormalQuantile(%v) = %v, want an error", p, got)
		}
	}
}

func TestPairsNeeded(t *testing.T) {
	tests := []struct {
		drop, discordant, alpha, power float64
		want                           int
		src                            string
	}{
		// powerandsamplesize.com (HyLown Consulting; mirrored at
		// zarathucorp.github.io/open-powersamplesize), "Compare Paired
		// Proportions: McNemar's Z-test, 2-Sided Equality", after Connor
		// (1987) p. 209: p10 = 0.05, p01 = 0.45, α = 0.05, β = 0.2 gives
		// 23. mpmath: 22.0113.
		{0.4, 0.5, 0.05, 0.8, 23, "HyLown 2-sided"},
		// The same site's 1-sided page: α = 0.05 one-sided, β = 0.1 gives
		// 23; one-sided at α is two-sided at 2α. mpmath: 22.81.
		{0.4, 0.5, 0.1, 0.9, 23, "HyLown 1-sided"},
		// mpmath, from Connor's formula; scipy.stats.norm.ppf in float64
		// gives the same unrounded n to within 1e-11 relative.
		{0.05, 0.05, 0.05, 0.8, 155, "mpmath 154.5986"},
		{0.05, 0.07, 0.05, 0.8, 218, "mpmath 217.3958"},
		{0.05, 0.10, 0.05, 0.8, 312, "mpmath 311.5869"},
		{0.05, 0.15, 0.05, 0.8, 469, "mpmath 468.5680"},
		{0.05, 1.0 / 6, 0.05, 0.8, 521, "mpmath 520.8945"},
		{0.05, 1, 0.05, 0.8, 3138, "mpmath 3137.1930"},
		{0.05, 0.05, 0.05 / 3, 0.8, 207, "mpmath 206.6333"},
		{0.02, 0.10, 0.05, 0.9, 2623, "mpmath 2622.6991"},
		{0.1, 0.2, 0.01, 0.8, 231, "mpmath 230.6754"},
		{0.1, 0.15, 0.01, 0.9, 219, "mpmath 218.1904"},
		{0.01, 0.3, 1e-6, 0.99, 156282, "mpmath 156281.1883"},
		{1e-4, 0.5, 0.05, 0.8, 392443985, "mpmath 392443984.3596"},
		// A power below ½: the root is 0.0294 (mpmath), n = 0.0054.
		{0.4, 0.5, 0.05, 0.01, 1, "mpmath 0.0054"},
		// Lower still the root is −0.416 (mpmath): squaring it would give
		// 2, but every n has this power.
		{0.4, 0.5, 0.05, 0.001, 1, "negative root"},
	}
	for _, tt := range tests {
		name := fmt.Sprintf("δ=%v ψ=%v α=%v power=%v %s", tt.drop, tt.discordant, tt.alpha, tt.power, tt.src)
		t.Run(name, func(t *testing.T) {
			got, err := PairsNeeded(tt.drop, tt.discordant, tt.alpha, tt.power)
			if err != nil {
				t.Fatalf("PairsNeeded error: %v", err)
			}
			if got != tt.want {
				t.Errorf("PairsNeeded = %d, want %d", got, tt.want)
			}
		})
	}
}

// TestPairsNeededPower checks PairsNeeded against the power function it
// inverts, Φ((δ√n − z_{1−α/2}·√ψ) / √(ψ − δ²)) (Connor 1987, with the
// far tail dropped), evaluated here with math.Erfc: the power reaches
// the target at the n returned and falls short one pair earlier.
func TestPairsNeededPower(t *testing.T) {
	powerAt := func(n int, drop, psi, alpha float64) float64 {
		za, _ := NormalQuantile(alpha / 2)
		x := (drop*math.Sqrt(float64(n)) + za*math.Sqrt(psi)) / math.Sqrt(psi-drop*drop)
		return math.Erfc(-x/math.Sqrt2) / 2
	}
	for _, drop := range []float64{0.01, 0.03, 0.05, 0.1, 0.2, 0.4} {
		for _, k := range []float64{1, 1.5, 2, 4, 10} {
			psi := min(1, k*drop)
			for _, alpha := range []float64{0.001, 0.01, 0.05, 0.2} {
				for _, power := range []float64{0.5, 0.8, 0.9, 0.99} {
					n, err := PairsNeeded(drop, psi, alpha, power)
					if err != nil {
						t.Fatal(err)
					}
					if got := powerAt(n, drop, psi, alpha); got < power*(1-1e-12) {
						t.Errorf("PairsNeeded(%v, %v, %v, %v) = %d, but its power is %v", drop, psi, alpha, power, n, got)
					}
					if got := powerAt(n-1, drop, psi, alpha); n > 1 && got >= power {
						t.Errorf("PairsNeeded(%v, %v, %v, %v) = %d, but %d already has power %v", drop, psi, alpha, power, n, n-1, got)
					}
				}
			}
		}
	}
}

// TestPairsNeededMonotone checks the directions any sample size must
// move in: more pairs for a smaller drop, more power, a smaller α, or
// more disagreement.
func TestPairsNeededMonotone(t *testing.T) {
	need := func(drop, psi, alpha, power float64) int {
		n, err := PairsNeeded(drop, psi, alpha, power)
		if err != nil {
			t.Fatal(err)
		}
		return n
	}
	prev := 0
	for drop := 0.5; drop >= 0.005; drop -= 0.005 {
		if n := need(drop, 0.5, 0.05, 0.8); n < prev {
			t.Errorf("a drop of %v needs %d pairs, fewer than %d for a larger drop", drop, n, prev)
		} else {
			prev = n
		}
	}
	prev = 0
	for power := 0.5; power < 0.999; power += 0.01 {
		if n := need(0.05, 0.2, 0.05, power); n < prev {
			t.Errorf("power %v needs %d pairs, fewer than %d for less power", power, n, prev)
		} else {
			prev = n
		}
	}
	prev = 0
	for alpha := 0.5; alpha > 1e-8; alpha /= 2 {
		if n := need(0.05, 0.2, alpha, 0.8); n < prev {
			t.Errorf("α = %v needs %d pairs, fewer than %d for a larger α", alpha, n, prev)
		} else {
			prev = n
		}
	}
	prev = 0
	for psi := 0.05; psi <= 1; psi += 0.01 {
		if n := need(0.05, psi, 0.05, 0.8); n < prev {
			t.Errorf("discordance %v needs %d pairs, fewer than %d for less", psi, n, prev)
		} else {
			prev = n
		}
	}
}

func TestPairsNeededErrors(t *testing.T) {
	nan := math.NaN()
	tests := []struct{ drop, discordant, alpha, power float64 }{
		{0.05, 0.1, 0, 0.8},
		{0.05, 0.1, 1, 0.8},
		{0.05, 0.1, -0.05, 0.8},
		{0.05, 0.1, nan, 0.8},
		{0.05, 0.1, 0.05, 0},
		{0.05, 0.1, 0.05, 1},
		{0.05, 0.1, 0.05, nan},
		{0, 0.1, 0.05, 0.8},
		{1, 1, 0.05, 0.8},
		{-0.05, 0.1, 0.05, 0.8},
		{nan, 0.1, 0.05, 0.8},
		{0.05, 0.04, 0.05, 0.8},
		{0.05, 1.01, 0.05, 0.8},
		{0.05, nan, 0.05, 0.8},
		{0.05, math.Inf(1), 0.05, 0.8},
		// About 7.85e18 pairs, beyond 2^53.
		{1e-9, 1, 0.05, 0.8},
		// δ² underflows to 0.
		{1e-200, 0.5, 0.05, 0.8},
	}
	for _, tt := range tests {
		if got, err := PairsNeeded(tt.drop, tt.discordant, tt.alpha, tt.power); err == nil {
			t.Errorf("PairsNeeded(%v, %v, %v, %v) = %d, want an error", tt.drop, tt.discordant, tt.alpha, tt.power, got)
		}
	}
}
