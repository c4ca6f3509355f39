package probes

import (
	"errors"
	"strings"
	"testing"

	"github.com/syllobench/syllobench/internal/gen"
	"github.com/syllobench/syllobench/internal/verdict"
)

// results fakes the results of n validity items, the first wrong of them
// wrong and the next unparseable ones unparseable.
func results(t *testing.T, n, wrong, unparseable int) []Result {
	t.Helper()
	cs, err := familyCases(DefaultConfig(), "validity", n)
	if err != nil {
		t.Fatal(err)
	}
	var rs []Result
	for i, c := range cs {
		reply := "Answer: " + c.Item.Expected
		switch {
		case i < wrong:
			reply = "Answer: " + map[string]string{"yes": "no", "no": "yes"}[c.Item.Expected]
		case i < wrong+unparseable:
			reply = "I'd rather not say."
		}
		v := Read(c.Item, reply)
		rs = append(rs, Result{Case: c, Reply: reply, Verdict: v, Outcome: Grade(c.Item, v)})
	}
	return rs
}

func TestFloorChecks(t *testing.T) {
	for _, tc := range []struct {
		n, wrong, unparseable int
		fails                 bool
		reason                string
	}{
		{n: 8, fails: false, reason: "all right, however few"},
		{n: 3, wrong: 1, fails: false, reason: "2/3: P[X ≤ 2 | 3, 0.95] = 0.143, could be chance"},
		{n: 100, wrong: 2, fails: false, reason: "0.98 is above the floor"},
		{n: 100, wrong: 10, fails: true, reason: "90/100: P[X ≤ 90 | 100, 0.95] = 0.028 < 0.05"},
		{n: 20, wrong: 1, fails: false, reason: "19/20 is at the floor"},
		{n: 20, unparseable: 4, fails: true, reason: "an unparseable reply is not a right one: P[X ≤ 16 | 20, 0.95] = 0.016"},
	} {
		rs := results(t, tc.n, tc.wrong, tc.unparseable)
		c := floorChecks([]floorGroup{{what: "validity", rs: rs}}, 0.95, 0.05, false)[0]
		if got := len(c.Failures) > 0; got != tc.fails {
			t.Errorf("%d items, %d wrong, %d unparseable: fails %v, want %v (%s): %q", tc.n, tc.wrong, tc.unparseable, got, tc.fails, tc.reason, c.Failures)
		}
		if tc.fails && !strings.Contains(c.Failures[0], "expected: ") {
			t.Errorf("the failure shows no counterexample:\n%s", c.Failures[0])
		}
	}
}

// Testing several groups does not multiply false alarms: a group that
// fails alone (p = 0.028) passes once Holm's correction counts a second.
func TestFloorChecksHolm(t *testing.T) {
	bad := results(t, 100, 10, 0)
	good := results(t, 100, 0, 0)
	if c := floorChecks([]floorGroup{{what: "a", rs: bad}}, 0.95, 0.05, false); len(c[0].Failures) == 0 {
		t.Fatal("alone, 90/100 does not fail the 0.95 floor")
	}
	c := floorChecks([]floorGroup{{what: "a", rs: bad}, {name: "b", what: "b", rs: good}}, 0.95, 0.05, false)
	if len(c[0].Failures) != 0 || len(c[1].Failures) != 0 {
		t.Errorf("with two checks: failures %q, %q; want none (p = 0.056 after Holm)", c[0].Failures, c[1].Failures)
	}
}

// In strict mode every wrong or unparseable answer is its own failure.
func TestStrictListsEveryWrongAnswer(t *testing.T) {
	rs := results(t, 40, 3, 2)
	c := floorChecks([]floorGroup{{name: "condition=x", what: "validity", rs: rs, each: true}}, 0.5, 0.05, true)[0]
	if len(c.Failures) != 5 {
		t.Fatalf("%d failures; want one per wrong or unparseable answer, 5", len(c.Failures))
	}
	for i, f := range c.Failures {
		if !strings.Contains(f, rs[i].ID) || !strings.Contains(f, "reply: ") {
			t.Errorf("failure %d does not show item %s and its reply:\n%s", i, rs[i].ID, f)
		}
	}
}

