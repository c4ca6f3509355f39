package syllobench

import (
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"github.com/syllobench/syllobench/internal/junit"
)

// A Go user's CI gets JUnit XML from go test through gotestsum, pinned in
// go.mod as a tool: the README's command, run here, writes a report that
// CI systems read, with a test case per probe and check and the
// counterexamples in the failures.
func TestGoTestJUnit(t *testing.T) {
	endToEnd(t)
	t.Parallel()
	report := filepath.Join(t.TempDir(), "junit.xml")
	cmd := exec.Command(filepath.Join(runtime.GOROOT(), "bin", "go"), "tool", "gotestsum", "--junitfile", report, "--",
		"-count=1", "-short", "-run", "^(TestReasoning|FuzzContentBias)$", ".")
	cmd.Env = cleanEnviron("SYLLOBENCH_MODEL=ref-belief", "SYLLOBENCH_OUT="+t.TempDir())
	out, err := cmd.CombinedOutput()
	if err == nil {
		t.Errorf("go test through gotestsum passed ref-belief; want its failures:\n%s", tail(string(out)))
	}
	doc, rerr := os.ReadFile(report)
	if rerr != nil {
		t.Fatalf("gotestsum wrote no report (%v):\n%s", rerr, tail(string(out)))
	}
	if err := junit.Validate(doc); err != nil {
		t.Fatalf("gotestsum's report is not the JUnit shape CI systems read: %v", err)
	}
	suites, err := junit.Read(doc)
	if err != nil {
		t.Fatal(err)
	}
	found := false
	for _, s := range suites {
		for _, c := range s.Cases {
			if c.Name == "TestReasoning/probe=belief" && strings.Contains(c.Failure, "expected:") {
				found = true
			}
		}
	}
	if !found {
		t.Errorf("no failed case TestReasoning/probe=belief with its counterexamples in gotestsum's report")
	}
}
