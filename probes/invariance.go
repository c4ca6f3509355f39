package probes

import (
	"fmt"
	"strings"

	"github.com/google/go-cmp/cmp"
	"github.com/syllobench/syllobench/internal/gen"
)

func invariance() Probe {
	return Probe{
		Name:    "invariance",
		NoFloor: true,
		Reason: "A failure means the model gives different verdicts to arguments of the same form: " +
			"its answer depends on the content (cell=content) or on the wording and order (cell=presentation), not on the logic.",
		Cases: func(cfg Config) ([]Case, error) {
			fam, err := gen.FamilyByName("invariance")
			if err != nil {
				return nil, err
			}
			sets, err := fam.Sets(cfg.Seed, cfg.scale(16), cfg.Semantics)
			if err != nil {
				return nil, err
			}
			var cs []Case
			for _, set := range sets {
				for _, it := range set {
					cs = append(cs, Case{ID: it.ID, Item: it, Format: cfg.Format})
				}
			}
			return cs, nil
		},
		Assess: assessInvariance,
	}
}

// setCell reads the cell of an isomorph set, the last part of its name.
func setCell(set string) string {
	return set[strings.LastIndexByte(set, '/')+1:]
}

// member names an item within its set: its condition in the content
// cell, its presentation in the presentation cell.
func member(it gen.Item) string {
	if setCell(it.Meta.Set) == "presentation" {
		return it.Presentation.String()
	}
	return string(it.Condition)
}

func assessInvariance(cfg Config, rs []Result) Assessment {
	a := Assessment{Probe: "invariance"}
	a.infrastructure(rs)
	var b strings.Builder
	for _, cell := range []string{"content", "presentation"} {
		c := Check{Name: "cell=" + cell}
		sets, groups := byKey(filter(rs, func(r Result) bool { return setCell(r.Item.Meta.Set) == cell }),
			func(r Result) string { return r.Item.Meta.Set })
		var flipped []string
		var t Tally
		compared := 0
		for _, set := range sets {
			g := groups[set]
			n := 0
			for _, r := range g {
				t.Add(r.Outcome)
				if answered(r) {
					n++
				}
			}
			if n >= 2 {
				compared++
			}
			if flips(g) {
				flipped = append(flipped, set)
			}
		}
		fmt.Fprintf(&b, "invariance, cell %s: %d sets, %d compared (two or more answers), %d with a flip; accuracy %s\n",
			cell, len(sets), compared, len(flipped), t)
		if noAnswer := t.Unparseable + t.Truncated; compared == 0 && noAnswer > 0 {
			c.Failures = append(c.Failures, fmt.Sprintf("no isomorph set could be compared: the model gave no answer the suite could read in %d of %d replies, so whether its verdicts depend on %s cannot be judged", noAnswer, t.Answered(), cell))
		}
		if len(flipped) > cfg.Limits.MaxFlips {
			var m strings.Builder
			fmt.Fprintf(&m, "%d of %d isomorph sets got different verdicts for the same form (at most %d allowed).\n", len(flipped), len(sets), cfg.Limits.MaxFlips)
			if cell == "content" {
				m.WriteString("The model's verdict depends on what the argument is about, not on its form.")
			} else {
				m.WriteString("The model's verdict depends on how the argument is worded or ordered, not on its form.")
			}
			for i, set := range flipped {
				if i == maxExamples && !cfg.Limits.Strict {
					fmt.Fprintf(&m, "\n\n… and %d more sets (SYLLOBENCH_STRICT=1 lists every one)", len(flipped)-i)
					break
				}
				m.WriteString("\n\n" + flipReport(set, groups[set]))
			}
			c.Failures = append(c.Failures, m.String())
		}
		if cfg.Limits.Strict {
			c.Failures = append(c.Failures, strictFailures(filter(rs, func(r Result) bool { return setCell(r.Item.Meta.Set) == cell }))...)
		}
		a.Checks = append(a.Checks, c)
	}
	a.Details = strings.TrimRight(b.String(), "\n")
	return a
}

// flips reports whether the answered members of a set got more than one
// verdict. Unparseable replies and errors are no verdict, and so no flip.
func flips(g []Result) bool {
	first := ""
	for _, r := range g {
		if !answered(r) {
			continue
		}
		if first == "" {
			first = r.Answer()
		} else if r.Answer() != first {
			return true
		}
	}
	return false
}

// flipReport shows a flipped set: a cmp.Diff of its verdict table against
// the right answers, then each member that went wrong.
func flipReport(set string, g []Result) string {
	want, got := map[string]string{}, map[string]string{}
	for _, r := range g {
		k := member(r.Item)
		want[k] = r.Item.Expected
		got[k] = r.Answer()
		if !answered(r) {
			got[k] = string(r.Outcome)
		}
	}
	var b strings.Builder
	fmt.Fprintf(&b, "set %s, form %s: verdict by member (-expected +given):\n%s", set, g[0].Item.Form, cmp.Diff(want, got))
	for _, r := range g {
		if r.Outcome != Correct {
			b.WriteString("\n" + Counterexample(r))
		}
	}
	return b.String()
}

func filter(rs []Result, keep func(Result) bool) []Result {
	var out []Result
	for _, r := range rs {
		if keep(r) {
			out = append(out, r)
		}
	}
	return out
}