// Infrastructure errors are counted apart and never as wrong answers. The
// assessment counts them; the run describes them (internal/run's
// errorSummary, which knows a replay miss), and an assessment with
// infrastructure errors does not pass.
func TestErrorsAreNotWrongAnswers(t *testing.T) {
	rs := results(t, 30, 0, 0)
	for i := range 10 {
		rs[i].Outcome, rs[i].Err = Error, errors.New("POST /v1/chat/completions: HTTP 503: infrastructure failure")
	}
	rs[10].Outcome, rs[10].Err = Error, errors.New("no recorded response")
	a := floorAssessment("validity", DefaultConfig(), rs, "condition", byCondition, nil)
	if a.Tally.Errors != 11 || a.Tally.Wrong != 0 || a.Tally.Answered() != 19 {
		t.Errorf("tally %+v; want 11 errors, none wrong, 19 answered", a.Tally)
	}
	if len(a.Failed()) != 0 {
		t.Errorf("the model fails %q for the infrastructure's errors", a.Failed())
	}
	if len(a.Infrastructure) != 0 {
		t.Errorf("Assess described the errors %q; the run does", a.Infrastructure)
	}
	if !a.Passed() {
		t.Error("without infrastructure errors described, the assessment fails")
	}
	a.Infrastructure = []string{"POST /v1/chat/completions: HTTP 503"}
	if a.Passed() || len(a.Failed()) != 0 {
		t.Errorf("with infrastructure errors: passed %v, failed checks %q; want it not to pass, and no check failed", a.Passed(), a.Failed())
	}
}

func TestCounterexampleTrimsReply(t *testing.T) {
	rs := results(t, 1, 1, 0)
	rs[0].Reply = strings.Repeat("word ", 1000) + "\x00\xff Answer: no"
	s := Counterexample(rs[0])
	if len(s) > 2000 || !strings.Contains(s, "bytes more") || !strings.Contains(s, "expected: ") {
		t.Errorf("counterexample of a long reply:\n%s", s)
	}
}

func TestReadAndGrade(t *testing.T) {
	cs, err := familyCases(DefaultConfig(), "conclusions", 4)
	if err != nil {
		t.Fatal(err)
	}
	it := cs[0].Item
	var right gen.Option
	for _, o := range it.Options {
		if o.Label == it.Expected {
			right = o
		}
	}
	for reply, want := range map[string]Outcome{
		"Answer: " + it.Expected:             Correct,
		"Answer: " + right.Response.String(): Correct, // the CCOBRA code of the option
		right.Text:                           Correct, // its text, as the last line
		"Answer: 1 or 2":                     Unparseable,
		"":                                   Unparseable,
	} {
		if got := Grade(it, Read(it, reply)); got != want {
			t.Errorf("reply %q to %s (expected %s): %s, want %s", reply, it.ID, it.Expected, got, want)
		}
	}
}

// A reply cut off at its token limit gives no answer, unless its answer
// line came before the cut: whatever it said last is not its verdict.
func TestJudgeTruncated(t *testing.T) {
	cs, err := familyCases(DefaultConfig(), "validity", 1)
	if err != nil {
		t.Fatal(err)
	}
	it := cs[0].Item
	other := map[string]string{"yes": "no", "no": "yes"}[it.Expected]
	for _, tc := range []struct {
		reply, finish string
		want          Outcome
		reason        string
	}{
		{"Let me check each case. So the answer is " + it.Expected, "length", Truncated, "a last line that a cut ended is not an answer, even a right one"},
		{"Step 1: the premises say. The conclusion is " + other, "length", Truncated, "nor a wrong one"},
		{"Answer: " + it.Expected + "\n\nBecause the premises", "length", Correct, "the answer line came before the cut"},
		{"Answer: " + other + "\n\nBecause", "length", Wrong, "a wrong answer line before the cut is a wrong answer"},
		{"So the answer is " + it.Expected, "stop", Correct, "a reply that ended on its own is read as always"},
		{"", "length", Truncated, "nothing before the cut"},
	} {
		v, got := Judge(it, tc.reply, tc.finish)
		if got != tc.want || (got == Truncated) != (v.Rule == CutOff) || (got == Truncated && v.Label != "") {
			t.Errorf("%q (finish %s): %s by %q, want %s: %s", tc.reply, tc.finish, got, v.Rule, tc.want, tc.reason)
		}
	}
	var tally Tally
	for _, o := range []Outcome{Correct, Truncated, Wrong} {
		tally.Add(o)
	}
	if acc, _ := tally.Accuracy(); tally.Truncated != 1 || tally.Answered() != 3 || acc != 1.0/3 {
		t.Errorf("a truncated reply counts as answered and not right: %+v, accuracy %v", tally, acc)
	}
	r := Result{Case: cs[0], Outcome: Truncated, Reply: "Let me", Verdict: verdict.Result{Rule: CutOff}}
	if c := Counterexample(r); !strings.Contains(c, "given: none: the reply was cut off at the token limit") {
		t.Errorf("counterexample of a truncated reply:\n%s", c)
	}
}
