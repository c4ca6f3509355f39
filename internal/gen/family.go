package gen

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"strconv"
	"strings"
	"sync"

	"github.com/syllobench/syllobench/internal/forms"
	"github.com/syllobench/syllobench/internal/lexicon"
	"github.com/syllobench/syllobench/internal/logic"
	"github.com/syllobench/syllobench/internal/question"
)

// Family is a probe family: the forms it asks about, the question kind
// and the content conditions it fills them with.
type Family struct {
	Name       string
	Kind       question.Kind
	Conditions []Condition
	build      func() []form
	forms      []form         // built once, in catalogue order
	byID       map[string]int // index into forms
	planned    *planned       // plan, worked out once
}

type planned struct {
	once  sync.Once
	forms []form
	conds [][]Condition
}

var real = []Condition{Believable, Unbelievable, Congruent, Incongruent}

// Families returns the probe families of the design, in catalogue order.
func Families() []Family { return families() }

var families = sync.OnceValue(func() []Family {
	fams := catalogue()
	for i := range fams {
		fams[i].forms = fams[i].build()
		for j := range fams[i].forms {
			fams[i].forms[j].memoize()
		}
		fams[i].planned = new(planned)
		fams[i].byID = make(map[string]int, len(fams[i].forms))
		for j, f := range fams[i].forms {
			fams[i].byID[f.id] = j
		}
	}
	return fams
})

func catalogue() []Family {
	syllogisms := func() []form {
		var fs []form
		for _, s := range forms.Syllogisms() {
			fs = append(fs, argumentForm(s.Argument()))
		}
		return fs
	}
	all := append([]Condition{Symbolic, Nonce}, real...)
	return []Family{{
		Name: "validity", Kind: question.Validity, build: syllogisms,
		Conditions: append(slices.Clone(all), SwapA, SwapB),
	}, {
		Name: "conclusions", Kind: question.Choice,
		Conditions: []Condition{Symbolic, Nonce, Congruent, Incongruent},
		build: func() []form {
			var fs []form
			for _, p := range forms.Pairs() {
				fs = append(fs, pairForm(p))
			}
			return fs
		},
	}, {
		Name: "belief", Kind: question.Validity, build: syllogisms,
		Conditions: []Condition{Believable, Unbelievable},
	}, {
		Name: "invariance", Kind: question.Validity, build: syllogisms,
		Conditions: []Condition{Symbolic, Nonce, Believable, Unbelievable, SwapA, SwapB},
	}, {
		Name: "instantiation", Kind: question.Truth, Conditions: all,
		build: instantiationForms,
	}, {
		Name: "consistency", Kind: question.Consistency,
		// Congruent content would make every set consistent, and so
		// give the answer away.
		Conditions: []Condition{Symbolic, Nonce, Incongruent},
		build: func() []form {
			var fs []form
			for _, c := range forms.ConsistencySets() {
				fs = append(fs, consistencyForm(c))
			}
			return fs
		},
	}, {
		Name: "fallacies", Kind: question.Validity, Conditions: append(slices.Clone(all), SwapA, SwapB),
		build: fallacyForms,
	}, {
		Name: "chains", Kind: question.Truth, Conditions: []Condition{Symbolic, Nonce},
		build: chainForms,
	}, {
		Name: "open", Kind: question.Open, Conditions: openConditions,
		build: openForms,
	}, {
		Name: "properties", Kind: question.Validity, Conditions: propertyConditions,
		build: propertyForms,
	}, {
		Name: "distractors", Kind: question.Validity, Conditions: append(slices.Clone(all), SwapA, SwapB),
		build: distractorForms,
	}}
}

func argumentForms(as []forms.Argument) []form {
	fs := make([]form, len(as))
	for i, a := range as {
		fs[i] = argumentForm(a)
	}
	return fs
}

