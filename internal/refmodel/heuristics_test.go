package refmodel

import (
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/syllobench/syllobench/internal/forms"
	"github.com/syllobench/syllobench/internal/gen"
	"github.com/syllobench/syllobench/internal/logic"
	"github.com/syllobench/syllobench/internal/prompt"
)

var rules = map[string]func(forms.Pair) []forms.Response{
	"Atmosphere": AtmosphereRule,
	"Matching":   MatchingRule,
	"Conversion": ConversionRule,
}

func testdataTable(t *testing.T, theory string) Table {
	t.Helper()
	data, err := os.ReadFile("testdata/ccobra/" + theory + ".csv")
	if err != nil {
		t.Fatal(err)
	}
	tab, err := ParseTable(string(data))
	if err != nil {
		t.Fatal(err)
	}
	return tab
}

func sameSet(a, b []forms.Response) bool {
	a, b = slices.Clone(a), slices.Clone(b)
	slices.Sort(a)
	slices.Sort(b)
	return slices.Equal(a, b)
}

// wantDisagreements are the pairs where a theory's rule, as stated in
// heuristics.go, and CCOBRA's table differ. The table wins at run time.
var wantDisagreements = map[string][]string{
	"Atmosphere": nil,
	"Matching":   nil,
	"Conversion": {
		"IA1", "IA2", "IA3", "IA4", "IE1", "IE2", "IE3", "IE4", "EA1", "EA2", "EA3", "EA4",
		"EI1", "EI2", "EI3", "EI4", "OA1", "OA2", "OA3", "OA4",
	},
}

// TestRulesAgainstTables compares each rule with its table on all 64
// pairs and logs every disagreement.
func TestRulesAgainstTables(t *testing.T) {
	for _, theory := range theories {
		tab := testdataTable(t, theory)
		var diff []string
		for _, p := range forms.Pairs() {
			rule, table := rules[theory](p), tab[p.ID()]
			if !sameSet(rule, table) {
				diff = append(diff, p.ID())
				t.Logf("%s %s: rule %v, table %v", theory, p.ID(), rule, table)
			}
		}
		t.Logf("%s: rule and table disagree on %d of 64 pairs: %s", theory, len(diff), strings.Join(diff, " "))
		if !slices.Equal(diff, wantDisagreements[theory]) {
			t.Errorf("%s: disagreements %v, want the documented %v", theory, diff, wantDisagreements[theory])
		}
	}
}

func TestReadPairFigures(t *testing.T) {
	for _, p := range forms.Pairs() {
		pr, ok := readPair(p.Premises())
		if !ok || pr.Pair != p || pr.A != "A" || pr.C != "C" {
			t.Errorf("%s: read as %+v, %t", p.ID(), pr, ok)
		}
		for _, r := range forms.Responses()[:8] {
			s, _ := r.Statement()
			if got, ok := pr.response(s); !ok || got != r {
				t.Errorf("%s: %v reads as %v", p.ID(), s, got)
			}
		}
	}
}

// pairItems returns choice items of premise pair id across seeds,
// conditions and presentations.
func pairItems(t *testing.T, id string) []gen.Item {
	t.Helper()
	var its []gen.Item
	for seed := uint64(0); seed < 6; seed++ {
		for _, c := range []gen.Condition{gen.Symbolic, gen.Nonce, gen.Congruent, gen.Incongruent} {
			for _, p := range []gen.Presentation{gen.Canonical, {ShuffleOptions: true}} {
				it, err := gen.Generate(gen.Spec{Family: "conclusions", Form: id, Condition: c, Presentation: p,
					Semantics: logic.Traditional, Seed: seed, Index: int(seed)})
				if err != nil {
					continue // some forms have no content for a condition
				}
				its = append(its, it)
			}
		}
	}
	if len(its) < 8 {
		t.Fatalf("%s: only %d items", id, len(its))
	}
	return its
}

// TestHeuristicsFollowTables: on all 64 pairs, every choice a heuristic
// reasoner makes is in its table's set, and over several prompts each
// predicted response is chosen.
func TestHeuristicsFollowTables(t *testing.T) {
	for _, theory := range theories {
		r := mustReasoner(t, "ref-"+strings.ToLower(theory))
		tab := testdataTable(t, theory)
		for _, p := range forms.Pairs() {
			seen := map[forms.Response]bool{}
			for i, it := range pairItems(t, p.ID()) {
				got, ok := answer(t, r, it, prompt.Formats()[i%3])
				if !ok {
					t.Fatalf("%s on %s: not applicable", r.Name(), it.ID)
				}
				var resp forms.Response = 255
				for _, o := range it.Options {
					if o.Label == got {
						resp = o.Response
					}
				}
				if !slices.Contains(tab[p.ID()], resp) {
					t.Errorf("%s on %s: chose %s (%v), not in the table's %v", r.Name(), it.ID, got, resp, tab[p.ID()])
				}
				seen[resp] = true
			}
			for _, want := range tab[p.ID()] {
				if !seen[want] {
					t.Errorf("%s on %s: never chose %v of %v", r.Name(), p.ID(), want, tab[p.ID()])
				}
			}
		}
	}
}

// TestHeuristicsOnSyllogisms: on validity items, the answer is yes iff
// the table predicts the conclusion's response code.
func TestHeuristicsOnSyllogisms(t *testing.T) {
	for _, theory := range theories {
		r := mustReasoner(t, "ref-"+strings.ToLower(theory))
		tab := testdataTable(t, theory)
		for _, s := range forms.Syllogisms() {
			it, err := gen.Generate(gen.Spec{Family: "validity", Form: s.ID(), Condition: gen.Symbolic, Semantics: logic.Traditional, Seed: 1})
			if err != nil {
				t.Fatal(err)
			}
			got, ok := answer(t, r, it, prompt.Direct)
			if !ok {
				t.Fatalf("%s on %s: not applicable", r.Name(), it.ID)
			}
			pr, ok := readPair(it.Premises)
			if !ok {
				t.Fatalf("%s: premises are not a pair", it.ID)
			}
			code, ok := pr.response(*it.Conclusion)
			if !ok {
				t.Fatalf("%s: conclusion is not about the end terms", it.ID)
			}
			want := map[bool]string{true: "yes", false: "no"}[slices.Contains(tab[pr.Pair.ID()], code)]
			if got != want {
				t.Errorf("%s on %s (%s, %v): %s, want %s", r.Name(), it.ID, pr.Pair.ID(), code, got, want)
			}
		}
	}
}

func TestHeuristicsNotApplicable(t *testing.T) {
	its := items(t, 4, 20, logic.Traditional)
	for _, theory := range theories {
		r := mustReasoner(t, "ref-"+strings.ToLower(theory))
		for _, it := range its["consistency"] {
			if _, ok := answer(t, r, it, prompt.Direct); ok {
				t.Errorf("%s answered consistency item %s", r.Name(), it.ID)
			}
		}
	}
}
