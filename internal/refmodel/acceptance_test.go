package refmodel

import (
	"slices"
	"testing"

	"github.com/syllobench/syllobench/internal/forms"
	"github.com/syllobench/syllobench/internal/gen"
	"github.com/syllobench/syllobench/internal/logic"
	"github.com/syllobench/syllobench/internal/prompt"
	"github.com/syllobench/syllobench/internal/question"
)

// isReal reports whether a condition fills terms with categories of the
// taxonomy (gen keeps its own list unexported).
func isReal(c gen.Condition) bool { return c != gen.Symbolic && c != gen.Nonce }

// The prompt alone tells real content from letters and nonsense words.
func TestRealContent(t *testing.T) {
	seen := map[bool]int{}
	for _, sem := range []logic.Semantics{logic.Boolean, logic.Traditional} {
		for fam, its := range items(t, 17, 150, sem) {
			for i, it := range its {
				q, err := Read(messages(t, it, prompt.Formats()[i%len(prompt.Formats())]))
				if err != nil {
					t.Fatalf("%s %s: %v", fam, it.ID, err)
				}
				if got := realContent(q); got != isReal(it.Condition) {
					t.Errorf("%s %s (%s content): realContent = %t", fam, it.ID, it.Condition, got)
				}
				seen[isReal(it.Condition)]++
			}
		}
	}
	if seen[true] == 0 || seen[false] == 0 {
		t.Errorf("items seen, by real content: %v; want some of each", seen)
	}
}

// ref-acceptance is ref-logic on letters and nonsense words; on real
// content it accepts: right where the answer is to accept, wrong where
// it is to reject, whatever the world says.
func TestAcceptance(t *testing.T) {
	r := mustReasoner(t, "ref-acceptance")
	rejections := map[string]int{} // real items whose right answer is to reject, by kind
	believableOnes := map[bool]int{}
	for _, sem := range []logic.Semantics{logic.Boolean, logic.Traditional} {
		for fam, its := range items(t, 5, 200, sem) {
			for _, it := range its {
				got, ok := answer(t, r, it, prompt.Direct)
				if !ok {
					t.Fatalf("%s %s: ref-acceptance declined a %s question", fam, it.ID, it.Kind)
				}
				right := isRight(it, got)
				if !isReal(it.Condition) {
					if !right {
						t.Errorf("%s %s: ref-acceptance says %s on a %s item, want %v", fam, it.ID, got, it.Condition, it.Accepted)
					}
					continue
				}
				var accept, shouldAccept bool
				switch it.Kind {
				case question.Open:
					// Nothing is offered to accept: it writes what
					// follows, as ref-logic does.
					if !right {
						t.Errorf("%s %s: ref-acceptance says %s on an open question, want %v", fam, it.ID, got, it.Accepted)
					}
					continue
				case question.Validity, question.Consistency:
					accept, shouldAccept = got == question.Yes, it.Expected == question.Yes
				case question.Truth:
					accept, shouldAccept = got == question.True, it.Expected == question.True
				case question.Choice:
					nvc := ""
					for _, o := range it.Options {
						if o.Response == forms.NVC {
							nvc = o.Label
						}
					}
					accept, shouldAccept = got != nvc, it.Expected != nvc
				}
				if !accept {
					t.Errorf("%s %s (%s content): ref-acceptance says %s; it accepts whatever real content it is shown", fam, it.ID, it.Condition, got)
				}
				if right != shouldAccept {
					t.Errorf("%s %s: right answer %v, ref-acceptance says %s: right %t; want right exactly when the answer is to accept", fam, it.ID, it.Accepted, got, right)
				}
				if !shouldAccept {
					rejections[string(it.Kind)]++
					if it.Meta.ConclusionTrue != nil {
						believableOnes[*it.Meta.ConclusionTrue]++
					}
				}
			}
		}
	}
	// It is wrong on every kind of question, and on believable and
	// unbelievable conclusions alike.
	for _, k := range []question.Kind{question.Validity, question.Truth, question.Consistency, question.Choice} {
		if rejections[string(k)] == 0 {
			t.Errorf("no real %s item whose answer is to reject: %v", k, rejections)
		}
	}
	if believableOnes[true] == 0 || believableOnes[false] == 0 {
		t.Errorf("real items to reject, by the conclusion's world truth: %v; want both", believableOnes)
	}
}

// On a choice question about real things with no valid conclusion,
// ref-acceptance prefers the conclusion the atmosphere of the premises
// predicts, when it is among the options.
func TestAcceptanceLooksValid(t *testing.T) {
	r := mustReasoner(t, "ref-acceptance")
	table, err := CCOBRATable("Atmosphere")
	if err != nil {
		t.Fatal(err)
	}
	checked := 0
	for _, sem := range []logic.Semantics{logic.Boolean, logic.Traditional} {
		for _, it := range items(t, 9, 300, sem)["conclusions"] {
			if !isReal(it.Condition) || !slices.ContainsFunc(it.Options, func(o gen.Option) bool { return o.Label == it.Expected && o.Response == forms.NVC }) {
				continue
			}
			q, err := Read(messages(t, it, prompt.Direct))
			if err != nil {
				t.Fatal(err)
			}
			pr, ok := readPair(q.Premises)
			if !ok {
				t.Fatalf("%s: not a premise pair", it.ID)
			}
			predicted := table[pr.Pair.ID()]
			var offered []string
			for _, o := range it.Options {
				if slices.Contains(predicted, o.Response) {
					offered = append(offered, o.Label)
				}
			}
			if offered == nil {
				continue
			}
			got, _ := answer(t, r, it, prompt.Direct)
			if !slices.Contains(offered, got) {
				t.Errorf("%s: ref-acceptance answers %s; want one of the atmosphere's %v", it.ID, got, offered)
			}
			checked++
		}
	}
	if checked == 0 {
		t.Error("no real choice item without a valid conclusion offers the atmosphere's")
	}
}
