package stats

import (
	"fmt"
	"math"
)

// McNemarResult is the exact McNemar test on the discordant counts of
// paired binary outcomes, as when two models answer the same items: B is
// the number of pairs where only the first succeeds, C the number where
// only the second does. Under the null hypothesis that both succeed
// equally often, B is X ~ Bin(B+C, 1/2); the concordant pairs carry no
// information about the difference and do not enter.
type McNemarResult struct {
	B, C     int
	TwoSided float64 // min(1, 2·P[X ≤ min(B, C)]); 1 when B+C == 0
	Greater  float64 // one-sided, first succeeds more often: P[X ≥ B]
	Less     float64 // one-sided, first succeeds less often: P[X ≤ B]
}

// maxExact is the largest number of discordant pairs McNemar accepts:
// beyond 2^53 the counts are no longer exact in float64.
const maxExact = 1 << 53

// McNemar returns the exact (binomial) McNemar test for b and c discordant
// pairs. The exact test is used rather than the chi-squared approximation
// because benchmark comparisons often have few discordant pairs, where the
// approximation is poor. The tails are summed in scaled form from a
// log-space point probability, so they never overflow; they are accurate
// to about 1e-14 relative for b+c up to 10^6 (1e-9 at 2^53), and take
// O(√(b+c)) steps. A p-value below the smallest float64 underflows to 0.
// Negative counts, or b+c above 2^53, are an error.
func McNemar(b, c int) (McNemarResult, error) {
	if b < 0 || c < 0 {
		return McNemarResult{}, fmt.Errorf("stats: McNemar: negative discordant count (b=%d, c=%d)", b, c)
	}
	if b > maxExact-c {
		return McNemarResult{}, fmt.Errorf("stats: McNemar: %d+%d discordant pairs exceed 2^53", b, c)
	}
	n := b + c
	return McNemarResult{
		B: b,
		C: c,
		// P[X ≤ m] is symmetric under X → n−X for p = 1/2, so P[X ≥ b] = P[X ≤ c].
		TwoSided: min(1, 2*halfBinomCDF(min(b, c), n)),
		Greater:  halfBinomCDF(c, n),
		Less:     halfBinomCDF(b, n),
	}, nil
}

// halfBinomCDF returns P[X ≤ m] for X ~ Bin(n, 1/2), 0 ≤ m ≤ n.
//
// Below the mean it sums the terms downward from m, each the previous
// times i/(n−i+1) < 1, relative to the largest term P[X = m], and stops
// once a geometric bound on the rest is negligible; so it takes O(√n)
// steps at worst. Above the mean it takes the complement of the other
// tail, which is then the small one.
func halfBinomCDF(m, n int) float64 {
	switch {
	case m >= n:
		return 1
	case 2*m > n:
		return 1 - halfBinomCDF(n-m-1, n)
	case m == 0:
		return math.Ldexp(1, -n) // exactly 2^-n, or 0 when it underflows
	}
	nf := float64(n)
	sum, term := 1.0, 1.0
	for i := float64(m); i > 0; i-- {
		r := i / (nf - i + 1)
		term *= r
		sum += term
		// The ratios fall as i falls, so the terms left sum to at most
		// term·r/(1−r).
		if term*r <= sum*(1-r)*0x1p-60 {
			break
		}
	}
	return math.Exp(logHalfBinomPMF(m, n) + math.Log(sum))
}

// logHalfBinomPMF returns log P[X = x] for X ~ Bin(n, 1/2) by Loader's
// saddle-point expansion (C. Loader, "Fast and Accurate Computation of
// Binomial Probabilities", 2000; the algorithm of R's dbinom). The naive
// lgamma(n+1) − lgamma(x+1) − lgamma(n−x+1) cancels terms of size n·log n
// and loses about log10(n·log n) digits, 7 of them at n = 10^6; this
// keeps nearly full precision.
func logHalfBinomPMF(x, n int) float64 {
	if x == 0 || x == n {
		return -float64(n) * math.Ln2
	}
	nf, xf := float64(n), float64(x)
	yf, h := nf-xf, nf/2
	return stirlerr(nf) - stirlerr(xf) - stirlerr(yf) - bd0(xf, h) - bd0(yf, h) +
		0.5*math.Log(nf/(2*math.Pi*xf*yf))
}

// stirlerrSmall holds stirlerr(n) for n = 0..15 (index 0 unused), to 20
// significant digits, where the asymptotic series below is not yet accurate.
var stirlerrSmall = [16]float64{
	0,
	0.08106146679532725822,
	0.041340695955409294094,
	0.027677925684998339149,
	0.020790672103765093112,
	0.016644691189821192163,
	0.013876128823070747999,
	0.011896709945891770095,
	0.010411265261972096497,
	0.0092554621827127329177,
	0.0083305634333628712565,
	0.007573675487951840795,
	0.0069428401072095298657,
	0.0064089941880042070684,
	0.0059513701127588477356,
	0.005554733551962801371,
}

// stirlerr returns the error of Stirling's approximation to log n!,
// log n! − ((n+½)·log n − n + ½·log 2π), for integer n ≥ 1.
func stirlerr(n float64) float64 {
	if n <= 15 {
		return stirlerrSmall[int(n)]
	}
	const (
		s0 = 1.0 / 12
		s1 = 1.0 / 360
		s2 = 1.0 / 1260
		s3 = 1.0 / 1680
		s4 = 1.0 / 1188
	)
	nn := n * n
	switch {
	case n > 500:
		return (s0 - s1/nn) / n
	case n > 80:
		return (s0 - (s1-s2/nn)/nn) / n
	case n > 35:
		return (s0 - (s1-(s2-s3/nn)/nn)/nn) / n
	}
	return (s0 - (s1-(s2-(s3-s4/nn)/nn)/nn)/nn) / n
}

// bd0 returns the deviance term x·log(x/m) + m − x, by a series when x is
// close to m, where the direct form cancels.
func bd0(x, m float64) float64 {
	if math.Abs(x-m) >= 0.1*(x+m) {
		return x*math.Log(x/m) + m - x
	}
	v := (x - m) / (x + m)
	s := (x - m) * v
	ej := 2 * x * v
	v *= v
	// v < 0.01, so each step gains two digits and this converges within
	// a dozen steps; the bound only guards the loop.
	for j := 3.0; j < 1000; j += 2 {
		ej *= v
		s1 := s + ej/j
		if s1 == s {
			return s1
		}
		s = s1
	}
	return s
}
