package model

import (
	"context"
	"encoding/base64"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"reflect"
	"strings"
	"time"

	openai "github.com/sashabaranov/go-openai"
)

// Client is a [Model] served by an OpenAI-compatible chat completions
// endpoint: OpenAI, Ollama, vLLM or llama.cpp server. It sends only the
// fields they all accept (model, messages, temperature, seed, max_tokens);
// it bounds the requests in flight, retries what is worth retrying, and
// sums its work in [Client.Stats]. It is safe for concurrent use.
//
// Every error it returns is an [*InfraError], never an answer of the model.
type Client struct {
	cfg   Config
	api   *openai.Client
	op    string        // the Op of its errors, without the key
	slots chan struct{} // one per request in flight
	stats counters
	// secrets returns what the client sends that is secret, in every
	// form a server could echo back (see credentials). It is a function
	// so that no way of printing a Client shows them.
	secrets func() []string
}

var _ Model = (*Client)(nil)

// Option configures [NewClient].
type Option func(*clientOptions)

type clientOptions struct{ http HTTPDoer }

// WithHTTPClient makes the client send its HTTP requests through d. An
// *http.Client is used as a copy that refuses a redirect to another
// origin, as the client's own does (see [sameOrigin]); another HTTPDoer
// is used as it is, and is trusted to follow no such redirect.
func WithHTTPClient(d HTTPDoer) Option {
	return func(o *clientOptions) { o.http = d }
}

// NewClient returns a client for cfg. It fails with [ErrNoBaseURL] when no
// base URL is configured, and with [ErrInvalidConfig] for a bad field.
func NewClient(cfg Config, opts ...Option) (*Client, error) {
	if err := cfg.validate(); err != nil {
		return nil, fmt.Errorf("creating the model client: %w", err)
	}
	var o clientOptions
	for _, opt := range opts {
		opt(&o)
	}
	switch d := o.http.(type) {
	case nil:
		t := http.DefaultTransport.(*http.Transport).Clone()
		t.MaxIdleConnsPerHost = cfg.Concurrency // keep a connection per slot
		o.http = &http.Client{Transport: t, CheckRedirect: sameOrigin(nil)}
	case *http.Client:
		hc := *d
		hc.CheckRedirect = sameOrigin(d.CheckRedirect)
		o.http = &hc
	}
	// go-openai keeps its token in a struct that fmt would print, so it
	// gets none: wire sets the Authorization header from the config.
	oc := openai.DefaultConfig("")
	oc.BaseURL = strings.TrimRight(cfg.BaseURL, "/")
	oc.HTTPClient = wire{next: o.http, key: cfg.key, maxReply: cfg.MaxReplyBytes}
	secrets := credentials(cfg)
	return &Client{
		cfg:     cfg,
		api:     openai.NewClientWithConfig(oc),
		op:      "POST " + RedactURL(oc.BaseURL) + "/chat/completions",
		slots:   make(chan struct{}, cfg.Concurrency),
		secrets: func() []string { return secrets },
	}, nil
}

// maxRedirects is how many redirects a request follows, as many as
// net/http's default.
const maxRedirects = 10

// sameOrigin returns the CheckRedirect of the client's *http.Client: it
// refuses a redirect to another origin (scheme, host or port), then asks
// next, if any, or follows at most maxRedirects.
//
// net/http keeps the Authorization header on a redirect to the same host
// name, whatever the port or scheme: a redirect from https://host to
// http://host:8080 would send the key in clear text to whatever listens
// there, and one to another host would at least send the request, and
// the base URL's password with it, where the user never pointed.
func sameOrigin(next func(*http.Request, []*http.Request) error) func(*http.Request, []*http.Request) error {
	return func(req *http.Request, via []*http.Request) error {
		// Every earlier hop had the origin of the first, or it would have
		// been refused.
		from := via[len(via)-1].URL
		if origin(req.URL) != origin(via[0].URL) {
			return fmt.Errorf("refused the redirect from %s to %s: it leads to another origin (scheme, host or port), "+
				"which the API key must not be sent to; point SYLLOBENCH_BASE_URL at the server itself",
				RedactURL(from.String()), RedactURL(req.URL.String()))
		}
		if next != nil {
			return next(req, via)
		}
		if len(via) >= maxRedirects {
			return fmt.Errorf("stopped after %d redirects, the last to %s", len(via), RedactURL(req.URL.String()))
		}
		return nil
	}
}

