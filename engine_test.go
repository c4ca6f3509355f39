package syllobench

import (
	"bytes"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/syllobench/syllobench/internal/refmodel"
)

// go test and syllobench run ask exactly the same items, the committed
// fuzz cases included: what one records, the other replays with no miss,
// and both write the same scorecard, byte for byte.
func TestRunAndGoTestAskTheSame(t *testing.T) {
	endToEnd(t)
	t.Parallel()
	bin := buildCLI(t)
	scorecard := func(dir string) string {
		b, err := os.ReadFile(filepath.Join(dir, "scorecard.json"))
		if err != nil {
			t.Fatal(err)
		}
		return string(b)
	}
	cliRun := func(vars ...string) (string, error) {
		cmd := exec.Command(bin, "run", "-model", "ref-belief")
		cmd.Env = cleanEnviron(append(vars, "SYLLOBENCH_SIZE=small")...)
		b, err := cmd.CombinedOutput()
		return string(b), err
	}
	battery := "^(TestReasoning|FuzzContentBias)$"

	t.Run("record-with-run-replay-with-go-test", func(t *testing.T) {
		fixtures, recorded, replayed := t.TempDir(), t.TempDir(), t.TempDir()
		if out, err := cliRun("SYLLOBENCH_MODE=record", "SYLLOBENCH_FIXTURES="+fixtures, "SYLLOBENCH_OUT="+recorded); err != nil {
			t.Fatalf("syllobench run: %v\n%s", err, tail(out))
		}
		out, _ := runChild(t, battery, "SYLLOBENCH_MODEL=ref-belief", "SYLLOBENCH_MODE=replay", "SYLLOBENCH_SIZE=small",
			"SYLLOBENCH_FIXTURES="+fixtures, "SYLLOBENCH_OUT="+replayed)
		if strings.Contains(out, "no recorded response") || strings.Contains(out, "infrastructure failure") || !strings.Contains(out, "--- FAIL: FuzzContentBias/e95dd0963441151e") {
			t.Errorf("go test's replay of what syllobench run recorded:\n%s", tail(out))
		}
		if a, b := scorecard(recorded), scorecard(replayed); a != b {
			t.Errorf("the scorecards of syllobench run and of go test's replay differ")
		}
	})
	t.Run("record-with-go-test-replay-with-run", func(t *testing.T) {
		fixtures, recorded, replayed := t.TempDir(), t.TempDir(), t.TempDir()
		runChild(t, battery, "SYLLOBENCH_MODEL=ref-belief", "SYLLOBENCH_MODE=record", "SYLLOBENCH_SIZE=small",
			"SYLLOBENCH_FIXTURES="+fixtures, "SYLLOBENCH_OUT="+recorded)
		if out, err := cliRun("SYLLOBENCH_MODE=replay", "SYLLOBENCH_FIXTURES="+fixtures, "SYLLOBENCH_OUT="+replayed); err != nil {
			t.Fatalf("syllobench run's replay of what go test recorded: %v\n%s", err, tail(out))
		}
		if a, b := scorecard(recorded), scorecard(replayed); a != b {
			t.Errorf("the scorecards of go test and of syllobench run's replay differ")
		}
	})
}

