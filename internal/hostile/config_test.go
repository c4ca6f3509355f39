package hostile

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/syllobench/syllobench/internal/run"
	"github.com/syllobench/syllobench/internal/scorecard"
	"github.com/syllobench/syllobench/probes"
)

// garbage is a bad value of each variable that run.Load (and so go test
// and syllobench run) reads, from internal/run/settings.go: the target and
// its sampling, the fixture mode, the battery, the limits and the run's own
// settings. The first of each is also given to syllobench run. A path
// variable is garbage when it names a file where a directory is wanted,
// or a file that is no dataset where one is; {file} stands for one.
//
// Not here: SYLLOBENCH_BASELINE, whose model is looked up when the gate
// runs (TestHostileBaseline); SYLLOBENCH_POWER, read only by the tests of
// internal/gate; and the variables the tests of other packages use to
// talk to their child processes (SYLLOBENCH_TEST_*,
// SYLLOBENCH_FIXTURE_HELPER_*).
var garbage = []struct {
	name   string
	values []string
}{
	{"SYLLOBENCH_BASE_URL", []string{"not a url", "ftp://example.com/v1", "http://", "localhost:11434"}},
	{"SYLLOBENCH_MODEL", []string{"no-such-reasoner", "ref-logic\n", " "}},
	{"SYLLOBENCH_API_KEY", []string{"sk-garbage\r\nX-Injected: 1", "sk-\x00", "sk-\x7f"}},
	{"OPENAI_API_KEY", []string{"sk-garbage\nmore"}},
	{"SYLLOBENCH_CONCURRENCY", []string{"lots", "0", "-3", "1025", "4.5"}},
	{"SYLLOBENCH_TIMEOUT", []string{"soon", "0s", "-1s", "120"}},
	{"SYLLOBENCH_MAX_TOKENS", []string{"many", "0", "-1", "1e3"}},
	{"SYLLOBENCH_SAMPLING_SEED", []string{"seed", "1.5", "99999999999999999999"}},
	{"SYLLOBENCH_TEMPERATURE", []string{"hot", "NaN", "Inf", "-0.1", "2.5"}},
	{"SYLLOBENCH_RETRIES", []string{"some", "-1", "101"}},
	{"SYLLOBENCH_MAX_REPLY_BYTES", []string{"lots", "0", "-1", "4MiB", "1073741825", "1e6"}},
	{"SYLLOBENCH_MODE", []string{"sometimes", "Replay", "record,live"}},
	{"SYLLOBENCH_FIXTURES", []string{"{file}", "{file}/below"}},
	{"SYLLOBENCH_SEED", []string{"-1", "seed", "18446744073709551616"}},
	{"SYLLOBENCH_SIZE", []string{"enormous", "Small"}},
	{"SYLLOBENCH_FORMAT", []string{"haiku", "COT"}},
	{"SYLLOBENCH_SEMANTICS", []string{"quantum", "modern"}},
	{"SYLLOBENCH_FLOOR", []string{"high", "1.5", "-0.1", "NaN"}},
	{"SYLLOBENCH_FLOOR_CHAINS", []string{"high", "2"}},
	{"SYLLOBENCH_FLOOR_CHAIN", []string{"0.8"}},      // a typo: no such probe
	{"SYLLOBENCH_FLOOR_INVARIANCE", []string{"0.8"}}, // a probe without a floor
	{"SYLLOBENCH_BELIEF_LIMIT", []string{"low", "1.5"}},
	{"SYLLOBENCH_ALPHA", []string{"0", "0.9", "five percent"}},
	{"SYLLOBENCH_MAX_FLIPS", []string{"-1", "few", "1.5"}},
	{"SYLLOBENCH_STRICT", []string{"yes", "on", "2"}},
	{"SYLLOBENCH_UPDATE", []string{"yes", "true", "2"}},
	{"SYLLOBENCH_OUT", []string{"{file}", "{file}/below"}},
	{"SYLLOBENCH_DEADLINE", []string{"soon", "0s", "-1m", "30"}},
	{"SYLLOBENCH_MAX_FAILURES", []string{"0", "-1", "many", "2.5"}},
	{"SYLLOBENCH_FLOORS", []string{"yes", "2", "on"}},
	{"SYLLOBENCH_FUZZ_SEEDS", []string{"2", "all", "true"}},
	{"SYLLOBENCH_API", []string{"responses", "Chat", "completion"}},
	// A dataset that is not one: a text file, a missing one, a directory.
	{"SYLLOBENCH_DATASET", []string{"{file}", "{file}/below", "/no/such/dataset.json", "."}},
	{"SYLLOBENCH_LIMIT", []string{"0", "-5", "few", "2.5"}},
	// A models file that is not one: a text file of one word, a missing
	// one, a directory.
	{"SYLLOBENCH_MODELS_FILE", []string{"{file}", "/no/such/models.txt", "."}},
}

