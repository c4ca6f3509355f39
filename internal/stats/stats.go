package stats

import (
	"cmp"
	"fmt"
	"math"
	"slices"
)

// Z95 is the standard normal quantile for a two-sided 95% interval,
// Φ⁻¹(0.975), to full float64 precision.
const Z95 = 1.959963984540054

// Interval is a two-sided confidence interval for a proportion or a
// difference.
type Interval struct{ Lo, Hi float64 }

// Wilson returns the Wilson score interval for k successes in n trials at
// normal quantile z (Z95 for 95%). Unlike the Wald interval it stays inside
// [0, 1] and does not collapse to a point at 0 or n successes, which is
// where a model's accuracy on a small set of items often sits.
//
// n == 0 gives Interval{0, 1}: no trials say nothing. The bounds are
// clamped to [0, 1]. A negative n, k outside [0, n], or a z that is not
// positive and finite is an error.
func Wilson(k, n int, z float64) (Interval, error) {
	if n < 0 {
		return Interval{}, fmt.Errorf("stats: Wilson: negative number of trials %d", n)
	}
	if k < 0 || k > n {
		return Interval{}, fmt.Errorf("stats: Wilson: %d successes out of %d trials", k, n)
	}
	if !(z > 0) || math.IsInf(z, 1) {
		return Interval{}, fmt.Errorf("stats: Wilson: quantile z = %v, want positive and finite", z)
	}
	if n == 0 {
		return Interval{0, 1}, nil
	}
	kf, nf, z2 := float64(k), float64(n), z*z
	// The upper bound is a sum of non-negative terms, so it is accurate;
	// the lower bound comes from the product of the two roots of the score
	// quadratic, k²/(n(n+z²)), rather than from a cancelling difference.
	hi := 1.0
	if k < n {
		hi = min(1, (kf+z2/2+z*math.Sqrt(kf*(nf-kf)/nf+z2/4))/(nf+z2))
	}
	lo := min(hi, kf/nf*(kf/(nf+z2))/hi)
	return Interval{lo, hi}, nil
}

// MOVER returns the estimate sum_i coef[i]*k[i]/n[i] of a linear
// combination of independent binomial proportions and its MOVER-Wilson
// interval at normal quantile z: the method of variance estimates
// recovery of Zou & Donner (2008, Statistics in Medicine 27:1693–1702),
// which for coef = (1, -1) is Newcombe's (1998) method 10 for a difference
// of proportions. It recovers the variance of each term from its Wilson
// limits (l_i, u_i), so it keeps Wilson's good behaviour near 0 and 1 where
// the Wald interval collapses:
//
//	Lo = est - sqrt(sum_i (c_i p_i - min(c_i l_i, c_i u_i))²)
//	Hi = est + sqrt(sum_i (max(c_i l_i, c_i u_i) - c_i p_i)²)
//
// The interval is not clamped. Slices of different or zero length, a
// non-finite coefficient, or a proportion with no trials (its estimate is
// undefined) is an error, as is any count Wilson rejects.
func MOVER(coef []float64, k, n []int, z float64) (est float64, ci Interval, err error) {
	if len(coef) != len(k) || len(k) != len(n) {
		return 0, Interval{}, fmt.Errorf("stats: MOVER: lengths differ: %d coefficients, %d success counts, %d trial counts", len(coef), len(k), len(n))
	}
	if len(coef) == 0 {
		return 0, Interval{}, fmt.Errorf("stats: MOVER: no proportions")
	}
	var lo2, hi2 float64
	for i, c := range coef {
		if math.IsNaN(c) || math.IsInf(c, 0) {
			return 0, Interval{}, fmt.Errorf("stats: MOVER: coefficient %d is %v", i, c)
		}
		if n[i] == 0 {
			return 0, Interval{}, fmt.Errorf("stats: MOVER: proportion %d has no trials, so its estimate is undefined", i)
		}
		w, err := Wilson(k[i], n[i], z)
		if err != nil {
			return 0, Interval{}, fmt.Errorf("stats: MOVER: proportion %d: %w", i, err)
		}
		p := float64(k[i]) / float64(n[i])
		cp, cl, cu := c*p, c*w.Lo, c*w.Hi
		est += cp
		lo2 += (cp - min(cl, cu)) * (cp - min(cl, cu))
		hi2 += (max(cl, cu) - cp) * (max(cl, cu) - cp)
	}
	return est, Interval{est - math.Sqrt(lo2), est + math.Sqrt(hi2)}, nil
}

