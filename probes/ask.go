package probes

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"sync"

	"github.com/syllobench/syllobench/internal/fixture"
	"github.com/syllobench/syllobench/internal/gen"
	"github.com/syllobench/syllobench/internal/model"
	"github.com/syllobench/syllobench/internal/prompt"
	"github.com/syllobench/syllobench/internal/verdict"
)

// Outcome is how one question went.
type Outcome string

// The outcomes. Unparseable and Error are counted apart from Wrong: an
// unparseable reply gives no answer, and an error is the infrastructure's,
// never the model's.
const (
	Correct     Outcome = "correct"
	Wrong       Outcome = "wrong"
	Unparseable Outcome = "unparseable"
	Error       Outcome = "error"
	// NotApplicable: the model declined the question as not one it
	// answers (a model.DeclinedError), as the reference reasoners of
	// syllogism theories decline questions about individuals.
	NotApplicable Outcome = "not-applicable"
)

// Result is the answer to one case.
type Result struct {
	Case
	PromptHash string // hex SHA-256 of the messages, the same for every model
	Key        string // the fixture key of the request
	Reply      string // the reply text; "" on error
	Usage      model.Usage
	Verdict    verdict.Result
	Outcome    Outcome
	Err        error // set when Outcome is Error
}

// Answer is the label the model gave, or "" when it gave none.
func (r Result) Answer() string { return r.Verdict.Label }

// Sampling is how every request of a run is sampled.
type Sampling struct {
	Model       string
	Temperature float64
	Seed        int64
	MaxTokens   int
}

// Request returns the request that asks c.
func (s Sampling) Request(c Case) (model.Request, error) {
	msgs, err := prompt.Messages(c.Item, c.Format)
	if err != nil {
		return model.Request{}, err
	}
	return model.Request{Model: s.Model, Messages: msgs, Temperature: s.Temperature, Seed: s.Seed, MaxTokens: s.MaxTokens}, nil
}

// Ask asks m every case, at most workers at a time, and returns the
// results in the order of cases. Every case gets a result: a failed
// request is an Error result, never a dropped one.
func Ask(ctx context.Context, m model.Model, s Sampling, cases []Case, workers int) []Result {
	return ask(ctx, m, s, cases, workers, nil)
}

// ask is Ask, calling done (when not nil) with each result as it comes.
func ask(ctx context.Context, m model.Model, s Sampling, cases []Case, workers int, done func(Result)) []Result {
	rs := make([]Result, len(cases))
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

func askOne(ctx context.Context, m model.Model, s Sampling, c Case) Result {
	r := Result{Case: c, Outcome: Error}
	req, err := s.Request(c)
	if err != nil {
		r.Err = err
		return r
	}
	r.PromptHash = hashMessages(req.Messages)
	var resp model.Response
	if km, ok := m.(keyedModel); ok {
		resp, r.Key, err = km.CompleteKeyed(ctx, req)
	} else if r.Key, err = fixture.Key(req); err == nil {
		resp, err = m.Complete(ctx, req)
	}
	if errors.Is(err, model.ErrDeclined) {
		r.Outcome, r.Err = NotApplicable, err
		return r
	}
	if err != nil {
		r.Err = err
		return r
	}
	r.Reply, r.Usage = resp.Text, resp.Usage
	r.Verdict = Read(c.Item, resp.Text)
	r.Outcome = Grade(c.Item, r.Verdict)
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

// Read finds the answer a reply gives to an item.
func Read(it gen.Item, reply string) verdict.Result {
	switch it.Kind {
	case gen.Choice:
		opts := make([]verdict.Option, len(it.Options))
		for i, o := range it.Options {
			opts[i] = verdict.Option{Label: o.Label, Code: o.Response.String(), Text: o.Text}
		}
		return verdict.ParseChoice(reply, opts)
	case gen.Truth:
		return verdict.Parse(verdict.Truth, reply)
	}
	return verdict.Parse(verdict.YesNo, reply)
}

// Grade says whether a verdict answers an item rightly.
func Grade(it gen.Item, v verdict.Result) Outcome {
	switch {
	case v.Unparseable || v.Label == "":
		return Unparseable
	case slices.Contains(it.Accepted, v.Label):
		return Correct
	}
	return Wrong
}

// errorSummary describes the infrastructure errors among rs: how many,
// and each distinct message once, so that a dead server is one line and
// not a thousand. Replay misses are one line, with how many there were,
// the first item missing and the command that records them.
func errorSummary(rs []Result) (n int, msgs []string) {
	seen := map[string]bool{}
	misses, firstMiss, command := 0, "", ""
	for _, r := range rs {
		if r.Outcome != Error {
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
