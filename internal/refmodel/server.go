package refmodel

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"strings"
	"sync"
	"sync/atomic"
	"time"
	"unicode"

	"github.com/syllobench/syllobench/internal/model"
)

// Paths that the [Handler] serves.
const (
	PathChatCompletions = "/v1/chat/completions"
	PathCompletions     = "/v1/completions"
	PathModels          = "/v1/models"
)

// maxRequestBody bounds the body of a chat completion request.
const maxRequestBody = 8 << 20

// Handler serves reasoners over the OpenAI chat completions API:
//
//	POST /v1/chat/completions   a completion, plain JSON or, with "stream": true, server-sent events
//	GET  /v1/models             the list of the reasoners' names
//	GET  /v1/models/{name}      one of them
//
// A request names its reasoner by "model". The reply depends only on the
// messages (a reasoner is deterministic), so temperature, seed and the
// other sampling fields are read, checked where OpenAI checks them, and
// otherwise ignored; unknown fields are ignored too.
//
// Responses have OpenAI's JSON shapes. The id is "chatcmpl-" and a hash of
// the request body, created is always 0 (no clock enters a response), and
// system_fingerprint is "refmodel". Token counts are approximate: see
// [CountTokens]. When the reply has more tokens than max_tokens (or
// max_completion_tokens) allows, it is cut at a word boundary and
// finish_reason is "length"; otherwise finish_reason is "stop".
//
// Errors have OpenAI's error JSON, {"error": {"message", "type", "param",
// "code"}}, with these statuses:
//
//	400  the body is not JSON, or names no model, or has no messages, or a bad temperature or max_tokens
//	     (or the body could not be read)
//	404  an unknown model (code "model_not_found"), or an unknown path (code "unknown_url")
//	405  a known path with the wrong method (code "method_not_allowed"), with an Allow header
//	408  the body did not arrive within the read timeout of [Timeouts] (code "request_timeout"),
//	     answered at once, with no fault injected
//	413  a body over 8 MiB
//	422  the reasoner cannot read the prompt back ([ErrUnreadable], code "unreadable_prompt"),
//	     or its theory does not answer that kind of question ([ErrNotApplicable], code "not_applicable"),
//	     or a statement is not in its controlled English ([ErrForeignText], "not_applicable": it declines)
//	500  any other error of a reasoner
//
// [WithFaults] adds injected failures (429, 500, 503, truncated bodies,
// dropped connections, stalls, latency); [WithLog] logs a line per
// request. The counters of [Handler.Stats] count what was served. A Handler is safe for concurrent
// use.
type Handler struct {
	reasoners map[string]Reasoner
	names     []string // in the order given
	modelList []byte   // the body of GET /v1/models
	faults    *faultInjector
	logMu     sync.Mutex
	log       io.Writer
	timeouts  Timeouts // for NewServer
	stats     counters
}

// ServerOption configures [NewHandler] and [Start].
type ServerOption func(*serverOptions)

type serverOptions struct {
	faults   *Faults
	log      io.Writer
	timeouts Timeouts
}

// Timeouts bound how long a server of a [Handler] ([NewServer], [Start])
// waits on a client, so that a client that sends its request slowly, or
// leaves a keep-alive connection idle, does not hold a connection open
// for ever. A zero (or negative) field takes its default.
type Timeouts struct {
	// ReadHeader bounds the reading of a request's header. Default 10s.
	ReadHeader time.Duration
	// Read bounds the reading of a whole request, header and body. A
	// request whose body is late gets a 408 and its connection is
	// closed. Default 30s.
	Read time.Duration
	// Write bounds the time from the end of a request's header to the
	// end of its response: the reading of the body, the reasoner's work
	// and the writing of the answer. The Latency and Stall of [Faults]
	// are added to it, so that an injected delay does not cut the
	// answer off. Default 60s.
	Write time.Duration
	// Idle bounds how long a keep-alive connection waits for its next
	// request before it is closed. Default 2 minutes.
	Idle time.Duration
}

// defaultTimeouts fills in the zero fields of [Timeouts].
var defaultTimeouts = Timeouts{ReadHeader: 10 * time.Second, Read: 30 * time.Second, Write: time.Minute, Idle: 2 * time.Minute}

