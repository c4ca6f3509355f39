package probes

import (
	"errors"
	"slices"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/syllobench/syllobench/internal/gen"
	"github.com/syllobench/syllobench/internal/logic"
	"github.com/syllobench/syllobench/internal/prompt"
)

// knobs derives the fuzz arguments of a seed, so that a sweep over seeds
// also sweeps families, forms, conditions and presentations.
func knobs(seed uint64) BiasKnobs {
	return BiasKnobs{Seed: seed, Family: uint8(seed % 7), Form: uint16(seed * 37), A: uint8(seed), B: uint8(seed / 3), Presentation: uint8(seed / 5)}
}

func TestContentPairIsIsomorphic(t *testing.T) {
	cfg := DefaultConfig()
	for seed := range uint64(200) {
		k := knobs(seed)
		pair, err := ContentPair(cfg, k)
		if errors.Is(err, gen.ErrNoContent) {
			continue
		}
		if err != nil {
			t.Fatalf("%+v: %v", k, err)
		}
		a, b := pair[0].Item, pair[1].Item
		if a.Form != b.Form || a.Presentation != b.Presentation || a.Condition == b.Condition || a.Expected == "" {
			t.Fatalf("%+v: not an isomorphic pair in two contents: %s and %s", k, a.ID, b.ID)
		}
		again, err := ContentPair(cfg, k)
		if err != nil {
			t.Fatal(err)
		}
		for i := range pair {
			m1, _ := prompt.Messages(pair[i].Item, prompt.Direct)
			m2, _ := prompt.Messages(again[i].Item, prompt.Direct)
			if diff := cmp.Diff(m1, m2); diff != "" || pair[i].ID != again[i].ID {
				t.Fatalf("%+v decodes differently the second time:\n%s", k, diff)
			}
		}
	}
}

// The seed corpus holds every pair of the validity family's conditions.
func TestBiasSeedCorpusCoversEveryConditionPair(t *testing.T) {
	fam, err := gen.FamilyByName("validity")
	if err != nil {
		t.Fatal(err)
	}
	cfg := DefaultConfig()
	covered := map[[2]gen.Condition]bool{}
	families := map[string]bool{}
	for _, k := range BiasSeedCorpus() {
		pair, err := ContentPair(cfg, k)
		if err != nil {
			t.Fatalf("seed corpus entry %+v: %v", k, err)
		}
		families[pair[0].Item.Family] = true
		c := [2]gen.Condition{pair[0].Item.Condition, pair[1].Item.Condition}
		slices.Sort(c[:])
		covered[c] = true
	}
	for i, a := range fam.Conditions {
		for _, b := range fam.Conditions[i+1:] {
			c := [2]gen.Condition{a, b}
			slices.Sort(c[:])
			if !covered[c] {
				t.Errorf("no seed corpus entry pairs %s with %s", a, b)
			}
		}
	}
	for _, f := range biasFamilies {
		if !families[f] {
			t.Errorf("no seed corpus entry from family %s", f)
		}
	}
}

// Every family with real content has, in the seed corpus, a pair on a
// form whose right answer is a rejection, real content against letters
// or nonsense words, under either semantics: a model that accepts
// whatever is about real things flips it. The pairs of the validity
// family's conditions are all on AAA-1, whose answer is "yes", and the
// other families' first pairs are content-free, so without these a
// model with that acceptance bias would pass the corpus.
func TestBiasSeedCorpusCatchesAcceptance(t *testing.T) {
	for _, sem := range []logic.Semantics{logic.Traditional, logic.Boolean} {
		cfg := DefaultConfig()
		cfg.Semantics = sem
		caught := map[string][]gen.Condition{}
		for _, k := range BiasSeedCorpus() {
			pair, err := ContentPair(cfg, k)
			if err != nil {
				t.Fatalf("%v: seed corpus entry %+v: %v", sem, k, err)
			}
			a, b := pair[0].Item, pair[1].Item
			if contentFree(a.Condition) {
				a, b = b, a
			}
			if !contentFree(a.Condition) && contentFree(b.Condition) && rejects(a) && rejects(b) {
				caught[a.Family] = append(caught[a.Family], a.Condition)
			}
		}
		for _, name := range biasFamilies {
			fam, err := gen.FamilyByName(name)
			if err != nil {
				t.Fatal(err)
			}
			var real []gen.Condition
			for _, c := range fam.Conditions {
				if !contentFree(c) {
					real = append(real, c)
				}
			}
			if len(real) == 0 {
				continue // chains: letters and nonsense words only
			}
			if len(caught[name]) == 0 {
				t.Errorf("%v: no seed corpus entry of family %s pairs real content (%v) with letters or nonsense words on a form whose answer is a rejection", sem, name, real)
			}
			// Each real condition the family offers is in one.
			for _, c := range real {
				if !slices.Contains(caught[name], c) {
					t.Errorf("%v: family %s has no rejection pair in %s content", sem, name, c)
				}
			}
		}
	}
}

// The rejection seeds come after the seeds there were before them, which
// baselines pin by position and knobs, and fill a pair's first member
// with real content.
func TestBiasSeedCorpusAppendsRejections(t *testing.T) {
	all, first, rej := BiasSeedCorpus(), conditionSeeds(), rejectionSeeds()
	if !slices.Equal(all, append(slices.Clone(first), rej...)) {
		t.Fatalf("the corpus is not the condition seeds then the rejection seeds")
	}
	if len(first) != 33 || first[0] != (BiasKnobs{Seed: DefaultSeed, A: 0, B: 1}) || first[32] != (BiasKnobs{Seed: DefaultSeed, Family: 5, A: 0, B: 1}) {
		t.Errorf("the condition seeds moved: %d of them, first %+v, last %+v; baselines pin 33, from %+v to %+v",
			len(first), first[0], first[len(first)-1], BiasKnobs{Seed: DefaultSeed, A: 0, B: 1}, BiasKnobs{Seed: DefaultSeed, Family: 5, A: 0, B: 1})
	}
	cfg := DefaultConfig()
	for _, k := range rej {
		pair, err := ContentPair(cfg, k)
		if err != nil {
			t.Fatal(err)
		}
		if contentFree(pair[0].Item.Condition) || !contentFree(pair[1].Item.Condition) || !rejects(pair[0].Item) {
			t.Errorf("rejection seed %+v decodes to %s and %s, expected %s", k, pair[0].ID, pair[1].ID, pair[0].Item.Expected)
		}
	}
	ks := BiasSeedCorpus()
	ks[0].Seed++
	if BiasSeedCorpus()[0].Seed != DefaultSeed {
		t.Error("modifying the corpus returned changed the next one")
	}
}
