package syllobench

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/syllobench/syllobench/internal/gate"
	"github.com/syllobench/syllobench/internal/gen"
	"github.com/syllobench/syllobench/internal/run"
	"github.com/syllobench/syllobench/internal/scorecard"
	"github.com/syllobench/syllobench/probes"
)

// The run is opened by the first test that needs it, inside m.Run: there
// go test's cache sees every variable and file the run reads, so a
// change of model, of a setting, of a fixture or of the baseline makes
// the next go test run again rather than print a cached pass. A run asks
// one session per model (SYLLOBENCH_MODEL=a,b or SYLLOBENCH_MODELS_FILE).
var (
	openOnce sync.Once
	sessions []*run.Session
	openErr  error // the settings could not be read: nothing is asked
	// failed are the models of several that could not be opened (their
	// server is down, say), each with why: their subtests fail with it,
	// and the others are asked.
	failed   []failedModel
	deadline time.Time // go test's -timeout, from the start of the binary
)

type failedModel struct {
	name string
	err  error
}

// open returns the sessions of the models the environment describes, or
// fails t with the one-line reason they cannot be opened. Of several
// models, one that cannot be opened is left out and listed in failed.
func open(t testing.TB) []*run.Session {
	t.Helper()
	openOnce.Do(func() {
		all, err := run.LoadAll(run.Source{Short: testing.Short(), Deadline: deadline})
		if err != nil {
			openErr = err
			return
		}
		for _, settings := range all {
			s, err := run.Open(context.Background(), settings)
			switch {
			case err != nil && len(all) == 1:
				openErr = err
			case err != nil:
				failed = append(failed, failedModel{settings.Model.Model, err})
			default:
				sessions = append(sessions, s)
			}
		}
		if len(sessions) == 0 && openErr == nil {
			openErr = errors.New("no model could be opened")
		}
	})
	if openErr != nil {
		t.Fatalf("syllobench: %v", openErr)
	}
	return sessions
}

// eachModel runs f for every session: directly with one model, and as
// the subtest model=<name> of each with several, one model after the
// other (a local server serves one model at a time best). A model that
// could not be opened fails its subtest with the reason.
func eachModel(t *testing.T, f func(t *testing.T, s *run.Session)) {
	ss := open(t)
	if len(ss) == 1 && len(failed) == 0 {
		f(t, ss[0])
		return
	}
	for _, s := range ss {
		t.Run("model="+s.Settings.Model.Model, func(t *testing.T) { f(t, s) })
	}
	for _, m := range failed {
		t.Run("model="+m.name, func(t *testing.T) { t.Fatalf("syllobench: %v", m.err) })
	}
}

func TestMain(m *testing.M) {
	flag.Parse()
	if d, _ := flag.Lookup("test.timeout").Value.(flag.Getter).Get().(time.Duration); d > 0 {
		deadline = time.Now().Add(d)
	}
	code := m.Run()
	for _, s := range sessions {
		code = max(code, finish(s))
	}
	if len(sessions) > 1 && !fuzzWorker() {
		code = max(code, sideBySide(sessions))
	}
	os.Exit(code)
}

// finish prints the summary, writes the scorecard and the summary where
// SYLLOBENCH_OUT says (syllobench-out by default), and the baseline when
// SYLLOBENCH_UPDATE=1 asks; except in a fuzz worker, a copy of the test
// binary whose run is the coordinator's.
func finish(s *run.Session) int {
	code := 0
	fail := func(err error) {
		fmt.Fprintf(os.Stderr, "syllobench: %v\n", err)
		code = 1
	}
	if !fuzzWorker() {
		s.Summary(os.Stderr)
		if stop := s.Stopped(); stop != nil {
			fail(fmt.Errorf("%w; the scorecard holds what was answered before", stop))
		}
		if path, err := s.WriteOutputs(); err != nil {
			fail(err)
		} else if path != "" {
			fmt.Fprintf(os.Stderr, "syllobench: the scores are in %s, every answer in %s\n", path, strings.TrimSuffix(path, "summary.txt")+"scorecard.json")
		}
		if s.Settings.Update {
			if path, err := s.UpdateBaseline(); err != nil {
				fail(err)
			} else {
				fmt.Fprintf(os.Stderr, "syllobench: wrote the baseline %s\n", path)
			}
		}
	}
	if err := s.Close(); err != nil {
		fail(err)
	}
	return code
}

