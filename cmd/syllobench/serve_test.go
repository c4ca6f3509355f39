package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/syllobench/syllobench/internal/refmodel"
)

// syncBuffer is a bytes.Buffer safe for the server's goroutines.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// startServe runs serve with args on a free port, and returns the base
// URL it prints and a function that stops it and returns its error.
func startServe(t *testing.T, stdout, stderr *syncBuffer, args ...string) (url string, stop func() error) {
	t.Helper()
	stopServing = make(chan struct{})
	done := make(chan error, 1)
	go func() { done <- run(stdout, stderr, append([]string{"serve", "-addr", "127.0.0.1:0"}, args...)) }()
	for deadline := time.Now().Add(10 * time.Second); url == "" && time.Now().Before(deadline); time.Sleep(5 * time.Millisecond) {
		url = regexp.MustCompile(`http://[0-9.:]+/v1`).FindString(stdout.String())
	}
	stopped := false
	stop = func() error {
		if stopped {
			return nil
		}
		stopped = true
		close(stopServing)
		err := <-done
		stopServing = nil
		return err
	}
	t.Cleanup(func() { stop() })
	if url == "" {
		t.Fatalf("serve printed no address: %q %q", stdout.String(), stderr.String())
	}
	return url, stop
}

func TestServe(t *testing.T) {
	var stdout, stderr syncBuffer
	url, stop := startServe(t, &stdout, &stderr)
	resp, err := http.Get(url + "/models")
	if err != nil {
		t.Fatal(err)
	}
	var list struct{ Data []struct{ ID string } }
	json.NewDecoder(resp.Body).Decode(&list)
	resp.Body.Close()
	if len(list.Data) < 6 || list.Data[0].ID == "" {
		t.Errorf("models: %+v", list)
	}
	if err := stop(); err != nil {
		t.Fatalf("serve: %v", err)
	}
	if !strings.Contains(stderr.String(), "GET /v1/models") {
		t.Errorf("no request logged: %q", stderr.String())
	}
	if !strings.Contains(stdout.String(), "stopped") {
		t.Errorf("serve did not say it stopped: %q", stdout.String())
	}
}

// TestServeTimeouts: serve closes a connection whose request body
// trickles in slower than its read timeout, and a keep-alive connection
// left idle longer than its idle timeout, and still answers a request
// whose -latency is longer than both.
func TestServeTimeouts(t *testing.T) {
	const read, idle = 200 * time.Millisecond, 200 * time.Millisecond
	serveTimeouts = refmodel.Timeouts{Read: read, Idle: idle}
	defer func() { serveTimeouts = refmodel.Timeouts{} }()
	var stdout, stderr syncBuffer
	url, stop := startServe(t, &stdout, &stderr, "-latency", "300ms")
	addr := strings.TrimSuffix(strings.TrimPrefix(url, "http://"), "/v1")

	t.Run("slow-body", func(t *testing.T) {
		conn, err := net.Dial("tcp", addr)
		if err != nil {
			t.Fatal(err)
		}
		defer conn.Close()
		body := `{"model":"ref-logic","messages":[{"role":"user","content":"` + strings.Repeat("hi ", 25) + `"}]}`
		start := time.Now()
		fmt.Fprintf(conn, "POST /v1/chat/completions HTTP/1.1\r\nHost: %s\r\nContent-Type: application/json\r\nContent-Length: %d\r\n\r\n", addr, len(body))
		quit := make(chan struct{})
		defer close(quit)
		go func() { // a byte every 20ms: 2 seconds in all
			for i := range len(body) {
				select {
				case <-quit:
					return
				case <-time.After(20 * time.Millisecond):
				}
				if _, err := conn.Write([]byte{body[i]}); err != nil {
					return
				}
			}
		}()
		conn.SetReadDeadline(start.Add(time.Second))
		got, err := io.ReadAll(conn)
		if ne, ok := errors.AsType[net.Error](err); ok && ne.Timeout() {
			t.Fatalf("serve kept a connection whose body trickled in open for 1s (answered %q)", got)
		}
		// The 408 says it was the read timeout that closed it (clocks of
		// client and server differ too much to check when, to the ms).
		if !strings.HasPrefix(string(got), "HTTP/1.1 408 ") {
			t.Errorf("answered %q, want a 408", got)
		}
	})

	t.Run("idle", func(t *testing.T) {
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
		conn.SetReadDeadline(start.Add(time.Second))
		if _, err := br.ReadByte(); err == nil {
			t.Fatal("serve sent more than its answer")
		} else if ne, ok := errors.AsType[net.Error](err); ok && ne.Timeout() {
			t.Fatal("serve kept an idle keep-alive connection open for 1s")
		}
		if took := time.Since(start); took < idle/2 {
			t.Errorf("closed after %v, well before the idle timeout of %v", took, idle)
		}
	})

	t.Run("latency", func(t *testing.T) {
		body := `{"model":"ref-logic","messages":[{"role":"user","content":"hi"}]}`
		resp, err := http.Post(url+"/chat/completions", "application/json", strings.NewReader(body))
		if err != nil {
			t.Fatal(err)
		}
		b, err := io.ReadAll(resp.Body)
		resp.Body.Close()
		if err != nil || resp.StatusCode == http.StatusRequestTimeout || resp.StatusCode >= 500 {
			t.Errorf("a request with a latency over the read timeout: %s %q, %v", resp.Status, b, err)
		}
	})

	if err := stop(); err != nil {
		t.Fatalf("serve: %v", err)
	}
}

func TestServeBadInput(t *testing.T) {
	for _, tc := range []struct {
		args    []string
		code    int
		mention string
	}{
		{[]string{"serve", "-fault-rate", "2"}, 2, "-fault-rate 2"},
		{[]string{"serve", "extra"}, 2, "extra"},
		{[]string{"serve", "-addr", "127.0.0.1:99999"}, 1, "99999"},
	} {
		err := run(new(bytes.Buffer), new(bytes.Buffer), tc.args)
		var msg bytes.Buffer
		if code := exitCode(err, &msg); code != tc.code || !strings.Contains(msg.String(), tc.mention) {
			t.Errorf("run %q: exit %d, message %q; want %d mentioning %q", tc.args, code, msg.String(), tc.code, tc.mention)
		}
	}
}
