package scorecard

import (
	"fmt"
	"math"
	"testing"
)

func plausible(b bool) *bool { return &b }

// item is a validity question of probe: valid or not, about a plausible
// conclusion or not, with an outcome.
func item(probe string, valid, plaus bool, outcome string) Item {
	exp := "no"
	if valid {
		exp = "yes"
	}
	return Item{Probe: probe, Kind: "validity", Expected: exp, Plausible: plausible(plaus), Outcome: outcome}
}

func TestContentEffectsOf(t *testing.T) {
	var items []Item
	// belief: right where validity and plausibility agree, 4 of each cell.
	for i := range 4 {
		items = append(items,
			item("belief", true, true, "correct"), item("belief", true, false, "wrong"),
			item("belief", false, true, "unparseable"), item("belief", false, false, "correct"))
		_ = i
	}
	// An error and a declined question are left out.
	items = append(items, item("belief", true, true, "error"), item("belief", false, false, "not-applicable"))
	// validity: all right, but no invalid-implausible item: no effect of
	// its own, though its items count in "all".
	items = append(items, item("validity", true, true, "correct"), item("validity", true, false, "correct"), item("validity", false, true, "correct"))
	// Items with no plausibility, or of another kind, are not counted.
	items = append(items, Item{Probe: "validity", Kind: "validity", Expected: "yes", Outcome: "wrong"}, Item{Probe: "chains", Kind: "truth", Plausible: plausible(true), Outcome: "wrong"})
	// The content-bias corpus has its own row, not part of "all".
	items = append(items, item("content-bias", true, true, "wrong"), item("content-bias", true, false, "wrong"), item("content-bias", false, true, "wrong"), item("content-bias", false, false, "wrong"))

	es := ContentEffectsOf(items)
	if len(es) != 3 || es[0].Probe != "belief" || es[1].Probe != "content-bias" || es[2].Probe != AllProbes {
		t.Fatalf("content effects %+v; want belief, content-bias and all", es)
	}
	b := es[0]
	if b.Counted != 16 || b.LeftOut != 2 || b.ValidPlausible != [2]int{4, 4} || b.InvalidPlausible != [2]int{0, 4} {
		t.Errorf("belief cells %+v", b)
	}
	if b.Accuracy != 50 || b.IntraPlausibility != 100 || b.CrossPlausibility != 100 || b.TCE != 100 || math.Abs(b.Score-50/(1+math.Log(101))) > 1e-4 {
		t.Errorf("belief metrics %+v", b)
	}
	all := es[2]
	if all.Counted != 19 || all.ValidImplausible != [2]int{1, 5} {
		t.Errorf("all %+v", all)
	}
	// VP 5/5, VI 1/5, IP 1/5, II 4/4: intra (|100−20| + |20−100|)/2 = 80,
	// cross (|100−20| + |20−100|)/2 = 80.
	if all.IntraPlausibility != 80 || all.CrossPlausibility != 80 || all.TCE != 80 || fmt.Sprintf("%.4f", all.Accuracy) != "57.8947" {
		t.Errorf("all metrics %+v", all)
	}
	if es := ContentEffectsOf(items[:0]); es != nil {
		t.Errorf("no items: %+v", es)
	}
}