// sideBySide prints the models' table and writes it, with the report of
// them all, where their outputs are.
func sideBySide(ss []*run.Session) int {
	var cards []*scorecard.Scorecard
	for _, s := range ss {
		if sc := s.Scorecard(); len(sc.Probes) > 0 {
			cards = append(cards, sc)
		}
	}
	if len(cards) == 0 || ss[0].Settings.Out == "" {
		return 0
	}
	dir := filepath.Dir(ss[0].Settings.Out)
	table, err := run.WriteSideBySide(dir, cards)
	if err != nil {
		fmt.Fprintf(os.Stderr, "syllobench: %v\n", err)
		return 1
	}
	fmt.Fprintf(os.Stderr, "%s\nsyllobench: the models side by side are in %s and %s\n", table, filepath.Join(dir, "table.txt"), filepath.Join(dir, "report.html"))
	return 0
}

func fuzzWorker() bool {
	f := flag.Lookup("test.fuzzworker")
	return f != nil && f.Value.String() == "true"
}

// TestReasoning runs every probe of the battery against the model, each as
// a parallel subtest, and the content-bias corpus as probe=content-bias:
// go test -run 'TestReasoning/probe=belief' runs one. With several models
// each is a subtest: TestReasoning/model=<name>/probe=<probe>.
func TestReasoning(t *testing.T) {
	eachModel(t, func(t *testing.T, s *run.Session) {
		for _, p := range s.Probes() {
			t.Run("probe="+p.Name, func(t *testing.T) {
				t.Parallel()
				a, _, err := s.Probe(t.Context(), p)
				if err != nil {
					t.Fatal(err)
				}
				report(t, s, a, p.Reason)
			})
		}
		t.Run("probe="+probes.ContentBiasProbe, func(t *testing.T) {
			t.Parallel()
			a, err := s.ContentBias(t.Context())
			if err != nil {
				t.Fatal(err)
			}
			if a.Tally.N == 0 {
				t.Skip("the content-bias corpus is empty (SYLLOBENCH_FUZZ_SEEDS=0 and no case under testdata/fuzz/FuzzContentBias)")
			}
			report(t, s, a, "Isomorphic pairs of the fuzz corpus: a flip is a verdict that depends on content, not form.")
		})
	})
}

// report turns an assessment into test failures: the probe's own check on
// t, every other check as a subtest of t named after it, so that
// -run 'TestReasoning/probe=belief/cell=invalid-believable' selects it.
// In a gating run the checks are logged, not failed (the run's rule,
// run.Session.Enforced); infrastructure errors always fail.
func report(t *testing.T, s *run.Session, a probes.Assessment, reason string) {
	t.Helper()
	if a.Details != "" {
		t.Log("\n" + a.Details)
	}
	if len(a.Infrastructure) > 0 {
		t.Errorf("infrastructure failure, not a model failure: %d of %d requests failed:\n\t%s",
			a.Tally.Errors, a.Tally.N, strings.Join(a.Infrastructure, "\n\t"))
	}
	enforced := s.Enforced()
	fail := func(t *testing.T, msg string) {
		if enforced {
			t.Error(msg)
			return
		}
		t.Log("below its pass mark, reported and not failed: this run is a gate against " + s.Settings.Baseline +
			" (SYLLOBENCH_FLOORS=1 fails on it too):\n" + msg)
	}
	for _, c := range a.Checks {
		if c.Name == "" {
			for _, f := range c.Failures {
				fail(t, f)
			}
			continue
		}
		t.Run(c.Name, func(t *testing.T) {
			for _, f := range c.Failures {
				fail(t, f)
			}
		})
	}
	if !a.Passed() && len(a.Infrastructure) == 0 && enforced {
		t.Logf("probe %s: %s\nThe pass marks describe a sound deductive reasoner; a failure here measures the model, it is not a bug in the suite. "+
			"SYLLOBENCH_FLOOR and the other limits documented in the README change them, and a gating run (SYLLOBENCH_BASELINE) fails only on a regression.", a.Probe, reason)
	}
}

// TestGate compares the run with the baseline's recorded scorecard when
// SYLLOBENCH_BASELINE names one: each probe fails, as TestGate/probe=<name>,
// when the model is significantly worse on it (exact McNemar on the items
// that flipped, Holm-corrected over the probes), and each pinned item that
// regressed fails on its own. It asks whatever of the battery
// TestReasoning did not. A comparison of nothing fails.
func TestGate(t *testing.T) {
	eachModel(t, gateModel)
}

