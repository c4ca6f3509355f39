package model

import (
	"bytes"
	"encoding/json"
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
type wire struct {
	next HTTPDoer
	key  func() string
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
	if err != nil || ex == nil {
		return resp, err
	}
	ex.status, ex.header = resp.StatusCode, resp.Header
	if resp.StatusCode/100 != 2 {
		return resp, nil
	}
	body, err := io.ReadAll(resp.Body)
	resp.Body.Close()
	if err != nil {
		return nil, fmt.Errorf("reading the response body: %w", err)
	}
	ex.bodyRead = true
	ex.reasoning = reasoningField(body)
	resp.Body = io.NopCloser(bytes.NewReader(body))
	return resp, nil
}

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