// Cell is one cell of the belief-bias design: how many of its items a
// model accepted as valid, out of how many it was asked.
type Cell struct{ Accepted, Total int }

// BeliefCells holds the acceptance counts of the 2×2 belief-bias design of
// Evans, Barston & Pollard (1983): logical validity crossed with the
// believability of the conclusion.
type BeliefCells struct {
	ValidBelievable, ValidUnbelievable, InvalidBelievable, InvalidUnbelievable Cell
}

// Index is one belief-bias index with its 95% interval.
type Index struct {
	Value float64
	CI    Interval
}

// BeliefIndices are the three standard indices of the belief-bias design,
// each half a difference of summed acceptance rates so that it lies in
// [-1, 1]:
//
//	Logic       = ((VB + VU) - (IB + IU)) / 2
//	Belief      = ((VB + IB) - (VU + IU)) / 2
//	Interaction = ((IB - IU) - (VB - VU)) / 2
//
// A perfect reasoner scores Logic 1, Belief 0, Interaction 0. Interaction
// is positive when belief sways invalid arguments more than valid ones, the
// classic human finding.
type BeliefIndices struct{ Logic, Belief, Interaction Index }

// Belief returns the belief-bias indices of c, each with its MOVER-Wilson
// 95% interval (Z95). An empty cell, or one whose counts are impossible,
// is an error naming the cell.
func Belief(c BeliefCells) (BeliefIndices, error) {
	cells := [4]struct {
		name string
		Cell
	}{
		{"ValidBelievable", c.ValidBelievable},
		{"ValidUnbelievable", c.ValidUnbelievable},
		{"InvalidBelievable", c.InvalidBelievable},
		{"InvalidUnbelievable", c.InvalidUnbelievable},
	}
	var k, n [4]int
	for i, cell := range cells {
		switch {
		case cell.Total == 0:
			return BeliefIndices{}, fmt.Errorf("stats: Belief: cell %s is empty", cell.name)
		case cell.Total < 0 || cell.Accepted < 0 || cell.Accepted > cell.Total:
			return BeliefIndices{}, fmt.Errorf("stats: Belief: cell %s has %d accepted out of %d", cell.name, cell.Accepted, cell.Total)
		}
		k[i], n[i] = cell.Accepted, cell.Total
	}
	index := func(vb, vu, ib, iu float64) (Index, error) {
		est, ci, err := MOVER([]float64{vb, vu, ib, iu}, k[:], n[:], Z95)
		return Index{est, ci}, err
	}
	var b BeliefIndices
	var err error
	if b.Logic, err = index(0.5, 0.5, -0.5, -0.5); err != nil {
		return BeliefIndices{}, err
	}
	if b.Belief, err = index(0.5, -0.5, 0.5, -0.5); err != nil {
		return BeliefIndices{}, err
	}
	if b.Interaction, err = index(-0.5, 0.5, 0.5, -0.5); err != nil {
		return BeliefIndices{}, err
	}
	return b, nil
}

// Holm returns the Holm–Bonferroni adjusted p-values of p, in the order
// given: the step-down procedure controls the family-wise error rate under
// any dependence, and is uniformly more powerful than Bonferroni. Adjusted
// values are monotone in the sorted p-values and capped at 1; tied p-values
// get the same adjusted value. An empty p gives an empty result. A NaN or a
// p-value outside [0, 1] is an error.
func Holm(p []float64) ([]float64, error) {
	for i, v := range p {
		if math.IsNaN(v) || v < 0 || v > 1 {
			return nil, fmt.Errorf("stats: Holm: p-value %d is %v, want one in [0, 1]", i, v)
		}
	}
	order := make([]int, len(p))
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(a, b int) int { return cmp.Compare(p[a], p[b]) })
	adj := make([]float64, len(p))
	running := 0.0
	for rank, i := range order {
		running = max(running, min(1, float64(len(p)-rank)*p[i]))
		adj[i] = running
	}
	return adj, nil
}
