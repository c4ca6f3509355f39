package lexicon_test

import (
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/syllobench/syllobench/internal/english"
	"github.com/syllobench/syllobench/internal/lexicon"
	"github.com/syllobench/syllobench/internal/logic"
)

// The review tests check the taxonomy against facts it cannot know by
// itself, kept in three curated files under testdata, each entry with the
// reason it holds:
//
//   - kinds.txt: "X < Y" (every X is a Y), "X ! Y" (no X is a Y) and
//     "X ~ Y" (some X are Ys: the two may not be disjoint) facts of the
//     classifications the taxonomy follows, which catch a category filed
//     apart from a sibling that is its kind (guitars apart from lutes);
//   - senses.txt: second senses of words that fall in another branch (the
//     triangle is a shape and a percussion instrument);
//   - countability.txt: mass nouns, which no category may use as a count
//     noun ("Some edams are mammals").
//
// Each check returns the problems it finds, so that TestReviewChecksCatch
// can show that it finds the errors it was written for.

// reviewEntry is one entry of a review file: its fields, split at sep and
// trimmed, and its reason, the comment on its line.
type reviewEntry struct {
	line   int
	fields []string
	reason string
}

// readReview reads testdata/name. Blank and comment-only lines are
// skipped; every other line must have want fields, separated by sep (or
// one field if sep is empty), and a reason.
func readReview(t *testing.T, name, sep string, want int) []reviewEntry {
	t.Helper()
	data, err := os.ReadFile("testdata/" + name)
	if err != nil {
		t.Fatal(err)
	}
	var out []reviewEntry
	for i, raw := range strings.Split(string(data), "\n") {
		text, reason, _ := strings.Cut(raw, "#")
		if strings.TrimSpace(text) == "" {
			continue
		}
		e := reviewEntry{line: i + 1, reason: strings.TrimSpace(reason)}
		parts := []string{text}
		if sep != "" {
			parts = strings.Split(text, sep)
		}
		for _, f := range parts {
			e.fields = append(e.fields, strings.TrimSpace(f))
		}
		if len(e.fields) != want || e.reason == "" {
			t.Fatalf("testdata/%s:%d: %q: want %d fields separated by %q and a reason after #", name, e.line, raw, want, sep)
		}
		out = append(out, e)
	}
	if len(out) == 0 {
		t.Fatalf("testdata/%s has no entries", name)
	}
	return out
}

// kindFact is one entry of kinds.txt.
type kindFact struct {
	x, rel, y string
	line      int
	reason    string
}

func readKinds(t *testing.T) []kindFact {
	t.Helper()
	var facts []kindFact
	for _, e := range readReview(t, "kinds.txt", "", 1) {
		text := e.fields[0]
		var f kindFact
		for _, rel := range []string{" < ", " ! ", " ~ "} {
			if x, y, ok := strings.Cut(text, rel); ok {
				f = kindFact{x: strings.TrimSpace(x), rel: strings.TrimSpace(rel), y: strings.TrimSpace(y), line: e.line, reason: e.reason}
			}
		}
		if f.rel == "" || f.x == "" || f.y == "" || f.x == f.y {
			t.Fatalf("testdata/kinds.txt:%d: %q: want \"X < Y\", \"X ! Y\" or \"X ~ Y\"", e.line, text)
		}
		facts = append(facts, f)
	}
	return facts
}

// checkKinds reports each fact that the taxonomy contradicts: for "X < Y"
// it must label "All X are Y" true, for "X ! Y" "No X are Y", and for
// "X ~ Y" "Some X are Y". A fact that names a category the taxonomy lacks
// cannot be contradicted and passes: it keeps the category from coming
// back in the wrong place. A fact that names neither is stale.
func checkKinds(tax *lexicon.Taxonomy, facts []kindFact) []string {
	quantifiers := map[string]struct {
		q    logic.Quantifier
		word string
	}{"<": {logic.All, "All"}, "!": {logic.No, "No"}, "~": {logic.Some, "Some"}}
	var problems []string
	for _, f := range facts {
		x, okX := tax.Category(f.x)
		y, okY := tax.Category(f.y)
		where := fmt.Sprintf("kinds.txt:%d: %s %s %s (%s)", f.line, f.x, f.rel, f.y, f.reason)
		switch {
		case !okX && !okY:
			problems = append(problems, where+": neither is a category: remove the stale fact")
			continue
		case !okX || !okY:
			continue // not expressible: nothing to contradict
		}
		q := quantifiers[f.rel]
		ok, err := tax.Truth(logic.Statement{Q: q.q, Subject: x.Singular, Predicate: y.Singular})
		if err != nil {
			problems = append(problems, fmt.Sprintf("%s: %v", where, err))
		} else if !ok {
			problems = append(problems, fmt.Sprintf("%s: the taxonomy, with %q under %q and %q under %q, labels \"%s %s are %s\" false",
				where, x, x.Parent, y, y.Parent, q.word, x.Plural, y.Plural))
		}
	}
	return problems
}

