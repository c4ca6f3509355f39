package gen

import (
	"math/rand/v2"
	"slices"

	"github.com/syllobench/syllobench/internal/logic"
)

// A search assigns a category of a world to every placeholder term of a
// form, and an individual to every placeholder name, so that chosen
// statements get chosen world truths, or so that the placeholders stand
// in chosen relations to each other (a pattern). It is a randomized
// backtracking search: exhaustive when its budget allows, so that on the
// small universal world "not found" means "impossible".
type search struct {
	w     *world
	stmts []logic.Statement // placeholder statements
	want  []int8            // per statement: -1 any, 0 false, 1 true
	vars  []variable
	pool  []int // the categories terms may take

	// match, if set, holds the relation each two variables' categories
	// must stand in (row-major, len(vars)²), and minHeight the levels of
	// categories each variable's category must have below it.
	match     []relation
	minHeight []int
	heights   []int // per category: the levels of categories below it

	stmtVars  [][2]int // per statement: its subject and predicate variables
	completes [][]int  // per variable: the statements with a wanted truth whose last variable it is
	assign    []int    // per variable: a category, or an individual for a name
	cats      []int    // per variable: the category it stands for, as category returns it
	steps     int
	budget    int // 0: unlimited
}

type variable struct {
	placeholder string
	name        bool // an individual rather than a term
}

// variables lists the placeholders of stmts: names first, then terms in
// order of appearance.
func variables(stmts []logic.Statement) []variable {
	vs := make([]variable, 0, len(stmts)+1)
	add := func(v variable) {
		if !slices.Contains(vs, v) {
			vs = append(vs, v)
		}
	}
	for _, s := range stmts {
		if s.Q.Singular() {
			add(variable{s.Subject, true})
		}
	}
	for _, s := range stmts {
		if !s.Q.Singular() {
			add(variable{s.Subject, false})
		}
		add(variable{s.Predicate, false})
	}
	return vs
}

// category returns the category variable i stands for.
func (s *search) category(i int) int {
	if s.vars[i].name {
		return s.w.individuals[s.assign[i]]
	}
	return s.assign[i]
}

// run looks for an assignment, drawing candidate orders from r. It
// reports false when there is none or the budget ran out.
func (s *search) run(r *rand.Rand) bool {
	s.stmtVars = make([][2]int, len(s.stmts))
	for i, st := range s.stmts {
		s.stmtVars[i] = [2]int{
			slices.Index(s.vars, variable{st.Subject, st.Q.Singular()}),
			slices.Index(s.vars, variable{st.Predicate, false}),
		}
	}
	s.completes = make([][]int, len(s.vars))
	for i, sv := range s.stmtVars {
		if s.want[i] >= 0 {
			k := max(sv[0], sv[1])
			s.completes[k] = append(s.completes[k], i)
		}
	}
	s.assign = make([]int, len(s.vars))
	s.cats = make([]int, len(s.vars))
	orders := make([]cycle, len(s.vars))
	for i, v := range s.vars {
		n := len(s.pool)
		if v.name {
			n = len(s.w.individuals)
		}
		orders[i] = newCycle(r, n)
	}
	return s.extend(0, orders)
}

// cycle visits 0 … n-1 once each, from a random start with a random
// stride prime to n: a random order that costs nothing to set up, where
// shuffling hundreds of categories for every placeholder would dominate
// the time to make an item.
type cycle struct{ n, start, stride int }

func newCycle(r *rand.Rand, n int) cycle {
	if n == 0 {
		return cycle{}
	}
	c := cycle{n: n, start: r.IntN(n), stride: 1}
	if n > 2 {
		for c.stride = 1 + r.IntN(n-1); gcd(c.stride, n) != 1; c.stride = 1 + r.IntN(n-1) {
		}
	}
	return c
}

func (c cycle) at(j int) int { return (c.start + j*c.stride) % c.n }

func gcd(a, b int) int {
	for b != 0 {
		a, b = b, a%b
	}
	return a
}

