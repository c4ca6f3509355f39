package probes

import (
	"errors"
	"slices"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/syllobench/syllobench/internal/gen"
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
