package verdict

import (
	"math"
	"testing"

	"github.com/syllobench/syllobench/internal/question"
)

func TestParseSelection(t *testing.T) {
	for _, tc := range []struct {
		reply, label string
		rule         Rule
	}{
		{"Answer: 1, 4", "1,4", AnswerLine},
		{"Premises 4 and 1 are needed.\nAnswer: 4 and 1", "1,4", AnswerLine},
		{"**Answer:** premises 2, 3.", "2,3", AnswerLine},
		{"Answer: [1, 3, 3]", "1,3", AnswerLine},
		{"Answer: none", question.NoneSelected, AnswerLine},
		{"Answer: None of them.", question.NoneSelected, AnswerLine},
		{"Answer: 1 or 2", "", Conflicting},
		{"Answer: none, 2", "", Conflicting},
		{"Answer: all of them", "", AnswerWithoutLabel},
		{"Answer: 0", "", AnswerWithoutLabel},
		{"Premises 1 and 2 are needed.", "", NoVerdict},
		{"I'm sorry, I can't help with that.", "", Refused},
		{"<think>Answer: 1</think>Answer: 2", "2", AnswerLine},
		{"", "", EmptyReply},
	} {
		got := Parse(question.Selection, tc.reply)
		if got.Label != tc.label || got.Rule != tc.rule || got.Unparseable != (tc.label == "") {
			t.Errorf("%q: %v; want %q by %s", tc.reply, got, tc.label, tc.rule)
		}
	}
}

func TestSelectionF1(t *testing.T) {
	for _, tc := range []struct {
		answer   string
		accepted []string
		want     float64
	}{
		{"1,4", []string{"1,4"}, 1},
		{"1", []string{"1,4"}, 2.0 / 3},  // precision 1, recall 1/2
		{"1,2,4", []string{"1,4"}, 0.8},  // precision 2/3, recall 1
		{"2,3", []string{"1,4"}, 0},      // nothing right
		{"1,2", []string{"3", "1,2"}, 1}, // the best of two minimal sets
		{"none", []string{"none"}, 1},    // an invalid argument, rightly
		{"1,2", []string{"none"}, 0},     // premises chosen for an invalid one
		{"none", []string{"1,2"}, 0},     // none chosen for a valid one
		{"", []string{"none"}, 0},        // no answer
	} {
		if got := SelectionF1(tc.answer, tc.accepted); math.Abs(got-tc.want) > 1e-12 {
			t.Errorf("SelectionF1(%q, %q) = %v, want %v", tc.answer, tc.accepted, got, tc.want)
		}
	}
	if question.SelectionLabel(nil) != question.NoneSelected || question.SelectionLabel([]int{1, 3}) != "1,3" {
		t.Error("SelectionLabel")
	}
}
