package gen

import (
	"math/rand/v2"

	"github.com/syllobench/syllobench/internal/logic"
)

// world is a forest of categories in which every two categories are
// nested or disjoint, with individuals placed in categories. It is either
// the real taxonomy or the small universal forest that decides which
// (form, condition) combinations are possible at all.
type world struct {
	size int // categories are 0 … size-1
	// pre is the position of each category in a pre-order walk of the
	// forest and last the position of its last descendant, so that the
	// subtree of a is the positions pre[a] … last[a].
	pre, last   []int32
	individuals []int // the category of each individual
	// apart holds the pairs of categories no item may put together
	// (lexicon.Taxonomy.Apart), each as a<<32|b with a < b; nil for none.
	apart map[uint64]bool
}

// keepApart records that categories a and b must not meet in one item.
func (w *world) keepApart(a, b int) {
	if w.apart == nil {
		w.apart = map[uint64]bool{}
	}
	w.apart[pairKey(a, b)] = true
}

// keptApart reports whether categories a and b must not meet in one item.
func (w *world) keptApart(a, b int) bool {
	return w.apart != nil && w.apart[pairKey(a, b)]
}

func pairKey(a, b int) uint64 {
	if a > b {
		a, b = b, a
	}
	return uint64(a)<<32 | uint64(b)
}

// includes reports whether b ⊆ a: b is a or below it. It takes constant
// time and calls nothing, since the search asks it millions of times.
func (w *world) includes(a, b int) bool {
	return w.pre[a] <= w.pre[b] && w.pre[b] <= w.last[a]
}

// forest returns the world of the forest whose category i has parent
// parent[i], or -1 for a root.
func forest(parent []int) *world {
	n := len(parent)
	children := make([][]int, n)
	var roots []int
	for i, p := range parent {
		if p < 0 {
			roots = append(roots, i)
		} else {
			children[p] = append(children[p], i)
		}
	}
	w := &world{size: n, pre: make([]int32, n), last: make([]int32, n)}
	next := int32(0)
	var visit func(i int)
	visit = func(i int) {
		w.pre[i] = next
		next++
		for _, c := range children[i] {
			visit(c)
		}
		w.last[i] = next - 1
	}
	for _, r := range roots {
		visit(r)
	}
	return w
}

// relation is how two categories of a forest stand to each other.
type relation uint8

const (
	same relation = iota
	below
	above
	disjoint
)

func (w *world) relation(a, b int) relation {
	switch {
	case a == b:
		return same
	case w.includes(b, a):
		return below
	case w.includes(a, b):
		return above
	}
	return disjoint
}

// truth is the world truth of a categorical or singular statement whose
// subject and predicate are categories (the subject of a singular
// statement is the individual's category). Real categories are never
// empty, and a child is a proper part of its parent.
func (w *world) truth(q logic.Quantifier, subj, pred int) bool {
	switch q {
	case logic.All, logic.Is:
		return w.includes(pred, subj)
	case logic.SomeNot, logic.IsNot:
		return !w.includes(pred, subj)
	case logic.No:
		return w.relation(subj, pred) == disjoint
	}
	return w.relation(subj, pred) != disjoint // Some
}

// universal is a forest of three roots, each with three children with
// three children each. Any three categories of a forest with disjoint
// siblings stand in the same relations as some three of its nodes (at
// most three levels and three disjoint branches are needed), so a search
// over it decides what is possible in any taxonomy rich enough to hold
// the same arrangements (a test checks that ours is).
// Every node holds an individual.
var universal = func() *world {
	const branch = 3
	var parent []int
	var add func(p, depth int)
	add = func(p, depth int) {
		for range branch {
			parent = append(parent, p)
			if depth < 2 {
				add(len(parent)-1, depth+1)
			}
		}
	}
	add(-1, 0)
	w := forest(parent)
	for i := range parent {
		w.individuals = append(w.individuals, i)
	}
	return w
}()

// moved returns 0 … n-1 in an order drawn by r that is not their own
// order, when n > 1: a shuffle that changes nothing would make a
// presentation variant the same question as the canonical one. A draw
// that comes out in order is rotated by one place.
func moved(r *rand.Rand, n int) []int {
	p := shuffled(r, n)
	for i, v := range p {
		if v != i {
			return p
		}
	}
	if n > 1 {
		p = append(p[1:], p[0])
	}
	return p
}

// shuffled returns 0 … n-1 in an order drawn by r.
func shuffled(r *rand.Rand, n int) []int {
	p := make([]int, n)
	for i := range p {
		p[i] = i
	}
	r.Shuffle(n, func(i, j int) { p[i], p[j] = p[j], p[i] })
	return p
}
