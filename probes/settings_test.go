package probes

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/syllobench/syllobench/internal/logic"
	"github.com/syllobench/syllobench/internal/prompt"
)

func env(vars map[string]string) func(string) string {
	return func(k string) string { return vars[k] }
}

func TestConfigFromEnv(t *testing.T) {
	cfg, err := ConfigFromEnv(env(nil))
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(DefaultConfig(), cfg); diff != "" {
		t.Errorf("with nothing set (-want +got):\n%s", diff)
	}
	cfg, err = ConfigFromEnv(env(map[string]string{
		"SYLLOBENCH_SEED": "42", "SYLLOBENCH_SIZE": "large", "SYLLOBENCH_FORMAT": "cot", "SYLLOBENCH_SEMANTICS": "boolean",
		"SYLLOBENCH_FLOOR": "0.9", "SYLLOBENCH_FLOOR_CHAINS": "0.5", "SYLLOBENCH_BELIEF_LIMIT": "0.1",
		"SYLLOBENCH_MAX_FLIPS": "2", "SYLLOBENCH_ALPHA": "0.01", "SYLLOBENCH_STRICT": "1",
	}))
	if err != nil {
		t.Fatal(err)
	}
	want := Config{Seed: 42, Size: Large, Format: prompt.CoT, Semantics: logic.Boolean, Limits: Limits{
		Floor: 0.9, Floors: map[string]float64{"chains": 0.5}, BeliefLimit: 0.1, MaxFlips: 2, Alpha: 0.01, Strict: true,
	}}
	if diff := cmp.Diff(want, cfg); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
	if cfg.Limits.FloorOf("chains") != 0.5 || cfg.Limits.FloorOf("validity") != 0.9 {
		t.Errorf("FloorOf: chains %v, validity %v", cfg.Limits.FloorOf("chains"), cfg.Limits.FloorOf("validity"))
	}
}

// Every bad value is reported at once, each naming its variable.
func TestConfigFromEnvGarbage(t *testing.T) {
	bad := map[string]string{
		"SYLLOBENCH_SEED": "-1", "SYLLOBENCH_SIZE": "huge", "SYLLOBENCH_FORMAT": "poem", "SYLLOBENCH_SEMANTICS": "fuzzy",
		"SYLLOBENCH_FLOOR": "1.5", "SYLLOBENCH_FLOOR_BELIEF": "NaN", "SYLLOBENCH_BELIEF_LIMIT": "x",
		"SYLLOBENCH_MAX_FLIPS": "-3", "SYLLOBENCH_ALPHA": "0", "SYLLOBENCH_STRICT": "yes please",
	}
	_, err := ConfigFromEnv(env(bad))
	if !errors.Is(err, ErrBadConfig) {
		t.Fatalf("error %v; want ErrBadConfig", err)
	}
	for name, val := range bad {
		if !strings.Contains(err.Error(), name+"=") || !strings.Contains(err.Error(), val) {
			t.Errorf("the error does not name %s=%q:\n%v", name, val, err)
		}
	}
}

func TestParseSize(t *testing.T) {
	for _, s := range []string{"small", "default", "large"} {
		if got, err := ParseSize(s); err != nil || string(got) != s {
			t.Errorf("ParseSize(%q) = %q, %v", s, got, err)
		}
	}
	if _, err := ParseSize("Small"); err == nil {
		t.Error("ParseSize accepts Small")
	}
}

func TestCheckEnviron(t *testing.T) {
	if err := CheckEnviron([]string{"SYLLOBENCH_FLOOR=0.9", "SYLLOBENCH_FLOOR_CHAINS=0.5", "HOME=/root"}); err != nil {
		t.Errorf("valid names: %v", err)
	}
	err := CheckEnviron([]string{"SYLLOBENCH_FLOOR_CHAIN=0.5", "SYLLOBENCH_FLOOR_INVARIANCE=0.9", "SYLLOBENCH_BASEURL=http://x", "SYLLOBENCH_TEST_CHILD=1"})
	for _, want := range []string{"SYLLOBENCH_FLOOR_CHAIN:", "SYLLOBENCH_FLOOR_INVARIANCE:", "SYLLOBENCH_BASEURL is not a syllobench variable"} {
		if !errors.Is(err, ErrBadConfig) || !strings.Contains(err.Error(), want) {
			t.Errorf("typos and a probe without a floor: %v; want it to say %q", err, want)
		}
	}
	if strings.Contains(err.Error(), "SYLLOBENCH_TEST_CHILD") {
		t.Errorf("a variable of the project's own tests is rejected: %v", err)
	}
	// Every variable the code reads is listed.
	for _, v := range Variables {
		if err := CheckEnviron([]string{v + "=x"}); err != nil {
			t.Errorf("%s: %v", v, err)
		}
	}
}

// Variables lists every SYLLOBENCH_ variable the project's code reads, so
// that CheckEnviron rejects only typos.
func TestVariablesListEveryVariable(t *testing.T) {
	re := regexp.MustCompile(`"(SYLLOBENCH_[A-Z_]*[A-Z])"`)
	err := filepath.WalkDir("..", func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() && (d.Name() == ".tools" || d.Name() == ".git") {
			if err == nil {
				return filepath.SkipDir
			}
			return err
		}
		if !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
			return nil
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		for _, m := range re.FindAllStringSubmatch(string(data), -1) {
			if err := CheckEnviron([]string{m[1] + "=x"}); err != nil && !strings.HasPrefix(m[1], "SYLLOBENCH_FLOOR_") {
				t.Errorf("%s reads %s, which Variables does not list", path, m[1])
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}
