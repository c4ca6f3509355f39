// Package famous lists the published arguments syllobench asks word for
// word: the four questions of the article that started the project, and
// textbook syllogisms a model has read many times. Each names the form
// it has and the words that fill it, so that its expected answer is
// graded from the statements its text reads as, like any item's, and its
// isomorphs can be generated in fresh words.
//
// It is data only, imported by the probes, which ask the arguments, and
// by the reference reasoner that has them by heart.
package famous

import "github.com/syllobench/syllobench/internal/english"

// Argument is a published argument.
type Argument struct {
	Label string
	// Article marks the four questions of the article that started the
	// project.
	Article bool
	// Family and Form name the generator's form the argument has; Terms
	// and Names fill its placeholders.
	Family, Form string
	Terms, Names map[string]string
	// Premises and Question are the argument's words, in its order: the
	// question asked directly ("Are squares triangles?"), an open
	// question, or "" for a consistency question.
	Premises []string
	Question string
}

// Arguments returns the famous arguments, the article's first.
func Arguments() []Argument {
	return []Argument{{
		Label: "individual", Article: true, Family: "chains", Form: "chain-2-true",
		Terms: map[string]string{"t0": "A", "t1": "B", "t2": "C"}, Names: map[string]string{"X": "X"},
		Premises: []string{"All A are B.", "All B are C.", "X is an A."}, Question: "Is X a C?",
	}, {
		Label: "contradiction", Article: true, Family: "consistency", Form: "chain-2-true-with-negation",
		Terms: map[string]string{"t0": "A", "t1": "B", "t2": "C"}, Names: map[string]string{"X": "X"},
		Premises: []string{"All A are B.", "All B are C.", "X is an A.", "X is not a C."},
	}, {
		Label: "triangles", Article: true, Family: "fallacies", Form: "AAA-2",
		Terms:    map[string]string{"P": "triangle", "M": "polygon", "S": "square"},
		Premises: []string{"All triangles are polygons.", "Squares are polygons."}, Question: "Are squares triangles?",
	}, {
		Label: "programmers", Article: true, Family: "fallacies", Form: "AAA-2",
		Terms:    map[string]string{"P": "Python programmer", "M": english.Property("can write code"), "S": "Java programmer"},
		Premises: []string{"All Python programmers can write code.", "Java programmers can write code."}, Question: "Are Java programmers Python programmers?",
	}, {
		Label: "robot", Article: true, Family: "open", Form: "open-1",
		Terms: map[string]string{"t0": "robot", "~p": english.Property("run on batteries")}, Names: map[string]string{"X": "R2-D2"},
		Premises: []string{"All robots run on batteries.", "R2-D2 is a robot."}, Question: "What does R2-D2 run on?",
	}, {
		Label: "socrates", Family: "fallacies", Form: "instantiation",
		Terms: map[string]string{"A": "man", "B": "mortal"}, Names: map[string]string{"X": "Socrates"},
		Premises: []string{"All men are mortals.", "Socrates is a man."}, Question: "Is Socrates a mortal?",
	}, {
		Label: "penguins", Family: "fallacies", Form: "AAA-1",
		Terms:    map[string]string{"M": "bird", "P": english.Property("can fly"), "S": "penguin"},
		Premises: []string{"All birds can fly.", "Penguins are birds."}, Question: "Can penguins fly?",
	}, {
		Label: "roses", Family: "fallacies", Form: "IAI-1",
		Terms:    map[string]string{"S": "rose", "M": "flower", "P": english.Property("fade quickly")},
		Premises: []string{"All roses are flowers.", "Some flowers fade quickly."}, Question: "Do some roses fade quickly?",
	}}
}
