package run

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/syllobench/syllobench/internal/model"
)

// errBusy is a server's failure, as the client returns it.
var errBusy = &model.InfraError{Op: "POST /v1/chat/completions", StatusCode: 500, Err: errors.New("busy")}

func failWith(err error) *fake {
	return &fake{answer: func(context.Context, model.Request) (model.Response, error) { return model.Response{}, err }}
}

// breakerSession returns a session at concurrency 1 whose every probe
// asks m behind a breaker of the given limit, as Open sets it up.
func breakerSession(t *testing.T, m model.Model, limit int) (*Session, *breaker) {
	st := smallSettings(t, "m")
	st.Model.Concurrency, st.MaxFailures = 1, limit
	s := newSession(t, st, nil)
	b := &breaker{inner: m, limit: limit, stop: s.cancel}
	s.modelFor = func(string) model.Model { return b }
	return s, b
}

// The breaker stops the session after MaxFailures requests failed in a
// row, with the last error; nothing more is sent.
func TestBreakerStopsAfterFailuresInARow(t *testing.T) {
	m := failWith(errBusy)
	s, _ := breakerSession(t, m, 3)
	a, rs, err := s.Probe(context.Background(), probe(t, "chains"))
	if err != nil {
		t.Fatal(err)
	}
	if n := m.calls.Load(); n != 3 {
		t.Errorf("%d requests sent; want 3, then none", n)
	}
	if a.Tally.Errors != len(rs) || a.Passed() || len(a.Failed()) != 0 {
		t.Errorf("tally %+v, failed %q; want every question an infrastructure error", a.Tally, a.Failed())
	}
	var stop *StopError
	if err := s.Stopped(); !errors.As(err, &stop) || !strings.Contains(stop.Reason, "3 requests failed in a row (SYLLOBENCH_MAX_FAILURES)") ||
		!errors.Is(err, errBusy) || !strings.Contains(err.Error(), "the last error: "+errBusy.Error()) {
		t.Errorf("Stopped() = %v; want a *StopError after 3 failures, with the last error", err)
	}
	// Another probe asks nothing: the run has stopped.
	if _, _, err := s.Probe(context.Background(), probe(t, "validity")); err != nil {
		t.Fatal(err)
	}
	if n := m.calls.Load(); n != 3 {
		t.Errorf("%d requests sent after the run stopped", n-3)
	}
}

// Only failures in a row count: an answer, or a question the model
// declined, starts the count again; a request the run abandoned is not
// the server's failure.
func TestBreakerCountsFailuresInARow(t *testing.T) {
	var mu sync.Mutex
	var script []error
	m := &fake{answer: func(ctx context.Context, _ model.Request) (model.Response, error) {
		mu.Lock()
		defer mu.Unlock()
		err := script[0]
		script = script[1:]
		if errors.Is(err, context.Canceled) {
			return model.Response{}, ctx.Err()
		}
		return model.Response{Text: "Answer: yes"}, err
	}}
	var stopped error
	b := &breaker{inner: m, limit: 3, stop: func(err error) { stopped = err }}
	declined := &model.DeclinedError{Reason: "not a syllogism"}
	cancelled, cancel := context.WithCancel(context.Background())
	cancel()
	for i, step := range []struct {
		ctx context.Context
		err error
	}{
		{context.Background(), errBusy}, {context.Background(), errBusy}, {context.Background(), nil},
		{context.Background(), errBusy}, {context.Background(), errBusy}, {context.Background(), declined},
		{context.Background(), errBusy}, {context.Background(), errBusy},
		{cancelled, context.Canceled}, {cancelled, context.Canceled}, {cancelled, context.Canceled},
	} {
		script = append(script, step.err)
		if _, err := b.Complete(step.ctx, model.Request{}); !errors.Is(err, step.err) {
			t.Fatalf("request %d: %v; want %v", i, err, step.err)
		}
		if stopped != nil {
			t.Fatalf("stopped after request %d, %d failures in a row at most: %v", i, 2, stopped)
		}
	}
	script = append(script, errBusy)
	b.Complete(context.Background(), model.Request{})
	var stop *StopError
	if !errors.As(stopped, &stop) || !strings.Contains(stop.Reason, "3 requests failed in a row") {
		t.Errorf("the third failure in a row: stopped %v", stopped)
	}
}

