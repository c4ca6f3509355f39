package scorecard

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func sample() *Scorecard {
	return &Scorecard{
		Format: Version, Suite: "0.1.0", Model: "ref-logic",
		Config: Config{Target: "embedded", Seed: 1, Size: "small", Format: "direct", Semantics: "traditional", MaxTokens: 1024, Floor: 0.95,
			Floors: map[string]float64{"chains": 0.8, "belief": 0.9}, BeliefLimit: 0.05, Alpha: 0.05},
		Probes: []Probe{{Name: "validity", N: 2, Correct: 1, Wrong: 1, Accuracy: 0.5, Interval: [2]float64{0.09, 0.91}, Failed: []string{""}}},
		Items: []Item{
			{ID: "validity/AAA-1/symbolic/0", Probe: "validity", Form: "AAA-1", Condition: "symbolic", Presentation: "canonical", Format: "direct",
				Kind: "validity", Expected: "yes", Verdict: "yes", Outcome: "correct", Rule: "last \"Answer:\" line", PromptHash: "ab", Key: "cd", Reply: "Answer: yes <b>"},
			{ID: "validity/AAA-2/nonce/1", Probe: "validity", Outcome: "error", Error: "connection refused"},
		},
	}
}

func TestRoundTrip(t *testing.T) {
	s := sample()
	var a, b bytes.Buffer
	if err := s.Encode(&a); err != nil {
		t.Fatal(err)
	}
	back, err := Decode(bytes.NewReader(a.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(s, back); diff != "" {
		t.Errorf("round trip (-want +got):\n%s", diff)
	}
	if err := back.Encode(&b); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a.Bytes(), b.Bytes()) {
		t.Error("encoding a decoded scorecard changed its bytes")
	}
	// Map keys are sorted and HTML is not escaped, so the bytes are stable and readable.
	if !strings.Contains(a.String(), `"belief": 0.9,`+"\n      \"chains\": 0.8") || !strings.Contains(a.String(), "<b>") {
		t.Errorf("unexpected encoding:\n%s", a.String())
	}
}

func TestDecodeErrors(t *testing.T) {
	for name, in := range map[string]string{
		"empty":         "",
		"truncated":     `{"syllobench_scorecard": 1, "model": "x"`,
		"other version": `{"syllobench_scorecard": 3}`,
		"version zero":  `{"syllobench_scorecard": 0}`,
		"no version":    `{"model": "x"}`,
		"unknown field": `{"syllobench_scorecard": 1, "extra": true}`,
		"trailing data": `{"syllobench_scorecard": 1} {}`,
		"not json":      "model: x",
	} {
		if _, err := Decode(strings.NewReader(in)); !errors.Is(err, ErrFormat) {
			t.Errorf("%s: error %v; want ErrFormat", name, err)
		}
	}
}

func TestWriteFile(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "scorecard.json")
	if err := sample().WriteFile(path); err != nil {
		t.Fatal(err)
	}
	back, err := ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(sample(), back); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		t.Errorf("%d files left in the directory; want only the scorecard", len(entries))
	}
	if err := sample().WriteFile(filepath.Join(dir, "missing", "scorecard.json")); err == nil || !strings.Contains(err.Error(), "missing") {
		t.Errorf("writing into a missing directory: %v; want an error naming the path", err)
	}
	if _, err := ReadFile(filepath.Join(dir, "nope.json")); err == nil {
		t.Error("reading a missing file gave no error")
	}
}

// A scorecard of format 1, written before items carried their index,
// labels and response codes, still reads: its items have none of them.
func TestReadFormat1(t *testing.T) {
	s, err := ReadFile(filepath.Join("testdata", "format1.json"))
	if err != nil {
		t.Fatal(err)
	}
	if s.Format != 1 || s.Model != "model-a" || len(s.Items) == 0 || len(s.Probes) == 0 {
		t.Fatalf("format %d, model %q, %d items, %d probes", s.Format, s.Model, len(s.Items), len(s.Probes))
	}
	for _, it := range s.Items {
		if it.Labels != nil || it.Responses != nil || it.Index != 0 {
			t.Fatalf("item %s of a format-1 scorecard has format-2 fields: %+v", it.ID, it)
		}
	}
}
