package refmodel

import (
	"context"
	"fmt"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/syllobench/syllobench/internal/gen"
	"github.com/syllobench/syllobench/internal/logic"
	"github.com/syllobench/syllobench/internal/model"
	"github.com/syllobench/syllobench/internal/prompt"
)

// benchCase is one request of the throughput benchmark.
type benchCase struct {
	model string
	msgs  []model.Message
}

// echoCases is a mixed set of prompts for the echo reasoners, short and
// long, with a system message or without.
func echoCases() []benchCase {
	var out []benchCase
	for i := range 64 {
		premises := ""
		for j := range 1 + i%8 {
			premises += fmt.Sprintf("%d. All things of kind %d are things of kind %d.\n", j+1, j, j+1)
		}
		user := model.Message{Role: "user", Content: "Premises:\n" + premises +
			fmt.Sprintf("Conclusion: all things of kind 0 are things of kind %d.\n\nDoes the conclusion follow?", 1+i%8)}
		name := []string{"ref-echo", "ref-echo-2"}[i%2]
		if i%4 < 2 {
			out = append(out, benchCase{name, []model.Message{{Role: "system", Content: "You are a careful logician."}, user}})
		} else {
			out = append(out, benchCase{name, []model.Message{user}})
		}
	}
	return out
}

// refCases is a mixed set of real items: every family, every prompt
// format, spread over the reference reasoners, keeping only the pairs a
// reasoner answers.
func refCases(b *testing.B, rs []Reasoner) []benchCase {
	var out []benchCase
	k := 0
	for _, sem := range []logic.Semantics{logic.Boolean, logic.Traditional} {
		for _, fam := range gen.Families() {
			its, err := fam.Items(11, 24, sem, gen.Canonical)
			if err != nil {
				b.Fatalf("items of %s: %v", fam.Name, err)
			}
			for _, it := range its {
				k++
				msgs, err := prompt.Messages(it, prompt.Formats()[k%len(prompt.Formats())])
				if err != nil {
					b.Fatalf("prompt of %s: %v", it.ID, err)
				}
				r := rs[k%len(rs)]
				if _, err := r.Reply(msgs); err == nil {
					out = append(out, benchCase{r.Name(), msgs})
				}
			}
		}
	}
	if len(out) < k/2 {
		b.Fatalf("the reference reasoners answer only %d of %d items", len(out), k)
	}
	return out
}

// BenchmarkThroughput measures requests per second from the real
// model.Client to the embedded server, at concurrency 32, over mixed
// prompts: with the echo test reasoner (the cost of the server and the
// client alone), and with the reference reasoners of All on real items of
// every family.
func BenchmarkThroughput(b *testing.B) {
	b.Run("reasoners=echo", func(b *testing.B) {
		throughput(b, testReasoners(), echoCases())
	})
	b.Run("reasoners=ref", func(b *testing.B) {
		rs := All()
		throughput(b, rs, refCases(b, rs))
	})
}

func throughput(b *testing.B, rs []Reasoner, cases []benchCase) {
	const conc = 32
	e, err := Start(rs)
	if err != nil {
		b.Fatal(err)
	}
	defer e.Close()
	c := newClient(b, e, func(cfg *model.Config) { cfg.Concurrency = conc })
	b.ReportAllocs()
	var next atomic.Int64
	var wg sync.WaitGroup
	b.ResetTimer()
	start := time.Now()
	for range conc {
		wg.Go(func() {
			for {
				i := next.Add(1)
				if i > int64(b.N) {
					return
				}
				bc := cases[int(i)%len(cases)]
				req := c.Config().NewRequest(bc.msgs...)
				req.Model = bc.model
				if _, err := c.Complete(context.Background(), req); err != nil {
					b.Error(err)
					return
				}
			}
		})
	}
	wg.Wait()
	b.ReportMetric(float64(b.N)/time.Since(start).Seconds(), "req/s")
	b.StopTimer()
}
