package lexicon_test

import (
	"errors"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/syllobench/syllobench/internal/lexicon"
	"github.com/syllobench/syllobench/internal/logic"
)

type truthCase struct {
	s      logic.Statement
	want   bool
	reason string
}

func st(q logic.Quantifier, subject, predicate string) logic.Statement {
	return logic.Statement{Q: q, Subject: subject, Predicate: predicate}
}

func allCases() []truthCase {
	return []truthCase{
		{st(logic.All, "dog", "mammal"), true, "the predicate is an ancestor of the subject"},
		{st(logic.All, "Django developer", "animal"), true, "an ancestor seven levels up"},
		{st(logic.All, "square", "rectangle"), true, "inclusive definitions: a square is a rectangle"},
		{st(logic.All, "mammal", "dog"), false, "nested the other way: most mammals are not dogs"},
		{st(logic.All, "dog", "domestic cat"), false, "disjoint siblings' grandchildren"},
		{st(logic.All, "violin", "conifer"), false, "different domains"},
		{st(logic.All, "dog", "dog"), true, "same term"},
	}
}

func noCases() []truthCase {
	return []truthCase{
		{st(logic.No, "dog", "domestic cat"), true, "disjoint: under sibling families"},
		{st(logic.No, "pentagon", "quadrilateral"), true, "disjoint siblings"},
		{st(logic.No, "saxophone", "brass instrument"), true, "a woodwind, whatever it is made of"},
		{st(logic.No, "dog", "mammal"), false, "nested: every dog is a mammal"},
		{st(logic.No, "mammal", "dog"), false, "nested the other way: some mammals are dogs"},
		{st(logic.No, "dog", "dog"), false, "same term, and categories are non-empty"},
	}
}

func someCases() []truthCase {
	return []truthCase{
		{st(logic.Some, "dog", "mammal"), true, "nested: the subject is below the predicate"},
		{st(logic.Some, "mammal", "dog"), true, "nested the other way, and dogs exist"},
		{st(logic.Some, "dog", "dog"), true, "same term, non-empty"},
		{st(logic.Some, "bird", "vehicle"), false, "different domains"},
		{st(logic.Some, "lager", "ale"), false, "disjoint siblings"},
	}
}

func someNotCases() []truthCase {
	return []truthCase{
		{st(logic.SomeNot, "mammal", "dog"), true, "the predicate is a proper subset of the subject"},
		{st(logic.SomeNot, "dog", "domestic cat"), true, "disjoint"},
		{st(logic.SomeNot, "dog", "mammal"), false, "every dog is a mammal"},
		{st(logic.SomeNot, "square", "quadrilateral"), false, "an ancestor three levels up"},
		{st(logic.SomeNot, "dog", "dog"), false, "same term"},
	}
}

func individualCases() []truthCase {
	return []truthCase{
		{st(logic.Is, "Shadowfax", "horse"), true, "his own category"},
		{st(logic.Is, "Hachiko", "mammal"), true, "an ancestor of her category"},
		{st(logic.Is, "Socrates", "primate"), true, "humans are primates"},
		{st(logic.Is, "Shadowfax", "Thoroughbred"), false, "below his category: of no real-world breed"},
		{st(logic.Is, "Socrates", "programmer"), false, "below his category"},
		{st(logic.Is, "Dolly", "plant"), false, "another domain"},
		{st(logic.IsNot, "Shadowfax", "horse"), false, "negation of his own category"},
		{st(logic.IsNot, "Dijkstra", "human"), false, "programmers are human"},
		{st(logic.IsNot, "Snoopy", "terrier"), true, "a beagle is a hound"},
	}
}

func TestTruth(t *testing.T) {
	tax := lexicon.Default()
	seen := map[string]bool{}
	for _, family := range [][]truthCase{allCases(), noCases(), someCases(), someNotCases(), individualCases()} {
		for _, tc := range family {
			name := tc.s.String()
			if tc.reason == "" || seen[name] {
				t.Fatalf("case %s: missing reason or duplicate case", name)
			}
			seen[name] = true
			t.Run(name, func(t *testing.T) {
				got, err := tax.Truth(tc.s)
				if err != nil || got != tc.want {
					t.Errorf("Truth(%v) = %v, %v; want %v (%s)", tc.s, got, err, tc.want, tc.reason)
				}
				neg, err := tax.Truth(tc.s.Negation())
				if err != nil || neg == got {
					t.Errorf("Truth(%v) = %v, %v; want %v: the negation", tc.s.Negation(), neg, err, !got)
				}
			})
		}
	}
}

