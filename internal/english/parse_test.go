package english

import (
	"errors"
	"strconv"
	"strings"
	"testing"

	"github.com/syllobench/syllobench/internal/logic"
)

type parseCase struct {
	in     string
	want   logic.Statement
	reason string
}

// parseFormCases read each phrasing once.
func parseFormCases() []parseCase {
	return []parseCase{
		{"All dogs are mammals.", st(logic.All, "dog", "mammal"), "All, plural"},
		{"Every dog is a mammal.", st(logic.All, "dog", "mammal"), "All, every"},
		{"Each dog is a mammal.", st(logic.All, "dog", "mammal"), "All, each"},
		{"No dogs are cats.", st(logic.No, "dog", "cat"), "No, plural"},
		{"No dog is a cat.", st(logic.No, "dog", "cat"), "No, singular maps to No too"},
		{"None of the dogs are cats.", st(logic.No, "dog", "cat"), "None of the maps to No"},
		{"Some dogs are pets.", st(logic.Some, "dog", "pet"), "Some"},
		{"At least one dog is a pet.", st(logic.Some, "dog", "pet"), "at least one maps to Some"},
		{"Some dogs are not pets.", st(logic.SomeNot, "dog", "pet"), "not after are is negation"},
		{"At least one dog is not a pet.", st(logic.SomeNot, "dog", "pet"), "at least one ... not maps to SomeNot"},
		{"Not all dogs are pets.", st(logic.SomeNot, "dog", "pet"), "not all maps to SomeNot"},
		{"Rex is a dog.", st(logic.Is, "Rex", "dog"), "a name"},
		{"Rex is not a cat.", st(logic.IsNot, "Rex", "cat"), "a name, negated"},
	}
}

// parseTermCases check that terms come back in canonical form.
func parseTermCases() []parseCase {
	return []parseCase{
		{"All A are B.", st(logic.All, "A", "B"), "letters are terms"},
		{"X is an A.", st(logic.Is, "X", "A"), "a letter can be a name"},
		{"Every A is a B.", st(logic.All, "A", "B"), "an article before a letter term"},
		{"All mice are men.", st(logic.All, "mouse", "man"), "irregular plurals"},
		{"Some Python programmers are honest people.", st(logic.Some, "Python programmer", "honest person"), "multi-word terms keep case except the last word's plural"},
		{"None of the ice cream cones are wolves.", st(logic.No, "ice cream cone", "wolf"), "multi-word, -ves"},
		{"All buses are glasses.", st(logic.All, "bus", "glass"), "listed singulars ending in s"},
		{"Every bus is a glass.", st(logic.All, "bus", "glass"), "a singular is kept as written"},
		{"All sheep are fish.", st(logic.All, "sheep", "fish"), "invariant plurals"},
		{"All dog are mammal.", st(logic.All, "dog", "mammal"), "a singular in a plural slot is already canonical"},
		{"All Dogs are Mammals.", st(logic.All, "Dog", "Mammal"), "term case is kept"},
		{"R2-D2 is a robot.", st(logic.Is, "R2-D2", "robot"), "name with digits and hyphen"},
		{"Zorp is not an unicorn.", st(logic.IsNot, "Zorp", "unicorn"), "wrong article is tolerated"},
		{"All rock'n'rollers are O'Neill fans.", st(logic.All, "rock'n'roller", "O'Neill fan"), "apostrophes in terms"},
		{"No babies are tomatoes.", st(logic.No, "baby", "tomato"), "-ies and -oes"},
	}
}

// parseToleranceCases are slips the parser forgives.
func parseToleranceCases() []parseCase {
	return []parseCase{
		{"All dogs are mammals", st(logic.All, "dog", "mammal"), "missing period"},
		{"  All   dogs are\tmammals.  ", st(logic.All, "dog", "mammal"), "surrounding and repeated white space"},
		{"All dogs are mammals .", st(logic.All, "dog", "mammal"), "space before the period"},
		{"all dogs are mammals", st(logic.All, "dog", "mammal"), "lower-case keyword"},
		{"ALL dogs ARE mammals.", st(logic.All, "dog", "mammal"), "upper-case keywords"},
		{"at LEAST One dog IS Not A pet", st(logic.SomeNot, "dog", "pet"), "mixed-case keywords and article"},
		{"not all dogs are pets", st(logic.SomeNot, "dog", "pet"), "lower-case not all"},
		{"none OF the dogs are cats", st(logic.No, "dog", "cat"), "mixed-case none of the"},
		{"Rex is an dog.", st(logic.Is, "Rex", "dog"), "an for a"},
		{"Rex is a owl.", st(logic.Is, "Rex", "owl"), "a for an"},
		{"Rex IS NOT AN owl.", st(logic.IsNot, "Rex", "owl"), "upper-case verb, negation and article"},
		{"Every ice  cream cone is a treat", st(logic.All, "ice cream cone", "treat"), "double space inside a term"},
	}
}

func TestParse(t *testing.T) {
	var cases []parseCase
	cases = append(cases, parseFormCases()...)
	cases = append(cases, parseTermCases()...)
	cases = append(cases, parseToleranceCases()...)
	seen := map[string]bool{}
	for _, tt := range cases {
		if tt.reason == "" || seen[tt.in] {
			t.Fatalf("case %q: missing reason or duplicate", tt.in)
		}
		seen[tt.in] = true
		t.Run(tt.in, func(t *testing.T) {
			got, err := Parse(tt.in)
			if err != nil || got != tt.want {
				t.Errorf("Parse(%q) = %v, %v; want %v (%s)", tt.in, got, err, tt.want, tt.reason)
			}
		})
	}
}

