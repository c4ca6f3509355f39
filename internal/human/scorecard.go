package human

import (
	"fmt"
	"slices"

	"github.com/syllobench/syllobench/internal/ccobra"
	"github.com/syllobench/syllobench/internal/forms"
	"github.com/syllobench/syllobench/internal/scorecard"
)

// Probe is the scorecard probe whose items are premise pairs with the
// nine conclusions to choose from.
const Probe = "conclusions"

// Skipped counts the conclusions items that FromScorecard left out.
type Skipped struct {
	Unanswered int // no label given: unparseable, error or not applicable
	Unknown    int // a label that is not one of the item's options
	// Undescribed items do not say which response each label stood for:
	// they come from a scorecard of format 1, written before items
	// carried their response codes.
	Undescribed int
}

// FromScorecard counts a model's answers to the premise pairs from the
// conclusions items of sc: each item records the premise pair (its form)
// and the response code of each option label as shown, so the label
// given is the response it meant. Items without a usable answer are
// counted in Skipped, not in the counts.
func FromScorecard(sc *scorecard.Scorecard) (ccobra.Counts, Skipped, error) {
	var c ccobra.Counts
	var sk Skipped
	for _, it := range sc.Items {
		if it.Probe != Probe {
			continue
		}
		switch {
		case it.Verdict == "":
			sk.Unanswered++
			continue
		case len(it.Responses) == 0:
			sk.Undescribed++
			continue
		case len(it.Responses) != len(it.Labels):
			return c, sk, fmt.Errorf("item %s: %d labels but %d response codes", it.ID, len(it.Labels), len(it.Responses))
		}
		i := slices.Index(it.Labels, it.Verdict)
		if i < 0 {
			sk.Unknown++
			continue
		}
		resp, err := forms.ParseResponse(it.Responses[i])
		if err != nil {
			return c, sk, fmt.Errorf("item %s: %w", it.ID, err)
		}
		p, err := forms.ParsePair(it.Form)
		if err != nil {
			return c, sk, fmt.Errorf("item %s: %w", it.ID, err)
		}
		c[ccobra.PairIndex(p)][resp]++
	}
	return c, sk, nil
}