// A server that is down, refuses the key, does not serve the model or
// never answers ends go test at once, in one line that says what to do;
// requests that keep failing stop the run; and a deadline ends the run
// with its partial scorecard, never with go test's goroutine dump.
func TestGoTestAgainstABadServer(t *testing.T) {
	endToEnd(t)
	t.Parallel()
	handler := func(status int, body string) http.HandlerFunc {
		return func(w http.ResponseWriter, r *http.Request) {
			if strings.HasSuffix(r.URL.Path, "/models") && status == http.StatusOK {
				io.WriteString(w, `{"object":"list","data":[{"id":"a","object":"model"},{"id":"b","object":"model"}]}`)
				return
			}
			w.Header().Set("Content-Type", "application/json")
			w.WriteHeader(status)
			io.WriteString(w, body)
		}
	}
	serve := func(h http.Handler) string {
		srv := httptest.NewServer(h)
		t.Cleanup(srv.Close)
		return srv.URL + "/v1"
	}
	listsM := func(inner http.HandlerFunc) http.HandlerFunc {
		return func(w http.ResponseWriter, r *http.Request) {
			if strings.HasSuffix(r.URL.Path, "/models") {
				io.WriteString(w, `{"object":"list","data":[{"id":"m","object":"model"}]}`)
				return
			}
			inner(w, r)
		}
	}
	silent := serve(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { <-r.Context().Done() }))
	slow := serve(listsM(func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-time.After(300 * time.Millisecond):
		case <-r.Context().Done():
			return
		}
		io.WriteString(w, `{"choices":[{"message":{"role":"assistant","content":"Answer: true"},"finish_reason":"stop"}]}`)
	}))
	for _, tc := range []struct {
		name string
		vars []string
		want string
	}{
		{"down", []string{"SYLLOBENCH_BASE_URL=http://127.0.0.1:1/v1"}, "no server answers at http://127.0.0.1:1/v1"},
		{"refused-key", []string{"SYLLOBENCH_BASE_URL=" + serve(handler(401, `{"error":{"message":"bad key"}}`)), "SYLLOBENCH_API_KEY=sk-wrong-000000000"},
			"answered HTTP 401 (the key was refused): set SYLLOBENCH_API_KEY"},
		{"unknown-model", []string{"SYLLOBENCH_BASE_URL=" + serve(handler(200, "")), "SYLLOBENCH_MODEL=m"}, ""},
		{"never-answers", []string{"SYLLOBENCH_BASE_URL=" + silent, "SYLLOBENCH_TIMEOUT=1s"}, "accepted the connection but did not answer within 1s"},
		{"failing", []string{"SYLLOBENCH_BASE_URL=" + serve(listsM(handler(500, `{"error":{"message":"out of memory"}}`))), "SYLLOBENCH_RETRIES=0"},
			"the run stopped after 8 requests failed in a row (SYLLOBENCH_MAX_FAILURES); the last error: POST"},
		{"deadline", []string{"SYLLOBENCH_BASE_URL=" + slow, "SYLLOBENCH_CONCURRENCY=1", "SYLLOBENCH_DEADLINE=2s"},
			"the run reached its deadline of 2s"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			fixtures, out := t.TempDir(), t.TempDir()
			vars := append([]string{"SYLLOBENCH_MODEL=m", "SYLLOBENCH_MODE=record", "SYLLOBENCH_UPDATE=1", "SYLLOBENCH_SIZE=small",
				"SYLLOBENCH_FIXTURES=" + fixtures, "SYLLOBENCH_OUT=" + out}, tc.vars...)
			if tc.name == "unknown-model" {
				// The server lists a and b and answers 404 to m.
				vars = append(vars, "SYLLOBENCH_BASE_URL="+serve(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
					if strings.HasSuffix(r.URL.Path, "/models") {
						handler(200, "")(w, r)
						return
					}
					handler(404, `{"error":{"message":"model \"m\" not found"}}`)(w, r)
				})))
				tc.want = `does not serve the model "m" (HTTP 404); it serves a, b: set SYLLOBENCH_MODEL to one of them`
			}
			got, err := runChild(t, "^(TestReasoning|TestGate)$/^probe=chains$", vars...)
			if err == nil || !strings.Contains(got, tc.want) || strings.Contains(got, "goroutine ") || strings.Contains(got, "sk-wrong") {
				t.Errorf("error %v; want the output to say %q, with no goroutine dump and no key:\n%s", err, tc.want, tail(got))
			}
			if _, err := os.Stat(filepath.Join(fixtures, "m", "scorecard.json")); err == nil {
				t.Error("a baseline was written from a run that did not complete")
			}
			if tc.name == "deadline" {
				sc, err := os.ReadFile(filepath.Join(out, "scorecard.json"))
				if err != nil || !bytes.Contains(sc, []byte(`"outcome": "correct"`)) {
					t.Errorf("no partial scorecard after the deadline: %v", err)
				}
			}
		})
	}
}

