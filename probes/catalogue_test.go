package probes

import (
	"crypto/sha256"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/syllobench/syllobench/internal/prompt"
)

// update rewrites the golden files instead of checking them: the
// project's one switch, UPDATE_GOLDEN=1 (a flag would break go test ./...
// in every package that does not define it).
var update = os.Getenv("UPDATE_GOLDEN") == "1"

// The default size asks under 2,000 questions in all, so that a live run
// on a local model takes about half an hour; small is about a quarter.
func TestSizeBudget(t *testing.T) {
	for _, tc := range []struct {
		size     Size
		min, max int
	}{{Small, 200, 500}, {Default, 1000, 2000}, {Large, 4000, 8000}} {
		cfg := DefaultConfig()
		cfg.Size = tc.size
		total := 0
		var per []string
		for _, p := range All() {
			cs, err := p.Cases(cfg)
			if err != nil {
				t.Fatalf("%s at size %s: %v", p.Name, tc.size, err)
			}
			ids := map[string]bool{}
			for _, c := range cs {
				if ids[c.ID] {
					t.Fatalf("%s at size %s: case id %s twice", p.Name, tc.size, c.ID)
				}
				ids[c.ID] = true
			}
			total += len(cs)
			per = append(per, fmt.Sprintf("%s %d", p.Name, len(cs)))
		}
		t.Logf("size %s: %d questions (%s)", tc.size, total, strings.Join(per, ", "))
		if total < tc.min || total > tc.max {
			t.Errorf("size %s asks %d questions; want %d to %d", tc.size, total, tc.min, tc.max)
		}
	}
}

// The catalogue covers the three examples that motivate the project.
func TestCatalogueCoversTheExamples(t *testing.T) {
	cfg := DefaultConfig()
	find := func(probe string, match func(Case) bool) bool {
		p, err := ByName(probe)
		if err != nil {
			t.Fatal(err)
		}
		cs, err := p.Cases(cfg)
		if err != nil {
			t.Fatal(err)
		}
		for _, c := range cs {
			if match(c) {
				return true
			}
		}
		return false
	}
	// "All A are B. All B are C. X is an A. Is X a C?"
	if !find("chains", func(c Case) bool { return strings.HasPrefix(c.Item.Form, "chain-2-true") }) {
		t.Error("chains asks no two-step chain about an individual")
	}
	// "… X is not a C": can all of these be true together?
	if !find("consistency", func(c Case) bool { return c.Item.Form == "chain-2-true-with-negation" && c.Item.Expected == "no" }) {
		t.Error("consistency asks no contradiction of a two-step chain")
	}
	// The triangles and the Python programmers.
	var texts []string
	find("fallacies", func(c Case) bool {
		if isExemplar(Result{Case: c}) {
			texts = append(texts, strings.Join(c.Item.PremiseText, " ")+" "+c.Item.ConclusionText+" "+c.Item.Expected)
		}
		return false
	})
	want := []string{
		"All triangles are polygons. All squares are polygons. All squares are triangles. no",
		"All Python programmers are programmers. All Java programmers are programmers. All Java programmers are Python programmers. no",
	}
	if diff := cmp.Diff(want, texts); diff != "" {
		t.Errorf("the exemplar pair (-want +got):\n%s", diff)
	}
}

// The first cases of every probe are pinned by the hash of their prompt:
// the same seed gives byte-identical prompts on every machine. Run with
// UPDATE_GOLDEN=1 after a deliberate change to an item, and bump Version.
func TestFirstCasesGolden(t *testing.T) {
	var b strings.Builder
	for _, p := range All() {
		cs, err := p.Cases(DefaultConfig())
		if err != nil {
			t.Fatal(err)
		}
		for _, c := range cs[:3] {
			msgs, err := prompt.Messages(c.Item, c.Format)
			if err != nil {
				t.Fatal(err)
			}
			h := sha256.New()
			for _, m := range msgs {
				fmt.Fprintf(h, "%s\x00%s\x00", m.Role, m.Content)
			}
			fmt.Fprintf(&b, "%-12s %-58s %-8s %x\n", p.Name, c.ID, c.Item.Expected, h.Sum(nil)[:8])
		}
	}
	path := filepath.Join("testdata", "first-cases.txt")
	if update {
		if err := os.MkdirAll("testdata", 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(b.String()), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(string(want), b.String()); diff != "" {
		t.Errorf("the first cases changed (-golden +now); if on purpose, run UPDATE_GOLDEN=1 go test ./probes -run Golden and bump Version:\n%s", diff)
	}
}