// orDefault returns t with its zero and negative fields set to their defaults.
func (t Timeouts) orDefault() Timeouts {
	d := defaultTimeouts
	if t.ReadHeader <= 0 {
		t.ReadHeader = d.ReadHeader
	}
	if t.Read <= 0 {
		t.Read = d.Read
	}
	if t.Write <= 0 {
		t.Write = d.Write
	}
	if t.Idle <= 0 {
		t.Idle = d.Idle
	}
	return t
}

// WithTimeouts sets the timeouts of the server that [NewServer] and
// [Start] make; [NewHandler] alone keeps them for [NewServer].
func WithTimeouts(t Timeouts) ServerOption { return func(o *serverOptions) { o.timeouts = t } }

// NewServer returns an [http.Server] serving h, with the read, write,
// idle and read-header timeouts of the [Timeouts] that h was made with
// (see [WithTimeouts]). The caller sets its address or gives it a
// listener.
func NewServer(h *Handler) *http.Server {
	t := h.timeouts
	write := t.Write
	if h.faults != nil {
		write += h.faults.f.Latency
		if h.faults.f.RateStall > 0 {
			write += h.faults.f.Stall
		}
	}
	return &http.Server{
		Handler:           h,
		ReadHeaderTimeout: t.ReadHeader,
		ReadTimeout:       t.Read,
		WriteTimeout:      write,
		IdleTimeout:       t.Idle,
	}
}

// WithLog makes the handler write one line per request to w:
//
//	POST /v1/chat/completions ref-logic 200 1.234ms
//
// that is the method, the path, the model ("-" when there is none), the
// status and the time taken; an injected fault adds " fault=<kind>". Lines
// are written whole, one at a time, so w need not be safe for concurrent
// use. Nothing secret is logged: no header and no message.
func WithLog(w io.Writer) ServerOption { return func(o *serverOptions) { o.log = w } }

// NewHandler returns a handler serving reasoners under their names. A
// later reasoner with the name of an earlier one is ignored. The result is
// an [http.Handler]; its concrete type gives access to [Handler.Stats].
func NewHandler(reasoners []Reasoner, opts ...ServerOption) *Handler {
	var o serverOptions
	for _, opt := range opts {
		opt(&o)
	}
	h := &Handler{reasoners: make(map[string]Reasoner, len(reasoners)), log: o.log, timeouts: o.timeouts.orDefault()}
	type modelObject struct {
		ID      string `json:"id"`
		Object  string `json:"object"`
		Created int64  `json:"created"`
		OwnedBy string `json:"owned_by"`
	}
	list := struct {
		Object string        `json:"object"`
		Data   []modelObject `json:"data"`
	}{Object: "list", Data: []modelObject{}}
	for _, r := range reasoners {
		name := r.Name()
		if _, dup := h.reasoners[name]; dup {
			continue
		}
		h.reasoners[name] = r
		h.names = append(h.names, name)
		list.Data = append(list.Data, modelObject{ID: name, Object: "model", OwnedBy: "syllobench"})
	}
	h.modelList, _ = json.Marshal(list) // cannot fail: strings only
	if o.faults != nil {
		h.faults = newFaultInjector(*o.faults)
	}
	return h
}

// Stats counts what a [Handler] has served.
type Stats struct {
	Requests  uint64 // every request
	OK        uint64 // answered with 200 (truncated ones included)
	Refused   uint64 // answered with a 4xx status of the handler's own (not an injected 429)
	Failed    uint64 // a reasoner failed with an unexpected error (500)
	Canceled  uint64 // the client went away during the injected latency or stall
	Fault429  uint64 // injected 429s
	Fault500  uint64 // injected 500s
	Fault503  uint64 // injected 503s
	Truncated uint64 // injected truncated bodies
	Reset     uint64 // injected dropped connections (reset or closed, no response)
	Stalled   uint64 // injected stalls (answered late, and counted in OK too, or in Canceled)
}

// Faults returns the number of injected failures of every kind: each is
// a request that a client must send again. A stall is not one: it is
// answered, late.
func (s Stats) Faults() uint64 {
	return s.Fault429 + s.Fault500 + s.Fault503 + s.Truncated + s.Reset
}

type counters struct {
	requests, ok, refused, failed, canceled atomic.Uint64
	fault429, fault500, fault503, truncated atomic.Uint64
	reset, stalled                          atomic.Uint64
}

// Stats returns the counters of h so far.
func (h *Handler) Stats() Stats {
	c := &h.stats
	return Stats{
		Requests: c.requests.Load(), OK: c.ok.Load(), Refused: c.refused.Load(),
		Failed: c.failed.Load(), Canceled: c.canceled.Load(),
		Fault429: c.fault429.Load(), Fault500: c.fault500.Load(), Fault503: c.fault503.Load(),
		Truncated: c.truncated.Load(), Reset: c.reset.Load(), Stalled: c.stalled.Load(),
	}
}

