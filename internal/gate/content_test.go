package gate

import (
	"fmt"
	"testing"

	"github.com/syllobench/syllobench/internal/scorecard"
	"github.com/syllobench/syllobench/internal/stats"
)

// contentCard is a scorecard of 40 validity questions about real things,
// ten in each cell of validity × plausibility, answered by right(valid,
// plausible, i).
func contentCard(model string, right func(valid, plausible bool, i int) bool) *scorecard.Scorecard {
	sc := &scorecard.Scorecard{Format: scorecard.Version, Suite: "test", Model: model}
	for _, valid := range []bool{true, false} {
		for _, plausible := range []bool{true, false} {
			for i := range 10 {
				p := plausible
				exp := map[bool]string{true: "yes", false: "no"}[valid]
				out := "wrong"
				if right(valid, plausible, i) {
					out = "correct"
				}
				sc.Items = append(sc.Items, scorecard.Item{
					ID: fmt.Sprint("q", len(sc.Items)), Probe: "belief", Kind: "validity", Expected: exp, Plausible: &p, Outcome: out,
				})
			}
		}
	}
	return sc
}

func TestContentChange(t *testing.T) {
	logic := contentCard("logic", func(bool, bool, int) bool { return true })
	// Belief-biased on half of the items of the conflict cells.
	biased := contentCard("biased", func(valid, plausible bool, i int) bool { return valid == plausible || i%2 == 0 })
	c, err := Compare(logic, biased, stats.DefaultThresholds, nil)
	if err != nil {
		t.Fatal(err)
	}
	ch := c.Content
	if ch == nil || ch.Items != 40 {
		t.Fatalf("content change %+v; want one over 40 items", ch)
	}
	// VP 100, VI 50, IP 50, II 100: intra 50, cross 50, TCE 50.
	if ch.Base.TCE != 0 || ch.Cand.TCE != 50 || ch.Change != 50 {
		t.Errorf("TCE %v → %v, change %v; want 0 → 50", ch.Base.TCE, ch.Cand.TCE, ch.Change)
	}
	if !(ch.Lo <= ch.Change && ch.Change <= ch.Hi) || ch.Lo <= 0 || ch.Resamples < 1900 {
		t.Errorf("interval [%v, %v] from %d resamples; want one around %v, above 0", ch.Lo, ch.Hi, ch.Resamples, ch.Change)
	}
	// The same two scorecards give the same interval.
	again, _ := Compare(logic, biased, stats.DefaultThresholds, nil)
	if *again.Content != *ch {
		t.Errorf("two comparisons differ: %+v and %+v", again.Content, ch)
	}
	// With a cell empty on either side there is no content effect.
	for i := range logic.Items {
		if *logic.Items[i].Plausible && logic.Items[i].Expected == "yes" {
			logic.Items[i].Outcome = "error"
		}
	}
	if c, err := Compare(logic, biased, stats.DefaultThresholds, nil); err != nil || c.Content != nil {
		t.Errorf("an empty cell: content %+v, %v; want none", c.Content, err)
	}
}
