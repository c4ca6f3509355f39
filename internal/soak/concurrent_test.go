//go:build unix

package soak

import (
	"fmt"
	"maps"
	"os/exec"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/syllobench/syllobench/internal/scorecard"
)

// TestConcurrentRecorders runs four syllobench processes at once, each
// recording its own overlapping set of probes into one fixture directory:
// the first two ask the same questions of one probe (the same keys,
// raced for), and the other two ask other questions (another seed,
// another size) into the same files. Nothing is lost or stored twice: each probe's file
// holds exactly the union of the requests of the runs that asked it, and
// syllobench fixtures verify passes.
func TestConcurrentRecorders(t *testing.T) {
	if testing.Short() {
		t.Skip("runs four syllobench processes; skipped in -short")
	}
	dir := t.TempDir()
	runs := []struct{ seed, size, probes string }{
		{"1", "default", "belief,chains"},
		{"1", "default", "chains,fallacies"},
		{"2", "default", "fallacies,belief"},
		{"2", "small", "validity,chains,belief,fallacies"},
	}
	children := make([]*child, len(runs))
	outs := make([]string, len(runs))
	start := time.Now()
	for i, r := range runs {
		outs[i] = t.TempDir()
		// Each process serves the reference reasoners itself, as
		// syllobench does with no base URL.
		env := childEnv("SYLLOBENCH_MODE=record", "SYLLOBENCH_FIXTURES="+dir, "SYLLOBENCH_SEED="+r.seed)
		children[i] = startChild(t, env, "run", "-model", refModel, "-size", r.size, "-probe", r.probes, "-out", outs[i])
	}
	lastStart := time.Now()
	want := map[string]map[string]bool{} // probe → the union of the keys asked
	var items []scorecard.Item
	for i, c := range children {
		c.wait(t, fmt.Sprintf("recorder %d (%+v)", i, runs[i]))
		sc := readScorecard(t, outs[i])
		noErrors(t, sc.Items)
		if got, want := probeNames(sc), sortedList(runs[i].probes); got != want {
			t.Errorf("recorder %d ran %s, want %s", i, got, runs[i].probes)
		}
		for probe, keys := range keysOf(sc.Items) {
			if want[probe] == nil {
				want[probe] = map[string]bool{}
			}
			maps.Copy(want[probe], keys)
		}
		items = append(items, sc.Items...)
	}
	t.Logf("four recorders of %d items in all took %v", len(items), time.Since(start).Round(time.Millisecond))
	// They ran at once: the first to finish did so after the last started.
	first := slices.MinFunc(children, func(a, b *child) int { return a.ended.Compare(b.ended) })
	if !first.ended.After(lastStart) {
		t.Errorf("a recorder finished before the last one started: they did not record at once")
	}

	// Each file holds exactly the union, each key once, with the reply
	// that every run that asked it was scored on.
	f := readFixtures(t, dir, refModel)
	checkStored(t, f, items)
	total := 0
	for probe, keys := range want {
		total += len(keys)
		if got := len(f[probe]); got != len(keys) {
			t.Errorf("%s.jsonl holds %d entries, want the union of the runs' requests, %d", probe, got, len(keys))
		}
	}
	if f.count() != total || len(f) != len(want) {
		t.Errorf("%d entries in %d files, want %d in %d", f.count(), len(f), total, len(want))
	}

	out, err := exec.Command(syllobench(t), "fixtures", "verify", dir).CombinedOutput()
	if err != nil || !strings.HasPrefix(string(out), "ok: ") {
		t.Errorf("syllobench fixtures verify %s: %v\n%s", dir, err, out)
	}
}

// probeNames lists the probes of a scorecard, sorted, comma-separated.
func probeNames(sc *scorecard.Scorecard) string {
	var names []string
	for _, p := range sc.Probes {
		names = append(names, p.Name)
	}
	slices.Sort(names)
	return strings.Join(names, ",")
}

// sortedList sorts a comma-separated list.
func sortedList(list string) string {
	names := strings.Split(list, ",")
	slices.Sort(names)
	return strings.Join(names, ",")
}
