package main

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/syllobench/syllobench/internal/junit"
	"github.com/syllobench/syllobench/internal/refmodel"
	"github.com/syllobench/syllobench/internal/scorecard"
	"github.com/syllobench/syllobench/probes"
)

// cleanEnv unsets every syllobench variable for the test, so that a run
// configured for a real model does not leak into these tests.
func cleanEnv(t *testing.T) {
	for _, kv := range os.Environ() {
		if k, _, _ := strings.Cut(kv, "="); strings.HasPrefix(k, "SYLLOBENCH_") || k == "OPENAI_API_KEY" {
			t.Setenv(k, "")
		}
	}
}

// With no configuration, run puts every reference reasoner through the
// battery and writes one scorecard each, the table and the report.
func TestRunReferenceReasoners(t *testing.T) {
	cleanEnv(t)
	out := t.TempDir()
	var stdout, stderr bytes.Buffer
	if err := run(&stdout, &stderr, []string{"run", "-size", "small", "-out", out}); err != nil {
		t.Fatalf("run: %v\n%s", err, stderr.String())
	}
	// Every probe's questions at the small size, counted from the
	// catalogue, and then the content-bias seed corpus, as go test asks it.
	cfg := probes.DefaultConfig()
	cfg.Size = probes.Small
	questions := 0
	for _, p := range probes.All() {
		cs, err := p.Cases(cfg)
		if err != nil {
			t.Fatal(err)
		}
		questions += len(cs)
	}
	last := len(probes.All())
	for _, m := range refmodel.Names() {
		sc, err := scorecard.ReadFile(filepath.Join(out, m, "scorecard.json"))
		if err != nil {
			t.Fatal(err)
		}
		if sc.Model != m || len(sc.Probes) != last+1 || sc.Probes[last].Name != "content-bias" || len(sc.ContentPairs) == 0 || sc.Config.Size != "small" {
			t.Errorf("%s: scorecard of %s with %d probes and %d content pairs at size %s", m, sc.Model, len(sc.Probes), len(sc.ContentPairs), sc.Config.Size)
		}
		if m == "ref-human" {
			// ref-human answers only the conclusions probe's choice
			// questions; it declines every question of the others.
			for _, p := range sc.Probes[:last] {
				if na := p.Name != "conclusions"; (p.NotApplicable == p.N) != na || p.N == 0 || na && p.Accuracy != 0 || !na && p.Passed {
					t.Errorf("ref-human, probe %s: %d of %d not applicable, accuracy %.2f, passed %t; want all not applicable except conclusions, which fails",
						p.Name, p.NotApplicable, p.N, p.Accuracy, p.Passed)
				}
			}
		}
		// Each item of the content pairs is asked once.
		n := questions + sc.Probes[last].N
		if want := fmt.Sprintf("%s: %d/%d items in ", m, n, n); !strings.Contains(stderr.String(), want) {
			t.Errorf("no final progress line %q for %s:\n%s", want, m, stderr.String())
		}
	}
	table, err := os.ReadFile(filepath.Join(out, "table.txt"))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(stdout.String(), string(table)) || !strings.Contains(string(table), "ref-atmosphere") {
		t.Errorf("the table is not printed, or lacks a model:\n%s", stdout.String())
	}
	if info, err := os.Stat(filepath.Join(out, "report.html")); err != nil || info.Size() == 0 {
		t.Errorf("report.html: %v", err)
	}
}

func TestRunOneModel(t *testing.T) {
	cleanEnv(t)
	out := t.TempDir()
	var stdout, stderr bytes.Buffer
	err := run(&stdout, &stderr, []string{"run", "-model", "ref-belief", "-size", "small", "-probe", "belief,chains", "-out", out})
	if err != nil {
		t.Fatalf("run: %v\n%s", err, stderr.String())
	}
	sc, err := scorecard.ReadFile(filepath.Join(out, "scorecard.json"))
	if err != nil {
		t.Fatal(err)
	}
	if len(sc.Probes) != 2 || sc.Probes[0].Name != "belief" || sc.Probes[0].Passed || !sc.Probes[1].Passed {
		t.Errorf("probes %+v; want belief failed and chains passed", sc.Probes)
	}
	// A run that completed exits 0 whatever the scores; its summary says how it went.
	if !strings.Contains(stdout.String(), "belief") || !strings.Contains(stdout.String(), "FAIL") {
		t.Errorf("summary:\n%s", stdout.String())
	}
}

