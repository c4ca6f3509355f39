package model

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"maps"
	"net/http"
	"reflect"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

func TestClientSendsSamplingFields(t *testing.T) {
	tests := []struct {
		name        string
		temperature float64
		wantTemp    string
		reason      string
	}{
		{"temperature=0", 0, "0", "go-openai drops a 0 temperature (omitempty); the server's default would apply"},
		{"temperature=0.7", 0.7, "0.7", "the exact float64 goes out, not its float32 approximation"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var body []byte
			var auth string
			s := &script{steps: []http.HandlerFunc{func(w http.ResponseWriter, r *http.Request) {
				body, _ = io.ReadAll(r.Body)
				auth = r.Header.Get("Authorization")
				yes(w, r)
			}}}
			cfg := testConfig(serve(t, s).URL).WithAPIKey("sk-test")
			c, err := NewClient(cfg)
			if err != nil {
				t.Fatal(err)
			}
			req := request()
			req.Temperature = tt.temperature
			if _, err := c.Complete(context.Background(), req); err != nil {
				t.Fatal(err)
			}
			var fields map[string]json.RawMessage
			if err := json.Unmarshal(body, &fields); err != nil {
				t.Fatal(err)
			}
			for _, f := range []struct{ name, want string }{
				{"temperature", tt.wantTemp}, {"seed", "42"}, {"max_tokens", "77"}, {"model", `"test-model"`},
			} {
				if got := string(fields[f.name]); got != f.want {
					t.Errorf("%q: %s, want %s (%s); body %s", f.name, got, f.want, tt.reason, body)
				}
			}
			var keys []string
			for k := range fields {
				keys = append(keys, k)
			}
			slices.Sort(keys)
			want := []string{"max_tokens", "messages", "model", "seed", "temperature"}
			if diff := cmp.Diff(want, keys); diff != "" {
				t.Errorf("body fields (-want +got), only what every server accepts:\n%s", diff)
			}
			wantMsgs := `[{"role":"system","content":"Answer Yes or No."},{"role":"user","content":"Does it follow?"}]`
			if got := string(fields["messages"]); got != wantMsgs {
				t.Errorf("messages = %s, want %s", got, wantMsgs)
			}
			if auth != "Bearer sk-test" {
				t.Errorf("Authorization = %q, want the bearer key", auth)
			}
		})
	}
}

// TestClientReasoningModel checks what OpenAI's reasoning models are
// sent: max_completion_tokens instead of max_tokens, and no temperature,
// which they refuse unless it is their default.
func TestClientReasoningModel(t *testing.T) {
	var body []byte
	s := &script{steps: []http.HandlerFunc{func(w http.ResponseWriter, r *http.Request) {
		body, _ = io.ReadAll(r.Body)
		yes(w, r)
	}}}
	c, err := NewClient(testConfig(serve(t, s).URL))
	if err != nil {
		t.Fatal(err)
	}
	req := request()
	req.Model = "o3-mini"
	if _, err := c.Complete(context.Background(), req); err != nil {
		t.Fatal(err)
	}
	var fields map[string]json.RawMessage
	if err := json.Unmarshal(body, &fields); err != nil {
		t.Fatal(err)
	}
	if string(fields["max_completion_tokens"]) != "77" || fields["max_tokens"] != nil || fields["temperature"] != nil {
		t.Errorf("body for a reasoning model: %s; want max_completion_tokens 77, no max_tokens, no temperature", body)
	}
	for name, want := range map[string]bool{"o1": true, "o3-mini": true, "gpt-5-mini": true, "o4-mini-2025": true,
		"gpt-4o": false, "qwen2.5:7b": false, "o1x": false, "llama3.1": false} {
		if got := reasoningModel(name); got != want {
			t.Errorf("reasoningModel(%q) = %v, want %v", name, got, want)
		}
	}
}

