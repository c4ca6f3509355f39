package main

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/syllobench/syllobench/internal/scorecard"
)

// The committed scorecards of the reference reasoners, recorded at the
// small size: ref-logic is always right, ref-atmosphere follows the
// atmosphere heuristic.
var (
	logicCard      = filepath.Join("..", "..", "fixtures", "ref-logic", "scorecard.json")
	atmosphereCard = filepath.Join("..", "..", "fixtures", "ref-atmosphere", "scorecard.json")
)

func TestCompareGolden(t *testing.T) {
	for _, tc := range []struct {
		name      string
		args      []string
		regressed bool
		reason    string
	}{
		{"compare-regression.txt", []string{"-max-flips", "5", logicCard, atmosphereCard}, true,
			"the heuristic is significantly worse than logic on the probes both answer"},
		{"compare-regression.md", []string{"-format", "markdown", "-max-flips", "5", logicCard, atmosphereCard}, true,
			"the same, for a pull request"},
		{"compare-regression.json", []string{logicCard, atmosphereCard, "-format", "json"}, true,
			"flags after the files work too"},
		{"compare-improvement.txt", []string{"-max-flips", "2", atmosphereCard, logicCard}, false,
			"an improvement passes the gate"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var stdout, stderr bytes.Buffer
			err := run(&stdout, &stderr, append([]string{"compare"}, tc.args...))
			if got := errors.Is(err, errRegression); got != tc.regressed || (err != nil && !got) {
				t.Errorf("error %v; want a regression: %v (%s)", err, tc.regressed, tc.reason)
			}
			golden(t, tc.name, stdout.Bytes())
		})
	}
}

func TestCompareBadInput(t *testing.T) {
	dir := t.TempDir()
	broken := filepath.Join(dir, "broken.json")
	os.WriteFile(broken, []byte(`{"syllobench_scorecard": 1, "model": `), 0o644)
	other := filepath.Join(dir, "other-suite.json")
	sc, err := scorecard.ReadFile(logicCard)
	if err != nil {
		t.Fatal(err)
	}
	sc.Suite = "0.0.9" // a scorecard of another version of the battery
	if err := sc.WriteFile(other); err != nil {
		t.Fatal(err)
	}
	pinned := filepath.Join(dir, "pinned.txt")
	os.WriteFile(pinned, []byte("# pinned\nvalidity/NOPE-1/symbolic/0\n"), 0o644)
	for _, tc := range []struct {
		args  []string
		usage bool
		want  string
	}{
		{[]string{logicCard}, true, "two scorecards"},
		{[]string{"-format", "html", logicCard, atmosphereCard}, true, "unknown format"},
		{[]string{"-alpha", "2", logicCard, atmosphereCard}, true, "between 0 and 1"},
		{[]string{logicCard, filepath.Join(dir, "missing.json")}, false, "missing.json"},
		{[]string{logicCard, broken}, false, "broken.json"},
		{[]string{logicCard, other}, false, "suite version"},
		{[]string{"-pinned", pinned, logicCard, atmosphereCard}, false, "validity/NOPE-1/symbolic/0"},
		{[]string{"-pinned", filepath.Join(dir, "none.txt"), logicCard, atmosphereCard}, false, "none.txt"},
	} {
		var stdout, stderr bytes.Buffer
		err := run(&stdout, &stderr, append([]string{"compare"}, tc.args...))
		if err == nil || errors.As(err, new(usageError)) != tc.usage || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("compare %q: error %v; want a usage error %v saying %q", tc.args, err, tc.usage, tc.want)
		}
	}
}
