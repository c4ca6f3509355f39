package syllobench

import (
	"os"
	"os/exec"
	"strings"
	"testing"
)

// childEnv marks a test binary started by a test of this package, so that
// the end-to-end tests do not start themselves again.
const childEnv = "SYLLOBENCH_TEST_CHILD"

// runChild runs this test binary again with a clean syllobench
// environment plus vars, and returns its verbose output.
func runChild(t *testing.T, run string, vars ...string) (string, error) {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run="+run, "-test.count=1", "-test.v")
	for _, kv := range os.Environ() {
		if !strings.HasPrefix(kv, "SYLLOBENCH_") && !strings.HasPrefix(kv, "OPENAI_") {
			cmd.Env = append(cmd.Env, kv)
		}
	}
	cmd.Env = append(cmd.Env, append([]string{childEnv + "=1"}, vars...)...)
	out, err := cmd.CombinedOutput()
	return string(out), err
}

// The gate end to end, on the committed scorecards: a candidate that
// reasons by the atmosphere heuristic fails against ref-logic, with the
// table and the flip list; ref-logic passes against the heuristic.
func TestGateEndToEnd(t *testing.T) {
	if os.Getenv(childEnv) != "" {
		t.Skip("in a child run")
	}
	t.Parallel()
	out, _ := runChild(t, "^(TestReasoning|TestGate)$",
		"SYLLOBENCH_MODEL=ref-atmosphere", "SYLLOBENCH_MODE=replay", "SYLLOBENCH_SIZE=small", "SYLLOBENCH_BASELINE=ref-logic")
	for _, want := range []string{
		"--- FAIL: TestGate/probe=validity", "--- FAIL: TestGate/probe=conclusions",
		"candidate ref-atmosphere against baseline ref-logic", "right → wrong (108):",
		"is significantly worse than the baseline ref-logic on validity",
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
}

// A baseline with no recorded scorecard is an error that says how to make one.
func TestGateWithoutBaseline(t *testing.T) {
	if os.Getenv(childEnv) != "" {
		t.Skip("in a child run")
	}
	t.Parallel()
	out, err := runChild(t, "^(TestReasoning|TestGate)$/^probe=chains$", "SYLLOBENCH_SIZE=small", "SYLLOBENCH_BASELINE=no-such-model")
	if err == nil || !strings.Contains(out, "no baseline scorecard at fixtures/no-such-model/scorecard.json") ||
		!strings.Contains(out, "SYLLOBENCH_MODEL=no-such-model SYLLOBENCH_UPDATE=1 go test ./...") {
		t.Errorf("error %v; output:\n%s", err, tail(out))
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
