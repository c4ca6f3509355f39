package syllobench

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/syllobench/syllobench/internal/fixture"
	"github.com/syllobench/syllobench/internal/model"
	"github.com/syllobench/syllobench/internal/refmodel"
	"github.com/syllobench/syllobench/internal/scorecard"
	"github.com/syllobench/syllobench/probes"
)

// recorded returns the model directories under fixtures/ that hold
// recorded answers (*.jsonl) beside their scorecard. A directory with a
// scorecard alone (ref-logic's) is a baseline, with nothing to replay.
func recorded(t *testing.T) []string {
	t.Helper()
	entries, err := os.ReadDir("fixtures")
	if err != nil {
		t.Fatal(err)
	}
	var dirs []string
	for _, e := range entries {
		files, _ := filepath.Glob(filepath.Join("fixtures", e.Name(), "*.jsonl"))
		if e.IsDir() && len(files) > 0 {
			dirs = append(dirs, e.Name())
		}
	}
	return dirs
}

// TestCommittedFixtures replays every committed recording as a user's CI
// would, at the configuration of its scorecard, and checks that
//   - every question is answered from the fixtures (no miss, no error),
//   - the replayed scorecard equals the committed one, byte for byte
//     (without its content-bias pairs, which FuzzContentBias asks),
//   - the run passes the gate against its own recorded baseline, and,
//   - for a reference reasoner, the answers equal a live run's.
//
// The reference reasoners' recordings were made with, e.g.,
//
//	SYLLOBENCH_MODEL=ref-belief SYLLOBENCH_SIZE=small SYLLOBENCH_MODE=record \
//	SYLLOBENCH_OUT=fixtures/ref-belief go test -count=1 -run '^TestReasoning$' .
//
// (the run fails, as ref-belief should); the real model's, as the README's
// "Run it against a real model" says.
func TestCommittedFixtures(t *testing.T) {
	e, err := refmodel.Start(refmodel.All())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { e.Close() })
	dirs := recorded(t)
	if len(dirs) < 2 {
		t.Fatalf("only %d recorded models under fixtures/: %q", len(dirs), dirs)
	}
	for _, dir := range dirs {
		t.Run("model="+dir, func(t *testing.T) {
			t.Parallel()
			path := filepath.Join("fixtures", dir, "scorecard.json")
			want, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			sc, err := scorecard.Decode(bytes.NewReader(want))
			if err != nil {
				t.Fatalf("%s: %v", path, err)
			}
			if fixture.Slug(sc.Model) != dir {
				t.Fatalf("%s is the scorecard of %q, whose fixtures would be under fixtures/%s", path, sc.Model, fixture.Slug(sc.Model))
			}
			cfg, sampling, err := probes.ConfigOf(sc)
			if err != nil {
				t.Fatal(err)
			}
			store := fixture.OpenFS(os.DirFS("fixtures"), sc.Model)
			replay := probes.NewSession(cfg, sampling, 8, store.For)
			replay.Target, replay.Baseline = sc.Config.Target, sc.Model

			var live *probes.Session
			if _, ok := refmodel.ByName(sc.Model); ok {
				mcfg := model.DefaultConfig()
				mcfg.BaseURL, mcfg.Model, mcfg.MaxTokens, mcfg.Seed, mcfg.Temperature = e.URL(), sc.Model, sampling.MaxTokens, sampling.Seed, sampling.Temperature
				client, err := model.NewClient(mcfg)
				if err != nil {
					t.Fatal(err)
				}
				live = probes.NewSession(cfg, sampling, 8, func(string) model.Model { return client })
			}

			for _, p := range probes.All() {
				if !slices.ContainsFunc(sc.Probes, func(q scorecard.Probe) bool { return q.Name == p.Name }) {
					continue
				}
				a, got, err := replay.Run(context.Background(), p)
				if err != nil {
					t.Fatal(err)
				}
				if len(a.Infrastructure) > 0 {
					t.Errorf("probe %s: replay failed: %v", p.Name, a.Infrastructure)
				}
				if live == nil {
					continue
				}
				_, fresh, err := live.Run(context.Background(), p)
				if err != nil {
					t.Fatal(err)
				}
				if diff := cmp.Diff(outcomes(fresh), outcomes(got)); diff != "" {
					t.Errorf("probe %s: replay differs from a live run (-live +replay):\n%s", p.Name, diff)
				}
			}
			// The content-bias pairs of a full recording are asked by
			// FuzzContentBias, not by the probes: they are compared when
			// that model's own run replays them, and left out here.
			sc.Probes = slices.DeleteFunc(sc.Probes, func(p scorecard.Probe) bool { return p.Name == probes.ContentBiasProbe })
			sc.Items = slices.DeleteFunc(sc.Items, func(it scorecard.Item) bool { return it.Probe == probes.ContentBiasProbe })
			sc.ContentPairs = nil
			var w bytes.Buffer
			if err := sc.Encode(&w); err != nil {
				t.Fatal(err)
			}
			var b bytes.Buffer
			if err := replay.Scorecard().Encode(&b); err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(w.String(), b.String()); diff != "" {
				t.Errorf("the replayed scorecard differs from %s (-committed +replayed):\n%s", path, diff)
			}
			replay.FixturesDir = "fixtures"
			c, err := replay.Gate()
			if err != nil {
				t.Fatal(err)
			}
			if c.Failed() || len(c.Regressed) > 0 || len(c.Improved) > 0 {
				t.Errorf("the replay does not pass the gate against its own baseline: %d right → wrong, %d wrong → right", len(c.Regressed), len(c.Improved))
			}
		})
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