func TestRunGate(t *testing.T) {
	cleanEnv(t)
	t.Setenv("SYLLOBENCH_FIXTURES", filepath.Join("..", "..", "fixtures"))
	var stdout, stderr bytes.Buffer
	err := run(&stdout, &stderr, []string{"run", "-model", "ref-atmosphere", "-size", "small", "-baseline", "ref-logic", "-gate", "-out", t.TempDir()})
	if err == nil || !strings.Contains(err.Error(), "ref-atmosphere fails the gate against ref-logic") ||
		!strings.Contains(stdout.String(), "right → wrong") {
		t.Errorf("error %v; output:\n%s", err, stdout.String())
	}
}

func TestRunBadInput(t *testing.T) {
	cleanEnv(t)
	for _, tc := range []struct {
		args  []string
		usage bool
		want  string
	}{
		{[]string{"-probe", "validity,nope"}, true, `unknown probe "nope"`},
		{[]string{"extra"}, true, "flags only"},
		{[]string{"-size", "huge"}, true, `-size "huge": want small, default or large`},
		{[]string{"-model", "gpt-9"}, true, `-model "gpt-9": want a built-in reasoner`},
	} {
		var stdout, stderr bytes.Buffer
		err := run(&stdout, &stderr, append([]string{"run", "-out", t.TempDir()}, tc.args...))
		if err == nil || errors.As(err, new(usageError)) != tc.usage || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("run %q: error %v; want a usage error %v saying %q", tc.args, err, tc.usage, tc.want)
		}
	}
}

// A server that is not there ends the run at once, in one line naming
// the URL and what to do, before any question is asked.
func TestRunNoServer(t *testing.T) {
	cleanEnv(t)
	t.Setenv("SYLLOBENCH_BASE_URL", "http://127.0.0.1:1/v1")
	t.Setenv("SYLLOBENCH_FIXTURES", t.TempDir())
	out := t.TempDir()
	var stdout, stderr bytes.Buffer
	err := run(&stdout, &stderr, []string{"run", "-model", "m", "-size", "small", "-probe", "chains", "-out", out})
	if err == nil || !strings.Contains(err.Error(), "no server answers at http://127.0.0.1:1/v1") || strings.Count(err.Error(), "\n") > 0 {
		t.Errorf("error %v; want one line saying no server answers at the URL", err)
	}
	if _, err := os.Stat(filepath.Join(out, "scorecard.json")); err == nil {
		t.Error("a scorecard was written for a run that asked nothing")
	}
}

// Requests that keep failing are the infrastructure's: the run stops after
// SYLLOBENCH_MAX_FAILURES of them in a row, says why with the last error,
// exits non-zero, and the scorecard still holds every item, as errors.
func TestRunInfrastructureFailure(t *testing.T) {
	cleanEnv(t)
	var asked atomic.Int64
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if strings.HasSuffix(r.URL.Path, "/models") {
			io.WriteString(w, `{"object":"list","data":[{"id":"m","object":"model"}]}`)
			return
		}
		asked.Add(1)
		http.Error(w, `{"error":{"message":"the GPU is on fire"}}`, http.StatusInternalServerError)
	}))
	defer srv.Close()
	t.Setenv("SYLLOBENCH_BASE_URL", srv.URL+"/v1")
	t.Setenv("SYLLOBENCH_RETRIES", "0")
	t.Setenv("SYLLOBENCH_CONCURRENCY", "1")
	t.Setenv("SYLLOBENCH_FIXTURES", t.TempDir())
	out := t.TempDir()
	var stdout, stderr bytes.Buffer
	err := run(&stdout, &stderr, []string{"run", "-model", "m", "-size", "small", "-probe", "chains", "-out", out})
	if err == nil || !strings.Contains(err.Error(), "the run stopped after 8 requests failed in a row") || !strings.Contains(err.Error(), "the GPU is on fire") {
		t.Errorf("error %v", err)
	}
	if n := asked.Load(); n != 8 {
		t.Errorf("%d requests reached the server; want the run to stop after 8", n)
	}
	sc, err := scorecard.ReadFile(filepath.Join(out, "scorecard.json"))
	if err != nil || len(sc.Items) != 24 || sc.Probes[0].Errors != 24 || sc.Probes[0].Wrong != 0 {
		t.Errorf("scorecard %v: %+v", err, sc)
	}
}