// A refused key stops the run at once: no later request would be
// accepted either.
func TestBreakerStopsAtOnceOnARefusedKey(t *testing.T) {
	for _, status := range []int{http.StatusUnauthorized, http.StatusForbidden} {
		refused := &model.InfraError{Op: "POST /v1/chat/completions", StatusCode: status, Err: errors.New("invalid key")}
		m := failWith(refused)
		s, b := breakerSession(t, m, 8)
		if _, _, err := s.Probe(context.Background(), probe(t, "chains")); err != nil {
			t.Fatal(err)
		}
		if n := m.calls.Load(); n != 1 {
			t.Errorf("HTTP %d: %d requests sent; want the first alone", status, n)
		}
		var stop *StopError
		if err := s.Stopped(); !errors.As(err, &stop) || stop.Last != refused ||
			!strings.Contains(stop.Reason, fmt.Sprintf("the server refused the key (HTTP %d); set SYLLOBENCH_API_KEY", status)) {
			t.Errorf("HTTP %d: Stopped() = %v", status, err)
		}
		// What the breaker answers once tripped says why.
		_, err := b.Complete(context.Background(), model.Request{})
		if !errors.Is(err, model.ErrInfrastructure) || !errors.As(err, &stop) || m.calls.Load() != 1 {
			t.Errorf("HTTP %d: a request after the trip: %v", status, err)
		}
	}
}

// The session stops at its deadline, with a *StopError that says so;
// what was in flight is abandoned.
func TestDeadlineStopsTheRun(t *testing.T) {
	hang := &fake{answer: func(ctx context.Context, _ model.Request) (model.Response, error) {
		<-ctx.Done()
		return model.Response{}, &model.InfraError{Op: "POST", Err: ctx.Err()}
	}}
	st := smallSettings(t, "m")
	st.Deadline = 50 * time.Millisecond
	s := newSession(t, st, func(string) model.Model { return hang })
	start := time.Now()
	a, _, err := s.Probe(context.Background(), probe(t, "chains"))
	if err != nil {
		t.Fatal(err)
	}
	if d := time.Since(start); d > 10*time.Second {
		t.Errorf("the probe ended %v after a deadline of 50ms", d)
	}
	if a.Tally.Errors != a.Tally.N {
		t.Errorf("tally %+v; want every question abandoned", a.Tally)
	}
	var stop *StopError
	if err := s.Stopped(); !errors.As(err, &stop) || !strings.Contains(stop.Reason, "deadline of 50ms") {
		t.Errorf("Stopped() = %v; want the deadline", err)
	}
	// A session without a deadline, whose caller gives up, has not stopped.
	s = newSession(t, smallSettings(t, "m"), func(string) model.Model { return hang })
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Millisecond)
	defer cancel()
	s.Probe(ctx, probe(t, "chains"))
	if err := s.Stopped(); err != nil {
		t.Errorf("a probe whose context ended: Stopped() = %v", err)
	}
}

// target is an OpenAI-compatible server that lists models and answers
// chat requests with status (200: "Answer: yes"). It counts the chat
// requests.
func target(t *testing.T, models []string, listStatus, chatStatus int) (url string, chats *atomic.Int64) {
	chats = &atomic.Int64{}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		status := chatStatus
		if strings.HasSuffix(r.URL.Path, "/models") {
			status = listStatus
		} else {
			chats.Add(1)
		}
		if status != http.StatusOK {
			w.WriteHeader(status)
			fmt.Fprintf(w, `{"error":{"message":"status %d","type":"invalid_request_error"}}`, status)
			return
		}
		if strings.HasSuffix(r.URL.Path, "/models") {
			var data []string
			for _, m := range models {
				data = append(data, fmt.Sprintf(`{"id":%q,"object":"model","created":0,"owned_by":"test"}`, m))
			}
			fmt.Fprintf(w, `{"object":"list","data":[%s]}`, strings.Join(data, ","))
			return
		}
		fmt.Fprint(w, `{"choices":[{"message":{"role":"assistant","content":"Answer: yes"},"finish_reason":"stop"}]}`)
	}))
	t.Cleanup(srv.Close)
	return srv.URL + "/v1", chats
}

// openExternal opens a live run of the model m at url.
func openExternal(t *testing.T, url string, extra map[string]string) (*Session, error) {
	t.Helper()
	vars := map[string]string{
		"SYLLOBENCH_BASE_URL": url, "SYLLOBENCH_MODEL": "m", "SYLLOBENCH_MODE": "live", "SYLLOBENCH_RETRIES": "0",
		"SYLLOBENCH_CONCURRENCY": "1", "SYLLOBENCH_SIZE": "small", "SYLLOBENCH_FIXTURES": t.TempDir(),
	}
	for k, v := range extra {
		vars[k] = v
	}
	settings, err := Load(Source{Getenv: env(vars), Environ: []string{}})
	if err != nil {
		t.Fatal(err)
	}
	s, err := Open(context.Background(), settings)
	if err == nil {
		t.Cleanup(func() { s.Close() })
	}
	return s, err
}

