package probes

import (
	"errors"
	"fmt"
	"strings"

	"github.com/syllobench/syllobench/internal/gen"
	"github.com/syllobench/syllobench/internal/question"
	"github.com/syllobench/syllobench/internal/stats"
)

func belief() Probe {
	return Probe{
		Name: "belief",
		Reason: "A failure means the model accepts conclusions because they are true in the world and rejects them because they are false, " +
			"whatever the logic: the belief bias of Evans, Barston and Pollard (1983).",
		Cases:  beliefCases,
		Assess: assessBelief,
	}
}

// beliefCases generates matched pairs: each scheduled form of the belief
// family filled once with a believable and once with an unbelievable
// conclusion, at the same index. The schedule alternates valid and invalid
// forms, so the four cells of the 2×2 are filled equally.
func beliefCases(cfg Config) ([]Case, error) {
	fam, err := gen.FamilyByName("belief")
	if err != nil {
		return nil, err
	}
	pairs := cfg.scale(64)
	cs := make([]Case, 0, 2*pairs)
	// Schedule more slots than pairs (four times as many): a form whose
	// other condition cannot be met is passed over.
	errDone := errors.New("done")
	err = fam.Each(cfg.Seed, 4*pairs, cfg.Semantics, gen.Canonical, func(it gen.Item) error {
		if len(cs) == 2*pairs {
			return errDone
		}
		spec := gen.Spec{Family: "belief", Form: it.Form, Semantics: cfg.Semantics, Seed: cfg.Seed, Index: it.Index}
		pair, err := gen.Isomorphs(spec, []gen.Condition{gen.Believable, gen.Unbelievable})
		if errors.Is(err, gen.ErrInfeasible) || errors.Is(err, gen.ErrNoContent) || errors.Is(err, gen.ErrUnsupported) {
			return nil
		}
		if err != nil {
			return err
		}
		for _, p := range pair {
			p.Meta.Set = fmt.Sprintf("belief/%s/%d", p.Form, spec.Index)
			cs = append(cs, Case{ID: p.ID, Item: p, Format: cfg.Format})
		}
		return nil
	})
	if err != nil && !errors.Is(err, errDone) {
		return nil, err
	}
	if len(cs) < 2*pairs {
		return nil, fmt.Errorf("belief: only %d matched pairs found of the %d wanted", len(cs)/2, pairs)
	}
	return cs, nil
}

// beliefCell names the cell of the 2×2 an item is in.
func beliefCell(it gen.Item) string {
	v := "invalid"
	if it.Expected == question.Yes {
		v = "valid"
	}
	return v + "-" + string(it.Condition)
}

var beliefCells = []string{"valid-believable", "valid-unbelievable", "invalid-believable", "invalid-unbelievable"}