// origin returns the scheme, host and port of u, the port made explicit.
func origin(u *url.URL) string {
	port := u.Port()
	if port == "" {
		port = map[string]string{"http": "80", "https": "443"}[strings.ToLower(u.Scheme)]
	}
	return strings.ToLower(u.Scheme) + "://" + strings.ToLower(u.Hostname()) + ":" + port
}

// credentials returns the secrets that requests under cfg carry, as a
// server could echo them: the API key, and the password of the base URL
// together with the basic-auth token that net/http makes of it (sent when
// there is no key).
func credentials(cfg Config) []string {
	var s []string
	if k := cfg.key(); k != "" {
		s = append(s, k)
	}
	if u, err := url.Parse(cfg.BaseURL); err == nil && u.User != nil {
		if p, ok := u.User.Password(); ok && p != "" {
			s = append(s, base64.StdEncoding.EncodeToString([]byte(u.User.Username()+":"+p)), p)
		}
	}
	return s
}

// Config returns the configuration of c.
func (c *Client) Config() Config { return c.cfg }

// Stats returns the sums of c's work so far.
func (c *Client) Stats() Stats { return c.stats.snapshot() }

// Complete sends req as it is. It retries a failed attempt while that is
// worth it and the retry budget lasts, and stops as soon as ctx is done.
func (c *Client) Complete(ctx context.Context, req Request) (Response, error) {
	start := time.Now()
	resp, attempts, err := c.complete(ctx, req)
	c.stats.record(resp, attempts, err, time.Since(start))
	return resp, err
}

func (c *Client) complete(ctx context.Context, req Request) (Response, int, error) {
	op := c.op
	if req.API == APICompletions {
		op = strings.TrimSuffix(op, "/chat/completions") + "/completions"
	}
	if req.Model == "" {
		return Response{}, 0, &InfraError{Op: op, Err: errors.New("the request names no model")}
	}
	oreq := toOpenAI(req)
	for attempt := 1; ; attempt++ {
		resp, f := c.attempt(ctx, req, oreq, req.Temperature)
		if f == nil {
			return resp, attempt, nil
		}
		fail := func(err error) (Response, int, error) {
			n := attempt
			if f.unsent {
				n--
			}
			return Response{}, n, &InfraError{Op: op, StatusCode: f.status, Attempts: n, Err: err}
		}
		switch {
		case f.declined != nil:
			return Response{}, attempt, f.declined
		case !f.retryable:
			return fail(f.err)
		case attempt > c.cfg.Retries:
			return fail(fmt.Errorf("%w (retry budget of %d spent)", f.err, c.cfg.Retries))
		case f.retryAfter > c.cfg.MaxRetryAfter:
			wait := f.retryAfter.String()
			if f.retryAfter == maxRetryAfter {
				wait = "at least " + wait // the cap of a longer one
			}
			return fail(fmt.Errorf("%w (the server asked to retry after %s, more than the longest wait honoured, %v)",
				f.err, wait, c.cfg.MaxRetryAfter))
		}
		delay := max(f.retryAfter, backoff(attempt, c.cfg.BaseDelay, c.cfg.MaxDelay))
		if err := sleep(ctx, delay); err != nil {
			return fail(fmt.Errorf("stopped waiting %v to retry: %w; the last attempt failed: %w", delay, err, f.err))
		}
	}
}

