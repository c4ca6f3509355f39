package syllobench

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/syllobench/syllobench/internal/model"
	"github.com/syllobench/syllobench/internal/refmodel"
	"github.com/syllobench/syllobench/internal/run"
	"github.com/syllobench/syllobench/probes"
)

// shipped are the recorded models the project ships under fixtures/,
// each with its answers and its scorecard. A user's own recordings beside
// them are theirs, and not tested here.
var shipped = []string{"ref-atmosphere", "ref-belief", "smollm2-135m", "smollm2-135m-cot", "smollm2-135m-fewshot", "gemma3-270m", "gemma3-270m-fewshot"}

// TestCommittedFixtures replays every shipped recording as a user's CI
// would, with nothing but SYLLOBENCH_MODEL and SYLLOBENCH_MODE=replay set
// (the rest comes from the recorded scorecard), and checks that
//   - every question is answered from the fixtures (no miss, no error),
//   - the replayed scorecard equals the committed one, byte for byte,
//   - the run passes the gate against its own recorded baseline, and,
//   - for a reference reasoner, the answers equal a live run's.
//
// The reference reasoners' recordings were made with, e.g.,
//
//	SYLLOBENCH_MODEL=ref-belief SYLLOBENCH_SIZE=small SYLLOBENCH_MODE=record SYLLOBENCH_UPDATE=1 go test -count=1 .
//
// (the run fails, as ref-belief should); the real model's, as the README's
// "Run it against a real model" says.
func TestCommittedFixtures(t *testing.T) {
	if testing.Short() {
		t.Skip("the project's shipped recordings; skipped in -short")
	}
	e, err := refmodel.Start(refmodel.All())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { e.Close() })
	for _, name := range shipped {
		t.Run("model="+name, func(t *testing.T) {
			t.Parallel()
			path := filepath.Join("fixtures", name, "scorecard.json")
			want, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			vars := map[string]string{"SYLLOBENCH_MODEL": name, "SYLLOBENCH_MODE": "replay", "SYLLOBENCH_BASELINE": name}
			settings, err := run.Load(run.Source{Getenv: func(k string) string { return vars[k] }, Environ: []string{}})
			if err != nil {
				t.Fatal(err)
			}
			if settings.Recorded == nil || settings.Recorded.Path != path {
				t.Fatalf("the replay did not take its settings from %s: %+v", path, settings.Recorded)
			}
			replay, err := run.Open(t.Context(), settings)
			if err != nil {
				t.Fatal(err)
			}
			defer replay.Close()
			if err := replay.All(t.Context()); err != nil {
				t.Fatal(err)
			}
			for _, a := range replay.Assessments() {
				if len(a.Infrastructure) > 0 {
					t.Errorf("probe %s: replay failed: %v", a.Probe, a.Infrastructure)
				}
			}
			var got bytes.Buffer
			if err := replay.Scorecard().Encode(&got); err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(string(want), got.String()); diff != "" {
				t.Errorf("the replayed scorecard differs from %s (-committed +replayed):\n%s", path, diff)
			}
			c, err := replay.Gate()
			if err != nil {
				t.Fatal(err)
			}
			if c.Failed() || len(c.Regressed) > 0 || len(c.Improved) > 0 {
				t.Errorf("the replay does not pass the gate against its own baseline: %d right → wrong, %d wrong → right", len(c.Regressed), len(c.Improved))
			}
			if _, ok := refmodel.ByName(name); !ok {
				return
			}
			mcfg := settings.Model
			mcfg.BaseURL = e.URL()
			client, err := model.NewClient(mcfg)
			if err != nil {
				t.Fatal(err)
			}
			live := run.NewSession(context.Background(), settings, func(string) model.Model { return client })
			if err := live.All(t.Context()); err != nil {
				t.Fatal(err)
			}
			for _, p := range append(probes.All(), probes.Probe{Name: probes.ContentBiasProbe}) {
				if diff := cmp.Diff(outcomes(live.Results(p.Name)), outcomes(replay.Results(p.Name))); diff != "" {
					t.Errorf("probe %s: replay differs from a live run (-live +replay):\n%s", p.Name, diff)
				}
			}
		})
	}
}

// A user's own recording beside the shipped ones is not the project's to
// test: TestCommittedFixtures lists what it replays.
func TestCommittedFixturesAreListed(t *testing.T) {
	entries, err := os.ReadDir("fixtures")
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		files, _ := filepath.Glob(filepath.Join("fixtures", e.Name(), "*.jsonl"))
		if len(files) == 0 {
			continue // a baseline scorecard alone (ref-logic's), nothing to replay
		}
		if !slices.Contains(shipped, e.Name()) {
			t.Logf("fixtures/%s is not a shipped recording; it is not replayed by TestCommittedFixtures", e.Name())
		}
	}
	for _, name := range shipped {
		if _, err := os.Stat(filepath.Join("fixtures", name, "scorecard.json")); err != nil {
			t.Errorf("shipped recording %s: %v", name, err)
		}
	}
}

// outcome is what a result says about the model, without the error
// values, which do not compare.
type outcome struct {
	ID, Key, Reply, Verdict string
	Outcome                 probes.Outcome
	Err                     string
}

func outcomes(rs []probes.Result) []outcome {
	out := make([]outcome, len(rs))
	for i, r := range rs {
		out[i] = outcome{ID: r.ID, Key: r.Key, Reply: r.Reply, Verdict: r.Answer(), Outcome: r.Outcome}
		if r.Err != nil {
			out[i].Err = r.Err.Error()
		}
	}
	return out
}
