package stats

import (
	"fmt"
	"math"
	"math/big"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
)

// Reference values come from three kinds of source, cited per case:
//
//   - published tables, rounded to 4 decimals, so compared to within half a
//     unit in the 4th decimal (pub);
//   - values computed for this file with mpmath at 40–60 significant
//     digits from the defining formulas, and cross-checked with scipy 1.17
//     and statsmodels 0.15 (mp), compared to within a relative 1e-13;
//   - exact rational arithmetic in the test itself (math/big).
var (
	pub = cmpopts.EquateApprox(0, 0.00005)
	mp  = cmpopts.EquateApprox(1e-13, 1e-300)
)

func TestWilson(t *testing.T) {
	tests := []struct {
		k, n int
		want Interval
		opt  cmp.Option
		src  string
	}{
		// Newcombe (1998), "Two-sided confidence intervals for the single
		// proportion", Stat Med 17:857–872, Table I, method 3 (score).
		{81, 263, Interval{0.2553, 0.3662}, pub, "Newcombe 1998a Table I"},
		{15, 148, Interval{0.0624, 0.1605}, pub, "Newcombe 1998a Table I"},
		{0, 20, Interval{0, 0.1611}, pub, "Newcombe 1998a Table I"},
		{1, 29, Interval{0.0061, 0.1718}, pub, "Newcombe 1998a Table I"},
		// The same cases and a few more to full precision: mpmath at 40
		// digits from (k + z²/2 ± z√(k(n−k)/n + z²/4)) / (n + z²); they
		// agree with statsmodels proportion_confint(method="wilson") to
		// within 2e-16 absolute.
		{81, 263, Interval{0.25528851987827422, 0.36620957698280004}, mp, "mpmath"},
		{15, 148, Interval{0.062386399530736283, 0.16048724172330803}, mp, "mpmath"},
		{0, 20, Interval{0, 0.16112515805281935}, mp, "mpmath"},
		{1, 29, Interval{0.006113214292762661, 0.17175521879320285}, mp, "mpmath"},
		{0, 1, Interval{0, 0.79345068562276255}, mp, "mpmath"},
		{1, 1, Interval{0.20654931437723742, 1}, mp, "mpmath"},
		{5, 10, Interval{0.236593090512564, 0.76340690948743606}, mp, "mpmath"},
		{7, 8, Interval{0.52911181778714655, 0.97758250854994333}, mp, "mpmath"},
		{10, 10, Interval{0.72246720013711074, 1}, mp, "mpmath"},
		{29, 29, Interval{0.88303020150025924, 1}, mp, "mpmath"},
		// No trials carry no information: the documented whole range.
		{0, 0, Interval{0, 1}, mp, "definition"},
	}
	for _, tt := range tests {
		t.Run(fmt.Sprintf("%d/%d %s", tt.k, tt.n, tt.src), func(t *testing.T) {
			got, err := Wilson(tt.k, tt.n, Z95)
			if err != nil {
				t.Fatalf("Wilson(%d, %d) error: %v", tt.k, tt.n, err)
			}
			if diff := cmp.Diff(tt.want, got, tt.opt); diff != "" {
				t.Errorf("Wilson(%d, %d) mismatch (-want +got):\n%s", tt.k, tt.n, diff)
			}
		})
	}
}

// TestWilsonShape checks properties every Wilson interval has: it lies in
// [0, 1], contains the estimate, and mirrors under k → n−k.
func TestWilsonShape(t *testing.T) {
	for n := 1; n <= 200; n++ {
		for k := 0; k <= n; k++ {
			w, err := Wilson(k, n, Z95)
			if err != nil {
				t.Fatal(err)
			}
			p := float64(k) / float64(n)
			if !(0 <= w.Lo && w.Lo <= p && p <= w.Hi && w.Hi <= 1) {
				t.Fatalf("Wilson(%d, %d) = %v, want 0 <= Lo <= %v <= Hi <= 1", k, n, w, p)
			}
			m, _ := Wilson(n-k, n, Z95)
			if diff := cmp.Diff(Interval{1 - w.Hi, 1 - w.Lo}, m, cmpopts.EquateApprox(0, 1e-15)); diff != "" {
				t.Fatalf("Wilson(%d, %d) is not the mirror of Wilson(%d, %d) (-want +got):\n%s", n-k, n, k, n, diff)
			}
		}
	}
}