// TestHostileConfigCoverage: every variable run.Load reads has its
// garbage, but for those the comment on garbage leaves out, so that a new
// variable cannot go untested.
func TestHostileConfigCoverage(t *testing.T) {
	covered := map[string]bool{"SYLLOBENCH_BASELINE": true, "SYLLOBENCH_POWER": true}
	for _, g := range garbage {
		covered[g.name] = true
	}
	for _, v := range run.Variables {
		if !covered[v] {
			t.Errorf("%s has no entry in garbage", v)
		}
	}
}

// TestHostileConfig sets each variable to garbage, with every other one
// valid, and checks that run.Load (or, failing that, run.Open) fails with
// a configuration error naming it, and so does syllobench run. A key is
// a secret: its error does not show it.
func TestHostileConfig(t *testing.T) {
	work := t.TempDir()
	file := filepath.Join(work, "a-file")
	write(t, file, "not a directory\n")
	for _, g := range garbage {
		t.Run(g.name, func(t *testing.T) {
			for i, v := range g.values {
				v = strings.ReplaceAll(v, "{file}", file)
				vars := map[string]string{"SYLLOBENCH_FIXTURES": t.TempDir(), "SYLLOBENCH_SIZE": "small", g.name: v}
				// run.Load checks the environment (here vars) for the
				// SYLLOBENCH_FLOOR_<PROBE> names. No process environment
				// holds a NUL: such a value is not given to the command.
				inEnviron := !strings.Contains(v, "\x00")
				s, err := open(t, vars, true)
				if err == nil {
					s.Close()
					t.Errorf("run.Load and run.Open with %s=%q: no error", g.name, v)
					continue
				}
				if !strings.Contains(err.Error(), g.name) {
					t.Errorf("run.Load and run.Open with %s=%q: the error does not name the variable: %v", g.name, v, err)
				}
				var ce *run.ConfigError
				if !errors.Is(err, run.ErrBadConfig) || !errors.As(err, &ce) || ce.Setting != g.name {
					t.Errorf("run.Load and run.Open with %s=%q: error %v; want a *run.ConfigError of %s, wrapping run.ErrBadConfig", g.name, v, err, g.name)
				}
				if strings.HasSuffix(g.name, "API_KEY") && strings.Contains(err.Error(), v) {
					t.Errorf("run.Load with a bad %s: the error shows the key: %v", g.name, err)
				}
				if i > 0 || !inEnviron || testing.Short() {
					continue
				}
				// The flags that would override the variable are left out.
				out := filepath.Join(t.TempDir(), "out")
				args, cmdVars := []string{"run", "-probe", "chains"}, []string{g.name + "=" + v}
				if g.name != "SYLLOBENCH_SIZE" {
					args = append(args, "-size", "small")
				}
				if g.name != "SYLLOBENCH_OUT" {
					args = append(args, "-out", out)
				}
				if g.name != "SYLLOBENCH_MODEL" {
					cmdVars = append(cmdVars, "SYLLOBENCH_MODEL=ref-logic")
				}
				res := command(t, work, cmdVars, args...)
				if res.code == 0 || !strings.Contains(res.stderr, g.name) {
					t.Errorf("syllobench run with %s=%q: want a non-zero exit and an error naming the variable:\n%s", g.name, v, res)
				}
				if strings.HasSuffix(g.name, "API_KEY") && strings.Contains(res.stdout+res.stderr, v) {
					t.Errorf("syllobench run with a bad %s shows the key:\n%s", g.name, res)
				}
				if _, err := os.Stat(filepath.Join(out, "scorecard.json")); err == nil {
					t.Errorf("syllobench run with %s=%q wrote a scorecard", g.name, v)
				}
			}
		})
	}
}

