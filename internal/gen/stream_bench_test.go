package gen

import (
	"hash/fnv"
	"math/rand/v2"
	"strconv"
	"testing"
)

// TestStreamHashIsFNV1a checks the inline hash of stream against
// hash/fnv, which it replaced: every item's randomness depends on it.
func TestStreamHashIsFNV1a(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for i := range 2000 {
		parts := make([]string, i%6)
		for j := range parts {
			b := make([]byte, r.IntN(20))
			for k := range b {
				b[k] = byte(r.Uint32())
			}
			parts[j] = string(b)
		}
		if i%7 == 0 {
			parts = append(parts, "validity", "AAA-1", "congruent", strconv.Itoa(i))
		}
		h := fnv.New64a()
		for _, p := range parts {
			h.Write([]byte(p))
			h.Write([]byte{0})
		}
		if got, want := fnv64a(parts), h.Sum64(); got != want {
			t.Fatalf("fnv64a(%q) = %#x, hash/fnv gives %#x", parts, got, want)
		}
	}
}

// BenchmarkStream measures the PCG stream every item draws twice.
func BenchmarkStream(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		stream(1, "validity", "AAA-1", "congruent", "17")
	}
}