// A key the server refuses stops the run at the first question.
func TestRunRefusedKey(t *testing.T) {
	cleanEnv(t)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		http.Error(w, `{"error":{"message":"invalid api key"}}`, http.StatusUnauthorized)
	}))
	defer srv.Close()
	t.Setenv("SYLLOBENCH_BASE_URL", srv.URL+"/v1")
	t.Setenv("SYLLOBENCH_API_KEY", "sk-wrong-0123456789")
	t.Setenv("SYLLOBENCH_FIXTURES", t.TempDir())
	var stdout, stderr bytes.Buffer
	err := run(&stdout, &stderr, []string{"run", "-model", "m", "-size", "small", "-out", t.TempDir()})
	if err == nil || !strings.Contains(err.Error(), "answered HTTP 401 (the key was refused)") || strings.Contains(err.Error(), "sk-wrong") {
		t.Errorf("error %v", err)
	}
}

// -gate exits as go test would: against a baseline, only a regression
// fails, so an imperfect model gated against itself passes; without one,
// a probe below its pass marks fails.
func TestRunGateDecidesAsGoTest(t *testing.T) {
	cleanEnv(t)
	t.Setenv("SYLLOBENCH_FIXTURES", filepath.Join("..", "..", "fixtures"))
	for _, tc := range []struct {
		args []string
		fail string // "" when the run passes
	}{
		{[]string{"-model", "ref-atmosphere", "-baseline", "ref-atmosphere"}, ""},
		{[]string{"-model", "ref-belief", "-probe", "chains"}, ""},
		{[]string{"-model", "ref-belief", "-probe", "chains,belief"}, "ref-belief fails belief"},
	} {
		var stdout, stderr bytes.Buffer
		err := run(&stdout, &stderr, append([]string{"run", "-size", "small", "-gate", "-out", t.TempDir()}, tc.args...))
		if tc.fail == "" && err != nil || tc.fail != "" && (err == nil || !strings.Contains(err.Error(), tc.fail)) {
			t.Errorf("run -gate %q: error %v; want %q", tc.args, err, tc.fail)
		}
	}
}

// Two external models in one run: a list on one server, and a models file
// naming two servers. Each gets its fixtures, scorecard and summary; the
// table shows them side by side, and the report holds both.
func TestRunSeveralExternalModels(t *testing.T) {
	cleanEnv(t)
	e, err := refmodel.Start(refmodel.All())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { e.Close() })
	other, err := refmodel.Start(refmodel.All())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { other.Close() })
	modelsFile := filepath.Join(t.TempDir(), "models.txt")
	if err := os.WriteFile(modelsFile, []byte("# two servers\n"+e.URL()+" ref-logic\n"+other.URL()+" ref-belief\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, args := range [][]string{
		{"-base-url", e.URL(), "-model", "ref-logic,ref-belief"},
		{"-models-file", modelsFile},
	} {
		t.Run(strings.Join(args[:1], ""), func(t *testing.T) {
			out, fixtures := t.TempDir(), t.TempDir()
			t.Setenv("SYLLOBENCH_FIXTURES", fixtures)
			var stdout, stderr bytes.Buffer
			err := run(&stdout, &stderr, append([]string{"run", "-limit", "8", "-out", out}, args...))
			if err != nil {
				t.Fatalf("run: %v\n%s", err, stderr.String())
			}
			header := regexp.MustCompile(`(?m)^probe +ref-logic +ref-belief$`)
			if !header.MatchString(stdout.String()) {
				t.Errorf("no side-by-side table of ref-logic and ref-belief:\n%s", stdout.String())
			}
			for _, m := range []string{"ref-logic", "ref-belief"} {
				sc, err := scorecard.ReadFile(filepath.Join(out, m, "scorecard.json"))
				if err != nil {
					t.Fatal(err)
				}
				if sc.Model != m || sc.Config.Target != "external" || len(sc.Items) == 0 {
					t.Errorf("%s's scorecard: model %s, target %s, %d items", m, sc.Model, sc.Config.Target, len(sc.Items))
				}
				if files, _ := filepath.Glob(filepath.Join(fixtures, m, "*.jsonl")); len(files) == 0 {
					t.Errorf("no fixtures recorded for %s", m)
				}
			}
			page, err := os.ReadFile(filepath.Join(out, "report.html"))
			if err != nil || !bytes.Contains(page, []byte("ref-logic")) || !bytes.Contains(page, []byte("ref-belief")) {
				t.Errorf("the report does not hold both models (%v)", err)
			}
		})
	}
}

