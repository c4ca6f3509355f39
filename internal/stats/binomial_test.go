package stats

import (
	"math"
	"testing"
)

func TestBinomialCDF(t *testing.T) {
	// Reference values from scipy.stats.binom.cdf (SciPy 1.17), and by
	// hand where noted.
	for _, tc := range []struct {
		k, n int
		p    float64
		want float64
	}{
		{2, 3, 0.95, 0.142625},                     // 1 − 0.95³, by hand
		{90, 100, 0.95, 0.028188294163416307},      // scipy
		{95, 100, 0.95, 0.5640186993142888},        // scipy
		{0, 10, 0.5, 0.0009765625},                 // 2^−10, by hand
		{5, 10, 0.5, 0.623046875},                  // 638/1024, by hand
		{230, 240, 0.95, 0.7643288999279536},       // scipy
		{1000, 1100, 0.95, 1.2256969345975375e-08}, // scipy
		{39, 40, 0.95, 0.8714878434348969},         // scipy
		{0, 20, 0.95, 9.536743164062669e-27},       // 0.05^20, by hand
		{19, 20, 0.95, 0.6415140775914581},         // 1 − 0.95^20, scipy
		{10, 10, 0.5, 1},
		{-1, 10, 0.5, 0},
		{3, 10, 0, 1},
		{3, 10, 1, 0},
	} {
		got, err := BinomialCDF(tc.k, tc.n, tc.p)
		if err != nil {
			t.Fatal(err)
		}
		if math.Abs(got-tc.want) > 1e-12*math.Max(tc.want, 1e-300) && math.Abs(got-tc.want) > 1e-15 {
			t.Errorf("BinomialCDF(%d, %d, %v) = %v, want %v", tc.k, tc.n, tc.p, got, tc.want)
		}
	}
	for _, bad := range []struct {
		n int
		p float64
	}{{-1, 0.5}, {10, -0.1}, {10, 1.5}, {10, math.NaN()}} {
		if _, err := BinomialCDF(1, bad.n, bad.p); err == nil {
			t.Errorf("BinomialCDF(1, %d, %v): no error", bad.n, bad.p)
		}
	}
}

// The sum agrees with the exact McNemar tail at p = 1/2.
func TestBinomialCDFAgreesWithMcNemar(t *testing.T) {
	for n := 1; n <= 60; n++ {
		for k := 0; k <= n; k++ {
			m, err := McNemar(k, n-k)
			if err != nil {
				t.Fatal(err)
			}
			got, _ := BinomialCDF(k, n, 0.5)
			if math.Abs(got-m.Less) > 1e-13 {
				t.Fatalf("n=%d k=%d: BinomialCDF %v, McNemar.Less %v", n, k, got, m.Less)
			}
		}
	}
}
