// Package verdict reads a model's reply and finds the answer it gives to
// a question of a known [Kind]: yes or no; true, false or unknown; or one
// option of a choice question. A reply that gives no single answer is
// unparseable, which is counted apart from a wrong answer, and the
// [Result] names the rule that decided either way, so that a user can see
// why a reply was read as it was.
//
// The rules, in the order they are tried:
//
//  1. Text inside <think>…</think> (or <thinking>…</thinking>, in any
//     case) is ignored, however many blocks there are. A closing tag with
//     no opening tag hides everything before it, as when a chat template
//     opens the block in the prompt. A block that is never closed makes
//     the reply unparseable ([UnclosedThink]): the model stopped while
//     thinking.
//  2. A reply with nothing else, or only white space, is an [EmptyReply].
//  3. The last answer line decides ([AnswerLine]): "Answer: no",
//     "Final answer: no", "**Answer:** No", "ANSWER - yes", "The answer
//     is: **No**.", "Verdict: invalid", a JSON key {"answer": "no"} or a
//     LaTeX \boxed{No}. The marker starts a line, perhaps after markdown
//     and a few words such as "my final", or follows the end of a
//     sentence. Case, markdown emphasis, quotes, backticks, brackets and
//     trailing punctuation are ignored. A marker with nothing after it
//     ("**Final Answer**") takes the next non-empty line. For yes/no and
//     truth questions, a key "valid", "follows", "consistent", "entailed"
//     or "correct" (also as "is_valid" and the like) that starts its line
//     or is a JSON key, followed by a colon and a bare yes, no, true or
//     false, is a marker too, whose value decides: "Valid: No" and
//     {"valid": false} are no, {"follows": true} is yes; for a truth
//     question "valid: false" names no label. Only the last marker
//     counts, so "Answer: yes" followed by "Answer: no" is no. If its
//     value names no label the reply is unparseable
//     ([AnswerWithoutLabel]), and if it names two ("yes or no", "Yes/No",
//     "3 or 5") it is [Conflicting]. Within the value the first clause
//     that names a label decides: "No, because premise 2 is true" is no.
//     A later clause that is a bare answer with another label conflicts
//     ("Yes? No."), unless a correction word ("wait", "actually", "or
//     rather", "correction", "on second thought") comes between, when the
//     later label decides: "No… wait, yes" is yes, and for a choice "A?
//     No, B." is B. A label under a condition ("No (yes if we assume
//     existential import)") is no second answer.
//  4. Without an answer line, the last non-empty line decides
//     ([FinalLine]) if it is short and is just a label ("No.", "**False**",
//     "Option 3", "Definitely not."), "The answer is X", or a clear
//     verdict phrase ("Therefore, the conclusion does not follow."). A
//     reply or final line that is a JSON object is not read this way: it
//     answers only by an answer key (rule 3), not by {"steps": 2}.
//  5. Otherwise the whole reply decides ([WholeReply]) if its clear
//     verdict phrases name exactly one label, or it is [Conflicting] if
//     they name two. Questions ("Does it follow?"), conditions ("if the
//     conclusion follows", "whether it is true"), steps ("it follows that
//     all A are C") and definitions ("a syllogism is valid if…") are not
//     verdicts. A bare label counts only in the first clause of the first
//     sentence, as in "No, the conclusion does not follow. …", and in the
//     clauses right after it that correct it or repeat it: "No, wait.
//     Actually, yes." is yes and "No. Yes." is [Conflicting]. The same
//     holds of bare labels in a final line (rule 4).
//  6. Otherwise the reply is [Refused] if it declines to answer ("I'm
//     sorry, but I can't help with that", "As an AI…"), and has
//     [NoVerdict] if not.
//
// Synonyms. Yes: true, correct, valid, follows, "it follows",
// "necessarily follows", entailed. No: false, incorrect, invalid, "not
// valid", "does not follow", "doesn't follow", "not necessarily", "not
// true", "definitely not", "not yes", "the conclusion cannot be drawn",
// "no conclusion can be drawn". Unknown: "cannot be determined", "can't
// be determined", "not enough information", "insufficient information",
// "impossible to tell", uncertain, undetermined, unclear, neither,
// "neither true nor false", and what leaves the statement open: "not
// necessarily true", "may not be true", "could be (either) true or
// false", "cannot be said to be true" (for a yes/no question these are
// no). A negation is read with its word: "does not follow" never counts
// as "follows", nor "not valid" as "valid". A negation also governs the
// clause after "that" or after a verb of saying or believing, and so does
// a word of falsity: "nothing guarantees that it follows", "I don't think
// the conclusion follows", "it is false that it follows" and "it would be
// wrong to say it follows" are no; "there is no doubt that it follows"
// is yes. Inability or a verb of showing leaves the clause open rather
// than denying it: "we cannot conclude that the statement is true" is
// unknown. A double negation ("it is not true that it does not follow")
// names no label. A lone "Y" or "N" is yes or no. "I don't know" is no
// answer.
//
// Across kinds. A yes/no question reads true and false as yes and no, and
// has no label for unknown. A truth question reads yes and no as true and
// false, and has no label for "does not follow" or "invalid", which leave
// open whether the statement is false or unknown. In prose (rules 4 and
// 5), statements of truth such as "the statement is true" count for truth
// questions only, so that "the conclusion is true" in a validity question
// is not read as yes.
//
// Hedges are stripped and the verdict counts: "Probably yes" and "I think
// the answer is no" are answers. A modal is not: "it could be true" is no
// verdict. "It follows that…" states a step, in an answer line too.
//
// Choice questions are answered by option number ([Parse] with [Choice]),
// or, with [ParseChoice], also by the letters, CCOBRA codes and texts of
// the options as shown: "B", "(B)", "Iac", "Some artists are chemists.",
// "No valid conclusion". A number word after "option" counts: "option
// three" is 3.
//
// The parser never panics, reads its input a bounded number of times, so
// runs in linear time, holds at most a few copies of it, and treats
// invalid UTF-8 and NUL bytes as white space.
package verdict

