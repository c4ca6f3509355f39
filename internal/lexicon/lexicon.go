// Package lexicon is syllobench's content: the words a syllogistic form is
// filled with.
//
// Its core is a world-knowledge [Taxonomy], a forest of everyday categories
// (animals, plants, vehicles, musical instruments, geometric shapes, ...)
// whose siblings are disjoint, read from the reviewed data file
// taxonomy.txt. In such a forest any two categories are either nested or
// disjoint, so the real-world truth of every All/No/Some/Some-not statement
// between two of them, and of every "x is a P" about a named [Individual],
// is known: [Taxonomy.Truth] gives it. The believable and unbelievable
// content conditions take their labels from there, and [SwapPair] names
// subtrees of two domains that can fill the same form in parallel.
package lexicon

import (
	_ "embed"
	"errors"
	"fmt"
	"slices"
	"sync"
)

// ErrUnknown is wrapped by the errors of [Taxonomy.Truth] for a term or an
// individual that is not in the taxonomy.
var ErrUnknown = errors.New("not in the taxonomy")

// ErrInvalid is wrapped by every error of [Parse].
var ErrInvalid = errors.New("invalid taxonomy")

// Category is one node of a [Taxonomy]: an everyday category such as "dog",
// with its English forms. Every member of a category is a member of its
// parent, and the children of one parent have no member in common.
type Category struct {
	// Singular is the canonical term, as written in a [logic.Statement]
	// ("dog", "Python programmer").
	Singular string
	// Plural is english.Plural(Singular) ("dogs", "Python programmers").
	Plural string
	// Article is english.Article(Singular): "a" or "an".
	Article string
	// Parent is the smallest category that properly includes this one,
	// nil for a root (a domain).
	Parent *Category
	// Children are the disjoint categories directly below, in file order.
	// The slice is shared: callers must not modify it.
	Children []*Category
	// Depth is the number of ancestors: 0 for a root.
	Depth int

	// index is c's position in pre-order (file order) and last the position
	// of its last descendant, so the subtree of c is exactly the positions
	// index..last.
	index, last int
	root        *Category
	tax         *Taxonomy
}

// Includes reports whether every d is a c, that is whether d is c or a
// descendant of c. Both must come from the same [Taxonomy]. It takes
// constant time.
func (c *Category) Includes(d *Category) bool {
	return c.index <= d.index && d.index <= c.last && c.tax == d.tax
}

// Disjoint reports whether no c is a d: neither includes the other. In a
// taxonomy every two categories are either nested or disjoint.
func (c *Category) Disjoint(d *Category) bool {
	return !c.Includes(d) && !d.Includes(c)
}

// Root returns the domain of c: its ancestor of depth 0, or c itself.
func (c *Category) Root() *Category { return c.root }

// Subtree returns c and its descendants in file order (pre-order). The
// caller may modify the slice.
func (c *Category) Subtree() []*Category {
	return slices.Clone(c.tax.cats[c.index : c.last+1])
}

// Height returns the length of the longest downward path from c to a leaf:
// 0 for a leaf.
func (c *Category) Height() int {
	h := 0
	for _, d := range c.tax.cats[c.index : c.last+1] {
		h = max(h, d.Depth-c.Depth)
	}
	return h
}

// String returns the singular term.
func (c *Category) String() string { return c.Singular }

// Individual is a named real or canonical fictional individual ("Laika")
// and the most specific category it certainly belongs to ("dog").
type Individual struct {
	Name     string
	Category *Category
}

// SwapPair names the roots of two subtrees in different domains whose
// terms can fill one form in parallel ("polygon" and "dog"): a generator
// picks terms from A, and terms from B with the same pairwise relations
// (nested or disjoint). Each subtree has at least 3 descendants and a
// depth of at least 2 below its root.
type SwapPair struct {
	A, B *Category
}

// Taxonomy is a forest of categories with named individuals and swap
// pairs, as read by [Parse]. It is immutable and safe for concurrent use.
type Taxonomy struct {
	cats   []*Category // pre-order, which is file order
	roots  []*Category
	byTerm map[string]*Category
	inds   []Individual
	byName map[string]Individual
	swaps  []SwapPair
	apart  []apartRule // the default taxonomy's (apart.txt); none for another
	props  []Property  // the default taxonomy's (properties.txt); none for another
}

// Categories returns every category in file order, so each one comes
// before its descendants. The caller may modify the slice.
func (t *Taxonomy) Categories() []*Category { return slices.Clone(t.cats) }

// Roots returns the domains in file order. The caller may modify the slice.
func (t *Taxonomy) Roots() []*Category { return slices.Clone(t.roots) }

// Category returns the category whose singular (canonical) term is term.
func (t *Taxonomy) Category(term string) (*Category, bool) {
	c, ok := t.byTerm[term]
	return c, ok
}

// Individuals returns the named individuals in file order. The caller may
// modify the slice.
func (t *Taxonomy) Individuals() []Individual { return slices.Clone(t.inds) }

// Individual returns the individual called name.
func (t *Taxonomy) Individual(name string) (Individual, bool) {
	i, ok := t.byName[name]
	return i, ok
}

// SwapPairs returns the swap pairs in file order. The caller may modify
// the slice.
func (t *Taxonomy) SwapPairs() []SwapPair { return slices.Clone(t.swaps) }

//go:embed taxonomy.txt
var taxonomyFile []byte

var defaultTaxonomy = sync.OnceValue(func() *Taxonomy {
	t, err := Parse("taxonomy.txt", taxonomyFile)
	if err == nil {
		t.apart, err = parseApart(t, apartFile)
	}
	if err == nil {
		t.props, err = parseProperties(t, "properties.txt", propertiesFile)
	}
	if err != nil {
		// The tests parse the embedded files, so this is a build error.
		panic(fmt.Sprintf("lexicon: embedded %v", err))
	}
	return t
})

// Default returns the taxonomy embedded from taxonomy.txt, with the rules
// of apart.txt and the facts of properties.txt, parsed once.
func Default() *Taxonomy { return defaultTaxonomy() }
