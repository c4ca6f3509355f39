package syllobench

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// childEnv marks a test binary (or go test) started by a test of this
// package, so that the end-to-end tests do not start themselves again.
const childEnv = "SYLLOBENCH_TEST_CHILD"

// cleanEnviron is the environment without syllobench's variables, the
// API key, or GOFLAGS (which could make go test ignore its cache), plus
// vars and the child marker.
func cleanEnviron(vars ...string) []string {
	var env []string
	for _, kv := range os.Environ() {
		if !strings.HasPrefix(kv, "SYLLOBENCH_") && !strings.HasPrefix(kv, "OPENAI_") && !strings.HasPrefix(kv, "GOFLAGS=") {
			env = append(env, kv)
		}
	}
	return append(env, append([]string{childEnv + "=1"}, vars...)...)
}

// runChild runs this test binary again with a clean syllobench
// environment plus vars (and SYLLOBENCH_OUT in a temporary directory
// unless vars set it), and returns its verbose output.
func runChild(t *testing.T, run string, vars ...string) (string, error) {
	t.Helper()
	if !hasVar(vars, "SYLLOBENCH_OUT") {
		vars = append(vars, "SYLLOBENCH_OUT="+t.TempDir())
	}
	cmd := exec.Command(os.Args[0], "-test.run="+run, "-test.count=1", "-test.v")
	cmd.Env = cleanEnviron(vars...)
	out, err := cmd.CombinedOutput()
	return string(out), err
}

func hasVar(vars []string, name string) bool {
	for _, kv := range vars {
		if strings.HasPrefix(kv, name+"=") {
			return true
		}
	}
	return false
}

// endToEnd skips an end-to-end test in the processes it starts, and
// under -short: these are the project's own tests of the user's path
// (they run go test and syllobench again), which a user's CI, running
// the battery with go test -short ., need not pay for.
func endToEnd(t *testing.T) {
	t.Helper()
	if os.Getenv(childEnv) != "" {
		t.Skip("in a child run")
	}
	if testing.Short() {
		t.Skip("an end-to-end test of the project's; skipped in -short")
	}
}

// The gate end to end, on the committed scorecards: a candidate that
// reasons by the atmosphere heuristic fails against ref-logic, with the
// table and the flip list, and its absolute checks are reported, not
// failed; ref-logic passes against the heuristic.
func TestGateEndToEnd(t *testing.T) {
	endToEnd(t)
	t.Parallel()
	out, _ := runChild(t, "^(TestReasoning|TestGate)$",
		"SYLLOBENCH_MODEL=ref-atmosphere", "SYLLOBENCH_MODE=replay", "SYLLOBENCH_BASELINE=ref-logic")
	for _, want := range []string{
		"--- FAIL: TestGate/probe=validity", "--- FAIL: TestGate/probe=conclusions",
		"candidate ref-atmosphere against baseline ref-logic", "right → wrong (",
		"is significantly worse than the baseline ref-logic on validity",
		"below its pass mark, reported and not failed: this run is a gate against ref-logic",
		"--- PASS: TestReasoning/probe=validity",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("ref-atmosphere against ref-logic: the output lacks %q:\n%s", want, tail(out))
		}
	}
	out, err := runChild(t, "^(TestReasoning|TestGate)$",
		"SYLLOBENCH_MODEL=ref-logic", "SYLLOBENCH_SIZE=small", "SYLLOBENCH_BASELINE=ref-atmosphere")
	if err != nil || !strings.Contains(out, "--- PASS: TestGate") || strings.Contains(out, "--- FAIL") {
		t.Errorf("ref-logic against ref-atmosphere: %v\n%s", err, tail(out))
	}
	// SYLLOBENCH_FLOORS=1: the gate fails on the absolute checks too.
	out, _ = runChild(t, "^TestReasoning$/^probe=validity$",
		"SYLLOBENCH_MODEL=ref-atmosphere", "SYLLOBENCH_MODE=replay", "SYLLOBENCH_BASELINE=ref-logic", "SYLLOBENCH_FLOORS=1")
	if !strings.Contains(out, "--- FAIL: TestReasoning/probe=validity") {
		t.Errorf("with SYLLOBENCH_FLOORS=1 the floors do not fail:\n%s", tail(out))
	}
}

// A baseline with no recorded scorecard is an error that says how to make one.
func TestGateWithoutBaseline(t *testing.T) {
	endToEnd(t)
	t.Parallel()
	out, err := runChild(t, "^(TestReasoning|TestGate)$/^probe=chains$", "SYLLOBENCH_SIZE=small", "SYLLOBENCH_BASELINE=no-such-model")
	if err == nil || !strings.Contains(out, "no baseline scorecard at fixtures/no-such-model/scorecard.json") ||
		!strings.Contains(out, "SYLLOBENCH_MODEL=no-such-model SYLLOBENCH_UPDATE=1 go test ./...") {
		t.Errorf("error %v; output:\n%s", err, tail(out))
	}
}

// A baseline whose every item is an error compares nothing, and a gate
// that compared nothing fails, saying so.
func TestGateComparedNothing(t *testing.T) {
	endToEnd(t)
	t.Parallel()
	fixtures := t.TempDir()
	data, err := os.ReadFile(filepath.Join("fixtures", "ref-logic", "scorecard.json"))
	if err != nil {
		t.Fatal(err)
	}
	errored := strings.NewReplacer(`"outcome": "correct"`, `"outcome": "error"`, `"model": "ref-logic"`, `"model": "broken"`).Replace(string(data))
	if err := os.MkdirAll(filepath.Join(fixtures, "broken"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(fixtures, "broken", "scorecard.json"), []byte(errored), 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := runChild(t, "^(TestReasoning|TestGate)$", "SYLLOBENCH_SIZE=small", "SYLLOBENCH_BASELINE=broken", "SYLLOBENCH_FIXTURES="+fixtures)
	if err == nil || !strings.Contains(out, "--- FAIL: TestGate") || !strings.Contains(out, "the gate compared nothing") {
		t.Errorf("an all-error baseline: error %v, output:\n%s", err, tail(out))
	}
}

// tail is the end of a long output, enough to see why a child failed.
func tail(s string) string {
	const n = 4000
	if len(s) > n {
		return "…" + s[len(s)-n:]
	}
	return s
}
