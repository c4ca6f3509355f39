package refmodel

import (
	"errors"

	"github.com/syllobench/syllobench/internal/model"
)

// Reasoner is a reference "model": it reads a chat prompt written by
// internal/prompt back into its question and answers it in natural text
// that ends with an answer line.
type Reasoner interface {
	// Name is the model name the server lists, e.g. "ref-logic".
	Name() string
	// Reply answers the conversation msgs. It returns ErrUnreadable
	// (wrapped, with what could not be read) when the prompt is not one
	// the reasoner can read back, and ErrNotApplicable when it can read
	// the question but its theory does not answer that kind.
	Reply(msgs []model.Message) (string, error)
}

// Errors a caller can test for.
var (
	ErrUnreadable    = errors.New("refmodel: the prompt cannot be read back")
	ErrNotApplicable = errors.New("refmodel: the reasoner does not answer this kind of question")
	// ErrForeignText is wrapped, beside ErrUnreadable, by the error of a
	// prompt whose layout reads but one of whose statements is not in
	// syllobench's controlled English, as in an imported dataset's free
	// paraphrases: the server declines such a question (not applicable)
	// rather than failing it.
	ErrForeignText = errors.New("refmodel: a statement is not in syllobench's controlled English")
)