func TestClientMapsResponse(t *testing.T) {
	tests := []struct {
		name   string
		serve  completion
		want   Response
		reason string
	}{{
		name:   "plain",
		serve:  completion{text: "No", fingerprint: "fp_abc", prompt: 12, completion: 1},
		want:   Response{Text: "No", FinishReason: "stop", Usage: Usage{12, 1}, SystemFingerprint: "fp_abc"},
		reason: "text, finish reason, usage and system_fingerprint are kept",
	}, {
		name:   "reasoning_content",
		serve:  completion{text: "Answer: Yes", reasoningContent: "All M are P…", prompt: 5, completion: 40},
		want:   Response{Text: "Answer: Yes", Reasoning: "All M are P…", FinishReason: "stop", Usage: Usage{5, 40}},
		reason: "DeepSeek and vLLM send reasoning_content; it is kept apart from the text",
	}, {
		name:   "reasoning",
		serve:  completion{text: "Yes", reasoning: "thinking…"},
		want:   Response{Text: "Yes", Reasoning: "thinking…", FinishReason: "stop"},
		reason: "Ollama and newer vLLM name the field reasoning",
	}, {
		name:   "finish=length",
		serve:  completion{text: "", reasoningContent: "Let me think about", finish: "length", completion: 1024},
		want:   Response{Reasoning: "Let me think about", FinishReason: "length", Usage: Usage{0, 1024}},
		reason: "a reasoning model cut off by max_tokens is recorded as such, not an error",
	}}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, _ := newTestClient(t, nil, answer(tt.serve))
			got, err := c.Complete(context.Background(), request())
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("response (-want +got), %s:\n%s", tt.reason, diff)
			}
		})
	}
}

func TestClientProtocolErrors(t *testing.T) {
	body := func(s string) http.HandlerFunc {
		return func(w http.ResponseWriter, r *http.Request) { io.WriteString(w, s) }
	}
	tests := []struct {
		name   string
		serve  http.HandlerFunc
		want   string
		reason string
	}{
		{"no-choices", body(`{"id":"x","choices":[]}`), "no choices", "a 200 without a choice has no answer to give"},
		{"empty-body", body(""), "not a chat completion", "an empty 200 is the server's fault, not a dropped connection"},
		{"not-json", body("<html>proxy login</html>"), "not a chat completion", "a proxy page is no completion"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, s := newTestClient(t, nil, tt.serve)
			_, err := c.Complete(context.Background(), request())
			ie := wantInfraError(t, err, tt.want)
			if ie.StatusCode != http.StatusOK || s.calls.Load() != 1 {
				t.Errorf("status %d after %d calls, want 200 after 1 (%s)", ie.StatusCode, s.calls.Load(), tt.reason)
			}
		})
	}
}

func TestClientNeverLeaksKey(t *testing.T) {
	const key = "sk-SENTINEL-4f9c2a7e1b"
	echo := func(code int, jsonBody bool) http.HandlerFunc {
		return func(w http.ResponseWriter, r *http.Request) {
			msg := "bad credentials: Authorization: " + r.Header.Get("Authorization")
			if jsonBody {
				status(code, msg)(w, r)
				return
			}
			w.WriteHeader(code)
			io.WriteString(w, msg)
		}
	}
	tests := []struct {
		name   string
		serve  http.HandlerFunc
		reason string
	}{
		{"401-json", echo(401, true), "an OpenAI-style error message echoing the header"},
		{"403-text", echo(403, false), "a plain-text error body echoing the header"},
		{"503-retried", echo(503, true), "the message of the last of several attempts"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, _ := newTestClient(t, func(c *Config) { *c = c.WithAPIKey(key) }, tt.serve)
			_, err := c.Complete(context.Background(), request())
			wantInfraError(t, err, "bad credentials: Authorization: Bearer [redacted]")
			for _, s := range []string{err.Error(), fmt.Sprintf("%+v", err), fmt.Sprintf("%#v", err), c.Config().String()} {
				if strings.Contains(s, key) {
					t.Errorf("the key leaks (%s): %s", tt.reason, s)
				}
			}
		})
	}
}

