package run

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"sync"

	"github.com/syllobench/syllobench/internal/gate"
	"github.com/syllobench/syllobench/internal/scorecard"
	"github.com/syllobench/syllobench/internal/stats"
	"github.com/syllobench/syllobench/probes"
)

// Gating: with SYLLOBENCH_BASELINE=<model>, a run is compared item by item
// with the scorecard recorded for that model, <fixtures>/<model>/scorecard.json,
// and fails on a significant paired regression or on any pinned item that
// regressed. SYLLOBENCH_UPDATE=1 writes the run's own scorecard there
// instead, which is how a new baseline is accepted.

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
		name := s.Settings.Baseline
		path := BaselinePath(s.Settings.Fixtures, name)
		b.card, b.err = scorecard.ReadFile(path)
		if errors.Is(b.err, os.ErrNotExist) {
			b.err = fmt.Errorf("SYLLOBENCH_BASELINE=%s: no baseline scorecard at %s; record one with\n\tSYLLOBENCH_MODEL=%s SYLLOBENCH_UPDATE=1 go test ./...",
				name, path, name)
		}
		if b.err != nil {
			return
		}
		if b.pinned, b.err = gate.ReadPinned(PinnedPath(s.Settings.Fixtures, name)); b.err != nil {
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
	th.Alpha = s.Settings.Battery.Limits.Alpha
	return th
}

// Gate compares the probes asked so far with the baseline. Probes the
// baseline has but this run did not ask (a -run filter) are left out. A
// comparison of nothing (no item in common, an empty or all-error
// baseline) is an error wrapping [gate.ErrNothingCompared]: a gate that
// compared nothing never passes.
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
			return nil, fmt.Errorf("%s: pinned item %q is not in the baseline scorecard of %s", PinnedPath(s.Settings.Fixtures, s.Settings.Baseline), id, s.Settings.Baseline)
		}
		probe := b.card.Items[i].Probe
		if slices.ContainsFunc(cand.Probes, func(p scorecard.Probe) bool { return p.Name == probe }) {
			pinned = append(pinned, id)
		}
	}
	c, err := gate.Compare(&base, cand, s.Thresholds(), pinned)
	if err != nil {
		return nil, fmt.Errorf("gating %s against %s (%s): %w", cand.Model, s.Settings.Baseline, BaselinePath(s.Settings.Fixtures, s.Settings.Baseline), err)
	}
	return c, nil
}

// PinnedRegressions returns a message for each result that was right on
// the baseline and is not right now, for the content-bias corpus, whose
// items are pinned. Without a baseline it returns nothing.
func (s *Session) PinnedRegressions(rs []probes.Result) ([]string, error) {
	if s.Settings.Baseline == "" {
		return nil, nil
	}
	b, err := s.baseline()
	if err != nil {
		return nil, err
	}
	var msgs []string
	for _, r := range rs {
		old, ok := b.items[probes.ContentBiasProbe+"\x00"+r.ID]
		if ok && old.Outcome == string(probes.Correct) && replied(r) && r.Outcome != probes.Correct {
			msgs = append(msgs, fmt.Sprintf("pinned item regressed: right on the baseline %s (%s), %s now\n%s", s.Settings.Baseline, old.Verdict, r.Outcome, probes.Counterexample(r)))
		}
	}
	return msgs, nil
}

// replied reports whether the model gave a reply, right or not.
func replied(r probes.Result) bool {
	return r.Outcome == probes.Correct || r.Outcome == probes.Wrong || r.Outcome == probes.Unparseable
}

// UpdateBaseline writes the run's scorecard as the model's baseline. It
// refuses a run that did not ask every probe and the content-bias corpus,
// or in which a request failed or the run stopped early: a baseline with
// holes or errors in place of answers would gate every later run against
// nothing.
func (s *Session) UpdateBaseline() (string, error) {
	sc := s.Scorecard()
	if stop := s.Stopped(); stop != nil {
		return "", fmt.Errorf("SYLLOBENCH_UPDATE=1: the baseline of %s is not written: %w", sc.Model, stop)
	}
	if n := s.Settings.Battery.Limit; n > 0 {
		return "", fmt.Errorf("SYLLOBENCH_UPDATE=1: the baseline of %s is not written: SYLLOBENCH_LIMIT=%d asked only the first %d questions of each probe, a trial, and a baseline must hold the whole battery", sc.Model, n, n)
	}
	for _, name := range s.probeOrder() {
		if !slices.ContainsFunc(sc.Probes, func(q scorecard.Probe) bool { return q.Name == name }) {
			if name == probes.ContentBiasProbe && len(sc.Probes) == len(s.Probes()) {
				if pairs, err := s.CorpusPairs(); err == nil && len(pairs) == 0 {
					continue // an empty corpus (SYLLOBENCH_FUZZ_SEEDS=0, nothing committed) asks nothing
				}
			}
			return "", fmt.Errorf("SYLLOBENCH_UPDATE=1: the baseline of %s is not written: %s was not asked, so it would have holes; run every probe (go test . or syllobench run without -probe)", sc.Model, name)
		}
	}
	errs := 0
	for _, p := range sc.Probes {
		errs += p.Errors
	}
	if errs > 0 {
		return "", fmt.Errorf("SYLLOBENCH_UPDATE=1: the baseline of %s is not written: %d of %d requests failed (infrastructure), and a baseline must hold every answer", sc.Model, errs, len(sc.Items))
	}
	path := BaselinePath(s.Settings.Fixtures, sc.Model)
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return "", fmt.Errorf("SYLLOBENCH_UPDATE=1: %w", err)
	}
	return path, sc.WriteFile(path)
}

// CheckBaseline reads the baseline, so that a missing or damaged one is
// reported before the battery is asked.
func (s *Session) CheckBaseline() error {
	_, err := s.baseline()
	return err
}
