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
		Reason: "A failure means the model's verdicts on arguments about real things do not follow from the premises alone; " +
			"the failure says which pattern the 2×2 of validity and believability shows: belief bias (Evans, Barston and Pollard 1983), " +
			"accepting conclusions because they are true in the world and rejecting them because they are false; " +
			"acceptance bias, accepting invalid arguments whatever their believability; or both.",
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
	floorStart := len(a.Checks)
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
	d := diagnoseBelief(cells, idx, err, mc, lim)
	fmt.Fprintf(&b, "\n  pattern: %s", d.text)
	if d.pattern == beliefBias || d.pattern == bothBiases {
		also := ""
		if d.pattern == bothBiases {
			also = "\n" + d.acceptance
		}
		index.Failures = append(index.Failures, fmt.Sprintf(
			"belief index %+.3f [%+.3f, %+.3f] exceeds the limit %.2f, and the matched pairs show it is no accident "+
				"(the model accepted %d conclusions only when believable and %d only when unbelievable; exact one-sided McNemar p = %.3g < %.2f).\n"+
				"The model's verdicts depend on whether the conclusion is true in the world, not only on whether it follows.%s%s",
			idx.Belief.Value, idx.Belief.CI.Lo, idx.Belief.CI.Hi, lim.BeliefLimit, mc.B, mc.C, mc.Greater, lim.Alpha,
			also, beliefExamples(rs)))
	}
	// Every accuracy floor the model fails says what the cells show, before
	// its counterexamples: the floors fail a model with belief bias and one
	// with acceptance bias alike, for different reasons.
	for i := range fg {
		c := &a.Checks[floorStart+i]
		for j, f := range c.Failures {
			if strings.HasPrefix(f, fg[i].what+": accuracy ") {
				c.Failures[j] = explainFloor(f, d)
			}
		}
	}
	a.Checks = append(a.Checks, index)
	a.Details = b.String()
	return a
}

// beliefPattern is what the 2×2 of validity and believability shows of
// a model's verdicts.
type beliefPattern string

const (
	noBias         beliefPattern = "neither acceptance nor belief bias"
	acceptanceBias beliefPattern = "acceptance bias"
	beliefBias     beliefPattern = "belief bias"
	bothBiases     beliefPattern = "acceptance bias and belief bias"
)

// beliefDiagnosis is the pattern the cells show, and what it means in
// words: text for the whole, acceptance for the acceptance part alone.
type beliefDiagnosis struct {
	pattern          beliefPattern
	text, acceptance string
}

