package verdict

import (
	"fmt"
	"strings"
	"testing"

	"github.com/syllobench/syllobench/internal/question"
)

// parseCase is one reply and the verdict it must give.
type parseCase struct {
	name    string
	kind    question.Kind
	options []Option // for ParseChoice; nil reads options by number
	reply   string
	label   string // "" when unparseable
	rule    Rule
	reason  string
}

func (c parseCase) parse() Result {
	if c.options != nil {
		return ParseChoice(c.reply, c.options)
	}
	return Parse(c.kind, c.reply)
}

// parseCases returns every case, checking that each has a reason and a
// name of its own.
func parseCases() []parseCase {
	var all []parseCase
	for _, family := range []func() []parseCase{
		terseCases, markdownCases, chainOfThoughtCases, verdictFirstCases, thinkCases,
		jsonCases, hedgedCases, synonymCases, truthCases, unparseableCases, choiceCases,
		choiceOptionCases, proseCases, robustnessCases, negationCases, keyCases, correctionCases,
	} {
		all = append(all, family()...)
	}
	seen := map[string]bool{}
	for _, c := range all {
		if c.reason == "" {
			panic("case " + c.name + " has no reason")
		}
		if seen[c.name] {
			panic("duplicate case name " + c.name)
		}
		seen[c.name] = true
	}
	return all
}

func TestParse(t *testing.T) {
	cases := parseCases()
	if len(cases) < 80 {
		t.Errorf("%d cases, want at least 80", len(cases))
	}
	for _, c := range cases {
		t.Run(string(c.kind)+"/"+c.name, func(t *testing.T) {
			got := c.parse()
			if got.Label != c.label || got.Rule != c.rule || got.Unparseable != (c.label == "") {
				t.Errorf("reply %q\ngot  %v\nwant %q by %s\nbecause %s", c.reply, got, c.label, c.rule, c.reason)
			}
		})
	}
}

// ccobra are the options of a choice question about artists (A) and
// chemists (C), in CCOBRA order, numbered and lettered.
var ccobra = func() []Option {
	texts := []string{
		"All artists are chemists.", "All chemists are artists.",
		"Some artists are chemists.", "Some chemists are artists.",
		"No artists are chemists.", "No chemists are artists.",
		"Some artists are not chemists.", "Some chemists are not artists.",
		"None of these conclusions follows.",
	}
	codes := strings.Fields("Aac Aca Iac Ica Eac Eca Oac Oca NVC")
	opts := make([]Option, len(texts))
	for i := range opts {
		opts[i] = Option{Label: fmt.Sprint(i + 1), Letter: string(rune('A' + i)), Code: codes[i], Text: texts[i]}
	}
	return opts
}()

func terseCases() []parseCase {
	return []parseCase{
		{name: "answer-no", kind: question.Validity, reply: "Answer: no", label: "no", rule: AnswerLine,
			reason: "the line the prompt asks for"},
		{name: "answer-Yes", kind: question.Validity, reply: "Answer: Yes", label: "yes", rule: AnswerLine,
			reason: "case is ignored"},
		{name: "answer-caps", kind: question.Validity, reply: "ANSWER: NO", label: "no", rule: AnswerLine,
			reason: "all capitals"},
		{name: "answer-period", kind: question.Validity, reply: "Answer: yes.", label: "yes", rule: AnswerLine,
			reason: "trailing punctuation is ignored"},
		{name: "answer-dash", kind: question.Validity, reply: "ANSWER - yes", label: "yes", rule: AnswerLine,
			reason: "a dash separates the marker from its value"},
		{name: "final-answer", kind: question.Validity, reply: "Final answer: no", label: "no", rule: AnswerLine,
			reason: `"Final answer:" is an answer line`},
		{name: "answer-equals", kind: question.Validity, reply: "answer = yes", label: "yes", rule: AnswerLine,
			reason: "an equals sign separates too"},
		{name: "bare-no", kind: question.Validity, reply: "No", label: "no", rule: FinalLine,
			reason: "a reply that is only the label"},
		{name: "bare-yes-period", kind: question.Validity, reply: "Yes.\n", label: "yes", rule: FinalLine,
			reason: "the label alone on the last line"},
		{name: "answer-no-space", kind: question.Validity, reply: "Answer:No", label: "no", rule: AnswerLine,
			reason: "no space after the colon"},
		{name: "my-answer", kind: question.Validity, reply: "My answer: yes", label: "yes", rule: AnswerLine,
			reason: `"My answer:" is an answer line`},
		{name: "here-is-my-final-answer", kind: question.Validity, reply: "Here is my final answer: No", label: "no", rule: AnswerLine,
			reason: "a few lead-in words may precede the marker"},
	}
}

func markdownCases() []parseCase {
	return []parseCase{
		{name: "bold-marker", kind: question.Validity, reply: "**Answer:** No", label: "no", rule: AnswerLine,
			reason: "bold marker, plain value"},
		{name: "bold-line", kind: question.Validity, reply: "**Answer: No**", label: "no", rule: AnswerLine,
			reason: "the whole line in bold"},
		{name: "italic", kind: question.Validity, reply: "*Answer*: _yes_", label: "yes", rule: AnswerLine,
			reason: "italics on marker and value"},
		{name: "heading-bold-value", kind: question.Validity, reply: "### Final Answer\n\n**No**", label: "no", rule: AnswerLine,
			reason: "a heading takes the next non-empty line"},
		{name: "heading-sentence", kind: question.Validity, reply: "The premises share no term with the conclusion's predicate.\n\n**Final Answer**\nThe conclusion does not follow.",
			label: "no", rule: AnswerLine, reason: "a bold heading, then a verdict sentence"},
		{name: "blockquote-backticks", kind: question.Validity, reply: "> **Answer:** `yes`", label: "yes", rule: AnswerLine,
			reason: "blockquote and code span"},
		{name: "list-item", kind: question.Validity, reply: "- Premise check: done\n- **Answer**: No", label: "no", rule: AnswerLine,
			reason: "a list bullet before the marker"},
		{name: "brackets", kind: question.Validity, reply: "Answer: [No]", label: "no", rule: AnswerLine,
			reason: "square brackets copied from a template"},
		{name: "double-quotes", kind: question.Validity, reply: `Answer: "No"`, label: "no", rule: AnswerLine,
			reason: "quoted value"},
		{name: "angle-brackets", kind: question.Validity, reply: "Answer: <yes>", label: "yes", rule: AnswerLine,
			reason: "the template's angle brackets kept around the label"},
		{name: "answer-is-colon-bold", kind: question.Validity, reply: "Looking at the two premises, nothing links the groups.\n\nThe answer is: **No**.",
			label: "no", rule: AnswerLine, reason: `"The answer is:" with a colon is an answer line`},
		{name: "verdict-heading", kind: question.Validity, reply: "## Verdict\nInvalid", label: "no", rule: AnswerLine,
			reason: `a "Verdict" heading counts like "Answer"`},
		{name: "emoji-bullet", kind: question.Validity, reply: "✅ **Answer: Yes**", label: "yes", rule: AnswerLine,
			reason: "an emoji before the marker is decoration"},
		{name: "fullwidth-colon", kind: question.Validity, reply: "Answer：No", label: "no", rule: AnswerLine,
			reason: "a full-width colon, as some models write"},
		{name: "boxed", kind: question.Truth, reply: "Therefore the statement cannot be settled.\n\n$\\boxed{\\text{Unknown}}$", label: "unknown", rule: AnswerLine,
			reason: "math-tuned models box their answer"},
		{name: "bold-marker-own-line", kind: question.Truth, reply: "**Answer:**\n\n**False**", label: "false", rule: AnswerLine,
			reason: "an empty answer line takes the next line"},
		{name: "answer-parenthetical", kind: question.Validity, reply: "Answer (yes or no): no", label: "no", rule: AnswerLine,
			reason: "the model echoes the allowed labels in brackets after the marker"},
		{name: "trailing-note", kind: question.Validity, reply: "Answer: No\n\n*Note: under traditional semantics the answer would differ.*", label: "no", rule: AnswerLine,
			reason: `"the answer would" is not a marker, so the answer line stays last`},
	}
}

