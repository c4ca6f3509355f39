package run

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strings"
	"sync"

	"github.com/syllobench/syllobench/internal/fixture"
	"github.com/syllobench/syllobench/internal/model"
	"github.com/syllobench/syllobench/internal/prompt"
	"github.com/syllobench/syllobench/probes"
)

// Sampling is how every request of a run is sampled.
type Sampling struct {
	Model       string
	Temperature float64
	Seed        int64
	MaxTokens   int
	// API is model.APICompletions to ask through the completions
	// endpoint with a plain-text prompt (a base model); "" or
	// model.APIChat for chat messages.
	API string
}

// Request returns the request that asks c.
func (s Sampling) Request(c probes.Case) (model.Request, error) {
	req, _, err := s.request(c)
	return req, err
}

// request returns the request that asks c, and the text a reply to it is
// read from: the reply itself, or for a completion whose prompt ends with
// "Answer:" that line and the reply.
func (s Sampling) request(c probes.Case) (model.Request, func(reply string) string, error) {
	req := model.Request{Model: s.Model, Temperature: s.Temperature, Seed: s.Seed, MaxTokens: s.MaxTokens}
	if s.API == model.APICompletions {
		p, err := prompt.CompletionFor(c.Item, c.Format)
		if err != nil {
			return model.Request{}, nil, err
		}
		req.API, req.Prompt, req.Stop = model.APICompletions, p.Text, p.Stop
		if p.MaxTokens > 0 && (req.MaxTokens == 0 || p.MaxTokens < req.MaxTokens) {
			req.MaxTokens = p.MaxTokens
		}
		return req, func(reply string) string { return prompt.ReplyToRead(p, reply) }, nil
	}
	msgs, err := prompt.Messages(c.Item, c.Format)
	if err != nil {
		return model.Request{}, nil, err
	}
	req.Messages = msgs
	return req, func(reply string) string { return reply }, nil
}

// Ask asks m every case, at most workers at a time, and returns the
// results in the order of cases. Every case gets a result: a failed
// request is an Error result, never a dropped one.
func Ask(ctx context.Context, m model.Model, s Sampling, cases []probes.Case, workers int) []probes.Result {
	return ask(ctx, m, s, cases, workers, nil)
}

// ask is Ask, calling done (when not nil) with each result as it comes.
func ask(ctx context.Context, m model.Model, s Sampling, cases []probes.Case, workers int, done func(probes.Result)) []probes.Result {
	rs := make([]probes.Result, len(cases))
	jobs := make(chan int)
	var wg sync.WaitGroup
	for range max(1, min(workers, len(cases))) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range jobs {
				rs[i] = askOne(ctx, m, s, cases[i])
				if done != nil {
					done(rs[i])
				}
			}
		}()
	}
	for i := range cases {
		jobs <- i
	}
	close(jobs)
	wg.Wait()
	return rs
}

func askOne(ctx context.Context, m model.Model, s Sampling, c probes.Case) probes.Result {
	r := probes.Result{Case: c, Outcome: probes.Error}
	req, read, err := s.request(c)
	if err != nil {
		r.Err = err
		return r
	}
	r.PromptHash = hashMessages(req.Messages)
	if req.API == model.APICompletions {
		r.PromptHash = hashMessages([]model.Message{{Role: model.APICompletions, Content: req.Prompt}})
	}
	var resp model.Response
	if km, ok := m.(keyedModel); ok {
		resp, r.Key, err = km.CompleteKeyed(ctx, req)
	} else if r.Key, err = fixture.Key(req); err == nil {
		resp, err = m.Complete(ctx, req)
	}
	if errors.Is(err, model.ErrDeclined) {
		r.Outcome, r.Err = probes.NotApplicable, err
		return r
	}
	if err != nil {
		r.Err = err
		return r
	}
	r.Reply, r.Tokens = resp.Text, resp.Usage.PromptTokens+resp.Usage.CompletionTokens
	r.Verdict, r.Outcome = probes.Judge(c.Item, read(resp.Text), resp.FinishReason)
	return r
}

// keyedModel is a model that returns each request's fixture key with its
// answer, as the fixture store does, having computed it anyway.
type keyedModel interface {
	CompleteKeyed(ctx context.Context, req model.Request) (model.Response, string, error)
}

func hashMessages(msgs []model.Message) string {
	b, err := json.Marshal(msgs)
	if err != nil {
		return ""
	}
	h := sha256.Sum256(b)
	return hex.EncodeToString(h[:])
}

// errorSummary describes the infrastructure errors among rs: how many,
// and each distinct message once, so that a dead server is one line and
// not a thousand. Replay misses are one line, with how many there were,
// the first item missing and the command that records them.
func errorSummary(rs []probes.Result) (n int, msgs []string) {
	seen := map[string]bool{}
	misses, firstMiss, command := 0, "", ""
	for _, r := range rs {
		if r.Outcome != probes.Error {
			continue
		}
		n++
		var miss *fixture.MissError
		if errors.As(r.Err, &miss) {
			if misses == 0 {
				firstMiss, command = r.ID, miss.Command
			}
			misses++
			continue
		}
		if msg := r.Err.Error(); !seen[msg] && len(msgs) < 5 {
			seen[msg] = true
			msgs = append(msgs, msg)
		}
	}
	if misses > 0 {
		what := fmt.Sprintf("%d questions have", misses)
		if misses == 1 {
			what = "1 question has"
		}
		msgs = append([]string{fmt.Sprintf("%s no recorded response (replay mode), the first %s; record them with: %s",
			what, firstMiss, command)}, msgs...)
	}
	return n, msgs
}

// errors describes the infrastructure errors among rs (see errorSummary);
// when questions were missing in replay and this run's settings differ
// from the recorded ones, it says which differ, the likely cause.
func (s *Session) errors(rs []probes.Result) []string {
	_, msgs := errorSummary(rs)
	missed := slices.ContainsFunc(rs, func(r probes.Result) bool {
		var miss *fixture.MissError
		return errors.As(r.Err, &miss)
	})
	if diffs := s.Settings.recordedDifferences(); missed && len(diffs) > 0 {
		msgs = append(msgs, fmt.Sprintf("this run is not configured as %s was recorded (%s): %s; unset them to replay what was recorded, or record again",
			s.Settings.Model.Model, s.Settings.Recorded.Path, strings.Join(diffs, ", ")))
	}
	return msgs
}

// PairError is the error of a content pair whose question could not be
// asked: a replay miss, with the command that records the fuzz case
// named test (its t.Name()), or an infrastructure failure. It is nil when
// both were answered or declined.
func PairError(pair [2]probes.Result, test string) error {
	for _, r := range pair {
		var miss *fixture.MissError
		switch {
		case errors.As(r.Err, &miss):
			return fmt.Errorf("no recorded response for %s in replay mode; record this case with:\n\tSYLLOBENCH_MODE=record go test -run '^%s$' .", r.ID, test)
		case r.Outcome == probes.Error:
			return fmt.Errorf("infrastructure failure, not a model failure: %s: %w", r.ID, r.Err)
		}
	}
	return nil
}
