package model

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
)

// HTTPDoer sends HTTP requests; *http.Client is one. [WithHTTPClient]
// injects one into a [Client].
type HTTPDoer interface {
	Do(req *http.Request) (*http.Response, error)
}

// exchange carries one attempt's sampling temperature down to the wire,
// and brings back what go-openai does not keep: the status and header of
// the response (for Retry-After) and a "reasoning" field.
type exchange struct {
	temperature   float64
	noTemperature bool // send no temperature at all (OpenAI's reasoning models)
	status        int
	header        http.Header
	bodyRead      bool // a 2xx body arrived whole; a later error is the server's protocol
	reasoning     string
}

type exchangeKey struct{}

// wire is the HTTPDoer that go-openai calls. go-openai's Temperature is
// tagged omitempty, so a temperature of 0 would be left out and the
// server's default (often 0.7 to 1) would apply; wire writes the field into
// every request body explicitly, with the exact float64 of the [Request].
//
// wire also sets the Authorization header: the key stays in a function,
// out of every struct that fmt could print.
//
// And wire bounds every response body, of an answer, of an error or of
// the list of models, to maxReply bytes (see [limitBody]).
type wire struct {
	next     HTTPDoer
	key      func() string
	maxReply int64
}

func (w wire) Do(req *http.Request) (*http.Response, error) {
	if k := w.key(); k != "" {
		req.Header.Set("Authorization", "Bearer "+k)
	}
	ex, _ := req.Context().Value(exchangeKey{}).(*exchange)
	if req.Body != nil {
		if err := setTemperature(req, ex); err != nil {
			return nil, err
		}
	}
	resp, err := w.next.Do(req)
	if err != nil {
		return resp, err
	}
	resp.Body = limitBody(resp, w.maxReply)
	if ex == nil {
		return resp, nil
	}
	ex.status, ex.header = resp.StatusCode, resp.Header
	if resp.StatusCode/100 != 2 {
		return resp, nil
	}
	body, err := io.ReadAll(resp.Body)
	resp.Body.Close()
	if err != nil {
		var tooLarge *replyTooLargeError
		if errors.As(err, &tooLarge) {
			return nil, err
		}
		return nil, fmt.Errorf("reading the response body: %w", err)
	}
	ex.bodyRead = true
	ex.reasoning = reasoningField(body)
	resp.Body = io.NopCloser(bytes.NewReader(body))
	return resp, nil
}

// ErrReplyTooLarge is wrapped by the error of a request whose response
// body is longer than [Config.MaxReplyBytes].
var ErrReplyTooLarge = errors.New("the response is too large")

// replyTooLargeError is the error of a response body over the limit.
type replyTooLargeError struct{ limit int64 }

func (e *replyTooLargeError) Error() string {
	return fmt.Sprintf("the response body is longer than %d bytes, the most the client reads "+
		"(SYLLOBENCH_MAX_REPLY_BYTES, Config.MaxReplyBytes); none of it is kept", e.limit)
}

// Unwrap returns [ErrReplyTooLarge].
func (e *replyTooLargeError) Unwrap() error { return ErrReplyTooLarge }

// limitBody returns the body of resp bounded to limit bytes: reading
// more fails with a *replyTooLargeError, and so does the first read of
// a body whose Content-Length says that it is longer.
//
// It bounds the body as the caller reads it: when net/http asked for
// gzip itself, it inflates the body transparently (and drops its
// Content-Length), and the limit counts the inflated bytes, so that a
// small compressed body cannot fill the memory either.
func limitBody(resp *http.Response, limit int64) io.ReadCloser {
	if resp.Body == nil {
		return nil
	}
	b := &limitedBody{body: resp.Body, left: limit, limit: limit}
	if resp.ContentLength > limit {
		b.err = &replyTooLargeError{limit: limit}
	}
	return b
}

// limitedBody is a response body that fails once more than limit bytes
// have been read from it.
type limitedBody struct {
	body  io.ReadCloser
	left  int64 // bytes that may still be read
	limit int64
	err   error // sticky: the body is over the limit
}

func (b *limitedBody) Read(p []byte) (int, error) {
	if b.err != nil {
		return 0, b.err
	}
	// One byte more than is left is enough to find a body over the
	// limit, and no more is taken from the connection.
	if int64(len(p)) > b.left+1 {
		p = p[:b.left+1]
	}
	n, err := b.body.Read(p)
	if int64(n) > b.left {
		b.err = &replyTooLargeError{limit: b.limit}
		return 0, b.err
	}
	b.left -= int64(n)
	return n, err
}

// Close closes the body. One left unread closes its connection rather
// than draining it.
func (b *limitedBody) Close() error { return b.body.Close() }

// setTemperature rewrites the JSON body of req so that it holds the
// temperature of ex, or 0 if there is no exchange and no temperature, and
// drops the "stream": false that go-openai always adds.
func setTemperature(req *http.Request, ex *exchange) error {
	body, err := io.ReadAll(req.Body)
	req.Body.Close()
	if err != nil {
		return fmt.Errorf("reading the request body: %w", err)
	}
	var fields map[string]json.RawMessage
	if err := json.Unmarshal(body, &fields); err != nil {
		return fmt.Errorf("setting the temperature in the request body: %w", err)
	}
	if _, ok := fields["temperature"]; ex != nil && ex.noTemperature {
		delete(fields, "temperature")
	} else if ex != nil || !ok {
		var t float64
		if ex != nil {
			t = ex.temperature
		}
		if fields["temperature"], err = json.Marshal(t); err != nil {
			return fmt.Errorf("setting the temperature in the request body: %w", err)
		}
	}
	if string(fields["stream"]) == "false" {
		delete(fields, "stream") // go-openai always sends it; only the five fields go out
	}
	if body, err = json.Marshal(fields); err != nil {
		return fmt.Errorf("setting the temperature in the request body: %w", err)
	}
	req.ContentLength = int64(len(body))
	req.Body = io.NopCloser(bytes.NewReader(body))
	req.GetBody = func() (io.ReadCloser, error) { return io.NopCloser(bytes.NewReader(body)), nil }
	return nil
}

// reasoningField returns choices[0].message.reasoning, the name that some
// servers (Ollama, newer vLLM) use instead of reasoning_content.
func reasoningField(body []byte) string {
	if !bytes.Contains(body, []byte(`"reasoning"`)) {
		return ""
	}
	var r struct {
		Choices []struct {
			Message struct {
				Reasoning string `json:"reasoning"`
			} `json:"message"`
		} `json:"choices"`
	}
	if json.Unmarshal(body, &r) != nil || len(r.Choices) == 0 {
		return ""
	}
	return r.Choices[0].Message.Reasoning
}
