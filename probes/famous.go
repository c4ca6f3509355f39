package probes

import (
	"fmt"
	"slices"
	"strings"

	"github.com/syllobench/syllobench/internal/famous"
	"github.com/syllobench/syllobench/internal/gen"
	"github.com/syllobench/syllobench/internal/stats"
)

// FamousProbe is the name of the probe that asks famous arguments word
// for word beside their isomorphs.
const FamousProbe = "famous"

// famousNonce is how many isomorphs in nonsense words of each famous
// argument the default size asks, which the memorization test pairs
// with it, and famousOther how many in each of its other isomorph
// conditions, shown beside them.
const (
	famousNonce = 8
	famousOther = 2
)

// isomorphConditions are the contents a famous argument's isomorphs are
// drawn in: nonsense words, and real content from a swap pair where the
// form takes it, else believable and unbelievable real content, else
// letters.
func isomorphConditions(fam gen.Family, form string) ([]gen.Condition, error) {
	possible := func(cs ...gen.Condition) bool {
		for _, c := range cs {
			if !slices.Contains(fam.Conditions, c) {
				return false
			}
			if f, err := fam.Feasibility(form, c); err != nil || f != gen.Possible {
				return false
			}
		}
		return true
	}
	for _, real := range [][]gen.Condition{{gen.SwapA, gen.SwapB}, {gen.Believable, gen.Unbelievable}, {gen.Symbolic}} {
		if possible(append([]gen.Condition{gen.Nonce}, real...)...) {
			return append([]gen.Condition{gen.Nonce}, real...), nil
		}
	}
	return nil, fmt.Errorf("form %s of %s takes no nonsense words", form, fam.Name)
}

func famousProbe() Probe {
	return Probe{
		Name: FamousProbe,
		Reason: "A failure means the model answers famous arguments (Socrates, the article's triangles and R2-D2) better than the same forms in fresh words: " +
			"it remembers them rather than reasons them.",
		NoFloor: true,
		Cases:   famousCases,
		Assess:  assessFamous,
	}
}

// famousCases asks each famous argument word for word, then its
// isomorphs, each shown as the argument is.
func famousCases(cfg Config) ([]Case, error) {
	var cs []Case
	// At least four in nonsense words even at the small size: with fewer
	// pairs, no gap is ever significant.
	nonce, other := max(cfg.scale(famousNonce), 4), cfg.scale(famousOther)
	for ai, a := range famous.Arguments() {
		spec := gen.Spec{Family: a.Family, Form: a.Form, Semantics: cfg.Semantics, Seed: cfg.Seed}
		it, shape, err := gen.Worded(spec, a.Label, a.Terms, a.Names, gen.Wording{Premises: a.Premises, Question: a.Question})
		if err != nil {
			return nil, err
		}
		cs = append(cs, Case{ID: it.ID, Item: it, Format: cfg.Format})
		fam, err := gen.FamilyByName(a.Family)
		if err != nil {
			return nil, err
		}
		conds, err := isomorphConditions(fam, a.Form)
		if err != nil {
			return nil, err
		}
		for j := range max(nonce, other) {
			spec.Index = 1000*(ai+1) + j // the arguments that share a form draw other isomorphs
			var cj []gen.Condition
			for _, c := range conds {
				if c == gen.Nonce && j < nonce || c != gen.Nonce && j < other {
					cj = append(cj, c)
				}
			}
			isos, err := gen.Isomorphs(spec, cj)
			if err != nil {
				return nil, err
			}
			for _, iso := range isos {
				shown, err := shape.Show(iso, a.Label)
				if err != nil {
					return nil, err
				}
				cs = append(cs, Case{ID: shown.ID, Item: shown, Format: cfg.Format})
			}
		}
	}
	return cs, nil
}

// famousOf returns the label of the famous argument a result asks, and
// whether it is the argument itself rather than an isomorph.
func famousOf(r Result) (label string, itself bool) {
	if _, as, ok := strings.Cut(r.ID, "/as-"); ok {
		return as, false
	}
	return string(r.Item.Condition), true
}

