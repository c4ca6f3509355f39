package gen

import (
	"github.com/syllobench/syllobench/internal/forms"
	"github.com/syllobench/syllobench/internal/logic"
)

// form is what an item asks about, over placeholder terms: premises and,
// except for choice and consistency questions, a conclusion.
type form struct {
	id         string
	premises   []logic.Statement
	conclusion *logic.Statement // nil: the question has no conclusion
	pair       *forms.Pair      // for choice questions
	fallacies  []forms.Fallacy
}

// statements returns the premises followed by the conclusion, if any.
func (f form) statements() []logic.Statement {
	s := append([]logic.Statement(nil), f.premises...)
	if f.conclusion != nil {
		s = append(s, *f.conclusion)
	}
	return s
}

func argumentForm(a forms.Argument) form {
	c := a.Conclusion
	return form{id: a.ID, premises: a.Premises, conclusion: &c, fallacies: a.Fallacies}
}

func pairForm(p forms.Pair) form {
	return form{id: p.ID(), premises: p.Premises(), pair: &p}
}

func consistencyForm(c forms.ConsistencySet) form {
	return form{id: c.ID, premises: c.Statements}
}
