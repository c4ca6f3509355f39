package lexicon_test

import (
	"fmt"
	"math/rand/v2"
	"testing"

	"github.com/syllobench/syllobench/internal/english"
	"github.com/syllobench/syllobench/internal/lexicon"
	"github.com/syllobench/syllobench/internal/logic"
)

// The minimum size of the embedded taxonomy.
const (
	minCategories  = 400
	minDomains     = 12
	minIndividuals = 30
	minSwapPairs   = 24
	minMaxDepth    = 9 // the deepest path from a root to a leaf
	minDeepDomains = 3 // domains with a path of depth 5 or more
)

func TestDefaultSize(t *testing.T) {
	tax := lexicon.Default()
	cats, roots := tax.Categories(), tax.Roots()
	if len(cats) < minCategories {
		t.Errorf("%d categories, want at least %d", len(cats), minCategories)
	}
	if len(roots) < minDomains {
		t.Errorf("%d domains, want at least %d", len(roots), minDomains)
	}
	if n := len(tax.Individuals()); n < minIndividuals {
		t.Errorf("%d individuals, want at least %d", n, minIndividuals)
	}
	if n := len(tax.SwapPairs()); n < minSwapPairs {
		t.Errorf("%d swap pairs, want at least %d", n, minSwapPairs)
	}
	maxDepth, deep := 0, 0
	for _, r := range roots {
		h := r.Height()
		maxDepth = max(maxDepth, h)
		if h >= 5 {
			deep++
		}
		t.Logf("domain %-20s %3d categories, depth %d", r.Singular, len(r.Subtree()), h)
	}
	if maxDepth < minMaxDepth {
		t.Errorf("deepest path has depth %d, want at least %d", maxDepth, minMaxDepth)
	}
	if deep < minDeepDomains {
		t.Errorf("%d domains have a path of depth 5 or more, want at least %d", deep, minDeepDomains)
	}
	t.Logf("%d categories, %d domains, %d individuals, %d swap pairs, max depth %d",
		len(cats), len(roots), len(tax.Individuals()), len(tax.SwapPairs()), maxDepth)
}

// TestDeepPath checks the path the taxonomy promises for its deepest
// chain, so that a reorganisation that shortens it is noticed.
func TestDeepPath(t *testing.T) {
	tax := lexicon.Default()
	c, ok := tax.Category("black Labrador retriever")
	if !ok {
		t.Fatal(`no category "black Labrador retriever"`)
	}
	var path []string
	for d := c; d != nil; d = d.Parent {
		path = append([]string{d.Singular}, path...)
	}
	if c.Depth < minMaxDepth || len(path) != c.Depth+1 {
		t.Errorf("path %q has depth %d, want at least %d", path, c.Depth, minMaxDepth)
	}
}

// TestStructure checks the tree's bookkeeping and the sibling-disjointness
// invariant as far as structure can: no sibling includes another, so the
// only overlaps left are those of real-world meaning, which the data file's
// review rules out.
func TestStructure(t *testing.T) {
	tax := lexicon.Default()
	for _, c := range tax.Categories() {
		if got, ok := tax.Category(c.Singular); !ok || got != c {
			t.Errorf("Category(%q) = %v, %v; want the category itself", c.Singular, got, ok)
		}
		switch {
		case c.Parent == nil && (c.Depth != 0 || c.Root() != c):
			t.Errorf("root %q: depth %d, root %q", c, c.Depth, c.Root())
		case c.Parent != nil && (c.Depth != c.Parent.Depth+1 || c.Root() != c.Parent.Root()):
			t.Errorf("%q: depth %d, root %q under %q of depth %d, root %q",
				c, c.Depth, c.Root(), c.Parent, c.Parent.Depth, c.Parent.Root())
		}
		if sub := c.Subtree(); sub[0] != c || len(sub) != countSubtree(c) {
			t.Errorf("Subtree(%q) has %d categories starting with %q, want %d starting with itself",
				c, len(sub), sub[0], countSubtree(c))
		}
		for _, d := range c.Children {
			if d.Parent != c {
				t.Errorf("child %q of %q has parent %q", d, c, d.Parent)
			}
		}
		checkSiblings(t, c.Singular, c.Children)
	}
	checkSiblings(t, "the roots", tax.Roots())
}

func countSubtree(c *lexicon.Category) int {
	n := 1
	for _, d := range c.Children {
		n += countSubtree(d)
	}
	return n
}

func checkSiblings(t *testing.T, parent string, sibs []*lexicon.Category) {
	t.Helper()
	for i, a := range sibs {
		for _, b := range sibs[i+1:] {
			if a.Includes(b) || b.Includes(a) || !a.Disjoint(b) {
				t.Errorf("siblings %q and %q under %s are not disjoint", a, b, parent)
			}
		}
	}
}

