package english

import (
	"errors"
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/syllobench/syllobench/internal/logic"
)

func knownOf(words ...string) func(string) bool {
	return func(w string) bool { return slices.Contains(words, w) }
}

func TestAsk(t *testing.T) {
	for _, tc := range []struct {
		s    logic.Statement
		bare bool
		want string
	}{
		{logic.Statement{Q: logic.All, Subject: "square", Predicate: "triangle"}, true, "Are squares triangles?"},
		{logic.Statement{Q: logic.All, Subject: "square", Predicate: "triangle"}, false, "Are all squares triangles?"},
		{logic.Statement{Q: logic.All, Subject: "Java programmer", Predicate: "Python programmer"}, true, "Are Java programmers Python programmers?"},
		{logic.Statement{Q: logic.Some, Subject: "A", Predicate: "B"}, false, "Are some A B?"},
		{logic.Statement{Q: logic.SomeNot, Subject: "blick", Predicate: "zorple"}, false, "Are some blicks not zorples?"},
		{logic.Statement{Q: logic.Is, Subject: "X", Predicate: "C"}, false, "Is X a C?"},
		{logic.Statement{Q: logic.IsNot, Subject: "Socrates", Predicate: "owl"}, false, "Is Socrates not an owl?"},
		{logic.Statement{Q: logic.All, Subject: "robot", Predicate: Property("run on batteries")}, true, "Do robots run on batteries?"},
		{logic.Statement{Q: logic.SomeNot, Subject: "bird", Predicate: Property("have feathers")}, false, "Do some birds not have feathers?"},
		{logic.Statement{Q: logic.Is, Subject: "Socrates", Predicate: Property("die")}, false, "Does Socrates die?"},
		{logic.Statement{Q: logic.IsNot, Subject: "Tweety", Predicate: Property("lay eggs")}, false, "Does Tweety not lay eggs?"},
		{logic.Statement{Q: logic.All, Subject: "penguin", Predicate: Property("can fly")}, false, "Can all penguins fly?"},
		{logic.Statement{Q: logic.Is, Subject: "Tweety", Predicate: Property("can fly")}, false, "Can Tweety fly?"},
		{logic.Statement{Q: logic.All, Subject: "emperor penguin", Predicate: "king penguin"}, false, "Are all emperor penguins king penguins?"},
	} {
		got, err := Ask(tc.s, tc.bare)
		if err != nil || got != tc.want {
			t.Errorf("Ask(%v, %t) = %q, %v; want %q", tc.s, tc.bare, got, err, tc.want)
			continue
		}
		known := knownOf(tc.s.Subject, tc.s.Predicate, "penguin", "emperor", "king penguin")
		back, bare, err := ReadQuestion(got, known)
		if err != nil || back != tc.s || bare != tc.bare {
			t.Errorf("ReadQuestion(%q) = %v, %t, %v; want %v, %t", got, back, bare, err, tc.s, tc.bare)
		}
	}
}

func TestAskRefuses(t *testing.T) {
	for _, tc := range []struct {
		s    logic.Statement
		bare bool
	}{
		{logic.Statement{Q: logic.Some, Subject: "square", Predicate: "triangle"}, true},
		{logic.Statement{Q: logic.All, Subject: "A", Predicate: "B"}, true},
		{logic.Statement{Q: logic.IsNot, Subject: "Tweety", Predicate: Property("can fly")}, false},
		{logic.Statement{Q: logic.All, Subject: "", Predicate: "B"}, false},
		{logic.Statement{Q: logic.No, Subject: "dog", Predicate: "cat"}, false},
	} {
		if q, err := Ask(tc.s, tc.bare); err == nil {
			t.Errorf("Ask(%v, %t) = %q; want an error", tc.s, tc.bare, q)
		}
	}
	if _, err := Ask(logic.Statement{Q: logic.Some, Subject: "square", Predicate: "triangle"}, true); !errors.Is(err, ErrNoQuestion) {
		t.Errorf("error %v does not wrap ErrNoQuestion", err)
	}
}

// A question whose subject could end in two places is read with the
// words it may be about; a question that is not one of Ask's is refused.
func TestReadQuestionAmbiguity(t *testing.T) {
	q := "Are all emperor penguins king penguins?"
	s, _, err := ReadQuestion(q, knownOf("emperor penguin", "king penguin", "emperor", "penguins king penguin"))
	if err != nil || s.Subject != "emperor penguin" {
		t.Errorf("%q: %v, %v", q, s, err)
	}
	// "sheep", "deer" and "fish" are their own plurals: the subject of
	// this one may end after "sheep" or after "deer".
	amb := "Are all sheep deer fish?"
	if s, _, err := ReadQuestion(amb, knownOf("sheep", "deer fish", "sheep deer", "fish")); err == nil {
		t.Errorf("%q with two readings of known words: %v; want an error", amb, s)
	}
	if s, _, err := ReadQuestion(amb, knownOf("sheep", "deer fish")); err != nil || s.Subject != "sheep" {
		t.Errorf("%q with one: %v, %v", amb, s, err)
	}
	for _, bad := range []string{"Are all squares triangles", "Are all squares circles?", "Who are squares?", "Are?", ""} {
		if s, _, err := ReadQuestion(bad, knownOf("square", "triangle")); err == nil || !errors.Is(err, ErrUnparseable) {
			t.Errorf("ReadQuestion(%q) = %v, %v; want an error wrapping ErrUnparseable", bad, s, err)
		}
	}
}

func TestParseIn(t *testing.T) {
	known := knownOf("Java programmer", "square")
	for _, tc := range []struct {
		sentence string
		want     logic.Statement
	}{
		{"Java programmers can write code.", logic.Statement{Q: logic.All, Subject: "Java programmer", Predicate: Property("can write code")}},
		{"Squares are polygons.", logic.Statement{Q: logic.All, Subject: "square", Predicate: "polygon"}},
		{"All squares are polygons.", logic.Statement{Q: logic.All, Subject: "square", Predicate: "polygon"}},
	} {
		got, err := ParseIn(tc.sentence, known)
		if err != nil || got != tc.want {
			t.Errorf("ParseIn(%q) = %v, %v; want %v", tc.sentence, got, err, tc.want)
		}
	}
	// Unknown either way: read as Parse reads it.
	if got, err := ParseIn("Pascal programmers write code.", known); err != nil || got.Subject != "pascal programmer" {
		t.Errorf("ParseIn of an unknown subject = %v, %v", got, err)
	}
}

// Every question Ask writes about random statements reads back as the
// statement, knowing only its own subject and predicate.
func TestAskRoundTrip(t *testing.T) {
	r := rand.New(rand.NewPCG(20261207, 11))
	const statements = 20_000
	asked, bare := 0, 0
	for range statements {
		s := genAnyStatement(r)
		known := knownOf(s.Subject, s.Predicate)
		for _, b := range []bool{false, true} {
			q, err := Ask(s, b)
			if err != nil {
				if !errors.Is(err, ErrNoQuestion) {
					t.Fatalf("Ask(%v, %t): %v", s, b, err)
				}
				continue
			}
			back, gotBare, err := ReadQuestion(q, known)
			if err != nil || back != s || gotBare != b {
				t.Fatalf("ReadQuestion(Ask(%v, %t)) = ReadQuestion(%q) = %v, %t, %v", s, b, q, back, gotBare, err)
			}
			asked++
			if b {
				bare++
			}
		}
	}
	t.Logf("%d statements, %d questions (%d bare) read back", statements, asked, bare)
	if asked < statements*3/4 || bare < statements/20 {
		t.Errorf("%d questions, %d bare: want more", asked, bare)
	}
}