func chainOfThoughtCases() []parseCase {
	return []parseCase{
		{name: "cot-answer-line", kind: question.Validity, reply: `Let's analyze the premises step by step.

1. All wumpuses are zorples. This means every wumpus is a zorple.
2. Some zorples are blickets. So at least one zorple is a blicket.

The conclusion claims that some wumpuses are blickets. However, the zorples that are blickets need not be wumpuses. The premises are consistent with no wumpus being a blicket, so the conclusion does not necessarily follow.

Answer: No`, label: "no", rule: AnswerLine, reason: "reasoning, then the answer line"},
		{name: "cot-steps-then-yes", kind: question.Validity, reply: `Step 1: All A are B.
Step 2: All B are C.
From steps 1 and 2 it follows that all A are C. Is every A a C? Yes. Does the conclusion say anything more? No.

Answer: Yes`, label: "yes", rule: AnswerLine, reason: `the "yes" and "no" of inner questions do not outweigh the answer line`},
		{name: "cot-final-sentence", kind: question.Validity, reply: `We are told that no dogs are cats and that some cats are pets.
From this we know there are pets that are cats, and those pets are not dogs.
But nothing tells us whether any pet is not a dog in general, or whether all pets are dogs.
Therefore, the conclusion does not follow.`, label: "no", rule: FinalLine, reason: "no answer line; the last line is a verdict"},
		{name: "cot-so-the-answer-is", kind: question.Validity, reply: `Premise 1 places every triangle among the polygons. Premise 2 places every square among the polygons.
Two groups inside a third need not overlap at all.
So the answer is no.`, label: "no", rule: FinalLine, reason: `"So the answer is no." on the last line`},
		{name: "cot-verdict-then-pleasantry", kind: question.Validity, reply: `All Python programmers can write code, and all Java programmers can write code. Sharing a property does not make one group part of the other, so the argument is invalid: it commits the fallacy of the undistributed middle.

I hope this helps! Let me know if you have other questions.`, label: "no", rule: WholeReply,
			reason: "the last line is small talk, so the verdict phrase in the body decides"},
		{name: "cot-truth-answer", kind: question.Truth, reply: `The premises say that all zorples are wumpuses and that Max is a wumpus.
Being a wumpus does not make Max a zorple, and nothing says he is not one either.
Since nothing in the premises settles it, the statement cannot be determined.

Answer: unknown`, label: "unknown", rule: AnswerLine, reason: "truth question with reasoning"},
		{name: "cot-truth-final-line", kind: question.Truth, reply: `Premise 1: No reptiles are mammals.
Premise 2: All snakes are reptiles.
So every snake is a reptile, and no reptile is a mammal.
Hence the statement is false.`, label: "false", rule: FinalLine, reason: `"Hence the statement is false." ends the reply`},
		{name: "cot-valid-with-name", kind: question.Validity, reply: `This is the classic form Barbara (AAA-1): All M are P, all S are M, therefore all S are P.
Since the form is valid, the conclusion follows from the premises.

Answer: yes`, label: "yes", rule: AnswerLine, reason: "a textbook chain of thought"},
		{name: "cot-it-follows-that-steps", kind: question.Validity, reply: `From premise 1, it follows that every zorple is a wumpus.
From premise 2, it follows that some wumpus is a blicket.
But that wumpus need not be a zorple, so the argument is invalid.`, label: "no", rule: FinalLine,
			reason: `"it follows that" introduces a step, not a verdict`},
		{name: "cot-restated-question", kind: question.Validity, reply: `We need to decide whether the conclusion necessarily follows from the premises.
Does it? All cats are animals, and some animals are pets, but the pets might all be dogs.
The conclusion is not valid.
Answer: no`, label: "no", rule: AnswerLine, reason: "a restated question and a verdict, then the answer line"},
		{name: "cot-long-no-answer-line", kind: question.Validity, reply: strings.Repeat("Consider the premises again. Every A is a B, and some B are C. ", 40) +
			"\n\nIn short, the syllogism is invalid, since the middle term is never distributed.\n\nThank you for the interesting puzzle.",
			label: "no", rule: WholeReply, reason: "a long reply whose one verdict phrase is in its body"},
	}
}