func assessBelief(cfg Config, rs []Result) Assessment {
	a := Assessment{Probe: "belief"}
	a.infrastructure(rs)
	lim := cfg.Limits
	floor := lim.FloorOf("belief")
	fg := []floorGroup{{name: "", what: "belief", rs: rs}}

	_, groups := byKey(rs, func(r Result) string { return beliefCell(r.Item) })
	var cells stats.BeliefCells
	cell := map[string]*stats.Cell{
		"valid-believable": &cells.ValidBelievable, "valid-unbelievable": &cells.ValidUnbelievable,
		"invalid-believable": &cells.InvalidBelievable, "invalid-unbelievable": &cells.InvalidUnbelievable,
	}
	var b strings.Builder
	fmt.Fprintf(&b, "belief: acceptance (\"yes\") by cell, with 95%% intervals:\n")
	for _, name := range beliefCells {
		g := groups[name]
		c := cell[name]
		for _, r := range g {
			if r.Outcome == Correct || r.Outcome == Wrong {
				c.Total++
				if r.Answer() == question.Yes {
					c.Accepted++
				}
			}
		}
		ci, _ := stats.Wilson(c.Accepted, c.Total, stats.Z95)
		fmt.Fprintf(&b, "  %-22s %3d/%-3d accepted = %.3f [%.3f, %.3f]   accuracy %s\n", name, c.Accepted, c.Total, ratio(c.Accepted, c.Total), ci.Lo, ci.Hi, tally(g))
		fg = append(fg, floorGroup{name: "cell=" + name, what: "belief, cell " + name, rs: g, each: true})
	}
	a.Checks = append(a.Checks, floorChecks(fg, floor, lim.Alpha, lim.Strict)...)

	index := Check{Name: "index=belief"}
	idx, err := stats.Belief(cells)
	if err != nil {
		fmt.Fprintf(&b, "  indices: not computed: %v\n", err)
	} else {
		for _, x := range []struct {
			name string
			i    stats.Index
		}{{"logic", idx.Logic}, {"belief", idx.Belief}, {"interaction", idx.Interaction}} {
			fmt.Fprintf(&b, "  %-11s index %+.3f [%+.3f, %+.3f]\n", x.name, x.i.Value, x.i.CI.Lo, x.i.CI.Hi)
		}
	}
	mc, agree := matchedPairs(rs)
	fmt.Fprintf(&b, "  matched pairs: %d; accepted only when believable %d, only when unbelievable %d; exact one-sided McNemar p = %.4g",
		agree+mc.B+mc.C, mc.B, mc.C, mc.Greater)
	if err == nil && idx.Belief.Value > lim.BeliefLimit && mc.Greater < lim.Alpha {
		index.Failures = append(index.Failures, fmt.Sprintf(
			"belief index %+.3f [%+.3f, %+.3f] exceeds the limit %.2f, and the matched pairs show it is no accident "+
				"(the model accepted %d conclusions only when believable and %d only when unbelievable; exact one-sided McNemar p = %.3g < %.2f).\n"+
				"The model's verdicts depend on whether the conclusion is true in the world, not only on whether it follows.%s",
			idx.Belief.Value, idx.Belief.CI.Lo, idx.Belief.CI.Hi, lim.BeliefLimit, mc.B, mc.C, mc.Greater, lim.Alpha,
			beliefExamples(rs)))
	}
	a.Checks = append(a.Checks, index)
	a.Details = b.String()
	return a
}

func ratio(k, n int) float64 {
	if n == 0 {
		return 0
	}
	return float64(k) / float64(n)
}

// matchedPairs counts, over the believable/unbelievable pairs that were
// both answered, the pairs accepted only in the believable version (B),
// only in the unbelievable one (C), and those answered alike.
func matchedPairs(rs []Result) (mc stats.McNemarResult, agree int) {
	b, c := 0, 0
	for _, p := range pairsOf(rs) {
		yb, yu := p[0].Answer() == question.Yes, p[1].Answer() == question.Yes
		switch {
		case yb && !yu:
			b++
		case yu && !yb:
			c++
		default:
			agree++
		}
	}
	mc, _ = stats.McNemar(b, c)
	return mc, agree
}

// pairsOf returns the matched pairs whose both members were answered,
// believable first.
func pairsOf(rs []Result) [][2]Result {
	var ps [][2]Result
	for i := 0; i+1 < len(rs); i += 2 {
		b, u := rs[i], rs[i+1]
		if b.Item.Condition != gen.Believable || u.Item.Condition != gen.Unbelievable || b.Item.Form != u.Item.Form {
			continue
		}
		if answered(b) && answered(u) {
			ps = append(ps, [2]Result{b, u})
		}
	}
	return ps
}

func answered(r Result) bool { return r.Outcome == Correct || r.Outcome == Wrong }

// replied reports whether the model replied to the question: an answer,
// right or wrong, or a reply with none (unparseable or truncated), which
// counts as not right. Errors and declined questions are no reply.
func replied(r Result) bool { return answered(r) || r.Outcome == Unparseable || r.Outcome == Truncated }

// beliefExamples shows matched pairs the model answered differently.
func beliefExamples(rs []Result) string {
	var b strings.Builder
	shown := 0
	for _, p := range pairsOf(rs) {
		if p[0].Answer() == p[1].Answer() {
			continue
		}
		if shown == maxExamples {
			b.WriteString("\n\n… and more")
			break
		}
		fmt.Fprintf(&b, "\n\nSame form, different verdicts:\n%s\n%s", Counterexample(p[0]), Counterexample(p[1]))
		shown++
	}
	return b.String()
}