// diagnoseBelief reads the pattern of a model's verdicts from the cells:
//
//   - acceptance bias: it accepts invalid arguments whatever their
//     believability. In both invalid cells it accepts significantly more
//     than half the arguments: exact one-sided binomial tests against
//     one half, each at Alpha (both must hold, an intersection-union
//     test, so no correction is needed). A sound reasoner accepts none.
//   - belief bias: the belief index exceeds BeliefLimit and the matched
//     pairs show it is no accident (exact one-sided McNemar p < Alpha),
//     the test of the check index=belief.
//   - both, or neither (the model may still fall below the floor, by
//     errors with no pattern the 2×2 names).
//
// idxErr is the error of stats.Belief, when the indices could not be
// computed (an empty cell).
func diagnoseBelief(cells stats.BeliefCells, idx stats.BeliefIndices, idxErr error, mc stats.McNemarResult, lim Limits) beliefDiagnosis {
	ib, iu := cells.InvalidBelievable, cells.InvalidUnbelievable
	pb, pu := moreThanHalf(ib), moreThanHalf(iu)
	accepts := pb < lim.Alpha && pu < lim.Alpha
	believes := idxErr == nil && idx.Belief.Value > lim.BeliefLimit && mc.Greater < lim.Alpha

	invalid := fmt.Sprintf("%d/%d (%.0f%%) of the invalid arguments with a believable conclusion and %d/%d (%.0f%%) of those with an unbelievable one",
		ib.Accepted, ib.Total, 100*ratio(ib.Accepted, ib.Total), iu.Accepted, iu.Total, 100*ratio(iu.Accepted, iu.Total))
	index := "not computed"
	if idxErr == nil {
		index = fmt.Sprintf("%+.3f [%+.3f, %+.3f]", idx.Belief.Value, idx.Belief.CI.Lo, idx.Belief.CI.Hi)
	}
	pairs := fmt.Sprintf("%d matched pairs accepted only when believable, %d only when unbelievable; exact one-sided McNemar p = %.3g",
		mc.B, mc.C, mc.Greater)
	var notBelief string
	switch {
	case idxErr != nil:
		notBelief = fmt.Sprintf("its belief index could not be computed (%v; %s)", idxErr, pairs)
	case idx.Belief.Value <= lim.BeliefLimit:
		notBelief = fmt.Sprintf("its belief index %s is within the limit %.2f (%s)", index, lim.BeliefLimit, pairs)
	default:
		notBelief = fmt.Sprintf("its belief index %s exceeds the limit %.2f by no more than chance could (%s, not below %.2f)", index, lim.BeliefLimit, pairs, lim.Alpha)
	}
	belief := func(lead string) string {
		return fmt.Sprintf("%s (Evans, Barston and Pollard 1983): the model accepts conclusions because they are true in the world and rejects them because they are false. "+
			"Its belief index %s exceeds the limit %.2f, and %d matched pairs were accepted only when believable against %d only when unbelievable (exact one-sided McNemar p = %.3g < %.2f).",
			lead, index, lim.BeliefLimit, mc.B, mc.C, mc.Greater, lim.Alpha)
	}
	d := beliefDiagnosis{acceptance: fmt.Sprintf(
		"Acceptance bias: the model accepts invalid arguments whatever their believability. "+
			"It accepted %s, each significantly more than half (exact one-sided binomial tests, p = %.3g and %.3g < %.2f); a sound reasoner accepts none.",
		invalid, pb, pu, lim.Alpha)}
	switch {
	case accepts && believes:
		d.pattern = bothBiases
		d.text = d.acceptance + " " + belief("Belief bias as well")
	case accepts:
		d.pattern = acceptanceBias
		d.text = d.acceptance + " It is not belief bias: " + notBelief +
			`, so the model leans to "yes" whether or not the conclusion is true in the world.`
	case believes:
		d.pattern = beliefBias
		d.text = belief("Belief bias") + " It is not acceptance bias: the model accepted " + invalid + "."
	default:
		d.pattern = noBias
		vb, vu := cells.ValidBelievable, cells.ValidUnbelievable
		d.text = fmt.Sprintf("Neither acceptance bias nor belief bias: the model accepted %s (not significantly more than half in both), "+
			"and %d/%d valid arguments with a believable conclusion and %d/%d with an unbelievable one; %s.",
			invalid, vb.Accepted, vb.Total, vu.Accepted, vu.Total, notBelief)
	}
	return d
}

// moreThanHalf is the exact one-sided binomial p-value of c's
// acceptances against an acceptance rate of one half: the chance of so
// many from a model that accepts half the time. 1 for an empty cell.
func moreThanHalf(c stats.Cell) float64 {
	if c.Total == 0 {
		return 1
	}
	// P[X ≥ k] for X ~ Bin(n, 1/2) is P[X ≤ n−k], by symmetry.
	p, err := stats.BinomialCDF(c.Total-c.Accepted, c.Total, 0.5)
	if err != nil {
		return 1
	}
	return p
}

// explainFloor adds what the cells show to a floor failure, after its
// first paragraph and before its counterexamples.
func explainFloor(f string, d beliefDiagnosis) string {
	what := "What the 2×2 of validity and believability shows. " + d.text
	head, examples, found := strings.Cut(f, "\n\n")
	if !found {
		return f + "\n" + what
	}
	return head + "\n" + what + "\n\n" + examples
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
