// Package gate compares a candidate model's scorecard with a baseline's,
// item by item, to decide whether an upgrade may ship: an exact McNemar
// test per probe on the items whose outcome flipped, Holm-corrected across
// the probes, and a list of every flip. Pinned items (the content-bias
// corpus and any listed by hand) fail on their own when they regress,
// whatever the statistics say.
package gate

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"os"
	"slices"
	"strings"

	"github.com/syllobench/syllobench/internal/scorecard"
	"github.com/syllobench/syllobench/internal/stats"
)

// ErrNothingCompared is wrapped by the error of [Compare] when no item of
// the candidate pairs with an answered item of the baseline: an empty or
// all-error scorecard, or runs with nothing in common. A gate that
// compared nothing must not pass.
var ErrNothingCompared = errors.New("the gate compared nothing")

// Comparison is the gate's judgement of a candidate against a baseline.
type Comparison struct {
	Base, Cand string // the models
	Thresholds stats.Thresholds
	Paired     int    // the items compared: answered by both models
	Rows       []Row  // one per probe both scorecards hold, in the candidate's order
	Regressed  []Flip // right on the baseline, not right now: the flip list, first part
	Improved   []Flip // not right on the baseline, right now
	Pinned     []Flip // pinned items among Regressed; each fails the gate
	// Unpaired counts the items left out of the comparison: asked of one
	// model only, or not answered by one (an infrastructure error or a
	// question it declined).
	Unpaired int
	Warnings []string // about the comparison as a whole
	// MFA is each model's agreement with people, written under the
	// table when set. Compare leaves it nil; the caller fills it in.
	MFA *MFAMatch
	// Content is the change in content effect on the paired validity
	// questions with a plausibility; nil when a cell has no answer.
	Content *ContentChange
}

// Row is one probe's paired comparison.
type Row struct {
	Probe string
	stats.PairedResult
	P           float64 // the Holm-adjusted two-sided exact McNemar p
	Significant bool    // P < Thresholds.Alpha
}

// Worse reports whether the candidate is significantly worse on the probe.
func (r Row) Worse() bool { return r.Significant && r.Regressions > r.Improvements }

// Flip is an item whose outcome changed.
type Flip struct {
	ID          string   `json:"id"`
	Probe       string   `json:"probe"`
	Expected    string   `json:"expected"`
	BaseVerdict string   `json:"base_verdict"` // the label given; "" when none was found
	Verdict     string   `json:"verdict"`
	BaseOutcome string   `json:"base_outcome"`
	Outcome     string   `json:"outcome"`
	Premises    []string `json:"premises"`
	Conclusion  string   `json:"conclusion,omitempty"`
}

// Failed reports whether the gate fails: some probe is significantly
// worse, or a pinned item regressed.
func (c *Comparison) Failed() bool {
	return len(c.Pinned) > 0 || slices.ContainsFunc(c.Rows, Row.Worse)
}

// answered reports whether an outcome is a model's answer, right or not.
func answered(outcome string) bool {
	return outcome == "correct" || outcome == "wrong" || outcome == "unparseable" || outcome == "truncated"
}

