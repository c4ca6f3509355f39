package syllobench

import (
	"context"
	"os"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/syllobench/syllobench/internal/model"
	"github.com/syllobench/syllobench/internal/run"
	"github.com/syllobench/syllobench/probes"
)

// One item count everywhere: the README's counts of the battery are the
// ones the run engine counts (for the progress bar, and so for the
// scorecard and the report of a complete run).
func TestREADMECounts(t *testing.T) {
	data, err := os.ReadFile("README.md")
	if err != nil {
		t.Fatal(err)
	}
	readme := string(data)
	count := func(size probes.Size, corpus bool) int {
		t.Helper()
		all, err := run.LoadAll(run.Source{Getenv: func(string) string { return "" }, Environ: []string{}})
		if err != nil {
			t.Fatal(err)
		}
		st := all[0]
		st.Battery.Size = size
		s := run.NewSession(context.Background(), st, func(string) model.Model { return nil })
		defer s.Close()
		ps := s.Probes()
		n, err := s.Cases(ps, corpus)
		if err != nil {
			t.Fatal(err)
		}
		return n
	}
	number := func(pattern string) int {
		t.Helper()
		m := regexp.MustCompile(pattern).FindStringSubmatch(readme)
		if m == nil {
			t.Fatalf("README.md has no match for %s", pattern)
		}
		n, err := strconv.Atoi(strings.ReplaceAll(m[1], ",", ""))
		if err != nil {
			t.Fatal(err)
		}
		return n
	}
	probesOnly := count(probes.Default, false)
	whole := count(probes.Default, true)
	for _, c := range []struct {
		pattern string
		want    int
	}{
		{`ref-logic: (\d+)/\d+ items`, whole},
		{`ref-logic: \d+/(\d+) items`, whole},
		{`default size\s+asks ([\d,]+)`, probesOnly},
		{`corpus adds (\d+) distinct items`, whole - probesOnly},
		{`a quarter of the questions\s+\(([\d,]+)\)`, count(probes.Small, false)},
		{`four times as many \(([\d,]+)\)`, count(probes.Large, false)},
	} {
		if got := number(c.pattern); got != c.want {
			t.Errorf("README.md says %d where %s; the run engine counts %d", got, c.pattern, c.want)
		}
	}
}