// attempt makes one attempt within one request slot and the per-attempt
// timeout.
func (c *Client) attempt(ctx context.Context, req Request, oreq openai.ChatCompletionRequest, temperature float64) (Response, *failure) {
	select {
	case c.slots <- struct{}{}:
	case <-ctx.Done():
		return Response{}, &failure{err: fmt.Errorf("waiting for a request slot: %w", ctx.Err()), unsent: true}
	}
	defer func() { <-c.slots }()
	actx, cancel := context.WithTimeout(ctx, c.cfg.Timeout)
	defer cancel()
	// OpenAI's reasoning models accept only their default temperature.
	ex := &exchange{temperature: temperature, noTemperature: reasoningModel(oreq.Model)}
	var resp Response
	var err error
	if req.API == APICompletions {
		seed := int(req.Seed)
		var cresp openai.CompletionResponse
		cresp, err = c.api.CreateCompletion(context.WithValue(actx, exchangeKey{}, ex), openai.CompletionRequest{
			Model: req.Model, Prompt: req.Prompt, Stop: req.Stop, MaxTokens: req.MaxTokens, Seed: &seed,
		})
		if err != nil {
			return Response{}, c.classify(ctx, actx, ex, err)
		}
		resp, err = fromCompletion(cresp)
	} else {
		var oresp openai.ChatCompletionResponse
		oresp, err = c.api.CreateChatCompletion(context.WithValue(actx, exchangeKey{}, ex), oreq)
		if err != nil {
			return Response{}, c.classify(ctx, actx, ex, err)
		}
		resp, err = fromOpenAI(oresp, ex.reasoning)
	}
	if err != nil {
		return Response{}, &failure{status: ex.status, err: err}
	}
	// A server that echoes the request into its reply would otherwise
	// have the fixtures and the scorecard keep the credentials.
	c.redactResponse(&resp)
	return resp, nil
}

// classify turns the error of one attempt into a failure whose message has
// the key redacted. go-openai's own error types are not kept, so that they
// don't leak past this package.
func (c *Client) classify(ctx, actx context.Context, ex *exchange, err error) *failure {
	var (
		apiErr   *openai.APIError
		reqErr   *openai.RequestError
		tooLarge *replyTooLargeError
	)
	f := &failure{}
	switch {
	case ctx.Err() != nil:
		f.err = fmt.Errorf("request abandoned: %w", ctx.Err())
	case errors.Is(actx.Err(), context.DeadlineExceeded):
		f.err = fmt.Errorf("no complete response within the timeout of %v: %w", c.cfg.Timeout, context.DeadlineExceeded)
		f.retryable = true
	case errors.As(err, &tooLarge):
		// Not retried: the server would send it again.
		f.status = ex.status
		f.err = tooLarge
	case errors.As(err, &apiErr):
		c.statusFailure(f, ex, apiErr.HTTPStatusCode, apiErr.Message)
		if code, _ := apiErr.Code.(string); code == CodeNotApplicable && apiErr.HTTPStatusCode == http.StatusUnprocessableEntity {
			f.declined = &DeclinedError{Reason: strings.TrimSpace(c.redact(apiErr.Message))}
		}
	case errors.As(err, &reqErr):
		c.statusFailure(f, ex, reqErr.HTTPStatusCode, string(reqErr.Body))
	case ex.bodyRead:
		f.status = ex.status
		f.err = fmt.Errorf("the server's response is not a chat completion: %s", c.redact(err.Error()))
	default:
		f.err = &redactedError{msg: c.redact(err.Error()), err: err}
		f.retryable = retryableTransport(err)
	}
	return f
}

// statusFailure fills f for an HTTP error status with the server's message.
func (c *Client) statusFailure(f *failure, ex *exchange, status int, msg string) {
	const maxMessage = 1000
	f.status = status
	f.retryable = retryableStatus(status)
	f.retryAfter, _ = retryAfter(ex.header, time.Now())
	msg = strings.TrimSpace(c.redact(msg))
	if msg == "" {
		msg = http.StatusText(status)
	}
	if len(msg) > maxMessage {
		msg = msg[:maxMessage] + " …"
	}
	f.err = errors.New("the server said: " + msg)
}

// redact replaces every occurrence of a secret (the key, the password of
// the base URL) in s, so that a server that echoes the request cannot leak
// one into an error.
func (c *Client) redact(s string) string {
	for _, secret := range c.secrets() {
		s = strings.ReplaceAll(s, secret, "[redacted]")
	}
	return s
}

// minReplySecret is the shortest secret taken out of a reply. A reply is
// the model's answer: a short password ("pass", "no") could occur in it by
// chance, and taking it out would change the answer, while no server
// echoes an API key or a long password by chance.
const minReplySecret = 8

