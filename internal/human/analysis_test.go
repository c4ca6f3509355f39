package human

import (
	"math"
	"slices"
	"strings"
	"testing"

	"github.com/syllobench/syllobench/internal/ccobra"
	"github.com/syllobench/syllobench/internal/forms"
	"github.com/syllobench/syllobench/internal/logic"
	"github.com/syllobench/syllobench/internal/scorecard"
)

func near(a, b float64) bool { return math.Abs(a-b) < 1e-9 }

func index(t *testing.T, id string) int {
	t.Helper()
	p, err := forms.ParsePair(id)
	if err != nil {
		t.Fatal(err)
	}
	return ccobra.PairIndex(p)
}

// The expected values were computed independently with SciPy 1.17.1:
// stats.pearsonr(x, y).statistic and .confidence_interval(0.95) (which
// uses Fisher's z with 1/√(n−3)), stats.spearmanr(x, y).statistic, and
// tanh(atanh(ρ) ± Φ⁻¹(0.975)·√(1.06/(n−3))) for Spearman's interval.
func TestCorrelate(t *testing.T) {
	c, err := Correlate([]float64{1, 2, 3, 4, 5, 6, 7, 8}, []float64{2, 1, 4, 3, 7, 8, 6, 5})
	if err != nil {
		t.Fatal(err)
	}
	if !near(c.Pearson.R, 0.7380952380952379) || !near(c.Pearson.Lo, 0.06964660429650706) || !near(c.Pearson.Hi, 0.9491173173934558) {
		t.Errorf("Pearson = %+v", c.Pearson)
	}
	// Ranks are untied here, so Spearman equals Pearson of the same data.
	if !near(c.Spearman.R, 0.7380952380952379) {
		t.Errorf("Spearman = %+v", c.Spearman)
	}
	// Ties in both series, and a NaN that must be left out.
	nan := math.NaN()
	c, err = Correlate([]float64{1, 2, 2, 3, nan, 5, 8, 9, 9}, []float64{0.5, 0.7, 0.6, 1.2, 4, 1.0, 3, 2.5, 2.5})
	if err != nil {
		t.Fatal(err)
	}
	if c.Pearson.N != 8 || !near(c.Pearson.R, 0.9420999022948938) || !near(c.Pearson.Lo, 0.7063594335147458) || !near(c.Pearson.Hi, 0.9897230897292709) {
		t.Errorf("Pearson = %+v", c.Pearson)
	}
	if !near(c.Spearman.R, 0.8969861706961916) || !near(c.Spearman.Lo, 0.5036196295519316) || !near(c.Spearman.Hi, 0.9822926370628544) {
		t.Errorf("Spearman = %+v", c.Spearman)
	}
	if _, err := Correlate([]float64{1, 1, 1, 1}, []float64{1, 2, 3, 4}); err == nil {
		t.Error("a constant series was correlated")
	}
	if _, err := Correlate([]float64{1, 2, 3}, []float64{1, 2, 3}); err == nil {
		t.Error("three points were given an interval")
	}
}

// answers builds ccobra.Counts with one answer for each response pick gives a pair.
func answers(pick func(int, forms.Pair) []forms.Response) ccobra.Counts {
	var c ccobra.Counts
	for i, p := range forms.Pairs() {
		for _, r := range pick(i, p) {
			c[i][r]++
		}
	}
	return c
}

func TestAtmosphereFitsItself(t *testing.T) {
	d, err := ccobra.Load()
	if err != nil {
		t.Fatal(err)
	}
	c := answers(func(i int, _ forms.Pair) []forms.Response { return d.Predictions["Atmosphere"][i] })
	fits := TheoryFit(c, d)
	if fits[0].Theory != "Atmosphere" || fits[0].K != fits[0].N || fits[0].N == 0 {
		t.Errorf("Atmosphere fit = %+v, want all", fits[0])
	}
	if b := Best(fits); !slices.Contains(b, "Atmosphere") {
		t.Errorf("best = %v", b)
	}
	// The same through a scorecard: the ref-atmosphere fixture's answers.
	sc, err := scorecard.ReadFile("../../fixtures/ref-atmosphere/scorecard.json")
	if err != nil {
		t.Fatal(err)
	}
	c, sk, err := FromScorecard(sc)
	if err != nil {
		t.Fatal(err)
	}
	f := TheoryFit(c, d)[0]
	if f.N == 0 || f.K != f.N || sk != (Skipped{}) {
		t.Errorf("ref-atmosphere: Atmosphere fit %+v, skipped %+v", f, sk)
	}
}

