package syllobench

import (
	"errors"
	"flag"
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/syllobench/syllobench/internal/gate"
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
	if err := errors.Join(session.Close(), writeScorecard(), updateBaseline()); err != nil {
		fmt.Fprintf(os.Stderr, "syllobench: %v\n", err)
		code = max(code, 1)
	}
	return code
}

// writeScorecard writes the run's scorecard where SYLLOBENCH_OUT says,
// except in a fuzz worker: the workers are copies of the test binary, and
// the scorecard is the coordinator's.
func writeScorecard() error {
	if fuzzWorker() {
		return nil
	}
	return session.WriteScorecard()
}

// updateBaseline writes the run's scorecard as the model's baseline when
// SYLLOBENCH_UPDATE=1 asks for it.
func updateBaseline() error {
	if !session.Update || fuzzWorker() {
		return nil
	}
	if err := session.UpdateBaseline(); err != nil {
		return err
	}
	fmt.Fprintf(os.Stderr, "syllobench: wrote the baseline %s\n", probes.BaselinePath(session.FixturesDir, session.Sampling.Model))
	return nil
}

func fuzzWorker() bool {
	f := flag.Lookup("test.fuzzworker")
	return f != nil && f.Value.String() == "true"
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

// TestGate compares the run with the baseline's recorded scorecard when
// SYLLOBENCH_BASELINE names one: each probe fails, as TestGate/probe=<name>,
// when the model is significantly worse on it (exact McNemar on the items
// that flipped, Holm-corrected over the probes), and each pinned item that
// regressed fails on its own. It runs after TestReasoning, whose results it
// reads; the content-bias corpus, run after the tests, checks its pinned
// items itself.
func TestGate(t *testing.T) {
	if session.Baseline == "" {
		t.Skip("no baseline: SYLLOBENCH_BASELINE=<model> gates this run against fixtures/<model>/scorecard.json")
	}
	c, err := session.Gate()
	if err != nil {
		t.Fatal(err)
	}
	if len(c.Rows) == 0 {
		t.Skip("no probe of the baseline was run; run TestReasoning with TestGate")
	}
	var table strings.Builder
	c.Write(&table, gate.Text, 20)
	if session.Update {
		t.Logf("SYLLOBENCH_UPDATE=1: this run becomes the baseline of %s, whatever the comparison says:\n%s", session.Sampling.Model, table.String())
		return
	}
	t.Log("\n" + table.String())
	for _, r := range c.Rows {
		t.Run("probe="+r.Probe, func(t *testing.T) {
			if r.Worse() {
				t.Errorf("%s is significantly worse than the baseline %s on %s: accuracy %.3f → %.3f, %d items right → wrong and %d wrong → right (Holm-adjusted exact McNemar p = %.3g < %g); the flip list is above",
					session.Sampling.Model, session.Baseline, r.Probe, r.BaseAcc, r.CandAcc, r.Regressions, r.Improvements, r.P, c.Thresholds.Alpha)
			}
		})
	}
	for _, f := range c.Pinned {
		t.Errorf("pinned item %s regressed: expected %s; the baseline answered %s, %s answers %s", f.ID, f.Expected, f.BaseVerdict, session.Sampling.Model, f.Verdict)
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
	switch v := os.Getenv("SYLLOBENCH_FUZZ_SEEDS"); v {
	case "", "1", "0":
	default:
		f.Fatalf("SYLLOBENCH_FUZZ_SEEDS=%q: want 0 (leave the built-in seed corpus out) or 1", v)
	}
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
		if !fuzzing {
			msgs, err := session.PinnedRegressions(rs[:])
			if err != nil {
				t.Fatal(err)
			}
			for _, m := range msgs {
				t.Error(m)
			}
		}
	})
}
