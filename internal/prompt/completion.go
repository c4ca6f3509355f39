package prompt

import (
	"strings"

	"github.com/syllobench/syllobench/internal/gen"
	"github.com/syllobench/syllobench/internal/question"
)

// Completion is a question put to a base model through the completions
// endpoint: plain text to continue, and where to stop.
type Completion struct {
	// Text is the preamble (the system message's instructions), the
	// worked examples of the few-shot format, and the question, each a
	// "Question: … / Answer: …" block; the question's block ends with
	// "Answer:", or for the step-by-step format with "Answer: Let's
	// think step by step.", which the model continues.
	Text string
	// Stop ends the reply at the next block, and in the direct and
	// few-shot formats at a blank line.
	Stop []string
	// MaxTokens, when not 0, bounds the reply where the model answers at
	// once, so that a base model answers in a few tokens.
	MaxTokens int
	// AnswerLed is set when Text ends with "Answer:", so that the reply
	// is the answer itself: it is read as the line "Answer:" and the
	// reply (see [ReplyToRead]).
	AnswerLed bool
}

// QuestionLead starts each block of a completions prompt, and
// CompletionAnswerLead ends it.
const (
	QuestionLead         = "Question:"
	CompletionAnswerLead = "Answer:"
	// StepByStep continues the answer lead of a step-by-step question.
	StepByStep = "Let's think step by step."
)

// CompletionFor returns the completions prompt that asks it in format
// f. The question's body is the chat prompt's; its answer line is said in
// plain words where the model answers at once; a worked example's block
// ends with its answer.
func CompletionFor(it gen.Item, f Format) (Completion, error) {
	if _, err := Messages(it, Direct); err != nil {
		return Completion{}, err // the same checks as a chat prompt
	}
	var b strings.Builder
	b.WriteString(System)
	b.WriteString("\n\n")
	// Asked directly or after examples, the block ends with the plain
	// instruction a base model follows (question.CompletionAnswerLine);
	// step by step, with the chat prompt's answer line, which asks the
	// reasoning to end with one.
	instruction := question.CompletionAnswerLine
	if f == CoT {
		instruction = question.AnswerLine
	}
	block := func(q gen.Item) {
		b.WriteString(QuestionLead)
		b.WriteByte('\n')
		b.WriteString(body(q, "\n\n", instruction(q.Kind)))
		b.WriteString("\n")
		b.WriteString(CompletionAnswerLead)
	}
	switch f {
	case FewShot:
		examples, err := Examples(it, DefaultShots)
		if err != nil {
			return Completion{}, err
		}
		for _, ex := range examples {
			block(ex)
			b.WriteString(" " + ex.Expected + "\n\n")
		}
	case Direct, CoT:
	default:
		return Completion{}, unknownFormat(f)
	}
	block(it)
	c := Completion{Stop: []string{"\n" + QuestionLead}}
	if f == CoT {
		b.WriteString(" " + StepByStep)
	} else {
		// Not at the end of a line: asked directly, a base model often
		// starts its answer on the next one.
		c.AnswerLed, c.MaxTokens = true, answerTokens
		c.Stop = append(c.Stop, "\n\n")
	}
	c.Text = b.String()
	return c, nil
}

// answerTokens bounds a reply that is the answer itself: a few words,
// or the numbers of a few premises.
const answerTokens = 32

// ReplyToRead is the text a verdict is read from for a completion: the
// answer line the prompt began and the reply that finished it, when the
// prompt ended with "Answer:" (the reply's leading blank space and line
// breaks dropped, so that an answer begun on the next line finishes it);
// the reply as it is otherwise.
func ReplyToRead(c Completion, reply string) string {
	if c.AnswerLed {
		return CompletionAnswerLead + " " + strings.TrimLeft(reply, " \t\r\n")
	}
	return reply
}
