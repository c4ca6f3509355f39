package human

import (
	"fmt"
	"math"
	"sort"

	"github.com/syllobench/syllobench/internal/stats"
)

// Corr is a correlation coefficient with a 95% interval.
type Corr struct {
	R      float64
	Lo, Hi float64
	N      int // the number of (x, y) pairs used
}

// Correlation is the Pearson and Spearman correlation of two series.
type Correlation struct {
	Pearson, Spearman Corr
}

// Correlate correlates x and y, leaving out the positions where either
// is NaN (a pair the model was not asked). Both intervals use Fisher's
// z transformation, z = atanh(r), which is close to normal with standard
// error 1/√(n−3) for Pearson's r (Fisher 1921; e.g. Howell, Statistical
// Methods for Psychology, §9.11). For Spearman's ρ the standard error is
// √(1.06/(n−3)) (Fieller, Hartley & Pearson 1957, Biometrika 44), the
// variant that is accurate for |ρ| < 0.8 and slightly narrow above it.
// Ties in Spearman's ranks get their mean rank.
func Correlate(x, y []float64) (Correlation, error) {
	if len(x) != len(y) {
		return Correlation{}, fmt.Errorf("correlate: %d values against %d", len(x), len(y))
	}
	var xs, ys []float64
	for i := range x {
		if !math.IsNaN(x[i]) && !math.IsNaN(y[i]) {
			xs, ys = append(xs, x[i]), append(ys, y[i])
		}
	}
	n := len(xs)
	if n < 4 {
		return Correlation{}, fmt.Errorf("correlate: %d pairs of values, need at least 4", n)
	}
	r, err := pearson(xs, ys)
	if err != nil {
		return Correlation{}, err
	}
	rho, err := pearson(ranks(xs), ranks(ys))
	if err != nil {
		return Correlation{}, err
	}
	return Correlation{
		Pearson:  fisher(r, n, 1),
		Spearman: fisher(rho, n, 1.06),
	}, nil
}

// fisher gives r the interval tanh(atanh(r) ± z·√(v/(n−3))).
func fisher(r float64, n int, v float64) Corr {
	z := math.Atanh(r)
	se := math.Sqrt(v / float64(n-3))
	return Corr{R: r, N: n, Lo: math.Tanh(z - stats.Z95*se), Hi: math.Tanh(z + stats.Z95*se)}
}

func pearson(x, y []float64) (float64, error) {
	mean := func(v []float64) float64 {
		s := 0.0
		for _, e := range v {
			s += e
		}
		return s / float64(len(v))
	}
	mx, my := mean(x), mean(y)
	var sxy, sxx, syy float64
	for i := range x {
		dx, dy := x[i]-mx, y[i]-my
		sxy += dx * dy
		sxx += dx * dx
		syy += dy * dy
	}
	if sxx == 0 || syy == 0 {
		return 0, fmt.Errorf("correlate: a series is constant, so r is undefined")
	}
	return sxy / math.Sqrt(sxx*syy), nil
}

// ranks returns the ranks of v (1 = smallest), ties given their mean.
func ranks(v []float64) []float64 {
	idx := make([]int, len(v))
	for i := range idx {
		idx[i] = i
	}
	sort.SliceStable(idx, func(a, b int) bool { return v[idx[a]] < v[idx[b]] })
	rk := make([]float64, len(v))
	for i := 0; i < len(idx); {
		j := i
		for j+1 < len(idx) && v[idx[j+1]] == v[idx[i]] {
			j++
		}
		mid := float64(i+j)/2 + 1
		for k := i; k <= j; k++ {
			rk[idx[k]] = mid
		}
		i = j + 1
	}
	return rk
}
