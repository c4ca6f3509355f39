package probes

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// baselineOf runs probes of name and writes its scorecard as the
// baseline under a fresh fixtures directory, which it returns.
func baselineOf(t *testing.T, name string, probes ...string) string {
	t.Helper()
	s := sessionFor(t, name)
	s.FixturesDir = t.TempDir()
	for _, n := range probes {
		p, err := ByName(n)
		if err != nil {
			t.Fatal(err)
		}
		if _, _, err := s.Run(context.Background(), p); err != nil {
			t.Fatal(err)
		}
	}
	sc := s.Scorecard()
	path := BaselinePath(s.FixturesDir, name)
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := sc.WriteFile(path); err != nil {
		t.Fatal(err)
	}
	return s.FixturesDir
}

func TestSessionGate(t *testing.T) {
	dir := baselineOf(t, "ref-logic", "chains", "validity")
	s := sessionFor(t, "ref-coin")
	s.FixturesDir, s.Baseline = dir, "ref-logic"
	p, _ := ByName("chains")
	if _, _, err := s.Run(context.Background(), p); err != nil {
		t.Fatal(err)
	}
	c, err := s.Gate()
	if err != nil {
		t.Fatal(err)
	}
	if len(c.Rows) != 1 || c.Rows[0].Probe != "chains" || !c.Rows[0].Worse() || !c.Failed() {
		t.Errorf("rows %+v; want chains alone (validity did not run), significantly worse", c.Rows)
	}

	// A pinned id must be in the baseline.
	os.WriteFile(PinnedPath(dir, "ref-logic"), []byte("chains/no-such-item\n"), 0o644)
	s2 := sessionFor(t, "ref-coin")
	s2.FixturesDir, s2.Baseline = dir, "ref-logic"
	s2.Run(context.Background(), p)
	if _, err := s2.Gate(); err == nil || !strings.Contains(err.Error(), `pinned item "chains/no-such-item" is not in the baseline`) {
		t.Errorf("unknown pinned id: %v", err)
	}

	// A missing baseline says how to record one.
	s3 := sessionFor(t, "ref-coin")
	s3.FixturesDir, s3.Baseline = t.TempDir(), "ref-logic"
	if _, err := s3.Gate(); err == nil || !strings.Contains(err.Error(), "SYLLOBENCH_MODEL=ref-logic SYLLOBENCH_UPDATE=1 go test ./...") {
		t.Errorf("missing baseline: %v", err)
	}
}

// The content-bias corpus is pinned: a pair right on the baseline and
// wrong now is reported item by item.
func TestPinnedRegressions(t *testing.T) {
	base := sessionFor(t, "ref-logic")
	base.FixturesDir = t.TempDir()
	cfg := base.Config
	var pairs [][2]Case
	for seed := range uint64(40) {
		pair, err := ContentPair(cfg, knobs(seed))
		if err != nil {
			continue
		}
		pairs = append(pairs, pair)
		base.AskPair(context.Background(), pair, true)
	}
	path := BaselinePath(base.FixturesDir, "ref-logic")
	os.MkdirAll(filepath.Dir(path), 0o755)
	if err := base.Scorecard().WriteFile(path); err != nil {
		t.Fatal(err)
	}
	cand := sessionFor(t, "ref-belief")
	cand.FixturesDir, cand.Baseline = base.FixturesDir, "ref-logic"
	regressed := 0
	for _, pair := range pairs {
		rs := cand.AskPair(context.Background(), pair, true)
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
	none := sessionFor(t, "ref-belief")
	if msgs, err := none.PinnedRegressions(nil); msgs != nil || err != nil {
		t.Errorf("without a baseline: %v, %v", msgs, err)
	}
}

// A baseline must hold every probe.
func TestUpdateBaselineRefusesAPartialRun(t *testing.T) {
	s := sessionFor(t, "ref-logic")
	s.FixturesDir = t.TempDir()
	p, _ := ByName("chains")
	s.Run(context.Background(), p)
	if err := s.UpdateBaseline(); err == nil || !strings.Contains(err.Error(), "was not run") {
		t.Errorf("partial run: %v", err)
	}
	if _, err := os.Stat(BaselinePath(s.FixturesDir, "ref-logic")); err == nil {
		t.Error("a partial baseline was written")
	}
}