// instantiationForms are the singular forms, each asked about its
// conclusion and about the conclusion's negation, so that "true", "false"
// and "unknown" are all right answers somewhere.
func instantiationForms() []form {
	var fs []form
	for _, a := range forms.SingularForms() {
		fs = append(fs, argumentForm(a))
		neg := a
		neg.ID += "-negated"
		neg.Conclusion = a.Conclusion.Negation()
		neg.Fallacies = nil // the named fallacy concludes the other way
		fs = append(fs, argumentForm(neg))
	}
	return fs
}

// fallacyForms are the forms of the fallacy catalogue, each once, in
// catalogue order, followed by the valid forms they imitate: the
// syllogisms valid with existential import, and the singular forms and
// conversions that commit no fallacy. Without those a model that always
// says "no" would pass.
func fallacyForms() []form {
	var as []forms.Argument
	seen := map[string]bool{}
	add := func(a forms.Argument) {
		if !seen[a.ID] {
			seen[a.ID] = true
			as = append(as, a)
		}
	}
	for _, f := range forms.Fallacies()[:7] {
		for _, a := range forms.Catalogue(f) {
			add(a)
		}
	}
	for _, s := range forms.Syllogisms() {
		if s.Name() != "" {
			add(s.Argument())
		}
	}
	for _, a := range append(forms.SingularForms(), forms.Conversions()...) {
		if !slices.Contains(a.Fallacies, forms.AffirmingConsequent) && !slices.Contains(a.Fallacies, forms.DenyingAntecedent) &&
			!slices.Contains(a.Fallacies, forms.IllicitConversion) {
			add(a)
		}
	}
	return argumentForms(as)
}

// chainDistractors are the distractor counts the chains family uses.
var chainDistractors = []int{0, 3}

func chainForms() []form {
	var fs []form
	for depth := 1; depth <= forms.MaxChainDepth; depth++ {
		for _, ans := range []forms.ChainAnswer{forms.ChainTrue, forms.ChainFalse, forms.ChainUnknown} {
			for _, d := range chainDistractors {
				// The distractors of a form are fixed by its id, not
				// by the item seed, so that a form id means one form.
				a, err := forms.Chain(depth, ans, d, stream(0, "chain", fmt.Sprint(depth, ans, d)))
				if err != nil {
					panic(err) // depth, answer and distractors are in range
				}
				fs = append(fs, argumentForm(a))
			}
		}
	}
	return fs
}

// FamilyByName returns the family called name.
func FamilyByName(name string) (Family, error) {
	var names []string
	for _, f := range families() {
		if f.Name == name {
			return f, nil
		}
		names = append(names, f.Name)
	}
	return Family{}, fmt.Errorf("unknown probe family %q: want one of %s", name, strings.Join(names, ", "))
}

// Forms returns the ids of the family's forms, in catalogue order.
func (fam Family) Forms() []string {
	ids := make([]string, 0, len(fam.forms))
	for _, f := range fam.forms {
		ids = append(ids, f.id)
	}
	return ids
}

func (fam Family) form(id string) (form, error) {
	if i, ok := fam.byID[id]; ok {
		return fam.forms[i], nil
	}
	return form{}, fmt.Errorf("family %s has no form %q", fam.Name, id)
}

// Feasibility reports whether content of condition c can fill form id.
func (fam Family) Feasibility(id string, c Condition) (Feasibility, error) {
	f, err := fam.form(id)
	if err != nil {
		return 0, err
	}
	return feasibility(f, c), nil
}

// plan returns the family's forms that some condition can fill, each with
// the conditions known to be possible for it.
func (fam Family) plan() ([]form, [][]Condition) {
	p := fam.planned
	p.once.Do(func() {
		for _, f := range fam.forms {
			var cs []Condition
			for _, c := range fam.Conditions {
				if feasibility(f, c) == Possible {
					cs = append(cs, c)
				}
			}
			if len(cs) > 0 {
				p.forms = append(p.forms, f)
				p.conds = append(p.conds, cs)
			}
		}
	})
	return p.forms, p.conds
}

