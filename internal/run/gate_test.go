package run

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/syllobench/syllobench/internal/gate"
	"github.com/syllobench/syllobench/internal/model"
	"github.com/syllobench/syllobench/internal/scorecard"
	"github.com/syllobench/syllobench/probes"
)

// writeBaseline writes the scorecard of s as the baseline of its model.
func writeBaseline(t *testing.T, s *Session) {
	t.Helper()
	path := BaselinePath(s.Settings.Fixtures, s.Settings.Model.Model)
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := s.Scorecard().WriteFile(path); err != nil {
		t.Fatal(err)
	}
}

// baselineOf runs probes of name and writes its scorecard as the
// baseline under a fresh fixtures directory, which it returns.
func baselineOf(t *testing.T, name string, ps ...string) string {
	t.Helper()
	s := sessionFor(t, name)
	for _, n := range ps {
		if _, _, err := s.Probe(context.Background(), probe(t, n)); err != nil {
			t.Fatal(err)
		}
	}
	writeBaseline(t, s)
	return s.Settings.Fixtures
}

// gating returns the settings edit of a run gated against baseline in dir.
func gating(dir, baseline string) func(*Settings) {
	return func(st *Settings) { st.Fixtures, st.Baseline = dir, baseline }
}

func TestSessionGate(t *testing.T) {
	dir := baselineOf(t, "ref-logic", "chains", "validity")
	s := sessionFor(t, "ref-coin", gating(dir, "ref-logic"))
	if err := s.CheckBaseline(); err != nil {
		t.Fatal(err)
	}
	p := probe(t, "chains")
	if _, _, err := s.Probe(context.Background(), p); err != nil {
		t.Fatal(err)
	}
	c, err := s.Gate()
	if err != nil {
		t.Fatal(err)
	}
	if len(c.Rows) != 1 || c.Rows[0].Probe != "chains" || !c.Rows[0].Worse() || !c.Failed() {
		t.Errorf("rows %+v; want chains alone (validity did not run), significantly worse", c.Rows)
	}
	if c.Thresholds != s.Thresholds() || c.Thresholds.Alpha != s.Settings.Battery.Limits.Alpha {
		t.Errorf("thresholds %+v; want the session's, alpha %v", c.Thresholds, s.Settings.Battery.Limits.Alpha)
	}

	// A pinned id must be in the baseline.
	os.WriteFile(PinnedPath(dir, "ref-logic"), []byte("chains/no-such-item\n"), 0o644)
	s2 := sessionFor(t, "ref-coin", gating(dir, "ref-logic"))
	s2.Probe(context.Background(), p)
	if _, err := s2.Gate(); err == nil || !strings.Contains(err.Error(), `pinned item "chains/no-such-item" is not in the baseline`) {
		t.Errorf("unknown pinned id: %v", err)
	}

	// A missing baseline says how to record one.
	s3 := sessionFor(t, "ref-coin", gating(t.TempDir(), "ref-logic"))
	if err := s3.CheckBaseline(); err == nil || !strings.Contains(err.Error(), "SYLLOBENCH_MODEL=ref-logic SYLLOBENCH_UPDATE=1 go test ./...") {
		t.Errorf("missing baseline: CheckBaseline %v", err)
	}
	if _, err := s3.Gate(); err == nil || !strings.Contains(err.Error(), "SYLLOBENCH_MODEL=ref-logic SYLLOBENCH_UPDATE=1 go test ./...") {
		t.Errorf("missing baseline: %v", err)
	}
}

// A gate that compared nothing is an error, never a pass: a run that
// asked nothing, or a baseline whose every answer is an error.
func TestGateComparesSomething(t *testing.T) {
	dir := baselineOf(t, "ref-logic", "chains")
	s := sessionFor(t, "ref-coin", gating(dir, "ref-logic"))
	if _, err := s.Gate(); !errors.Is(err, gate.ErrNothingCompared) || !strings.Contains(err.Error(), "gating ref-coin against ref-logic") {
		t.Errorf("nothing asked: %v; want ErrNothingCompared, naming the models", err)
	}

	failing := &fake{answer: func(context.Context, model.Request) (model.Response, error) {
		return model.Response{}, &model.InfraError{Op: "POST", StatusCode: 503, Err: errors.New("busy")}
	}}
	dir = t.TempDir()
	st := smallSettings(t, "ref-broken")
	st.Fixtures = dir
	broken := newSession(t, st, func(string) model.Model { return failing })
	if _, _, err := broken.Probe(context.Background(), probe(t, "chains")); err != nil {
		t.Fatal(err)
	}
	writeBaseline(t, broken)
	s = sessionFor(t, "ref-coin", gating(dir, "ref-broken"))
	if _, _, err := s.Probe(context.Background(), probe(t, "chains")); err != nil {
		t.Fatal(err)
	}
	if c, err := s.Gate(); !errors.Is(err, gate.ErrNothingCompared) || c != nil {
		t.Errorf("an all-error baseline: %+v, %v; want ErrNothingCompared", c, err)
	}
}

