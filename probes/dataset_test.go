package probes

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/syllobench/syllobench/internal/logic"
	"github.com/syllobench/syllobench/internal/question"
	"github.com/syllobench/syllobench/internal/semeval"
)

func readDataset(t *testing.T, name string) []semeval.Record {
	t.Helper()
	recs, _, err := semeval.ReadFile(filepath.Join("..", "testdata", "semeval", name))
	if err != nil {
		t.Fatal(err)
	}
	return recs
}

// The hand-written dataset is balanced, holds free paraphrases, and the
// engine agrees with every label it can read.
func TestHandwrittenDataset(t *testing.T) {
	recs := readDataset(t, "handwritten.json")
	cells := map[[2]bool]int{}
	for _, r := range recs {
		cells[[2]bool{r.Validity, r.Plausibility}]++
	}
	if len(recs) < 40 || len(cells) != 4 || cells[[2]bool{true, true}] != cells[[2]bool{false, false}] || cells[[2]bool{true, false}] != cells[[2]bool{false, true}] {
		t.Errorf("%d records, by validity × plausibility %v; want at least 40, balanced", len(recs), cells)
	}
	findings, read := Audit(recs, logic.Traditional)
	if len(findings) != 0 {
		t.Errorf("the engine disagrees with %d labels: %+v", len(findings), findings)
	}
	if read < 30 || read == len(recs) {
		t.Errorf("%d of %d records read; want most, and some free paraphrases it cannot read", read, len(recs))
	}
	t.Logf("%d of %d records in the controlled English", read, len(recs))
}

func TestAuditFindsWrongLabel(t *testing.T) {
	findings, read := Audit(readDataset(t, "wrong-label.jsonl"), logic.Traditional)
	if read != 2 || len(findings) != 1 || findings[0].ID != "w1" || findings[0].Label != question.No || findings[0].Engine != question.Yes ||
		!strings.Contains(findings[0].Why, "cannot all be true") {
		t.Fatalf("read %d, findings %+v; want w1 labelled no where the engine proves yes", read, findings)
	}
	// A wrong "valid" label gets a countermodel.
	recs := []semeval.Record{{ID: "x", Syllogism: "All dogs are animals. All cats are animals. All cats are dogs.", Validity: true, Plausibility: false}}
	findings, _ = Audit(recs, logic.Traditional)
	if len(findings) != 1 || !strings.Contains(findings[0].Why, "countermodel") || !strings.Contains(findings[0].Why, "[not dog, animal, cat]") {
		t.Errorf("findings %+v; want a countermodel with a cat that is an animal and not a dog", findings)
	}
}

func TestDatasetProbe(t *testing.T) {
	recs := readDataset(t, "handwritten.json")
	p := Dataset(recs)
	cfg := DefaultConfig()
	cs, err := p.Cases(cfg)
	if err != nil {
		t.Fatal(err)
	}
	if len(cs) != len(recs) || cs[0].ID != "dataset/vp01" || cs[0].Item.ConclusionText != "All dogs are animals." ||
		len(cs[0].Item.PremiseText) != 2 || cs[0].Item.Expected != question.Yes || cs[0].Item.Meta.ConclusionTrue == nil {
		t.Fatalf("cases %d, first %+v", len(cs), cs[0].Item)
	}
}
