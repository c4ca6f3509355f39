package lexicon

import (
	"errors"
	"strings"
	"testing"

	"github.com/syllobench/syllobench/internal/english"
	"github.com/syllobench/syllobench/internal/logic"
)

func TestPropertyTruth(t *testing.T) {
	tax := Default()
	for _, tc := range []struct {
		sentence string
		want     bool
	}{
		{"All birds have feathers.", true},
		{"All owls have feathers.", true}, // inherited
		{"No mammals have feathers.", true},
		{"No dogs have feathers.", true},
		{"Some vertebrates have feathers.", true}, // birds are vertebrates
		{"All vertebrates have feathers.", false}, // mammals are too
		{"Some vertebrates do not have feathers.", true},
		{"No vertebrates have feathers.", false},
		{"Some birds do not have feathers.", false},
		{"Some mammals have feathers.", false},
		{"Hedwig has feathers.", true},
		{"Lassie does not have feathers.", true},
		{"Lassie has feathers.", false},
		{"Socrates has hair.", true}, // a human is a mammal
		{"All cod have gills.", true},
		{"All penguins can fly.", false},
		{"No penguins can fly.", true},
		{"Some owls cannot fly.", false},
		{"All trucks have wheels.", true},
		{"No hot-air balloons have an engine.", true},
		{"All violins have strings.", true},
		{"No trumpets have strings.", true},
	} {
		s, err := english.Parse(tc.sentence)
		if err != nil {
			t.Errorf("%q: %v", tc.sentence, err)
			continue
		}
		got, err := tax.Truth(s)
		if err != nil {
			t.Errorf("%q: %v", tc.sentence, err)
		} else if got != tc.want {
			t.Errorf("%q is %t in the taxonomy; want %t", tc.sentence, got, tc.want)
		}
	}
}

func TestPropertyUnsettled(t *testing.T) {
	tax := Default()
	for _, sentence := range []string{
		"All animals have wheels.",   // no fact about animals and wheels
		"Some birds can fly.",        // owls fly, and owls are birds: settled
		"All birds can fly.",         // penguins do not: settled
		"Some vertebrates can fly.",  // bats: settled
		"Lassie can fly.",            // nothing is said of dogs and flying
		"All dogs run on batteries.", // no such property
	} {
		s, err := english.Parse(sentence)
		if err != nil {
			t.Fatalf("%q: %v", sentence, err)
		}
		_, err = tax.Truth(s)
		settled := err == nil
		want := sentence == "Some birds can fly." || sentence == "All birds can fly." || sentence == "Some vertebrates can fly."
		if settled != want {
			t.Errorf("%q: settled %t (%v); want %t", sentence, settled, err, want)
		}
		if !settled && !errors.Is(err, ErrUnsettled) && !errors.Is(err, ErrUnknown) {
			t.Errorf("%q: error %v wraps neither ErrUnsettled nor ErrUnknown", sentence, err)
		}
	}
}

// Every property renders and parses back in every statement shape a
// generator writes, about a category that has it and one that lacks it.
func TestPropertiesRoundTrip(t *testing.T) {
	tax := Default()
	props := tax.Properties()
	if len(props) < 8 {
		t.Fatalf("%d properties; want at least 8", len(props))
	}
	inds := tax.Individuals()
	for _, p := range props {
		for _, c := range append(append([]*Category(nil), p.Has...), p.Lacks...) {
			for _, q := range []logic.Quantifier{logic.All, logic.No, logic.Some, logic.SomeNot} {
				s := logic.Statement{Q: q, Subject: c.Singular, Predicate: p.Term}
				roundTrip(t, s)
				if _, err := tax.Truth(s); err != nil {
					t.Errorf("%v: %v", s, err)
				}
			}
		}
		for _, q := range []logic.Quantifier{logic.Is, logic.IsNot} {
			roundTrip(t, logic.Statement{Q: q, Subject: inds[0].Name, Predicate: p.Term})
		}
	}
}

func roundTrip(t *testing.T, s logic.Statement) {
	t.Helper()
	for _, ph := range english.Phrasings(s.Q) {
		text, back, err := english.RenderRoundTrip(s, ph)
		if err != nil {
			t.Errorf("%v in %v: %v", s, ph, err)
		} else if back != s {
			t.Errorf("%q reads back as %v, not %v", text, back, s)
		}
	}
}

func TestParsePropertiesErrors(t *testing.T) {
	tax := Default()
	for _, tc := range []struct{ line, want string }{
		{"have feathers | bird", "fields"},
		{"are red | bird | mammal", "property"},
		{"have scales | dragon | mammal", "not a category"},
		{"have fur | mammal | dog", "both has and lacks"},
		{"have fur | mammal |", "at least one"},
		{"have fur | mammal | bird\nhave fur | mammal | fish", "twice"},
	} {
		_, err := parseProperties(tax, "p.txt", tc.line)
		if err == nil || !strings.Contains(err.Error(), tc.want) || !strings.Contains(err.Error(), "p.txt:") {
			t.Errorf("%q: error %v; want one naming the line and saying %q", tc.line, err, tc.want)
		}
	}
	if ps, err := parseProperties(tax, "p.txt", "# none\n\nhave fur | mammal | bird # a comment\n"); err != nil || len(ps) != 1 || ps[0].Term != english.Property("have fur") {
		t.Errorf("a good file: %v, %v", ps, err)
	}
}
