package logic

import (
	"slices"
	"testing"
)

func TestNeeded(t *testing.T) {
	st := func(q Quantifier, s, p string) Statement { return Statement{Q: q, Subject: s, Predicate: p} }
	barbara := []Statement{st(All, "M", "P"), st(All, "S", "M")}
	concl := st(All, "S", "P")
	// Barbara among irrelevant premises: only its two.
	ps := []Statement{st(Some, "D", "S"), barbara[0], st(No, "E", "P"), barbara[1]}
	got, err := Needed(ps, concl, Traditional)
	if err != nil || !slices.EqualFunc(got, [][]int{{1, 3}}, slices.Equal) {
		t.Errorf("Needed = %v, %v; want [[1 3]]", got, err)
	}
	// Two ways to the conclusion: both minimal sets, smaller first.
	ps = []Statement{st(All, "S", "P"), barbara[0], barbara[1]}
	got, _ = Needed(ps, concl, Traditional)
	if !slices.EqualFunc(got, [][]int{{0}, {1, 2}}, slices.Equal) {
		t.Errorf("Needed = %v; want [[0] [1 2]]", got)
	}
	// Not entailed: none.
	got, err = Needed([]Statement{st(All, "P", "M"), st(All, "S", "M")}, concl, Traditional)
	if err != nil || got != nil {
		t.Errorf("an invalid argument: %v, %v; want none", got, err)
	}
	// Darapti (AAI-3) needs existential import: under Boolean semantics
	// nothing entails it.
	darapti := []Statement{st(All, "M", "P"), st(All, "M", "S")}
	if got, _ := Needed(darapti, st(Some, "S", "P"), Traditional); !slices.EqualFunc(got, [][]int{{0, 1}}, slices.Equal) {
		t.Errorf("Darapti, traditional: %v", got)
	}
	if got, _ := Needed(darapti, st(Some, "S", "P"), Boolean); got != nil {
		t.Errorf("Darapti, Boolean: %v; want none", got)
	}
	if _, err := Needed(make([]Statement, 13), concl, Traditional); err == nil {
		t.Error("13 premises: no error")
	}
}
