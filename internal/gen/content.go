package gen

import (
	"errors"
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"sync"

	"github.com/syllobench/syllobench/internal/lexicon"
	"github.com/syllobench/syllobench/internal/logic"
)

// Errors a caller can test for.
var (
	// ErrInfeasible: no content of the condition can fill the form, for
	// example believable premises and an unbelievable conclusion on a
	// valid form with true premises.
	ErrInfeasible = errors.New("gen: the condition cannot be met for this form")
	// ErrNoContent: the condition is possible in principle, but the
	// taxonomy holds no content for it within the search budget.
	ErrNoContent = errors.New("gen: no content found in the taxonomy")
	// ErrUnsupported: the generator does not fill this form under this
	// condition, although it may be possible: real content for forms of
	// more than three placeholders, and swap pairs for forms that name an
	// individual.
	ErrUnsupported = errors.New("gen: the condition is not offered for this form")
)

// searchBudget bounds the search for real content, in candidate steps.
const searchBudget = 200_000

// symbolTerms are the letters that stand for terms. I, O, X and Y are
// left out: I and O read as words or digits, and X and Y name individuals.
var symbolTerms = []string{"A", "B", "C", "D", "E", "F", "G", "H", "J", "K", "L", "M", "N", "P", "Q", "R", "S", "T", "U", "V", "W", "Z"}

var symbolNames = []string{"X", "Y"}

// content maps a form's placeholders to the words that fill them.
type content struct {
	terms, names map[string]string
	swap         *lexicon.SwapPair // for the swap conditions
}

// rename puts the content into a placeholder statement.
func (c content) rename(s logic.Statement) logic.Statement {
	if s.Q.Singular() {
		s.Subject = c.names[s.Subject]
	} else {
		s.Subject = c.terms[s.Subject]
	}
	s.Predicate = c.terms[s.Predicate]
	return s
}

// fill chooses content for f under condition c, drawing from r.
func fill(f form, c Condition, tax *lexicon.Taxonomy, r *rand.Rand) (content, error) {
	switch {
	case f.open != nil:
		return fillOpen(f, c, tax, r)
	case f.property != "":
		return fillProperty(f, c, tax, r)
	}
	vars := f.placeholders()
	var terms, names []string
	for _, v := range vars {
		if v.name {
			names = append(names, v.placeholder)
		} else {
			terms = append(terms, v.placeholder)
		}
	}
	switch c {
	case Symbolic:
		if len(terms) > len(symbolTerms) || len(names) > len(symbolNames) {
			return content{}, fmt.Errorf("%w: %s has %d terms and %d individuals, more than there are letters", ErrUnsupported, f.id, len(terms), len(names))
		}
		// The letters are drawn, so that items of one form differ.
		letters := make([]string, len(terms))
		for i, j := range shuffled(r, len(symbolTerms))[:len(terms)] {
			letters[i] = symbolTerms[j]
		}
		return zipContent(terms, letters, names, symbolNames), nil
	case Nonce:
		words, err := lexicon.NonceWords(r, len(terms))
		if err != nil {
			return content{}, err
		}
		ns, err := nonceNames(r, len(names), words)
		if err != nil {
			return content{}, err
		}
		return zipContent(terms, words, names, ns), nil
	case SwapA, SwapB:
		return fillSwap(f, c, tax, r)
	case Believable, Unbelievable, Congruent, Incongruent:
		return fillReal(f, c, tax, r)
	}
	return content{}, fmt.Errorf("gen: unknown condition %q", c)
}

// nonceNames draws n nonsense names that are none of words, whatever the
// case: "Blick is a blick" would read as a riddle.
func nonceNames(r *rand.Rand, n int, words []string) ([]string, error) {
	for range 100 {
		ns, err := lexicon.NonceNames(r, n)
		if err != nil {
			return nil, err
		}
		clash := false
		for _, name := range ns {
			for _, w := range words {
				clash = clash || strings.EqualFold(name, w)
			}
		}
		if !clash {
			return ns, nil
		}
	}
	return nil, fmt.Errorf("%w: nonsense names keep clashing with the item's words", ErrNoContent)
}

func zipContent(terms, termWords, names, nameWords []string) content {
	c := content{terms: map[string]string{}, names: map[string]string{}}
	for i, t := range terms {
		c.terms[t] = termWords[i]
	}
	for i, n := range names {
		c.names[n] = nameWords[i]
	}
	return c
}