// Models returns the names of the reasoners h serves, in order.
func (h *Handler) Models() []string { return append([]string(nil), h.names...) }

// exchange is what one request did, for the counters and the log.
type exchange struct {
	model  string
	status int
	fault  faultKind
}

// ServeHTTP implements [http.Handler].
func (h *Handler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	start := time.Now()
	ex := &exchange{}
	h.stats.requests.Add(1)
	defer func() {
		// Deferred so that it runs for an aborted stream too.
		h.count(ex)
		if h.log != nil {
			h.logLine(r, ex, time.Since(start))
		}
	}()
	switch path := r.URL.Path; {
	case path == PathChatCompletions:
		if r.Method != http.MethodPost {
			h.methodNotAllowed(w, ex, r.Method, http.MethodPost)
			return
		}
		h.chat(w, r, ex)
	case path == PathCompletions:
		if r.Method != http.MethodPost {
			h.methodNotAllowed(w, ex, r.Method, http.MethodPost)
			return
		}
		h.completions(w, r, ex)
	case path == PathModels:
		if r.Method != http.MethodGet && r.Method != http.MethodHead {
			h.methodNotAllowed(w, ex, r.Method, http.MethodGet)
			return
		}
		ex.status = http.StatusOK
		w.Header().Set("Content-Type", "application/json")
		w.Write(h.modelList)
	case strings.HasPrefix(path, PathModels+"/"):
		if r.Method != http.MethodGet && r.Method != http.MethodHead {
			h.methodNotAllowed(w, ex, r.Method, http.MethodGet)
			return
		}
		h.oneModel(w, ex, strings.TrimPrefix(path, PathModels+"/"))
	default:
		writeError(w, ex, http.StatusNotFound, "invalid_request_error", "", "unknown_url",
			fmt.Sprintf("Unknown request URL: %s %s. The reference server serves POST %s, POST %s and GET %s.",
				r.Method, path, PathChatCompletions, PathCompletions, PathModels))
	}
}

func (h *Handler) count(ex *exchange) {
	c := &h.stats
	switch ex.fault {
	case fault429:
		c.fault429.Add(1)
		return
	case fault500:
		c.fault500.Add(1)
		return
	case fault503:
		c.fault503.Add(1)
		return
	case faultReset, faultClose:
		c.reset.Add(1)
		return
	case faultTruncate:
		c.truncated.Add(1)
	case faultStall:
		c.stalled.Add(1)
	}
	switch {
	case ex.status == 0:
		c.canceled.Add(1)
	case ex.status == http.StatusOK:
		c.ok.Add(1)
	case ex.status >= 500:
		c.failed.Add(1)
	default:
		c.refused.Add(1)
	}
}

func (h *Handler) logLine(r *http.Request, ex *exchange, d time.Duration) {
	m := ex.model
	if m == "" {
		m = "-"
	}
	var b strings.Builder
	fmt.Fprintf(&b, "%s %s %s %d %v", r.Method, r.URL.Path, safeField(m), ex.status, d.Round(time.Microsecond))
	if ex.fault != faultNone {
		b.WriteString(" fault=" + ex.fault.String())
	}
	b.WriteByte('\n')
	h.logMu.Lock()
	defer h.logMu.Unlock()
	io.WriteString(h.log, b.String())
}

// safeField keeps a client-chosen string from breaking a log line.
func safeField(s string) string {
	const maxLen = 100
	if len(s) > maxLen {
		s = s[:maxLen] + "…"
	}
	return strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) || !unicode.IsPrint(r) {
			return '_'
		}
		return r
	}, s)
}

func (h *Handler) methodNotAllowed(w http.ResponseWriter, ex *exchange, method, allow string) {
	w.Header().Set("Allow", allow)
	writeError(w, ex, http.StatusMethodNotAllowed, "invalid_request_error", "", "method_not_allowed",
		fmt.Sprintf("Method %s is not allowed here; use %s.", method, allow))
}

