package probes

import (
	"fmt"
	"strings"

	"github.com/syllobench/syllobench/internal/gen"
	"github.com/syllobench/syllobench/internal/question"
	"github.com/syllobench/syllobench/internal/verdict"
)

// distractors asks syllogisms among irrelevant premises, SemEval-2026
// Task 11's subtask 2, two questions each: does the conclusion follow,
// and which premises does it need ("Answer: 1, 4", or none). The second
// is scored against the minimal sets of premises that entail the
// conclusion (logic.Needed): exactly right counts as correct, and the
// details give the F1 against the set it matches best.
func distractors() Probe {
	return Probe{
		Name: "distractors",
		Reason: "A failure means irrelevant premises throw the model off: it cannot tell whether a conclusion follows, " +
			"or which premises it follows from, when the argument comes with statements it does not need.",
		Cases: func(cfg Config) ([]Case, error) {
			cs, err := familyCases(cfg, "distractors", cfg.scale(48))
			if err != nil {
				return nil, err
			}
			out := make([]Case, 0, 2*len(cs))
			for _, c := range cs {
				sel, err := gen.SelectionOf(c.Item)
				if err != nil {
					return nil, err
				}
				out = append(out, c, Case{ID: sel.ID, Item: sel, Format: c.Format})
			}
			return out, nil
		},
		Assess: assessDistractors,
	}
}

// distractorCount reads k of a distractor form, "<mood>-<figure>-k<k>".
func distractorCount(r Result) string {
	_, k, _ := strings.Cut(r.Item.Form, "-k")
	return k
}

func assessDistractors(cfg Config, rs []Result) Assessment {
	var validity, selection []Result
	for _, r := range rs {
		if r.Item.Kind == question.Selection {
			selection = append(selection, r)
		} else {
			validity = append(validity, r)
		}
	}
	a := Assessment{Probe: "distractors"}
	a.infrastructure(rs)
	floor := cfg.Limits.FloorOf("distractors")
	groups := []floorGroup{{name: "", what: "distractors, validity", rs: validity}}
	_, byK := byKey(validity, distractorCount)
	order := ordered([]string{"1", "2", "3", "4"}, byK)
	for _, k := range order {
		groups = append(groups, floorGroup{name: "distractors=" + k, what: "validity among " + k + " irrelevant premises", rs: byK[k], each: true})
	}
	groups = append(groups, floorGroup{name: "cell=selection", what: "which premises are needed", rs: selection, each: true})
	a.Checks = floorChecks(groups, floor, cfg.Limits.Alpha, cfg.Limits.Strict)
	var b strings.Builder
	fmt.Fprintf(&b, "distractors, validity by irrelevant premises (floor %.2f):\n", floor)
	for _, k := range order {
		fmt.Fprintf(&b, "  %-22s %s\n", k, tally(byK[k]))
	}
	_, selByK := byKey(selection, distractorCount)
	fmt.Fprintf(&b, "which premises are needed: exactly right %s; mean F1 %s\n", tally(selection), meanF1(selection))
	for _, k := range ordered([]string{"1", "2", "3", "4"}, selByK) {
		fmt.Fprintf(&b, "  %-22s exactly right %s; mean F1 %s\n", k, tally(selByK[k]), meanF1(selByK[k]))
	}
	a.Details = strings.TrimRight(b.String(), "\n")
	return a
}

// meanF1 is the mean F1 of the selections answered (errors and declined
// questions left out; an unparseable or cut-off reply scores 0), against
// the minimal set each matches best.
func meanF1(rs []Result) string {
	sum, n := 0.0, 0
	for _, r := range rs {
		if r.Outcome == Error || r.Outcome == NotApplicable {
			continue
		}
		n++
		if r.Outcome == Correct || r.Outcome == Wrong {
			sum += verdict.SelectionF1(r.Answer(), r.Item.Accepted)
		}
	}
	if n == 0 {
		return "-"
	}
	return fmt.Sprintf("%.3f over %d", sum/float64(n), n)
}
