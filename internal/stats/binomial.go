package stats

import (
	"fmt"
	"math"
)

// BinomialCDF returns P[X ≤ k] for X ~ Bin(n, p): the exact one-sided
// p-value of k successes in n trials against a success rate of p, which
// is how an accuracy floor is tested. Terms are summed in log space from
// the tail's largest term outwards, so it is accurate for any n up to
// 2^53; k outside [0, n] gives 0 or 1.
func BinomialCDF(k, n int, p float64) (float64, error) {
	switch {
	case n < 0 || n > 1<<53:
		return 0, fmt.Errorf("stats: binomial with %d trials: want 0 to 2^53", n)
	case !(p >= 0 && p <= 1):
		return 0, fmt.Errorf("stats: binomial success rate %v: want a number from 0 to 1", p)
	case k < 0:
		return 0, nil
	case k >= n:
		return 1, nil
	case p == 0:
		return 1, nil
	case p == 1:
		return 0, nil
	}
	// Below the mean the lower tail is small: sum it from k down. Above,
	// sum the upper tail from k+1 up and take its complement.
	if float64(k) < float64(n)*p {
		return tailSum(k, n, p, -1), nil
	}
	return 1 - tailSum(k+1, n, p, +1), nil
}

// tailSum sums the binomial probabilities from i = start in direction
// step (-1 down to 0, +1 up to n), while the terms still count.
func tailSum(start, n int, p float64, step int) float64 {
	lp, lq := math.Log(p), math.Log1p(-p)
	logPMF := func(i int) float64 {
		a, _ := math.Lgamma(float64(n + 1))
		b, _ := math.Lgamma(float64(i + 1))
		c, _ := math.Lgamma(float64(n - i + 1))
		return a - b - c + float64(i)*lp + float64(n-i)*lq
	}
	first := logPMF(start)
	sum, term := 0.0, 1.0
	// Successive terms have the ratio ((n−i)/(i+1))·(p/q) going up, and its
	// inverse going down, which keeps shrinking away from the mean.
	for i := start; i >= 0 && i <= n; i += step {
		sum += term
		if term < sum*1e-17 {
			break
		}
		if step < 0 {
			term *= float64(i) / float64(n-i+1) * math.Exp(lq-lp)
		} else {
			term *= float64(n-i) / float64(i+1) * math.Exp(lp-lq)
		}
	}
	return math.Exp(first) * sum
}