// answerClass is the kind of right answer a form has under sem, whatever
// content fills it: the verdict of a validity or truth question, whether
// a set is consistent, whether a premise pair has a valid conclusion.
func answerClass(f form, k question.Kind, sem logic.Semantics) string {
	switch {
	case f.conclusion != nil:
		v, _ := logic.Decide(f.premises, *f.conclusion, sem)
		if k == question.Validity && v != logic.Entailed {
			return "not entailed" // one answer, "no", for two verdicts
		}
		return v.String()
	case f.pair != nil:
		if f.pair.Valid(sem)[0] == forms.NVC {
			return "no valid conclusion"
		}
		return "valid conclusion"
	}
	ok, _ := logic.Consistent(f.premises, sem)
	return fmt.Sprint(ok)
}

// slot is one scheduled item: a form and a condition.
type slot struct {
	form  form
	cond  Condition
	conds []Condition // every feasible condition of the form
}

// schedule returns the form and condition of item i. The family's forms
// are grouped by the kind of their right answer under sem, and the items
// take the groups in turn, so that every answer is right equally often: a
// model that always gives one answer cannot pass. Within a group the
// forms come in an order drawn from the seed, each before any comes
// twice, and each time a form comes round it takes the next of its
// feasible conditions.
func (fam Family) schedule(seed uint64, n int, sem logic.Semantics) (func(i int) slot, error) {
	if n < 0 {
		return nil, fmt.Errorf("family %s: %d asked for; want 0 or more", fam.Name, n)
	}
	fs, conds := fam.plan()
	if len(fs) == 0 {
		return nil, fmt.Errorf("family %s has no feasible form and condition", fam.Name)
	}
	var classes []string
	groups := map[string][]int{}
	for k, f := range fs {
		c := answerClass(f, fam.Kind, sem)
		if _, ok := groups[c]; !ok {
			classes = append(classes, c)
		}
		groups[c] = append(groups[c], k)
	}
	slices.Sort(classes)
	r := rand.New(rand.NewPCG(seed, 0))
	order := make([][]int, len(classes))
	for i, c := range classes {
		g := groups[c]
		r.Shuffle(len(g), func(i, j int) { g[i], g[j] = g[j], g[i] })
		order[i] = g
	}
	start := make([]int, len(fs))
	for k := range start {
		start[k] = r.IntN(len(conds[k]))
	}
	return func(i int) slot {
		g := order[i%len(order)]
		round := i / len(order)
		k := g[round%len(g)]
		return slot{fs[k], conds[k][(start[k]+round/len(g))%len(conds[k])], conds[k]}
	}, nil
}

// Items generates n items of the family; see [Family.Each].
func (fam Family) Items(seed uint64, n int, sem logic.Semantics, p Presentation) ([]Item, error) {
	var items []Item
	err := fam.Each(seed, n, sem, p, func(it Item) error {
		items = append(items, it)
		return nil
	})
	return items, err
}

// Each generates n items of the family in turn and hands each to yield,
// stopping at the first error. Item i fills the form and condition of the
// family's schedule (see schedule: every right answer equally often,
// every form before any twice). For the invariance family n counts
// isomorph sets, see [Family.Sets], and every item of a set is yielded.
func (fam Family) Each(seed uint64, n int, sem logic.Semantics, p Presentation, yield func(Item) error) error {
	if err := checkPresentation(p); err != nil {
		return err
	}
	if fam.Name == "invariance" {
		return fam.eachSet(seed, n, sem, func(set []Item) error {
			for _, it := range set {
				if err := yield(it); err != nil {
					return err
				}
			}
			return nil
		})
	}
	at, err := fam.schedule(seed, n, sem)
	if err != nil {
		return err
	}
	tax := lexicon.Default()
	for i := range n {
		s := at(i)
		spec := Spec{Family: fam.Name, Form: s.form.id, Condition: s.cond, Presentation: p, Semantics: sem, Seed: seed, Index: i}
		it, err := generate(fam, s.form, spec, tax)
		if err != nil {
			return err
		}
		if err := yield(it); err != nil {
			return err
		}
	}
	return nil
}

