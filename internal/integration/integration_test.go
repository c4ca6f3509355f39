//go:build integration

package integration

import (
	"bytes"
	"context"
	"errors"
	"os"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/syllobench/syllobench/internal/fixture"
	"github.com/syllobench/syllobench/internal/model"
	"github.com/syllobench/syllobench/internal/prompt"
	"github.com/syllobench/syllobench/internal/run"
	"github.com/syllobench/syllobench/probes"
)

// config returns the live server's configuration, as run.Load reads it
// from the environment, or skips the test.
func config(t *testing.T) model.Config {
	t.Helper()
	// Checked first: without a base URL, run.Load rejects a model that
	// is not a built-in reasoner, such as the live server's.
	if os.Getenv("SYLLOBENCH_BASE_URL") == "" {
		t.Skip("no live server: start one with scripts/local-model, then eval \"$(scripts/local-model env)\" and rerun")
	}
	settings, err := run.Load(run.Source{Getenv: os.Getenv})
	if err != nil {
		t.Fatal(err)
	}
	return settings.Model
}

func client(t *testing.T, cfg model.Config) *model.Client {
	t.Helper()
	c, err := model.NewClient(cfg)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// The server lists the model and answers a chat completion, with usage.
func TestServer(t *testing.T) {
	cfg := config(t)
	c := client(t, cfg)
	ctx := context.Background()
	names, err := c.Models(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Contains(names, cfg.Model) && !slices.Contains(names, cfg.Model+":latest") {
		t.Errorf("GET /models lists %q, not %s", names, cfg.Model)
	}
	req := cfg.NewRequest(model.Message{Role: "user", Content: "Is every square a rectangle? End with a line Answer: yes or Answer: no."})
	resp, err := c.Complete(ctx, req)
	if err != nil {
		t.Fatal(err)
	}
	if strings.TrimSpace(resp.Text) == "" || resp.FinishReason == "" {
		t.Errorf("response %+v: want text and a finish reason", resp)
	}
	if resp.Usage.PromptTokens == 0 || resp.Usage.CompletionTokens == 0 {
		t.Errorf("usage %+v: the server counted no tokens", resp.Usage)
	}
	if st := c.Stats(); st.Requests != 1 || st.PromptTokens != int64(resp.Usage.PromptTokens) || st.CompletionTokens != int64(resp.Usage.CompletionTokens) {
		t.Errorf("client stats %+v do not sum the response's usage %+v", st, resp.Usage)
	}
	t.Logf("reply (%s, %d+%d tokens): %q", resp.FinishReason, resp.Usage.PromptTokens, resp.Usage.CompletionTokens, resp.Text)
}

// An unknown model is a clear infrastructure error, not an answer.
func TestUnknownModel(t *testing.T) {
	cfg := config(t)
	cfg.Model = "no-such-model-syllobench"
	cfg.Retries = 0
	_, err := client(t, cfg).Complete(context.Background(), cfg.NewRequest(model.Message{Role: "user", Content: "hi"}))
	var ie *model.InfraError
	if !errors.As(err, &ie) || !strings.Contains(err.Error(), "no-such-model-syllobench") {
		t.Fatalf("error %v; want an infrastructure error naming the model", err)
	}
	t.Logf("as users see it: %v", err)
}

// sample returns the cases of one probe at the small size.
func sample(t *testing.T, name string) (probes.Probe, []probes.Case) {
	t.Helper()
	p, err := probes.ByName(name)
	if err != nil {
		t.Fatal(err)
	}
	cfg := probes.DefaultConfig()
	cfg.Size = probes.Small
	cs, err := p.Cases(cfg)
	if err != nil {
		t.Fatal(err)
	}
	return p, cs
}

// determinismSample is how many questions TestDeterminism asks twice: a
// small local model answers one in a second or two.
const determinismSample = 30

// At temperature 0 with a fixed seed, how often does the server give the
// same reply twice? The share tells users how far to trust a rerun
// without fixtures.
func TestDeterminism(t *testing.T) {
	cfg := config(t)
	c := client(t, cfg)
	_, cs := sample(t, "validity")
	cs = cs[:determinismSample]
	s := run.Sampling{Model: cfg.Model, Temperature: cfg.Temperature, Seed: cfg.Seed, MaxTokens: cfg.MaxTokens}
	ctx := context.Background()
	first := run.Ask(ctx, c, s, cs, cfg.Concurrency)
	second := run.Ask(ctx, c, s, cs, cfg.Concurrency)
	same, sameVerdict := 0, 0
	for i := range first {
		if first[i].Err != nil || second[i].Err != nil {
			t.Fatalf("%s: %v %v", first[i].ID, first[i].Err, second[i].Err)
		}
		if first[i].Reply == second[i].Reply {
			same++
		}
		if first[i].Answer() == second[i].Answer() && first[i].Outcome == second[i].Outcome {
			sameVerdict++
		}
	}
	n := float64(len(first))
	t.Logf("determinism at temperature %g, seed %d, concurrency %d: %d of %d replies identical (%.1f%%), %d verdicts the same (%.1f%%)",
		cfg.Temperature, cfg.Seed, cfg.Concurrency, same, len(first), 100*float64(same)/n, sameVerdict, 100*float64(sameVerdict)/n)
	// scripts/local-model serves one request at a time, so that no
	// batching changes the arithmetic: every reply comes back the same.
	if same != len(first) {
		t.Errorf("%d of %d replies differ when asked again at temperature 0: is the server answering one request at a time (OLLAMA_NUM_PARALLEL=1, as scripts/local-model starts it)?", len(first)-same, len(first))
	}
}

// committedReal are the committed recordings of real models, each with
// the settings it was recorded with (its scorecard says them too).
var committedReal = []struct {
	model, format, api string
	maxTokens          int
}{
	{"smollm2-135m", "direct", "", 0},
	{"smollm2-135m-fewshot", "fewshot", "", 0},
	{"smollm2-135m-cot", "cot", "", 512},
	{"gemma3-270m", "direct", model.APICompletions, 0},
	{"gemma3-270m-fewshot", "fewshot", model.APICompletions, 0},
}

// Re-recording one probe of each committed real model gives the same
// replies, byte for byte, as the committed fixtures hold: the recordings
// are the models' answers, not one draw of them.
func TestReRecordCommitted(t *testing.T) {
	base := config(t)
	for _, m := range committedReal {
		t.Run(m.model, func(t *testing.T) {
			cfg := base
			cfg.Model, cfg.Concurrency = m.model, 1
			if m.maxTokens > 0 {
				cfg.MaxTokens = m.maxTokens
			}
			c := client(t, cfg)
			p, cs := sample(t, "chains")
			format, err := prompt.ParseFormat(m.format)
			if err != nil {
				t.Fatal(err)
			}
			for i := range cs {
				cs[i].Format = format
			}
			store, err := fixture.Open("../../fixtures", m.model, fixture.Replay, nil)
			if err != nil {
				t.Fatal(err)
			}
			defer store.Close()
			s := run.Sampling{Model: cfg.Model, Temperature: cfg.Temperature, Seed: cfg.Seed, MaxTokens: cfg.MaxTokens, API: m.api}
			ctx := context.Background()
			committed := run.Ask(ctx, store.For(p.Name), s, cs, 1)
			live := run.Ask(ctx, c, s, cs, 1)
			same := 0
			for i := range live {
				if committed[i].Err != nil || live[i].Err != nil {
					t.Fatalf("%s: committed %v, live %v", cs[i].ID, committed[i].Err, live[i].Err)
				}
				if committed[i].Reply == live[i].Reply {
					same++
				} else if same == i {
					t.Logf("%s: committed %q, now %q", cs[i].ID, committed[i].Reply, live[i].Reply)
				}
			}
			t.Logf("%s: %d of %d replies as committed", m.model, same, len(live))
			if same != len(live) {
				t.Errorf("%s: %d of %d replies differ from the committed fixtures", m.model, len(live)-same, len(live))
			}
		})
	}
}

// Recording then replaying gives the same scorecard, byte for byte.
func TestRecordThenReplay(t *testing.T) {
	cfg := config(t)
	c := client(t, cfg)
	dir := t.TempDir()
	p, cs := sample(t, "chains")
	settings := run.Settings{Battery: probes.DefaultConfig(), Model: cfg}
	settings.Battery.Size = probes.Small
	// Each recording or replay is a session of its own: a session asks
	// each probe once.
	ask := func(mode fixture.Mode, inner model.Model) []byte {
		store, err := fixture.Open(dir, cfg.Model, mode, inner)
		if err != nil {
			t.Fatal(err)
		}
		sess := run.NewSession(context.Background(), settings, store.For)
		defer sess.Close()
		start := time.Now()
		a, rs, err := sess.Probe(context.Background(), p)
		if err != nil {
			t.Fatal(err)
		}
		if len(rs) != len(cs) {
			t.Fatalf("%v: %d results of %d questions", mode, len(rs), len(cs))
		}
		if len(a.Infrastructure) > 0 {
			t.Fatalf("%v: %v", mode, a.Infrastructure)
		}
		if err := store.Close(); err != nil {
			t.Fatal(err)
		}
		t.Logf("%v: %d items in %v (%.2f s per item)", mode, len(cs), time.Since(start).Round(time.Millisecond),
			time.Since(start).Seconds()/float64(len(cs)))
		var b bytes.Buffer
		if err := sess.Scorecard().Encode(&b); err != nil {
			t.Fatal(err)
		}
		return b.Bytes()
	}
	recorded := ask(fixture.Record, c)
	replayed := ask(fixture.Replay, nil)
	if !bytes.Equal(recorded, replayed) {
		t.Error("the replayed scorecard differs from the recorded one")
	}
	if err := fixture.Verify(os.DirFS(dir)); err != nil {
		t.Error(err)
	}
}
