package syllobench

import (
	"errors"
	"math/rand/v2"
	"testing"
	"time"

	"github.com/syllobench/syllobench/internal/gen"
	"github.com/syllobench/syllobench/internal/run"
	"github.com/syllobench/syllobench/probes"
)

// BenchmarkContentBiasExec measures one execution of FuzzContentBias's
// body in live mode against a reference reasoner of the embedded server,
// as a fuzzing worker runs it: decode the knobs into a content pair, ask
// both questions over HTTP (Session.Pair, keeping nothing), and compare
// the verdicts. It stands in for the fuzzer's rate on ref-belief, which
// fails the fuzz target at its first pair and so cannot be fuzzed for a
// rate. The knobs are random, as the fuzzer's mutations are; a pair the
// taxonomy has no content for is skipped after its decoding, as the fuzz
// body skips it. The fuzzing engine's own cost per exec (coverage
// instrumentation, the coordinator's mutations and IPC) is not included:
// docs/performance.md gives go test -fuzz's real rate beside this.
func BenchmarkContentBiasExec(b *testing.B) {
	for _, name := range []string{"ref-belief", "ref-logic"} {
		b.Run("model="+name, func(b *testing.B) {
			env := map[string]string{"SYLLOBENCH_MODEL": name, "SYLLOBENCH_MODE": "live"}
			settings, err := run.Load(run.Source{Getenv: func(k string) string { return env[k] }, Environ: []string{}})
			if err != nil {
				b.Fatal(err)
			}
			s, err := run.Open(b.Context(), settings)
			if err != nil {
				b.Fatal(err)
			}
			defer s.Close()
			r := rand.New(rand.NewPCG(4, 2))
			knobs := make([]probes.BiasKnobs, 4096)
			for i := range knobs {
				knobs[i] = probes.BiasKnobs{Seed: r.Uint64(), Family: uint8(r.Uint32()), Form: uint16(r.Uint32()),
					A: uint8(r.Uint32()), B: uint8(r.Uint32()), Presentation: uint8(r.Uint32())}
			}
			ctx := b.Context()
			b.ReportAllocs()
			start := time.Now()
			i := 0
			for b.Loop() {
				k := knobs[i%len(knobs)]
				i++
				pair, err := probes.ContentPair(s.Settings.Battery, k)
				if errors.Is(err, gen.ErrNoContent) {
					continue
				}
				if err != nil {
					b.Fatalf("decoding %+v: %v", k, err)
				}
				rs := s.Pair(ctx, pair, false)
				if err := run.PairError(rs, b.Name()); err != nil {
					b.Fatal(err)
				}
				probes.CompareContentPair(rs, s.Settings.Battery.Limits.Strict)
			}
			elapsed := time.Since(start)
			b.ReportMetric(float64(b.N)/elapsed.Seconds(), "execs/s")
		})
	}
}