func TestKinds(t *testing.T) {
	for _, p := range checkKinds(lexicon.Default(), readKinds(t)) {
		t.Error(p)
	}
}

// lastWord returns the last word of a term, its head noun: the part after
// its last space or hyphen ("Labrador retriever" → "retriever", "T-shirt"
// → "shirt"). Closed compounds ("seahorse", "greenhouse") are one word.
func lastWord(term string) string {
	return term[strings.LastIndexAny(term, " -")+1:]
}

// checkHeads reports homonyms inside the taxonomy: a term that is a
// category's whole name, or the last word of a longer one, must mean the
// same thing wherever it is used. So
//
//   - a category whose last word, singular or plural, names another
//     category must be a kind of that category ("guinea pig" is not a
//     "pig"), and
//   - categories whose last word names no category must all be in one
//     domain ("percussion triangle" and "equilateral triangle" would not
//     be). Within a domain a shared last word is a naming convention of
//     one sense ("pine tree", "oak tree"; "blue whale", "sperm whale").
//
// Words are compared in lower case. There is no list of pairs kept apart:
// the generator draws any categories into one item, so a homonym that is
// kept would reach an item; rename or remove one sense.
func checkHeads(tax *lexicon.Taxonomy) []string {
	forms := map[string]*lexicon.Category{}
	for _, c := range tax.Categories() {
		forms[strings.ToLower(c.Singular)] = c
		forms[strings.ToLower(c.Plural)] = c
	}
	var problems []string
	byHead := map[string][]*lexicon.Category{}
	var heads []string
	for _, c := range tax.Categories() {
		named := false
		for _, h := range []string{strings.ToLower(lastWord(c.Singular)), strings.ToLower(lastWord(c.Plural))} {
			x, ok := forms[h]
			if !ok {
				continue
			}
			named = true
			if x != c && !x.Includes(c) {
				problems = append(problems, fmt.Sprintf("%q (under %q) ends in %q, the category %q (under %q), which does not include it",
					c, c.Parent, h, x, x.Parent))
				break
			}
		}
		if !named {
			h := strings.ToLower(lastWord(c.Singular))
			if byHead[h] == nil {
				heads = append(heads, h)
			}
			byHead[h] = append(byHead[h], c)
		}
	}
	for _, h := range heads {
		cs := byHead[h]
		for _, c := range cs[1:] {
			if c.Root() != cs[0].Root() {
				problems = append(problems, fmt.Sprintf("%q ends %q in the domain %q and %q in the domain %q: one word, two senses",
					h, cs[0], cs[0].Root(), c, c.Root()))
			}
		}
	}
	return problems
}

func TestHomonyms(t *testing.T) {
	for _, p := range checkHeads(lexicon.Default()) {
		t.Error(p)
	}
}

// secondSense is one entry of senses.txt: word has a sense whose things
// are all in host. With scope "head" the sense is also that of every
// category whose last word is word ("equilateral triangle"); with "bare"
// only of a category named word alone (a "Phillips screwdriver" is never
// the cocktail).
type secondSense struct {
	word, host, scope string
	line              int
	reason            string
}

func readSenses(t *testing.T) []secondSense {
	t.Helper()
	var out []secondSense
	for _, e := range readReview(t, "senses.txt", "|", 3) {
		s := secondSense{word: e.fields[0], host: e.fields[1], scope: e.fields[2], line: e.line, reason: e.reason}
		if s.word != strings.ToLower(s.word) || (s.scope != "head" && s.scope != "bare") {
			t.Fatalf("testdata/senses.txt:%d: want \"word | host category | head or bare\" with the word in lower case", e.line)
		}
		out = append(out, s)
	}
	return out
}

// checkSenses reports each category that a second sense's word names and
// that is disjoint from the sense's host: statements between the two read
// one way in one sense and the other way in the other ("No idiophones are
// triangles").
func checkSenses(tax *lexicon.Taxonomy, senses []secondSense) []string {
	var problems []string
	for _, s := range senses {
		host, ok := tax.Category(s.host)
		if !ok {
			problems = append(problems, fmt.Sprintf("senses.txt:%d: host %q of %q is not a category", s.line, s.host, s.word))
			continue
		}
		plural := english.Plural(s.word)
		for _, c := range tax.Categories() {
			forms := []string{strings.ToLower(c.Singular), strings.ToLower(c.Plural)}
			if s.scope == "head" {
				forms = append(forms, strings.ToLower(lastWord(c.Singular)), strings.ToLower(lastWord(c.Plural)))
			}
			for _, f := range forms {
				if (f == s.word || f == plural) && c.Disjoint(host) && !tax.Apart(c, host) {
					problems = append(problems, fmt.Sprintf("senses.txt:%d: %q (under %q) is named by %q, which also means %s (a kind of %q), so \"No %s are %s\" is not simply true",
						s.line, c, c.Parent, s.word, s.reason, host, host.Plural, c.Plural))
					break
				}
			}
		}
	}
	return problems
}

