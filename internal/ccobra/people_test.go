package ccobra

import (
	"crypto/sha256"
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/syllobench/syllobench/internal/forms"
)

// The task and response coding, checked against rows of Ragni2016.csv
// coded by hand with the figures of CCOBRA's README (1 = a-b, b-c;
// 2 = b-a, c-b; 3 = a-b, c-b; 4 = b-a, b-c).
func TestEncodeRows(t *testing.T) {
	for _, c := range []struct{ task, resp, pair, code string }{
		// participant 1, row 1: middle term "models" is the subject of both: figure 4.
		{"Some;models;managers/All;models;clerks", "Some;managers;clerks", "IA4", "Iac"},
		// row 2: "carpenters" is the predicate of both: figure 3; a = divers.
		{"No;divers;carpenters/All;linguists;carpenters", "No;divers;linguists", "EA3", "Eac"},
		// row 3: therapists is subject of the first, predicate of the second: figure 2; a = climbers.
		{"All;therapists;climbers/Some;skaters;therapists", "Some;skaters;climbers", "AI2", "Ica"},
		// row 4: golfers is the predicate, then the subject: figure 1.
		{"All;bankers;golfers/All;golfers;teachers", "All;bankers;teachers", "AA1", "Aac"},
		{"Some not;a;b/No;b;c", "NVC", "OE1", "NVC"},
		{"Some not;b;a/No;b;c", "Some not;c;a", "OE4", "Oca"},
	} {
		p, a, err := encodeTask(c.task)
		if err != nil || p.ID() != c.pair {
			t.Errorf("encodeTask(%q) = %s, %v; want %s", c.task, p.ID(), err, c.pair)
			continue
		}
		r, err := encodeResponse(c.resp, a)
		if err != nil || r.String() != c.code {
			t.Errorf("encodeResponse(%q) on %s = %v, %v; want %s", c.resp, c.pair, r, err, c.code)
		}
	}
	for _, bad := range []string{"All;a;b", "All;a;b/All;c;d", "Many;a;b/All;b;c", "All;a;b/All;a;b"} {
		if _, _, err := encodeTask(bad); err == nil {
			t.Errorf("encodeTask(%q) accepted", bad)
		}
	}
	if _, err := encodeResponse("All;x;y", "a"); err == nil {
		t.Error("a response over other terms was accepted")
	}
}

func TestPairIndex(t *testing.T) {
	for i, p := range forms.Pairs() {
		if PairIndex(p) != i {
			t.Fatalf("PairIndex(%s) = %d, want %d", p.ID(), PairIndex(p), i)
		}
	}
}

func TestLoad(t *testing.T) {
	d, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	for i, p := range forms.Pairs() {
		// Every one of the 139 participants answered every pair once.
		if n := d.Ragni.Total(i); n != 139 {
			t.Errorf("Ragni %s: %d answers, want 139", p.ID(), n)
		}
		sum := 0.0
		for _, v := range d.Khemlani[i] {
			sum += v
		}
		if sum < 85 || sum > 100.0001 {
			t.Errorf("Khemlani %s: percentages sum to %.2f", p.ID(), sum)
		}
		for _, th := range Theories {
			if len(d.Predictions[th][i]) == 0 {
				t.Errorf("%s predicts nothing for %s", th, p.ID())
			}
		}
	}
	// Hand-checked against the files: AI2 in khemlani2012.csv and MMT.csv.
	p, _ := forms.ParsePair("AI2")
	ai2 := PairIndex(p)
	if got := d.Khemlani[ai2][forms.Ica]; fmt.Sprintf("%.4f", got) != "70.5128" {
		t.Errorf("Khemlani AI2 Ica = %v, want 70.51282051", got)
	}
	if got := fmt.Sprint(d.Predictions["MMT"][0]); got != "[Aac Aca Ica]" {
		t.Errorf("MMT AA1 = %s", got)
	}
}

// The copies must stay exactly as published: PROVENANCE.md records each
// file's SHA-256, and this checks the files against it.
func TestProvenance(t *testing.T) {
	prov, err := os.ReadFile("data/PROVENANCE.md")
	if err != nil {
		t.Fatal(err)
	}
	entries, err := peopleFiles.ReadDir("data")
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		b, _ := peopleFiles.ReadFile("data/" + e.Name())
		sum := fmt.Sprintf("%x", sha256.Sum256(b))
		if !strings.Contains(string(prov), sum+"  "+e.Name()) {
			t.Errorf("PROVENANCE.md does not record %s with SHA-256 %s", e.Name(), sum)
		}
	}
	if !strings.Contains(string(prov), "MIT License") {
		t.Error("PROVENANCE.md lacks the MIT licence text of CCOBRA")
	}
}
