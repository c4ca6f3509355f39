package probes

import (
	"strings"
	"testing"
)

// famousResults answers the famous probe's own cases: each famous
// argument with outcome famous, and each isomorph in nonsense words by
// nonce(i), its i-th among them; the other isomorphs rightly.
func famousResults(t *testing.T, famousOutcome Outcome, nonce func(i int) Outcome) []Result {
	t.Helper()
	cfg := DefaultConfig()
	cfg.Size = Small
	cs, err := famousCases(cfg)
	if err != nil {
		t.Fatal(err)
	}
	var rs []Result
	i := 0
	for _, c := range cs {
		o := Correct
		switch _, itself := famousOf(Result{Case: c}); {
		case itself:
			o = famousOutcome
		case c.Item.Condition == "nonce":
			o = nonce(i)
			i++
		}
		rs = append(rs, Result{Case: c, Outcome: o})
	}
	return rs
}

func TestFamousCases(t *testing.T) {
	cfg := DefaultConfig()
	cs, err := famousCases(cfg)
	if err != nil {
		t.Fatal(err)
	}
	ids := map[string]bool{}
	famous, nonce := 0, 0
	for _, c := range cs {
		if ids[c.ID] {
			t.Fatalf("duplicate case %s", c.ID)
		}
		ids[c.ID] = true
		label, itself := famousOf(Result{Case: c})
		switch {
		case itself:
			famous++
		case c.Item.Condition == "nonce":
			nonce++
		}
		if label == "" {
			t.Errorf("%s: no famous argument", c.ID)
		}
	}
	if famous != 8 || nonce != 8*famousNonce {
		t.Errorf("%d famous arguments and %d isomorphs in nonsense words; want 8 and %d", famous, nonce, 8*famousNonce)
	}
}

func TestAssessFamous(t *testing.T) {
	cfg := DefaultConfig()
	// Right on every famous argument, wrong on every other nonsense-word
	// isomorph: remembered, not reasoned.
	a := assessFamous(cfg, famousResults(t, Correct, func(i int) Outcome { return []Outcome{Correct, Wrong}[i%2] }))
	if a.Passed() || len(a.Checks) != 1 || !strings.Contains(a.Checks[0].Failures[0], "significantly better") {
		t.Errorf("a memorizing model passes:\n%v\n%s", a.Checks, a.Details)
	}
	// Right on everything: no gap.
	if a := assessFamous(cfg, famousResults(t, Correct, func(int) Outcome { return Correct })); !a.Passed() {
		t.Errorf("a sound model fails: %v", a.Checks)
	}
	// Wrong on the famous ones and right on the isomorphs: a gap the
	// other way, reported, not failed.
	if a := assessFamous(cfg, famousResults(t, Wrong, func(int) Outcome { return Correct })); !a.Passed() || !strings.Contains(a.Details, "the reverse 32") {
		t.Errorf("famous worse than isomorphs: %v\n%s", a.Checks, a.Details)
	}
	// Every request failed: nothing compared, nothing counted against the
	// model (the run reports the errors).
	a = assessFamous(cfg, famousResults(t, Error, func(int) Outcome { return Error }))
	if !a.Passed() {
		t.Errorf("all errors: %v", a.Checks)
	}
	// Answers to the isomorphs but none to the famous ones: the cell
	// compared nothing, which fails.
	a = assessFamous(cfg, famousResults(t, NotApplicable, func(int) Outcome { return Correct }))
	if a.Passed() || !strings.Contains(a.Checks[0].Failures[0], "compared nothing") {
		t.Errorf("no pairs: %v", a.Checks)
	}
}
