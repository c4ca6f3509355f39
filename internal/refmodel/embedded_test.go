package refmodel

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/syllobench/syllobench/internal/model"
)

// serverGoroutines returns the stacks of goroutines of a net/http server.
func serverGoroutines() []string {
	buf := make([]byte, 1<<20)
	buf = buf[:runtime.Stack(buf, true)]
	var out []string
	for _, g := range strings.Split(string(buf), "\n\n") {
		if strings.Contains(g, "net/http.(*Server).Serve(") || strings.Contains(g, "net/http.(*conn).serve(") ||
			strings.Contains(g, "refmodel.Start.func") {
			out = append(out, g)
		}
	}
	return out
}

func TestEmbeddedStartClose(t *testing.T) {
	before := len(serverGoroutines())
	t0 := time.Now()
	e, err := Start(testReasoners())
	if err != nil {
		t.Fatal(err)
	}
	started := time.Since(t0)
	t.Logf("started in %v at %s", started, e.URL())
	if started > time.Second {
		t.Errorf("Start took %v", started)
	}
	if !strings.HasPrefix(e.URL(), "http://127.0.0.1:") || !strings.HasSuffix(e.URL(), "/v1") {
		t.Errorf("URL() = %q, want http://127.0.0.1:<port>/v1", e.URL())
	}

	// Leave a few idle keep-alive connections and one stream behind.
	c := newClient(t, e, func(cfg *model.Config) { cfg.Concurrency = 4 })
	done := make(chan error, 8)
	for range 8 {
		go func() {
			_, err := c.Complete(context.Background(), c.Config().NewRequest(model.Message{Role: "user", Content: "hi"}))
			done <- err
		}()
	}
	for range 8 {
		if err := <-done; err != nil {
			t.Fatal(err)
		}
	}
	if len(serverGoroutines()) <= before {
		t.Fatal("no server goroutines while serving: the leak check would be vacuous")
	}

	if err := e.Close(); err != nil {
		t.Fatalf("Close: %v", err)
	}
	if err := e.Close(); err != nil {
		t.Errorf("second Close: %v", err)
	}
	deadline := time.Now().Add(2 * time.Second)
	for len(serverGoroutines()) > before && time.Now().Before(deadline) {
		time.Sleep(5 * time.Millisecond)
	}
	if g := serverGoroutines(); len(g) > before {
		t.Errorf("%d server goroutines left after Close:\n%s", len(g)-before, strings.Join(g, "\n\n"))
	}
	if resp, err := http.Get(e.URL() + "/models"); err == nil {
		resp.Body.Close()
		t.Error("the server still answers after Close")
	}
}

func TestEmbeddedCloseWaitsForRequests(t *testing.T) {
	e, err := Start(testReasoners(), WithFaults(Faults{Latency: 100 * time.Millisecond}))
	if err != nil {
		t.Fatal(err)
	}
	c := newClient(t, e, func(cfg *model.Config) { cfg.Retries = 0 })
	done := make(chan error, 1)
	go func() {
		_, err := c.Complete(context.Background(), c.Config().NewRequest(model.Message{Role: "user", Content: "hi"}))
		done <- err
	}()
	for e.Stats().Requests == 0 {
		time.Sleep(time.Millisecond)
	}
	if err := e.Close(); err != nil {
		t.Fatalf("Close: %v", err)
	}
	if err := <-done; err != nil {
		t.Errorf("the request in flight at Close failed: %v", err)
	}
}

// trickle sends addr the header of a chat completion request, then its
// body a byte every 20ms (2 seconds in all), and returns how long the
// server took to close the connection and what it answered. It fails the
// test if the connection is still open after limit.
func trickle(t *testing.T, addr string, limit time.Duration) (time.Duration, string) {
	t.Helper()
	conn, err := net.Dial("tcp", addr)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	body := `{"model":"ref-echo","messages":[{"role":"user","content":"` + strings.Repeat("hi ", 25) + `"}]}`
	start := time.Now()
	fmt.Fprintf(conn, "POST /v1/chat/completions HTTP/1.1\r\nHost: %s\r\nContent-Type: application/json\r\nContent-Length: %d\r\n\r\n", addr, len(body))
	stop := make(chan struct{})
	defer close(stop)
	go func() {
		for i := range len(body) {
			select {
			case <-stop:
				return
			case <-time.After(20 * time.Millisecond):
			}
			if _, err := conn.Write([]byte{body[i]}); err != nil {
				return
			}
		}
	}()
	conn.SetReadDeadline(start.Add(limit))
	got, err := io.ReadAll(conn)
	if ne, ok := errors.AsType[net.Error](err); ok && ne.Timeout() {
		t.Fatalf("the server kept a connection whose body trickled in open for %v (answered %q)", limit, got)
	}
	// Any other error (a reset) is a closed connection too.
	return time.Since(start), string(got)
}

