package syllobench

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/syllobench/syllobench/internal/junit"
	"github.com/syllobench/syllobench/internal/refmodel"
)

// recipe is the README's CI recipe for gating a model upgrade: the shell
// lines that record the two models, and the CI job's gate step.
type recipe struct {
	record  [][]string        // each a command line: VAR=value words, then the command
	gateEnv map[string]string // the gate step's env
	gate    []string          // its run line
}

// readRecipe reads the recipe out of README.md's "Gating a model upgrade".
func readRecipe(t *testing.T) recipe {
	t.Helper()
	data, err := os.ReadFile("README.md")
	if err != nil {
		t.Fatal(err)
	}
	_, section, ok := strings.Cut(string(data), "\n## Gating a model upgrade\n")
	if !ok {
		t.Fatal(`README.md has no section "## Gating a model upgrade"`)
	}
	section, _, _ = strings.Cut(section, "\n## ")
	var r recipe
	_, sh, ok1 := strings.Cut(section, "```sh\n")
	sh, _, _ = strings.Cut(sh, "```")
	_, yaml, ok2 := strings.Cut(section, "```yaml\n")
	yaml, _, _ = strings.Cut(yaml, "```")
	if !ok1 || !ok2 {
		t.Fatal("the gating section lacks its sh or yaml block")
	}
	for _, line := range strings.Split(sh, "\n") {
		if f := strings.Fields(line); len(f) > 0 && !strings.HasPrefix(f[0], "#") && f[0] != "git" {
			r.record = append(r.record, f)
		}
	}
	step := ""
	for _, line := range strings.Split(yaml, "\n") {
		l := strings.TrimSpace(line)
		switch {
		case strings.HasPrefix(l, "- name: "):
			step = strings.TrimPrefix(l, "- name: ")
		case step == "syllobench gate" && strings.HasPrefix(l, "run: "):
			r.gate = strings.Fields(strings.TrimPrefix(l, "run: "))
		case step == "syllobench gate" && strings.HasPrefix(l, "SYLLOBENCH_"):
			k, v, _ := strings.Cut(l, ": ")
			if r.gateEnv == nil {
				r.gateEnv = map[string]string{}
			}
			r.gateEnv[k] = v
		}
	}
	if len(r.record) != 2 || len(r.gate) == 0 || len(r.gateEnv) == 0 {
		t.Fatalf("the recipe read from README.md is incomplete: %+v", r)
	}
	return r
}