func TestClientAccounting(t *testing.T) {
	var n atomic.Int64
	c, _ := newTestClient(t, func(c *Config) { c.Retries = 1 }, func(w http.ResponseWriter, r *http.Request) {
		var req struct{ Messages []Message }
		json.NewDecoder(r.Body).Decode(&req)
		switch req.Messages[0].Content {
		case "retry-once":
			if n.Add(1) == 1 {
				status(503, "busy")(w, r)
				return
			}
		case "fail":
			status(404, "no such model")(w, r)
			return
		}
		yes(w, r)
	})
	var wg sync.WaitGroup
	for _, content := range []string{"ok", "ok", "ok", "retry-once", "fail"} {
		wg.Go(func() {
			c.Complete(context.Background(), Request{Model: "m", Messages: []Message{{"user", content}}})
		})
	}
	wg.Wait()
	got := c.Stats()
	if got.Latency <= 0 {
		t.Errorf("latency %v, want it summed", got.Latency)
	}
	got.Latency = 0
	want := Stats{Requests: 5, Retries: 1, Failures: 1, PromptTokens: 40, CompletionTokens: 12}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("stats (-want +got): 4 answers of 10+3 tokens, one retry, one failure:\n%s", diff)
	}
	if s := c.Stats().String(); !strings.Contains(s, "5 requests, 1 retries, 1 failures; tokens: 40 prompt, 12 completion") {
		t.Errorf("Stats.String() = %q", s)
	}
}

func TestClientBoundsConcurrency(t *testing.T) {
	const limit, goroutines = 4, 32
	var inFlight, peak atomic.Int64
	c, _ := newTestClient(t, func(c *Config) { c.Concurrency = limit }, func(w http.ResponseWriter, r *http.Request) {
		n := inFlight.Add(1)
		defer inFlight.Add(-1)
		for p := peak.Load(); n > p && !peak.CompareAndSwap(p, n); p = peak.Load() {
		}
		time.Sleep(5 * time.Millisecond)
		yes(w, r)
	})
	var wg sync.WaitGroup
	for range goroutines {
		wg.Go(func() {
			if _, err := c.Complete(context.Background(), request()); err != nil {
				t.Error(err)
			}
		})
	}
	wg.Wait()
	if p := peak.Load(); p > limit {
		t.Errorf("%d requests in flight at once, want at most %d", p, limit)
	}
	t.Logf("peak in flight: %d of %d", peak.Load(), limit)
}

func TestClientRejectsRequestWithoutModel(t *testing.T) {
	c, s := newTestClient(t, nil, yes)
	req := request()
	req.Model = ""
	_, err := c.Complete(context.Background(), req)
	wantInfraError(t, err, "names no model")
	if s.calls.Load() != 0 {
		t.Errorf("%d calls, want none", s.calls.Load())
	}
}

// wantInfraError checks that err is an *InfraError wrapping
// ErrInfrastructure whose message contains want.
func wantInfraError(t *testing.T, err error, want string) *InfraError {
	t.Helper()
	var ie *InfraError
	if !errors.As(err, &ie) || !errors.Is(err, ErrInfrastructure) {
		t.Fatalf("error %v (%T), want an *InfraError", err, err)
	}
	if !strings.Contains(err.Error(), want) {
		t.Errorf("error %q, want it to contain %q", err, want)
	}
	return ie
}

// TestClientPrintHidesKey prints a client and structs holding one in every
// way fmt can, and checks that the key never shows.
func TestClientPrintHidesKey(t *testing.T) {
	const sentinel = "sk-PRINT-SENTINEL-0123456789"
	cfg := testConfig("http://127.0.0.1:1").WithAPIKey(sentinel)
	c, err := NewClient(cfg)
	if err != nil {
		t.Fatal(err)
	}
	holder := struct {
		cfg Config
		c   *Client
	}{cfg, c}
	for _, verb := range []string{"%v", "%+v", "%#v", "%s"} {
		for _, v := range []any{c, cfg, &cfg, holder, &holder} {
			if s := fmt.Sprintf(verb, v); strings.Contains(s, sentinel) {
				t.Errorf("%s of %T shows the key: %s", verb, v, s)
			}
		}
	}
}

