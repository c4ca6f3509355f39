package run

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/syllobench/syllobench/internal/fixture"
	"github.com/syllobench/syllobench/internal/model"
	"github.com/syllobench/syllobench/internal/refmodel"
	"github.com/syllobench/syllobench/probes"
)

// The benchmarks of a run's per-item costs once the questions are made
// (BenchmarkCases in probes measures making them): replaying recorded
// answers, and asking the embedded server live. Each reports its cost
// per item (ns/item) or its rate (items/s) besides ns/op;
// docs/performance.md gives the figures and the commands.

// benchSampling is the sampling of a run with no variable set.
func benchSampling(modelName string) Sampling {
	c := model.DefaultConfig()
	return Sampling{Model: modelName, Temperature: c.Temperature, Seed: c.Seed, MaxTokens: c.MaxTokens}
}

// benchClient returns a client of the embedded server with the given
// concurrency.
func benchClient(b *testing.B, e *refmodel.Embedded, modelName string, concurrency int) *model.Client {
	b.Helper()
	cfg := model.DefaultConfig()
	cfg.BaseURL, cfg.Model, cfg.Concurrency = e.URL(), modelName, concurrency
	c, err := model.NewClient(cfg)
	if err != nil {
		b.Fatal(err)
	}
	return c
}

// benchBattery returns the cases of the battery at the default size, by
// probe.
func benchBattery(b *testing.B) map[string][]probes.Case {
	b.Helper()
	out := map[string][]probes.Case{}
	for _, p := range probes.All() {
		cs, err := p.Cases(probes.DefaultConfig())
		if err != nil {
			b.Fatal(err)
		}
		out[p.Name] = cs
	}
	return out
}

// replayItem is one recorded question, ready to replay.
type replayItem struct {
	m   model.Model // the replay store's model of the probe
	c   probes.Case
	req model.Request
}

// BenchmarkReplay measures what a rerun costs per item once the fixtures
// are loaded. The setup records ref-logic's answers to the whole default
// battery with the embedded server into a temporary fixtures directory,
// then opens it in replay mode and loads every probe's file.
//
//   - step=key+lookup+parse+score: for each item, the store's answer and
//     the request's fixture key (CompleteKeyed, which encodes and hashes
//     the request once), the verdict read from the reply (Read) and the
//     outcome (Grade); the requests are built beforehand with
//     Sampling.Request.
//   - step=ask/workers=N: run.Ask over the replay store, the path a
//     replayed go test takes, which also renders each prompt and hashes
//     the messages for the scorecard.
//
// BenchmarkReplay in internal/fixture measures the lookup alone, on
// synthetic requests.
func BenchmarkReplay(b *testing.B) {
	const name = "ref-logic"
	battery := benchBattery(b)
	s := benchSampling(name)
	dir := b.TempDir()
	e, err := refmodel.Start(refmodel.All())
	if err != nil {
		b.Fatal(err)
	}
	rec, err := fixture.Open(dir, name, fixture.Record, benchClient(b, e, name, 32))
	if err != nil {
		b.Fatal(err)
	}
	ctx := context.Background()
	for p, cs := range battery {
		for _, r := range Ask(ctx, rec.For(p), s, cs, 32) {
			if r.Outcome != probes.Correct {
				b.Fatalf("recording %s: %s %v", r.ID, r.Outcome, r.Err)
			}
		}
	}
	if err := rec.Close(); err != nil {
		b.Fatal(err)
	}
	if err := e.Close(); err != nil {
		b.Fatal(err)
	}
	store, err := fixture.Open(dir, name, fixture.Replay, nil)
	if err != nil {
		b.Fatal(err)
	}
	var items []replayItem
	for _, p := range probes.All() {
		m := store.For(p.Name)
		for _, c := range battery[p.Name] {
			req, err := s.Request(c)
			if err != nil {
				b.Fatal(err)
			}
			items = append(items, replayItem{m, c, req})
		}
		if _, err := m.Complete(ctx, items[len(items)-1].req); err != nil { // loads the file
			b.Fatal(err)
		}
	}

	b.Run("step=key+lookup+parse+score", func(b *testing.B) {
		b.ReportAllocs()
		i := 0
		for b.Loop() {
			it := &items[i]
			resp, key, err := it.m.(keyedModel).CompleteKeyed(ctx, it.req)
			if err != nil || key == "" {
				b.Fatal(err)
			}
			if o := probes.Grade(it.c.Item, probes.Read(it.c.Item, resp.Text)); o != probes.Correct {
				b.Fatalf("%s: %s", it.c.ID, o)
			}
			if i++; i == len(items) {
				i = 0
			}
		}
	})
	for _, workers := range []int{1, 8} {
		b.Run(fmt.Sprintf("step=ask/workers=%d", workers), func(b *testing.B) {
			b.ReportAllocs()
			n := 0
			for b.Loop() {
				n = 0
				for _, p := range probes.All() {
					cs := battery[p.Name]
					for _, r := range Ask(ctx, store.For(p.Name), s, cs, workers) {
						if r.Outcome != probes.Correct {
							b.Fatalf("%s: %s %v", r.ID, r.Outcome, r.Err)
						}
					}
					n += len(cs)
				}
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*n), "ns/item")
		})
	}
}

// BenchmarkLive measures items per second through the real client against
// the embedded server: run.Ask with 32 workers over a model.Client of
// concurrency 32, asking the default battery's cases in a cycle (b.N items
// in one Ask), and checking every answer. Each request is a real HTTP
// round trip over loopback; the reasoner parses the prompt back and
// decides it. ns/op is per item.
func BenchmarkLive(b *testing.B) {
	battery := benchBattery(b)
	var cases []probes.Case
	for _, p := range probes.All() {
		cases = append(cases, battery[p.Name]...)
	}
	e, err := refmodel.Start(refmodel.All())
	if err != nil {
		b.Fatal(err)
	}
	defer e.Close()
	for _, name := range []string{"ref-logic", "ref-belief"} {
		b.Run("model="+name, func(b *testing.B) {
			const conc = 32
			c := benchClient(b, e, name, conc)
			s := benchSampling(name)
			ask := make([]probes.Case, b.N)
			for i := range ask {
				ask[i] = cases[i%len(cases)]
			}
			ctx := context.Background()
			b.ReportAllocs()
			b.ResetTimer()
			start := time.Now()
			rs := Ask(ctx, c, s, ask, conc)
			elapsed := time.Since(start)
			b.StopTimer()
			for _, r := range rs {
				if r.Outcome == probes.Error {
					b.Fatalf("%s: %v", r.ID, r.Err)
				}
			}
			b.ReportMetric(float64(b.N)/elapsed.Seconds(), "items/s")
		})
	}
}
