package refmodel

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"slices"
	"strings"
	"testing"
	"time"

	openai "github.com/sashabaranov/go-openai"
	"github.com/syllobench/syllobench/internal/model"
)

// echoReasoner is a test reasoner that answers with the last user message.
// A message containing UNREADABLE, NOTAPPLICABLE or BOOM makes it fail
// with ErrUnreadable, ErrNotApplicable or another error.
type echoReasoner struct{ name string }

func (e echoReasoner) Name() string { return e.name }

func (e echoReasoner) Reply(msgs []model.Message) (string, error) {
	var last string
	for _, m := range msgs {
		if m.Role == "user" {
			last = m.Content
		}
	}
	switch {
	case strings.Contains(last, "UNREADABLE"):
		return "", fmt.Errorf("%w: no premises found", ErrUnreadable)
	case strings.Contains(last, "NOTAPPLICABLE"):
		return "", fmt.Errorf("%w: %s answers no consistency questions", ErrNotApplicable, e.name)
	case strings.Contains(last, "BOOM"):
		return "", errors.New("the reasoner broke")
	}
	return echoText(last), nil
}

// echoText is what echoReasoner answers to prompt.
func echoText(prompt string) string {
	return "You asked: " + prompt + "\n\nAnswer: yes"
}

func testReasoners() []Reasoner {
	return []Reasoner{echoReasoner{"ref-echo"}, echoReasoner{"ref-echo-2"}}
}

// start starts an embedded server for the test and closes it after.
func start(t testing.TB, opts ...ServerOption) *Embedded {
	t.Helper()
	e, err := Start(testReasoners(), opts...)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		if err := e.Close(); err != nil {
			t.Errorf("Close: %v", err)
		}
	})
	return e
}