// A replay takes its settings from the recorded scorecard; set to
// something else, the miss says which setting differs.
func TestReplayNamesTheDifferingSetting(t *testing.T) {
	endToEnd(t)
	t.Parallel()
	out, err := runChild(t, "^TestReasoning$/^probe=chains$", "SYLLOBENCH_MODEL=ref-belief", "SYLLOBENCH_MODE=replay")
	if err != nil || !strings.Contains(out, "size small") {
		t.Errorf("a replay with no settings: %v\n%s", err, tail(out))
	}
	out, err = runChild(t, "^TestReasoning$/^probe=chains$", "SYLLOBENCH_MODEL=ref-belief", "SYLLOBENCH_MODE=replay", "SYLLOBENCH_SIZE=default")
	if err == nil || !strings.Contains(out, "SYLLOBENCH_SIZE=default (recorded: small)") {
		t.Errorf("a replay at another size: %v\n%s", err, tail(out))
	}
}

// A passing run writes its scores where the user can read them.
func TestScoresAreWritten(t *testing.T) {
	endToEnd(t)
	t.Parallel()
	dir := t.TempDir()
	out, err := runChild(t, "^TestReasoning$/^probe=chains$", "SYLLOBENCH_SIZE=small", "SYLLOBENCH_OUT="+dir)
	summary, rerr := os.ReadFile(filepath.Join(dir, "summary.txt"))
	if err != nil || rerr != nil || !strings.Contains(string(summary), "chains            24  1.000") || !strings.Contains(out, filepath.Join(dir, "summary.txt")) {
		t.Errorf("run %v, summary %v:\n%s\n%s", err, rerr, summary, tail(out))
	}
}

// Two external models in one go test: each is the subtest
// model=<name>, its probes under it, with its own scorecard; the table
// of both is printed and written beside the report.
func TestGoTestSeveralModels(t *testing.T) {
	endToEnd(t)
	t.Parallel()
	e, err := refmodel.Start(refmodel.All())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { e.Close() })
	out := t.TempDir()
	got, err := runChild(t, "^(TestReasoning|FuzzContentBias)$", "SYLLOBENCH_BASE_URL="+e.URL(), "SYLLOBENCH_MODEL=ref-logic,ref-belief",
		"SYLLOBENCH_MODE=record", "SYLLOBENCH_FIXTURES="+t.TempDir(), "SYLLOBENCH_LIMIT=8", "SYLLOBENCH_OUT="+out)
	if err == nil {
		t.Errorf("go test passed with ref-belief among the models; want its failures")
	}
	for _, want := range []string{
		"--- PASS: TestReasoning/model=ref-logic/probe=validity",
		"--- FAIL: TestReasoning/model=ref-belief/probe=belief",
		"--- PASS: FuzzContentBias/seed#0/model=ref-logic",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("go test's output lacks %q:\n%s", want, tail(got))
		}
	}
	if !regexp.MustCompile(`(?m)^probe +ref-logic +ref-belief$`).MatchString(got) {
		t.Errorf("no side-by-side table:\n%s", tail(got))
	}

	// A model whose server is down fails its own subtest with the reason;
	// the others are asked.
	dead := httptest.NewServer(http.NotFoundHandler())
	deadURL := dead.URL + "/v1"
	dead.Close()
	models := filepath.Join(t.TempDir(), "models.txt")
	if err := os.WriteFile(models, []byte(e.URL()+" ref-logic\n"+deadURL+" ref-coin\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	got, err = runChild(t, "^TestReasoning$", "SYLLOBENCH_MODELS_FILE="+models, "SYLLOBENCH_MODE=live", "SYLLOBENCH_LIMIT=4")
	if err == nil || !strings.Contains(got, "--- PASS: TestReasoning/model=ref-logic/probe=validity") ||
		!strings.Contains(got, "--- FAIL: TestReasoning/model=ref-coin") || !strings.Contains(got, "no server answers at "+deadURL) {
		t.Errorf("go test with one of two servers down:\n%s", tail(got))
	}
	for _, f := range []string{"table.txt", "report.html", "ref-logic/scorecard.json", "ref-belief/scorecard.json"} {
		if _, err := os.Stat(filepath.Join(out, f)); err != nil {
			t.Errorf("go test wrote no %s: %v", f, err)
		}
	}
}
