package run

import (
	"context"
	"strings"
	"testing"

	"github.com/syllobench/syllobench/internal/forms"
	"github.com/syllobench/syllobench/internal/refmodel"
	"github.com/syllobench/syllobench/probes"
)

// outcomeOf says how a check of an assessment came out.
type outcomeOf int

const (
	passes outcomeOf = iota
	fails
	notApplicable // the reasoner declined every question of the probe
)

func (o outcomeOf) String() string { return [...]string{"passes", "fails", "not applicable"}[o] }

// profile runs every probe against a reasoner and returns its assessments.
func profile(t *testing.T, name string) map[string]probes.Assessment {
	t.Helper()
	s := sessionFor(t, name)
	got := map[string]probes.Assessment{}
	for _, p := range probes.All() {
		a, _, err := s.Probe(context.Background(), p)
		if err != nil {
			t.Fatal(err)
		}
		if len(a.Infrastructure) > 0 {
			t.Fatalf("%s, probe %s: infrastructure failures: %v", name, p.Name, a.Infrastructure)
		}
		got[p.Name] = a
	}
	return got
}

// checkOutcome returns how check name of a came out; "" is the probe's own.
func checkOutcome(t *testing.T, a probes.Assessment, name string) outcomeOf {
	t.Helper()
	if a.Tally.N > 0 && a.Tally.NotApplicable == a.Tally.N {
		return notApplicable
	}
	for _, c := range a.Checks {
		if c.Name == name {
			if len(c.Failures) > 0 {
				return fails
			}
			return passes
		}
	}
	t.Fatalf("probe %s has no check %q", a.Probe, name)
	return passes
}

// The battery measures what it claims: each reference reasoner, whose
// behaviour is known, passes and fails the checks it should.
func TestReferenceProfiles(t *testing.T) {
	heuristic := func(presentation outcomeOf) map[string]outcomeOf {
		return map[string]outcomeOf{
			// Wrong on many forms…
			"validity": fails, "conclusions": fails,
			// …but blind to content, so never swayed by belief.
			"invariance/cell=content": passes, "belief/index=belief": passes,
			"invariance/cell=presentation": presentation,
			// The theories are about syllogisms; the rest they decline.
			"instantiation": notApplicable, "consistency": notApplicable, "chains": notApplicable,
		}
	}
	want := map[string]map[string]outcomeOf{
		"ref-logic": {}, // filled below: every check of every probe passes
		"ref-belief": {
			"belief": fails, "belief/index=belief": fails,
			"belief/cell=valid-unbelievable": fails, "belief/cell=invalid-believable": fails,
			"belief/cell=valid-believable": passes, "belief/cell=invalid-unbelievable": passes,
			"invariance/cell=content": fails, "invariance/cell=presentation": passes,
			// Where the world has nothing to say, it falls back on logic.
			"validity": fails, "validity/condition=symbolic": passes, "validity/condition=nonce": passes,
			"chains": passes,
		},
		// Atmosphere and matching read the moods of the premises, whatever
		// their order; conversion's predictions change with the figure, and
		// premise order changes the figure (see TestConversionIsOrderSensitive).
		"ref-atmosphere": heuristic(passes),
		"ref-matching":   heuristic(passes),
		"ref-conversion": heuristic(fails),
		// ref-human samples people's answers (Ragni 2016), about 41% of
		// which are right on the 64 pairs, far below the conclusions
		// floor in every condition. It answers only choice questions on
		// premise pairs, and every other probe asks only validity, truth
		// or consistency questions (formats, belief and invariance ask
		// validity ones), so all of them are not applicable, observed
		// at the small size.
		"ref-human": {
			"conclusions": fails, "conclusions/condition=symbolic": fails, "conclusions/condition=nonce": fails,
			"conclusions/condition=congruent": fails, "conclusions/condition=incongruent": fails,
			"validity": notApplicable, "belief": notApplicable, "invariance": notApplicable,
			"instantiation": notApplicable, "consistency": notApplicable, "fallacies": notApplicable,
			"chains": notApplicable, "formats": notApplicable,
		},
		"ref-coin": {
			"validity": fails, "conclusions": fails, "belief": fails, "instantiation": fails,
			"consistency": fails, "fallacies": fails, "chains": fails,
			"invariance/cell=content": fails,
		},
	}
	for _, name := range refmodel.Names() {
		t.Run(name, func(t *testing.T) {
			w, ok := want[name]
			if !ok {
				t.Fatalf("no expected profile for %s", name)
			}
			got := profile(t, name)
			if name == "ref-logic" {
				for probe, a := range got {
					if !a.Passed() {
						t.Errorf("ref-logic fails probe %s, checks %q: a sound reasoner must pass every check\n%s", probe, a.Failed(), a.Details)
					}
				}
				return
			}
			for key, o := range w {
				probe, check, _ := strings.Cut(key, "/")
				a := got[probe]
				if g := checkOutcome(t, a, check); g != o {
					t.Errorf("%s: %s %s; want it to %s\n%s", name, key, g, o, a.Details)
				}
			}
		})
	}
}

// The conversion theory's table is not symmetric under premise order,
// which is why the presentation cell catches ref-conversion: swapping the
// premises of a pair turns figure 1 into figure 2 (and leaves 3 and 4),
// with the end terms exchanged, and the theory predicts something else.
func TestConversionIsOrderSensitive(t *testing.T) {
	asymmetric := map[string]int{}
	for _, theory := range []string{"Atmosphere", "Matching", "Conversion"} {
		table, err := refmodel.CCOBRATable(theory)
		if err != nil {
			t.Fatal(err)
		}
		for _, p := range forms.Pairs() {
			q := forms.Pair{First: p.Second, Second: p.First, Figure: map[int]int{1: 2, 2: 1, 3: 3, 4: 4}[p.Figure]}
			if !sameResponses(table[p.ID()], exchangeEnds(table[q.ID()])) {
				asymmetric[theory]++
			}
		}
	}
	if asymmetric["Atmosphere"] != 0 || asymmetric["Matching"] != 0 || asymmetric["Conversion"] == 0 {
		t.Errorf("pairs whose prediction changes with premise order: %v; want none for atmosphere and matching, some for conversion", asymmetric)
	}
}

// exchangeEnds swaps the direction of each conclusion: Aac for Aca.
func exchangeEnds(rs []forms.Response) []string {
	var out []string
	for _, r := range rs {
		s := r.String()
		switch {
		case strings.HasSuffix(s, "ac"):
			s = s[:1] + "ca"
		case strings.HasSuffix(s, "ca"):
			s = s[:1] + "ac"
		}
		out = append(out, s)
	}
	return out
}

func sameResponses(rs []forms.Response, other []string) bool {
	if len(rs) != len(other) {
		return false
	}
	for _, r := range rs {
		found := false
		for _, o := range other {
			found = found || r.String() == o
		}
		if !found {
			return false
		}
	}
	return true
}