// redactReply is redact for the text of a reply: it replaces the secrets
// of at least minReplySecret bytes.
func (c *Client) redactReply(s string) string {
	for _, secret := range c.secrets() {
		if len(secret) >= minReplySecret {
			s = strings.ReplaceAll(s, secret, "[redacted]")
		}
	}
	return s
}

// redactResponse applies redactReply to every string field of r, those
// of its nested structs included: every one of them is written to the
// fixtures and the scorecard, and a field added to [Response] later is
// covered without a line here.
func (c *Client) redactResponse(r *Response) {
	var walk func(v reflect.Value)
	walk = func(v reflect.Value) {
		switch v.Kind() {
		case reflect.String:
			v.SetString(c.redactReply(v.String()))
		case reflect.Struct:
			for i := range v.NumField() {
				if v.Type().Field(i).IsExported() {
					walk(v.Field(i))
				}
			}
		}
	}
	walk(reflect.ValueOf(r).Elem())
}

// redactedError is an error with the key taken out of its message, still
// wrapping its cause for [errors.Is].
type redactedError struct {
	msg string
	err error
}

func (e *redactedError) Error() string { return e.msg }
func (e *redactedError) Unwrap() error { return e.err }

func toOpenAI(req Request) openai.ChatCompletionRequest {
	msgs := make([]openai.ChatCompletionMessage, len(req.Messages))
	for i, m := range req.Messages {
		msgs[i] = openai.ChatCompletionMessage{Role: m.Role, Content: m.Content}
	}
	seed := int(req.Seed)
	cr := openai.ChatCompletionRequest{
		Model:     req.Model,
		Messages:  msgs,
		MaxTokens: req.MaxTokens,
		Seed:      &seed,
		// Temperature is left 0 here and set on the wire (see wire), where
		// go-openai's omitempty cannot drop it.
	}
	if reasoningModel(req.Model) {
		// OpenAI's reasoning models take max_completion_tokens, and
		// go-openai refuses max_tokens for them before sending.
		cr.MaxTokens, cr.MaxCompletionTokens = 0, req.MaxTokens
	}
	return cr
}

// reasoningModel reports whether name is one of OpenAI's reasoning models
// (o1, o3, o4, gpt-5 and their variants).
func reasoningModel(name string) bool {
	for _, p := range []string{"o1", "o3", "o4", "gpt-5"} {
		if name == p || strings.HasPrefix(name, p+"-") || strings.HasPrefix(name, p+".") {
			return true
		}
	}
	return false
}

// fromCompletion reads a text completion's reply.
func fromCompletion(r openai.CompletionResponse) (Response, error) {
	if len(r.Choices) == 0 {
		return Response{}, errors.New("the server's completion has no choices")
	}
	return Response{
		Text:         r.Choices[0].Text,
		FinishReason: r.Choices[0].FinishReason,
		Usage:        Usage{PromptTokens: r.Usage.PromptTokens, CompletionTokens: r.Usage.CompletionTokens},
	}, nil
}

func fromOpenAI(r openai.ChatCompletionResponse, reasoning string) (Response, error) {
	if len(r.Choices) == 0 {
		return Response{}, errors.New("the server's response has no choices")
	}
	m := r.Choices[0].Message
	if m.ReasoningContent != "" {
		reasoning = m.ReasoningContent
	}
	text := m.Content
	if text == "" {
		// Some servers send the content as a list of parts; the text
		// parts, in order, are the reply.
		for _, p := range m.MultiContent {
			if p.Type == openai.ChatMessagePartTypeText {
				text += p.Text
			}
		}
	}
	if text == "" {
		// OpenAI puts a refusal in a field of its own; it is the reply,
		// and reads as the refusal it is rather than as nothing.
		text = m.Refusal
	}
	return Response{
		Text:              text,
		Reasoning:         reasoning,
		FinishReason:      string(r.Choices[0].FinishReason),
		Usage:             Usage{PromptTokens: r.Usage.PromptTokens, CompletionTokens: r.Usage.CompletionTokens},
		SystemFingerprint: r.SystemFingerprint,
	}, nil
}