func TestWilsonErrors(t *testing.T) {
	tests := []struct {
		k, n int
		z    float64
	}{
		{0, -1, Z95},
		{-1, 10, Z95},
		{11, 10, Z95},
		{1, 0, Z95},
		{5, 10, 0},
		{5, 10, -Z95},
		{5, 10, math.NaN()},
		{5, 10, math.Inf(1)},
	}
	for _, tt := range tests {
		if got, err := Wilson(tt.k, tt.n, tt.z); err == nil {
			t.Errorf("Wilson(%d, %d, %v) = %v, want an error", tt.k, tt.n, tt.z, got)
		}
	}
}

func TestMOVERDifference(t *testing.T) {
	// Newcombe (1998), "Interval estimation for the difference between
	// independent proportions: comparison of eleven methods", Stat Med
	// 17:873–890, Table II, method 10 (score interval, no continuity
	// correction). statsmodels confint_proportions_2indep(method="newcomb")
	// agrees with each to within 2e-16.
	tests := []struct {
		k1, n1, k2, n2 int
		est            float64
		want           Interval
	}{
		{56, 70, 48, 80, 0.2, Interval{0.0524, 0.3339}},
		{9, 10, 3, 10, 0.6, Interval{0.1705, 0.8090}},
		// The brief quoted (0.0342, 0.8247) here; method 10 gives
		// (0.0582, 0.8062), by mpmath and by statsmodels alike.
		{6, 7, 2, 7, 4.0 / 7, Interval{0.0582, 0.8062}},
		{5, 56, 0, 29, 5.0 / 56, Interval{-0.0381, 0.1926}},
		{0, 10, 0, 20, 0, Interval{-0.1611, 0.2775}},
		{0, 10, 0, 10, 0, Interval{-0.2775, 0.2775}},
		{10, 10, 0, 20, 1, Interval{0.6791, 1}},
		{10, 10, 0, 10, 1, Interval{0.6075, 1}},
	}
	for _, tt := range tests {
		name := fmt.Sprintf("%d/%d-%d/%d", tt.k1, tt.n1, tt.k2, tt.n2)
		t.Run(name, func(t *testing.T) {
			est, ci, err := MOVER([]float64{1, -1}, []int{tt.k1, tt.k2}, []int{tt.n1, tt.n2}, Z95)
			if err != nil {
				t.Fatalf("MOVER error: %v", err)
			}
			if diff := cmp.Diff(tt.est, est, mp); diff != "" {
				t.Errorf("estimate mismatch (-want +got):\n%s", diff)
			}
			if diff := cmp.Diff(tt.want, ci, pub); diff != "" {
				t.Errorf("interval mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

func TestMOVER(t *testing.T) {
	// Full-precision values from mpmath (40 digits) applying the MOVER
	// formulas of Zou & Donner (2008), Stat Med 27:1693–1702, eqs. for a
	// linear combination, to 40-digit Wilson limits.
	tests := []struct {
		name string
		coef []float64
		k, n []int
		est  float64
		want Interval
	}{
		// Newcombe 1998b, Table II, example (a), to full precision;
		// statsmodels "newcomb" gives (0.052431472402364981, 0.33387265403690614).
		{"difference", []float64{1, -1}, []int{56, 48}, []int{70, 80}, 0.2,
			Interval{0.052431472402364891, 0.33387265403690597}},
		// One proportion with coefficient 1 is its Wilson interval.
		{"single", []float64{1}, []int{81}, []int{263}, 81.0 / 263,
			Interval{0.25528851987827423, 0.36620957698280006}},
		// A negative coefficient swaps and scales the limits.
		{"scaled", []float64{-3}, []int{81}, []int{263}, -3 * 81.0 / 263,
			Interval{-1.0986287309484002, -0.76586555963482269}},
		// A curvature contrast p1 − 2p2 + p3 (mpmath).
		{"three terms", []float64{1, -2, 1}, []int{40, 30, 10}, []int{50, 60, 40}, 0.05,
			Interval{-0.24809445748519783, 0.3515372114454378}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			est, ci, err := MOVER(tt.coef, tt.k, tt.n, Z95)
			if err != nil {
				t.Fatalf("MOVER error: %v", err)
			}
			if diff := cmp.Diff(tt.est, est, mp); diff != "" {
				t.Errorf("estimate mismatch (-want +got):\n%s", diff)
			}
			if diff := cmp.Diff(tt.want, ci, mp); diff != "" {
				t.Errorf("interval mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

func TestMOVERErrors(t *testing.T) {
	tests := []struct {
		name string
		coef []float64
		k, n []int
		z    float64
	}{
		{"no proportions", nil, nil, nil, Z95},
		{"short k", []float64{1, -1}, []int{1}, []int{2, 2}, Z95},
		{"short n", []float64{1, -1}, []int{1, 1}, []int{2}, Z95},
		{"short coef", []float64{1}, []int{1, 1}, []int{2, 2}, Z95},
		{"no trials", []float64{1, -1}, []int{1, 0}, []int{2, 0}, Z95},
		{"k > n", []float64{1, -1}, []int{3, 1}, []int{2, 2}, Z95},
		{"negative k", []float64{1, -1}, []int{1, -1}, []int{2, 2}, Z95},
		{"negative n", []float64{1, -1}, []int{1, 0}, []int{2, -2}, Z95},
		{"NaN coefficient", []float64{1, math.NaN()}, []int{1, 1}, []int{2, 2}, Z95},
		{"infinite coefficient", []float64{math.Inf(-1), 1}, []int{1, 1}, []int{2, 2}, Z95},
		{"bad z", []float64{1, -1}, []int{1, 1}, []int{2, 2}, math.NaN()},
	}
	for _, tt := range tests {
		if est, ci, err := MOVER(tt.coef, tt.k, tt.n, tt.z); err == nil {
			t.Errorf("%s: MOVER = %v, %v, want an error", tt.name, est, ci)
		}
	}
}

func TestMcNemar(t *testing.T) {
	// Each want is exact or from mpmath at 60 digits, summing C(n,i)/2^n
	// (which matches mpmath's regularized incomplete beta to 20 digits),
	// and agrees with scipy.stats.binomtest(b, b+c, 0.5) to within 1e-14
	// relative.
	tests := []struct {
		name string
		b, c int
		want McNemarResult
	}{
		// No discordant pairs: no evidence either way.
		{"none", 0, 0, McNemarResult{0, 0, 1, 1, 1}},
		// Exact: 2·9/256, 9/256, 255/256.
		{"7 vs 1", 7, 1, McNemarResult{7, 1, 0.0703125, 0.03515625, 0.99609375}},
		{"1 vs 0", 1, 0, McNemarResult{1, 0, 1, 0.5, 1}},
		// Exact: 2·299/4096, 4017/4096, 299/4096.
		{"3 vs 9", 3, 9, McNemarResult{3, 9, 0.14599609375, 0.980712890625, 0.072998046875}},
		// Exact: 616666/2^20.
		{"10 vs 10", 10, 10, McNemarResult{10, 10, 1, 0.5880985260009765625, 0.5880985260009765625}},
		// Exact: 2^-24, 1, 2^-25.
		{"0 vs 25", 0, 25, McNemarResult{0, 25, 0x1p-24, 1, 0x1p-25}},
		// Agresti, Categorical Data Analysis (2nd ed., 2002), Table 10.1:
		// approval of the Prime Minister in two surveys of the same 1600
		// people, 150 approve→disapprove and 86 disapprove→approve, where
		// the asymptotic McNemar z = (86−150)/√236 = −4.17. Exact p from
		// mpmath.
		{"Agresti Table 10.1", 150, 86, McNemarResult{150, 86,
			3.7159361395714423422e-05, 1.8579680697857211711e-05, 0.99998964578552170231}},
		{"1000 vs 900", 1000, 900, McNemarResult{1000, 900,
			0.023108845108901071322, 0.011554422554450535661, 0.98976292330073711014}},
		// A million discordant pairs.
		{"500000 vs 499000", 500000, 499000, McNemarResult{500000, 499000,
			0.31755259967374486234, 0.15877629983687243117, 0.84170764157191818521}},
		{"500100 vs 499900", 500100, 499900, McNemarResult{500100, 499900,
			0.84226275705160879733, 0.42113137852580439866, 0.57965070668216260641}},
		{"499000 vs 501000", 499000, 501000, McNemarResult{499000, 501000,
			0.04560829986538208642, 0.97730383204532787195, 0.02280414993269104321}},
		{"498000 vs 502000", 498000, 502000, McNemarResult{498000, 502000,
			6.3609337500824885264e-05, 0.99996846298806540005, 3.1804668750412442632e-05}},
		// True values 2.0e-301030 and 8.8e-8748 underflow to 0.
		{"0 vs 1e6", 0, 1000000, McNemarResult{0, 1000000, 0, 1, 0}},
		{"3 vs 1e6", 3, 1000000, McNemarResult{3, 1000000, 0, 1, 0}},
		{"600000 vs 400000", 600000, 400000, McNemarResult{600000, 400000, 0, 0, 1}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := McNemar(tt.b, tt.c)
			if err != nil {
				t.Fatalf("McNemar(%d, %d) error: %v", tt.b, tt.c, err)
			}
			if diff := cmp.Diff(tt.want, got, mp); diff != "" {
				t.Errorf("McNemar(%d, %d) mismatch (-want +got):\n%s", tt.b, tt.c, diff)
			}
		})
	}
}

// TestMcNemarExact checks every b, c with b+c <= 300 against the tails
// summed exactly in rational arithmetic.
func TestMcNemarExact(t *testing.T) {
	const maxN = 300
	for n := 0; n <= maxN; n++ {
		// cdf[m] = sum_{i<=m} C(n,i) / 2^n, exactly.
		cdf := make([]float64, n+1)
		sum, coef := new(big.Int), big.NewInt(1)
		den := new(big.Int).Lsh(big.NewInt(1), uint(n))
		for m := 0; m <= n; m++ {
			sum.Add(sum, coef)
			cdf[m], _ = new(big.Rat).SetFrac(sum, den).Float64()
			coef.Mul(coef, big.NewInt(int64(n-m)))
			coef.Quo(coef, big.NewInt(int64(m+1)))
		}
		for b := 0; b <= n; b++ {
			c := n - b
			want := McNemarResult{b, c, min(1, 2*cdf[min(b, c)]), cdf[c], cdf[b]}
			got, err := McNemar(b, c)
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(want, got, mp); diff != "" {
				t.Fatalf("McNemar(%d, %d) mismatch (-want +got):\n%s", b, c, diff)
			}
		}
	}
}

func TestMcNemarErrors(t *testing.T) {
	for _, bc := range [][2]int{{-1, 0}, {0, -1}, {-5, -5}, {math.MaxInt, 1}, {1 << 52, 1<<52 + 1}} {
		if got, err := McNemar(bc[0], bc[1]); err == nil {
			t.Errorf("McNemar(%d, %d) = %+v, want an error", bc[0], bc[1], got)
		}
	}
}

// TestStirlerrTable guards the table of small Stirling errors against
// typos: each entry is log n! − ((n+½)·log n − n + ½·log 2π), which
// math.Lgamma gives to about 1e-14 for n <= 15.
func TestStirlerrTable(t *testing.T) {
	for n := 1; n <= 15; n++ {
		nf := float64(n)
		lg, _ := math.Lgamma(nf + 1)
		want := lg - (nf+0.5)*math.Log(nf) + nf - 0.5*math.Log(2*math.Pi)
		if got := stirlerr(nf); math.Abs(got-want) > 1e-13 {
			t.Errorf("stirlerr(%d) = %v, want %v", n, got, want)
		}
	}
	// The series branch must join the table smoothly at 16.
	lg, _ := math.Lgamma(17)
	if want, got := lg-16.5*math.Log(16)+16-0.5*math.Log(2*math.Pi), stirlerr(16); math.Abs(got-want) > 1e-13 {
		t.Errorf("stirlerr(16) = %v, want %v", got, want)
	}
}

func TestHolm(t *testing.T) {
	tests := []struct {
		name string
		p    []float64
		want []float64
	}{
		// The worked example of Wikipedia's "Holm–Bonferroni method"
		// (four hypotheses, α = 0.05); adjusted values as given by
		// statsmodels multipletests(method="holm").
		{"four", []float64{0.01, 0.04, 0.03, 0.005}, []float64{0.03, 0.06, 0.06, 0.02}},
		// statsmodels multipletests(method="holm"): ties share a value,
		// capping at 1 and monotonicity.
		{"ties and cap", []float64{0.2, 0.9, 0.04, 0.04, 0.001}, []float64{0.4, 0.9, 0.16, 0.16, 0.005}},
		{"tie", []float64{0.01, 0.01}, []float64{0.02, 0.02}},
		{"single", []float64{0.5}, []float64{0.5}},
		{"cap", []float64{0.6, 0.7}, []float64{1, 1}},
		{"bounds", []float64{0, 1}, []float64{0, 1}},
		{"empty", []float64{}, []float64{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in := append([]float64(nil), tt.p...)
			got, err := Holm(tt.p)
			if err != nil {
				t.Fatalf("Holm(%v) error: %v", tt.p, err)
			}
			if diff := cmp.Diff(tt.want, got, mp, cmpopts.EquateEmpty()); diff != "" {
				t.Errorf("Holm(%v) mismatch (-want +got):\n%s", tt.p, diff)
			}
			if diff := cmp.Diff(in, tt.p, cmpopts.EquateEmpty()); diff != "" {
				t.Errorf("Holm changed its input (-before +after):\n%s", diff)
			}
		})
	}
}

func TestHolmErrors(t *testing.T) {
	for _, p := range [][]float64{{0.1, math.NaN()}, {-0.01}, {0.5, 1.01}, {math.Inf(1)}} {
		if got, err := Holm(p); err == nil {
			t.Errorf("Holm(%v) = %v, want an error", p, got)
		}
	}
}

func TestBelief(t *testing.T) {
	tests := []struct {
		name  string
		cells BeliefCells
		want  BeliefIndices
	}{
		// The acceptance rates of Evans, Barston & Pollard (1983), pooled
		// over their three experiments: VB 89%, VU 56%, IB 71%, IU 10%,
		// here as counts out of 100. By hand: Logic = (145−81)/200 = 0.32,
		// Belief = (160−66)/200 = 0.47, Interaction = (61−33)/200 = 0.14;
		// intervals from mpmath.
		{"Evans et al. 1983",
			BeliefCells{Cell{89, 100}, Cell{56, 100}, Cell{71, 100}, Cell{10, 100}},
			BeliefIndices{
				Logic:       Index{0.32, Interval{0.23741792124791356, 0.39425774133860308}},
				Belief:      Index{0.47, Interval{0.38462718019235025, 0.54103163744288354}},
				Interaction: Index{0.14, Interval{0.058712616002558753, 0.21567280279320451}},
			}},
		// The reference reasoner accepts exactly the valid arguments. Its
		// Logic interval is the Wilson interval of 10/10, since the four
		// half-weighted terms add in quadrature to one; the others are
		// ±(√2/2)·0.27753, the 0/10 upper limit.
		{"logic only",
			BeliefCells{Cell{10, 10}, Cell{10, 10}, Cell{0, 10}, Cell{0, 10}},
			BeliefIndices{
				Logic:       Index{1, Interval{0.72246720013711079, 1}},
				Belief:      Index{0, Interval{-0.19624532478473789, 0.19624532478473789}},
				Interaction: Index{0, Interval{-0.19624532478473789, 0.19624532478473789}},
			}},
		// A reasoner that accepts exactly the believable conclusions.
		{"belief only",
			BeliefCells{Cell{10, 10}, Cell{0, 10}, Cell{10, 10}, Cell{0, 10}},
			BeliefIndices{
				Logic:       Index{0, Interval{-0.19624532478473789, 0.19624532478473789}},
				Belief:      Index{1, Interval{0.72246720013711079, 1}},
				Interaction: Index{0, Interval{-0.19624532478473789, 0.19624532478473789}},
			}},
		// Unequal cell sizes (mpmath).
		{"unequal cells",
			BeliefCells{Cell{30, 40}, Cell{12, 40}, Cell{25, 38}, Cell{3, 41}},
			BeliefIndices{
				Logic:       Index{0.15946726572528883, Interval{0.028253902783569997, 0.28504037725346101}},
				Belief:      Index{0.51736200256739409, Interval{0.37002484559054525, 0.6235567064246082}},
				Interaction: Index{0.067362002567394095, Interval{-0.060945761059384117, 0.19590254382359393}},
			}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := Belief(tt.cells)
			if err != nil {
				t.Fatalf("Belief error: %v", err)
			}
			if diff := cmp.Diff(tt.want, got, cmpopts.EquateApprox(1e-13, 1e-15)); diff != "" {
				t.Errorf("Belief mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

func TestBeliefErrors(t *testing.T) {
	full := BeliefCells{Cell{8, 10}, Cell{5, 10}, Cell{6, 10}, Cell{1, 10}}
	tests := []struct {
		cell string
		set  func(*BeliefCells)
	}{
		{"ValidBelievable", func(c *BeliefCells) { c.ValidBelievable = Cell{} }},
		{"ValidUnbelievable", func(c *BeliefCells) { c.ValidUnbelievable = Cell{} }},
		{"InvalidBelievable", func(c *BeliefCells) { c.InvalidBelievable = Cell{} }},
		{"InvalidUnbelievable", func(c *BeliefCells) { c.InvalidUnbelievable = Cell{} }},
		{"ValidUnbelievable", func(c *BeliefCells) { c.ValidUnbelievable = Cell{11, 10} }},
		{"InvalidBelievable", func(c *BeliefCells) { c.InvalidBelievable = Cell{-1, 10} }},
		{"InvalidUnbelievable", func(c *BeliefCells) { c.InvalidUnbelievable = Cell{0, -3} }},
	}
	for _, tt := range tests {
		c := full
		tt.set(&c)
		got, err := Belief(c)
		if err == nil {
			t.Errorf("Belief(%+v) = %+v, want an error", c, got)
			continue
		}
		if !strings.Contains(err.Error(), " "+tt.cell+" ") {
			t.Errorf("Belief(%+v) error %q does not name cell %s", c, err, tt.cell)
		}
	}
}

func ExampleWilson() {
	// 81 successes in 263 trials, Newcombe (1998) Table I.
	ci, err := Wilson(81, 263, Z95)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Printf("%.4f to %.4f\n", ci.Lo, ci.Hi)
	// Output: 0.2553 to 0.3662
}

func BenchmarkWilson(b *testing.B) {
	for i := 0; b.Loop(); i++ {
		if _, err := Wilson(i%101, 100+i%101, Z95); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkMcNemar(b *testing.B) {
	for _, bc := range [][2]int{{7, 1}, {150, 86}, {1000, 900}, {500100, 499900}} {
		b.Run(fmt.Sprintf("%d-%d", bc[0], bc[1]), func(b *testing.B) {
			for b.Loop() {
				if _, err := McNemar(bc[0], bc[1]); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
