package verdict

import (
	"testing"

	"github.com/syllobench/syllobench/internal/question"
)

func TestParseOpen(t *testing.T) {
	for _, tc := range []struct {
		reply, label string
		rule         Rule
		reason       string
	}{
		{"Answer: a mammal", "mammal", AnswerLine, "the article goes"},
		{"X is a dog, so it is an animal.\n**Answer:** An Animal.", "animal", AnswerLine, "markdown, capitals and the final stop go"},
		{`Answer: "runs on batteries"`, "runs on batteries", AnswerLine, "a verb phrase is a phrase too"},
		{"Answer: the wumpuses", "wumpuses", AnswerLine, "a plural stays plural: the grader matches forms"},
		{"Answer: a dog or a cat", "", Conflicting, "two answers"},
		{"Answer: dog, cat", "", Conflicting, "a list"},
		{"Answer:", "", AnswerWithoutLabel, "an empty answer line"},
		{"It must be a mammal.", "", NoVerdict, "no answer line: an open answer is not read from prose"},
		{"<think>Answer: cat</think>Answer: dog", "dog", AnswerLine, "think blocks are not read"},
		{"<think>hmm", "", UnclosedThink, "an unclosed think block"},
		{"", "", EmptyReply, "nothing"},
	} {
		got := Parse(question.Open, tc.reply)
		if got.Label != tc.label || got.Rule != tc.rule || got.Unparseable != (tc.label == "") {
			t.Errorf("%q: %v, want %q by %s: %s", tc.reply, got, tc.label, tc.rule, tc.reason)
		}
	}
}
