// Package prompt turns a generated item into the chat messages a model
// is asked, in one of three formats: direct, few-shot or chain of
// thought. A prompt holds only what the model needs: the statements, the
// question, the semantics assumption and the answer line. No id, form
// name, condition or hint about the answer reaches it.
package prompt

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/syllobench/syllobench/internal/gen"
	"github.com/syllobench/syllobench/internal/logic"
	"github.com/syllobench/syllobench/internal/model"
	"github.com/syllobench/syllobench/internal/question"
)

// Format is how a question is put to the model.
type Format string

// The prompt formats.
const (
	Direct  Format = "direct"  // the question alone; reply with the answer line
	FewShot Format = "fewshot" // worked examples with their answers first
	CoT     Format = "cot"     // reason step by step, then the answer line
)

// Formats lists the formats in a fixed order.
func Formats() []Format { return []Format{Direct, FewShot, CoT} }

// ParseFormat reads a format name.
func ParseFormat(name string) (Format, error) {
	for _, f := range Formats() {
		if string(f) == name {
			return f, nil
		}
	}
	return "", fmt.Errorf("unknown prompt format %q: want direct, fewshot or cot", name)
}

// Message is one chat message: the model package's, so that prompts go
// to a client or the fixture store as they are.
type Message = model.Message

// System is the system message of every prompt. It asks for reasoning
// from the statements alone, as belief-bias studies instruct their
// participants, without calling them true: a truth question asks whether
// a statement is true, and a consistency question whether all can be.
const System = "You are answering questions of logic. Reason only from the statements in each question, " +
	"even where they disagree with what you know about the world."

// Messages returns the chat messages that ask it in format f. Few-shot
// examples are drawn from the same family, with forms and content other
// than its own.
func Messages(it gen.Item, f Format) ([]Message, error) {
	if _, ok := questions[it.Kind]; !ok || it.Presentation.Wording < 0 || it.Presentation.Wording >= gen.Wordings {
		return nil, fmt.Errorf("prompt for item %q: kind %q with wording %d cannot be asked", it.ID, it.Kind, it.Presentation.Wording)
	}
	switch f {
	case Direct:
		return []Message{{Role: "system", Content: System}, {Role: "user", Content: direct(it)}}, nil
	case CoT:
		return []Message{{Role: "system", Content: System},
			{Role: "user", Content: body(it, "\n\nThink it through step by step. Then ", lowerFirst(answerLine(it.Kind)))}}, nil
	case FewShot:
		examples, err := Examples(it, DefaultShots)
		if err != nil {
			return nil, err
		}
		msgs := make([]Message, 0, 2+2*len(examples))
		msgs = append(msgs, Message{Role: "system", Content: System})
		for _, ex := range examples {
			msgs = append(msgs,
				Message{Role: "user", Content: direct(ex)},
				Message{Role: "assistant", Content: "Answer: " + ex.Expected})
		}
		return append(msgs, Message{Role: "user", Content: direct(it)}), nil
	}
	return nil, unknownFormat(f)
}

func unknownFormat(f Format) error { return fmt.Errorf("unknown prompt format %q", f) }

// direct is the user message that asks it directly: the question, then
// the answer line and "Reply with that line only."
func direct(it gen.Item) string {
	return body(it, "\n\n", answerLine(it.Kind), " Reply with that line only.")
}

// answerLine asks for the final answer line and lists the labels.
func answerLine(k question.Kind) string { return question.AnswerLine(k) }

func lowerFirst(s string) string { return strings.ToLower(s[:1]) + s[1:] }

