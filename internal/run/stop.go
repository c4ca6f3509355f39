package run

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/syllobench/syllobench/internal/model"
)

// StopError says why a run stopped before asking everything: its
// deadline, or requests that kept failing.
type StopError struct {
	Reason string
	Last   error // the last failed request's error, when that is why
}

func (e *StopError) Error() string {
	if e.Last != nil {
		return e.Reason + "; the last error: " + e.Last.Error()
	}
	return e.Reason
}

func (e *StopError) Unwrap() error { return e.Last }

// breaker stops the run when requests keep failing: after limit failures
// in a row, or at once when the server refuses the key, since neither
// gets better by asking the rest of the battery.
type breaker struct {
	inner model.Model
	limit int
	stop  context.CancelCauseFunc
	key   string // what to do about a refused key (see keyAdvice)

	mu      sync.Mutex
	failing int
	tripped *StopError // once set, no request is sent
}

func (b *breaker) trip(e *StopError) {
	b.mu.Lock()
	if b.tripped == nil {
		b.tripped = e
	}
	b.mu.Unlock()
	b.stop(e)
}

func (b *breaker) Complete(ctx context.Context, req model.Request) (model.Response, error) {
	b.mu.Lock()
	tripped := b.tripped
	b.mu.Unlock()
	if tripped != nil {
		return model.Response{}, &model.InfraError{Op: "not sent", Err: tripped}
	}
	resp, err := b.inner.Complete(ctx, req)
	switch {
	case err == nil || errors.Is(err, model.ErrDeclined):
		b.mu.Lock()
		b.failing = 0
		b.mu.Unlock()
		return resp, err
	case ctx.Err() != nil:
		return resp, err // abandoned by the run, not failed by the server
	}
	var ie *model.InfraError
	if errors.As(err, &ie) && (ie.StatusCode == http.StatusUnauthorized || ie.StatusCode == http.StatusForbidden) {
		b.trip(&StopError{Reason: fmt.Sprintf("the run stopped: the server refused the key (HTTP %d); %s", ie.StatusCode, keyAdvice(b.key)), Last: err})
		return resp, err
	}
	b.mu.Lock()
	b.failing++
	n := b.failing
	b.mu.Unlock()
	if n >= max(b.limit, 1) {
		b.trip(&StopError{Reason: fmt.Sprintf("the run stopped after %d requests failed in a row (SYLLOBENCH_MAX_FAILURES)", n), Last: err})
	}
	return resp, err
}

// checkTimeout bounds the check of a target: a server that accepts a
// connection and does not answer within it is not worth a run.
const checkTimeout = 15 * time.Second

// Check makes sure an external target can be asked before the battery
// is: that the server answers, accepts the key and serves the model.
// It lists the models (GET /models); a server that cannot list them, or
// does not list this one (llama.cpp's server answers to any name), is
// asked one short question instead. The error is one line that names the
// URL, without credentials, and what to do; key is what to do about a refused
// key (see keyAdvice).
func Check(ctx context.Context, c *model.Client, cfg model.Config, key string) error {
	ctx, cancel := context.WithTimeout(ctx, min(cfg.Timeout, checkTimeout))
	defer cancel()
	url := model.RedactURL(cfg.BaseURL)
	names, err := c.Models(ctx)
	if err == nil && slices.Contains(names, cfg.Model) {
		return nil
	}
	if err != nil {
		if fatal := checkFailure(ctx, url, cfg, key, err, false); fatal != nil {
			return fatal
		}
	}
	req := cfg.NewRequest(model.Message{Role: "user", Content: "Reply with the word OK."})
	req.MaxTokens = 1
	_, err = c.Complete(ctx, req)
	if err == nil || errors.Is(err, model.ErrDeclined) {
		return nil
	}
	var ie *model.InfraError
	if errors.As(err, &ie) && ie.StatusCode == http.StatusNotFound && len(names) > 0 {
		return fmt.Errorf("the server at %s does not serve the model %q (HTTP 404); it serves %s: set SYLLOBENCH_MODEL to one of them", url, cfg.Model, strings.Join(names, ", "))
	}
	if fatal := checkFailure(ctx, url, cfg, key, err, true); fatal != nil {
		return fatal
	}
	return fmt.Errorf("the server at %s did not answer a first question for %q: %w", url, cfg.Model, err)
}

// checkFailure turns a failure of the check that no later request would
// overcome into its one-line error: no server, a refused key, no answer,
// and for the question (asked, not listing), a model not found.
func checkFailure(ctx context.Context, url string, cfg model.Config, key string, err error, asked bool) error {
	var ie *model.InfraError
	var dns *net.DNSError
	var op *net.OpError
	switch {
	case errors.As(err, &ie) && (ie.StatusCode == http.StatusUnauthorized || ie.StatusCode == http.StatusForbidden):
		what := "no key was sent"
		if cfg.HasAPIKey() {
			what = "the key was refused"
		}
		return fmt.Errorf("the server at %s answered HTTP %d (%s): %s", url, ie.StatusCode, what, keyAdvice(key))
	case errors.As(err, &dns):
		return fmt.Errorf("the server at %s cannot be found (%v): check SYLLOBENCH_BASE_URL", url, dns)
	case errors.As(err, &op) && op.Op == "dial":
		return fmt.Errorf("no server answers at %s (%v): start it, or check SYLLOBENCH_BASE_URL", url, op.Err)
	case ctx.Err() != nil:
		return fmt.Errorf("the server at %s accepted the connection but did not answer within %v: check that it is the model server, and that it is not stuck", url, min(cfg.Timeout, checkTimeout))
	case asked && errors.As(err, &ie) && ie.StatusCode == http.StatusNotFound && strings.Contains(strings.ToLower(err.Error()), "model"):
		return fmt.Errorf("the server at %s does not serve the model %q: %v; set SYLLOBENCH_MODEL to a model it serves", url, cfg.Model, err)
	}
	return nil
}

// keyAdvice says where to set a key the server refused: advice, for a
// model of a models file, or by default the variables that hold it.
func keyAdvice(advice string) string {
	return cmp.Or(advice, "set SYLLOBENCH_API_KEY (or OPENAI_API_KEY) to a key it accepts")
}
