package probes

import (
	"fmt"
	"strings"
	"testing"

	"github.com/syllobench/syllobench/internal/gen"
	"github.com/syllobench/syllobench/internal/question"
	"github.com/syllobench/syllobench/internal/verdict"
)

// pairCounts counts matched pairs by the model's verdicts: how many it
// accepts in both versions, only in the believable one, only in the
// unbelievable one, or in neither.
type pairCounts struct{ both, onlyBelievable, onlyUnbelievable, neither int }

// beliefResults makes the results of matched pairs of valid and of
// invalid arguments, as beliefCases orders them (believable, then
// unbelievable, same form), answered as the counts say.
func beliefResults(valid, invalid pairCounts) []Result {
	var rs []Result
	n := 0
	add := func(isValid bool, yb, yu bool) {
		form, expected := "AII-3", question.No
		if isValid {
			form, expected = "AAA-1", question.Yes
		}
		for i, c := range []gen.Condition{gen.Believable, gen.Unbelievable} {
			answer := question.No
			if i == 0 && yb || i == 1 && yu {
				answer = question.Yes
			}
			it := gen.Item{
				ID: fmt.Sprintf("belief/%s/%s/%d", form, c, n), Family: "belief", Form: form, Index: n,
				Condition: c, Kind: question.Validity, Expected: expected, Accepted: []string{expected},
				PremiseText: []string{"All dogs are mammals.", "Some mammals are pets."}, ConclusionText: "Some dogs are pets.",
			}
			o := Wrong
			if answer == expected {
				o = Correct
			}
			rs = append(rs, Result{Case: Case{ID: it.ID, Item: it}, Reply: "Answer: " + answer, Verdict: verdict.Result{Label: answer, Rule: verdict.AnswerLine}, Outcome: o})
		}
		n++
	}
	for _, x := range []struct {
		valid bool
		pc    pairCounts
	}{{true, valid}, {false, invalid}} {
		for range x.pc.both {
			add(x.valid, true, true)
		}
		for range x.pc.onlyBelievable {
			add(x.valid, true, false)
		}
		for range x.pc.onlyUnbelievable {
			add(x.valid, false, true)
		}
		for range x.pc.neither {
			add(x.valid, false, false)
		}
	}
	return rs
}