// newClient returns the real model client for e.
func newClient(t testing.TB, e *Embedded, edit func(*model.Config)) *model.Client {
	t.Helper()
	cfg := model.DefaultConfig()
	cfg.BaseURL = e.URL()
	cfg.Model = "ref-echo"
	cfg.Timeout = 10 * time.Second
	if edit != nil {
		edit(&cfg)
	}
	c, err := model.NewClient(cfg.WithAPIKey("sk-test-not-a-secret"))
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func TestClientComplete(t *testing.T) {
	e := start(t)
	c := newClient(t, e, nil)
	prompt := "All A are B. All B are C. Does it follow that all A are C?"
	req := c.Config().NewRequest(
		model.Message{Role: "system", Content: "You are careful."},
		model.Message{Role: "user", Content: prompt},
	)
	resp, err := c.Complete(context.Background(), req)
	if err != nil {
		t.Fatal(err)
	}
	want := model.Response{
		Text:         echoText(prompt),
		FinishReason: "stop",
		Usage: model.Usage{
			PromptTokens:     CountTokens("You are careful.") + 3 + CountTokens(prompt) + 3,
			CompletionTokens: CountTokens(echoText(prompt)),
		},
		SystemFingerprint: "refmodel",
	}
	if resp != want {
		t.Errorf("Complete:\n got %+v\nwant %+v", resp, want)
	}
	if s := e.Stats(); s.Requests != 1 || s.OK != 1 || s.Faults() != 0 {
		t.Errorf("Stats = %+v, want one OK request", s)
	}
}

func TestClientMaxTokens(t *testing.T) {
	e := start(t)
	c := newClient(t, e, func(cfg *model.Config) { cfg.MaxTokens = 4 })
	prompt := "one two three four five six seven eight"
	resp, err := c.Complete(context.Background(), c.Config().NewRequest(model.Message{Role: "user", Content: prompt}))
	if err != nil {
		t.Fatal(err)
	}
	if resp.FinishReason != "length" || resp.Text != "You asked: one" || resp.Usage.CompletionTokens != 4 {
		t.Errorf("Complete with max_tokens 4 = %+v, want the text cut to \"You asked: one\" (4 tokens), finish_reason length", resp)
	}
}

func TestClientErrors(t *testing.T) {
	e := start(t)
	for _, tc := range []struct {
		model, prompt string
		status        int
		msg           string
	}{
		{"gpt-nope", "hello", 404, `"gpt-nope" does not exist`},
		{"ref-echo", "UNREADABLE", 422, "cannot read the prompt back"},
	} {
		c := newClient(t, e, func(cfg *model.Config) { cfg.Model = tc.model })
		_, err := c.Complete(context.Background(), c.Config().NewRequest(model.Message{Role: "user", Content: tc.prompt}))
		ie, ok := errors.AsType[*model.InfraError](err)
		if !ok {
			t.Errorf("%s/%s: error %v, want an *InfraError", tc.model, tc.prompt, err)
			continue
		}
		if ie.StatusCode != tc.status || ie.Attempts != 1 || !strings.Contains(err.Error(), tc.msg) {
			t.Errorf("%s/%s: error %v (status %d, %d attempts), want status %d at the first attempt, saying %q",
				tc.model, tc.prompt, err, ie.StatusCode, ie.Attempts, tc.status, tc.msg)
		}
	}
}

// A reasoner that does not answer a kind of question declines it, which
// the client reports as a refusal, not as an infrastructure failure.
func TestClientDeclined(t *testing.T) {
	e := start(t)
	c := newClient(t, e, func(cfg *model.Config) { cfg.Model = "ref-echo" })
	_, err := c.Complete(context.Background(), c.Config().NewRequest(model.Message{Role: "user", Content: "NOTAPPLICABLE"}))
	de, ok := errors.AsType[*model.DeclinedError](err)
	if !ok || errors.Is(err, model.ErrInfrastructure) || !strings.Contains(de.Reason, "not applicable") {
		t.Errorf("error %v (%T); want a DeclinedError saying it is not applicable", err, err)
	}
}

// post sends body to the chat completions endpoint of e.
func post(t *testing.T, e *Embedded, body string) *http.Response {
	t.Helper()
	resp, err := http.Post(e.URL()+"/chat/completions", "application/json", strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { resp.Body.Close() })
	return resp
}

func TestRawCompletion(t *testing.T) {
	e := start(t)
	body := `{"model":"ref-echo","messages":[{"role":"user","content":[{"type":"text","text":"Is it so?"}]}],
		"temperature":0.5,"seed":7,"max_completion_tokens":100,"top_p":1,"unknown":{"x":[1]}}`
	resp := post(t, e, body)
	if resp.StatusCode != 200 || resp.Header.Get("Content-Type") != "application/json" {
		t.Fatalf("status %d, Content-Type %q; want 200, application/json", resp.StatusCode, resp.Header.Get("Content-Type"))
	}
	var got map[string]any
	if err := json.NewDecoder(resp.Body).Decode(&got); err != nil {
		t.Fatal(err)
	}
	id, _ := got["id"].(string)
	if !strings.HasPrefix(id, "chatcmpl-") || len(id) != len("chatcmpl-")+24 {
		t.Errorf("id = %q, want chatcmpl- and 24 hex digits", id)
	}
	delete(got, "id")
	text := echoText("Is it so?")
	want := map[string]any{
		"object":  "chat.completion",
		"created": 0.0,
		"model":   "ref-echo",
		"choices": []any{map[string]any{
			"index":         0.0,
			"message":       map[string]any{"role": "assistant", "content": text},
			"logprobs":      nil,
			"finish_reason": "stop",
		}},
		"usage": map[string]any{
			"prompt_tokens":     float64(CountTokens("Is it so?") + 3),
			"completion_tokens": float64(CountTokens(text)),
			"total_tokens":      float64(CountTokens("Is it so?") + 3 + CountTokens(text)),
		},
		"system_fingerprint": "refmodel",
	}
	if g, w := fmt.Sprint(got), fmt.Sprint(want); g != w {
		t.Errorf("response:\n got %s\nwant %s", g, w)
	}

	// The same request gets the same id; another gets another.
	var again, other struct{ ID string }
	json.NewDecoder(post(t, e, body).Body).Decode(&again)
	json.NewDecoder(post(t, e, strings.Replace(body, "Is it so", "Is it not", 1)).Body).Decode(&other)
	if again.ID != id || other.ID == id {
		t.Errorf("ids %q, %q, %q: want the first two equal and the third different", id, again.ID, other.ID)
	}
}

// readSSE reads the events of a stream: the data of each "data:" line.
// It reports whether the stream ended with [DONE], and the read error.
func readSSE(r io.Reader) (events []string, done bool, err error) {
	sc := bufio.NewScanner(r)
	for sc.Scan() {
		line := sc.Text()
		if line == "" {
			continue
		}
		data, ok := strings.CutPrefix(line, "data: ")
		if !ok {
			return events, false, fmt.Errorf("line %q is not a data line", line)
		}
		if data == "[DONE]" {
			done = true
			continue
		}
		if done {
			return events, false, fmt.Errorf("event %q after [DONE]", data)
		}
		events = append(events, data)
	}
	return events, done, sc.Err()
}

func TestRawStream(t *testing.T) {
	e := start(t)
	prompt := "  Some A are B.\n\tAre all B A?  "
	body := fmt.Sprintf(`{"model":"ref-echo","messages":[{"role":"user","content":%q}],"stream":true,"stream_options":{"include_usage":true}}`, prompt)
	resp := post(t, e, body)
	if resp.StatusCode != 200 || resp.Header.Get("Content-Type") != "text/event-stream" {
		t.Fatalf("status %d, Content-Type %q; want 200, text/event-stream", resp.StatusCode, resp.Header.Get("Content-Type"))
	}
	events, done, err := readSSE(resp.Body)
	if err != nil || !done {
		t.Fatalf("reading the stream: %d events, [DONE] %v, error %v", len(events), done, err)
	}
	type chunk struct {
		ID      string `json:"id"`
		Object  string `json:"object"`
		Model   string `json:"model"`
		Created *int64 `json:"created"`
		Usage   *usage `json:"usage"`
		Choices []struct {
			Index        int
			Delta        struct{ Role, Content *string }
			FinishReason *string `json:"finish_reason"`
		}
	}
	var (
		text     strings.Builder
		roles    []string
		finishes []string
		u        *usage
		ids      = map[string]bool{}
	)
	for i, ev := range events {
		var c chunk
		if err := json.Unmarshal([]byte(ev), &c); err != nil {
			t.Fatalf("event %d %q: %v", i, ev, err)
		}
		if c.Object != "chat.completion.chunk" || c.Model != "ref-echo" || c.Created == nil {
			t.Errorf("event %d %q: want object chat.completion.chunk, model ref-echo and created", i, ev)
		}
		ids[c.ID] = true
		if c.Usage != nil {
			if len(c.Choices) != 0 || i != len(events)-1 {
				t.Errorf("event %d %q: usage on a chunk with choices or not last", i, ev)
			}
			u = c.Usage
		}
		for _, ch := range c.Choices {
			if ch.Delta.Role != nil {
				roles = append(roles, *ch.Delta.Role)
			}
			if ch.Delta.Content != nil {
				text.WriteString(*ch.Delta.Content)
			}
			if ch.FinishReason != nil {
				finishes = append(finishes, *ch.FinishReason)
			}
		}
	}
	want := echoText(prompt)
	if text.String() != want {
		t.Errorf("reassembled content %q, want %q", text.String(), want)
	}
	if !slices.Equal(roles, []string{"assistant"}) || !slices.Equal(finishes, []string{"stop"}) || len(ids) != 1 {
		t.Errorf("roles %q, finish reasons %q, %d ids; want one assistant role, one stop, one id", roles, finishes, len(ids))
	}
	if u == nil || u.CompletionTokens != CountTokens(want) || u.TotalTokens != u.PromptTokens+u.CompletionTokens {
		t.Errorf("usage %+v, want %d completion tokens and the total", u, CountTokens(want))
	}
	if len(events) < 2+len(strings.Fields(want)) {
		t.Errorf("%d events: want a chunk per word", len(events))
	}
}

func TestGoOpenAIStream(t *testing.T) {
	e := start(t)
	cfg := openai.DefaultConfig("sk-test")
	cfg.BaseURL = e.URL()
	c := openai.NewClientWithConfig(cfg)
	prompt := "No A are B. Some C are A. What follows?"
	s, err := c.CreateChatCompletionStream(context.Background(), openai.ChatCompletionRequest{
		Model:     "ref-echo-2",
		Messages:  []openai.ChatCompletionMessage{{Role: "user", Content: prompt}},
		MaxTokens: 1000,
		Stream:    true,
	})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	var text strings.Builder
	var finish openai.FinishReason
	for {
		r, err := s.Recv()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		for _, ch := range r.Choices {
			text.WriteString(ch.Delta.Content)
			if ch.FinishReason != "" {
				finish = ch.FinishReason
			}
		}
	}
	if text.String() != echoText(prompt) || finish != openai.FinishReasonStop {
		t.Errorf("stream gave %q, finish %q; want %q, stop", text.String(), finish, echoText(prompt))
	}

	// go-openai's non-streaming call and its model listing work too.
	r, err := c.CreateChatCompletion(context.Background(), openai.ChatCompletionRequest{
		Model:    "ref-echo",
		Messages: []openai.ChatCompletionMessage{{Role: "user", Content: prompt}},
	})
	if err != nil || len(r.Choices) != 1 || r.Choices[0].Message.Content != echoText(prompt) {
		t.Errorf("CreateChatCompletion = %+v, %v", r, err)
	}
	ms, err := c.ListModels(context.Background())
	if err != nil || len(ms.Models) != 2 || ms.Models[0].ID != "ref-echo" || ms.Models[1].OwnedBy != "syllobench" {
		t.Errorf("ListModels = %+v, %v", ms, err)
	}
	m, err := c.GetModel(context.Background(), "ref-echo-2")
	if err != nil || m.ID != "ref-echo-2" {
		t.Errorf("GetModel = %+v, %v", m, err)
	}
}

func TestModels(t *testing.T) {
	h := NewHandler(append(testReasoners(), echoReasoner{"ref-echo"})) // a duplicate is dropped
	e := start(t)
	resp, err := http.Get(e.URL() + "/models")
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	want := `{"object":"list","data":[{"id":"ref-echo","object":"model","created":0,"owned_by":"syllobench"},` +
		`{"id":"ref-echo-2","object":"model","created":0,"owned_by":"syllobench"}]}`
	if resp.StatusCode != 200 || string(b) != want {
		t.Errorf("GET /v1/models: %d %s\nwant 200 %s", resp.StatusCode, b, want)
	}
	if got := h.Models(); !slices.Equal(got, []string{"ref-echo", "ref-echo-2"}) {
		t.Errorf("Models() = %q", got)
	}
}

func TestErrors(t *testing.T) {
	e := start(t)
	msgs := `"messages":[{"role":"user","content":"hi"}]`
	for _, tc := range []struct {
		name, method, path, body string
		status                   int
		typ, param, code         string // "" is null
		msg                      string
	}{
		{"bad JSON", "POST", "/chat/completions", `{"model":`, 400, "invalid_request_error", "", "invalid_json", "not a valid"},
		{"not an object", "POST", "/chat/completions", `[1,2]`, 400, "invalid_request_error", "", "invalid_json", "not a valid"},
		{"no model", "POST", "/chat/completions", `{` + msgs + `}`, 400, "invalid_request_error", "model", "", "names no model"},
		{"no messages", "POST", "/chat/completions", `{"model":"ref-echo"}`, 400, "invalid_request_error", "messages", "", "no messages"},
		{"empty messages", "POST", "/chat/completions", `{"model":"ref-echo","messages":[]}`, 400, "invalid_request_error", "messages", "", "no messages"},
		{"bad role", "POST", "/chat/completions", `{"model":"ref-echo","messages":[{"role":"robot","content":"x"}]}`, 400, "invalid_request_error", "messages[0].role", "", "robot"},
		{"bad content", "POST", "/chat/completions", `{"model":"ref-echo","messages":[{"role":"user","content":7}]}`, 400, "invalid_request_error", "", "invalid_json", "content"},
		{"temperature", "POST", "/chat/completions", `{"model":"ref-echo",` + msgs + `,"temperature":2.5}`, 400, "invalid_request_error", "temperature", "", "out of range"},
		{"max_tokens", "POST", "/chat/completions", `{"model":"ref-echo",` + msgs + `,"max_tokens":0}`, 400, "invalid_request_error", "max_tokens", "", "at least 1"},
		{"unknown model", "POST", "/chat/completions", `{"model":"gpt-4o",` + msgs + `}`, 404, "invalid_request_error", "model", "model_not_found", `"gpt-4o" does not exist`},
		{"unreadable", "POST", "/chat/completions", `{"model":"ref-echo","messages":[{"role":"user","content":"UNREADABLE"}]}`, 422, "invalid_request_error", "messages", "unreadable_prompt", "no premises found"},
		{"not applicable", "POST", "/chat/completions", `{"model":"ref-echo","messages":[{"role":"user","content":"NOTAPPLICABLE"}]}`, 422, "invalid_request_error", "messages", "not_applicable", "not applicable"},
		{"reasoner error", "POST", "/chat/completions", `{"model":"ref-echo","messages":[{"role":"user","content":"BOOM"}]}`, 500, "server_error", "", "reasoner_failed", "broke"},
		{"GET completions", "GET", "/chat/completions", "", 405, "invalid_request_error", "", "method_not_allowed", "GET"},
		{"text: bad JSON", "POST", "/completions", `{"model":`, 400, "invalid_request_error", "", "invalid_json", "not a valid completion"},
		{"text: unknown model", "POST", "/completions", `{"model":"gpt-4o","prompt":"x"}`, 404, "invalid_request_error", "model", "model_not_found", `"gpt-4o" does not exist`},
		{"text: no prompt", "POST", "/completions", `{"model":"ref-echo"}`, 400, "invalid_request_error", "prompt", "", "non-empty string"},
		{"text: prompt list", "POST", "/completions", `{"model":"ref-echo","prompt":["a","b"]}`, 400, "invalid_request_error", "prompt", "", "non-empty string"},
		{"text: max_tokens", "POST", "/completions", `{"model":"ref-echo","prompt":"x","max_tokens":0}`, 400, "invalid_request_error", "max_tokens", "", "at least 1"},
		{"text: unreadable", "POST", "/completions", `{"model":"ref-echo","prompt":"Question:\nUNREADABLE\nAnswer:"}`, 422, "invalid_request_error", "messages", "unreadable_prompt", "no premises found"},
		{"GET text completions", "GET", "/completions", "", 405, "invalid_request_error", "", "method_not_allowed", "GET"},
		{"POST models", "POST", "/models", "{}", 405, "invalid_request_error", "", "method_not_allowed", "POST"},
		{"unknown model object", "GET", "/models/gpt-4o", "", 404, "invalid_request_error", "model", "model_not_found", "gpt-4o"},
		{"unknown path", "POST", "/embeddings", "{}", 404, "invalid_request_error", "", "unknown_url", "/v1/completions"},
		{"root", "GET", "/../", "", 404, "invalid_request_error", "", "unknown_url", "Unknown request URL"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			req, err := http.NewRequest(tc.method, e.URL()+tc.path, strings.NewReader(tc.body))
			if err != nil {
				t.Fatal(err)
			}
			resp, err := http.DefaultClient.Do(req)
			if err != nil {
				t.Fatal(err)
			}
			defer resp.Body.Close()
			b, _ := io.ReadAll(resp.Body)
			if resp.StatusCode != tc.status || resp.Header.Get("Content-Type") != "application/json" {
				t.Errorf("status %d (%s), want %d; body %s", resp.StatusCode, resp.Header.Get("Content-Type"), tc.status, b)
			}
			var got struct {
				Error map[string]any `json:"error"`
			}
			if err := json.Unmarshal(b, &got); err != nil {
				t.Fatalf("body %s: %v", b, err)
			}
			keys := make([]string, 0, 4)
			for k := range got.Error {
				keys = append(keys, k)
			}
			slices.Sort(keys)
			if !slices.Equal(keys, []string{"code", "message", "param", "type"}) {
				t.Errorf("error keys %q, want code, message, param, type", keys)
			}
			orNull := func(s string) any {
				if s == "" {
					return nil
				}
				return s
			}
			if got.Error["type"] != tc.typ || got.Error["param"] != orNull(tc.param) || got.Error["code"] != orNull(tc.code) {
				t.Errorf("error %v, want type %q, param %q, code %q", got.Error, tc.typ, tc.param, tc.code)
			}
			if msg, _ := got.Error["message"].(string); !strings.Contains(msg, tc.msg) {
				t.Errorf("message %q, want it to contain %q", msg, tc.msg)
			}
			if tc.status == 405 && resp.Header.Get("Allow") == "" {
				t.Error("405 without Allow")
			}
		})
	}
	// Every case but the reasoner's error is refused: 17 chat and 7 text
	// completions.
	if s := e.Stats(); s.Refused != 24 || s.Failed != 1 || s.OK != 0 {
		t.Errorf("Stats = %+v, want 24 refused and 1 failed", s)
	}
}

