package english

import (
	"errors"
	"slices"
	"strings"
	"testing"

	"github.com/syllobench/syllobench/internal/logic"
)

func st(q logic.Quantifier, subject, predicate string) logic.Statement {
	return logic.Statement{Q: q, Subject: subject, Predicate: predicate}
}

type renderCase struct {
	s      logic.Statement
	p      Phrasing
	want   string
	reason string
}

// renderPhrasingCases cover every phrasing once with plain terms.
func renderPhrasingCases() []renderCase {
	dm := func(q logic.Quantifier) logic.Statement { return st(q, "dog", "mammal") }
	return []renderCase{
		{dm(logic.All), AllAre, "All dogs are mammals.", "All, default"},
		{dm(logic.All), EveryIs, "Every dog is a mammal.", "All, every"},
		{dm(logic.All), EachIs, "Each dog is a mammal.", "All, each"},
		{dm(logic.No), NoAre, "No dogs are mammals.", "No, default"},
		{dm(logic.No), NoIs, "No dog is a mammal.", "No, singular"},
		{dm(logic.No), NoneOfThe, "None of the dogs are mammals.", "No, none of the"},
		{dm(logic.Some), SomeAre, "Some dogs are mammals.", "Some, default"},
		{dm(logic.Some), AtLeastOneIs, "At least one dog is a mammal.", "Some, at least one"},
		{dm(logic.SomeNot), SomeAreNot, "Some dogs are not mammals.", "SomeNot, default"},
		{dm(logic.SomeNot), AtLeastOneIsNot, "At least one dog is not a mammal.", "SomeNot, at least one"},
		{dm(logic.SomeNot), NotAllAre, "Not all dogs are mammals.", "SomeNot, not all"},
		{st(logic.Is, "Rex", "dog"), NameIs, "Rex is a dog.", "Is"},
		{st(logic.IsNot, "Rex", "cat"), NameIsNot, "Rex is not a cat.", "IsNot"},
	}
}

// renderTermCases cover articles, letters, multi-word terms and irregulars.
func renderTermCases() []renderCase {
	return []renderCase{
		{st(logic.All, "A", "B"), AllAre, "All A are B.", "letters take no plural"},
		{st(logic.All, "A", "B"), EveryIs, "Every A is a B.", "letter B takes a"},
		{st(logic.Is, "X", "A"), NameIs, "X is an A.", "letter A takes an; X is a name"},
		{st(logic.No, "E", "F"), NoIs, "No E is an F.", "letter F is eff"},
		{st(logic.Some, "U", "H"), AtLeastOneIs, "At least one U is an H.", "letter H is aitch"},
		{st(logic.All, "owl", "animal"), EveryIs, "Every owl is an animal.", "vowel takes an"},
		{st(logic.Is, "Socrates", "honest person"), NameIs, "Socrates is an honest person.", "silent h"},
		{st(logic.IsNot, "Zorp", "unicorn"), NameIsNot, "Zorp is not a unicorn.", "uni- takes a"},
		{st(logic.Is, "R2-D2", "European robot"), NameIs, "R2-D2 is a European robot.", "eu- takes a; name with digits and hyphen"},
		{st(logic.Some, "Python programmer", "honest person"), SomeAre, "Some Python programmers are honest people.", "multi-word terms pluralise the last word, irregular people"},
		{st(logic.No, "mouse", "ice cream cone"), NoneOfThe, "None of the mice are ice cream cones.", "irregular mice"},
		{st(logic.All, "sheep", "wolf"), AllAre, "All sheep are wolves.", "invariant sheep, -f to -ves"},
		{st(logic.SomeNot, "bus", "potato"), NotAllAre, "Not all buses are potatoes.", "listed -s singular, -o to -oes"},
		{st(logic.Some, "baby", "species"), SomeAre, "Some babies are species.", "consonant+y, invariant species"},
		{st(logic.All, "child", "box"), AllAre, "All children are boxes.", "irregular children, -x to -xes"},
		{st(logic.SomeNot, "movie", "church"), SomeAreNot, "Some movies are not churches.", "listed -ie noun, -ch to -ches"},
		{st(logic.All, "X-ray", "8-ball"), EveryIs, "Every X-ray is an 8-ball.", "hyphenated words, number article"},
		{st(logic.Is, "Émile", "élève"), NameIs, "Émile is a élève.", "non-ASCII name and term"},
		{st(logic.All, "rock'n'roller", "O'Neill fan"), AllAre, "All rock'n'rollers are O'Neill fans.", "apostrophes in terms"},
	}
}

