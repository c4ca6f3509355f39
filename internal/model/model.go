// Package model is syllobench's view of a language model: a [Model]
// completes a chat [Request] with a [Response]. The types are syllobench's
// own, so that no client library leaks into the rest of the suite; the
// OpenAI-compatible client, the fixture store and the reference reasoners
// all speak them.
package model

import (
	"context"
	"errors"
	"fmt"
)

// Message is one chat message.
type Message struct {
	Role    string `json:"role"`
	Content string `json:"content"`
}

// Request is a completion request as it is sent: the model, the
// messages of a chat completion or the prompt of a (text) completion, and
// every sampling parameter. Its JSON encoding, in field order, is
// canonical: the fixture store keys responses by its hash. A chat
// request's encoding is the same as before there were text completions,
// whose fields it omits.
type Request struct {
	Model string `json:"model"`
	// API is APICompletions for a text completion (POST /completions),
	// "" for a chat completion (POST /chat/completions).
	API      string    `json:"api,omitempty"`
	Messages []Message `json:"messages,omitempty"`
	// Prompt and Stop are a text completion's.
	Prompt      string   `json:"prompt,omitempty"`
	Stop        []string `json:"stop,omitempty"`
	Temperature float64  `json:"temperature"`
	Seed        int64    `json:"seed"`
	MaxTokens   int      `json:"max_tokens"`
}

// The APIs a request goes to.
const (
	APIChat        = "chat"        // POST /chat/completions: messages (Request.API is "")
	APICompletions = "completions" // POST /completions: a plain-text prompt, for base models
)

// Usage counts tokens.
type Usage struct {
	PromptTokens     int `json:"prompt_tokens"`
	CompletionTokens int `json:"completion_tokens"`
}

// Response is what a model answered.
type Response struct {
	Text              string `json:"text"`
	Reasoning         string `json:"reasoning,omitempty"` // a separate reasoning field, if the server sends one
	FinishReason      string `json:"finish_reason"`       // "stop", "length", …
	Usage             Usage  `json:"usage"`
	SystemFingerprint string `json:"system_fingerprint,omitempty"`
}

// Model completes chat requests. Implementations are safe for concurrent
// use.
type Model interface {
	Complete(ctx context.Context, req Request) (Response, error)
}

// ErrInfrastructure is wrapped by every error that is the fault of the
// network, the server or the configuration rather than an answer of the
// model. Such an error is never counted as a wrong answer.
var ErrInfrastructure = errors.New("infrastructure failure")

// ErrDeclined is wrapped by the error of a model that declines a question
// as one it does not answer, as a reference reasoner whose theory covers
// only syllogisms declines the rest. It is neither a wrong answer nor an
// infrastructure failure: the question is not applicable to that model.
var ErrDeclined = errors.New("the model declined the question as not applicable")

// CodeNotApplicable is the OpenAI-style error code, sent with HTTP 422,
// by which a server says that its model declines a question; the client
// returns it as a [DeclinedError]. The reference reasoners send it.
const CodeNotApplicable = "not_applicable"

// DeclinedError is a model's refusal of a question it does not answer,
// with the reason it gave. It wraps [ErrDeclined].
type DeclinedError struct{ Reason string }

func (e *DeclinedError) Error() string { return "declined: " + e.Reason }

// Unwrap returns [ErrDeclined].
func (e *DeclinedError) Unwrap() error { return ErrDeclined }

// InfraError describes an infrastructure failure. It wraps
// [ErrInfrastructure] and the underlying error.
type InfraError struct {
	Op         string // what was being done, e.g. "POST /v1/chat/completions"
	StatusCode int    // the HTTP status, or 0 when there was no response
	Attempts   int    // how many times the request was tried
	Err        error
}

func (e *InfraError) Error() string {
	s := e.Op
	if e.StatusCode != 0 {
		s += fmt.Sprintf(": HTTP %d", e.StatusCode)
	}
	if e.Attempts > 1 {
		s += fmt.Sprintf(" (after %d attempts)", e.Attempts)
	}
	return s + ": " + e.Err.Error()
}

// Unwrap returns both the sentinel and the cause, for [errors.Is].
func (e *InfraError) Unwrap() []error { return []error{ErrInfrastructure, e.Err} }
