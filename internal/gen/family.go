package gen

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"sync"

	"github.com/syllobench/syllobench/internal/forms"
	"github.com/syllobench/syllobench/internal/lexicon"
	"github.com/syllobench/syllobench/internal/logic"
)

// Family is a probe family: the forms it asks about, the question kind
// and the content conditions it fills them with.
type Family struct {
	Name       string
	Kind       Kind
	Conditions []Condition
	build      func() []form
	forms      []form         // built once, in catalogue order
	byID       map[string]int // index into forms
}

var real = []Condition{Believable, Unbelievable, Congruent, Incongruent}

// Families returns the probe families of the design, in catalogue order.
func Families() []Family { return families() }

var families = sync.OnceValue(func() []Family {
	fams := catalogue()
	for i := range fams {
		fams[i].forms = fams[i].build()
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
		Name: "validity", Kind: Validity, build: syllogisms,
		Conditions: append(slices.Clone(all), SwapA, SwapB),
	}, {
		Name: "conclusions", Kind: Choice,
		Conditions: []Condition{Symbolic, Nonce, Congruent, Incongruent},
		build: func() []form {
			var fs []form
			for _, p := range forms.Pairs() {
				fs = append(fs, pairForm(p))
			}
			return fs
		},
	}, {
		Name: "belief", Kind: Validity, build: syllogisms,
		Conditions: []Condition{Believable, Unbelievable},
	}, {
		Name: "invariance", Kind: Validity, build: syllogisms,
		Conditions: []Condition{Symbolic, Nonce, Believable, Unbelievable, SwapA, SwapB},
	}, {
		Name: "instantiation", Kind: Truth, Conditions: all,
		build: func() []form { return argumentForms(forms.SingularForms()) },
	}, {
		Name: "consistency", Kind: Consistency,
		Conditions: []Condition{Symbolic, Nonce, Congruent, Incongruent},
		build: func() []form {
			var fs []form
			for _, c := range forms.ConsistencySets() {
				fs = append(fs, consistencyForm(c))
			}
			return fs
		},
	}, {
		Name: "fallacies", Kind: Validity, Conditions: append(slices.Clone(all), SwapA, SwapB),
		build: fallacyForms,
	}, {
		Name: "chains", Kind: Truth, Conditions: []Condition{Symbolic, Nonce},
		build: chainForms,
	}}
}

func argumentForms(as []forms.Argument) []form {
	fs := make([]form, len(as))
	for i, a := range as {
		fs[i] = argumentForm(a)
	}
	return fs
}

// fallacyForms are the forms of the fallacy catalogue, each once, in
// catalogue order, followed by the valid forms they imitate.
func fallacyForms() []form {
	var as []forms.Argument
	seen := map[string]bool{}
	for _, f := range forms.Fallacies()[:7] {
		for _, a := range forms.Catalogue(f) {
			if !seen[a.ID] {
				seen[a.ID] = true
				as = append(as, a)
			}
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
	var ids []string
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
// the conditions known to be possible for it. Undecided combinations
// (real content for forms of more than three placeholders) are left out.
func (fam Family) plan() ([]form, [][]Condition) {
	var fs []form
	var conds [][]Condition
	for _, f := range fam.forms {
		var cs []Condition
		for _, c := range fam.Conditions {
			if feasibility(f, c) == Possible {
				cs = append(cs, c)
			}
		}
		if len(cs) > 0 {
			fs = append(fs, f)
			conds = append(conds, cs)
		}
	}
	return fs, conds
}

// Items generates n items of the family. Item i asks about the form at
// position i of a cycle through the family's forms in an order drawn
// from the seed, so that every form is drawn before any is drawn twice;
// each time a form comes round it takes the next of its feasible
// conditions. For the invariance family n counts isomorph sets, see
// [Family.Sets].
func (fam Family) Items(seed uint64, n int, sem logic.Semantics, p Presentation) ([]Item, error) {
	if fam.Name == "invariance" {
		sets, err := fam.Sets(seed, n, sem)
		var items []Item
		for _, set := range sets {
			items = append(items, set...)
		}
		return items, err
	}
	fs, conds := fam.plan()
	if len(fs) == 0 {
		return nil, fmt.Errorf("family %s has no feasible form and condition", fam.Name)
	}
	r := rand.New(rand.NewPCG(seed, 0))
	order := shuffled(r, len(fs))
	start := make([]int, len(fs))
	for i := range start {
		start[i] = r.IntN(len(conds[i]))
	}
	tax := lexicon.Default()
	items := make([]Item, 0, n)
	for i := range n {
		k := order[i%len(fs)]
		c := conds[k][(start[k]+i/len(fs))%len(conds[k])]
		spec := Spec{Family: fam.Name, Form: fs[k].id, Condition: c, Presentation: p, Semantics: sem, Seed: seed, Index: i}
		it, err := generate(fam, fs[k], spec, tax)
		if err != nil {
			return nil, err
		}
		items = append(items, it)
	}
	return items, nil
}

// presentationCellCondition is the content of the presentation cell of
// an isomorph set: nonsense words, so that only presentation varies.
const presentationCellCondition = Nonce

// Sets generates n isomorph sets of the family, cycling through its forms
// as [Family.Items] does. Set i has two cells, marked in Meta.Set: the
// content cell fills the form under every feasible condition of the
// family with the canonical presentation, and the presentation cell shows
// one nonce filling in every presentation of [Presentations]. Every item
// of a set has the same form and so the same expected answer.
func (fam Family) Sets(seed uint64, n int, sem logic.Semantics) ([][]Item, error) {
	fs, conds := fam.plan()
	if len(fs) == 0 {
		return nil, fmt.Errorf("family %s has no feasible form and condition", fam.Name)
	}
	order := shuffled(rand.New(rand.NewPCG(seed, 0)), len(fs))
	tax := lexicon.Default()
	var sets [][]Item
	for i := range n {
		k := order[i%len(fs)]
		base := Spec{Family: fam.Name, Form: fs[k].id, Semantics: sem, Seed: seed, Index: i}
		content, err := isomorphs(fam, fs[k], base, conds[k], tax)
		if err != nil {
			return nil, err
		}
		for j := range content {
			content[j].Meta.Set = fmt.Sprintf("%s/%s/%d/content", fam.Name, fs[k].id, i)
		}
		var shown []Item
		for _, p := range Presentations()[1:] {
			spec := base
			spec.Condition, spec.Presentation = presentationCellCondition, p
			it, err := generate(fam, fs[k], spec, tax)
			if err != nil {
				return nil, err
			}
			it.Meta.Set = fmt.Sprintf("%s/%s/%d/presentation", fam.Name, fs[k].id, i)
			shown = append(shown, it)
		}
		sets = append(sets, content, shown)
	}
	return sets, nil
}

// Isomorphs generates spec's form under each of conds: one form, one
// presentation, several contents. Every item has the same expected answer;
// it is an error if they do not, which would be a bug in this package.
func Isomorphs(spec Spec, conds []Condition) ([]Item, error) {
	fam, err := FamilyByName(spec.Family)
	if err != nil {
		return nil, err
	}
	f, err := fam.form(spec.Form)
	if err != nil {
		return nil, err
	}
	return isomorphs(fam, f, spec, conds, lexicon.Default())
}

func isomorphs(fam Family, f form, spec Spec, conds []Condition, tax *lexicon.Taxonomy) ([]Item, error) {
	var items []Item
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
// on the order of the options.
func answersOf(it Item) []string {
	if it.Kind != Choice {
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