func verdictFirstCases() []parseCase {
	return []parseCase{
		{name: "no-comma-explanation", kind: question.Validity, reply: `No, the conclusion does not follow.

Although all artists are beekeepers and some beekeepers are chemists, the chemists among the beekeepers may include no artists at all.`,
			label: "no", rule: WholeReply, reason: "verdict first, explanation after"},
		{name: "yes-then-proof", kind: question.Validity, reply: `Yes.

Every artist is a beekeeper, and every beekeeper is a chemist, so every artist is a chemist.`,
			label: "yes", rule: WholeReply, reason: "a bare first sentence is the verdict"},
		{name: "false-then-reason", kind: question.Truth, reply: `False.

The premises say no cars are bicycles, and the statement claims some cars are bicycles.`,
			label: "false", rule: WholeReply, reason: "a bare truth label first"},
		{name: "the-answer-is-then-explanation", kind: question.Validity, reply: `The answer is no.

Explanation: the premises do not connect the two groups in the right direction.`,
			label: "no", rule: WholeReply, reason: `"The answer is no." first; "Explanation:" is not an answer marker`},
		{name: "bold-no-fallacy", kind: question.Validity, reply: `**No.** The argument commits the fallacy of the undistributed middle: the middle term "mammals" is not distributed in either premise.

Both groups being mammals does not make one part of the other.`,
			label: "no", rule: WholeReply, reason: "bold verdict opening a paragraph"},
		{name: "cannot-be-determined-first", kind: question.Truth, reply: `It cannot be determined.

The premises say nothing about whether Rex is a terrier; all we know is that he is a dog.`,
			label: "unknown", rule: WholeReply, reason: `"cannot be determined" first, then why`},
		{name: "question-then-no", kind: question.Validity, reply: `Does the conclusion follow? No.

Some B are C tells us nothing about the A's.`,
			label: "no", rule: WholeReply, reason: "the model repeats the question, then answers; the first sentence that is not a question is the verdict"},
	}
}

func thinkCases() []parseCase {
	return []parseCase{
		{name: "think-differs", kind: question.Validity, reply: `<think>
All A are B, some B are C... so some A are C? That seems right.
Answer: yes
Wait, the C's that are B need not be A's.
</think>

Answer: no`, label: "no", rule: AnswerLine, reason: "the answer inside <think> is ignored"},
		{name: "think-then-bare", kind: question.Validity, reply: "<think>Hmm, it looks valid to me. Yes, it follows.</think>\nNo", label: "no", rule: FinalLine,
			reason: "a verdict inside <think> does not count, even in the whole-reply heuristic"},
		{name: "think-only", kind: question.Validity, reply: "<think>\nLet me check each premise. The conclusion follows.\n</think>\n\n", label: "", rule: EmptyReply,
			reason: "nothing outside the think block"},
		{name: "think-unclosed", kind: question.Validity, reply: "<think>\nLet me work through the premises. All A are B. So the answer is", label: "", rule: UnclosedThink,
			reason: "the model ran out of tokens while thinking"},
		{name: "think-orphan-close", kind: question.Validity, reply: "Okay, the user asks whether... so yes, it follows.\nAnswer: yes\n</think>\n\nAnswer: no", label: "no", rule: AnswerLine,
			reason: "the chat template opened the block in the prompt; only the closing tag is in the reply"},
		{name: "think-two-blocks", kind: question.Validity, reply: "<think>First pass: valid.</think>\n\nAnswer: no\n\n<think>Second thoughts. Answer: yes</think>", label: "no", rule: AnswerLine,
			reason: "several blocks, one of them after the answer"},
		{name: "think-uppercase-tags", kind: question.Validity, reply: "<THINK>The answer is yes.</THINK>\nAnswer: No", label: "no", rule: AnswerLine,
			reason: "tags in capitals"},
		{name: "thinking-tag", kind: question.Truth, reply: "<thinking>It must be true.</thinking>\nAnswer: unknown", label: "unknown", rule: AnswerLine,
			reason: "<thinking> is read like <think>"},
		{name: "think-nested-unclosed", kind: question.Validity, reply: "<think>one</think>\nAnswer: yes\n<think>but then", label: "", rule: UnclosedThink,
			reason: "a later block that never closes makes the reply unparseable"},
	}
}

func jsonCases() []parseCase {
	return []parseCase{
		{name: "json-answer", kind: question.Validity, reply: `{"answer": "no"}`, label: "no", rule: AnswerLine,
			reason: "a JSON reply"},
		{name: "json-fenced-pretty", kind: question.Validity, reply: "```json\n{\n  \"reasoning\": \"All A are B and all B are C, so all A are C.\",\n  \"answer\": \"yes\"\n}\n```",
			label: "yes", rule: AnswerLine, reason: "pretty-printed JSON in a code fence"},
		{name: "json-final-answer-key", kind: question.Truth, reply: `{"final_answer": "False"}`, label: "false", rule: AnswerLine,
			reason: "a final_answer key"},
		{name: "json-answer-after-reasoning", kind: question.Validity, reply: `{"reasoning": "Answer: yes would be wrong here", "answer": "no"}`, label: "no", rule: AnswerLine,
			reason: "the last answer key on the line"},
		{name: "json-verdict", kind: question.Truth, reply: `{"verdict":"unknown","confidence":0.7}`, label: "unknown", rule: AnswerLine,
			reason: "a verdict key, compact JSON"},
	}
}

func hedgedCases() []parseCase {
	return []parseCase{
		{name: "probably-yes", kind: question.Validity, reply: "Answer: Probably yes", label: "yes", rule: AnswerLine,
			reason: "a hedge is stripped and the verdict counts"},
		{name: "likely-no-but", kind: question.Validity, reply: "Answer: Likely no, but I'm not certain.", label: "no", rule: AnswerLine,
			reason: "a hedge and a caveat"},
		{name: "i-think-the-answer-is", kind: question.Validity, reply: "I think the answer is no.", label: "no", rule: FinalLine,
			reason: `"I think" is a hedge`},
		{name: "yes-confident", kind: question.Validity, reply: "Answer: Yes (I'm fairly confident)", label: "yes", rule: AnswerLine,
			reason: "a parenthetical after the label"},
		{name: "most-likely-false", kind: question.Truth, reply: "Answer: Most likely false", label: "false", rule: AnswerLine,
			reason: "a hedged truth label"},
		{name: "maybe-question", kind: question.Validity, reply: "Maybe yes?", label: "", rule: NoVerdict,
			reason: "a question is not an answer"},
	}
}

