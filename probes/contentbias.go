package probes

import (
	"fmt"
	"slices"
	"strings"
	"sync"

	"github.com/google/go-cmp/cmp"
	"github.com/syllobench/syllobench/internal/forms"
	"github.com/syllobench/syllobench/internal/gen"
	"github.com/syllobench/syllobench/internal/logic"
	"github.com/syllobench/syllobench/internal/question"
)

// ContentBiasProbe names the fixtures and scorecard entries of the content-
// bias fuzz target.
const ContentBiasProbe = "content-bias"

// biasFamilies are the families a content pair may come from: those with
// content conditions to vary.
var biasFamilies = []string{"validity", "instantiation", "fallacies", "consistency", "conclusions", "chains"}

// biasPresentations are the presentations a content pair may take: the
// first five of gen.Presentations, those there were when the corpus's
// first cases were saved. A knob is taken modulo their number, so a
// longer list would give a saved case another presentation, and so
// another pair, than the one it was saved for.
var biasPresentations = gen.Presentations()[:5]

// BiasKnobs are the fuzz arguments of FuzzContentBias. Every value decodes
// to a pair: each knob is taken modulo the choices it selects among.
type BiasKnobs struct {
	Seed         uint64
	Family       uint8 // among the families with content to vary
	Form         uint16
	A, B         uint8 // the two content conditions, among the form's feasible ones; B is moved on when it equals A
	Presentation uint8 // among gen.Presentations
}

// ContentPair decodes knobs into two isomorphic cases: one form, one
// presentation, two contents. The same knobs give the same pair, byte for
// byte. An error wrapping gen.ErrNoContent means the taxonomy had no
// content for this draw.
func ContentPair(cfg Config, k BiasKnobs) ([2]Case, error) {
	fam, err := gen.FamilyByName(biasFamilies[int(k.Family)%len(biasFamilies)])
	if err != nil {
		return [2]Case{}, err
	}
	opts := biasOptions(fam)
	if len(opts) == 0 {
		return [2]Case{}, fmt.Errorf("family %s has no form with two content conditions", fam.Name)
	}
	o := opts[int(k.Form)%len(opts)]
	a := int(k.A) % len(o.conds)
	b := int(k.B) % len(o.conds)
	if b == a {
		b = (a + 1) % len(o.conds)
	}
	ps := biasPresentations
	spec := gen.Spec{Family: fam.Name, Form: o.form, Presentation: ps[int(k.Presentation)%len(ps)], Semantics: cfg.Semantics, Seed: k.Seed}
	items, err := gen.Isomorphs(spec, []gen.Condition{o.conds[a], o.conds[b]})
	if err != nil {
		return [2]Case{}, err
	}
	var pair [2]Case
	for i, it := range items {
		pair[i] = Case{ID: fmt.Sprintf("%s/seed=%d", it.ID, k.Seed), Item: it, Format: cfg.Format}
	}
	return pair, nil
}

// biasOption is a form a content pair may take, with its feasible
// conditions.
type biasOption struct {
	form  string
	conds []gen.Condition
}

// biasOptions lists the forms of fam with at least two feasible
// conditions, in catalogue order. It is worked out once per family: the
// feasibility of every form and condition costs about a millisecond,
// and ContentPair, which the fuzzer runs for every input, needs it. The
// caller must not modify the result.
func biasOptions(fam gen.Family) []biasOption {
	if opts, ok := biasOptionsMemo.Load(fam.Name); ok {
		return opts.([]biasOption)
	}
	opts, _ := biasOptionsMemo.LoadOrStore(fam.Name, findBiasOptions(fam))
	return opts.([]biasOption)
}

var biasOptionsMemo sync.Map // family name → []biasOption

func findBiasOptions(fam gen.Family) []biasOption {
	var opts []biasOption
	for _, id := range fam.Forms() {
		var cs []gen.Condition
		for _, c := range fam.Conditions {
			if f, err := fam.Feasibility(id, c); err == nil && f == gen.Possible {
				cs = append(cs, c)
			}
		}
		if len(cs) >= 2 {
			opts = append(opts, biasOption{id, cs})
		}
	}
	return opts
}

// BiasSeedCorpus returns the seed corpus of FuzzContentBias. Go test
// names the seeds by position (seed#N) and baselines pin them by their
// knobs, so entries are only ever appended. In order:
//
//   - for every pair of content conditions of the validity family, the
//     first form that takes both (AAA-1, a valid form);
//   - one pair from each other family (its first form, its first two
//     conditions: symbolic against nonce);
//   - the rejection seeds (see rejectionSeeds): in every family with
//     real content, each real condition against letters or nonsense
//     words on a form whose right answer is to reject. The pairs above
//     all have content-free members or a right answer of "yes", so a
//     model that accepts whatever is about real things would pass them;
//     these it fails.
//
// The corpus is worked out once; the caller may modify the result.
func BiasSeedCorpus() []BiasKnobs { return slices.Clone(biasSeeds()) }

var biasSeeds = sync.OnceValue(func() []BiasKnobs {
	return append(conditionSeeds(), rejectionSeeds()...)
})

