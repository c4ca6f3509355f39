package probes

import (
	"fmt"
	"strings"

	"github.com/google/go-cmp/cmp"
	"github.com/syllobench/syllobench/internal/forms"
	"github.com/syllobench/syllobench/internal/gen"
)

func fallacies() Probe {
	return Probe{
		Name: "fallacies",
		Reason: "A failure means the model accepts invalid arguments of a named kind (undistributed middle, illicit conversion, affirming the consequent…) " +
			"or rejects the valid ones shown beside them.",
		Cases: func(cfg Config) ([]Case, error) {
			cs, err := familyCases(cfg, "fallacies", cfg.scale(128))
			if err != nil {
				return nil, err
			}
			ex, err := exemplars(cfg)
			if err != nil {
				return nil, err
			}
			return append(cs, ex...), nil
		},
		Assess: assessFallacies,
	}
}

// exemplar is an isomorphic pair the project's own description asks
// about word for word: the same undistributed middle, once about shapes
// and once about programmers.
var exemplar = []struct {
	label string
	terms map[string]string
}{
	{"shapes", map[string]string{"P": "triangle", "M": "polygon", "S": "square"}},
	{"programmers", map[string]string{"P": "Python programmer", "M": "programmer", "S": "Java programmer"}},
}

const exemplarForm = "AAA-2" // All P are M. All S are M. So all S are P.

func exemplars(cfg Config) ([]Case, error) {
	var cs []Case
	for _, e := range exemplar {
		it, err := gen.Exemplar(gen.Spec{Family: "fallacies", Form: exemplarForm, Semantics: cfg.Semantics, Seed: cfg.Seed}, e.label, e.terms, nil)
		if err != nil {
			return nil, err
		}
		cs = append(cs, Case{ID: it.ID, Item: it, Format: cfg.Format})
	}
	return cs, nil
}

func isExemplar(r Result) bool {
	for _, e := range exemplar {
		if string(r.Item.Condition) == e.label {
			return true
		}
	}
	return false
}

func assessFallacies(cfg Config, rs []Result) Assessment {
	a := Assessment{Probe: "fallacies"}
	a.infrastructure(rs)
	floor := cfg.Limits.FloorOf("fallacies")
	drawn := filter(rs, func(r Result) bool { return !isExemplar(r) })
	fg := []floorGroup{{name: "", what: "fallacies", rs: drawn}}

	// An item may commit several fallacies; it counts for each.
	groups := map[string][]Result{}
	for _, r := range drawn {
		fs := r.Item.Meta.Fallacies
		if len(fs) == 0 {
			fs = []string{"none"}
		}
		for _, f := range fs {
			groups[f] = append(groups[f], r)
		}
	}
	var order []string
	for _, f := range forms.Fallacies() {
		order = append(order, f.String())
	}
	order = append(order, "none")
	var b strings.Builder
	fmt.Fprintf(&b, "fallacies by fallacy (floor %.2f; none: the valid forms shown beside them):\n", floor)
	for _, f := range ordered(order, groups) {
		fmt.Fprintf(&b, "  %-28s %s\n", f, tally(groups[f]))
		// An item that commits several fallacies is listed once, under
		// its first, in strict mode.
		fg = append(fg, floorGroup{name: "fallacy=" + f, what: "fallacies, " + f, rs: groups[f], each: true})
	}
	a.Checks = append(a.Checks, floorChecks(fg, floor, cfg.Limits.Alpha, false)...)
	if cfg.Limits.Strict {
		a.Checks[0].Failures = append(a.Checks[0].Failures, strictFailures(drawn)...)
	}

	ex := filter(rs, isExemplar)
	c := Check{Name: "cell=exemplar"}
	want, got := map[string]string{}, map[string]string{}
	right := true
	for _, r := range ex {
		want[string(r.Item.Condition)] = r.Item.Expected
		got[string(r.Item.Condition)] = r.Answer()
		if !answered(r) {
			got[string(r.Item.Condition)] = string(r.Outcome)
		}
		right = right && (r.Outcome == Correct || !replied(r))
	}
	fmt.Fprintf(&b, "  exemplar pair (%s about shapes and about programmers): %s", exemplarForm, tally(ex))
	if !right {
		var m strings.Builder
		m.WriteString("the isomorphic pair of the project's description is not answered rightly by both members ")
		m.WriteString("(the same undistributed middle about shapes and about programmers); verdict by content (-expected +given):\n")
		m.WriteString(cmp.Diff(want, got))
		for _, r := range ex {
			m.WriteString("\n" + Counterexample(r))
		}
		c.Failures = append(c.Failures, m.String())
	}
	a.Checks = append(a.Checks, c)
	a.Details = b.String()
	return a
}