func TestRender(t *testing.T) {
	cases := slices.Concat(renderPhrasingCases(), renderTermCases())
	seen := map[string]bool{}
	for _, tt := range cases {
		if tt.reason == "" || seen[tt.want] {
			t.Fatalf("case %q: missing reason or duplicate", tt.want)
		}
		seen[tt.want] = true
		t.Run(tt.want, func(t *testing.T) {
			got, err := Render(tt.s, tt.p)
			if err != nil || got != tt.want {
				t.Errorf("Render(%v, %v) = %q, %v; want %q (%s)", tt.s, tt.p, got, err, tt.want, tt.reason)
			}
		})
	}
}

func TestRenderErrors(t *testing.T) {
	tests := []struct {
		name    string
		s       logic.Statement
		p       Phrasing
		wantErr error
		reason  string
	}{
		{"wrong-quantifier", st(logic.All, "dog", "cat"), NoIs, ErrPhrasing, "NoIs does not express All"},
		{"unknown-phrasing", st(logic.All, "dog", "cat"), Phrasing(200), ErrPhrasing, "not a declared phrasing"},
		{"unknown-quantifier", st(logic.Quantifier(9), "dog", "cat"), AllAre, ErrPhrasing, "the statement's quantifier has no phrasings"},
		{"empty-subject", st(logic.All, "", "cat"), AllAre, ErrInvalidTerm, "empty term"},
		{"empty-predicate", st(logic.Is, "Rex", ""), NameIs, ErrInvalidTerm, "empty term"},
		{"leading-space", st(logic.All, " dog", "cat"), AllAre, ErrInvalidTerm, "leading space"},
		{"trailing-space", st(logic.All, "dog", "cat "), AllAre, ErrInvalidTerm, "trailing space"},
		{"double-space", st(logic.All, "ice  cream", "cat"), AllAre, ErrInvalidTerm, "double space"},
		{"tab", st(logic.All, "ice\tcream", "cat"), AllAre, ErrInvalidTerm, "tab is not a letter"},
		{"period", st(logic.All, "dog.", "cat"), AllAre, ErrInvalidTerm, "punctuation in a word"},
		{"hyphen-only", st(logic.All, "-", "cat"), AllAre, ErrInvalidTerm, "a word needs a letter or digit"},
		{"reserved-are", st(logic.All, "dogs are", "cat"), AllAre, ErrInvalidTerm, "the verb would split the sentence"},
		{"reserved-is", st(logic.All, "dog", "what is"), EveryIs, ErrInvalidTerm, "the verb would split the sentence"},
		{"reserved-not", st(logic.Some, "dog", "not cat"), SomeAre, ErrInvalidTerm, "would read as negation"},
		{"reserved-a", st(logic.All, "dog", "a cat"), AllAre, ErrInvalidTerm, "would read as an article"},
		{"reserved-An", st(logic.All, "An dog", "cat"), AllAre, ErrInvalidTerm, "reserved words fold case"},
		{"plural-reserved", st(logic.All, "i", "cat"), AllAre, ErrInvalidTerm, "the plural of i is the verb is"},
		{"unlisted-s", st(logic.All, "dogs", "cat"), EveryIs, ErrInvalidTerm, "dogs would render as dogses and read back as dogse"},
		{"unlisted-ie", st(logic.Is, "Rex", "bootie"), NameIs, ErrInvalidTerm, "booties would read back as booty"},
		{"unlisted-che", st(logic.All, "fiche", "cat"), AllAre, ErrInvalidTerm, "fiches would read back as fich"},
		{"collision", st(logic.All, "leave", "cat"), AllAre, ErrInvalidTerm, "leaves reads back as leaf"},
		{"name-lower", st(logic.Is, "rex", "dog"), NameIs, ErrInvalidTerm, "a name starts with a capital"},
		{"name-keyword", st(logic.Is, "All", "dog"), NameIs, ErrInvalidTerm, "a keyword is not a name"},
		{"name-keyword-case", st(logic.IsNot, "NONE", "dog"), NameIsNot, ErrInvalidTerm, "keywords fold case"},
		{"name-two-words", st(logic.Is, "Rex Smith", "dog"), NameIs, ErrInvalidTerm, "a name is one token"},
		{"name-apostrophe", st(logic.Is, "O'Neill", "dog"), NameIs, ErrInvalidTerm, "a name has no apostrophe"},
		{"name-empty", st(logic.Is, "", "dog"), NameIs, ErrInvalidTerm, "empty name"},
	}
	seen := map[string]bool{}
	for _, tt := range tests {
		if tt.reason == "" || seen[tt.name] {
			t.Fatalf("case %q: missing reason or duplicate", tt.name)
		}
		seen[tt.name] = true
		t.Run(tt.name, func(t *testing.T) {
			got, err := Render(tt.s, tt.p)
			if !errors.Is(err, tt.wantErr) {
				t.Fatalf("Render(%v, %v) = %q, %v; want error %v (%s)", tt.s, tt.p, got, err, tt.wantErr, tt.reason)
			}
			if !strings.Contains(err.Error(), "render ") {
				t.Errorf("error %q does not say what was being done", err)
			}
		})
	}
}

