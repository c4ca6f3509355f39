package main

import (
	"bytes"
	"encoding/json"
	"net/http"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"
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

func TestServe(t *testing.T) {
	stopServing = make(chan struct{})
	defer func() { stopServing = nil }()
	var stdout, stderr syncBuffer
	done := make(chan error, 1)
	go func() { done <- run(&stdout, &stderr, []string{"serve", "-addr", "127.0.0.1:0"}) }()

	var url string
	for deadline := time.Now().Add(10 * time.Second); url == "" && time.Now().Before(deadline); time.Sleep(5 * time.Millisecond) {
		url = regexp.MustCompile(`http://[0-9.:]+/v1`).FindString(stdout.String())
	}
	if url == "" {
		t.Fatalf("serve printed no address: %q %q", stdout.String(), stderr.String())
	}
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
	close(stopServing)
	if err := <-done; err != nil {
		t.Fatalf("serve: %v", err)
	}
	if !strings.Contains(stderr.String(), "GET /v1/models") {
		t.Errorf("no request logged: %q", stderr.String())
	}
	if !strings.Contains(stdout.String(), "stopped") {
		t.Errorf("serve did not say it stopped: %q", stdout.String())
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
