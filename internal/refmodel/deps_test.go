package refmodel

import (
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

// A reference reasoner reads the prompt and nothing else: no package
// that defines an item (internal/gen, whose Item holds the expected
// answer) or carries one (prompt, probes, run, human, scorecard) is among
// refmodel's dependencies, so no reasoner can reach the answer key, and
// the profile tests that show the probes catch a biased reasoner prove
// what they claim. Its tests may use the generator; the reasoners may not.
func TestReasonersCannotSeeTheItem(t *testing.T) {
	out, err := exec.Command(filepath.Join(runtime.GOROOT(), "bin", "go"), "list", "-deps", "-f", "{{.ImportPath}}", ".").Output()
	if err != nil {
		t.Fatalf("go list -deps: %v", err)
	}
	deps := strings.Fields(string(out))
	const mod = "github.com/syllobench/syllobench/"
	for _, forbidden := range []string{"internal/gen", "internal/prompt", "internal/human", "internal/scorecard", "probes", "internal/run"} {
		for _, d := range deps {
			if d == mod+forbidden {
				t.Errorf("refmodel depends on %s, which holds or carries an item and its expected answer", forbidden)
			}
		}
	}
	if len(deps) < 10 || !strings.Contains(string(out), mod+"internal/question") {
		t.Fatalf("go list -deps listed %d packages, not refmodel's:\n%s", len(deps), out)
	}
}