func TestPhrasings(t *testing.T) {
	counted := map[Phrasing]int{}
	for q := logic.All; q <= logic.IsNot; q++ {
		ps := Phrasings(q)
		if len(ps) == 0 {
			t.Errorf("Phrasings(%v) is empty", q)
		}
		for _, p := range slices.Concat(ps, OptionalPhrasings(q)) {
			counted[p]++
			if p.Quantifier() != q {
				t.Errorf("Phrasings(%v) has %v, which expresses %v", q, p, p.Quantifier())
			}
		}
		ps[0] = Phrasing(99) // the caller owns the slice
		if opt := OptionalPhrasings(q); len(opt) > 0 {
			opt[0] = Phrasing(99)
		}
	}
	for p := range Phrasing(len(patterns)) {
		if counted[p] != 1 || Phrasings(p.Quantifier())[0] == 99 || slices.Contains(OptionalPhrasings(p.Quantifier()), 99) {
			t.Errorf("%v is listed %d times; want once, in a fresh slice", p, counted[p])
		}
	}
	if got := Phrasings(logic.Quantifier(6)); got != nil {
		t.Errorf("Phrasings(unknown) = %v, want nil", got)
	}
	if got := OptionalPhrasings(logic.Quantifier(6)); got != nil {
		t.Errorf("OptionalPhrasings(unknown) = %v, want nil", got)
	}
	if got := Phrasing(14).String(); got != "Phrasing(14)" {
		t.Errorf("unknown phrasing String = %q", got)
	}
}

// TestPhrasingsUnchanged pins the phrasings of each quantifier and their
// order: callers (package gen) pick phrasings from Phrasings by position,
// so adding a phrasing there would change generated prompts. Opt-in
// phrasings are listed by OptionalPhrasings only.
func TestPhrasingsUnchanged(t *testing.T) {
	want := map[logic.Quantifier][]Phrasing{
		logic.All:     {AllAre, EveryIs, EachIs},
		logic.No:      {NoAre, NoIs, NoneOfThe},
		logic.Some:    {SomeAre, AtLeastOneIs},
		logic.SomeNot: {SomeAreNot, AtLeastOneIsNot, NotAllAre},
		logic.Is:      {NameIs},
		logic.IsNot:   {NameIsNot},
	}
	wantOptional := map[logic.Quantifier][]Phrasing{logic.All: {BarePlural}}
	for q := logic.All; q <= logic.IsNot; q++ {
		if got := Phrasings(q); !slices.Equal(got, want[q]) {
			t.Errorf("Phrasings(%v) = %v, want %v", q, got, want[q])
		}
		if got := OptionalPhrasings(q); !slices.Equal(got, wantOptional[q]) {
			t.Errorf("OptionalPhrasings(%v) = %v, want %v", q, got, wantOptional[q])
		}
	}
	// The constants keep their values: 0 to 12 as before, BarePlural after.
	if AllAre != 0 || NameIsNot != 12 || BarePlural != 13 {
		t.Errorf("phrasing constants moved: AllAre=%d NameIsNot=%d BarePlural=%d", AllAre, NameIsNot, BarePlural)
	}
}
