package run

import (
	"context"
	"strings"
	"testing"
)

// SYLLOBENCH_LIMIT asks the first N questions of each probe and N pairs
// of the corpus; the scorecard records it, every failure says it comes
// from a trial, and such a run never becomes a baseline.
func TestLimit(t *testing.T) {
	settings, err := Load(Source{Getenv: env(map[string]string{"SYLLOBENCH_LIMIT": "3"}), Environ: []string{}})
	if err != nil {
		t.Fatal(err)
	}
	if settings.Battery.Limit != 3 {
		t.Fatalf("SYLLOBENCH_LIMIT=3 gave a limit of %d", settings.Battery.Limit)
	}
	for _, bad := range []string{"0", "-1", "x"} {
		if _, err := Load(Source{Getenv: env(map[string]string{"SYLLOBENCH_LIMIT": bad}), Environ: []string{}}); err == nil || !strings.Contains(err.Error(), "SYLLOBENCH_LIMIT") {
			t.Errorf("SYLLOBENCH_LIMIT=%s: %v, want an error naming it", bad, err)
		}
	}

	s := sessionFor(t, "ref-belief", func(st *Settings) { st.Battery.Limit = 3 })
	if err := s.All(context.Background()); err != nil {
		t.Fatal(err)
	}
	sc := s.Scorecard()
	if sc.Config.Limit != 3 {
		t.Errorf("the scorecard records limit %d, want 3", sc.Config.Limit)
	}
	failures := 0
	for _, a := range s.Assessments() {
		if a.Tally.N > 3 {
			t.Errorf("%s asked %d questions under a limit of 3", a.Probe, a.Tally.N)
		}
		for _, c := range a.Checks {
			for _, f := range c.Failures {
				failures++
				if !strings.Contains(f, "SYLLOBENCH_LIMIT=3") {
					t.Errorf("%s: a failure of a limited run does not say so: %s", a.Probe, f)
				}
			}
		}
	}
	if failures == 0 {
		t.Error("ref-belief failed nothing on the first 3 questions of each probe; the test shows nothing")
	}
	if n, err := s.Cases(s.Probes(), true); err != nil || n != len(sc.Items) {
		t.Errorf("the progress counts %d items (%v); the scorecard holds %d", n, err, len(sc.Items))
	}
	if _, err := s.UpdateBaseline(); err == nil || !strings.Contains(err.Error(), "SYLLOBENCH_LIMIT=3") {
		t.Errorf("a limited run became a baseline: %v", err)
	}
}
