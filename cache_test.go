package syllobench

import (
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"
)

// goTest runs go test on this package, as a user would, with a clean
// syllobench environment plus vars, and returns its output.
func goTest(t *testing.T, args []string, vars ...string) (string, error) {
	t.Helper()
	cmd := exec.Command(filepath.Join(runtime.GOROOT(), "bin", "go"), append([]string{"test"}, args...)...)
	cmd.Env = cleanEnviron(vars...)
	out, err := cmd.CombinedOutput()
	return string(out), err
}

// Go's test cache must see the run's configuration and data: a change of
// model, of a setting, of a fixture the run read, or of the baseline makes
// the next go test run again, and only an unchanged run is a cached pass.
// (go test caches a package's result keyed on the environment variables
// and the files inside the module that its tests read; what TestMain
// reads before m.Run goes unseen.)
func TestCacheSeesTheRun(t *testing.T) {
	endToEnd(t)
	t.Parallel()
	// go test rechecks only the files inside the module, so the fixtures
	// are copied into testdata; and dated before go test's two-second
	// window of "too recent to cache", as committed ones are.
	fixtures, err := os.MkdirTemp("testdata", "cache-")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.RemoveAll(fixtures) })
	old := time.Now().Add(-time.Hour)
	for _, m := range []string{"ref-belief", "ref-logic"} {
		copyDir(t, filepath.Join("fixtures", m), filepath.Join(fixtures, m), old)
	}
	args := []string{"-run", "^(TestReasoning|TestGate)$/^probe=chains$", "."}
	common := []string{"SYLLOBENCH_SIZE=small", "SYLLOBENCH_FIXTURES=" + fixtures, "SYLLOBENCH_OUT=" + t.TempDir()}
	steps := []struct {
		what   string
		vars   []string
		edit   func()
		cached bool
	}{
		{what: "a first run of ref-logic", vars: []string{"SYLLOBENCH_MODEL=ref-logic"}},
		{what: "the same run again", vars: []string{"SYLLOBENCH_MODEL=ref-logic"}, cached: true},
		{what: "another model", vars: []string{"SYLLOBENCH_MODEL=ref-belief"}},
		{what: "another model, replayed", vars: []string{"SYLLOBENCH_MODEL=ref-belief", "SYLLOBENCH_MODE=replay"}},
		{what: "the same replay again", vars: []string{"SYLLOBENCH_MODEL=ref-belief", "SYLLOBENCH_MODE=replay"}, cached: true},
		{what: "the replay after a fixture was edited", vars: []string{"SYLLOBENCH_MODEL=ref-belief", "SYLLOBENCH_MODE=replay"},
			edit: func() { touch(t, filepath.Join(fixtures, "ref-belief", "chains.jsonl"), old.Add(time.Minute)) }},
		{what: "a gate against ref-logic's baseline", vars: []string{"SYLLOBENCH_MODEL=ref-logic", "SYLLOBENCH_BASELINE=ref-logic"}},
		{what: "the same gate again", vars: []string{"SYLLOBENCH_MODEL=ref-logic", "SYLLOBENCH_BASELINE=ref-logic"}, cached: true},
		{what: "the gate after the baseline was edited", vars: []string{"SYLLOBENCH_MODEL=ref-logic", "SYLLOBENCH_BASELINE=ref-logic"},
			edit: func() { touch(t, filepath.Join(fixtures, "ref-logic", "scorecard.json"), old.Add(time.Minute)) }},
	}
	for _, st := range steps {
		if st.edit != nil {
			st.edit()
		}
		out, err := goTest(t, args, append(common, st.vars...)...)
		if err != nil {
			t.Fatalf("%s: %v\n%s", st.what, err, tail(out))
		}
		if cached := strings.Contains(out, "(cached)"); cached != st.cached {
			t.Errorf("%s: cached %t, want %t:\n%s", st.what, cached, st.cached, out)
		}
	}
}

// copyDir copies the files of src into dst, dated mtime.
func copyDir(t *testing.T, src, dst string, mtime time.Time) {
	t.Helper()
	entries, err := os.ReadDir(src)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(dst, 0o755); err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		data, err := os.ReadFile(filepath.Join(src, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		touchData(t, filepath.Join(dst, e.Name()), data, mtime)
	}
	if err := os.Chtimes(dst, mtime, mtime); err != nil {
		t.Fatal(err)
	}
}

// touch dates a file mtime, as an edit would change its date.
func touch(t *testing.T, path string, mtime time.Time) {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	touchData(t, path, data, mtime)
}

func touchData(t *testing.T, path string, data []byte, mtime time.Time) {
	t.Helper()
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Chtimes(path, mtime, mtime); err != nil {
		t.Fatal(err)
	}
}
