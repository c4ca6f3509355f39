package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/syllobench/syllobench/internal/scorecard"
	"github.com/syllobench/syllobench/internal/semeval"
)

var handwritten = filepath.Join("..", "..", "testdata", "semeval", "handwritten.json")

// datasetContent returns the content effect of a scorecard's dataset probe.
func datasetContent(t *testing.T, sc *scorecard.Scorecard) scorecard.ContentEffect {
	t.Helper()
	for _, e := range sc.ContentEffects {
		if e.Probe == "dataset" {
			return e
		}
	}
	t.Fatalf("%s: no content effect of the dataset in %+v", sc.Model, sc.ContentEffects)
	return scorecard.ContentEffect{}
}

// A SemEval-format dataset runs as the probe dataset through record,
// replay and the gate, against the reference reasoners: ref-logic has no
// content effect, ref-belief a large one, and a changed file is another
// run whose questions were never recorded.
func TestRunDataset(t *testing.T) {
	cleanEnv(t)
	dir := t.TempDir()
	t.Setenv("SYLLOBENCH_FIXTURES", filepath.Join(dir, "fixtures"))
	t.Setenv("SYLLOBENCH_MODE", "record")
	cards := map[string]*scorecard.Scorecard{}
	for _, m := range []string{"ref-logic", "ref-belief"} {
		var stdout, stderr bytes.Buffer
		if err := run(&stdout, &stderr, []string{"run", "-model", m, "-dataset", handwritten, "-probe", "dataset", "-out", filepath.Join(dir, m)}); err != nil {
			t.Fatalf("%s: %v\n%s", m, err, stderr.String())
		}
		sc, err := scorecard.ReadFile(filepath.Join(dir, m, "scorecard.json"))
		if err != nil {
			t.Fatal(err)
		}
		if len(sc.Probes) != 1 || sc.Probes[0].Name != "dataset" || sc.Probes[0].N != 44 || !strings.HasPrefix(sc.Config.Dataset, "sha256:") {
			t.Fatalf("%s: probes %+v, dataset %q", m, sc.Probes, sc.Config.Dataset)
		}
		if !strings.Contains(stdout.String(), "content effect (SemEval-2026 Task 11") {
			t.Errorf("%s: the summary does not show the content effect:\n%s", m, stdout.String())
		}
		cards[m] = sc
	}
	// The 8 free paraphrases are declined, and left out of the metrics.
	logic, belief := datasetContent(t, cards["ref-logic"]), datasetContent(t, cards["ref-belief"])
	if logic.TCE != 0 || logic.Accuracy != 100 || logic.LeftOut != 8 || logic.Counted != 36 {
		t.Errorf("ref-logic: %+v; want accuracy 100 and TCE 0 over the 36 it reads", logic)
	}
	if belief.TCE < 20 {
		t.Errorf("ref-belief: TCE %v; want one well above ref-logic's 0", belief.TCE)
	}
	if _, err := os.Stat(filepath.Join(dir, "fixtures", "ref-belief", "dataset.jsonl")); err != nil {
		t.Errorf("no fixture of the dataset: %v", err)
	}

	// Replayed, the same scorecard, byte for byte.
	t.Setenv("SYLLOBENCH_MODE", "replay")
	var stdout, stderr bytes.Buffer
	if err := run(&stdout, &stderr, []string{"run", "-model", "ref-belief", "-dataset", handwritten, "-probe", "dataset", "-out", filepath.Join(dir, "replay")}); err != nil {
		t.Fatalf("replay: %v\n%s", err, stderr.String())
	}
	recorded, _ := os.ReadFile(filepath.Join(dir, "ref-belief", "scorecard.json"))
	replayed, _ := os.ReadFile(filepath.Join(dir, "replay", "scorecard.json"))
	if !bytes.Equal(recorded, replayed) {
		t.Error("the replayed scorecard differs from the recorded one")
	}

	// The gate: the replay against the recording passes, with the
	// content effect beside it; ref-belief against ref-logic fails.
	stdout.Reset()
	if err := run(&stdout, &stderr, []string{"compare", filepath.Join(dir, "ref-belief", "scorecard.json"), filepath.Join(dir, "replay", "scorecard.json")}); err != nil {
		t.Errorf("gate of a replay against its recording: %v\n%s", err, stdout.String())
	}
	if !strings.Contains(stdout.String(), "on 36 paired validity questions about real things: TCE 38.89 → 38.89, change +0.00") {
		t.Errorf("compare does not show the content effect:\n%s", stdout.String())
	}
	stdout.Reset()
	if err := run(&stdout, &stderr, []string{"compare", filepath.Join(dir, "ref-logic", "scorecard.json"), filepath.Join(dir, "ref-belief", "scorecard.json")}); err == nil {
		t.Errorf("ref-belief gated against ref-logic passes:\n%s", stdout.String())
	}

	// A changed file is another run: its changed record was never asked.
	recs, _, err := semeval.ReadFile(handwritten)
	if err != nil {
		t.Fatal(err)
	}
	recs[0].Syllogism = "All mammals are animals. All cats are mammals. All cats are animals."
	var b bytes.Buffer
	if err := semeval.Write(&b, recs); err != nil {
		t.Fatal(err)
	}
	changed := filepath.Join(dir, "changed.json")
	if err := os.WriteFile(changed, b.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	stderr.Reset()
	err = run(&stdout, &stderr, []string{"run", "-model", "ref-belief", "-dataset", changed, "-probe", "dataset", "-out", filepath.Join(dir, "changed")})
	if err == nil || !strings.Contains(stderr.String()+err.Error(), "no recorded response") {
		t.Errorf("a changed dataset replayed: %v\n%s", err, stderr.String())
	}
	sc, err := scorecard.ReadFile(filepath.Join(dir, "changed", "scorecard.json"))
	if err != nil || sc.Config.Dataset == cards["ref-belief"].Config.Dataset {
		t.Errorf("the changed file's scorecard names dataset %q, the recording's %q (%v)", sc.Config.Dataset, cards["ref-belief"].Config.Dataset, err)
	}
}

// A bad dataset is a configuration error that names the file and the
// first bad record.
func TestRunDatasetBad(t *testing.T) {
	cleanEnv(t)
	bad := filepath.Join(t.TempDir(), "bad.jsonl")
	os.WriteFile(bad, []byte(`{"id": "1", "syllogism": "All A are B. All B are C.", "validity": true, "plausibility": true}`+"\n"+`{"id": "2", "syllogism": "All A are B."}`+"\n"), 0o644)
	var stdout, stderr bytes.Buffer
	err := run(&stdout, &stderr, []string{"run", "-model", "ref-logic", "-dataset", bad})
	if err == nil || !strings.Contains(err.Error(), "-dataset") || !strings.Contains(err.Error(), "bad.jsonl:2") {
		t.Errorf("run with a bad dataset: %v", err)
	}
}

// syllobench's own items, exported in the SemEval format and imported
// again, keep their labels, and ref-logic answers them all rightly with
// no content effect.
func TestSemEvalRoundTrip(t *testing.T) {
	cleanEnv(t)
	dir := t.TempDir()
	path := filepath.Join(dir, "export.json")
	var export, stderr bytes.Buffer
	for _, fam := range []string{"validity", "belief", "properties"} {
		var out bytes.Buffer
		if err := run(&out, &stderr, []string{"items", "-probe", fam, "-n", "40", "-semeval"}); err != nil {
			t.Fatalf("items -semeval %s: %v\n%s", fam, err, stderr.String())
		}
		recs, err := semeval.Parse(fam, out.Bytes())
		if err != nil {
			t.Fatal(err)
		}
		if export.Len() == 0 {
			export.Write(out.Bytes())
			continue
		}
		// One file of all three: parse, append, write.
		all, _ := semeval.Parse("so far", export.Bytes())
		export.Reset()
		semeval.Write(&export, append(all, recs...))
	}
	if err := os.WriteFile(path, export.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	recs, _, err := semeval.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	// The labels are the items' own: the audit finds none to dispute.
	var audit bytes.Buffer
	if err := run(&audit, &stderr, []string{"audit", path}); err != nil || !strings.Contains(audit.String(), "0 labels the engine disagrees with") {
		t.Fatalf("audit of the export: %v\n%s", err, audit.String())
	}
	var stdout bytes.Buffer
	if err := run(&stdout, &stderr, []string{"run", "-model", "ref-logic", "-dataset", path, "-probe", "dataset", "-out", filepath.Join(dir, "out")}); err != nil {
		t.Fatalf("run: %v\n%s", err, stderr.String())
	}
	sc, err := scorecard.ReadFile(filepath.Join(dir, "out", "scorecard.json"))
	if err != nil {
		t.Fatal(err)
	}
	e := datasetContent(t, sc)
	if e.Counted != len(recs) || e.Accuracy != 100 || e.TCE != 0 || e.Score != 100 {
		t.Errorf("ref-logic on %d exported records: %+v; want all counted, accuracy 100, TCE 0", len(recs), e)
	}
}

// audit lists the deliberately wrong label of the test file with the
// engine's proof; a bad file is a usage error.
func TestAudit(t *testing.T) {
	var stdout, stderr bytes.Buffer
	path := filepath.Join("..", "..", "testdata", "semeval", "wrong-label.jsonl")
	if err := run(&stdout, &stderr, []string{"audit", path}); err != nil {
		t.Fatal(err)
	}
	out := stdout.String()
	if !strings.Contains(out, "3 records, 2 in the controlled English") || !strings.Contains(out, "w1: labelled invalid, the engine says valid (entailed)") ||
		!strings.Contains(out, "cannot all be true") || strings.Contains(out, "w2:") {
		t.Errorf("audit printed:\n%s", out)
	}
	stdout.Reset()
	if err := run(&stdout, &stderr, []string{"audit", "-json", path}); err != nil || strings.Count(stdout.String(), "\n") != 1 || !strings.Contains(stdout.String(), `"id":"w1"`) {
		t.Errorf("audit -json: %v\n%s", err, stdout.String())
	}
	if code := exitCode(run(&stdout, &stderr, []string{"audit", filepath.Join(t.TempDir(), "missing.json")}), &stderr); code != 2 {
		t.Errorf("audit of a missing file exits %d, want 2", code)
	}
}
