package refmodel

import (
	"context"
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