func (h *Handler) oneModel(w http.ResponseWriter, ex *exchange, name string) {
	ex.model = name
	if _, ok := h.reasoners[name]; !ok {
		h.unknownModel(w, ex, name)
		return
	}
	ex.status = http.StatusOK
	writeJSON(w, http.StatusOK, struct {
		ID      string `json:"id"`
		Object  string `json:"object"`
		Created int64  `json:"created"`
		OwnedBy string `json:"owned_by"`
	}{name, "model", 0, "syllobench"})
}

func (h *Handler) unknownModel(w http.ResponseWriter, ex *exchange, name string) {
	writeError(w, ex, http.StatusNotFound, "invalid_request_error", "model", "model_not_found",
		fmt.Sprintf("The model %q does not exist. The reference server has: %s.", name, strings.Join(h.names, ", ")))
}

// chatRequest is the part of an OpenAI chat completion request that the
// handler reads.
type chatRequest struct {
	Model               string        `json:"model"`
	Messages            []chatMessage `json:"messages"`
	Temperature         *float64      `json:"temperature"`
	Seed                *int64        `json:"seed"`
	MaxTokens           *int          `json:"max_tokens"`
	MaxCompletionTokens *int          `json:"max_completion_tokens"`
	Stream              bool          `json:"stream"`
	StreamOptions       *struct {
		IncludeUsage bool `json:"include_usage"`
	} `json:"stream_options"`
}

type chatMessage struct {
	Role    string  `json:"role"`
	Content content `json:"content"`
}

// content is a message's content: a string, or an array of parts of which
// the text parts are joined with newlines; null is "".
type content string

func (c *content) UnmarshalJSON(b []byte) error {
	if len(b) > 0 && b[0] == '"' {
		var s string
		if err := json.Unmarshal(b, &s); err != nil {
			return err
		}
		*c = content(s)
		return nil
	}
	if string(b) == "null" {
		*c = ""
		return nil
	}
	var parts []struct {
		Type string `json:"type"`
		Text string `json:"text"`
	}
	if err := json.Unmarshal(b, &parts); err != nil {
		return errors.New("content must be a string or an array of content parts")
	}
	var texts []string
	for _, p := range parts {
		if p.Type == "text" {
			texts = append(texts, p.Text)
		}
	}
	*c = content(strings.Join(texts, "\n"))
	return nil
}

// completion is what the handler answers to one chat request, before it
// is encoded as JSON or as a stream.
type completion struct {
	id           string
	model        string
	text         string
	finishReason string
	usage        usage
}

type usage struct {
	PromptTokens     int `json:"prompt_tokens"`
	CompletionTokens int `json:"completion_tokens"`
	TotalTokens      int `json:"total_tokens"`
}

func (h *Handler) chat(w http.ResponseWriter, r *http.Request, ex *exchange) {
	// The body is read first: only then does net/http watch the
	// connection and cancel the request's context if the client goes away
	// during the added latency.
	body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, maxRequestBody))
	if ne, ok := errors.AsType[net.Error](err); ok && ne.Timeout() {
		// The request never arrived whole, and net/http has canceled its
		// context: it is answered at once, with no fault drawn.
		writeError(w, ex, http.StatusRequestTimeout, "invalid_request_error", "", "request_timeout",
			"The request body did not arrive within the server's read timeout.")
		return
	}
	if err == nil {
		// The read timeout was for the request, which is in: while the
		// reasoner works and the latency passes, net/http watches the
		// connection with the same deadline, and would take its expiry
		// for a client gone away. The write timeout bounds the rest.
		http.NewResponseController(w).SetReadDeadline(time.Time{}) // not supported by a recorder: nothing to clear
	}
	if h.faults != nil {
		ex.fault = h.faults.decide()
		if !h.faults.delay(r.Context(), ex) {
			return // the client went away; nobody reads an answer
		}
		if h.faults.fail(w, ex) {
			return
		}
	}
	if err != nil {
		if _, ok := errors.AsType[*http.MaxBytesError](err); ok {
			writeError(w, ex, http.StatusRequestEntityTooLarge, "invalid_request_error", "", "request_too_large",
				fmt.Sprintf("The request body is over %d bytes.", maxRequestBody))
			return
		}
		writeError(w, ex, http.StatusBadRequest, "invalid_request_error", "", "", "Reading the request body: "+err.Error())
		return
	}
	var req chatRequest
	if err := json.Unmarshal(body, &req); err != nil {
		writeError(w, ex, http.StatusBadRequest, "invalid_request_error", "", "invalid_json",
			"The request body is not a valid chat completion request: "+err.Error())
		return
	}
	ex.model = req.Model
	msgs, maxTokens, ok := h.check(w, ex, &req)
	if !ok {
		return
	}
	rsn := h.reasoners[req.Model]
	text, err := rsn.Reply(msgs)
	if replyFailed(w, ex, req.Model, err) {
		return
	}
	sum := sha256.Sum256(body)
	c := completion{
		id:           "chatcmpl-" + hex.EncodeToString(sum[:12]),
		model:        req.Model,
		text:         text,
		finishReason: "stop",
	}
	c.usage.PromptTokens = promptTokens(msgs)
	c.usage.CompletionTokens = CountTokens(text)
	if maxTokens > 0 && c.usage.CompletionTokens > maxTokens {
		c.text = cutTokens(text, maxTokens)
		c.usage.CompletionTokens = CountTokens(c.text)
		c.finishReason = "length"
	}
	c.usage.TotalTokens = c.usage.PromptTokens + c.usage.CompletionTokens
	ex.status = http.StatusOK
	if req.Stream {
		includeUsage := req.StreamOptions != nil && req.StreamOptions.IncludeUsage
		writeStream(w, &c, includeUsage, ex.fault == faultTruncate)
		return
	}
	writeCompletion(w, &c, ex.fault == faultTruncate)
}