func TestLog(t *testing.T) {
	var buf bytes.Buffer
	h := NewHandler(testReasoners(), WithLog(&buf))
	for _, body := range []string{
		`{"model":"ref-echo","messages":[{"role":"user","content":"hi"}]}`,
		`{"model":"evil model\nname","messages":[{"role":"user","content":"hi"}]}`,
		`{`,
	} {
		req, _ := http.NewRequest("POST", "/v1/chat/completions", strings.NewReader(body))
		h.ServeHTTP(discard{}, req)
	}
	lines := strings.Split(strings.TrimSuffix(buf.String(), "\n"), "\n")
	wantPrefix := []string{
		"POST /v1/chat/completions ref-echo 200 ",
		"POST /v1/chat/completions evil_model_name 404 ",
		"POST /v1/chat/completions - 400 ",
	}
	if len(lines) != len(wantPrefix) {
		t.Fatalf("log:\n%s\nwant %d lines", buf.String(), len(wantPrefix))
	}
	for i, l := range lines {
		if !strings.HasPrefix(l, wantPrefix[i]) || strings.Count(l, " ") != 4 {
			t.Errorf("log line %q, want %q and a duration", l, wantPrefix[i])
		}
	}
}

// discard is a ResponseWriter that drops everything.
type discard struct{}

