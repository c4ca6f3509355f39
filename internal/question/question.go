// Package question is syllobench's question vocabulary: the kinds of
// question an item asks, the labels that answer each, and the fixed
// phrases of a prompt that its readers rely on (the headers, the
// no-valid-conclusion option, the semantics notes, the answer line).
//
// It imports nothing. The generator, the prompts, the verdict parser, the
// reference reasoners and the probes all take these from here, so that a
// kind, a label or a phrase is written once: a change in wording cannot
// leave a reader behind, and a new kind of question starts here.
package question

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
)

// Kind is the kind of question an item asks, which fixes its labels and
// how the prompt lays it out.
type Kind string

// The question kinds.
const (
	Validity    Kind = "validity"    // does the conclusion follow? yes / no
	Truth       Kind = "truth"       // is the statement true, false or unknown?
	Choice      Kind = "choice"      // which of the nine conclusions follows?
	Consistency Kind = "consistency" // can all the statements be true together? yes / no
	// Open asks the model to write the answer: "What does R2-D2 run
	// on?". Its answer is a phrase ("batteries"), right when the premises
	// entail what it says of the individual; it has no fixed labels.
	Open Kind = "open"
	// Selection asks which of the numbered premises the conclusion
	// needs: "Answer: 1, 4", or "none" when it does not follow.
	Selection Kind = "selection"
)

// Kinds returns every kind, in a fixed order.
func Kinds() []Kind { return []Kind{Validity, Truth, Choice, Consistency, Open, Selection} }

// The answer labels of the yes/no and truth kinds.
const (
	Yes     = "yes"
	No      = "no"
	True    = "true"
	False   = "false"
	Unknown = "unknown"
)

// choiceLabels are the option numbers of a choice question.
var choiceLabels = []string{"1", "2", "3", "4", "5", "6", "7", "8", "9"}

// Labels returns the answer labels of a kind, in the order prompts list
// them; choice labels are the option numbers. An unknown kind has none,
// and so has [Open], whose answer is a phrase.
func (k Kind) Labels() []string {
	switch k {
	case Validity, Consistency:
		return []string{Yes, No}
	case Truth:
		return []string{True, False, Unknown}
	case Choice:
		return append([]string(nil), choiceLabels...)
	}
	return nil
}

// YesNo reports whether a kind is answered yes or no.
func (k Kind) YesNo() bool { return k == Validity || k == Consistency }

// Known reports whether k is one of [Kinds].
func (k Kind) Known() bool { return k.Labels() != nil || k == Open || k == Selection }

// ErrUnknownKind is wrapped by [ParseKind]'s error for a name it does not
// know.
var ErrUnknownKind = errors.New("unknown question kind")

// ParseKind reads a kind's name. "yesno" reads as [Validity], the
// yes/no kind, for a reader that does not care which yes/no question it is.
func ParseKind(name string) (Kind, error) {
	if name == "yesno" {
		return Validity, nil
	}
	if k := Kind(name); k.Known() {
		return k, nil
	}
	return "", fmt.Errorf("%w %q: want yesno, validity, consistency, truth, choice, open or selection", ErrUnknownKind, name)
}

// The fixed phrases of a prompt.
const (
	// PremisesHeader heads the numbered premises of every kind but
	// consistency, whose statements are under StatementsHeader.
	PremisesHeader   = "Premises:"
	StatementsHeader = "Statements:"
	// ConclusionLead introduces the conclusion of a validity question,
	// StatementLead the statement of a truth question.
	ConclusionLead = "Conclusion:"
	StatementLead  = "Statement:"
	// NoValidConclusion is the text of a choice question's option that no
	// conclusion follows.
	NoValidConclusion = "None of these conclusions follows."
	// TraditionalNote states traditional semantics (existential import),
	// BooleanNote Boolean semantics.
	TraditionalNote = "Assume every group mentioned has at least one member."
	BooleanNote     = "Do not assume that a group mentioned has any members unless the statements say so."
	// AnswerLead comes just before the list of labels in the answer line.
	AnswerLead = "where <label> is "
	// OpenAnswerLead says what the answer to an open question is.
	OpenAnswerLead = "where <answer> is the answer in the words of the premises"
	// SelectionAnswerLead says what the answer to a selection question
	// is, and NoneSelected is the answer that no premise is needed
	// because the conclusion does not follow.
	SelectionAnswerLead = "where <numbers> are the numbers of the premises the conclusion needs, separated by commas, or none if it does not follow"
	NoneSelected        = "none"
)

// Header is the line above a kind's numbered statements.
func (k Kind) Header() string {
	if k == Consistency {
		return StatementsHeader
	}
	return PremisesHeader
}

// Lead is the line lead of the statement a kind asks about: the
// conclusion of a validity question, the statement of a truth question;
// "" for the kinds that ask about none.
func (k Kind) Lead() string {
	switch k {
	case Validity, Selection:
		return ConclusionLead
	case Truth:
		return StatementLead
	}
	return ""
}

// AnswerLine is the instruction that ends every prompt of a kind: a
// final line "Answer: <label>", with the kind's labels listed; "" for an
// unknown kind.
func AnswerLine(k Kind) string { return answerLines[k] }

// answerLines holds the answer line of every kind: every prompt asks one.
var answerLines = func() map[Kind]string {
	m := map[Kind]string{}
	for _, k := range Kinds() {
		m[k] = newAnswerLine(k)
	}
	return m
}()

func newAnswerLine(k Kind) string {
	if k == Open {
		return `End your reply with a final line of the form "Answer: <answer>", ` + OpenAnswerLead + "."
	}
	if k == Selection {
		return `End your reply with a final line of the form "Answer: <numbers>", ` + SelectionAnswerLead + "."
	}
	labels := k.Labels()
	if len(labels) == 0 {
		return ""
	}
	list := strings.Join(labels[:len(labels)-1], ", ") + " or " + labels[len(labels)-1]
	return `End your reply with a final line of the form "Answer: <label>", ` + AnswerLead + list + "."
}

// ListedLabels reads the labels back out of the text after [AnswerLead]
// in an answer line: "yes or no." gives yes and no.
func ListedLabels(list string) []string {
	list, _, _ = strings.Cut(list, ".")
	return strings.Fields(strings.NewReplacer(",", " ", " or ", " ").Replace(" " + list + " "))
}

// SelectionLabel is the label of a premise selection, the numbers of
// the premises in increasing order: "1,4"; NoneSelected for none.
func SelectionLabel(nums []int) string {
	if len(nums) == 0 {
		return NoneSelected
	}
	parts := make([]string, len(nums))
	for i, n := range nums {
		parts[i] = strconv.Itoa(n)
	}
	return strings.Join(parts, ",")
}

// CompletionAnswerLine is the instruction that ends a question put to a
// base model as plain text, just before the "Answer:" it finishes: the
// answer line of a chat prompt shows a template ("Answer: <label>") that
// a base model copies instead of answering. It says the same in plain
// words: "Answer yes or no.".
func CompletionAnswerLine(k Kind) string {
	switch k {
	case Open:
		return "Answer in the words of the premises."
	case Selection:
		return "Answer with the numbers of the premises the conclusion needs, separated by commas, or none if it does not follow."
	case Choice:
		return "Answer with the number of the conclusion: " + listed(k.Labels()) + "."
	}
	if labels := k.Labels(); labels != nil {
		return "Answer " + listed(labels) + "."
	}
	return ""
}

// listed joins labels as "a, b or c".
func listed(labels []string) string {
	return strings.Join(labels[:len(labels)-1], ", ") + " or " + labels[len(labels)-1]
}
