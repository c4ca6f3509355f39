package probes

import (
	"testing"

	"github.com/syllobench/syllobench/internal/prompt"
)

// The benchmarks of a run's per-item costs. This one measures generating
// the questions; replaying recorded answers and asking the embedded
// server live are measured where the run is, by BenchmarkReplay and
// BenchmarkLive in internal/run. Each reports its cost per item
// (ns/item) besides ns/op; docs/performance.md gives the figures and the
// commands.

// BenchmarkCases measures what a probe costs per item before anything is
// asked: generating its items at the default size (content, English,
// parsing back, the expected answer from the logic engine) and rendering
// each case's prompt (prompt.Messages, which is what the run's
// Sampling.Request adds to the request). probe=all is the whole battery,
// All's Cases, divided by its 1,218 cases. BenchmarkFamilyItem in
// internal/gen measures the generation alone, per family.
func BenchmarkCases(b *testing.B) {
	cfg := DefaultConfig()
	probes := All()
	b.Run("probe=all", func(b *testing.B) { benchCases(b, cfg, probes) })
	for _, p := range probes {
		b.Run("probe="+p.Name, func(b *testing.B) { benchCases(b, cfg, []Probe{p}) })
	}
}

func benchCases(b *testing.B, cfg Config, ps []Probe) {
	b.ReportAllocs()
	items := 0
	for b.Loop() {
		items = 0
		for _, p := range ps {
			cs, err := p.Cases(cfg)
			if err != nil {
				b.Fatal(err)
			}
			for _, c := range cs {
				if c.Item.Expected == "" {
					b.Fatalf("%s has no expected answer", c.ID)
				}
				if _, err := prompt.Messages(c.Item, c.Format); err != nil {
					b.Fatal(err)
				}
			}
			items += len(cs)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*items), "ns/item")
}