// The content-bias corpus is pinned: a pair right on the baseline and
// wrong now is reported item by item.
func TestPinnedRegressions(t *testing.T) {
	base := sessionFor(t, "ref-logic")
	cfg := base.Settings.Battery
	var pairs [][2]probes.Case
	for seed := range uint64(40) {
		pair, err := probes.ContentPair(cfg, knobs(seed))
		if err != nil {
			continue
		}
		pairs = append(pairs, pair)
		base.Pair(context.Background(), pair, true)
	}
	writeBaseline(t, base)
	cand := sessionFor(t, "ref-belief", gating(base.Settings.Fixtures, "ref-logic"))
	regressed := 0
	for _, pair := range pairs {
		rs := cand.Pair(context.Background(), pair, true)
		msgs, err := cand.PinnedRegressions(rs[:])
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range msgs {
			if !strings.Contains(m, "pinned item regressed: right on the baseline ref-logic") {
				t.Errorf("message: %s", m)
			}
		}
		regressed += len(msgs)
	}
	if regressed == 0 {
		t.Error("ref-belief regresses on no pinned item of 40 content pairs")
	}
	// The gate fails on them too, each pinned.
	c, err := cand.Gate()
	if err != nil {
		t.Fatal(err)
	}
	if len(c.Pinned) == 0 || !c.Failed() {
		t.Errorf("gate: %d pinned regressions, failed %v; want the corpus's regressions to fail it", len(c.Pinned), c.Failed())
	}
	none := sessionFor(t, "ref-belief")
	if msgs, err := none.PinnedRegressions(nil); msgs != nil || err != nil {
		t.Errorf("without a baseline: %v, %v", msgs, err)
	}
}

// A baseline must hold every probe and the content-bias corpus.
func TestUpdateBaselineRefusesAPartialRun(t *testing.T) {
	s := sessionFor(t, "ref-logic", func(st *Settings) { st.FuzzSeeds = true })
	s.Probe(context.Background(), probe(t, "chains"))
	if path, err := s.UpdateBaseline(); err == nil || path != "" || !strings.Contains(err.Error(), "was not asked") {
		t.Errorf("partial run: %q, %v", path, err)
	}
	// Every probe, but not the corpus.
	if err := s.Some(context.Background(), probes.All(), false); err != nil {
		t.Fatal(err)
	}
	if _, err := s.UpdateBaseline(); err == nil || !strings.Contains(err.Error(), probes.ContentBiasProbe+" was not asked") {
		t.Errorf("every probe but the corpus: %v", err)
	}
	if _, err := os.Stat(BaselinePath(s.Settings.Fixtures, "ref-logic")); err == nil {
		t.Error("a partial baseline was written")
	}
}

// A whole run is written as the model's baseline, and a gate against it
// passes.
func TestUpdateBaseline(t *testing.T) {
	s := sessionFor(t, "ref-logic", func(st *Settings) { st.FuzzSeeds = true })
	if err := s.All(context.Background()); err != nil {
		t.Fatal(err)
	}
	path, err := s.UpdateBaseline()
	if err != nil {
		t.Fatal(err)
	}
	if path != BaselinePath(s.Settings.Fixtures, "ref-logic") {
		t.Errorf("written at %s; want %s", path, BaselinePath(s.Settings.Fixtures, "ref-logic"))
	}
	sc, err := scorecard.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, p := range sc.Probes {
		names = append(names, p.Name)
	}
	if want := s.probeOrder(); !slices.Equal(names, want) || len(sc.ContentPairs) == 0 {
		t.Errorf("baseline probes %q, %d content pairs; want %q and the corpus", names, len(sc.ContentPairs), want)
	}
	again := sessionFor(t, "ref-logic", gating(s.Settings.Fixtures, "ref-logic"), func(st *Settings) { st.FuzzSeeds = true })
	if err := again.All(context.Background()); err != nil {
		t.Fatal(err)
	}
	c, err := again.Gate()
	if err != nil {
		t.Fatal(err)
	}
	if c.Failed() || len(c.Regressed) != 0 || c.Paired != len(sc.Items) {
		t.Errorf("the same model against its own baseline: failed %v, %d regressed, %d of %d paired", c.Failed(), len(c.Regressed), c.Paired, len(sc.Items))
	}

	// With an empty corpus (no seeds, nothing committed) every probe is
	// the whole battery.
	empty := sessionFor(t, "ref-logic", func(st *Settings) { st.FuzzSeeds, st.Corpus = false, t.TempDir() })
	if err := empty.All(context.Background()); err != nil {
		t.Fatal(err)
	}
	if _, err := empty.UpdateBaseline(); err != nil {
		t.Errorf("an empty corpus: %v", err)
	}
}

// A baseline must hold every answer: a run in which a request failed, or
// that stopped early, is refused.
func TestUpdateBaselineRefusesErrors(t *testing.T) {
	e, err := server()
	if err != nil {
		t.Fatal(err)
	}
	st := smallSettings(t, "ref-logic")
	cfg := st.Model
	cfg.BaseURL = e.URL()
	c, err := model.NewClient(cfg)
	if err != nil {
		t.Fatal(err)
	}
	failing := &fake{answer: func(context.Context, model.Request) (model.Response, error) {
		return model.Response{}, &model.InfraError{Op: "POST", StatusCode: 503, Err: errors.New("busy")}
	}}
	s := newSession(t, st, func(p string) model.Model {
		if p == "chains" {
			return failing
		}
		return c
	})
	if err := s.All(context.Background()); err != nil {
		t.Fatal(err)
	}
	if _, err := s.UpdateBaseline(); err == nil || !strings.Contains(err.Error(), "requests failed (infrastructure)") {
		t.Errorf("a run with failed requests: %v", err)
	}

	ok := newSession(t, st, func(string) model.Model { return c })
	if err := ok.All(context.Background()); err != nil {
		t.Fatal(err)
	}
	ok.cancel(&StopError{Reason: "the run stopped for the test"})
	if _, err := ok.UpdateBaseline(); err == nil || !strings.Contains(err.Error(), "the run stopped for the test") {
		t.Errorf("a stopped run: %v", err)
	}
	if _, err := os.Stat(BaselinePath(st.Fixtures, "ref-logic")); err == nil {
		t.Error("a baseline with errors was written")
	}
}