func synonymCases() []parseCase {
	return []parseCase{
		{name: "does-not-follow", kind: question.Validity, reply: "Answer: It does not follow.", label: "no", rule: AnswerLine,
			reason: `"does not follow" is no, and never matches "follows"`},
		{name: "doesnt-follow", kind: question.Validity, reply: "Answer: doesn't follow", label: "no", rule: AnswerLine,
			reason: "contraction"},
		{name: "doesnt-follow-curly", kind: question.Validity, reply: "Answer: The conclusion doesn’t follow.", label: "no", rule: AnswerLine,
			reason: "a curly apostrophe"},
		{name: "not-valid", kind: question.Validity, reply: "Answer: not valid", label: "no", rule: AnswerLine,
			reason: `"not valid" never matches "valid"`},
		{name: "invalid", kind: question.Validity, reply: "Answer: Invalid", label: "no", rule: AnswerLine,
			reason: "invalid is no"},
		{name: "valid", kind: question.Validity, reply: "Answer: Valid", label: "yes", rule: AnswerLine,
			reason: "valid is yes"},
		{name: "necessarily-follows", kind: question.Validity, reply: "Answer: It necessarily follows.", label: "yes", rule: AnswerLine,
			reason: "necessarily follows is yes"},
		{name: "correct", kind: question.Validity, reply: "Answer: Correct", label: "yes", rule: AnswerLine,
			reason: "correct is yes"},
		{name: "incorrect", kind: question.Validity, reply: "Answer: Incorrect.", label: "no", rule: AnswerLine,
			reason: "incorrect is no"},
		{name: "not-necessarily", kind: question.Validity, reply: "Answer: Not necessarily", label: "no", rule: AnswerLine,
			reason: "not necessarily is no"},
		{name: "true-for-yesno", kind: question.Validity, reply: "Answer: True", label: "yes", rule: AnswerLine,
			reason: "a yes/no question reads true as yes"},
		{name: "false-for-yesno", kind: question.Validity, reply: "Answer: False", label: "no", rule: AnswerLine,
			reason: "a yes/no question reads false as no"},
		{name: "no-it-is-not", kind: question.Validity, reply: "Answer: No it is not valid", label: "no", rule: AnswerLine,
			reason: `"No" before "it" is an answer, and agrees with "not valid"`},
		{name: "consistent", kind: question.Validity, reply: "Answer: Consistent — all three statements can hold together.", label: "yes", rule: AnswerLine,
			reason: "a consistency question answered with the word itself"},
		{name: "statements-inconsistent", kind: question.Validity, reply: "Statement 2 says no cats are pets, statement 3 that Tom is a cat and a pet.\nSo the statements are inconsistent.", label: "no", rule: FinalLine,
			reason: "a consistency verdict in prose"},
		{name: "conclusion-is-true-yesno", kind: question.Validity, reply: "All the premises are about real animals.\nSo the conclusion is true.", label: "", rule: NoVerdict,
			reason: "in a validity question, the conclusion being true is a claim about the world, not a verdict"},
		{name: "bare-true-yesno", kind: question.Validity, reply: "Premises checked.\nTrue.", label: "yes", rule: FinalLine,
			reason: "a bare true still answers a yes/no question"},
		{name: "no-quantifier-not-answer", kind: question.Validity, reply: "Answer: No artists are chemists", label: "", rule: AnswerWithoutLabel,
			reason: `"No artists are…" is a statement, not the answer no`},
	}
}

func truthCases() []parseCase {
	return []parseCase{
		{name: "unknown", kind: question.Truth, reply: "Answer: unknown", label: "unknown", rule: AnswerLine,
			reason: "the label itself"},
		{name: "false", kind: question.Truth, reply: "Answer: False", label: "false", rule: AnswerLine,
			reason: "the label itself"},
		{name: "bare-true", kind: question.Truth, reply: "True", label: "true", rule: FinalLine,
			reason: "a bare label"},
		{name: "not-true", kind: question.Truth, reply: "Answer: Not true", label: "false", rule: AnswerLine,
			reason: `"not true" is false`},
		{name: "cannot-be-determined", kind: question.Truth, reply: "Answer: Cannot be determined", label: "unknown", rule: AnswerLine,
			reason: "the commonest synonym of unknown"},
		{name: "cant-be-determined", kind: question.Truth, reply: "Answer: It can't be determined from the premises.", label: "unknown", rule: AnswerLine,
			reason: "contraction"},
		{name: "not-enough-information", kind: question.Truth, reply: "Answer: Not enough information", label: "unknown", rule: AnswerLine,
			reason: "not enough information is unknown"},
		{name: "insufficient-information", kind: question.Truth, reply: "Answer: Insufficient information.", label: "unknown", rule: AnswerLine,
			reason: "insufficient information is unknown"},
		{name: "uncertain", kind: question.Truth, reply: "Answer: Uncertain", label: "unknown", rule: AnswerLine,
			reason: "uncertain is unknown"},
		{name: "undetermined", kind: question.Truth, reply: "Answer: undetermined", label: "unknown", rule: AnswerLine,
			reason: "undetermined is unknown"},
		{name: "neither-true-nor-false", kind: question.Truth, reply: "Answer: Neither true nor false — it is not settled by the premises.", label: "unknown", rule: AnswerLine,
			reason: `"neither true nor false" names neither label`},
		{name: "neither", kind: question.Truth, reply: "Answer: Neither", label: "unknown", rule: AnswerLine,
			reason: "neither of true and false"},
		{name: "yes-for-truth", kind: question.Truth, reply: "Answer: Yes", label: "true", rule: AnswerLine,
			reason: "a truth question reads yes as true"},
		{name: "no-for-truth", kind: question.Truth, reply: "Answer: No.", label: "false", rule: AnswerLine,
			reason: "a truth question reads no as false"},
		{name: "does-not-follow-for-truth", kind: question.Truth, reply: "Answer: It does not follow", label: "", rule: AnswerWithoutLabel,
			reason: "not following leaves false and unknown open"},
		{name: "impossible-to-tell", kind: question.Truth, reply: "From the premises alone it is impossible to tell.", label: "unknown", rule: FinalLine,
			reason: "impossible to tell is unknown"},
		{name: "must-be-true", kind: question.Truth, reply: "Every poodle is a dog and every dog is an animal.\nSo the statement must be true.", label: "true", rule: FinalLine,
			reason: `"must be true" with a subject`},
		{name: "premise-true-is-not-verdict", kind: question.Truth, reply: "If premise 1 is true, every A is a B.\nPremise 2 is true as well.\nWe cannot know if the statement is true: it is undetermined.\nThanks for asking!",
			label: "unknown", rule: WholeReply, reason: `"premise 2 is true" and "if … is true" are not verdicts; "undetermined" is`},
		{name: "could-be-either", kind: question.Truth, reply: "The statement could be true or false; the premises do not settle it.\n\nAnswer: unknown", label: "unknown", rule: AnswerLine,
			reason: "the answer line decides over the hedged prose"},
	}
}

