package refmodel

import (
	"fmt"

	"github.com/syllobench/syllobench/internal/question"
)

// Style is the shape of a reply. Each reply ends with an answer line,
// "Answer: <label>" or its markdown form "**Answer:** <label>".
type Style int

// The reply styles.
const (
	Bare      Style = iota // the answer line alone
	Rationale              // one sentence of rationale, then the answer line
	Markdown               // a markdown heading and a bold answer line
	Think                  // a <think> block, then the answer line
	numStyles
)

// Styles lists the reply styles.
func Styles() []Style { return []Style{Bare, Rationale, Markdown, Think} }

// String names the style.
func (s Style) String() string {
	switch s {
	case Bare:
		return "bare"
	case Rationale:
		return "rationale"
	case Markdown:
		return "markdown"
	case Think:
		return "think"
	}
	return fmt.Sprintf("Style(%d)", int(s))
}

// styleOf chooses the style of the reply to q by the prompt's hash.
func styleOf(q Question) Style { return Style(q.pick(int(numStyles), "style")) }

// Format writes a reply in style s that gives label as the answer to a
// question of kind k; why is a one-sentence rationale (the reasoner's
// own), used by the styles that give one.
func Format(s Style, k question.Kind, label, why string) string {
	answer := "Answer: " + label
	switch s {
	case Rationale:
		return why + "\n\n" + answer
	case Markdown:
		return "### Reasoning\n\n" + why + "\n\n**Answer:** " + label
	case Think:
		return "<think>\n" + why + " The " + string(k) + " question is settled by that.\n</think>\n\n" + answer
	}
	return answer
}
