package scorecard

import (
	"errors"
	"math"

	"github.com/syllobench/syllobench/internal/stats"
)

// ContentEffect is SemEval-2026 Task 11's content-effect metrics over the
// validity questions of a probe (or of all probes, "all") whose
// conclusion has a plausibility, in percent as the task gives them.
// Unparseable and truncated answers count as not right; errors and
// declined questions are left out, and counted.
type ContentEffect struct {
	Probe   string `json:"probe"`
	Counted int    `json:"counted"`
	LeftOut int    `json:"left_out"`
	// The cells: right and counted, by validity and plausibility.
	ValidPlausible     [2]int  `json:"valid_plausible"`
	ValidImplausible   [2]int  `json:"valid_implausible"`
	InvalidPlausible   [2]int  `json:"invalid_plausible"`
	InvalidImplausible [2]int  `json:"invalid_implausible"`
	Accuracy           float64 `json:"accuracy"`
	IntraPlausibility  float64 `json:"intra_plausibility"`
	CrossPlausibility  float64 `json:"cross_plausibility"`
	TCE                float64 `json:"tce"`
	Score              float64 `json:"ranking_score"`
}

// AllProbes is the Probe of the content effect over every probe.
const AllProbes = "all"

// ContentEffectsOf computes the content effects of items: for each probe
// in the order items first name it, over its validity questions with a
// plausibility, if they fill all four cells of validity × plausibility,
// and then over those of every probe but the content-bias corpus, whose
// pairs are chosen, not drawn.
func ContentEffectsOf(items []Item) []ContentEffect {
	var order []string
	byProbe := map[string][]Item{}
	var all []Item
	for _, it := range items {
		if it.Kind != "validity" || it.Plausible == nil {
			continue
		}
		if _, ok := byProbe[it.Probe]; !ok {
			order = append(order, it.Probe)
		}
		byProbe[it.Probe] = append(byProbe[it.Probe], it)
		if it.Probe != "content-bias" {
			all = append(all, it)
		}
	}
	var out []ContentEffect
	for _, p := range order {
		if e, err := ContentEffectOf(p, byProbe[p]); err == nil {
			out = append(out, e)
		}
	}
	if e, err := ContentEffectOf(AllProbes, all); err == nil {
		out = append(out, e)
	}
	return out
}

// ContentEffectOf computes the content effect of items, each a validity
// question with a plausibility, under the name probe. It fails when a
// cell of validity × plausibility has no counted answer.
func ContentEffectOf(probe string, items []Item) (ContentEffect, error) {
	e := ContentEffect{Probe: probe}
	var c stats.ContentCells
	for _, it := range items {
		if it.Plausible == nil {
			return ContentEffect{}, errors.New("scorecard: content effect of an item with no plausibility")
		}
		switch it.Outcome {
		case "error", "not-applicable":
			e.LeftOut++
			continue
		}
		cell := map[[2]bool]*stats.Rate{
			{true, true}: &c.ValidPlausible, {true, false}: &c.ValidImplausible,
			{false, true}: &c.InvalidPlausible, {false, false}: &c.InvalidImplausible,
		}[[2]bool{it.Expected == "yes", *it.Plausible}]
		cell.N++
		if it.Outcome == "correct" {
			cell.K++
		}
		e.Counted++
	}
	m, err := stats.Content(c)
	if err != nil {
		return ContentEffect{}, err
	}
	e.ValidPlausible, e.ValidImplausible = [2]int{c.ValidPlausible.K, c.ValidPlausible.N}, [2]int{c.ValidImplausible.K, c.ValidImplausible.N}
	e.InvalidPlausible, e.InvalidImplausible = [2]int{c.InvalidPlausible.K, c.InvalidPlausible.N}, [2]int{c.InvalidImplausible.K, c.InvalidImplausible.N}
	e.Accuracy, e.IntraPlausibility, e.CrossPlausibility = round4(m.Accuracy), round4(m.IntraPlausibility), round4(m.CrossPlausibility)
	e.TCE, e.Score = round4(m.Total), round4(m.Score)
	return e, nil
}

// round4 keeps four decimals of a percentage, as the task's script
// reports them, so that a scorecard does not change with the last bits
// of a float.
func round4(x float64) float64 { return math.Round(x*1e4) / 1e4 }