func unparseableCases() []parseCase {
	return []parseCase{
		{name: "empty", kind: question.Validity, reply: "", label: "", rule: EmptyReply, reason: "no reply at all"},
		{name: "whitespace", kind: question.Truth, reply: "  \n\t\r\n ", label: "", rule: EmptyReply, reason: "only white space"},
		{name: "nul-bytes", kind: question.Validity, reply: "\x00\x00 \x00", label: "", rule: EmptyReply, reason: "only NUL bytes and spaces"},
		{name: "yes-or-no", kind: question.Validity, reply: "Answer: yes or no", label: "", rule: Conflicting,
			reason: "one answer line naming both labels"},
		{name: "yes-and-no", kind: question.Validity, reply: "Answer: Yes and no.", label: "", rule: Conflicting,
			reason: "both labels joined"},
		{name: "yes-slash-no", kind: question.Validity, reply: "Answer: Yes/No", label: "", rule: Conflicting,
			reason: "the template copied"},
		{name: "yes-comma-and-no", kind: question.Validity, reply: "Answer: Yes, and no", label: "", rule: Conflicting,
			reason: "a second label joined to the first across a comma"},
		{name: "two-lines-last-wins", kind: question.Validity, reply: "Answer: yes\nAnswer: no", label: "no", rule: AnswerLine,
			reason: "two answer lines are not a conflict: the last wins"},
		{name: "true-or-false", kind: question.Truth, reply: "Answer: true or false", label: "", rule: Conflicting,
			reason: "both truth labels"},
		{name: "template-placeholder", kind: question.Validity, reply: "Answer: <label>", label: "", rule: AnswerWithoutLabel,
			reason: "the placeholder copied"},
		{name: "answer-maybe", kind: question.Validity, reply: "I went back and forth on this.\nAnswer: maybe", label: "", rule: AnswerWithoutLabel,
			reason: "an answer line without a label is not rescued by the rest"},
		{name: "prose-conflict", kind: question.Validity, reply: "The syllogism is valid. Wait, no: it is invalid, the middle term is undistributed.\nLet me know if you want more examples.",
			label: "", rule: Conflicting, reason: "two verdicts in prose and no answer line"},
		{name: "refusal-sorry", kind: question.Validity, reply: "I'm sorry, but I can't help with that.", label: "", rule: Refused,
			reason: "a refusal"},
		{name: "refusal-cannot-answer", kind: question.Truth, reply: "I cannot answer questions that ask me to make assumptions about people.", label: "", rule: Refused,
			reason: "a refusal with a pretext"},
		{name: "refusal-as-an-ai", kind: question.Validity, reply: "As an AI language model, I don't take positions on whether arguments about people are sound.", label: "", rule: Refused,
			reason: "the classic disclaimer"},
		{name: "refusal-in-answer-line", kind: question.Validity, reply: "Answer: I cannot answer this.", label: "", rule: Refused,
			reason: "a refusal in the answer line"},
		{name: "no-verdict", kind: question.Validity, reply: "Let me restate the premises. All A are B. Some B are C.", label: "", rule: NoVerdict,
			reason: "reasoning that stops before a verdict"},
		{name: "unknown-for-yesno", kind: question.Validity, reply: "Answer: Unknown", label: "", rule: AnswerWithoutLabel,
			reason: "a yes/no question has no label for unknown"},
	}
}

func choiceCases() []parseCase {
	return []parseCase{
		{name: "number", kind: question.Choice, reply: "Answer: 3", label: "3", rule: AnswerLine, reason: "an option number"},
		{name: "bold-number", kind: question.Choice, reply: "**Answer:** **7**", label: "7", rule: AnswerLine, reason: "bold number"},
		{name: "option-number", kind: question.Choice, reply: "Answer: Option 3", label: "3", rule: AnswerLine, reason: `"Option 3"`},
		{name: "bracketed-number", kind: question.Choice, reply: "Answer: (5)", label: "5", rule: AnswerLine, reason: "number in brackets"},
		{name: "number-and-text", kind: question.Choice, reply: "Answer: 3. Some artists are chemists.", label: "3", rule: AnswerLine,
			reason: "the number, then the option's text"},
		{name: "two-numbers", kind: question.Choice, reply: "Answer: 3 or 5", label: "", rule: Conflicting, reason: "two options"},
		{name: "out-of-range", kind: question.Choice, reply: "Answer: 10", label: "", rule: AnswerWithoutLabel, reason: "there is no option 10"},
		{name: "cot-answer-is", kind: question.Choice, reply: `Option 1: All A are C. This does not follow.
Option 3: Some A are C. This follows, since some B are A and all B are C.
Therefore, the answer is 3.`, label: "3", rule: FinalLine, reason: `"the answer is 3" on the last line`},
		{name: "correct-option-is", kind: question.Choice, reply: "Having checked all nine, the correct option is 9.", label: "9", rule: FinalLine,
			reason: `"the correct option is 9"`},
		{name: "bare-number", kind: question.Choice, reply: "9", label: "9", rule: FinalLine, reason: "a reply that is only the number"},
		{name: "option-is-correct", kind: question.Choice, reply: "Only option 4 is correct; the others fail for one reason or another.\nThat's my analysis.",
			label: "4", rule: WholeReply, reason: `"option 4 is correct" in the body`},
		{name: "premise-numbers-ignored", kind: question.Choice, reply: "Premises 1 and 2 share the term B.\n\nAnswer: 8", label: "8", rule: AnswerLine,
			reason: "numbers of premises are not options"},
	}
}

