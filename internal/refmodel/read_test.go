package refmodel

import (
	"errors"
	"slices"
	"strings"
	"testing"

	"github.com/syllobench/syllobench/internal/gen"
	"github.com/syllobench/syllobench/internal/logic"
	"github.com/syllobench/syllobench/internal/model"
	"github.com/syllobench/syllobench/internal/prompt"
	"github.com/syllobench/syllobench/internal/question"
)

// messages returns the chat messages of it in format f, as model messages.
func messages(t testing.TB, it gen.Item, f prompt.Format) []model.Message {
	t.Helper()
	ms, err := prompt.Messages(it, f)
	if err != nil {
		t.Fatalf("prompt for %s: %v", it.ID, err)
	}
	return ms
}

// items returns n canonical items of every family under sem.
func items(t testing.TB, seed uint64, n int, sem logic.Semantics) map[string][]gen.Item {
	t.Helper()
	out := map[string][]gen.Item{}
	for _, fam := range gen.Families() {
		its, err := fam.Items(seed, n, sem, gen.Canonical)
		if err != nil {
			t.Fatalf("items of %s: %v", fam.Name, err)
		}
		out[fam.Name] = its
	}
	return out
}

func TestReadEveryFamily(t *testing.T) {
	for _, sem := range []logic.Semantics{logic.Boolean, logic.Traditional} {
		for fam, its := range items(t, 7, 60, sem) {
			for _, it := range its {
				for _, f := range prompt.Formats() {
					q, err := Read(messages(t, it, f))
					if err != nil {
						t.Fatalf("%s %s %s: %v", fam, it.ID, f, err)
					}
					checkRead(t, it, q)
				}
			}
		}
	}
}

func checkRead(t *testing.T, it gen.Item, q Question) {
	t.Helper()
	if q.Kind != it.Kind || q.Semantics != it.Semantics {
		t.Fatalf("%s: read kind %s, semantics %v; want %s, %v", it.ID, q.Kind, q.Semantics, it.Kind, it.Semantics)
	}
	if !slices.Equal(q.Premises, it.Premises) {
		t.Fatalf("%s: read premises %v, want %v", it.ID, q.Premises, it.Premises)
	}
	if it.Kind == question.Open {
		// The conclusion is not shown: the question asks what it says.
		if q.Conclusion != nil || q.Asked.Name != it.Conclusion.Subject {
			t.Fatalf("%s: read %v asking about %q, want no conclusion and %q", it.ID, q.Conclusion, q.Asked.Name, it.Conclusion.Subject)
		}
	} else if (q.Conclusion == nil) != (it.Conclusion == nil) || q.Conclusion != nil && *q.Conclusion != *it.Conclusion {
		t.Fatalf("%s: read conclusion %v, want %v", it.ID, q.Conclusion, it.Conclusion)
	}
	if len(q.Options) != len(it.Options) {
		t.Fatalf("%s: read %d options, want %d", it.ID, len(q.Options), len(it.Options))
	}
	for i, o := range it.Options {
		s, ok := o.Response.Statement()
		if q.Options[i].Label != o.Label || q.Options[i].NVC == ok {
			t.Fatalf("%s: option %d read as %+v, want %+v", it.ID, i, q.Options[i], o)
		}
		_ = s
	}
}

func TestReadFewShotReadsLastUserMessage(t *testing.T) {
	for fam, its := range items(t, 3, 20, logic.Traditional) {
		for _, it := range its {
			ms := messages(t, it, prompt.FewShot)
			if len(ms) < 4 {
				t.Fatalf("%s: few-shot prompt has only %d messages", fam, len(ms))
			}
			q, err := Read(ms)
			if err != nil {
				t.Fatalf("%s: %v", it.ID, err)
			}
			checkRead(t, it, q)
			// A trailing assistant message does not change the question.
			q2, err := Read(append(ms, model.Message{Role: "assistant", Content: "Answer: yes"}))
			if err != nil || !slices.Equal(q2.Premises, q.Premises) {
				t.Fatalf("%s: with a trailing assistant message: %v", it.ID, err)
			}
		}
	}
}

func TestReadUnreadable(t *testing.T) {
	its := items(t, 1, 1, logic.Traditional)
	valid := messages(t, its["validity"][0], prompt.Direct)
	user := valid[len(valid)-1].Content
	cases := map[string][]model.Message{
		"no messages":     nil,
		"no user":         {{Role: "system", Content: prompt.System}},
		"free text":       {{Role: "user", Content: "What is the capital of France?"}},
		"no answer line":  {{Role: "user", Content: strings.Split(user, "\n\nEnd your reply")[0]}},
		"garbled premise": {{Role: "user", Content: strings.Replace(user, "1. ", "1. Most of the ", 1)}},
		"no conclusion":   {{Role: "user", Content: strings.Replace(user, "Conclusion:", "Remark:", 1)}},
		"wrong labels":    {{Role: "user", Content: strings.Replace(user, "yes or no", "true, false or unknown", 1)}},
	}
	for name, ms := range cases {
		_, err := Read(ms)
		if !errors.Is(err, ErrUnreadable) {
			t.Errorf("%s: Read gave %v, want ErrUnreadable", name, err)
			continue
		}
		for _, r := range All() {
			if _, err := r.Reply(ms); !errors.Is(err, ErrUnreadable) {
				t.Errorf("%s: %s gave %v, want ErrUnreadable", name, r.Name(), err)
			}
		}
		t.Logf("%s: %v", name, err)
	}
}