// replyFailed writes the error of a reasoner's reply, if there is one,
// and reports whether it did.
func replyFailed(w http.ResponseWriter, ex *exchange, modelName string, err error) bool {
	switch {
	case err == nil:
		return false
	case errors.Is(err, ErrForeignText):
		writeError(w, ex, http.StatusUnprocessableEntity, "invalid_request_error", "messages", model.CodeNotApplicable,
			fmt.Sprintf("%s reads only syllobench's controlled English: %v", modelName, err))
	case errors.Is(err, ErrUnreadable):
		writeError(w, ex, http.StatusUnprocessableEntity, "invalid_request_error", "messages", "unreadable_prompt",
			fmt.Sprintf("%s cannot read the prompt back: %v", modelName, err))
	case errors.Is(err, ErrNotApplicable):
		writeError(w, ex, http.StatusUnprocessableEntity, "invalid_request_error", "messages", model.CodeNotApplicable,
			fmt.Sprintf("%s is not applicable to this question: %v", modelName, err))
	default:
		writeError(w, ex, http.StatusInternalServerError, "server_error", "", "reasoner_failed",
			fmt.Sprintf("%s failed: %v", modelName, err))
	}
	return true
}

// check validates req as OpenAI does and returns its messages and token
// limit; it writes the error and returns false if req is bad.
func (h *Handler) check(w http.ResponseWriter, ex *exchange, req *chatRequest) ([]model.Message, int, bool) {
	bad := func(param, msg string) ([]model.Message, int, bool) {
		writeError(w, ex, http.StatusBadRequest, "invalid_request_error", param, "", msg)
		return nil, 0, false
	}
	if req.Model == "" {
		return bad("model", "The request names no model: set \"model\".")
	}
	if _, ok := h.reasoners[req.Model]; !ok {
		h.unknownModel(w, ex, req.Model)
		return nil, 0, false
	}
	if len(req.Messages) == 0 {
		return bad("messages", "The request has no messages: \"messages\" must be a non-empty array.")
	}
	if t := req.Temperature; t != nil && !(*t >= 0 && *t <= 2) {
		return bad("temperature", fmt.Sprintf("temperature %v is out of range: it must be from 0 to 2.", *t))
	}
	maxTokens := 0
	for _, p := range []struct {
		name string
		v    *int
	}{{"max_tokens", req.MaxTokens}, {"max_completion_tokens", req.MaxCompletionTokens}} {
		if p.v == nil {
			continue
		}
		if *p.v < 1 {
			return bad(p.name, fmt.Sprintf("%s %d is out of range: it must be at least 1.", p.name, *p.v))
		}
		maxTokens = *p.v
	}
	msgs := make([]model.Message, len(req.Messages))
	for i, m := range req.Messages {
		switch m.Role {
		case "system", "developer", "user", "assistant", "tool":
		default:
			return bad(fmt.Sprintf("messages[%d].role", i), fmt.Sprintf("messages[%d] has the role %q; want system, developer, user, assistant or tool.", i, m.Role))
		}
		msgs[i] = model.Message{Role: m.Role, Content: string(m.Content)}
	}
	return msgs, maxTokens, true
}