// run -junit writes JUnit XML in the shape CI systems read, a case per
// check with the counterexamples in the failures; -summary writes the
// Markdown table and the comparison with the baseline, and is appended
// to $GITHUB_STEP_SUMMARY when that is set.
func TestRunJUnitAndSummary(t *testing.T) {
	cleanEnv(t)
	t.Setenv("SYLLOBENCH_FIXTURES", filepath.Join("..", "..", "fixtures"))
	dir := t.TempDir()
	stepSummary := filepath.Join(dir, "step-summary.md")
	if err := os.WriteFile(stepSummary, []byte("# an earlier step\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	t.Setenv("GITHUB_STEP_SUMMARY", stepSummary)
	xmlPath := filepath.Join(dir, "junit.xml")
	for _, tc := range []struct {
		args     []string
		failures bool // the JUnit cases fail: no baseline, so the pass marks are enforced
	}{
		{[]string{"-model", "ref-belief", "-size", "small"}, true},
		{[]string{"-model", "ref-atmosphere", "-size", "small", "-baseline", "ref-logic"}, false},
	} {
		var stdout, stderr bytes.Buffer
		err := run(&stdout, &stderr, append([]string{"run", "-out", t.TempDir(), "-junit", xmlPath}, tc.args...))
		if err != nil {
			t.Fatalf("run %q: %v\n%s", tc.args, err, stderr.String())
		}
		doc, err := os.ReadFile(xmlPath)
		if err != nil {
			t.Fatal(err)
		}
		if err := junit.Validate(doc); err != nil {
			t.Fatalf("run %q -junit: not the JUnit shape: %v", tc.args, err)
		}
		suites, err := junit.Read(doc)
		if err != nil {
			t.Fatal(err)
		}
		failed, gateCases, withCounterexample := 0, 0, 0
		for _, c := range suites[0].Cases {
			if c.Class == "gate" {
				gateCases++
			}
			if c.Failure != "" {
				failed++
				if strings.Contains(c.Failure, "expected:") && strings.Contains(c.Failure, "reply:") {
					withCounterexample++
				}
			}
		}
		switch {
		case tc.failures && (failed == 0 || withCounterexample == 0):
			t.Errorf("run %q: %d failed cases, %d with a counterexample; want the failed checks, with their counterexamples", tc.args, failed, withCounterexample)
		case !tc.failures && (gateCases == 0 || failed == 0):
			t.Errorf("run %q: %d gate cases, %d failed; want the gate's probes, the regressions failed", tc.args, gateCases, failed)
		}
	}
	summary, err := os.ReadFile(stepSummary)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"# an earlier step\n", "## syllobench " + probes.Version + ": ref-belief\n", "| probe | ref-belief |\n", "| validity | 0.600 [0.474, 0.714] **FAIL** |", "**syllobench gate ❌ fails**: `ref-atmosphere` against baseline `ref-logic`"} {
		if !strings.Contains(string(summary), want) {
			t.Errorf("the step summary lacks %q:\n%s", want, summary)
		}
	}
}

// A model of several whose server is down is skipped, saying so: the
// others are asked and shown side by side, and the run fails.
func TestRunSeveralModelsOneDown(t *testing.T) {
	cleanEnv(t)
	e, err := refmodel.Start(refmodel.All())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { e.Close() })
	dead := httptest.NewServer(http.NotFoundHandler())
	deadURL := dead.URL + "/v1"
	dead.Close()
	modelsFile := filepath.Join(t.TempDir(), "models.txt")
	lines := e.URL() + " ref-logic\n" + deadURL + " ref-coin\n" + e.URL() + " ref-belief\n"
	if err := os.WriteFile(modelsFile, []byte(lines), 0o644); err != nil {
		t.Fatal(err)
	}
	t.Setenv("SYLLOBENCH_FIXTURES", t.TempDir())
	out := t.TempDir()
	var stdout, stderr bytes.Buffer
	err = run(&stdout, &stderr, []string{"run", "-models-file", modelsFile, "-limit", "4", "-out", out})
	if err == nil || !strings.Contains(err.Error(), "no server answers at "+deadURL) {
		t.Errorf("error %v; want the run to fail naming the dead server", err)
	}
	if !strings.Contains(stderr.String(), "syllobench: skipping ref-coin: no server answers") {
		t.Errorf("stderr does not say ref-coin was skipped:\n%s", stderr.String())
	}
	if !regexp.MustCompile(`(?m)^probe +ref-logic +ref-belief$`).MatchString(stdout.String()) {
		t.Errorf("no table of the two models that were asked:\n%s", stdout.String())
	}
	if _, err := os.Stat(filepath.Join(out, "report.html")); err != nil {
		t.Errorf("no report: %v", err)
	}
}
