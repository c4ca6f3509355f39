package model

import (
	"compress/gzip"
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"sync/atomic"
	"testing"
	"time"
)

// countingTransport is net/http's transport, which inflates a gzip body
// it asked for, counting the bytes of the response bodies that the client
// reads from it: the inflated bytes, as the caller sees them.
type countingTransport struct {
	base http.RoundTripper
	read atomic.Int64
}

func (t *countingTransport) RoundTrip(r *http.Request) (*http.Response, error) {
	resp, err := t.base.RoundTrip(r)
	if err == nil {
		resp.Body = &countingBody{ReadCloser: resp.Body, n: &t.read}
	}
	return resp, err
}

type countingBody struct {
	io.ReadCloser
	n *atomic.Int64
}

func (b *countingBody) Read(p []byte) (int, error) {
	n, err := b.ReadCloser.Read(p)
	b.n.Add(int64(n))
	return n, err
}

// endless serves, without holding it, a chat completion whose content is
// size bytes of "a", gzip-compressed when compress is set and announcing
// its length when declare is set; it counts the bytes that it managed to
// write (before compression) and closes done when it stops.
type endless struct {
	code              int
	size              int64
	compress, declare bool
	written           atomic.Int64
	done              chan struct{}
}

const (
	endlessHead = `{"id":"x","object":"chat.completion","choices":[{"index":0,"finish_reason":"stop","message":{"role":"assistant","content":"`
	endlessTail = `"}}]}`
)

func (e *endless) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	defer close(e.done)
	w.Header().Set("Content-Type", "application/json")
	var out io.Writer = w
	if e.compress {
		w.Header().Set("Content-Encoding", "gzip")
		gz := gzip.NewWriter(w)
		defer gz.Close()
		out = gz
	}
	if e.declare {
		w.Header().Set("Content-Length", strconv.FormatInt(e.size+int64(len(endlessHead)+len(endlessTail)), 10))
	}
	w.WriteHeader(e.code)
	write := func(p []byte) bool {
		n, err := out.Write(p)
		e.written.Add(int64(n))
		return err == nil
	}
	if !write([]byte(endlessHead)) {
		return
	}
	chunk := []byte(strings.Repeat("a", 64<<10))
	for left := e.size; left > 0; left -= int64(len(chunk)) {
		if !write(chunk[:min(int64(len(chunk)), left)]) {
			return
		}
	}
	write([]byte(endlessTail))
}

// TestClientBoundsReply: a reply longer than Config.MaxReplyBytes, as
// sent or once inflated, is an infrastructure error naming the limit and
// its variable, is not retried, returns none of itself, and is not read
// much past the limit; the connection is closed rather than drained.
func TestClientBoundsReply(t *testing.T) {
	const limit = DefaultMaxReplyBytes
	tests := []struct {
		name   string
		serve  *endless
		reason string
	}{
		{"50MB", &endless{code: 200, size: 50e6}, "a body generated without end"},
		{"50MB/content-length", &endless{code: 200, size: 50e6, declare: true}, "refused on its Content-Length, before it is read"},
		{"gzip-100MB", &endless{code: 200, size: 100e6, compress: true},
			"about 100 KB compressed, far under the limit: only the inflated bytes count"},
		{"503-50MB", &endless{code: 503, size: 50e6}, "the body of an error status, which go-openai reads whole"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e := tt.serve
			e.done = make(chan struct{})
			s := &script{steps: []http.HandlerFunc{e.ServeHTTP, yes}}
			tr := &countingTransport{base: http.DefaultTransport.(*http.Transport).Clone()}
			c, err := NewClient(testConfig(serve(t, s).URL), WithHTTPClient(&http.Client{Transport: tr}))
			if err != nil {
				t.Fatal(err)
			}
			resp, err := c.Complete(context.Background(), request())
			ie := wantInfraError(t, err, fmt.Sprintf("longer than %d bytes, the most the client reads (SYLLOBENCH_MAX_REPLY_BYTES", limit))
			if !errors.Is(err, ErrReplyTooLarge) || ie.StatusCode != e.code {
				t.Errorf("error %v (HTTP %d); want ErrReplyTooLarge with HTTP %d", err, ie.StatusCode, e.code)
			}
			if resp != (Response{}) || s.calls.Load() != 1 || ie.Attempts != 1 {
				t.Errorf("%d bytes of text after %d calls, %d attempts; want nothing of the reply, after one call: not retried (%s)",
					len(resp.Text), s.calls.Load(), ie.Attempts, tt.reason)
			}
			select {
			case <-e.done:
			case <-time.After(10 * time.Second):
				t.Fatal("the server is still writing 10 s after the client gave up: the connection was not closed")
			}
			// The client reads at most one byte past the limit; the server
			// writes no more than the kernel's socket buffers hold past it.
			total := e.size + int64(len(endlessHead)+len(endlessTail))
			if n := tr.read.Load(); n > limit+1 {
				t.Errorf("the client read %d bytes of the body, more than the limit of %d and a byte (%s)", n, limit, tt.reason)
			}
			if n := e.written.Load(); n >= total {
				t.Errorf("the server wrote the whole body, %d bytes: the client read or drained it all (%s)", n, tt.reason)
			}
			t.Logf("the client read %d bytes (inflated) of %d; the server wrote %d", tr.read.Load(), total, e.written.Load())
			// The connection was closed, the client is not: the next
			// request has its answer.
			if resp, err := c.Complete(context.Background(), request()); err != nil || resp.Text != "Yes" {
				t.Errorf("a normal reply after the huge one: %q, %v", resp.Text, err)
			}
		})
	}
	t.Run("models", func(t *testing.T) {
		e := &endless{code: 200, size: 50e6, done: make(chan struct{})}
		c, _ := newTestClient(t, nil, e.ServeHTTP)
		_, err := c.Models(context.Background())
		if !errors.Is(err, ErrInfrastructure) || !errors.Is(err, ErrReplyTooLarge) || !strings.Contains(err.Error(), "SYLLOBENCH_MAX_REPLY_BYTES") {
			t.Errorf("Models of a huge list: %v; want an infrastructure error naming SYLLOBENCH_MAX_REPLY_BYTES", err)
		}
	})
}