func TestSecondSenses(t *testing.T) {
	for _, p := range checkSenses(lexicon.Default(), readSenses(t)) {
		t.Error(p)
	}
}

// countability is countability.txt: lower-case words and phrases marked
// "mass" (no count use: "edam") or "variable" (count only as whole units,
// servings or kinds: "cheese"), each with its reason.
type countability map[string]string

func readCountability(t *testing.T) countability {
	t.Helper()
	out := countability{}
	for _, e := range readReview(t, "countability.txt", "|", 2) {
		noun, mark := e.fields[0], e.fields[1]
		if noun != strings.ToLower(noun) || (mark != "mass" && mark != "variable") {
			t.Fatalf("testdata/countability.txt:%d: want \"noun | mass\" or \"noun | variable\" with the noun in lower case", e.line)
		}
		if _, dup := out[noun]; dup {
			t.Fatalf("testdata/countability.txt:%d: %q listed twice", e.line, noun)
		}
		out[noun] = mark
	}
	return out
}

// massUse reports whether the term uses a mass noun as its head: the term
// ends in a listed mass noun, possibly followed by listed nouns of either
// mark ("edam", "orange juice", "edam cheese"). A mass noun that modifies
// a count head is fine ("furniture item", "honey badger").
func (cn countability) massUse(term string) (string, bool) {
	words := strings.Fields(strings.ToLower(term))
	// rest reports whether words[k:] is a sequence of listed nouns.
	var rest func(k int) bool
	rest = func(k int) bool {
		if k == len(words) {
			return true
		}
		for j := len(words); j > k; j-- {
			if _, ok := cn[strings.Join(words[k:j], " ")]; ok && rest(j) {
				return true
			}
		}
		return false
	}
	for i := range words {
		for j := len(words); j > i; j-- {
			noun := strings.Join(words[i:j], " ")
			if cn[noun] == "mass" && rest(j) {
				return noun, true
			}
		}
	}
	return "", false
}

// checkCountability reports each category named by a mass noun: its
// plural would count what English does not ("Some edams are mammals").
func checkCountability(tax *lexicon.Taxonomy, cn countability) []string {
	var problems []string
	for _, c := range tax.Categories() {
		if noun, ok := cn.massUse(c.Singular); ok {
			problems = append(problems, fmt.Sprintf("%q (under %q) is a mass noun (%q), so %q does not count anything: rename it to a count noun or remove it",
				c, c.Parent, noun, c.Plural))
		}
	}
	return problems
}

func TestCountability(t *testing.T) {
	for _, p := range checkCountability(lexicon.Default(), readCountability(t)) {
		t.Error(p)
	}
}

// TestReviewChecksCatch runs the review checks on a small taxonomy with
// the errors they were written for, so that they are known to find them
// although the embedded taxonomy no longer has any.
func TestReviewChecksCatch(t *testing.T) {
	bad, err := lexicon.Parse("bad.txt", []byte(`
[categories]
animal | animals | an
  mammal | mammals | a
    pig | pigs | a
    rodent | rodents | a
      guinea pig | guinea pigs | a
cheese | cheeses | a
  edam | edams | an
  feta cheese | feta cheeses | a
drink | drinks | a
  orange juice | orange juices | an
musical instrument | musical instruments | a
  chordophone | chordophones | a
    guitar | guitars | a
    lute | lutes | a
  idiophone | idiophones | an
    percussion triangle | percussion triangles | a
geometric shape | geometric shapes | a
  triangle | triangles | a
    equilateral triangle | equilateral triangles | an
furniture item | furniture items | a
`))
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		check string
		got   []string
		want  []string
	}{
		{"kinds", checkKinds(bad, readKinds(t)), []string{`guitar < lute`}},
		{"heads", checkHeads(bad), []string{`"guinea pig" (under "rodent") ends in "pig"`, `"percussion triangle" (under "idiophone") ends in "triangle"`}},
		{"senses", checkSenses(bad, readSenses(t)), []string{`"triangle" (under "geometric shape") is named by "triangle"`, `"equilateral triangle" (under "triangle") is named by "triangle"`}},
		{"countability", checkCountability(bad, readCountability(t)), []string{`"edam"`, `"feta cheese"`, `"orange juice"`}},
	} {
		all := strings.Join(tc.got, "\n")
		for _, w := range tc.want {
			if !strings.Contains(all, w) {
				t.Errorf("%s check: no problem mentions %s; got:\n%s", tc.check, w, all)
			}
		}
	}
	// Modifiers are not heads: a mass noun may modify a count noun.
	cn := readCountability(t)
	for _, term := range []string{"furniture item", "honey badger", "cheese", "fruit juice"} {
		if noun, ok := cn.massUse(term); ok {
			t.Errorf("%q counted as a use of the mass noun %q", term, noun)
		}
	}
}