// TestHostileBaseline: a baseline model with no recorded scorecard is an
// error naming SYLLOBENCH_BASELINE, from the session's gate (which
// TestGate runs) and from syllobench run, with or without -gate.
func TestHostileBaseline(t *testing.T) {
	t.Parallel()
	fixtures := t.TempDir()
	vars := map[string]string{"SYLLOBENCH_FIXTURES": fixtures, "SYLLOBENCH_SIZE": "small", "SYLLOBENCH_BASELINE": "no-such-model"}
	s, err := open(t, vars, true)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	p, _ := probes.ByName("chains")
	if _, _, err := s.Probe(t.Context(), p); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Gate(); err == nil || !strings.Contains(err.Error(), "SYLLOBENCH_BASELINE=no-such-model: no baseline scorecard") {
		t.Errorf("Gate with no baseline scorecard: %v", err)
	}
	if testing.Short() {
		return
	}
	for _, gate := range [][]string{nil, {"-gate"}} {
		res := command(t, t.TempDir(), []string{"SYLLOBENCH_FIXTURES=" + fixtures, "SYLLOBENCH_BASELINE=no-such-model"},
			append([]string{"run", "-size", "small", "-probe", "chains", "-out", t.TempDir()}, gate...)...)
		if res.code != 1 || !strings.Contains(res.stderr, "SYLLOBENCH_BASELINE=no-such-model: no baseline scorecard") {
			t.Errorf("syllobench run %q with a baseline that has no scorecard: want exit 1 naming SYLLOBENCH_BASELINE:\n%s", gate, res)
		}
	}
}

// TestHostileRunVariables checks that syllobench run does not silently
// ignore a valid variable that go test obeys: SYLLOBENCH_OUT says where
// the outputs go, SYLLOBENCH_BASELINE prints the comparison even without
// -gate, and SYLLOBENCH_UPDATE=1 writes the baseline (and refuses a run
// that left probes out).
func TestHostileRunVariables(t *testing.T) {
	if testing.Short() {
		t.Skip("runs the command; -short skips it")
	}
	t.Parallel()
	work, fixtures := t.TempDir(), t.TempDir()
	out := filepath.Join(work, "elsewhere")
	vars := []string{"SYLLOBENCH_FIXTURES=" + fixtures, "SYLLOBENCH_MODEL=ref-logic", "SYLLOBENCH_OUT=" + out}

	res := command(t, work, append(vars, "SYLLOBENCH_UPDATE=1"), "run", "-size", "small", "-probe", "chains")
	if res.code != 1 || !strings.Contains(res.stderr, "SYLLOBENCH_UPDATE=1: the baseline of ref-logic is not written: validity was not asked") {
		t.Errorf("SYLLOBENCH_UPDATE=1 with one probe: want exit 1 refusing a baseline with holes:\n%s", res)
	}
	if _, err := scorecard.ReadFile(filepath.Join(out, "scorecard.json")); err != nil {
		t.Errorf("SYLLOBENCH_OUT=%s: %v\n%s", out, err, res)
	}
	if _, err := os.Stat(filepath.Join(work, "syllobench-out")); err == nil {
		t.Errorf("syllobench run wrote into syllobench-out, not SYLLOBENCH_OUT")
	}

	res = command(t, work, append(vars, "SYLLOBENCH_UPDATE=1"), "run", "-size", "small")
	baseline := run.BaselinePath(fixtures, "ref-logic")
	if res.code != 0 || !strings.Contains(res.stdout, "wrote the baseline "+baseline) {
		t.Errorf("SYLLOBENCH_UPDATE=1: want the baseline written:\n%s", res)
	}
	if _, err := scorecard.ReadFile(baseline); err != nil {
		t.Error(err)
	}

	res = command(t, work, append(vars, "SYLLOBENCH_BASELINE=ref-logic"), "run", "-size", "small", "-probe", "chains")
	if res.code != 0 || !strings.Contains(res.stdout, "candidate ref-logic against baseline ref-logic") {
		t.Errorf("SYLLOBENCH_BASELINE without -gate: want the comparison printed and exit 0:\n%s", res)
	}
}