// conditionSeeds are the first seeds of the corpus: every pair of the
// validity family's conditions, then one pair of each other family.
func conditionSeeds() []BiasKnobs {
	var ks []BiasKnobs
	for fi, name := range biasFamilies {
		fam, err := gen.FamilyByName(name)
		if err != nil {
			continue
		}
		opts := biasOptions(fam)
		if fi > 0 {
			if len(opts) > 0 {
				ks = append(ks, BiasKnobs{Seed: DefaultSeed, Family: uint8(fi), A: 0, B: 1})
			}
			continue
		}
		conds := fam.Conditions
		for i := range conds {
			for j := i + 1; j < len(conds); j++ {
				for oi, o := range opts {
					a, b := slices.Index(o.conds, conds[i]), slices.Index(o.conds, conds[j])
					if a >= 0 && b >= 0 {
						ks = append(ks, BiasKnobs{Seed: DefaultSeed, Family: uint8(fi), Form: uint16(oi), A: uint8(a), B: uint8(b)})
						break
					}
				}
			}
		}
	}
	return ks
}

// contentFree reports whether c fills terms with letters or nonsense
// words, which carry no meaning a model could lean on.
func contentFree(c gen.Condition) bool { return c == gen.Symbolic || c == gen.Nonce }

// rejectionSeeds are the seeds that catch acceptance bias. For each
// family in turn, and each of its real conditions (believable,
// unbelievable, congruent, incongruent, swap-a, swap-b: whichever it
// has) in its order, one pair: the real content first, against letters
// and nonsense words by turns (symbolic for the family's first real
// condition, nonce for its second, and so on; the other when the form
// does not take it), on the first form, in catalogue order, that takes
// both and whose right answer is a rejection under both semantics
// (see rejects), with content at the default seed. A family with no
// real condition (chains) has none. Presentation is canonical.
func rejectionSeeds() []BiasKnobs {
	var ks []BiasKnobs
	for fi, name := range biasFamilies {
		fam, err := gen.FamilyByName(name)
		if err != nil {
			continue
		}
		opts := biasOptions(fam)
		turn := 0
		for _, cond := range fam.Conditions {
			if contentFree(cond) {
				continue
			}
			partners := []gen.Condition{gen.Symbolic, gen.Nonce}
			if turn%2 == 1 {
				partners[0], partners[1] = partners[1], partners[0]
			}
			turn++
		search:
			for oi, o := range opts {
				a := slices.Index(o.conds, cond)
				if a < 0 {
					continue
				}
				for _, free := range partners {
					b := slices.Index(o.conds, free)
					if b < 0 {
						continue
					}
					k := BiasKnobs{Seed: DefaultSeed, Family: uint8(fi), Form: uint16(oi), A: uint8(a), B: uint8(b)}
					if rejectionPair(k) {
						ks = append(ks, k)
						break search
					}
				}
			}
		}
	}
	return ks
}

// rejectionPair reports whether k decodes, under both semantics, into a
// pair whose right answer is a rejection.
func rejectionPair(k BiasKnobs) bool {
	for _, sem := range []logic.Semantics{logic.Traditional, logic.Boolean} {
		cfg := DefaultConfig()
		cfg.Semantics = sem
		pair, err := ContentPair(cfg, k)
		if err != nil || !rejects(pair[0].Item) {
			return false
		}
	}
	return true
}

// rejects reports whether the right answer to it is a rejection: "no"
// to a validity or consistency question, "false" or "unknown" to a
// truth question, "None of these conclusions follows." to a choice
// question. A model that accepts whatever it is shown gets it wrong.
func rejects(it gen.Item) bool {
	switch it.Kind {
	case question.Validity, question.Consistency:
		return it.Expected == question.No
	case question.Truth:
		return it.Expected != question.True
	case question.Choice:
		for _, o := range it.Options {
			if o.Label == it.Expected {
				return o.Response == forms.NVC
			}
		}
	}
	return false
}

// meaning is what an answer stands for, the same across isomorphs: the
// label, or for a choice question "right" for any of its right options
// (a pair may have two valid conclusions, and either will do), else the
// response of the option chosen, since the options are the same
// responses in other words.
func meaning(r Result) string {
	if r.Item.Kind == question.Choice {
		if r.Outcome == Correct {
			return "right"
		}
		for _, o := range r.Item.Options {
			if o.Label == r.Answer() {
				return o.Response.String()
			}
		}
	}
	return r.Answer()
}

// CompareContentPair judges the answers to an isomorphic pair: content
// bias is two verdicts that differ. It returns a failure message, or ""
// when the pair passes; in strict mode a wrong verdict fails it too.
// undecided is set when a reply gave no answer, so the pair shows
// nothing either way.
func CompareContentPair(pair [2]Result, strict bool) (failure string, undecided bool) {
	for _, r := range pair {
		if r.Outcome != Correct && r.Outcome != Wrong {
			return "", true
		}
	}
	a, b := pair[0], pair[1]
	var why string
	switch {
	case meaning(a) != meaning(b):
		why = "content bias: the same form got different verdicts in different content"
	case strict && (a.Outcome != Correct || b.Outcome != Correct):
		why = "both verdicts agree, but they are wrong (strict mode)"
	default:
		return "", false
	}
	want := map[string]string{string(a.Item.Condition): a.Item.Expected, string(b.Item.Condition): b.Item.Expected}
	got := map[string]string{string(a.Item.Condition): a.Answer(), string(b.Item.Condition): b.Answer()}
	var m strings.Builder
	fmt.Fprintf(&m, "%s (form %s, %s).\nverdict by content (-expected +given):\n%s\n%s\n\n%s",
		why, a.Item.Form, a.Item.Presentation, cmp.Diff(want, got), Counterexample(a), Counterexample(b))
	return m.String(), false
}