func TestTruthErrors(t *testing.T) {
	tax := lexicon.Default()
	for _, tc := range []struct {
		s      logic.Statement
		want   string
		reason string
	}{
		{st(logic.All, "unicorn", "mammal"), `subject "unicorn"`, "unknown subject"},
		{st(logic.No, "dog", "unicorn"), `predicate "unicorn"`, "unknown predicate"},
		{st(logic.Some, "dogs", "mammal"), `subject "dogs"`, "terms are singular"},
		{st(logic.Is, "Rex", "dog"), `individual "Rex"`, "unknown individual"},
		{st(logic.IsNot, "Shadowfax", "unicorn"), `predicate "unicorn"`, "unknown predicate of a known individual"},
		{st(logic.Is, "dog", "mammal"), `individual "dog"`, "a term is not an individual"},
	} {
		t.Run(tc.s.String(), func(t *testing.T) {
			_, err := tax.Truth(tc.s)
			if !errors.Is(err, lexicon.ErrUnknown) || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("Truth(%v) error = %v; want ErrUnknown naming %s (%s)", tc.s, err, tc.want, tc.reason)
			}
		})
	}
	if _, err := tax.Truth(st(logic.Quantifier(99), "dog", "dog")); err == nil || errors.Is(err, lexicon.ErrUnknown) {
		t.Errorf("Truth with an invalid quantifier: error %v, want a non-ErrUnknown error", err)
	}
}

// TestTruthProperties checks, for random pairs of categories, that exactly
// one of equal, a ⊂ b, b ⊂ a or disjoint holds, and that Truth agrees with
// it: All is the negation of Some-not and No of Some.
func TestTruthProperties(t *testing.T) {
	tax := lexicon.Default()
	cats := tax.Categories()
	r := rand.New(rand.NewPCG(7, 11))
	for range 20_000 {
		a, b := cats[r.IntN(len(cats))], cats[r.IntN(len(cats))]
		equal, aInB, bInA, disjoint := a == b, b.Includes(a) && a != b, a.Includes(b) && a != b, a.Disjoint(b)
		n := 0
		for _, holds := range []bool{equal, aInB, bInA, disjoint} {
			if holds {
				n++
			}
		}
		if n != 1 {
			t.Fatalf("%q, %q: equal %v, a⊂b %v, b⊂a %v, disjoint %v: want exactly one", a, b, equal, aInB, bInA, disjoint)
		}
		if tax.Apart(a, b) {
			if _, err := tax.Truth(st(logic.No, a.Singular, b.Singular)); err == nil {
				t.Fatalf("%q, %q are kept apart, but Truth gives them a truth", a, b)
			}
			continue
		}
		truth := func(q logic.Quantifier) bool {
			v, err := tax.Truth(st(q, a.Singular, b.Singular))
			if err != nil {
				t.Fatal(err)
			}
			return v
		}
		all, no, some, someNot := truth(logic.All), truth(logic.No), truth(logic.Some), truth(logic.SomeNot)
		if all == someNot || no == some || all != (equal || aInB) || no != disjoint {
			t.Fatalf("%q, %q: All %v, No %v, Some %v, Some-not %v; relation equal %v, a⊂b %v, b⊂a %v, disjoint %v",
				a, b, all, no, some, someNot, equal, aInB, bInA, disjoint)
		}
	}
}

func TestTruthDoesNotAllocate(t *testing.T) {
	tax := lexicon.Default()
	stmts := []logic.Statement{
		st(logic.All, "dog", "mammal"), st(logic.No, "lager", "ale"),
		st(logic.Some, "polygon", "square"), st(logic.SomeNot, "bird", "owl"),
		st(logic.Is, "Shadowfax", "animal"), st(logic.IsNot, "Socrates", "dog"),
	}
	allocs := testing.AllocsPerRun(100, func() {
		for _, s := range stmts {
			if _, err := tax.Truth(s); err != nil {
				panic(err)
			}
		}
	})
	if allocs != 0 {
		t.Errorf("Truth allocates %v times per run of %d statements, want 0", allocs, len(stmts))
	}
}

func TestIncludesAcrossTaxonomies(t *testing.T) {
	other, err := lexicon.Parse("other.txt", []byte(strings.Join(small, "\n")))
	if err != nil {
		t.Fatal(err)
	}
	mine, _ := lexicon.Default().Category("animal")
	theirs, _ := other.Category("animal")
	if mine.Includes(theirs) || theirs.Includes(mine) {
		t.Error("a category includes a category of another taxonomy")
	}
}

// The triangles are kept apart from the instruments and the tools, where
// "triangle" has another sense: Truth refuses the pair, and a category
// of neither is not kept apart.
func TestApart(t *testing.T) {
	tax := lexicon.Default()
	get := func(term string) *lexicon.Category {
		c, ok := tax.Category(term)
		if !ok {
			t.Fatalf("no category %q", term)
		}
		return c
	}
	for _, tc := range []struct {
		a, b  string
		apart bool
	}{
		{"equilateral triangle", "idiophone", true},
		{"triangle", "musical instrument", true},
		{"right triangle", "tool", true},
		{"triangle", "polygon", false},
		{"triangle", "dog", false},
		{"square", "idiophone", false},
	} {
		if got := tax.Apart(get(tc.a), get(tc.b)); got != tc.apart || tax.Apart(get(tc.b), get(tc.a)) != tc.apart {
			t.Errorf("Apart(%q, %q) = %v, want %v", tc.a, tc.b, got, tc.apart)
		}
		if _, err := tax.Truth(st(logic.No, tc.b, tc.a)); (err != nil) != tc.apart {
			t.Errorf("Truth(No %s are %s): error %v; kept apart %v", tc.b, tc.a, err, tc.apart)
		}
	}
}