// Open puts the breaker between the run and an external target.
func TestOpenStopsWhenRequestsKeepFailing(t *testing.T) {
	for _, tc := range []struct {
		status int
		sent   int64
		reason string
	}{
		{http.StatusInternalServerError, 2, "2 requests failed in a row"},
		{http.StatusUnauthorized, 1, "the server refused the key (HTTP 401)"},
	} {
		url, chats := target(t, []string{"m"}, http.StatusOK, tc.status)
		s, err := openExternal(t, url, map[string]string{"SYLLOBENCH_MAX_FAILURES": "2"})
		if err != nil {
			t.Fatal(err)
		}
		a, _, err := s.Probe(context.Background(), probe(t, "chains"))
		if err != nil {
			t.Fatal(err)
		}
		if n := chats.Load(); n != tc.sent || a.Tally.Errors != a.Tally.N {
			t.Errorf("HTTP %d: %d chat requests, tally %+v; want %d, then none", tc.status, n, a.Tally, tc.sent)
		}
		if err := s.Stopped(); err == nil || !strings.Contains(err.Error(), tc.reason) {
			t.Errorf("HTTP %d: Stopped() = %v; want %q", tc.status, err, tc.reason)
		}
	}
}

// Open checks an external target first: a server that is down, refuses
// the key or does not serve the model ends the run at once, in one line
// that names the URL without its password and says what to do.
func TestOpenChecksTheTarget(t *testing.T) {
	ok, _ := target(t, []string{"m"}, http.StatusOK, http.StatusOK)
	if _, err := openExternal(t, ok, nil); err != nil {
		t.Errorf("a server that serves the model: %v", err)
	}
	// llama.cpp's server lists no model by the name asked, and answers
	// to any name: it is asked one question.
	unlisted, chats := target(t, []string{"other"}, http.StatusOK, http.StatusOK)
	if _, err := openExternal(t, unlisted, nil); err != nil || chats.Load() != 1 {
		t.Errorf("a server that does not list the model but answers: %v, %d questions", err, chats.Load())
	}
	t.Run("no-model-list", func(t *testing.T) {
		// A server that cannot list its models (GET /models: 404) is
		// asked one question too.
		unlisted, chats := target(t, nil, http.StatusNotFound, http.StatusOK)
		if _, err := openExternal(t, unlisted, nil); err != nil || chats.Load() != 1 {
			t.Errorf("a server that cannot list its models but answers: %v, %d questions", err, chats.Load())
		}
	})

	refused, _ := target(t, []string{"m"}, http.StatusUnauthorized, http.StatusUnauthorized)
	for _, tc := range []struct {
		url   string
		extra map[string]string
		want  []string
	}{
		{refused, nil, []string{"the server at " + refused + " answered HTTP 401 (no key was sent)", "SYLLOBENCH_API_KEY"}},
		{refused, map[string]string{"SYLLOBENCH_API_KEY": "sk-sentinel"}, []string{"answered HTTP 401 (the key was refused)"}},
		{func() string { u, _ := target(t, []string{"a", "b"}, http.StatusOK, http.StatusNotFound); return u }(), nil,
			[]string{`does not serve the model "m" (HTTP 404); it serves a, b: set SYLLOBENCH_MODEL`}},
		{strings.Replace(ok, "http://", "http://user:hunter2@", 1), nil, nil}, // fine, and the password never shown
		{"http://user:hunter2@127.0.0.1:1/v1", nil, []string{"no server answers at http://user:xxxxx@127.0.0.1:1/v1", "SYLLOBENCH_BASE_URL"}},
	} {
		_, err := openExternal(t, tc.url, tc.extra)
		if tc.want == nil {
			if err != nil {
				t.Errorf("%s: %v", tc.url, err)
			}
			continue
		}
		if err == nil {
			t.Errorf("%s: no error; want %q", tc.url, tc.want)
			continue
		}
		for _, w := range tc.want {
			if !strings.Contains(err.Error(), w) {
				t.Errorf("%s: %v; want it to say %q", tc.url, err, w)
			}
		}
		if strings.Contains(err.Error(), "hunter2") || strings.Contains(err.Error(), "sk-sentinel") || strings.Contains(err.Error(), "\n") {
			t.Errorf("%s: the error shows a secret or is more than one line: %v", tc.url, err)
		}
	}
}