func gateModel(t *testing.T, s *run.Session) {
	if !s.Gating() {
		t.Skip("no baseline: SYLLOBENCH_BASELINE=<model> gates this run against fixtures/<model>/scorecard.json")
	}
	if err := s.CheckBaseline(); err != nil {
		t.Fatal(err)
	}
	if err := s.All(t.Context()); err != nil {
		t.Fatal(err)
	}
	c, err := s.Gate()
	if err != nil {
		t.Fatal(err)
	}
	var table strings.Builder
	c.Write(&table, gate.Text, 20)
	model := s.Settings.Model.Model
	if s.Settings.Update {
		t.Logf("SYLLOBENCH_UPDATE=1: this run becomes the baseline of %s, whatever the comparison says:\n%s", model, table.String())
		return
	}
	t.Log("\n" + table.String())
	for _, r := range c.Rows {
		t.Run("probe="+r.Probe, func(t *testing.T) {
			if r.Worse() {
				t.Errorf("%s is significantly worse than the baseline %s on %s: accuracy %.3f → %.3f, %d items right → wrong and %d wrong → right (Holm-adjusted exact McNemar p = %.3g < %g); the flip list is above",
					model, s.Settings.Baseline, r.Probe, r.BaseAcc, r.CandAcc, r.Regressions, r.Improvements, r.P, c.Thresholds.Alpha)
			}
		})
	}
	for _, f := range c.Pinned {
		t.Errorf("pinned item %s regressed: expected %s; the baseline answered %s, %s answers %s", f.ID, f.Expected, f.BaseVerdict, model, f.Verdict)
	}
}

// FuzzContentBias searches for content bias: two arguments of the same
// form, in different content, that get different verdicts. The arguments
// decode into the pair (see probes.ContentPair); every pair the fuzzer
// finds is saved under testdata/fuzz/FuzzContentBias and from then on is
// asked on every go test, and by syllobench run. The built-in seed corpus
// pairs every two content conditions; SYLLOBENCH_FUZZ_SEEDS=0 leaves it
// out, so that the fuzzer can search on a model that already fails it.
// Outside fuzzing, a pair TestReasoning asked is not asked again.
func FuzzContentBias(f *testing.F) {
	ss := open(f)
	if ss[0].Settings.FuzzSeeds {
		for _, k := range probes.BiasSeedCorpus() {
			f.Add(k.Seed, k.Family, k.Form, k.A, k.B, k.Presentation)
		}
	}
	fuzzing := flag.Lookup("test.fuzz").Value.String() != ""
	f.Fuzz(func(t *testing.T, seed uint64, family uint8, form uint16, a, b, presentation uint8) {
		k := probes.BiasKnobs{Seed: seed, Family: family, Form: form, A: a, B: b, Presentation: presentation}
		for _, s := range ss {
			if len(ss) == 1 && len(failed) == 0 {
				contentPair(t, s, k, fuzzing)
				continue
			}
			t.Run("model="+s.Settings.Model.Model, func(t *testing.T) { contentPair(t, s, k, fuzzing) })
		}
	})
}

// contentPair asks the pair k decodes into of one model and fails t when
// its verdicts differ, or a pinned item regressed.
func contentPair(t *testing.T, s *run.Session, k probes.BiasKnobs, fuzzing bool) {
	pair, err := probes.ContentPair(s.Settings.Battery, k)
	if errors.Is(err, gen.ErrNoContent) {
		t.Skipf("no content in the taxonomy for %+v: %v", k, err)
	}
	if err != nil {
		t.Fatalf("decoding %+v: %v", k, err)
	}
	rs := s.Pair(t.Context(), pair, !fuzzing)
	if err := run.PairError(rs, t.Name()); err != nil {
		t.Fatal(err)
	}
	failure, undecided := probes.CompareContentPair(rs, s.Settings.Battery.Limits.Strict)
	if undecided {
		t.Skipf("a reply gave no answer, so the pair shows nothing:\n%s\n\n%s", probes.Counterexample(rs[0]), probes.Counterexample(rs[1]))
	}
	switch {
	case failure != "" && (fuzzing || s.Enforced()):
		t.Error(failure)
	case failure != "":
		t.Log("reported, not failed: this run is a gate against " + s.Settings.Baseline + ":\n" + failure)
	}
	if !fuzzing {
		msgs, err := s.PinnedRegressions(rs[:])
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range msgs {
			t.Error(m)
		}
	}
}