func (discard) Header() http.Header         { return http.Header{} }
func (discard) Write(b []byte) (int, error) { return len(b), nil }
func (discard) WriteHeader(int)             {}

func TestCountTokens(t *testing.T) {
	for _, tc := range []struct {
		s    string
		want int
	}{{"", 0}, {"   ", 0}, {"one", 2}, {"one two", 3}, {"a b c", 4}, {" a\tb\nc d ", 6}, {"a\u00a0b", 3}} {
		if got := CountTokens(tc.s); got != tc.want {
			t.Errorf("CountTokens(%q) = %d, want %d", tc.s, got, tc.want)
		}
	}
	s := "  alpha beta\ngamma  delta epsilon "
	for max := 1; max <= 10; max++ {
		cut := cutTokens(s, max)
		if !strings.HasPrefix(s, cut) || CountTokens(cut) > max {
			t.Errorf("cutTokens(%q, %d) = %q (%d tokens)", s, max, cut, CountTokens(cut))
		}
		if rest := s[len(cut):]; CountTokens(s) > max && CountTokens(cut+" "+strings.Fields(rest)[0]) <= max {
			t.Errorf("cutTokens(%q, %d) = %q: it could keep another word", s, max, cut)
		}
	}
}

func TestPieces(t *testing.T) {
	for _, s := range []string{"", " ", "a", "  a b\n\nc  ", "Answer: **yes**", "é ü"} {
		p := pieces(s)
		if strings.Join(p, "") != s {
			t.Errorf("pieces(%q) = %q: does not join back", s, p)
		}
		if n := len(strings.Fields(s)); len(p) != max(n, min(len(s), 1)) {
			t.Errorf("pieces(%q) = %q: want one per word", s, p)
		}
	}
}
