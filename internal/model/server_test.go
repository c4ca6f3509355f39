package model

import (
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"sync/atomic"
	"testing"
	"time"
)

// testConfig returns a configuration for a test server at url, with
// delays small enough for tests.
func testConfig(url string) Config {
	c := DefaultConfig()
	c.BaseURL = url + "/v1"
	c.Model = "test-model"
	c.Timeout = 5 * time.Second
	c.Retries = 3
	c.BaseDelay = time.Millisecond
	c.MaxDelay = 20 * time.Millisecond
	return c
}

// script serves the steps in turn, one per request, repeating the last.
type script struct {
	steps []http.HandlerFunc
	calls atomic.Int64
}

func (s *script) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	i := int(s.calls.Add(1)) - 1
	s.steps[min(i, len(s.steps)-1)](w, r)
}

// serve starts a test server for h, closed when the test ends.
func serve(t testing.TB, h http.Handler) *httptest.Server {
	t.Helper()
	srv := httptest.NewServer(h)
	t.Cleanup(srv.Close)
	return srv
}

// newTestClient serves steps and returns a client for them, its config
// edited by edit, and the script that counts the calls.
func newTestClient(t testing.TB, edit func(*Config), steps ...http.HandlerFunc) (*Client, *script) {
	t.Helper()
	s := &script{steps: steps}
	cfg := testConfig(serve(t, s).URL)
	if edit != nil {
		edit(&cfg)
	}
	c, err := NewClient(cfg)
	if err != nil {
		t.Fatal(err)
	}
	return c, s
}

// completion is a chat completion response body.
type completion struct {
	text, reasoningContent, reasoning, finish, fingerprint string
	prompt, completion                                     int
}

func (c completion) JSON() []byte {
	msg := map[string]any{"role": "assistant", "content": c.text}
	if c.reasoningContent != "" {
		msg["reasoning_content"] = c.reasoningContent
	}
	if c.reasoning != "" {
		msg["reasoning"] = c.reasoning
	}
	if c.finish == "" {
		c.finish = "stop"
	}
	b, err := json.Marshal(map[string]any{
		"id": "chatcmpl-1", "object": "chat.completion", "created": 1, "model": "test-model",
		"system_fingerprint": c.fingerprint,
		"choices":            []any{map[string]any{"index": 0, "message": msg, "finish_reason": c.finish}},
		"usage":              map[string]int{"prompt_tokens": c.prompt, "completion_tokens": c.completion, "total_tokens": c.prompt + c.completion},
	})
	if err != nil {
		panic(err)
	}
	return b
}

// answer serves a completion.
func answer(c completion) http.HandlerFunc {
	body := c.JSON()
	return func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		w.Write(body)
	}
}

// yes serves the completion "Yes" with 10 prompt and 3 completion tokens.
var yes = answer(completion{text: "Yes", prompt: 10, completion: 3})

// status serves an error status with an OpenAI-style error body and the
// given headers, as name, value pairs.
func status(code int, message string, header ...string) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		for i := 0; i+1 < len(header); i += 2 {
			w.Header().Set(header[i], header[i+1])
		}
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(code)
		json.NewEncoder(w).Encode(map[string]any{"error": map[string]any{"message": message, "type": "test"}})
	}
}

// dropConnection closes the connection without a response.
func dropConnection(w http.ResponseWriter, r *http.Request) {
	conn, _, err := w.(http.Hijacker).Hijack()
	if err != nil {
		panic(err)
	}
	conn.Close()
}

// truncateBody promises a body of 1000 bytes and closes the connection
// after a few.
func truncateBody(w http.ResponseWriter, r *http.Request) {
	conn, buf, err := w.(http.Hijacker).Hijack()
	if err != nil {
		panic(err)
	}
	buf.WriteString("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{\"id\":")
	buf.Flush()
	conn.Close()
}

// stall answers nothing until the client gives up. It reads the body
// first: only then does the server notice a closed connection.
func stall(w http.ResponseWriter, r *http.Request) {
	io.Copy(io.Discard, r.Body)
	<-r.Context().Done()
}

// request is a request with the sampling parameters that the tests check.
func request() Request {
	return Request{
		Model:    "test-model",
		Messages: []Message{{Role: "system", Content: "Answer Yes or No."}, {Role: "user", Content: "Does it follow?"}},
		Seed:     42, MaxTokens: 77,
	}
}
