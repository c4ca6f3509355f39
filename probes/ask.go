package probes

import (
	"slices"

	"github.com/syllobench/syllobench/internal/gen"
	"github.com/syllobench/syllobench/internal/question"
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
	// Truncated: the reply was cut off at its token limit
	// (finish_reason "length") before it gave its answer line, so
	// whatever it said last is not its answer. It counts as not right,
	// apart from wrong and unparseable, so that a limit too low for the
	// format shows as such.
	Truncated Outcome = "truncated"
	Error     Outcome = "error"
	// NotApplicable: the model declined the question as not one it
	// answers, as the reference reasoners of syllogism theories decline
	// questions about individuals.
	NotApplicable Outcome = "not-applicable"
)

// Result is the answer to one case.
type Result struct {
	Case
	PromptHash string // hex SHA-256 of the messages, the same for every model
	Key        string // the fixture key of the request
	Reply      string // the reply text; "" on error
	Tokens     int    // prompt and completion tokens, as the server counted them
	Verdict    verdict.Result
	Outcome    Outcome
	Err        error // set when Outcome is Error or NotApplicable
}

// Answer is the label the model gave, or "" when it gave none.
func (r Result) Answer() string { return r.Verdict.Label }

// Read finds the answer a reply gives to an item.
func Read(it gen.Item, reply string) verdict.Result {
	if it.Kind == question.Choice {
		opts := make([]verdict.Option, len(it.Options))
		for i, o := range it.Options {
			opts[i] = verdict.Option{Label: o.Label, Code: o.Response.String(), Text: o.Text}
		}
		return verdict.ParseChoice(reply, opts)
	}
	return verdict.Parse(it.Kind, reply)
}

// CutOff is the rule of the verdict of a truncated reply.
const CutOff verdict.Rule = "cut off at the token limit before an answer line"

// Judge reads a reply to an item and grades it. A reply cut off at its
// token limit (finishReason "length") is Truncated and its verdict is not
// used, unless it came from an "Answer:" line, which the prompt asks for
// last: a reply that gave its answer line before the cut answered.
func Judge(it gen.Item, reply, finishReason string) (verdict.Result, Outcome) {
	v := Read(it, reply)
	if finishReason == "length" && (v.Rule != verdict.AnswerLine || v.Label == "") {
		return verdict.Result{Rule: CutOff, Evidence: v.Label, Unparseable: true}, Truncated
	}
	return v, Grade(it, v)
}

// Grade says whether a verdict answers an item rightly. The answer to an
// open question is right when it says one of the item's accepted
// answers ([verdict.OpenMatches]); any other is a label to match.
func Grade(it gen.Item, v verdict.Result) Outcome {
	switch {
	case v.Unparseable || v.Label == "":
		return Unparseable
	case it.Kind == question.Open && verdict.OpenMatches(v.Label, it.Accepted):
		return Correct
	case it.Kind != question.Open && slices.Contains(it.Accepted, v.Label):
		return Correct
	}
	return Wrong
}