// presentationCellCondition is the content of the presentation cell of
// an isomorph set: nonsense words, so that only presentation varies.
const presentationCellCondition = Nonce

// Sets generates n isomorph sets of the family, scheduled as
// [Family.Each] schedules items. Set i has two cells, marked in Meta.Set:
// the content cell fills the form under every feasible condition of the
// family with the canonical presentation, and the presentation cell shows
// the content cell's nonce filling in the other presentations of
// [Presentations]. Every item of a set has the same form and so the same
// expected answer.
func (fam Family) Sets(seed uint64, n int, sem logic.Semantics) ([][]Item, error) {
	var sets [][]Item
	err := fam.eachSet(seed, n, sem, func(set []Item) error {
		sets = append(sets, set)
		return nil
	})
	return sets, err
}

func (fam Family) eachSet(seed uint64, n int, sem logic.Semantics, yield func([]Item) error) error {
	at, err := fam.schedule(seed, n, sem)
	if err != nil {
		return err
	}
	tax := lexicon.Default()
	for i := range n {
		s := at(i)
		base := Spec{Family: fam.Name, Form: s.form.id, Semantics: sem, Seed: seed, Index: i}
		content, err := isomorphs(fam, s.form, base, s.conds, tax)
		if err != nil {
			return err
		}
		for j := range content {
			content[j].Meta.Set = fmt.Sprintf("%s/%s/%d/content", fam.Name, s.form.id, i)
		}
		var shown []Item
		for _, p := range Presentations()[1:] {
			spec := base
			spec.Condition, spec.Presentation = presentationCellCondition, p
			it, err := generate(fam, s.form, spec, tax)
			if err != nil {
				return err
			}
			it.Meta.Set = fmt.Sprintf("%s/%s/%d/presentation", fam.Name, s.form.id, i)
			shown = append(shown, it)
		}
		if err := yield(content); err != nil {
			return err
		}
		if err := yield(shown); err != nil {
			return err
		}
	}
	return nil
}

// Isomorphs generates spec's form under each of conds: one form, one
// presentation, several contents. Every item has the same expected answer;
// it is an error if they do not, which would be a bug in this package.
func Isomorphs(spec Spec, conds []Condition) ([]Item, error) {
	fam, f, err := lookup(spec)
	if err != nil {
		return nil, err
	}
	return isomorphs(fam, f, spec, conds, lexicon.Default())
}

func isomorphs(fam Family, f form, spec Spec, conds []Condition, tax *lexicon.Taxonomy) ([]Item, error) {
	var items []Item
	if len(conds) > 0 {
		items = make([]Item, 0, len(conds))
	}
	for _, c := range conds {
		spec.Condition = c
		it, err := generate(fam, f, spec, tax)
		if err != nil {
			return nil, err
		}
		if len(items) > 0 && !slices.Equal(answersOf(it), answersOf(items[0])) {
			return nil, fmt.Errorf("gen: isomorphs %s and %s have different answers %v and %v", items[0].ID, it.ID, answersOf(items[0]), answersOf(it))
		}
		items = append(items, it)
	}
	return items, nil
}

// answersOf returns what an item's accepted labels stand for: the labels,
// or for choice questions the responses behind them, which do not depend
// on the order of the options, or for open questions the verdict and how
// many answers are right, since the answers are words of the content.
func answersOf(it Item) []string {
	switch it.Kind {
	case question.Open:
		return []string{it.Meta.Verdict, strconv.Itoa(len(it.Accepted))}
	case question.Choice:
	default:
		return it.Accepted
	}
	var rs []string
	for _, o := range it.Options {
		if slices.Contains(it.Accepted, o.Label) {
			rs = append(rs, o.Response.String())
		}
	}
	slices.Sort(rs)
	return rs
}