// The belief probe's failures say what the 2×2 shows: acceptance bias,
// belief bias, both or neither, from the numbers, not from an assumption.
func TestBeliefDiagnosis(t *testing.T) {
	for _, tc := range []struct {
		name           string
		valid, invalid pairCounts
		pattern        beliefPattern
		indexFails     bool
		floorFails     bool
		says, never    []string // in every floor failure, and in none
	}{{
		name: "sound", valid: pairCounts{both: 16}, invalid: pairCounts{neither: 16},
		pattern: noBias,
	}, {
		// ref-acceptance on real content: "yes" to everything. The belief
		// index is 0, so nothing of the failure may speak of the world.
		name: "acceptance", valid: pairCounts{both: 16}, invalid: pairCounts{both: 16},
		pattern: acceptanceBias, floorFails: true,
		says:  []string{"Acceptance bias: the model accepts invalid arguments whatever their believability", "16/16 (100%) of the invalid arguments with a believable conclusion and 16/16 (100%)", "It is not belief bias"},
		never: []string{"rejects them because they are false", "Belief bias"},
	}, {
		// ref-belief: "yes" exactly when the conclusion is believable.
		name: "belief", valid: pairCounts{onlyBelievable: 16}, invalid: pairCounts{onlyBelievable: 16},
		pattern: beliefBias, indexFails: true, floorFails: true,
		says:  []string{"Belief bias (Evans, Barston and Pollard 1983): the model accepts conclusions because they are true in the world", "It is not acceptance bias: the model accepted 16/16 (100%) of the invalid arguments with a believable conclusion and 0/16 (0%)"},
		never: []string{"Acceptance bias:"},
	}, {
		// Accepts most invalid arguments, and more of the believable ones.
		name: "both", valid: pairCounts{both: 12, onlyBelievable: 4}, invalid: pairCounts{both: 12, onlyBelievable: 4},
		pattern: bothBiases, indexFails: true, floorFails: true,
		says: []string{"Acceptance bias: the model accepts invalid arguments whatever their believability", "16/16 (100%) of the invalid arguments with a believable conclusion and 12/16 (75%)", "Belief bias as well (Evans, Barston and Pollard 1983)"},
	}, {
		// Rejects everything: below the floor, but neither bias.
		name: "neither", valid: pairCounts{neither: 16}, invalid: pairCounts{neither: 16},
		pattern: noBias, floorFails: true,
		says:  []string{"Neither acceptance bias nor belief bias", "0/16 valid arguments with a believable conclusion and 0/16 with an unbelievable one"},
		never: []string{"Acceptance bias:", "Belief bias"},
	}, {
		// Half the invalid arguments accepted, whatever their believability:
		// not significantly more than half, so not called acceptance bias.
		name: "chance", valid: pairCounts{both: 8, neither: 8}, invalid: pairCounts{both: 8, neither: 8},
		pattern: noBias, floorFails: true,
		says:  []string{"Neither acceptance bias nor belief bias", "8/16 (50%) of the invalid arguments with a believable conclusion and 8/16 (50%)"},
		never: []string{"Acceptance bias:", "Belief bias"},
	}} {
		t.Run(tc.name, func(t *testing.T) {
			cfg := DefaultConfig()
			rs := beliefResults(tc.valid, tc.invalid)
			a := assessBelief(cfg, rs)
			var floors []string
			indexFailed := false
			for _, c := range a.Checks {
				if c.Name == "index=belief" {
					indexFailed = len(c.Failures) > 0
					for _, f := range c.Failures {
						if tc.pattern == bothBiases && !strings.Contains(f, "Acceptance bias:") {
							t.Errorf("the index failure does not add the acceptance bias:\n%s", f)
						}
					}
					continue
				}
				floors = append(floors, c.Failures...)
			}
			if indexFailed != tc.indexFails {
				t.Errorf("index=belief failed %t, want %t\n%s", indexFailed, tc.indexFails, a.Details)
			}
			if (len(floors) > 0) != tc.floorFails {
				t.Errorf("%d floor failures, want some: %t\n%s", len(floors), tc.floorFails, a.Details)
			}
			if want := "pattern: " + patternLead[tc.pattern]; !strings.Contains(a.Details, want) {
				t.Errorf("the details do not give the pattern %q:\n%s", want, a.Details)
			}
			for _, f := range floors {
				if !strings.Contains(f, "What the 2×2 of validity and believability shows.") {
					t.Errorf("a floor failure does not say what the cells show:\n%s", f)
				}
				head, _, _ := strings.Cut(f, "\n\n")
				for _, s := range tc.says {
					if !strings.Contains(head, s) {
						t.Errorf("a floor failure does not say %q before its examples:\n%s", s, f)
					}
				}
				for _, s := range tc.never {
					if strings.Contains(f, s) {
						t.Errorf("a floor failure says %q:\n%s", s, f)
					}
				}
			}
			for _, s := range tc.says {
				if !strings.Contains(a.Details, s) {
					t.Errorf("the details do not say %q:\n%s", s, a.Details)
				}
			}
		})
	}
}

// diagnoseBelief on the cells alone: both invalid cells must show the
// acceptance, and an empty cell is not acceptance bias.
func TestDiagnoseBeliefNeedsBothInvalidCells(t *testing.T) {
	for _, tc := range []struct {
		name           string
		valid, invalid pairCounts
		pattern        beliefPattern
	}{
		{"believable only", pairCounts{both: 16}, pairCounts{onlyBelievable: 16}, beliefBias},
		{"unbelievable only", pairCounts{both: 16}, pairCounts{onlyUnbelievable: 16}, noBias},
		{"no invalid arguments", pairCounts{both: 16}, pairCounts{}, noBias},
		{"few", pairCounts{both: 4}, pairCounts{both: 4}, noBias}, // 4/4 twice: p = 1/16 each, not below 0.05
		{"enough", pairCounts{both: 5}, pairCounts{both: 5}, acceptanceBias},
	} {
		a := assessBelief(DefaultConfig(), beliefResults(tc.valid, tc.invalid))
		if want := "pattern: " + patternLead[tc.pattern]; !strings.Contains(a.Details, want) {
			t.Errorf("%s: want %q in\n%s", tc.name, want, a.Details)
		}
	}
}

// patternLead is how the text of each pattern begins.
var patternLead = map[beliefPattern]string{
	noBias:         "Neither acceptance bias nor belief bias",
	acceptanceBias: "Acceptance bias:",
	beliefBias:     "Belief bias (",
	bothBiases:     "Acceptance bias:",
}