// assessFamous compares each famous argument with its isomorphs. The
// test pairs it with its isomorphs in nonsense words, which no model can
// know or believe anything of: a famous argument answered significantly
// better than those (the exact McNemar test on the pairs where one is
// right and the other not) is remembered, not reasoned. The isomorphs in
// real content are shown beside them, not tested: a model's beliefs
// about their words, not memory, may sway those (the belief and
// invariance probes test that).
func assessFamous(cfg Config, rs []Result) Assessment {
	a := Assessment{Probe: FamousProbe}
	a.infrastructure(rs)
	byLabel := map[string]Result{}
	isos := map[string][]Result{}
	for _, r := range rs {
		label, itself := famousOf(r)
		if itself {
			byLabel[label] = r
		} else {
			isos[label] = append(isos[label], r)
		}
	}
	answered := func(r Result) bool { return r.Outcome != Error && r.Outcome != NotApplicable }
	var famousRS, nonceRS, realRS []Result
	var famousBetter, nonceBetter, pairs int
	var b strings.Builder
	fmt.Fprintf(&b, "famous arguments, word for word, and their isomorphs:\n")
	for _, fa := range famous.Arguments() {
		f, ok := byLabel[fa.Label]
		if !ok {
			continue
		}
		famousRS = append(famousRS, f)
		var nonce, other []Result
		for _, iso := range isos[fa.Label] {
			if iso.Item.Condition == gen.Nonce {
				nonce = append(nonce, iso)
			} else {
				other = append(other, iso)
			}
		}
		nonceRS, realRS = append(nonceRS, nonce...), append(realRS, other...)
		mark := ""
		if fa.Article {
			mark = "  (the article's)"
		}
		fmt.Fprintf(&b, "  %-14s famous %-11s nonce %-24s other %s%s\n", fa.Label, f.Outcome, tally(nonce), tally(other), mark)
		if !answered(f) {
			continue
		}
		for _, iso := range nonce {
			if !answered(iso) {
				continue
			}
			pairs++
			switch {
			case f.Outcome == Correct && iso.Outcome != Correct:
				famousBetter++
			case f.Outcome != Correct && iso.Outcome == Correct:
				nonceBetter++
			}
		}
	}
	b.WriteString("the article's questions, word for word, each with an isomorph:\n")
	for _, fa := range famous.Arguments() {
		f, ok := byLabel[fa.Label]
		if !ok || !fa.Article {
			continue
		}
		fmt.Fprintf(&b, "  %-14s %s\n", fa.Label, itemText(f.Item))
		if len(isos[fa.Label]) > 0 {
			fmt.Fprintf(&b, "  %-14s %s\n", "", itemText(isos[fa.Label][0].Item))
		}
	}
	ft, nt, rt := tally(famousRS), tally(nonceRS), tally(realRS)
	fmt.Fprintf(&b, "famous %s; isomorphs in nonsense words %s, difference %s; in other content %s, difference %s\n",
		ft, nt, famousDifference(ft, nt), rt, famousDifference(ft, rt))
	c := Check{Name: "cell=memorization"}
	mc, err := stats.McNemar(famousBetter, nonceBetter)
	switch {
	case err != nil:
		c.Failures = append(c.Failures, fmt.Sprintf("the memorization test could not be run: %v", err))
	case pairs == 0 && ft.Answered()+nt.Answered() > 0:
		c.Failures = append(c.Failures, "no famous argument and isomorph in nonsense words were both answered: the memorization cell compared nothing")
	case pairs > 0:
		fmt.Fprintf(&b, "%d pairs with nonsense words: famous right and isomorph not %d, the reverse %d (one-sided exact McNemar p = %.3g)",
			pairs, famousBetter, nonceBetter, mc.Greater)
		if mc.Greater < cfg.Limits.Alpha {
			c.Failures = append(c.Failures, fmt.Sprintf(
				"famous arguments are answered significantly better than the same forms in nonsense words: famous %s, isomorphs %s, difference %s "+
					"(of %d pairs, famous right and isomorph not %d, the reverse %d; one-sided exact McNemar p = %.3g < %g).\n"+
					"The model knows these arguments rather than reasons them: the same form in fresh words defeats it.%s",
				ft, nt, famousDifference(ft, nt), pairs, famousBetter, nonceBetter, mc.Greater, cfg.Limits.Alpha, famousExamples(nonceRS, byLabel)))
		}
	}
	a.Checks = []Check{c}
	a.Details = strings.TrimRight(b.String(), "\n")
	return a
}

// itemText is an item's premises and question on one line, with the
// right answer.
func itemText(it gen.Item) string {
	q := it.ConclusionText
	if q == "" {
		q = "(can all of these be true together?)"
	}
	return fmt.Sprintf("%s %s → %s", strings.Join(it.PremiseText, " "), q, strings.Join(it.Accepted, " or "))
}

// famousDifference is the difference of the famous and the isomorph
// accuracies with a 95% MOVER-Wilson interval, which treats the two as
// independent: wider than a paired interval when the answers agree more
// often than chance.
func famousDifference(f, i Tally) string {
	est, ci, err := stats.MOVER([]float64{1, -1}, []int{f.Correct, i.Correct}, []int{f.Answered(), i.Answered()}, stats.Z95)
	if err != nil {
		return "n/a"
	}
	return fmt.Sprintf("%+.3f [%+.3f, %+.3f]", est, ci.Lo, ci.Hi)
}

// famousExamples shows up to maxExamples isomorphs answered wrongly
// whose famous argument was answered rightly.
func famousExamples(rs []Result, byLabel map[string]Result) string {
	var b strings.Builder
	shown := 0
	for _, r := range rs {
		label, itself := famousOf(r)
		if itself || !notRight(r) || byLabel[label].Outcome != Correct {
			continue
		}
		if shown == maxExamples {
			b.WriteString("\n\n…")
			break
		}
		fmt.Fprintf(&b, "\n\n%s\n  the famous one, answered rightly: %s %s", Counterexample(r), strings.Join(byLabel[label].Item.PremiseText, " "), byLabel[label].Item.ConclusionText)
		shown++
	}
	return b.String()
}
