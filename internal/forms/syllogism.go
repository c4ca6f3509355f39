package forms

import (
	"fmt"

	"github.com/syllobench/syllobench/internal/logic"
)

// Syllogism is a categorical syllogism: a mood (the quantifiers of the
// major premise, the minor premise and the conclusion) and Aristotle's
// figure, which places the middle term M:
//
//	figure 1: M–P, S–M     figure 3: M–P, M–S
//	figure 2: P–M, S–M     figure 4: P–M, M–S
//
// The conclusion is always S–P; the major premise holds P and comes first.
type Syllogism struct {
	Mood   [3]logic.Quantifier
	Figure int // 1–4
}

// Syllogisms returns the 256 syllogisms in the order AAA-1, AAA-2, …,
// OOO-4 (mood letters in the order A, E, I, O).
func Syllogisms() []Syllogism {
	letters := []logic.Quantifier{logic.All, logic.No, logic.Some, logic.SomeNot}
	all := make([]Syllogism, 0, 256)
	for _, major := range letters {
		for _, minor := range letters {
			for _, c := range letters {
				for fig := 1; fig <= 4; fig++ {
					all = append(all, Syllogism{Mood: [3]logic.Quantifier{major, minor, c}, Figure: fig})
				}
			}
		}
	}
	return all
}

// ParseSyllogism reads an id such as "AAA-1".
func ParseSyllogism(id string) (Syllogism, error) {
	var s Syllogism
	if len(id) != 5 || id[3] != '-' || id[4] < '1' || id[4] > '4' {
		return s, fmt.Errorf("syllogism %q: want three mood letters from AEIO, a dash and a figure 1-4, like AAA-1", id)
	}
	for i := range 3 {
		q, ok := logic.QuantifierOf(id[i])
		if !ok {
			return s, fmt.Errorf("syllogism %q: mood letter %q is not one of A, E, I, O", id, id[i])
		}
		s.Mood[i] = q
	}
	s.Figure = int(id[4] - '0')
	return s, nil
}

// MoodString returns the three mood letters, e.g. "AAA".
func (s Syllogism) MoodString() string {
	return string([]byte{s.Mood[0].Letter(), s.Mood[1].Letter(), s.Mood[2].Letter()})
}

// ID returns the syllogism's id, e.g. "AAA-1".
func (s Syllogism) ID() string { return fmt.Sprintf("%s-%d", s.MoodString(), s.Figure) }

// Name returns the medieval mnemonic name of a valid form ("Barbara"),
// or "" for a form that has none.
func (s Syllogism) Name() string { return names[s.ID()] }

// names are the medieval mnemonics. Only the names are typed in here:
// which forms are valid is computed, and a test checks that exactly the
// forms valid under Traditional semantics have a name.
var names = map[string]string{
	"AAA-1": "Barbara", "EAE-1": "Celarent", "AII-1": "Darii", "EIO-1": "Ferio",
	"AAI-1": "Barbari", "EAO-1": "Celaront",
	"EAE-2": "Cesare", "AEE-2": "Camestres", "EIO-2": "Festino", "AOO-2": "Baroco",
	"EAO-2": "Cesaro", "AEO-2": "Camestros",
	"AAI-3": "Darapti", "IAI-3": "Disamis", "AII-3": "Datisi", "EAO-3": "Felapton",
	"OAO-3": "Bocardo", "EIO-3": "Ferison",
	"AAI-4": "Bamalip", "AEE-4": "Calemes", "IAI-4": "Dimatis", "EAO-4": "Fesapo",
	"EIO-4": "Fresison", "AEO-4": "Calemos",
}

// Argument returns the syllogism over the placeholder terms S, M and P.
func (s Syllogism) Argument() Argument {
	major, minor := s.premises()
	return Argument{
		ID:         s.ID(),
		Premises:   []logic.Statement{major, minor},
		Conclusion: stmt(s.Mood[2], "S", "P"),
		Fallacies:  s.Fallacies(),
	}
}

// premises returns the major and minor premise over S, M and P.
func (s Syllogism) premises() (major, minor logic.Statement) {
	switch s.Figure {
	case 1:
		return stmt(s.Mood[0], "M", "P"), stmt(s.Mood[1], "S", "M")
	case 2:
		return stmt(s.Mood[0], "P", "M"), stmt(s.Mood[1], "S", "M")
	case 3:
		return stmt(s.Mood[0], "M", "P"), stmt(s.Mood[1], "M", "S")
	case 4:
		return stmt(s.Mood[0], "P", "M"), stmt(s.Mood[1], "M", "S")
	}
	panic(fmt.Sprintf("forms: syllogism figure %d is not 1-4", s.Figure))
}

// Valid reports whether the premises entail the conclusion under sem.
func (s Syllogism) Valid(sem logic.Semantics) bool {
	return s.Argument().Verdict(sem) == logic.Entailed
}