// questions are the wordings of each kind, indexed by Presentation.Wording.
var questions = map[question.Kind][gen.Wordings]string{
	question.Validity: {
		"Does the conclusion necessarily follow from the premises?",
		"If the premises are true, must the conclusion be true?",
		"Is the conclusion logically valid, given the premises?",
	},
	question.Truth: {
		"Given only the premises, is the statement true, false or unknown?",
		"From the premises alone, is the statement true, false, or impossible to tell (unknown)?",
		"Taking only the premises into account, is the statement true, false or unknown?",
	},
	question.Choice: {
		"Which of the following conclusions necessarily follows from the premises?",
		"Which of these conclusions must be true if the premises are true?",
		"Choose the conclusion that follows logically from the premises.",
	},
	question.Consistency: {
		"Can all of these statements be true at the same time?",
		"Is it possible for every one of these statements to be true together?",
		"Could all of these statements hold at once, without contradiction?",
	},
	question.Selection: {
		"Which of the numbered premises does the conclusion need? Name the fewest premises from which it necessarily follows.",
		"From which premises does the conclusion follow? Give the smallest set of premise numbers that it necessarily follows from.",
		"Select the premises the conclusion needs: the fewest from which it must follow.",
	},
	// An open question's own question (it.ConclusionText, "What does
	// R2-D2 run on?") follows its wording.
	question.Open: {
		"Answer from the premises alone.",
		"Going only by the premises, answer the question.",
		"Use only what the premises say to answer.",
	},
}

// directWordings are the wordings of a question asked directly
// (gen.Item.Direct): they make "yes" mean that the premises make the
// answer certain, as "does the conclusion follow?" does, and "true",
// "false" and "unknown" what they mean for a statement.
var directWordings = map[question.Kind][gen.Wordings]string{
	question.Validity: {
		"Answer yes only if the premises make it certain, and no otherwise.",
		"Say yes only if it must be so, given the premises; otherwise say no.",
		"Answer yes if the premises guarantee it, and no if they do not.",
	},
	question.Truth: {
		"Answer true if the premises make it certain, false if they rule it out, and unknown if they leave it open.",
		"From the premises alone, say true if it must be so, false if it cannot be, and unknown otherwise.",
		"Taking only the premises into account, answer true, false or unknown.",
	},
}

// semanticsNote states the semantics plainly, so that the expected answer
// is not a matter of interpretation.
func semanticsNote(sem logic.Semantics) string {
	if sem == logic.Traditional {
		return question.TraditionalNote
	}
	return question.BooleanNote
}

// Question returns the body of the question: the statements, the
// conclusion or options, the question and the semantics note. The
// formats add their instructions after it.
func Question(it gen.Item) string { return body(it) }

// body returns Question(it) followed by the strings after, written
// piece by piece into one buffer of the right size: every case of a run
// comes through here.
func body(it gen.Item, after ...string) string {
	wording, note := questions[it.Kind][it.Presentation.Wording], semanticsNote(it.Semantics)
	if it.Direct {
		wording = directWordings[it.Kind][it.Presentation.Wording]
	}
	n := len("Statements:\n") + len("\nConclusion: \n") + len(it.ConclusionText) + 2 + len(wording) + len(note)
	for _, a := range after {
		n += len(a)
	}
	for _, p := range it.PremiseText {
		n += len(p) + 6
	}
	for _, o := range it.Options {
		n += len(o.Label) + len(o.Text) + 3
	}
	var b strings.Builder
	b.Grow(n)
	b.WriteString(it.Kind.Header())
	b.WriteByte('\n')
	for i, p := range it.PremiseText {
		b.WriteString(strconv.Itoa(i + 1))
		b.WriteString(". ")
		b.WriteString(p)
		b.WriteByte('\n')
	}
	if lead := it.Kind.Lead(); lead != "" && !it.Direct {
		b.WriteByte('\n')
		b.WriteString(lead)
		b.WriteByte(' ')
		b.WriteString(it.ConclusionText)
		b.WriteByte('\n')
	}
	b.WriteByte('\n')
	if it.Kind == question.Open || it.Direct {
		b.WriteString(it.ConclusionText)
		b.WriteByte(' ')
	}
	b.WriteString(wording)
	b.WriteByte(' ')
	b.WriteString(note)
	for _, o := range it.Options {
		b.WriteByte('\n')
		b.WriteString(o.Label)
		b.WriteString(". ")
		b.WriteString(o.Text)
	}
	for _, a := range after {
		b.WriteString(a)
	}
	return b.String()
}
