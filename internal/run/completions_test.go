package run

import (
	"context"
	"strings"
	"testing"

	"github.com/syllobench/syllobench/internal/model"
	"github.com/syllobench/syllobench/internal/prompt"
	"github.com/syllobench/syllobench/probes"
)

// Through the completions endpoint, in every format, ref-logic answers
// every probe rightly: the plain-text prompt reads back, and an answer
// that finishes the prompt's "Answer:" is read as that line. The
// requests are text completions, keyed apart from chat ones.
func TestCompletionsAPI(t *testing.T) {
	for _, f := range prompt.Formats() {
		s := sessionFor(t, "ref-logic", func(st *Settings) { st.API = model.APICompletions; st.Battery.Format = f })
		for _, name := range []string{"validity", "open", "distractors", "famous", "conclusions"} {
			p, err := probes.ByName(name)
			if err != nil {
				t.Fatal(err)
			}
			a, rs, err := s.Probe(context.Background(), p)
			if err != nil {
				t.Fatal(err)
			}
			if a.Tally.Correct != a.Tally.N || a.Tally.N == 0 {
				t.Errorf("%s %s: %+v; want every answer right", f, name, a.Tally)
				for _, r := range rs {
					if r.Outcome != probes.Correct {
						t.Logf("%s: %s %q", r.ID, r.Outcome, r.Reply)
						break
					}
				}
			}
			req, err := s.Sampling().Request(rs[0].Case)
			if err != nil || req.API != model.APICompletions || req.Messages != nil || !strings.HasSuffix(strings.TrimSuffix(req.Prompt, " "+prompt.StepByStep), "Answer:") {
				t.Errorf("%s %s: request %+v, %v", f, name, req, err)
			}
		}
	}
}