// TestClientReplyLimitIsExact: a reply of exactly MaxReplyBytes is read,
// one byte longer is refused, plain or compressed.
func TestClientReplyLimitIsExact(t *testing.T) {
	body := completion{text: "Answer: yes", prompt: 3, completion: 2}.JSON()
	for _, compress := range []bool{false, true} {
		serveBody := func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Type", "application/json")
			if !compress {
				w.Write(body)
				return
			}
			w.Header().Set("Content-Encoding", "gzip")
			gz := gzip.NewWriter(w)
			gz.Write(body)
			gz.Close()
		}
		for _, tc := range []struct {
			limit int64
			ok    bool
		}{{int64(len(body)), true}, {int64(len(body)) - 1, false}} {
			t.Run(fmt.Sprintf("gzip=%v/limit=%d", compress, tc.limit), func(t *testing.T) {
				c, _ := newTestClient(t, func(c *Config) { c.MaxReplyBytes = tc.limit }, serveBody)
				resp, err := c.Complete(context.Background(), request())
				switch {
				case tc.ok && (err != nil || resp.Text != "Answer: yes"):
					t.Errorf("a body of %d bytes with a limit of %d: %q, %v; want it read", len(body), tc.limit, resp.Text, err)
				case !tc.ok && !errors.Is(err, ErrReplyTooLarge):
					t.Errorf("a body of %d bytes with a limit of %d: %q, %v; want ErrReplyTooLarge", len(body), tc.limit, resp.Text, err)
				}
			})
		}
	}
}

// recorder is a server that must not be reached: it records whether it
// received a request, and any Authorization header.
type recorder struct {
	*httptest.Server
	requests atomic.Int64
	auth     atomic.Value // string
}

func newRecorder(t *testing.T) *recorder {
	rec := &recorder{}
	rec.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		rec.requests.Add(1)
		rec.auth.Store(r.Header.Get("Authorization"))
		yes(w, r)
	}))
	t.Cleanup(rec.Close)
	return rec
}

func (rec *recorder) check(t *testing.T) {
	t.Helper()
	if n := rec.requests.Load(); n != 0 {
		auth, _ := rec.auth.Load().(string)
		t.Errorf("the server on the other origin received %d requests, the last with Authorization %q; want none", n, auth)
	}
}

// redirectTo answers 307 with Location: location (a 307 keeps the POST
// and its body).
func redirectTo(location string) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, location, http.StatusTemporaryRedirect)
	}
}

