package english_test

import (
	"errors"
	"fmt"

	"github.com/syllobench/syllobench/internal/english"
	"github.com/syllobench/syllobench/internal/logic"
)

func ExampleRender() {
	s := logic.Statement{Q: logic.SomeNot, Subject: "Python programmer", Predicate: "honest person"}
	for _, p := range english.Phrasings(s.Q) {
		out, err := english.Render(s, p)
		if err != nil {
			fmt.Println(err)
			continue
		}
		fmt.Println(out)
	}
	fmt.Println(english.RenderDefault(logic.Statement{Q: logic.Is, Subject: "X", Predicate: "A"}))
	// Output:
	// Some Python programmers are not honest people.
	// At least one Python programmer is not an honest person.
	// Not all Python programmers are honest people.
	// X is an A. <nil>
}

func ExampleRender_invalidTerm() {
	_, err := english.Render(logic.Statement{Q: logic.All, Subject: "dog", Predicate: "not cat"}, english.AllAre)
	fmt.Println(errors.Is(err, english.ErrInvalidTerm))
	fmt.Println(err)
	// Output:
	// true
	// render All(dog, not cat): predicate "not cat": reserved word "not": invalid term
}

func ExampleParse() {
	for _, in := range []string{
		"All mice are mammals.",
		"  none of the   ice cream cones are Python programmers",
		"At least one wolf is not an unicorn",
		"Socrates is a man.",
		"All dogs mammals",
	} {
		s, err := english.Parse(in)
		if err != nil {
			fmt.Println(err)
			continue
		}
		fmt.Println(s)
	}
	// Output:
	// All(mouse, mammal)
	// No(ice cream cone, Python programmer)
	// SomeNot(wolf, unicorn)
	// Is(Socrates, man)
	// parse "All dogs mammals": want "All <terms> are <terms>": unparseable sentence
}

func ExamplePlural() {
	for _, t := range []string{"dog", "Python programmer", "mouse", "knife", "bus", "baby", "sheep", "A"} {
		fmt.Printf("%s → %s → %s\n", t, english.Plural(t), english.Singular(english.Plural(t)))
	}
	// Output:
	// dog → dogs → dog
	// Python programmer → Python programmers → Python programmer
	// mouse → mice → mouse
	// knife → knives → knife
	// bus → buses → bus
	// baby → babies → baby
	// sheep → sheep → sheep
	// A → A → A
}

func ExampleArticle() {
	for _, t := range []string{"dog", "owl", "hour", "unicorn", "A", "B", "X-ray", "European"} {
		fmt.Println(english.Article(t), t)
	}
	// Output:
	// a dog
	// an owl
	// an hour
	// a unicorn
	// an A
	// a B
	// an X-ray
	// a European
}

func ExamplePhrasings() {
	fmt.Println(english.Phrasings(logic.No))
	// Output:
	// [NoAre NoIs NoneOfThe]
}