func TestClientDeclined(t *testing.T) {
	errorBody := func(status int, code string) http.HandlerFunc {
		return func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Type", "application/json")
			w.WriteHeader(status)
			fmt.Fprintf(w, `{"error":{"message":"ref-x is not applicable to this question","type":"invalid_request_error","code":%q}}`, code)
		}
	}
	t.Run("not-applicable", func(t *testing.T) {
		c, s := newTestClient(t, nil, errorBody(http.StatusUnprocessableEntity, CodeNotApplicable))
		_, err := c.Complete(context.Background(), request())
		var de *DeclinedError
		if !errors.As(err, &de) || !errors.Is(err, ErrDeclined) || errors.Is(err, ErrInfrastructure) {
			t.Fatalf("error %v (%T); want a DeclinedError that is no infrastructure failure", err, err)
		}
		if de.Reason != "ref-x is not applicable to this question" || s.calls.Load() != 1 {
			t.Errorf("reason %q after %d calls; want the server's message after 1 call", de.Reason, s.calls.Load())
		}
	})
	// The code counts only with the status the protocol gives it.
	for _, tc := range []struct {
		status int
		code   string
	}{{http.StatusUnprocessableEntity, "unreadable_prompt"}, {http.StatusBadRequest, CodeNotApplicable}} {
		c, _ := newTestClient(t, nil, errorBody(tc.status, tc.code))
		_, err := c.Complete(context.Background(), request())
		if errors.Is(err, ErrDeclined) || !errors.Is(err, ErrInfrastructure) {
			t.Errorf("HTTP %d code %s: error %v; want an infrastructure failure", tc.status, tc.code, err)
		}
	}
}

func TestClientModels(t *testing.T) {
	c, _ := newTestClient(t, nil, func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path != "/v1/models" || r.Method != http.MethodGet {
			http.Error(w, "unexpected "+r.Method+" "+r.URL.Path, http.StatusNotFound)
			return
		}
		io.WriteString(w, `{"object":"list","data":[{"id":"qwen2.5:7b","object":"model"},{"id":"llama3:8b","object":"model"}]}`)
	})
	got, err := c.Models(context.Background())
	if err != nil || !slices.Equal(got, []string{"llama3:8b", "qwen2.5:7b"}) {
		t.Errorf("Models = %q, %v; want the two, sorted", got, err)
	}
	bad, _ := newTestClient(t, nil, func(w http.ResponseWriter, r *http.Request) { http.Error(w, "nope", http.StatusInternalServerError) })
	if _, err := bad.Models(context.Background()); !errors.Is(err, ErrInfrastructure) || !strings.Contains(err.Error(), "/models") {
		t.Errorf("a failing server: %v; want an infrastructure error naming /models", err)
	}
}

// Content sent as a list of parts is the text of its text parts, in order.
func TestClientContentParts(t *testing.T) {
	c, _ := newTestClient(t, nil, func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		io.WriteString(w, `{"id":"x","object":"chat.completion","choices":[{"index":0,"finish_reason":"stop","message":{"role":"assistant",`+
			`"content":[{"type":"text","text":"The conclusion follows.\n"},{"type":"image_url","image_url":{"url":"data:,"}},{"type":"text","text":"Answer: yes"}]}}]}`)
	})
	got, err := c.Complete(context.Background(), request())
	if err != nil {
		t.Fatal(err)
	}
	if got.Text != "The conclusion follows.\nAnswer: yes" {
		t.Errorf("text %q; want the two text parts joined", got.Text)
	}
}

// OpenAI's separate refusal field is the reply when there is no content.
func TestClientRefusal(t *testing.T) {
	c, _ := newTestClient(t, nil, func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		io.WriteString(w, `{"id":"x","object":"chat.completion","choices":[{"index":0,"finish_reason":"stop","message":{"role":"assistant","content":null,"refusal":"I'm sorry, I can't help with that."}}]}`)
	})
	got, err := c.Complete(context.Background(), request())
	if err != nil {
		t.Fatal(err)
	}
	if got.Text != "I'm sorry, I can't help with that." {
		t.Errorf("text %q; want the refusal", got.Text)
	}
}