import (
	"fmt"

	"github.com/syllobench/syllobench/internal/question"
)

// Rule names the rule that decided a [Result].
type Rule string

// The rules. The first three give a label; the others give none.
const (
	AnswerLine         Rule = `last "Answer:" line`
	FinalLine          Rule = "final line"
	WholeReply         Rule = "whole reply"
	AnswerWithoutLabel Rule = `"Answer:" line without a label`
	Conflicting        Rule = "conflicting answers"
	Refused            Rule = "refusal"
	EmptyReply         Rule = "empty reply"
	UnclosedThink      Rule = "unclosed <think>"
	NoVerdict          Rule = "no verdict found"
	UnknownKind        Rule = "unknown question kind"
)

// Result is the verdict found in a reply.
type Result struct {
	// Label is the answer in the kind's own labels ("yes", "unknown",
	// "3"), or "" when the reply is unparseable.
	Label string
	// Rule is the rule that decided.
	Rule Rule
	// Evidence is the text the rule read, shortened to one line of at
	// most a few dozen words; "" for an empty reply.
	Evidence string
	// Unparseable is set when Label is "": the reply gives no single
	// answer. It is counted apart from a wrong answer.
	Unparseable bool
}

// String describes r on one line, such as
// `no (last "Answer:" line: "**Answer:** No")`.
func (r Result) String() string {
	v := r.Label
	if r.Unparseable {
		v = "unparseable"
	}
	if r.Evidence == "" {
		return fmt.Sprintf("%s (%s)", v, r.Rule)
	}
	return fmt.Sprintf("%s (%s: %q)", v, r.Rule, r.Evidence)
}

// Parse finds the answer a reply gives to a question of kind k. Choice
// questions are read by option number; use [ParseChoice] when the options
// also had letters, codes or texts that the reply may use. A kind that
// is not one of question.Kinds gives an unparseable result with rule
// [UnknownKind].
func Parse(k question.Kind, reply string) Result {
	switch {
	case k.YesNo() || k == question.Truth:
		return (&parser{kind: k}).parse(reply)
	case k == question.Choice:
		return (&parser{kind: k, opts: numbered}).parse(reply)
	case k == question.Open:
		return parseOpen(reply)
	case k == question.Selection:
		return parseSelection(reply)
	}
	return Result{Rule: UnknownKind, Evidence: string(k), Unparseable: true}
}

// ParseChoice finds the option a reply chooses among options, as they
// were shown to the model. The label returned is the chosen option's
// Label. With no options it reads the numbers "1" … "9", as [Parse] does.
func ParseChoice(reply string, options []Option) Result {
	opts := numbered
	if len(options) > 0 {
		opts = compile(options)
	}
	return (&parser{kind: question.Choice, opts: opts}).parse(reply)
}

// parser holds what one parse needs to know of its question.
type parser struct {
	kind  question.Kind
	opts  []option // choice questions only
	words []string // the words of each option's text, once read
}

func (p *parser) parse(reply string) Result {
	text, hadThink, open := stripThink(reply)
	if open >= 0 {
		return fail(UnclosedThink, excerpt(reply, open, open+evidenceLen))
	}
	if blank(text) {
		if hadThink {
			return fail(EmptyReply, "only <think> blocks")
		}
		return fail(EmptyReply, "")
	}
	low := asciiLower(text)
	if m, ok := lastMarker(low, p.kind != question.Choice); ok {
		ev := excerpt(text, m.lineStart, lineEnd(low, m.valueEnd))
		switch label, out := p.value(low[m.valueStart:m.valueEnd]); out {
		case found:
			if p.kind == question.Truth && label == "false" && (m.key == "valid" || m.key == "follows" || m.key == "entailed") {
				// "follows: no" leaves open whether the statement is
				// false or unknown.
				return fail(AnswerWithoutLabel, ev)
			}
			return Result{Label: label, Rule: AnswerLine, Evidence: ev}
		case conflict:
			return fail(Conflicting, ev)
		case refusal:
			return fail(Refused, ev)
		default:
			return fail(AnswerWithoutLabel, ev)
		}
	}
	if r, ok := p.finalLine(text, low); ok {
		return r
	}
	return p.wholeReply(text, low)
}

func fail(r Rule, evidence string) Result {
	return Result{Rule: r, Evidence: evidence, Unparseable: true}
}

// outcome is what reading a span of a reply came to.
type outcome int

const (
	none     outcome = iota // no label
	found                   // exactly one label
	conflict                // two different labels
	refusal                 // no label, and a refusal
)

// votes collects the distinct labels a span names, with where each was
// first named. Two are enough to know of a conflict.
type votes struct {
	label [2]string
	pos   [2]int
	n     int
}

func (v *votes) add(label string, pos int) {
	if label == "" {
		return
	}
	for i := 0; i < v.n && i < 2; i++ {
		if v.label[i] == label {
			return
		}
	}
	if v.n < 2 {
		v.label[v.n], v.pos[v.n] = label, pos
		v.n++
	}
}

func (v *votes) outcome() outcome {
	switch v.n {
	case 0:
		return none
	case 1:
		return found
	}
	return conflict
}
