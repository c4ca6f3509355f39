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
	open       *openShape // for open questions
	property   string     // the term placeholder that is a property, for the properties family

	// all and vars, when set, are statements() and placeholders(), worked
	// out once for the forms of the catalogue; they are shared, and read
	// only.
	all  []logic.Statement
	vars []variable
}

// statements returns the premises followed by the conclusion, if any.
// The caller must not modify the slice.
func (f form) statements() []logic.Statement {
	if f.all != nil {
		return f.all
	}
	s := make([]logic.Statement, len(f.premises), len(f.premises)+1)
	copy(s, f.premises)
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

// placeholders returns variables(f.statements()). The caller must not
// modify the slice.
func (f form) placeholders() []variable {
	if f.vars != nil {
		return f.vars
	}
	return variables(f.statements())
}

// memoize works out f's statements and placeholders once.
func (f *form) memoize() {
	f.all = f.statements()
	f.vars = variables(f.all)
}
