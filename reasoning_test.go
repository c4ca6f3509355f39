package syllobench

import (
	"errors"
	"flag"
	"fmt"
	"os"
	"testing"

	"github.com/syllobench/syllobench/internal/gen"
	"github.com/syllobench/syllobench/probes"
)

// session is the run TestMain opens from the environment: the model, the
// fixture store and the configuration every probe uses.
var session *probes.Session

func TestMain(m *testing.M) {
	flag.Parse()
	os.Exit(runMain(m))
}

func runMain(m *testing.M) int {
	s, err := probes.Open(os.Getenv, testing.Short())
	if err != nil {
		fmt.Fprintf(os.Stderr, "syllobench: %v\n", err)
		return 2
	}
	session = s
	code := m.Run()
	session.Summary(os.Stderr)
	if err := errors.Join(session.Close(), writeScorecard()); err != nil {
		fmt.Fprintf(os.Stderr, "syllobench: %v\n", err)
		code = max(code, 1)
	}
	return code
}

// writeScorecard writes the run's scorecard where SYLLOBENCH_OUT says,
// except in a fuzz worker: the workers are copies of the test binary, and
// the scorecard is the coordinator's.
func writeScorecard() error {
	if f := flag.Lookup("test.fuzzworker"); f != nil && f.Value.String() == "true" {
		return nil
	}
	return session.WriteScorecard()
}

// TestReasoning runs every probe of the battery against the model, each as
// a parallel subtest: go test -run 'TestReasoning/probe=belief' runs one.
func TestReasoning(t *testing.T) {
	for _, p := range probes.All() {
		t.Run("probe="+p.Name, func(t *testing.T) {
			t.Parallel()
			session.Test(t, p)
		})
	}
}

// FuzzContentBias searches for content bias: two arguments of the same
// form, in different content, that get different verdicts. The arguments
// decode into the pair (see probes.ContentPair); every pair the fuzzer
// finds is saved under testdata/fuzz/FuzzContentBias and from then on is
// asked on every go test. The built-in seed corpus pairs every two content
// conditions; SYLLOBENCH_FUZZ_SEEDS=0 leaves it out, so that the fuzzer can
// search on a model that already fails it.
func FuzzContentBias(f *testing.F) {
	if os.Getenv("SYLLOBENCH_FUZZ_SEEDS") != "0" {
		for _, k := range probes.BiasSeedCorpus() {
			f.Add(k.Seed, k.Family, k.Form, k.A, k.B, k.Presentation)
		}
	}
	fuzzing := flag.Lookup("test.fuzz").Value.String() != ""
	f.Fuzz(func(t *testing.T, seed uint64, family uint8, form uint16, a, b, presentation uint8) {
		k := probes.BiasKnobs{Seed: seed, Family: family, Form: form, A: a, B: b, Presentation: presentation}
		pair, err := probes.ContentPair(session.Config, k)
		if errors.Is(err, gen.ErrNoContent) {
			t.Skipf("no content in the taxonomy for %+v: %v", k, err)
		}
		if err != nil {
			t.Fatalf("decoding %+v: %v", k, err)
		}
		rs := session.AskPair(t.Context(), pair, !fuzzing)
		if err := probes.PairError(rs, t.Name()); err != nil {
			t.Fatal(err)
		}
		failure, undecided := probes.CompareContentPair(rs, session.Config.Limits.Strict)
		if undecided {
			t.Skipf("a reply gave no answer, so the pair shows nothing:\n%s\n\n%s", probes.Counterexample(rs[0]), probes.Counterexample(rs[1]))
		}
		if failure != "" {
			t.Error(failure)
		}
	})
}