func choiceOptionCases() []parseCase {
	return []parseCase{
		{name: "answer-names-and-quotes-option", kind: question.Choice, options: ccobra,
			reply: "The answer to this question would be: 3. Some artists are chemists.\n\nThis conclusion follows from the given premises.",
			label: "3", rule: AnswerLine, reason: `SmolLM2-135M names option 3 and quotes its text; "the answer to this question would be:" is an answer line`},
		{name: "answer-would-be-colon", kind: question.Choice, options: ccobra,
			reply: "The answer would be: 3. Some chemists are not artists.\n\nThat is all.",
			label: "3", rule: AnswerLine, reason: `as in "Answer: 3. …", the first label of an answer line decides`},
		{name: "letter", kind: question.Choice, options: ccobra, reply: "Answer: B", label: "2", rule: AnswerLine,
			reason: "a letter names the option shown with it"},
		{name: "letter-paren-text", kind: question.Choice, options: ccobra, reply: "Answer: (C) Some artists are chemists", label: "3", rule: AnswerLine,
			reason: "a bracketed letter and the text"},
		{name: "code", kind: question.Choice, options: ccobra, reply: "Answer: Iac", label: "3", rule: AnswerLine,
			reason: "a CCOBRA code"},
		{name: "code-nvc", kind: question.Choice, options: ccobra, reply: "Answer: NVC", label: "9", rule: AnswerLine,
			reason: "the no-valid-conclusion code"},
		{name: "text", kind: question.Choice, options: ccobra, reply: "Answer: Some chemists are not artists.", label: "8", rule: AnswerLine,
			reason: "the option's text"},
		{name: "text-not-vs-affirmative", kind: question.Choice, options: ccobra, reply: "Answer: Some artists are not chemists", label: "7", rule: AnswerLine,
			reason: `"Some artists are not chemists" does not also match "Some artists are chemists"`},
		{name: "no-valid-conclusion", kind: question.Choice, options: ccobra, reply: "Answer: No valid conclusion", label: "9", rule: AnswerLine,
			reason: "the NVC option in other words"},
		{name: "none-of-these", kind: question.Choice, options: ccobra, reply: "Answer: None of these conclusions follows.", label: "9", rule: AnswerLine,
			reason: "the NVC option's own text"},
		{name: "article-a-not-letter", kind: question.Choice, options: ccobra, reply: "Answer: A valid conclusion is that some artists are chemists.", label: "3", rule: AnswerLine,
			reason: `the article "A" is not option A`},
		{name: "letter-i", kind: question.Choice, options: ccobra, reply: "Answer: I", label: "9", rule: AnswerLine,
			reason: `"I" alone is option I`},
		{name: "two-letters", kind: question.Choice, options: ccobra, reply: "Answer: B or D", label: "", rule: Conflicting,
			reason: "two lettered options"},
		{name: "final-line-text", kind: question.Choice, options: ccobra, reply: "All artists are beekeepers and no beekeepers are chemists.\nTherefore: No artists are chemists.",
			label: "5", rule: FinalLine, reason: "the conclusion written out on the last line"},
		{name: "whole-reply-nvc", kind: question.Choice, options: ccobra, reply: "The premises share a term but link it in no fixed direction, so there is no valid conclusion here.\n\nHappy to explain further.",
			label: "9", rule: WholeReply, reason: `"no valid conclusion" in prose`},
		{name: "number-with-options", kind: question.Choice, options: ccobra, reply: "Answer: 4", label: "4", rule: AnswerLine,
			reason: "numbers still work when letters are given"},
		{name: "i-think-letter", kind: question.Choice, options: ccobra, reply: "Answer: I think E", label: "5", rule: AnswerLine,
			reason: `the pronoun "I" is not option I`},
	}
}

// proseCases are replies without an answer line, whose verdict phrases
// must be told from definitions, steps and negated claims.
func proseCases() []parseCase {
	const thanks = "\nGlad to help."
	return []parseCase{
		{name: "definition-then-verdict", kind: question.Validity, reply: "A syllogism is valid if its conclusion must be true whenever its premises are. Here the middle term is undistributed, so the argument is invalid." + thanks,
			label: "no", rule: WholeReply, reason: `"a syllogism is valid if…" defines validity; it judges nothing`},
		{name: "follows-from-that-step", kind: question.Validity, reply: "It follows from premise 1 and premise 2 together that every A is a C." + thanks,
			label: "", rule: NoVerdict, reason: `"it follows from … that" states a step, however far the "that"`},
		{name: "nothing-guarantees-that", kind: question.Validity, reply: "Nothing in the premises guarantees that the conclusion follows." + thanks,
			label: "no", rule: WholeReply, reason: "a negation over a that-clause negates the verdict in it"},
		{name: "not-the-case-that", kind: question.Validity, reply: "It is not the case that the conclusion follows." + thanks,
			label: "no", rule: WholeReply, reason: `"it is not the case that" negates`},
		{name: "no-doubt-that", kind: question.Validity, reply: "There is no doubt that the conclusion follows." + thanks,
			label: "yes", rule: WholeReply, reason: `"no doubt that" does not negate`},
		{name: "unknown-whether", kind: question.Truth, reply: "Therefore, it is unknown whether any A is a C." + thanks,
			label: "unknown", rule: WholeReply, reason: `"whether" opens the question, after the verdict`},
		{name: "conclusion-label", kind: question.Validity, reply: "Conclusion: The argument is invalid.",
			label: "no", rule: FinalLine, reason: `a "Conclusion:" heading is not an answer marker, but the line is a verdict`},
		{name: "if-then-follows-ignored", kind: question.Validity, reply: "If every B were an A, the conclusion would follow. But only some B are A, so the syllogism is invalid." + thanks,
			label: "no", rule: WholeReply, reason: "a verdict under a condition is not the reply's verdict"},
		{name: "mid-line-answer", kind: question.Validity, reply: "Based on the given premises, the conclusion does not necessarily follow. Answer: No",
			label: "no", rule: AnswerLine, reason: "an answer marker after a sentence on the same line"},
		{name: "explanation-mentions-answer", kind: question.Validity, reply: "**Answer:** No \n\n**Explanation:** This answer reflects that the premises do not connect A and C.",
			label: "no", rule: AnswerLine, reason: `"This answer reflects" is not an answer line`},
		{name: "choice-so-option", kind: question.Choice, reply: "Let's evaluate each option:\n1. All A are C: Not valid.\n3. Some A are C: Valid.\n\nSo, option 3.",
			label: "3", rule: FinalLine, reason: "option-by-option notes, then the choice"},
	}
}

func robustnessCases() []parseCase {
	return []parseCase{
		{name: "invalid-utf8", kind: question.Validity, reply: "Answer: \xff\xfeno\xc3", label: "no", rule: AnswerLine,
			reason: "invalid UTF-8 is only white space"},
		{name: "nul-in-line", kind: question.Validity, reply: "Answer:\x00 yes", label: "yes", rule: AnswerLine,
			reason: "a NUL byte is only white space"},
		{name: "crlf", kind: question.Validity, reply: "The premises do not connect.\r\nAnswer: No\r\n", label: "no", rule: AnswerLine,
			reason: "Windows line ends"},
		{name: "answers-plural-not-marker", kind: question.Validity, reply: "Answers: vary by semantics.\nThe conclusion follows.", label: "yes", rule: FinalLine,
			reason: `"Answers" is not the marker "Answer"`},
		{name: "answer-inside-word", kind: question.Validity, reply: "The unanswerable part: none.\nIt is valid.", label: "yes", rule: FinalLine,
			reason: `"answer" inside a longer word is not a marker`},
		{name: "as-follows", kind: question.Validity, reply: "The reasoning is as follows: all A are B.\nNothing more can be said.", label: "", rule: NoVerdict,
			reason: `"as follows" is not "follows"`},
	}
}

