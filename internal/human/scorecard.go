package human

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/syllobench/syllobench/internal/ccobra"
	"github.com/syllobench/syllobench/internal/forms"
	"github.com/syllobench/syllobench/internal/gen"
	"github.com/syllobench/syllobench/internal/logic"
	"github.com/syllobench/syllobench/internal/scorecard"
)

// Probe is the scorecard probe whose items are premise pairs with the
// nine conclusions to choose from.
const Probe = "conclusions"

// Skipped counts the conclusions items that FromScorecard left out.
type Skipped struct {
	Unanswered int // no label given: unparseable, error or not applicable
	Unknown    int // a label that is not one of the item's options
}

// FromScorecard counts a model's answers to the premise pairs from the
// conclusions items of sc. The scorecard keeps the label chosen but not
// the options, whose order a presentation may shuffle, so each item is
// generated again from its id and the run's seed and semantics, and the
// label is read against the regenerated options. An item whose
// regenerated id or premises differ from the recorded ones is an error:
// it means the generator changed since the run, and guessing would
// misattribute answers. Items without a usable answer are counted in
// Skipped, not in ccobra.Counts.
func FromScorecard(sc *scorecard.Scorecard) (ccobra.Counts, Skipped, error) {
	var c ccobra.Counts
	var sk Skipped
	sem, err := logic.ParseSemantics(sc.Config.Semantics)
	if err != nil {
		return c, sk, err
	}
	for _, it := range sc.Items {
		if it.Probe != Probe {
			continue
		}
		if it.Verdict == "" {
			sk.Unanswered++
			continue
		}
		g, err := regenerate(it, sem, sc.Config.Seed)
		if err != nil {
			return c, sk, err
		}
		var resp forms.Response
		found := false
		for _, o := range g.Options {
			if o.Label == it.Verdict {
				resp, found = o.Response, true
			}
		}
		if !found {
			sk.Unknown++
			continue
		}
		p, err := forms.ParsePair(it.Form)
		if err != nil {
			return c, sk, fmt.Errorf("item %s: %w", it.ID, err)
		}
		c[ccobra.PairIndex(p)][resp]++
	}
	return c, sk, nil
}

// regenerate rebuilds a conclusions item from its recorded identity.
// Its id is family/form/condition/index[/presentation] (gen.Item.ID).
func regenerate(it scorecard.Item, sem logic.Semantics, seed uint64) (gen.Item, error) {
	parts := strings.Split(it.ID, "/")
	if len(parts) < 4 {
		return gen.Item{}, fmt.Errorf("item %s: id is not family/form/condition/index", it.ID)
	}
	idx, err := strconv.Atoi(parts[3])
	if err != nil {
		return gen.Item{}, fmt.Errorf("item %s: index: %w", it.ID, err)
	}
	cond, err := gen.ParseCondition(it.Condition)
	if err != nil {
		return gen.Item{}, fmt.Errorf("item %s: %w", it.ID, err)
	}
	pres, err := gen.ParsePresentation(it.Presentation)
	if err != nil {
		return gen.Item{}, fmt.Errorf("item %s: %w", it.ID, err)
	}
	g, err := gen.Generate(gen.Spec{Family: Probe, Form: it.Form, Condition: cond, Presentation: pres, Semantics: sem, Seed: seed, Index: idx})
	if err != nil {
		return gen.Item{}, fmt.Errorf("item %s: %w", it.ID, err)
	}
	if g.ID != it.ID || strings.Join(g.PremiseText, "\n") != strings.Join(it.Premises, "\n") {
		return gen.Item{}, fmt.Errorf("item %s: regenerated as %s with other premises; the generator has changed since this run", it.ID, g.ID)
	}
	return g, nil
}