// Compare pairs the items of two scorecards by id and compares them probe
// by probe. pinned lists the ids that fail on their own when they regress;
// the items of the content-bias probe are always pinned. A pinned id that
// neither scorecard holds is an error, so that a typo does not unpin it
// in silence.
func Compare(base, cand *scorecard.Scorecard, th stats.Thresholds, pinned []string) (*Comparison, error) {
	if base.Suite != cand.Suite {
		return nil, fmt.Errorf("the baseline was made by suite version %s and the candidate by %s: their items differ, so they cannot be paired", base.Suite, cand.Suite)
	}
	if base.Config.Dataset != "" && cand.Config.Dataset != "" && base.Config.Dataset != cand.Config.Dataset {
		return nil, fmt.Errorf("the baseline asked the dataset %s and the candidate %s: different files, whose records cannot be paired", base.Config.Dataset, cand.Config.Dataset)
	}
	c := &Comparison{Base: base.Model, Cand: cand.Model, Thresholds: th}
	if base.Config.Seed != cand.Config.Seed || base.Config.Format != cand.Config.Format || base.Config.Semantics != cand.Config.Semantics {
		c.Warnings = append(c.Warnings, fmt.Sprintf("the runs differ in seed, format or semantics (baseline %d/%s/%s, candidate %d/%s/%s): only the items they share are compared",
			base.Config.Seed, base.Config.Format, base.Config.Semantics, cand.Config.Seed, cand.Config.Format, cand.Config.Semantics))
	}
	baseItems := map[string]scorecard.Item{}
	for _, it := range base.Items {
		baseItems[it.Probe+"\x00"+it.ID] = it
	}
	isPinned := map[string]bool{}
	for _, id := range pinned {
		isPinned[id] = true
	}
	found := map[string]bool{}
	var plausBase, plausCand []scorecard.Item
	counts := map[string]*stats.PairedCounts{}
	var probes []string
	for _, it := range cand.Items {
		b, ok := baseItems[it.Probe+"\x00"+it.ID]
		if isPinned[it.ID] && ok {
			found[it.ID] = true
		}
		if !ok || !answered(b.Outcome) || !answered(it.Outcome) {
			c.Unpaired++
			continue
		}
		n := counts[it.Probe]
		if n == nil {
			n = &stats.PairedCounts{}
			counts[it.Probe] = n
			probes = append(probes, it.Probe)
		}
		if it.Kind == "validity" && it.Plausible != nil && b.Plausible != nil && it.Probe != contentBias {
			plausBase, plausCand = append(plausBase, b), append(plausCand, it)
		}
		wasRight, isRight := b.Outcome == "correct", it.Outcome == "correct"
		c.Paired++
		n.N++
		if wasRight {
			n.BaseCorrect++
		}
		if isRight {
			n.CandCorrect++
		}
		f := Flip{ID: it.ID, Probe: it.Probe, Expected: it.Expected, BaseVerdict: b.Verdict, Verdict: it.Verdict,
			BaseOutcome: b.Outcome, Outcome: it.Outcome, Premises: it.Premises, Conclusion: it.Conclusion}
		switch {
		case wasRight && !isRight:
			n.Regressions++
			c.Regressed = append(c.Regressed, f)
			if isPinned[it.ID] || it.Probe == contentBias {
				c.Pinned = append(c.Pinned, f)
			}
		case isRight && !wasRight:
			n.Improvements++
			c.Improved = append(c.Improved, f)
		}
	}
	if c.Paired == 0 {
		return nil, fmt.Errorf("%w: no item of %s (%d items) pairs with an item of %s (%d items) that both answered; %d left out (asked of one only, or an error or a declined question on either side)",
			ErrNothingCompared, cand.Model, len(cand.Items), base.Model, len(base.Items), c.Unpaired)
	}
	for _, id := range pinned {
		if !found[id] {
			return nil, fmt.Errorf("pinned item %q is not in both scorecards (%s and %s)", id, base.Model, cand.Model)
		}
	}
	var ps []float64
	for _, p := range probes {
		if p == contentBias {
			continue // pinned item by item, not tested as a probe
		}
		r, err := stats.Paired(*counts[p], th)
		if err != nil {
			return nil, fmt.Errorf("probe %s: %w", p, err)
		}
		c.Rows = append(c.Rows, Row{Probe: p, PairedResult: r})
		ps = append(ps, r.McNemar.TwoSided)
	}
	adj, err := stats.Holm(ps)
	if err != nil {
		return nil, err
	}
	for i := range c.Rows {
		c.Rows[i].P = adj[i]
		c.Rows[i].Significant = adj[i] < th.Alpha
	}
	if c.Unpaired > 0 {
		c.Warnings = append(c.Warnings, fmt.Sprintf("%d items are left out: asked of one model only, or not answered by one", c.Unpaired))
	}
	c.Content = contentChange(plausBase, plausCand)
	return c, nil
}

// contentBias is the probe whose items are pinned: the regression cases of
// the content-bias fuzz corpus.
const contentBias = "content-bias"

// ReadPinned reads a pinned-items file: one item id a line; blank lines
// and lines starting with # are ignored. A missing file pins nothing.
func ReadPinned(path string) ([]string, error) {
	f, err := os.Open(path)
	if errors.Is(err, os.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return parsePinned(f, path)
}

func parsePinned(r io.Reader, path string) ([]string, error) {
	var ids []string
	sc := bufio.NewScanner(r)
	line := 0
	for sc.Scan() {
		line++
		s := strings.TrimSpace(sc.Text())
		if s == "" || strings.HasPrefix(s, "#") {
			continue
		}
		if strings.ContainsAny(s, " \t") {
			return nil, fmt.Errorf("%s:%d: %q is not an item id (one id a line, no spaces)", path, line, s)
		}
		ids = append(ids, s)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return ids, nil
}
