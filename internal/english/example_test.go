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
	// parse "All dogs mammals": want "All <terms> are <terms>" or "All <terms> <verb phrase>": no listed verb (see PropertyVerbs), "do not", "does not", "can" or "cannot" after the subject: unparseable sentence
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

func ExampleProperty() {
	robots := logic.Statement{Q: logic.All, Subject: "robot", Predicate: english.Property("run on batteries")}
	for _, p := range append(english.Phrasings(robots.Q), english.OptionalPhrasings(robots.Q)...) {
		out, err := english.Render(robots, p)
		fmt.Println(out, err)
	}
	for _, s := range []logic.Statement{
		{Q: logic.No, Subject: "penguin", Predicate: english.Property("can fly")},
		{Q: logic.SomeNot, Subject: "bird", Predicate: english.Property("lay eggs")},
		{Q: logic.SomeNot, Subject: "bird", Predicate: english.Property("can fly")},
		{Q: logic.Is, Subject: "R2-D2", Predicate: english.Property("run on batteries")},
		{Q: logic.IsNot, Subject: "Tweety", Predicate: english.Property("fly")},
	} {
		fmt.Println(english.RenderDefault(s))
	}
	s, _ := english.Parse("At least one bird does not lay eggs.")
	phrase, _ := english.PropertyPhrase(s.Predicate)
	fmt.Println(s, english.IsProperty(s.Predicate), phrase)
	// Output:
	// All robots run on batteries. <nil>
	// Every robot runs on batteries. <nil>
	// Each robot runs on batteries. <nil>
	// Robots run on batteries. <nil>
	// No penguins can fly. <nil>
	// Some birds do not lay eggs. <nil>
	// Some birds cannot fly. <nil>
	// R2-D2 runs on batteries. <nil>
	// Tweety does not fly. <nil>
	// SomeNot(bird, ~lay eggs) true lay eggs
}

func ExampleProperty_invalid() {
	for _, s := range []logic.Statement{
		{Q: logic.All, Subject: english.Property("fly"), Predicate: "bird"},
		{Q: logic.All, Subject: "bird", Predicate: english.Property("eat flies")},
	} {
		_, err := english.RenderDefault(s)
		fmt.Println(errors.Is(err, english.ErrInvalidTerm), err)
	}
	// Output:
	// true render All(~fly, bird): subject "~fly": a property can only be a predicate: invalid term
	// true render All(bird, ~eat flies): predicate "~eat flies": verb phrase "eat flies": "flies" after the verb would start another verb phrase: invalid term
}

func ExampleOptionalPhrasings() {
	fmt.Println(english.Phrasings(logic.All), english.OptionalPhrasings(logic.All), english.OptionalPhrasings(logic.No))
	squares := logic.Statement{Q: logic.All, Subject: "square", Predicate: "polygon"}
	fmt.Println(english.Render(squares, english.BarePlural))
	fmt.Println(english.Parse("Squares are polygons."))
	_, err := english.Render(logic.Statement{Q: logic.All, Subject: "Python programmer", Predicate: "person"}, english.BarePlural)
	fmt.Println(errors.Is(err, english.ErrPhrasing))
	// Output:
	// [AllAre EveryIs EachIs] [BarePlural] []
	// Squares are polygons. <nil>
	// All(square, polygon) <nil>
	// true
}
