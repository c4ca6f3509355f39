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
		{"I'm sorry, but I can't help with that.", "", Refused, "a refusal"},
		{"Let me see. As an AI, I would rather not say.", "", Refused, "a refusal after a first sentence"},
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

func TestOpenMatches(t *testing.T) {
	accepted := []string{"batteries", "a backbone"}
	for _, tc := range []struct {
		phrase string
		want   bool
	}{
		{"batteries", true},
		{"Batteries", true},
		{"a battery", true},
		{"the batteries.", true},
		{"backbone", true},
		{"a backbone", true},
		{"backbones", true},
		{"runs on batteries", true},
		{"R2-D2 runs on batteries", true},
		{"not batteries", false},
		{"it doesn't run on batteries", false},
		{"diesel", false},
		{"batteries and diesel", false},
		{"", false},
		{"battery acid", false},
		{"1. All robots run on batteries", false},
		{"all robots run on batteries", false},
	} {
		if got := OpenMatches(tc.phrase, accepted); got != tc.want {
			t.Errorf("OpenMatches(%q, %q) = %t; want %t", tc.phrase, accepted, got, tc.want)
		}
	}
	if OpenMatches("glass", []string{"glasses"}) != true || OpenMatches("boxes", []string{"box"}) != true {
		t.Error("plural endings in -es are not undone")
	}
	if OpenMatches("anything", nil) {
		t.Error("an empty set accepts an answer")
	}
}