// idleClosed sends addr a GET /v1/models on a keep-alive connection,
// reads the answer, and returns how long the server then took to close
// the idle connection. It fails the test if the connection is still open
// after limit.
func idleClosed(t *testing.T, addr string, limit time.Duration) time.Duration {
	t.Helper()
	conn, err := net.Dial("tcp", addr)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	fmt.Fprintf(conn, "GET /v1/models HTTP/1.1\r\nHost: %s\r\n\r\n", addr)
	br := bufio.NewReader(conn)
	resp, err := http.ReadResponse(br, nil)
	if err != nil {
		t.Fatal(err)
	}
	io.Copy(io.Discard, resp.Body)
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK || resp.Close {
		t.Fatalf("GET /v1/models: %s, close %v; want 200 on a kept-alive connection", resp.Status, resp.Close)
	}
	start := time.Now()
	conn.SetReadDeadline(start.Add(limit))
	if _, err := br.ReadByte(); err == nil {
		t.Fatal("the server sent more than its answer")
	} else if ne, ok := errors.AsType[net.Error](err); ok && ne.Timeout() {
		t.Fatalf("the server kept an idle keep-alive connection open for %v", limit)
	}
	return time.Since(start)
}

// addrOf returns the host:port of e.
func addrOf(e *Embedded) string {
	return strings.TrimSuffix(strings.TrimPrefix(e.URL(), "http://"), "/v1")
}

// A request whose body trickles in slower than the read timeout gets a
// 408, and its connection is closed.
func TestEmbeddedSlowBody(t *testing.T) {
	const read = 200 * time.Millisecond
	e := start(t, WithTimeouts(Timeouts{Read: read}))
	took, got := trickle(t, addrOf(e), time.Second)
	if took < read/2 {
		t.Errorf("closed after %v, well before the read timeout of %v", took, read)
	}
	if !strings.HasPrefix(got, "HTTP/1.1 408 ") || !strings.Contains(got, "request_timeout") {
		t.Errorf("answered %q, want a 408", got)
	}
}

// A keep-alive connection left idle is closed after the idle timeout.
func TestEmbeddedIdleTimeout(t *testing.T) {
	const idle = 200 * time.Millisecond
	e := start(t, WithTimeouts(Timeouts{Idle: idle}))
	if took := idleClosed(t, addrOf(e), time.Second); took < idle/2 {
		t.Errorf("closed after %v, well before the idle timeout of %v", took, idle)
	}
}

// The read timeout bounds the reading of a request, not the answer: a
// request whose latency is longer than the read timeout is answered, and
// one whose answer takes longer is still under the write timeout, which
// the injected latency lengthens.
func TestEmbeddedTimeoutsLeaveLatency(t *testing.T) {
	e := start(t, WithTimeouts(Timeouts{Read: 100 * time.Millisecond, Write: 100 * time.Millisecond}),
		WithFaults(Faults{Latency: 300 * time.Millisecond}))
	c := newClient(t, e, func(cfg *model.Config) { cfg.Retries = 0 })
	if _, err := c.Complete(context.Background(), c.Config().NewRequest(model.Message{Role: "user", Content: "hi"})); err != nil {
		t.Fatalf("a request with a latency over the read and write timeouts: %v", err)
	}
	if s := e.Stats(); s.OK != 1 || s.Canceled != 0 {
		t.Errorf("stats %+v, want one OK and none canceled", s)
	}
}

// NewServer sets every timeout, defaults where none is given, and adds
// the injected delays to the write timeout.
func TestNewServerTimeouts(t *testing.T) {
	srv := NewServer(NewHandler(testReasoners()))
	if srv.ReadHeaderTimeout != 10*time.Second || srv.ReadTimeout != 30*time.Second || srv.WriteTimeout != time.Minute || srv.IdleTimeout != 2*time.Minute {
		t.Errorf("default timeouts: read header %v, read %v, write %v, idle %v; want 10s, 30s, 1m, 2m",
			srv.ReadHeaderTimeout, srv.ReadTimeout, srv.WriteTimeout, srv.IdleTimeout)
	}
	srv = NewServer(NewHandler(testReasoners(), WithTimeouts(Timeouts{Read: time.Second, Write: 2 * time.Second}),
		WithFaults(Faults{Latency: 3 * time.Second, RateStall: 0.1, Stall: 4 * time.Second})))
	if srv.ReadHeaderTimeout != 10*time.Second || srv.ReadTimeout != time.Second || srv.WriteTimeout != 9*time.Second {
		t.Errorf("read header %v, read %v, write %v; want 10s, 1s, 9s (2s + 3s of latency + 4s of stall)", srv.ReadHeaderTimeout, srv.ReadTimeout, srv.WriteTimeout)
	}
}
