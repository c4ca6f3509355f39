package hostile

import (
	"errors"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/syllobench/syllobench/internal/model"
	"github.com/syllobench/syllobench/internal/scorecard"
	"github.com/syllobench/syllobench/probes"
)

// TestHostileReplyLimit runs the sample through run.Load and run.Open
// with SYLLOBENCH_MAX_REPLY_BYTES under the size of the megabyte reply
// (which TestHostileReplies reads whole under the default limit): every
// question is an infrastructure error that names the limit and the
// variable, none is an answer, nothing is recorded, and the scorecard is
// written.
func TestHostileReplyLimit(t *testing.T) {
	t.Parallel()
	megabyte := hostileReplies[2]
	if megabyte.name != "one-megabyte" {
		t.Fatalf("hostileReplies[2] is %s, want one-megabyte", megabyte.name)
	}
	srv := newHostileServer(t, "hostile-model", always(megabyte))
	fixtures, out := t.TempDir(), t.TempDir()
	vars := map[string]string{
		"SYLLOBENCH_BASE_URL": srv.URL + "/v1", "SYLLOBENCH_MODEL": "hostile-model", "SYLLOBENCH_MODE": "record",
		"SYLLOBENCH_FIXTURES": fixtures, "SYLLOBENCH_OUT": out, "SYLLOBENCH_RETRIES": "2",
		"SYLLOBENCH_MAX_FAILURES": "1000", "SYLLOBENCH_MAX_REPLY_BYTES": "65536",
	}
	s, err := open(t, vars, true)
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, rs := range runSample(t, s) {
		for _, r := range rs {
			n++
			var ie *model.InfraError
			if r.Outcome != probes.Error || !errors.As(r.Err, &ie) || !errors.Is(r.Err, model.ErrReplyTooLarge) {
				t.Errorf("%s: outcome %s, error %v; want an infrastructure error for a reply over the limit", r.ID, r.Outcome, r.Err)
				continue
			}
			if msg := r.Err.Error(); !strings.Contains(msg, "longer than 65536 bytes") || !strings.Contains(msg, "SYLLOBENCH_MAX_REPLY_BYTES") {
				t.Errorf("%s: error %q; want it to name the limit and SYLLOBENCH_MAX_REPLY_BYTES", r.ID, msg)
			}
			if ie.Attempts != 1 {
				t.Errorf("%s: %d attempts; a reply over the limit is not retried", r.ID, ie.Attempts)
			}
		}
	}
	if got := srv.calls.Load(); got != int64(n) {
		t.Errorf("%d requests for %d questions; want one each, none retried", got, n)
	}
	if _, err := s.WriteOutputs(); err != nil {
		t.Fatalf("writing the scorecard: %v", err)
	}
	if err := s.Close(); err != nil {
		t.Fatalf("closing the session: %v", err)
	}
	sc, err := scorecard.ReadFile(filepath.Join(out, "scorecard.json"))
	if err != nil {
		t.Fatalf("rereading the scorecard: %v", err)
	}
	checkScorecard(t, sc, hostileReply{rule: ""})
	if entries := fixtureEntries(t, fixtures); len(entries) != 0 {
		t.Errorf("%d fixture entries recorded for replies over the limit; want none", len(entries))
	}
}

// TestHostileRedirect points SYLLOBENCH_BASE_URL, with a key, at a server
// that redirects every request to another port of the same host, where a
// server that would answer everything records what reaches it. run.Open
// fails, saying that the redirect was refused and naming both URLs, and
// the other server receives nothing: no request and no key.
func TestHostileRedirect(t *testing.T) {
	t.Parallel()
	const key = "sk-HOSTILE-REDIRECT-9e21c4"
	var reached atomic.Int64
	var auth atomic.Value
	other := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		reached.Add(1)
		auth.Store(r.Header.Get("Authorization"))
		if strings.HasSuffix(r.URL.Path, "/models") {
			writeModels(w, "hostile-model")
			return
		}
		writeCompletion(w, "hostile-model", `{"role":"assistant","content":"Answer: yes"}`, "stop")
	}))
	t.Cleanup(other.Close)
	redirector := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, other.URL+r.URL.Path, http.StatusTemporaryRedirect)
	}))
	t.Cleanup(redirector.Close)
	vars := map[string]string{
		"SYLLOBENCH_BASE_URL": redirector.URL + "/v1", "SYLLOBENCH_MODEL": "hostile-model", "SYLLOBENCH_MODE": "record",
		"SYLLOBENCH_FIXTURES": t.TempDir(), "SYLLOBENCH_OUT": t.TempDir(), "SYLLOBENCH_API_KEY": key,
	}
	s, err := open(t, vars, true)
	if err == nil {
		s.Close()
		t.Fatal("run.Open against a server that redirects to another origin: no error")
	}
	t.Logf("run.Open: %v", err)
	want := "refused the redirect from " + redirector.URL + "/v1/chat/completions to " + other.URL + "/v1/chat/completions"
	if !strings.Contains(err.Error(), want) {
		t.Errorf("run.Open: %v; want it to say %q", err, want)
	}
	if strings.Contains(err.Error(), key) {
		t.Errorf("run.Open: the error shows the key: %v", err)
	}
	if n := reached.Load(); n != 0 {
		a, _ := auth.Load().(string)
		t.Errorf("the server on the other origin received %d requests, the last with Authorization %q; want none", n, a)
	}
}