// negationCases are replies once misread because a negation, a word of
// falsity or a modal was read too narrowly.
func negationCases() []parseCase {
	return []parseCase{
		// Replies of SmolLM2-135M (fixtures/smollm2-135m), word for word.
		{name: "answer-to-this-question-is", kind: question.Truth, reply: `The answer to this question is "True"`, label: "true", rule: FinalLine,
			reason: `"the answer to this question is" is "the answer is"`},
		{name: "answer-to-this-question-either", kind: question.Truth, reply: `The answer to this question is either "True" or "False".`,
			label: "", rule: NoVerdict, reason: "either of two labels is no answer"},
		{name: "answer-to-this-question-not-known-but-false", kind: question.Truth,
			reply: "The answer to this question is not known. The statement is false and cannot be proven to be true based on the given premises.",
			label: "", rule: Conflicting, reason: "unknown, then false: two answers"},
		{name: "answer-is-not-yes", kind: question.Validity, reply: "The answer is not yes.", label: "no", rule: FinalLine,
			reason: `"not yes" is no, never yes`},
		{name: "answer-is-definitely-not-yes", kind: question.Validity, reply: "The answer is definitely not yes.", label: "no", rule: FinalLine,
			reason: `a hedge between "is" and "not yes" changes nothing`},
		{name: "answer-line-not-yes", kind: question.Validity, reply: "Answer: not yes", label: "no", rule: AnswerLine,
			reason: `"not yes" in an answer line is no`},
		{name: "dont-think-follows", kind: question.Validity, reply: "I don't think the conclusion follows.", label: "no", rule: FinalLine,
			reason: `a negated "think" negates the clause it governs, however far its verb`},
		{name: "do-not-believe-follows", kind: question.Validity, reply: "I do not believe the conclusion follows.", label: "no", rule: FinalLine,
			reason: `a negated "believe" negates the clause it governs`},
		{name: "dont-believe-valid", kind: question.Validity, reply: "I don't believe it is valid.", label: "no", rule: FinalLine,
			reason: `"don't believe it is valid" is no`},
		{name: "false-that-follows", kind: question.Validity, reply: "It is false that the conclusion follows.", label: "no", rule: FinalLine,
			reason: `"it is false that" negates the that-clause like "it is not true that"`},
		{name: "incorrect-to-say-that", kind: question.Validity, reply: "It is incorrect to say that the conclusion follows.", label: "no", rule: FinalLine,
			reason: `"incorrect to say that" negates what is said`},
		{name: "wrong-to-say", kind: question.Validity, reply: "It would be wrong to say the conclusion follows.", label: "no", rule: FinalLine,
			reason: `"wrong to say" negates what is said, without "that"`},
		{name: "not-true-that-not-follow", kind: question.Validity, reply: "It is not true that the conclusion does not follow.", label: "", rule: NoVerdict,
			reason: "a double negation is not read as either label rather than guessed"},
		{name: "no-reason-to-think", kind: question.Validity, reply: "There is no reason to think the conclusion follows.", label: "no", rule: FinalLine,
			reason: `"no reason to think" negates, unlike "no doubt that"`},
		{name: "i-think-follows", kind: question.Validity, reply: "I think the conclusion follows.", label: "yes", rule: FinalLine,
			reason: `a belief verb without a negation changes nothing`},
		{name: "dont-think-doesnt-follow", kind: question.Validity, reply: "I don't think the conclusion doesn't follow.", label: "", rule: NoVerdict,
			reason: "a double negation is not guessed at"},
		{name: "dont-think-statement-true", kind: question.Truth, reply: "I don't think the statement is true.", label: "false", rule: FinalLine,
			reason: "a negated belief denies the clause"},
		{name: "cannot-conclude-that-true", kind: question.Truth, reply: "We cannot conclude that the statement is true.", label: "unknown", rule: FinalLine,
			reason: "being unable to conclude it leaves the statement open; it does not make it false"},
		{name: "cannot-be-true", kind: question.Truth, reply: "It cannot be true.", label: "false", rule: FinalLine,
			reason: `"cannot be true" is false, unlike "cannot be said to be true"`},
		{name: "could-be-true-or-false", kind: question.Truth, reply: "Answer: It could be true or false.", label: "unknown", rule: AnswerLine,
			reason: `"could be true or false" leaves the statement open; it is not "false"`},
		{name: "can-be-true-or-false", kind: question.Truth, reply: "Answer: It can be true or false.", label: "unknown", rule: AnswerLine,
			reason: `"can be true or false" is unknown`},
		{name: "could-be-either-true-or-false", kind: question.Truth, reply: "Answer: could be either true or false", label: "unknown", rule: AnswerLine,
			reason: `"could be either true or false" is unknown`},
		{name: "cannot-be-said-true", kind: question.Truth, reply: "Answer: cannot be said to be true", label: "unknown", rule: AnswerLine,
			reason: `"cannot be said to be true" leaves the statement open; the negation governs "said", not "true"`},
		{name: "cant-be-said-true", kind: question.Truth, reply: "Answer: can't be said to be true", label: "unknown", rule: AnswerLine,
			reason: "contraction"},
		{name: "may-not-be-true", kind: question.Truth, reply: "Answer: It may not be true.", label: "unknown", rule: AnswerLine,
			reason: `"may not be true" leaves the statement open; it is not "not true"`},
		{name: "does-not-follow-that-true", kind: question.Truth, reply: "It does not follow that the statement is true." + "\nThanks.", label: "unknown", rule: WholeReply,
			reason: `"it does not follow that it is true" leaves it open; it does not say false`},
		{name: "not-necessarily-true-truth", kind: question.Truth, reply: "Answer: not necessarily true", label: "unknown", rule: AnswerLine,
			reason: `"not necessarily true" leaves the statement open`},
		{name: "statement-not-necessarily-true", kind: question.Truth, reply: "The statement is not necessarily true.", label: "unknown", rule: FinalLine,
			reason: `"the statement is not necessarily true" is unknown`},
		{name: "not-necessarily-true-yesno", kind: question.Validity, reply: "Answer: not necessarily true", label: "no", rule: AnswerLine,
			reason: "for a yes/no question, not necessarily true is still no"},
		{name: "follows-that-no-conclusion", kind: question.Validity, reply: "Answer: It follows that no conclusion can be drawn", label: "no", rule: AnswerLine,
			reason: `"it follows that…" is a step in an answer line too, and "no conclusion can be drawn" is no`},
		{name: "conclusion-cannot-be-drawn", kind: question.Validity, reply: "The conclusion cannot be drawn.", label: "no", rule: FinalLine,
			reason: `"the conclusion cannot be drawn" is no`},
		{name: "cannot-be-inferred-that-step", kind: question.Validity, reply: "It cannot be inferred that every A is a C, but the conclusion follows.", label: "yes", rule: FinalLine,
			reason: `"cannot be inferred that…" speaks of a step, not the conclusion`},
	}
}