func TestParseErrors(t *testing.T) {
	tests := []struct {
		in       string
		wantText string // a substring of the error after the quoted sentence
		wantTerm bool   // the error also wraps ErrInvalidTerm
		reason   string
	}{
		{"All dogs mammals", `want "All <terms> are <terms>"`, false, "no verb"},
		{"", "want a sentence starting with", false, "empty"},
		{"   .  ", "want a sentence starting with", false, "only a period"},
		{"All are mammals.", `want "All <terms> are <terms>"`, false, "empty subject"},
		{"All dogs are.", `want "All <terms> are <terms>"`, false, "empty predicate"},
		{"All dogs are not mammals.", `want "All <terms> are <terms>"`, false, "All has no negated form"},
		{"All dogs is a mammal.", `want "All <terms> are <terms>"`, false, "All takes are"},
		{"Every dog is mammal.", `want "Every <term> is a <term>"`, false, "missing article"},
		{"Every dogs are mammals.", `want "Every <term> is a <term>"`, false, "Every takes is"},
		{"No dog is not a cat.", `"No <term> is a <term>"`, false, "No has no negated form"},
		{"None of dogs are cats.", `want "None of the <terms> are <terms>"`, false, "incomplete lead"},
		{"Some dogs is a cat.", `"Some <terms> are not <terms>"`, false, "Some takes are"},
		{"At most one dog is a cat.", `want "At least one <term> is a <term>"`, false, "unknown lead"},
		{"At least one dogs are cats.", `"At least one <term> is not a <term>"`, false, "at least one takes is"},
		{"Not all dogs are not cats.", `want "Not all <terms> are <terms>"`, false, "double negation"},
		{"Not every dog is a cat.", `want "Not all <terms> are <terms>"`, false, "only not all"},
		{"Rex are dogs.", `"<name> is a <term>"`, false, "a name takes is"},
		{"Rex Smith is a dog.", `"<name> is a <term>"`, false, "a name is one token"},
		{"dogs are not mammals.", "want a sentence starting with All, Every", false, "a bare plural has no negated form"},
		{"Rex is a a dog.", `"<name> is a <term>"`, false, "an article inside the term"},
		{"Rex is an is.", `"<name> is a <term>"`, false, "a verb as the term"},
		{"All dogs are cats are pets.", `want "All <terms> are <terms>"`, false, "two verbs"},
		{"rex is a dog.", "must start with an upper-case letter", true, "lower-case name"},
		{"Every is a dog.", `want "Every <term> is a <term>"`, false, "a keyword is not a name"},
		{"Each is a dog.", `want "Each <term> is a <term>"`, false, "a keyword is not a name"},
		{"A is a dog.", "a keyword cannot be a name", true, "A reads as an article, not a name"},
		{"All dogs are cats..", `predicate "cats.": word "cats."`, true, "a second period is part of a word"},
		{"All dogs are mammals!", `character '!' not allowed`, true, "only a period ends a sentence"},
		{"Every dogs is a cat.", `its plural "dogses" would read back as "dogse"`, true, "a singular ending in s must be listed"},
		{"Rex is a fiche.", `its plural "fiches" would read back as "fich"`, true, "an unlisted -che noun"},
		{"All is are cats.", `want "All <terms> are <terms>"`, false, "the verb splits first"},
		{"Every i is a cat.", `its plural "is" is a reserved word`, true, "i pluralises to is"},
	}
	seen := map[string]bool{}
	for _, tt := range tests {
		if tt.reason == "" || seen[tt.in] {
			t.Fatalf("case %q: missing reason or duplicate", tt.in)
		}
		seen[tt.in] = true
		t.Run(tt.in, func(t *testing.T) {
			got, err := Parse(tt.in)
			if !errors.Is(err, ErrUnparseable) {
				t.Fatalf("Parse(%q) = %v, %v; want ErrUnparseable (%s)", tt.in, got, err, tt.reason)
			}
			msg := err.Error()
			prefix := "parse " + strconv.Quote(tt.in) + ": "
			if !strings.HasPrefix(msg, prefix) || !strings.Contains(msg, tt.wantText) {
				t.Errorf("Parse(%q) error = %q; want it to start %q and contain %q (%s)", tt.in, msg, prefix, tt.wantText, tt.reason)
			}
			if errors.Is(err, ErrInvalidTerm) != tt.wantTerm {
				t.Errorf("Parse(%q) error %q: errors.Is(ErrInvalidTerm) = %v, want %v", tt.in, msg, !tt.wantTerm, tt.wantTerm)
			}
		})
	}
}

func TestParseQuantifierPronounsAndClassicalPlurals(t *testing.T) {
	for _, sentence := range []string{"Nobody is a dog.", "Everyone is a mortal.", "Nothing is not a unicorn.", "Someone is a cat."} {
		if s, err := Parse(sentence); err == nil {
			t.Errorf("Parse(%q) = %v; a quantifier pronoun is not a name", sentence, s)
		}
	}
	for sentence, want := range map[string]logic.Statement{
		"All cacti are plants.":      {Q: logic.All, Subject: "cactus", Predicate: "plant"},
		"All cactuses are plants.":   {Q: logic.All, Subject: "cactus", Predicate: "plant"},
		"Some fungi are not plants.": {Q: logic.SomeNot, Subject: "fungus", Predicate: "plant"},
	} {
		if got, err := Parse(sentence); err != nil || got != want {
			t.Errorf("Parse(%q) = %v, %v; want %v", sentence, got, err, want)
		}
	}
}