// extend assigns variables k, k+1, … in turn, trying the candidates of
// each in the order of its cycle. The loop is the generator's hottest:
// it steps through the cycle by addition rather than calling at, and
// keeps each variable's category in cats, but tries the same candidates
// in the same order, counting the same steps, as the plain loop
//
//	for j := range orders[k].n { c := orders[k].at(j); … }
func (s *search) extend(k int, orders []cycle) bool {
	if k == len(s.vars) {
		return true
	}
	o := orders[k]
	name := s.vars[k].name
	c := o.start
	for j := 0; j < o.n; j, c = j+1, c+o.stride {
		if c >= o.n {
			c -= o.n // c < 2n: start and stride are below n
		}
		if s.budget > 0 && s.steps >= s.budget {
			return false
		}
		s.steps++
		a := c
		if !name {
			a = s.pool[c]
			if s.minHeight != nil && s.heights[a] < s.minHeight[k] {
				continue
			}
		}
		s.assign[k] = a
		if name {
			s.cats[k] = s.w.individuals[a]
		} else {
			s.cats[k] = a
		}
		if s.consistent(k) && s.extend(k+1, orders) {
			return true
		}
	}
	return false
}

// consistent checks variable k against the variables before it:
// distinctness, the relations to match, and the wanted truths of the
// statements it completes.
func (s *search) consistent(k int) bool {
	name, ak, ck := s.vars[k].name, s.assign[k], s.cats[k]
	for j := range k {
		if s.vars[j].name == name && s.assign[j] == ak {
			return false
		}
		if s.match != nil && s.w.relation(s.cats[j], ck) != s.match[j*len(s.vars)+k] {
			return false
		}
		if s.w.keptApart(s.cats[j], ck) {
			return false
		}
	}
	for _, i := range s.completes[k] {
		sv := s.stmtVars[i]
		if s.w.truth(s.stmts[i].Q, s.cats[sv[0]], s.cats[sv[1]]) != (s.want[i] == 1) {
			return false
		}
	}
	return true
}

// pattern returns the relations of the assigned variables' categories.
func (s *search) pattern() []relation {
	n := len(s.vars)
	m := make([]relation, n*n)
	for j := range n {
		for k := range n {
			m[j*n+k] = s.w.relation(s.category(j), s.category(k))
		}
	}
	return m
}

// realize returns a search of w for the categories and individuals that
// stand in pattern m, which relates vars as an earlier search found them.
// It orders the variables so that individuals come first and each term
// after every term that includes it, and asks of each category the
// height its pattern needs: so a dead end shows at once instead of deep
// in the search.
func realize(w *world, stmts []logic.Statement, want []int8, vars []variable, m []relation, pool []int, heights []int) *search {
	n := len(vars)
	outer := func(j int) int { // variables that strictly include j
		c := 0
		for k := range n {
			if m[j*n+k] == below {
				c++
			}
		}
		return c
	}
	order := make([]int, n)
	for i := range order {
		order[i] = i
	}
	// Individuals first: there are few, and each pins down the terms
	// around it. Then terms, each after the terms that include it.
	rank := func(j int) int {
		if vars[j].name {
			return -1
		}
		return outer(j)
	}
	slices.SortStableFunc(order, func(a, b int) int { return rank(a) - rank(b) })
	s := &search{w: w, stmts: stmts, want: want, pool: pool, heights: heights, budget: searchBudget}
	s.match = make([]relation, n*n)
	s.minHeight = make([]int, n)
	for a, i := range order {
		s.vars = append(s.vars, vars[i])
		for b, j := range order {
			s.match[a*n+b] = m[i*n+j]
		}
		s.minHeight[a] = chainBelow(m, n, i)
	}
	return s
}

// chainBelow returns the length of the longest chain of variables
// strictly inside variable i in pattern m.
func chainBelow(m []relation, n, i int) int {
	best := 0
	for j := range n {
		if m[j*n+i] == below {
			best = max(best, 1+chainBelow(m, n, j))
		}
	}
	return best
}
