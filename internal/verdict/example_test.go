package verdict_test

import (
	"fmt"

	"github.com/syllobench/syllobench/internal/question"
	"github.com/syllobench/syllobench/internal/verdict"
)

func ExampleParse() {
	reply := `<think>
All A are B and some B are C, so some A are C? Answer: yes.
</think>

The C's that are B need not be A's: the middle term is never distributed.

**Answer:** No`
	r := verdict.Parse(question.Validity, reply)
	fmt.Println(r.Label)
	fmt.Println(r.Rule)
	fmt.Println(r)
	// Output:
	// no
	// last "Answer:" line
	// no (last "Answer:" line: "**Answer:** No")
}

func ExampleParse_heuristics() {
	for _, reply := range []string{
		"Every poodle is a dog and every dog is an animal.\nSo the statement must be true.",
		"It cannot be determined.\n\nThe premises say nothing about Rex.",
		"Answer: Not enough information",
		"Answer: Yes",
	} {
		fmt.Println(verdict.Parse(question.Truth, reply))
	}
	// Output:
	// true (final line: "So the statement must be true.")
	// unknown (whole reply: "It cannot be determined.")
	// unknown (last "Answer:" line: "Answer: Not enough information")
	// true (last "Answer:" line: "Answer: Yes")
}

func ExampleParse_unparseable() {
	for _, reply := range []string{
		"Answer: yes or no",
		"<think>\nLet me work through the premises",
		"I'm sorry, but I can't help with that.",
		"Answer: <label>",
		" \n",
	} {
		fmt.Println(verdict.Parse(question.Validity, reply))
	}
	// Output:
	// unparseable (conflicting answers: "Answer: yes or no")
	// unparseable (unclosed <think>: "<think> Let me work through the premises")
	// unparseable (refusal: "I'm sorry, but I can't help with that.")
	// unparseable ("Answer:" line without a label: "Answer: <label>")
	// unparseable (empty reply)
}

func ExampleParseChoice() {
	options := []verdict.Option{
		{Label: "1", Letter: "A", Code: "Iac", Text: "Some artists are chemists."},
		{Label: "2", Letter: "B", Code: "Oac", Text: "Some artists are not chemists."},
		{Label: "3", Letter: "C", Code: "NVC", Text: "None of these conclusions follows."},
	}
	for _, reply := range []string{
		"Answer: 2",
		"Answer: (B)",
		"Answer: Oac",
		"Answer: Some artists are not chemists.",
		"So there is no valid conclusion.",
		"Answer: A or B",
	} {
		fmt.Println(verdict.ParseChoice(reply, options))
	}
	// Output:
	// 2 (last "Answer:" line: "Answer: 2")
	// 2 (last "Answer:" line: "Answer: (B)")
	// 2 (last "Answer:" line: "Answer: Oac")
	// 2 (last "Answer:" line: "Answer: Some artists are not chemists.")
	// 3 (final line: "So there is no valid conclusion.")
	// unparseable (conflicting answers: "Answer: A or B")
}
