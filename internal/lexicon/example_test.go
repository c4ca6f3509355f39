package lexicon_test

import (
	"errors"
	"fmt"

	"github.com/syllobench/syllobench/internal/english"
	"github.com/syllobench/syllobench/internal/lexicon"
	"github.com/syllobench/syllobench/internal/logic"
)

func ExampleTaxonomy_Truth() {
	tax := lexicon.Default()
	for _, s := range []logic.Statement{
		{Q: logic.All, Subject: "Labrador retriever", Predicate: "mammal"},
		{Q: logic.All, Subject: "mammal", Predicate: "Labrador retriever"},
		{Q: logic.No, Subject: "saxophone", Predicate: "brass instrument"},
		{Q: logic.Some, Subject: "rectangle", Predicate: "square"},
		{Q: logic.SomeNot, Subject: "circle", Predicate: "ellipse"},
		{Q: logic.Is, Subject: "Hachiko", Predicate: "dog"},
		{Q: logic.IsNot, Subject: "Socrates", Predicate: "primate"},
	} {
		text, _ := english.RenderDefault(s)
		ok, _ := tax.Truth(s)
		fmt.Println(text, ok)
	}
	_, err := tax.Truth(logic.Statement{Q: logic.All, Subject: "unicorn", Predicate: "horse"})
	fmt.Println(errors.Is(err, lexicon.ErrUnknown), err)
	// Output:
	// All Labrador retrievers are mammals. true
	// All mammals are Labrador retrievers. false
	// No saxophones are brass instruments. true
	// Some rectangles are squares. true
	// Some circles are not ellipses. false
	// Hachiko is a dog. true
	// Socrates is not a primate. false
	// true truth of All(unicorn, horse): subject "unicorn": not in the taxonomy
}

func ExampleCategory_Includes() {
	tax := lexicon.Default()
	dog, _ := tax.Category("dog")
	beagle, _ := tax.Category("beagle")
	cat, _ := tax.Category("domestic cat")
	fmt.Println(dog.Includes(beagle), beagle.Includes(dog), dog.Disjoint(cat))
	for c := beagle; c != nil; c = c.Parent {
		fmt.Print(c.Singular, " (", c.Depth, ")")
		if c.Parent != nil {
			fmt.Print(" < ")
		}
	}
	fmt.Println()
	// Output:
	// true false true
	// beagle (9) < scent hound (8) < hound (7) < dog (6) < canid (5) < carnivoran (4) < mammal (3) < vertebrate (2) < chordate (1) < animal (0)
}

func ExampleParse() {
	data := []byte(`
[categories]
shape | shapes | a
  polygon | polygons | a
    triangle | triangles | a
    square | squares | an   # wrong article
vehicle | vehicle | a      # wrong plural
[individuals]
Rex | dog
`)
	_, err := lexicon.Parse("shapes.txt", data)
	fmt.Println(err)
	// Output:
	// invalid taxonomy:
	// shapes.txt:6: category "square": article "an", but english.Article gives "a"
	// shapes.txt:7: category "vehicle": plural "vehicle", but english.Plural gives "vehicles"
	// shapes.txt:9: individual "Rex": unknown category "dog"
}