// CountTokens approximates the number of tokens in s: four tokens for
// every three whitespace-separated words, rounded up (English runs at about
// 0.75 words per token in OpenAI's tokenizers). It is not a tokenizer;
// usage is only a rough guide.
func CountTokens(s string) int { return tokensOfWords(countWords(s)) }

func tokensOfWords(words int) int { return (4*words + 2) / 3 }

// promptTokens counts the messages' words, and 3 tokens per message for
// the chat framing, as OpenAI does.
func promptTokens(msgs []model.Message) int {
	n := 0
	for _, m := range msgs {
		n += CountTokens(m.Content) + 3
	}
	return n
}

func countWords(s string) int {
	n, in := 0, false
	for _, r := range s {
		if isSpace(r) {
			in = false
		} else if !in {
			in = true
			n++
		}
	}
	return n
}

func isSpace(r rune) bool {
	if r < 0x80 {
		return r == ' ' || r == '\n' || r == '\t' || r == '\r' || r == '\v' || r == '\f'
	}
	return unicode.IsSpace(r)
}

// cutTokens returns the longest prefix of s, ending at the end of a word,
// whose [CountTokens] is at most maxTokens.
func cutTokens(s string, maxTokens int) string {
	words := maxTokens * 3 / 4
	for tokensOfWords(words+1) <= maxTokens {
		words++
	}
	n, in := 0, false
	for i, r := range s {
		if isSpace(r) {
			if in && n == words {
				return s[:i]
			}
			in = false
		} else if !in {
			in = true
			n++
			if n > words {
				return strings.TrimRightFunc(s[:i], isSpace)
			}
		}
	}
	return s
}

// chatResponse is OpenAI's chat.completion object.
type chatResponse struct {
	ID                string       `json:"id"`
	Object            string       `json:"object"`
	Created           int64        `json:"created"`
	Model             string       `json:"model"`
	Choices           []chatChoice `json:"choices"`
	Usage             usage        `json:"usage"`
	SystemFingerprint string       `json:"system_fingerprint"`
}

type chatChoice struct {
	Index        int       `json:"index"`
	Message      chatOut   `json:"message"`
	Logprobs     *struct{} `json:"logprobs"`
	FinishReason string    `json:"finish_reason"`
}

type chatOut struct {
	Role    string `json:"role"`
	Content string `json:"content"`
}

const systemFingerprint = "refmodel"

var bufPool = sync.Pool{New: func() any { return new(bytes.Buffer) }}

func writeCompletion(w http.ResponseWriter, c *completion, truncate bool) {
	buf := bufPool.Get().(*bytes.Buffer)
	defer func() { buf.Reset(); bufPool.Put(buf) }()
	enc := json.NewEncoder(buf)
	enc.SetEscapeHTML(false)
	enc.Encode(chatResponse{ // cannot fail: strings and numbers only
		ID:      c.id,
		Object:  "chat.completion",
		Model:   c.model,
		Choices: []chatChoice{{Message: chatOut{Role: "assistant", Content: c.text}, FinishReason: c.finishReason}},
		Usage:   c.usage,

		SystemFingerprint: systemFingerprint,
	})
	b := buf.Bytes()
	h := w.Header()
	h.Set("Content-Type", "application/json")
	h["Content-Length"] = []string{fmt.Sprint(len(b))}
	if truncate {
		// Declare the whole length and send half: the server closes the
		// connection, and the client reads an unexpected EOF.
		b = b[:len(b)/2]
	}
	w.WriteHeader(http.StatusOK)
	w.Write(b)
}

// apiError is OpenAI's error object.
type apiError struct {
	Message string  `json:"message"`
	Type    string  `json:"type"`
	Param   *string `json:"param"`
	Code    *string `json:"code"`
}

func writeError(w http.ResponseWriter, ex *exchange, status int, typ, param, code, msg string) {
	ex.status = status
	e := apiError{Message: msg, Type: typ}
	if param != "" {
		e.Param = &param
	}
	if code != "" {
		e.Code = &code
	}
	writeJSON(w, status, struct {
		Error apiError `json:"error"`
	}{e})
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	b, err := json.Marshal(v)
	if err != nil { // only strings and numbers: cannot happen
		b = []byte(`{"error":{"message":"encoding the response failed","type":"server_error","param":null,"code":null}}`)
		status = http.StatusInternalServerError
	}
	w.Header().Set("Content-Type", "application/json")
	w.Header().Set("Content-Length", fmt.Sprint(len(b)))
	w.WriteHeader(status)
	w.Write(b)
}
