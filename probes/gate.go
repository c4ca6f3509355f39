package probes

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"sync"

	"github.com/syllobench/syllobench/internal/fixture"
	"github.com/syllobench/syllobench/internal/gate"
	"github.com/syllobench/syllobench/internal/scorecard"
	"github.com/syllobench/syllobench/internal/stats"
)

// Gating: with SYLLOBENCH_BASELINE=<model>, a run is compared item by item
// with the scorecard recorded for that model, <fixtures>/<model>/scorecard.json,
// and fails on a significant paired regression or on any pinned item that
// regressed. SYLLOBENCH_UPDATE=1 writes the run's own scorecard there
// instead, which is how a new baseline is accepted.

// BaselinePath is where the baseline scorecard of a model is kept.
func BaselinePath(fixtures, model string) string {
	return filepath.Join(fixtures, fixture.Slug(model), "scorecard.json")
}

// PinnedPath is the file of item ids pinned for a baseline model.
func PinnedPath(fixtures, model string) string {
	return filepath.Join(fixtures, fixture.Slug(model), "pinned.txt")
}

// baseline is the gate's baseline, read once.
type baseline struct {
	once   sync.Once
	card   *scorecard.Scorecard
	pinned []string
	items  map[string]scorecard.Item // by probe and id
	err    error
}

func (s *Session) baseline() (*baseline, error) {
	b := s.base
	b.once.Do(func() {
		path := BaselinePath(s.FixturesDir, s.Baseline)
		b.card, b.err = scorecard.ReadFile(path)
		if errors.Is(b.err, os.ErrNotExist) {
			b.err = fmt.Errorf("SYLLOBENCH_BASELINE=%s: no baseline scorecard at %s; record one with\n\tSYLLOBENCH_MODEL=%s SYLLOBENCH_UPDATE=1 go test ./...",
				s.Baseline, path, s.Baseline)
		}
		if b.err != nil {
			return
		}
		if b.pinned, b.err = gate.ReadPinned(PinnedPath(s.FixturesDir, s.Baseline)); b.err != nil {
			return
		}
		b.items = map[string]scorecard.Item{}
		for _, it := range b.card.Items {
			b.items[it.Probe+"\x00"+it.ID] = it
		}
	})
	return b, b.err
}

// Thresholds are the gate's settings: the significance level of the
// limits, a 5-point drop and power 0.8 for the sample-size warnings.
func (s *Session) Thresholds() stats.Thresholds {
	th := stats.DefaultThresholds
	th.Alpha = s.Config.Limits.Alpha
	return th
}

// Gate compares the probes run so far with the baseline. Probes the
// baseline has but this run did not ask (a -run filter) are left out.
func (s *Session) Gate() (*gate.Comparison, error) {
	b, err := s.baseline()
	if err != nil {
		return nil, err
	}
	cand := s.Scorecard()
	base := *b.card
	base.Items = slices.DeleteFunc(slices.Clone(base.Items), func(it scorecard.Item) bool {
		return !slices.ContainsFunc(cand.Probes, func(p scorecard.Probe) bool { return p.Name == it.Probe })
	})
	// A pinned id must name an item of the baseline; it is checked when
	// its probe ran this time.
	var pinned []string
	for _, id := range b.pinned {
		i := slices.IndexFunc(b.card.Items, func(it scorecard.Item) bool { return it.ID == id })
		if i < 0 {
			return nil, fmt.Errorf("%s: pinned item %q is not in the baseline scorecard of %s", PinnedPath(s.FixturesDir, s.Baseline), id, s.Baseline)
		}
		probe := b.card.Items[i].Probe
		if slices.ContainsFunc(cand.Probes, func(p scorecard.Probe) bool { return p.Name == probe }) {
			pinned = append(pinned, id)
		}
	}
	return gate.Compare(&base, cand, s.Thresholds(), pinned)
}

// PinnedRegressions returns a message for each result that was right on
// the baseline and is not right now, for the content-bias corpus, whose
// items are pinned. Without a baseline it returns nothing.
func (s *Session) PinnedRegressions(rs []Result) ([]string, error) {
	if s.Baseline == "" {
		return nil, nil
	}
	b, err := s.baseline()
	if err != nil {
		return nil, err
	}
	var msgs []string
	for _, r := range rs {
		old, ok := b.items[ContentBiasProbe+"\x00"+r.ID]
		if ok && old.Outcome == string(Correct) && replied(r) && r.Outcome != Correct {
			msgs = append(msgs, fmt.Sprintf("pinned item regressed: right on the baseline %s (%s), %s now\n%s", s.Baseline, old.Verdict, r.Outcome, Counterexample(r)))
		}
	}
	return msgs, nil
}

// UpdateBaseline writes the run's scorecard as the model's baseline. It
// refuses a run that did not ask every probe, which would make a baseline
// with holes.
func (s *Session) UpdateBaseline() error {
	sc := s.Scorecard()
	for _, p := range All() {
		if !slices.ContainsFunc(sc.Probes, func(q scorecard.Probe) bool { return q.Name == p.Name }) {
			return fmt.Errorf("SYLLOBENCH_UPDATE=1: probe %s was not run, so the baseline would have holes; run every probe (go test ./...)", p.Name)
		}
	}
	path := BaselinePath(s.FixturesDir, s.Sampling.Model)
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return fmt.Errorf("SYLLOBENCH_UPDATE=1: %w", err)
	}
	return sc.WriteFile(path)
}