// keyCases are replies that answer by a key such as "valid" rather than
// "answer", whose value, not the key, decides.
func keyCases() []parseCase {
	return []parseCase{
		{name: "json-valid-false", kind: question.Validity, reply: `{"valid": false}`, label: "no", rule: AnswerLine,
			reason: `the key "valid" is not a yes; its value false decides`},
		{name: "json-valid-true", kind: question.Validity, reply: `{"valid": true}`, label: "yes", rule: AnswerLine,
			reason: "a true value under a validity key is yes"},
		{name: "json-follows-false", kind: question.Validity, reply: `{"follows": false}`, label: "no", rule: AnswerLine,
			reason: `the key "follows" is not a yes; its value false decides`},
		{name: "json-consistent-false", kind: question.Validity, reply: `{"consistent": false}`, label: "no", rule: AnswerLine,
			reason: "a consistency key answers by its value"},
		{name: "json-is-valid-false", kind: question.Validity, reply: `{"is_valid": false}`, label: "no", rule: AnswerLine,
			reason: "a key with a prefix such as is_ reads the same"},
		{name: "valid-colon-no", kind: question.Validity, reply: "Valid: No", label: "no", rule: AnswerLine,
			reason: `"Valid: No" answers no`},
		{name: "bold-valid-colon-no", kind: question.Validity, reply: "**Valid:** No", label: "no", rule: AnswerLine,
			reason: "markdown around the key changes nothing"},
		{name: "json-fenced-valid-false", kind: question.Validity, reply: "```json\n{\"valid\": false, \"explanation\": \"The middle term is never distributed, so the argument is not valid.\"}\n```",
			label: "no", rule: AnswerLine, reason: "fenced JSON: the value of the valid key decides, and the explanation's words are no key"},
		{name: "json-valid-false-truth", kind: question.Truth, reply: `{"valid": false}`, label: "", rule: AnswerWithoutLabel,
			reason: "for a truth question, not valid leaves open whether the statement is false or unknown"},
		{name: "valid-colon-in-prose", kind: question.Validity, reply: "The argument is valid: no premise is false, and the form is Barbara.", label: "yes", rule: FinalLine,
			reason: `a key must start its line: "is valid: no premise…" is prose, and "no premise" is not the answer no`},
		{name: "key-without-label-ignored", kind: question.Validity, reply: "Valid: the premises were checked.\nThe conclusion does not follow.", label: "no", rule: FinalLine,
			reason: "a key is an answer marker only when a bare label follows it"},
		{name: "key-before-answer-line", kind: question.Validity, reply: "- Premise 1 valid: yes\n- Premise 2 valid: yes\n\nAnswer: no", label: "no", rule: AnswerLine,
			reason: "keys inside a list of premises are not markers, and the answer line comes last anyway"},
		{name: "table-row", kind: question.Validity, reply: "| Does it follow? | No |", label: "no", rule: FinalLine,
			reason: "a bar with space beside it divides table cells; it is not \"or\""},
		{name: "spaced-bar-template", kind: question.Validity, reply: "Answer: Yes | No", label: "", rule: Conflicting,
			reason: "the template copied with a spaced bar still names both labels"},
		{name: "option-three", kind: question.Choice, reply: "Answer: option three", label: "3", rule: AnswerLine,
			reason: "a number word after \"option\" names the option"},
		{name: "option-one-or-two", kind: question.Choice, reply: "Answer: option one or two", label: "", rule: Conflicting,
			reason: "two options by number words"},
	}
}

// correctionCases are replies that correct themselves: a correction word
// then another label makes the later label the answer, and two labels
// without one conflict.
func correctionCases() []parseCase {
	ab := []Option{{Label: "1", Letter: "A"}, {Label: "2", Letter: "B"}}
	return []parseCase{
		{name: "no-wait-dash-yes", kind: question.Validity, reply: "No, wait — yes.", label: "yes", rule: FinalLine,
			reason: `"wait" then another label: the later label wins`},
		{name: "no-wait-actually-yes", kind: question.Validity, reply: "No, wait. Actually, yes.", label: "yes", rule: FinalLine,
			reason: "a correction across sentences"},
		{name: "answer-no-wait-yes", kind: question.Validity, reply: "Answer: No... wait, yes.", label: "yes", rule: AnswerLine,
			reason: "a correction inside an answer line's value"},
		{name: "answer-yes-q-no", kind: question.Validity, reply: "Answer: Yes? No.", label: "", rule: Conflicting,
			reason: "two bare labels in one answer line, with no correction word between them"},
		{name: "answer-no-wait-no-comma", kind: question.Validity, reply: "Answer: No wait, yes", label: "yes", rule: AnswerLine,
			reason: `"wait" in the clause of the first label still corrects it`},
		{name: "answer-or-rather", kind: question.Validity, reply: "Answer: Yes, or rather no.", label: "no", rule: AnswerLine,
			reason: `"or rather" corrects`},
		{name: "answer-conditional-other-label", kind: question.Validity, reply: "Answer: No (yes if we assume existential import)", label: "no", rule: AnswerLine,
			reason: "a label under a condition is not a second answer"},
		{name: "answer-yes-no-doubt", kind: question.Validity, reply: "Answer: Yes, no doubt.", label: "yes", rule: AnswerLine,
			reason: `"no doubt" is not the answer no`},
		{name: "answer-actually-not-bare", kind: question.Validity, reply: "Answer: Yes. Actually, premise 2 is true.", label: "yes", rule: AnswerLine,
			reason: "after a correction word, only a bare answer replaces the label"},
		{name: "whole-reply-correction", kind: question.Validity, reply: "No, wait.\nActually, yes.\n\nEvery artist is a beekeeper and every beekeeper is a chemist, so every artist is a chemist, just as the two premises say when they are read together.",
			label: "yes", rule: WholeReply, reason: "a correction of the opening bare answer, in the whole reply"},
		{name: "whole-reply-two-bare", kind: question.Validity, reply: "No. Yes.", label: "", rule: Conflicting,
			reason: "two bare answers without a correction word"},
		{name: "yes-actually-prose", kind: question.Validity, reply: "Yes. Actually, the premises are odd, but that is fine.\nI checked every step of the argument with great care, and it all works out in the end as expected.",
			label: "yes", rule: WholeReply, reason: `"actually" without a label after it changes nothing`},
		{name: "letter-q-no-letter", kind: question.Choice, options: ab, reply: "Answer: A? No, B.", label: "2", rule: AnswerLine,
			reason: `"No" after an option corrects it: the later option wins`},
		{name: "number-wait-actually", kind: question.Choice, reply: "Answer: 3 — wait, actually 5", label: "5", rule: AnswerLine,
			reason: "a corrected option number"},
		{name: "number-ie-option-same", kind: question.Choice, reply: "Answer: 3, i.e. option 3", label: "3", rule: AnswerLine,
			reason: "a later option without a correction word is not read"},
	}
}
