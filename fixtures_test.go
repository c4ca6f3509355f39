package syllobench

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/syllobench/syllobench/internal/fixture"
	"github.com/syllobench/syllobench/internal/model"
	"github.com/syllobench/syllobench/internal/refmodel"
	"github.com/syllobench/syllobench/internal/scorecard"
	"github.com/syllobench/syllobench/probes"
)

// committed are the models whose fixtures and scorecards ship in
// fixtures/, recorded at the small size with
//
//	SYLLOBENCH_MODEL=ref-belief SYLLOBENCH_SIZE=small SYLLOBENCH_MODE=record \
//	SYLLOBENCH_OUT=fixtures/ref-belief go test -count=1 -run '^TestReasoning$' .
//
// (the run fails, as ref-belief should).
var committed = []string{"ref-atmosphere", "ref-belief"}

// TestCommittedFixtures replays the committed fixtures as a user's CI
// would, and checks that replay gives what a live run gives, item by item,
// and the committed scorecard byte for byte.
func TestCommittedFixtures(t *testing.T) {
	e, err := refmodel.Start(refmodel.All())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { e.Close() })
	for _, name := range committed {
		t.Run("model="+name, func(t *testing.T) {
			t.Parallel()
			path := filepath.Join("fixtures", fixture.Slug(name), "scorecard.json")
			want, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			sc, err := scorecard.Decode(bytes.NewReader(want))
			if err != nil {
				t.Fatalf("%s: %v", path, err)
			}
			cfg, sampling, err := probes.ConfigOf(sc)
			if err != nil {
				t.Fatal(err)
			}
			store := fixture.OpenFS(os.DirFS("fixtures"), name)
			replay := probes.NewSession(cfg, sampling, 8, store.For)
			replay.Target = sc.Config.Target

			mcfg := model.DefaultConfig()
			mcfg.BaseURL, mcfg.Model, mcfg.MaxTokens, mcfg.Seed, mcfg.Temperature = e.URL(), name, sampling.MaxTokens, sampling.Seed, sampling.Temperature
			client, err := model.NewClient(mcfg)
			if err != nil {
				t.Fatal(err)
			}
			live := probes.NewSession(cfg, sampling, 8, func(string) model.Model { return client })

			for _, p := range probes.All() {
				_, got, err := replay.Run(context.Background(), p)
				if err != nil {
					t.Fatal(err)
				}
				_, fresh, err := live.Run(context.Background(), p)
				if err != nil {
					t.Fatal(err)
				}
				if diff := cmp.Diff(outcomes(fresh), outcomes(got)); diff != "" {
					t.Errorf("probe %s: replay differs from a live run (-live +replay):\n%s", p.Name, diff)
				}
			}
			var b bytes.Buffer
			if err := replay.Scorecard().Encode(&b); err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(string(want), b.String()); diff != "" {
				t.Errorf("the replayed scorecard differs from %s (-committed +replayed):\n%s", path, diff)
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