// TestClientRedactsEveryField sends the key back through every string
// field of a chat completion and of an error, and checks that it is in
// none of the Response's string fields, found by reflection, nor in the
// error. A string field added to Response has no way in below, and the
// test fails until it gets one.
func TestClientRedactsEveryField(t *testing.T) {
	const key = "sk-FIELD-SENTINEL-7c1d9e3a"
	raw := func(code int, body string) http.HandlerFunc {
		return func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Type", "application/json")
			w.WriteHeader(code)
			io.WriteString(w, body)
		}
	}
	message := func(msg string) http.HandlerFunc {
		return raw(200, `{"id":"x","object":"chat.completion","choices":[{"index":0,"finish_reason":"stop","message":`+msg+`}]}`)
	}
	// Each string field of Response, by name, and a reply that puts the
	// key into it.
	fields := map[string]http.HandlerFunc{
		"Text":              answer(completion{text: "Answer: yes, " + key}),
		"Reasoning":         answer(completion{text: "Yes", reasoningContent: "the key is " + key}),
		"FinishReason":      answer(completion{text: "Yes", finish: key}),
		"SystemFingerprint": answer(completion{text: "Yes", fingerprint: "fp_" + key}),
	}
	// The other ways in: wire fields that become one of those, and
	// errors.
	others := map[string]http.HandlerFunc{
		"reasoning":           answer(completion{text: "Yes", reasoning: key}),
		"refusal":             message(`{"role":"assistant","content":null,"refusal":"no, ` + key + `"}`),
		"content-parts":       message(`{"role":"assistant","content":[{"type":"text","text":"` + key + `"}]}`),
		"error-message":       status(400, "invalid key "+key),
		"error-plain-text":    raw(401, "invalid key "+key),
		"error-retried":       status(503, "overloaded, key "+key),
		"declined":            raw(422, `{"error":{"message":"not for `+key+`","code":"not_applicable"}}`),
		"not-a-completion":    raw(200, "<html>"+key+"</html>"),
		"every-field-at-once": raw(200, `{"choices":[{"message":{"content":"`+key+`"},"finish_reason":"`+key+`"}],"system_fingerprint":"`+key+`"}`),
	}
	for _, f := range stringFields(reflect.TypeOf(Response{}), "") {
		if fields[f] == nil {
			t.Errorf("Response.%s is a string field that no reply here fills: add one to fields, so that its redaction is tested", f)
		}
	}
	check := func(t *testing.T, serve http.HandlerFunc, field string, wantErr bool) {
		c, _ := newTestClient(t, func(c *Config) { *c = c.WithAPIKey(key) }, serve)
		resp, err := c.Complete(context.Background(), request())
		for f, v := range stringValues(reflect.ValueOf(resp), "") {
			if strings.Contains(v, key) {
				t.Errorf("Response.%s has the key: %q", f, v)
			}
			if f == field && !strings.Contains(v, "[redacted]") {
				t.Errorf("Response.%s = %q, want the key that the server sent in it redacted (err %v)", f, v, err)
			}
		}
		if err != nil {
			if s := fmt.Sprintf("%v\n%+v\n%#v", err, err, err); strings.Contains(s, key) {
				t.Errorf("the error has the key: %s", s)
			}
		}
		if wantErr && (err == nil || !strings.Contains(err.Error(), "[redacted]")) {
			t.Errorf("error %v; want the server's message with the key redacted", err)
		}
	}
	for name, serve := range fields {
		t.Run(name, func(t *testing.T) { check(t, serve, name, false) })
	}
	for name, serve := range others {
		wantErr := strings.HasPrefix(name, "error-") || name == "declined"
		t.Run(name, func(t *testing.T) { check(t, serve, "", wantErr) })
	}
}

// stringFields returns the names of the exported string fields of the
// struct type typ and of its nested structs, as prefix.Name.
func stringFields(typ reflect.Type, prefix string) []string {
	var names []string
	for f := range typ.Fields() {
		switch {
		case !f.IsExported():
		case f.Type.Kind() == reflect.String:
			names = append(names, prefix+f.Name)
		case f.Type.Kind() == reflect.Struct:
			names = append(names, stringFields(f.Type, prefix+f.Name+".")...)
		}
	}
	return names
}

// stringValues returns the exported string fields of the struct v and of
// its nested structs, by the names stringFields gives them.
func stringValues(v reflect.Value, prefix string) map[string]string {
	out := map[string]string{}
	for i := range v.NumField() {
		f := v.Type().Field(i)
		switch {
		case !f.IsExported():
		case f.Type.Kind() == reflect.String:
			out[prefix+f.Name] = v.Field(i).String()
		case f.Type.Kind() == reflect.Struct:
			maps.Copy(out, stringValues(v.Field(i), prefix+f.Name+"."))
		}
	}
	return out
}