// taxWorld is the taxonomy as a world for the search, with the index
// of every category.
type taxWorld struct {
	*world
	cats    []*lexicon.Category
	index   map[*lexicon.Category]int
	heights []int
	every   []int    // 0 … size-1
	names   []string // of the individuals
}

var taxWorlds sync.Map // *lexicon.Taxonomy → *taxWorld

func realWorld(tax *lexicon.Taxonomy) *taxWorld {
	if w, ok := taxWorlds.Load(tax); ok {
		return w.(*taxWorld)
	}
	cats := tax.Categories()
	tw := &taxWorld{cats: cats, index: make(map[*lexicon.Category]int, len(cats))}
	for i, c := range cats {
		tw.index[c] = i
		tw.heights = append(tw.heights, c.Height())
		tw.every = append(tw.every, i)
	}
	parent := make([]int, len(cats))
	for i, c := range cats {
		parent[i] = -1
		if c.Parent != nil {
			parent[i] = tw.index[c.Parent]
		}
	}
	tw.world = forest(parent)
	for i, a := range cats {
		for j, b := range cats[i+1:] {
			if tax.Apart(a, b) {
				tw.world.keepApart(i, i+1+j)
			}
		}
	}
	for _, ind := range tax.Individuals() {
		tw.individuals = append(tw.individuals, tw.index[ind.Category])
		tw.names = append(tw.names, ind.Name)
	}
	w, _ := taxWorlds.LoadOrStore(tax, tw)
	return w.(*taxWorld)
}

// subtree returns the categories of the subtree rooted at root.
func (tw *taxWorld) subtree(root *lexicon.Category) []int {
	var p []int
	for _, d := range root.Subtree() {
		p = append(p, tw.index[d])
	}
	return p
}

// patternAttempts bounds how many patterns a filling tries before it
// gives up: a pattern the universal forest has may be missing from the
// taxonomy, and a swap's first side may have no parallel on the other.
const patternAttempts = 64

// wants returns the truth settings of f.statements() that satisfy
// condition c: one list per alternative (Incongruent has one per premise
// that could be false). A condition on the conclusion of a form without
// one has no alternative.
func wants(f form, c Condition, r *rand.Rand) [][]int8 {
	n := len(f.statements())
	base := func() []int8 {
		w := make([]int8, n)
		for i := range w {
			w[i] = -1
		}
		return w
	}
	switch c {
	case Believable, Unbelievable:
		if f.conclusion == nil {
			return nil
		}
		w := base()
		w[n-1] = 0
		if c == Believable {
			w[n-1] = 1
		}
		return [][]int8{w}
	case Congruent:
		w := base()
		for i := range f.premises {
			w[i] = 1
		}
		return [][]int8{w}
	case Incongruent:
		var alts [][]int8
		for _, i := range shuffled(r, len(f.premises)) {
			w := base()
			w[i] = 0
			alts = append(alts, w)
		}
		return alts
	}
	return [][]int8{base()}
}

// fillReal fills f with real categories that meet c. It first draws a
// pattern — the relations the placeholders stand in — from the universal
// forest, where the wanted truths are quick to meet, then looks for that
// pattern in the taxonomy.
func fillReal(f form, c Condition, tax *lexicon.Taxonomy, r *rand.Rand) (content, error) {
	stmts := f.statements()
	vars := f.placeholders()
	if len(vars) > 3 {
		return content{}, fmt.Errorf("%w: %s has %d placeholders; real content is drawn for three at most", ErrUnsupported, f.id, len(vars))
	}
	tw := realWorld(tax)
	alts := wants(f, c, r)
	for range patternAttempts {
		if len(alts) == 0 {
			break
		}
		want := alts[r.IntN(len(alts))]
		u := &search{w: universal, stmts: stmts, want: want, vars: vars, pool: tw.universalPool()}
		if !u.run(r) {
			// No pattern meets this alternative at all.
			alts = slices.DeleteFunc(alts, func(w []int8) bool { return slices.Equal(w, want) })
			continue
		}
		s := realize(tw.world, stmts, want, vars, u.pattern(), tw.every, tw.heights)
		if s.run(r) {
			return tw.content(s), nil
		}
	}
	if feasibility(f, c) == Impossible {
		return content{}, fmt.Errorf("%w: %s under %s", ErrInfeasible, f.id, c)
	}
	return content{}, fmt.Errorf("%w: %s under %s after %d patterns", ErrNoContent, f.id, c, patternAttempts)
}