// TestSurfaceForms checks that no singular, plural or name stands for two
// things, and that the forms agree with package english.
func TestSurfaceForms(t *testing.T) {
	tax := lexicon.Default()
	owner := map[string]string{}
	claim := func(form, who string) {
		if prev, ok := owner[form]; ok && prev != who {
			t.Errorf("form %q is used by %s and by %s", form, prev, who)
		}
		owner[form] = who
	}
	for _, c := range tax.Categories() {
		who := fmt.Sprintf("category %q", c.Singular)
		claim(c.Singular, who)
		claim(c.Plural, who)
		if got := english.Plural(c.Singular); got != c.Plural {
			t.Errorf("%s: plural %q, english.Plural gives %q", who, c.Plural, got)
		}
		if got := english.Singular(c.Plural); got != c.Singular {
			t.Errorf("%s: english.Singular(%q) = %q", who, c.Plural, got)
		}
		if got := english.Article(c.Singular); got != c.Article {
			t.Errorf("%s: article %q, english.Article gives %q", who, c.Article, got)
		}
	}
	for _, x := range tax.Individuals() {
		claim(x.Name, fmt.Sprintf("individual %q", x.Name))
	}
}

// TestEnglishRoundTrip renders statements between taxonomy terms in every
// phrasing and checks that english.Parse reads back the same statement,
// so every term survives its trip through a prompt and a model's answer.
func TestEnglishRoundTrip(t *testing.T) {
	tax := lexicon.Default()
	cats := tax.Categories()
	r := rand.New(rand.NewPCG(1, 2))
	var stmts []logic.Statement
	for i, c := range cats {
		partners := []*lexicon.Category{c, c.Root(), cats[(i+1)%len(cats)], cats[r.IntN(len(cats))]}
		if c.Parent != nil {
			partners = append(partners, c.Parent)
		}
		for _, d := range partners {
			for _, q := range []logic.Quantifier{logic.All, logic.No, logic.Some, logic.SomeNot} {
				stmts = append(stmts,
					logic.Statement{Q: q, Subject: c.Singular, Predicate: d.Singular},
					logic.Statement{Q: q, Subject: d.Singular, Predicate: c.Singular})
			}
		}
	}
	for _, x := range tax.Individuals() {
		for _, d := range []*lexicon.Category{x.Category, x.Category.Root(), cats[r.IntN(len(cats))]} {
			stmts = append(stmts,
				logic.Statement{Q: logic.Is, Subject: x.Name, Predicate: d.Singular},
				logic.Statement{Q: logic.IsNot, Subject: x.Name, Predicate: d.Singular})
		}
	}
	for _, s := range stmts {
		for _, p := range english.Phrasings(s.Q) {
			text, err := english.Render(s, p)
			if err != nil {
				t.Fatalf("Render(%v, %v): %v", s, p, err)
			}
			if got, err := english.Parse(text); err != nil || got != s {
				t.Fatalf("Parse(%q) = %v, %v; want %v", text, got, err, s)
			}
		}
	}
}

func TestIndividuals(t *testing.T) {
	tax := lexicon.Default()
	for _, x := range tax.Individuals() {
		if got, ok := tax.Individual(x.Name); !ok || got != x {
			t.Errorf("Individual(%q) = %v, %v; want %v", x.Name, got, ok, x)
		}
		if c, ok := tax.Category(x.Category.Singular); !ok || c != x.Category {
			t.Errorf("individual %q: category %q is not the taxonomy's", x.Name, x.Category)
		}
		is, err := tax.Truth(logic.Statement{Q: logic.Is, Subject: x.Name, Predicate: x.Category.Root().Singular})
		if err != nil || !is {
			t.Errorf("%s is not in their own domain %q: %v, %v", x.Name, x.Category.Root(), is, err)
		}
	}
}

func TestSwapPairs(t *testing.T) {
	tax := lexicon.Default()
	for _, p := range tax.SwapPairs() {
		if p.A.Root() == p.B.Root() {
			t.Errorf("swap pair %q <-> %q: both in domain %q", p.A, p.B, p.A.Root())
		}
		for _, c := range []*lexicon.Category{p.A, p.B} {
			if h, n := c.Height(), len(c.Subtree())-1; h < 2 || n < 3 {
				t.Errorf("swap pair %q <-> %q: %q has %d descendants over %d levels, want at least 3 over 2",
					p.A, p.B, c, n, h)
			}
		}
	}
}