func TestValidAnswers(t *testing.T) {
	c := answers(func(_ int, p forms.Pair) []forms.Response { return p.Valid(logic.Traditional) })
	for i, a := range Accuracy(c, logic.Traditional) {
		if a != 1 {
			t.Errorf("pair %s: accuracy %v, want 1", forms.Pairs()[i].ID(), a)
		}
	}
	if r := ConversionErrors(c, logic.Traditional); r.K != 0 {
		t.Errorf("valid answers counted as %d conversion errors", r.K)
	}
	noValid, valid := NVCRates(c, logic.Traditional)
	if noValid.Value() != 1 || valid.Value() != 0 || noValid.N != 37 {
		t.Errorf("NVC rates %+v %+v", noValid, valid)
	}
	// Under Boolean semantics, the pairs valid only with existential
	// import (e.g. AA4) are wrong.
	if a := Accuracy(c, logic.Boolean)[index(t, "AA4")]; a != 0 {
		t.Errorf("AA4 Boolean accuracy of the traditional answers = %v", a)
	}
	// ref-logic's answers in its fixture scorecard are all in the valid set.
	sc, err := scorecard.ReadFile("../../fixtures/ref-logic/scorecard.json")
	if err != nil {
		t.Fatal(err)
	}
	lc, _, err := FromScorecard(sc)
	if err != nil {
		t.Fatal(err)
	}
	v, nv := Correct(lc, logic.Traditional)
	if v.K != v.N || nv.K != nv.N || v.N+nv.N == 0 {
		t.Errorf("ref-logic: %+v %+v correct", v, nv)
	}
}

func TestMFAMatchTies(t *testing.T) {
	var people, model ccobra.Counts
	people[0][forms.Aac], people[0][forms.Iac] = 5, 5 // a tie
	people[1][forms.NVC] = 3
	model[0][forms.Iac] = 2
	model[0][forms.Oac] = 1
	model[1][forms.NVC] = 1
	model[2][forms.NVC] = 4 // people gave no answers: left out
	if r := MFAMatch(model, people); r != (Rate{K: 3, N: 4}) {
		t.Errorf("MFAMatch = %+v, want 3 of 4", r)
	}
}

func TestPatterns(t *testing.T) {
	var c ccobra.Counts
	aa1, aa2, aa3 := index(t, "AA1"), index(t, "AA2"), index(t, "AA3")
	c[aa1][forms.Aac] = 3
	c[aa1][forms.Ica] = 1
	c[aa1][forms.NVC] = 2
	c[aa2][forms.Aca] = 4
	c[aa3][forms.Aac] = 5 // All A are B, All C are B: "All A are C" is valid had the second been "All B are C"
	c[aa3][forms.NVC] = 1
	if f := FiguralEffect(c); f != (Figural{Fig1AC: 3, Fig1CA: 1, Fig2CA: 4}) {
		t.Errorf("figural = %+v", f)
	}
	if r := ConversionErrors(c, logic.Traditional); r != (Rate{K: 5, N: 16}) {
		t.Errorf("conversion errors = %+v, want 5 of 16", r)
	}
	noValid, valid := NVCRates(c, logic.Traditional)
	if noValid != (Rate{K: 1, N: 6}) || valid != (Rate{K: 2, N: 10}) {
		t.Errorf("NVC rates %+v %+v", noValid, valid)
	}
	// Converting a premise changes the figure; converting both twice is the identity.
	for _, p := range forms.Pairs() {
		cv := converses(p)
		if cv[0].Figure == p.Figure || cv[1].Figure == p.Figure || cv[2].Figure == p.Figure {
			t.Fatalf("%s: converses %v keep the figure", p.ID(), cv)
		}
		if converses(cv[2])[2] != p {
			t.Fatalf("%s: converting both premises twice gives %s", p.ID(), converses(cv[2])[2].ID())
		}
	}
}

func TestRateEmpty(t *testing.T) {
	if !math.IsNaN((Rate{}).Value()) {
		t.Error("an empty rate has a value")
	}
	if Best([]Fit{{Theory: "X"}}) != nil {
		t.Error("a theory fits best with no answers")
	}
}

func TestFromScorecardErrors(t *testing.T) {
	sc, err := scorecard.ReadFile("../../fixtures/ref-atmosphere/scorecard.json")
	if err != nil {
		t.Fatal(err)
	}
	i := slices.IndexFunc(sc.Items, func(it scorecard.Item) bool { return it.Probe == Probe })
	if i < 0 {
		t.Fatal("no conclusions items in the fixture")
	}
	sc.Items[i].Verdict = "42"
	j := slices.IndexFunc(sc.Items[i+1:], func(it scorecard.Item) bool { return it.Probe == Probe }) + i + 1
	sc.Items[j].Verdict = ""
	if _, sk, err := FromScorecard(sc); err != nil || sk != (Skipped{Unanswered: 1, Unknown: 1}) {
		t.Errorf("skipped %+v, %v", sk, err)
	}
	k := slices.IndexFunc(sc.Items[j+1:], func(it scorecard.Item) bool { return it.Probe == Probe }) + j + 1
	ok := sc.Items[k]
	sc.Items[k].Responses = ok.Responses[:3]
	if _, _, err := FromScorecard(sc); err == nil || !strings.Contains(err.Error(), "labels but 3 response codes") {
		t.Errorf("an item with fewer response codes than labels: %v", err)
	}
	sc.Items[k].Responses = append([]string{"Zxy"}, ok.Responses[1:]...)
	sc.Items[k].Verdict = ok.Labels[0]
	if _, _, err := FromScorecard(sc); err == nil || !strings.Contains(err.Error(), "Zxy") {
		t.Errorf("an item with a response code that is not one: %v", err)
	}
	sc.Items[k] = ok
	sc.Items[k].Labels, sc.Items[k].Responses = nil, nil
	if _, sk, err := FromScorecard(sc); err != nil || sk != (Skipped{Unanswered: 1, Unknown: 1, Undescribed: 1}) {
		t.Errorf("an item of format 1, with no response codes: skipped %+v, %v", sk, err)
	}
}