// universalPool is every node of the universal forest. The slice is
// shared: a search only reads its pool.
func (tw *taxWorld) universalPool() []int { return universalNodes }

var universalNodes = func() []int {
	p := make([]int, universal.size)
	for i := range p {
		p[i] = i
	}
	return p
}()

func (tw *taxWorld) content(s *search) content {
	c := content{terms: map[string]string{}, names: map[string]string{}}
	for i, v := range s.vars {
		if v.name {
			c.names[v.placeholder] = tw.names[s.assign[i]]
		} else {
			c.terms[v.placeholder] = tw.cats[s.assign[i]].Singular
		}
	}
	return c
}

// fillSwap fills f from one subtree of a swap pair chosen by r, and in
// parallel from the other, so that every two terms stand in the same
// relation on both sides; c picks the side returned. The same r gives
// the same pair and the same two fillings for SwapA and SwapB.
func fillSwap(f form, c Condition, tax *lexicon.Taxonomy, r *rand.Rand) (content, error) {
	stmts := f.statements()
	vars := f.placeholders()
	for _, v := range vars {
		if v.name {
			return content{}, fmt.Errorf("%w: %s names an individual, and swap pairs are categories only", ErrUnsupported, f.id)
		}
	}
	tw := realWorld(tax)
	pairs := tax.SwapPairs()
	free := make([]int8, len(stmts))
	for i := range free {
		free[i] = -1
	}
	for range patternAttempts {
		pair := pairs[r.IntN(len(pairs))]
		sa := &search{w: tw.world, stmts: stmts, want: free, vars: vars, pool: tw.subtree(pair.A), budget: searchBudget}
		if !sa.run(r) {
			continue
		}
		sb := realize(tw.world, stmts, free, vars, sa.pattern(), tw.subtree(pair.B), tw.heights)
		if !sb.run(r) {
			continue
		}
		side := sa
		if c == SwapB {
			side = sb
		}
		out := tw.content(side)
		out.swap = &pair
		return out, nil
	}
	return content{}, fmt.Errorf("%w: no swap pair holds %s in parallel after %d attempts", ErrNoContent, f.id, patternAttempts)
}

// Feasibility says whether content of a condition can fill a form.
type Feasibility uint8

const (
	// Possible: some content meets the condition.
	Possible Feasibility = iota
	// Impossible: no content can, in any taxonomy.
	Impossible
	// Unsupported: the generator does not offer the condition for the
	// form (see [ErrUnsupported]).
	Unsupported
)

// String returns "yes", "no" or "-", as the coverage table prints them.
func (f Feasibility) String() string {
	return [...]string{"yes", "no", "-"}[f]
}

// feasibility reports whether some content of condition c can fill f.
// For the real conditions it searches the universal forest exhaustively,
// so the answer holds for any taxonomy rich enough to hold every
// arrangement of three categories.
func feasibility(f form, c Condition) Feasibility {
	switch {
	case f.open != nil:
		if slices.Contains(openConditions, c) {
			return Possible
		}
		return Unsupported
	case f.property != "":
		return propertyFeasible(f, c)
	}
	stmts := f.statements()
	vars := variables(stmts)
	switch {
	case c == SwapA || c == SwapB:
		for _, v := range vars {
			if v.name {
				return Unsupported
			}
		}
		return Possible
	case c == Symbolic:
		if len(vars) > len(symbolTerms) {
			return Unsupported
		}
		return Possible
	case !c.real():
		return Possible
	case len(vars) > 3:
		return Unsupported
	}
	pool := make([]int, universal.size)
	for i := range pool {
		pool[i] = i
	}
	r := rand.New(rand.NewPCG(0, 0))
	for _, want := range wants(f, c, r) {
		s := &search{w: universal, stmts: stmts, want: want, vars: vars, pool: pool}
		if s.run(r) {
			return Possible
		}
	}
	return Impossible
}

// worldTruth returns the truth of s in the taxonomy, or nil when s is
// not about its categories (symbolic and nonce content).
func worldTruth(tax *lexicon.Taxonomy, s logic.Statement) *bool {
	t, err := tax.Truth(s)
	if err != nil {
		return nil
	}
	return &t
}