// TestCIRecipe runs the README's recipe, word for word but for the model
// names, the server's URL and where files go: record a baseline and a
// candidate with syllobench run against a server (the built-in
// reasoners behind a real loopback URL, as an external model), then, as
// CI would with no server, go test replays the candidate and gates it
// against the baseline, and syllobench compare writes the comparison.
// An unchanged imperfect model passes against itself, ref-coin fails
// against ref-logic, and the shipped SmolLM2-135M fixtures pass against
// their own baseline.
func TestCIRecipe(t *testing.T) {
	endToEnd(t)
	t.Parallel()
	r := readRecipe(t)
	bin := buildCLI(t)
	srv, err := refmodel.Start(refmodel.All())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { srv.Close() })
	for _, tc := range []struct {
		candidate, baseline string
		record              bool
		pass                bool
		reason              string
	}{
		{"ref-belief", "ref-belief", true, true, "an unchanged model passes, however imperfect: ref-belief fails most floors"},
		{"ref-coin", "ref-logic", true, false, "a model that guesses is significantly worse than one that deduces"},
		{"smollm2-135m", "smollm2-135m", false, true, "the shipped fixtures of a real 135M model, gated against their own baseline"},
	} {
		t.Run(tc.candidate+"-against-"+tc.baseline, func(t *testing.T) {
			t.Parallel()
			fixtures, out := "fixtures", t.TempDir()
			if tc.record {
				fixtures = t.TempDir()
			}
			words := strings.NewReplacer("my-model-v1", tc.baseline, "my-model-v2", tc.candidate,
				"http://localhost:11434/v1", srv.URL(), "out/", out+"/", "fixtures/", fixtures+"/")
			// Where the files go, and the small size to keep it short.
			local := []string{"SYLLOBENCH_FIXTURES=" + fixtures, "SYLLOBENCH_OUT=" + out}
			for _, line := range r.record {
				if !tc.record {
					break
				}
				vars, args := splitCommand(words, line)
				if len(args) < 3 || strings.Join(args[:3], " ") != "go run ./cmd/syllobench" {
					t.Fatalf("a recording line of the recipe is not a syllobench command: %q", line)
				}
				cmd := exec.Command(bin, args[3:]...)
				cmd.Env = cleanEnviron(append(vars, "SYLLOBENCH_FIXTURES="+fixtures, "SYLLOBENCH_OUT="+t.TempDir(), "SYLLOBENCH_SIZE=small")...)
				if b, err := cmd.CombinedOutput(); err != nil {
					t.Fatalf("%q: %v\n%s", line, err, tail(string(b)))
				}
			}
			// The gate step, with the step summary GitHub Actions gives.
			summary := filepath.Join(t.TempDir(), "step-summary.md")
			vars := []string{"GITHUB_STEP_SUMMARY=" + summary}
			for k, v := range r.gateEnv {
				vars = append(vars, k+"="+words.Replace(v))
			}
			_, args := splitCommand(words, r.gate)
			for i, a := range args {
				args[i] = strings.ReplaceAll(a, `"$GITHUB_STEP_SUMMARY"`, summary)
			}
			if len(args) < 4 || strings.Join(args[:4], " ") != "go run ./cmd/syllobench run" {
				t.Fatalf("the gate step runs %q, not syllobench run", r.gate)
			}
			cmd := exec.Command(bin, args[3:]...)
			cmd.Env = cleanEnviron(append(vars, local...)...)
			b, err := cmd.CombinedOutput()
			gateOut := string(b)
			if passed := err == nil; passed != tc.pass {
				t.Errorf("the gate step: passed %t, want %t: %s:\n%s", passed, tc.pass, tc.reason, tail(gateOut))
			}
			if !tc.pass && !strings.Contains(gateOut, tc.candidate+" fails the gate against "+tc.baseline) {
				t.Errorf("the failing gate does not say it is a regression:\n%s", tail(gateOut))
			}
			md, err := os.ReadFile(summary)
			if err != nil || !strings.Contains(string(md), "**syllobench gate") || !strings.Contains(string(md), "| probe | "+tc.candidate+" |") {
				t.Errorf("the step summary lacks the table or the comparison (%v):\n%s", err, md)
			}
			doc, err := os.ReadFile(filepath.Join(out, "junit.xml"))
			if err != nil {
				t.Fatalf("the gate step wrote no JUnit XML: %v", err)
			}
			if err := junit.Validate(doc); err != nil {
				t.Errorf("the gate step's JUnit XML: %v", err)
			}
			suites, err := junit.Read(doc)
			if err != nil {
				t.Fatal(err)
			}
			regressed := slices.ContainsFunc(suites[0].Cases, func(c junit.Case) bool { return c.Class == "gate" && c.Failure != "" })
			if regressed == tc.pass {
				t.Errorf("the JUnit XML has a failed gate case: %t; want %t", regressed, !tc.pass)
			}
		})
	}
}

// cli is the syllobench command, built once for the tests that run it.
var cli = sync.OnceValues(func() (string, error) {
	dir, err := os.MkdirTemp("", "syllobench-cli-")
	if err != nil {
		return "", err
	}
	bin := filepath.Join(dir, "syllobench")
	if out, err := exec.Command(filepath.Join(runtime.GOROOT(), "bin", "go"), "build", "-o", bin, "./cmd/syllobench").CombinedOutput(); err != nil {
		return "", fmt.Errorf("go build ./cmd/syllobench: %v\n%s", err, out)
	}
	return bin, nil
})

// buildCLI returns the path of the syllobench command.
func buildCLI(t *testing.T) string {
	t.Helper()
	bin, err := cli()
	if err != nil {
		t.Fatal(err)
	}
	return bin
}

// splitCommand splits a command line into its leading VAR=value words
// and the command, with the recipe's names replaced.
func splitCommand(words *strings.Replacer, line []string) (vars, args []string) {
	for i, w := range line {
		if k, _, ok := strings.Cut(w, "="); !ok || strings.ToUpper(k) != k || strings.HasPrefix(w, "-") {
			for _, a := range line[i:] {
				args = append(args, words.Replace(a))
			}
			return vars, args
		}
		vars = append(vars, words.Replace(w))
	}
	return vars, nil
}