// TestClientRefusesCrossOriginRedirect: a redirect to another scheme,
// port or host is refused before the request goes there, with an error
// naming both URLs without their credentials. net/http itself would carry
// the Authorization header to the same host name on any port and scheme.
func TestClientRefusesCrossOriginRedirect(t *testing.T) {
	const key = "sk-REDIRECT-SENTINEL-5b3f"
	t.Run("https-to-http-other-port", func(t *testing.T) {
		other := newRecorder(t)
		to := other.URL + "/v1/chat/completions"
		s := &script{steps: []http.HandlerFunc{redirectTo(to)}}
		tlsSrv := httptest.NewTLSServer(s)
		t.Cleanup(tlsSrv.Close)
		// A password in the base URL, which the error must not show.
		base := strings.Replace(tlsSrv.URL, "https://", "https://user:hunter2-secret@", 1)
		cfg := testConfig(base).WithAPIKey(key)
		// The test server's client trusts its certificate; NewClient
		// copies it with the check of redirects.
		c, err := NewClient(cfg, WithHTTPClient(tlsSrv.Client()))
		if err != nil {
			t.Fatal(err)
		}
		_, err = c.Complete(context.Background(), request())
		other.check(t)
		from := strings.Replace(tlsSrv.URL, "https://", "https://user:xxxxx@", 1) + "/v1/chat/completions"
		wantInfraError(t, err, "refused the redirect from "+from+" to "+to+": it leads to another origin")
		if s.calls.Load() != 1 {
			t.Errorf("%d calls to the first server, want 1: a refused redirect is not retried", s.calls.Load())
		}
		for _, secret := range []string{key, "hunter2-secret"} {
			if strings.Contains(fmt.Sprintf("%v %+v %#v", err, err, err), secret) {
				t.Errorf("the error shows the secret %q: %v", secret, err)
			}
		}
	})
	// The client NewClient makes itself, as in production.
	for _, tc := range []struct{ name, to string }{
		{"http-same-host-other-port", "{other}/v1/chat/completions"},
		{"http-other-host", "http://localhost:{port}/v1/chat/completions"},
		{"http-to-https", "https://127.0.0.1:{port}/v1/chat/completions"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			other := newRecorder(t)
			s := &script{steps: []http.HandlerFunc{nil}}
			srv := serve(t, s)
			port := strconv.Itoa(srv.Listener.Addr().(*net.TCPAddr).Port)
			to := strings.NewReplacer("{other}", other.URL, "{port}", port).Replace(tc.to)
			s.steps[0] = redirectTo(to)
			c, err := NewClient(testConfig(srv.URL).WithAPIKey(key))
			if err != nil {
				t.Fatal(err)
			}
			_, err = c.Complete(context.Background(), request())
			other.check(t)
			wantInfraError(t, err, "refused the redirect from "+srv.URL+"/v1/chat/completions to "+to)
			if s.calls.Load() != 1 {
				t.Errorf("%d calls to the first server, want 1: a refused redirect is neither followed nor retried", s.calls.Load())
			}
		})
	}
}

// TestClientFollowsSameOriginRedirect: a redirect within the origin of
// the base URL is followed, the POST and its key with it.
func TestClientFollowsSameOriginRedirect(t *testing.T) {
	var auth atomic.Value
	mux := http.NewServeMux()
	mux.HandleFunc("/v1/chat/completions", redirectTo("/v2/chat/completions"))
	mux.HandleFunc("/v2/chat/completions", func(w http.ResponseWriter, r *http.Request) {
		auth.Store(r.Header.Get("Authorization"))
		yes(w, r)
	})
	c, err := NewClient(testConfig(serve(t, mux).URL).WithAPIKey("sk-same-origin"))
	if err != nil {
		t.Fatal(err)
	}
	resp, err := c.Complete(context.Background(), request())
	if err != nil || resp.Text != "Yes" {
		t.Fatalf("%q, %v; want the redirect within the origin followed", resp.Text, err)
	}
	if got, _ := auth.Load().(string); got != "Bearer sk-same-origin" {
		t.Errorf("Authorization %q at the redirect's target, want the key", got)
	}
}

func TestOrigin(t *testing.T) {
	for _, tc := range []struct {
		a, b string
		same bool
	}{
		{"http://h/v1", "http://h:80/v2", true},
		{"https://H:443/v1", "https://h/x", true},
		{"http://h/v1", "https://h/v1", false},
		{"http://h:8080/", "http://h:8081/", false},
		{"http://h/", "http://h.evil/", false},
		{"http://user:pw@h/", "http://h/", true},
	} {
		a, _ := http.NewRequest("GET", tc.a, nil)
		b, _ := http.NewRequest("GET", tc.b, nil)
		if got := origin(a.URL) == origin(b.URL); got != tc.same {
			t.Errorf("%s and %s: same origin %v, want %v", tc.a, tc.b, got, tc.same)
		}
	}
}
