package gen

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/syllobench/syllobench/internal/english"
	"github.com/syllobench/syllobench/internal/forms"
	"github.com/syllobench/syllobench/internal/lexicon"
	"github.com/syllobench/syllobench/internal/logic"
	"github.com/syllobench/syllobench/internal/question"
)

// checkItem asserts the invariants every item must hold.
func checkItem(t *testing.T, it Item) {
	t.Helper()
	// Every sentence parses back to its statement, read as english.Parse
	// reads it, or knowing the item's words for a published argument's
	// capitalised bare plural ("Java programmers can write code.").
	known := knownWords(append(slices.Clone(it.Premises), optional(it.Conclusion)...))
	for i, text := range it.PremiseText {
		if s, err := english.ParseIn(text, known); err != nil || s != it.Premises[i] {
			t.Fatalf("%s: premise %q parses to %v, %v; want %v", it.ID, text, s, err, it.Premises[i])
		}
	}
	premises := it.Premises
	switch it.Kind {
	case question.Validity, question.Truth:
		c, err := english.Parse(it.ConclusionText)
		if it.Direct {
			// Asked directly, read back with the words of the premises
			// and the conclusion, as a reader that knows them would.
			c, _, err = english.ReadQuestion(it.ConclusionText, knownWords(append(slices.Clone(premises), optional(it.Conclusion)...)))
		}
		if err != nil || it.Conclusion == nil || c != *it.Conclusion {
			t.Fatalf("%s: conclusion %q parses to %v, %v; want %v", it.ID, it.ConclusionText, c, err, it.Conclusion)
		}
		v, err := logic.Decide(premises, c, it.Semantics)
		if err != nil {
			t.Fatal(err)
		}
		want := map[question.Kind]map[logic.Verdict]string{
			question.Validity: {logic.Entailed: "yes", logic.Contradicted: "no", logic.Undetermined: "no"},
			question.Truth:    {logic.Entailed: "true", logic.Contradicted: "false", logic.Undetermined: "unknown"},
		}[it.Kind][v]
		if it.Expected != want || v.String() != it.Meta.Verdict {
			t.Fatalf("%s: expected %q (verdict %s), but the text decides %v", it.ID, it.Expected, it.Meta.Verdict, v)
		}
	case question.Consistency:
		ok, _ := logic.Consistent(premises, it.Semantics)
		if want := map[bool]string{true: "yes", false: "no"}[ok]; it.Expected != want {
			t.Fatalf("%s: expected %q, the text says %q", it.ID, it.Expected, want)
		}
	case question.Choice:
		var accepted []string
		for _, o := range it.Options {
			s, err := english.Parse(o.Text)
			if err != nil {
				continue // the NVC option
			}
			if v, _ := logic.Decide(premises, s, it.Semantics); v == logic.Entailed {
				accepted = append(accepted, o.Label)
			}
		}
		if accepted == nil {
			for _, o := range it.Options {
				if o.Text == question.NoValidConclusion {
					accepted = []string{o.Label}
				}
			}
		}
		if !slices.Equal(accepted, it.Accepted) || it.Expected != accepted[0] {
			t.Fatalf("%s: accepted %v (expected %s), the text gives %v", it.ID, it.Accepted, it.Expected, accepted)
		}
	case question.Open:
		checkOpen(t, it)
		checkCondition(t, it)
		return
	}
	if !slices.Contains(it.Kind.Labels(), it.Expected) {
		t.Fatalf("%s: expected %q is not a label of %s questions", it.ID, it.Expected, it.Kind)
	}
	checkCondition(t, it)
}

// checkOpen asserts that an open item's question reads back as asking
// about its individual, and that its answers are exactly the objects of
// the premises' properties with the question's verb that the premises
// entail of the individual, worked out here from the text.
func checkOpen(t *testing.T, it Item) {
	t.Helper()
	name, head, err := english.ParseOpenQuestion(it.ConclusionText)
	if err != nil || it.Conclusion == nil || name != it.Conclusion.Subject {
		t.Fatalf("%s: question %q reads as about %q (%v); want %v", it.ID, it.ConclusionText, name, err, it.Conclusion)
	}
	entailed := func(term string) bool {
		v, _ := logic.Decide(it.Premises, logic.Statement{Q: logic.Is, Subject: name, Predicate: term}, it.Semantics)
		return v == logic.Entailed
	}
	var accepted []string
	if head == english.BeHead {
		// Every group named that the premises make the individual a
		// member of, but do not say it is in.
		for _, p := range it.Premises {
			terms := []string{p.Subject, p.Predicate}
			if p.Q.Singular() {
				terms = terms[1:]
			}
			for _, term := range terms {
				stated := slices.Contains(it.Premises, logic.Statement{Q: logic.Is, Subject: name, Predicate: term})
				if !english.IsProperty(term) && !stated && !slices.Contains(accepted, term) && entailed(term) {
					accepted = append(accepted, term)
				}
			}
		}
	}
	for _, p := range it.Premises {
		phrase, ok := english.PropertyPhrase(p.Predicate)
		if !ok || head == english.BeHead {
			continue
		}
		h, object, ok := english.SplitProperty(phrase)
		if !ok || h != head || slices.Contains(accepted, object) {
			continue
		}
		if entailed(p.Predicate) {
			accepted = append(accepted, object)
		}
	}
	if len(accepted) == 0 || !slices.Equal(accepted, it.Accepted) || !slices.Contains(accepted, it.Expected) {
		t.Fatalf("%s: accepted %v (expected %q), the text gives %v", it.ID, it.Accepted, it.Expected, accepted)
	}
}

// checkCondition asserts that the content meets its condition, by the
// taxonomy's own truth function.
func checkCondition(t *testing.T, it Item) {
	t.Helper()
	tax := lexicon.Default()
	truth := func(s logic.Statement) bool {
		v, err := tax.Truth(s)
		if err != nil {
			t.Fatalf("%s: %v", it.ID, err)
		}
		return v
	}
	premisesTrue := 0
	for _, p := range it.Premises {
		if it.Condition.real() && truth(p) {
			premisesTrue++
		}
	}
	switch it.Condition {
	case Believable, Unbelievable:
		if truth(*it.Conclusion) != (it.Condition == Believable) {
			t.Fatalf("%s: the conclusion %q is %v in the world", it.ID, it.ConclusionText, !(it.Condition == Believable))
		}
	case Congruent:
		if premisesTrue != len(it.Premises) {
			t.Fatalf("%s: only %d of %d premises are true: %q", it.ID, premisesTrue, len(it.Premises), it.PremiseText)
		}
		// Sound reasoning from true premises reaches a true conclusion:
		// this checks the taxonomy against the logic.
		if it.Kind == question.Validity && it.Expected == "yes" && !truth(*it.Conclusion) {
			t.Fatalf("%s: a valid form with true premises %q has a false conclusion %q", it.ID, it.PremiseText, it.ConclusionText)
		}
	case Incongruent:
		if premisesTrue == len(it.Premises) {
			t.Fatalf("%s: every premise is true: %q", it.ID, it.PremiseText)
		}
	case Symbolic:
		for _, s := range it.Premises {
			term := s.Predicate
			if phrase, ok := english.PropertyPhrase(term); ok {
				// A property of letters: a verb and a letter.
				_, term, _ = english.SplitProperty(phrase)
			}
			if len(term) != 1 {
				t.Fatalf("%s: symbolic term %q is not a letter", it.ID, s.Predicate)
			}
		}
	}
}

func TestFamiliesGenerate(t *testing.T) {
	n := 400
	if testing.Short() {
		n = 60
	}
	for _, fam := range Families() {
		t.Run("probe="+fam.Name, func(t *testing.T) {
			for _, sem := range []logic.Semantics{logic.Boolean, logic.Traditional} {
				items, err := fam.Items(7, n, sem, Canonical)
				if err != nil {
					t.Fatal(err)
				}
				ids := map[string]bool{}
				for _, it := range items {
					if ids[it.ID] {
						t.Fatalf("duplicate item id %s", it.ID)
					}
					ids[it.ID] = true
					checkItem(t, it)
				}
			}
		})
	}
}

// TestEveryFeasibleComboGenerates checks the feasibility table against
// the taxonomy: every combination said to be possible has content, for
// several seeds, and every impossible one is refused with ErrInfeasible.
func TestEveryFeasibleComboGenerates(t *testing.T) {
	seeds := 3
	if testing.Short() {
		seeds = 1
	}
	for _, fam := range Families() {
		for _, id := range fam.Forms() {
			for _, c := range fam.Conditions {
				feas, err := fam.Feasibility(id, c)
				if err != nil {
					t.Fatal(err)
				}
				for seed := range seeds {
					spec := Spec{Family: fam.Name, Form: id, Condition: c, Semantics: logic.Traditional, Seed: uint64(seed)}
					it, err := Generate(spec)
					switch {
					case feas == Impossible && !errors.Is(err, ErrInfeasible):
						t.Errorf("%s/%s/%s is impossible, but Generate gave %v", fam.Name, id, c, err)
					case feas == Possible && err != nil:
						t.Errorf("%s/%s/%s (feasible: %v): %v", fam.Name, id, c, feas, err)
					case feas == Unsupported && !errors.Is(err, ErrUnsupported):
						t.Errorf("%s/%s/%s is not offered, but Generate gave %v", fam.Name, id, c, err)
					case err == nil:
						checkItem(t, it)
					}
				}
			}
		}
	}
}

func TestIsomorphSets(t *testing.T) {
	fam, _ := FamilyByName("invariance")
	sets, err := fam.Sets(3, 40, logic.Traditional)
	if err != nil {
		t.Fatal(err)
	}
	for _, set := range sets {
		first := set[0]
		for _, it := range set {
			checkItem(t, it)
			if it.Form != first.Form || it.Expected != first.Expected || it.Meta.Set != first.Meta.Set {
				t.Errorf("set %s: %s (form %s, expected %s) differs from %s (form %s, expected %s)",
					first.Meta.Set, it.ID, it.Form, it.Expected, first.ID, first.Form, first.Expected)
			}
		}
	}
	// The two sides of a swap fill the form from the same pair, with the
	// same world truths.
	for _, set := range sets {
		var a, b *Item
		for i := range set {
			switch set[i].Condition {
			case SwapA:
				a = &set[i]
			case SwapB:
				b = &set[i]
			}
		}
		if a == nil || b == nil {
			continue
		}
		if a.Meta.Swap != b.Meta.Swap {
			t.Errorf("%s and %s come from different swap pairs: %s, %s", a.ID, b.ID, a.Meta.Swap, b.Meta.Swap)
		}
		if diff := cmp.Diff(a.Meta.PremisesTrue, b.Meta.PremisesTrue); diff != "" || *a.Meta.ConclusionTrue != *b.Meta.ConclusionTrue {
			t.Errorf("%s (%q) and %s (%q) differ in world truth:\n%s", a.ID, a.PremiseText, b.ID, b.PremiseText, diff)
		}
	}
}

func TestIsomorphs(t *testing.T) {
	for _, fam := range Families() {
		for _, id := range fam.Forms()[:5] {
			var conds []Condition
			for _, c := range fam.Conditions {
				if f, _ := fam.Feasibility(id, c); f == Possible {
					conds = append(conds, c)
				}
			}
			items, err := Isomorphs(Spec{Family: fam.Name, Form: id, Seed: 2, Index: 4}, conds)
			if err != nil {
				t.Fatal(err)
			}
			for _, it := range items {
				checkItem(t, it)
				if it.Form != id || it.Presentation != Canonical {
					t.Errorf("isomorph %s: form %s, presentation %v", it.ID, it.Form, it.Presentation)
				}
			}
		}
	}
}

func TestPresentationKeepsAnswer(t *testing.T) {
	for _, fam := range Families() {
		items, err := fam.Items(11, 30, logic.Traditional, Canonical)
		if err != nil {
			t.Fatal(err)
		}
		for _, it := range items {
			for _, p := range Presentations()[1:] {
				spec := Spec{Family: fam.Name, Form: it.Form, Condition: it.Condition, Presentation: p,
					Semantics: it.Semantics, Seed: 11, Index: 0}
				base := spec
				base.Presentation = Canonical
				want, err := Generate(base)
				if err != nil {
					t.Fatal(err)
				}
				got, err := Generate(spec)
				if err != nil {
					t.Fatal(err)
				}
				checkItem(t, got)
				if !slices.Equal(answersOf(got), answersOf(want)) {
					t.Errorf("%s: expected %s, canonical %s says %s", got.ID, got.Expected, want.ID, want.Expected)
				}
				if !slices.Equal(sortedStrings(got.PremiseText), sortedStrings(want.PremiseText)) && !p.VaryPhrasing && !p.BarePlurals {
					t.Errorf("%s shows other premises than %s: %q vs %q", got.ID, want.ID, got.PremiseText, want.PremiseText)
				}
			}
		}
	}
}

func sortedStrings(s []string) []string {
	s = slices.Clone(s)
	slices.Sort(s)
	return s
}

func TestDeterminism(t *testing.T) {
	for _, fam := range Families() {
		a, err := fam.Items(5, 20, logic.Boolean, Canonical)
		if err != nil {
			t.Fatal(err)
		}
		b, _ := fam.Items(5, 20, logic.Boolean, Canonical)
		if diff := cmp.Diff(a, b); diff != "" {
			t.Errorf("%s: two runs with seed 5 differ:\n%s", fam.Name, diff)
		}
		c, _ := fam.Items(6, 20, logic.Boolean, Canonical)
		if cmp.Equal(a, c) {
			t.Errorf("%s: seeds 5 and 6 give the same items", fam.Name)
		}
	}
}

// TestItemsCoverForms checks that a family draws every form it is
// defined on before any twice.
func TestItemsCoverForms(t *testing.T) {
	for _, fam := range Families() {
		if fam.Name == "invariance" {
			continue
		}
		fs, _ := fam.plan()
		// Answers take turns (at most four kinds), and each kind's forms
		// come round before any twice.
		items, err := fam.Items(9, 4*len(fs), logic.Traditional, Canonical)
		if err != nil {
			t.Fatal(err)
		}
		seen := map[string]int{}
		for _, it := range items {
			seen[it.Form]++
		}
		if len(seen) != len(fs) {
			t.Errorf("%s: %d items cover %d of %d forms", fam.Name, len(items), len(seen), len(fs))
		}
	}
}

func TestErrors(t *testing.T) {
	for _, tc := range []struct {
		spec   Spec
		want   error // nil: any error
		reason string
	}{
		{Spec{Family: "fallacies", Form: "instantiation", Condition: SwapA}, ErrUnsupported, "swap pairs have no individuals"},
		{Spec{Family: "consistency", Form: "chain-3-true-with-negation", Condition: Incongruent}, ErrUnsupported, "real content is drawn for three placeholders at most"},
		{Spec{Family: "consistency", Form: "chain-1-true-with-negation", Condition: Incongruent, Semantics: logic.Traditional}, nil, "no error: a false statement is easy to find"},
		{Spec{Family: "conclusions", Form: "AA1", Condition: Believable}, nil, "the family has no believable condition"},
		{Spec{Family: "validity", Form: "AAA-1", Condition: "sideways"}, nil, "an unknown condition"},
		{Spec{Family: "validity", Form: "AAA-1", Condition: Symbolic, Presentation: Presentation{Wording: Wordings}}, nil, "a wording no prompt has"},
		{Spec{Family: "validity", Form: "AAA-1", Condition: Symbolic, Semantics: 9}, nil, "an unknown semantics"},
		{Spec{Family: "validity", Form: "AAA-1", Condition: Symbolic, Index: -1}, nil, "a negative index"},
		{Spec{Family: "nope"}, nil, "an unknown family"},
		{Spec{Family: "validity", Form: "ZZZ-9"}, nil, "an unknown form"},
	} {
		_, err := Generate(tc.spec)
		switch {
		case tc.reason == "no error: a false statement is easy to find":
			if err != nil {
				t.Errorf("Generate(%+v) = %v: %s", tc.spec, err, tc.reason)
			}
		case err == nil:
			t.Errorf("Generate(%+v) gave no error: %s", tc.spec, tc.reason)
		case tc.want != nil && !errors.Is(err, tc.want):
			t.Errorf("Generate(%+v) = %v, want %v: %s", tc.spec, err, tc.want, tc.reason)
		}
	}
	fam, _ := FamilyByName("validity")
	if _, err := fam.Items(1, -1, logic.Boolean, Canonical); err == nil {
		t.Error("Items(-1) gave no error")
	}
}

// TestAnswersBalanced checks that every right answer of a family is right
// equally often, so that always giving one answer cannot pass.
func TestAnswersBalanced(t *testing.T) {
	for _, fam := range Families() {
		for _, sem := range []logic.Semantics{logic.Boolean, logic.Traditional} {
			items, err := fam.Items(3, 60, sem, Canonical)
			if err != nil {
				t.Fatal(err)
			}
			count := map[string]int{}
			for _, it := range items {
				count[answerClass(mustForm(t, fam, it.Form), fam.Kind, sem)]++
			}
			lo, hi := len(items), 0
			for _, c := range count {
				lo, hi = min(lo, c), max(hi, c)
			}
			if fam.Kind == question.Open {
				continue // its answers are words of the content, not a few labels
			}
			if len(count) < 2 || (fam.Name != "invariance" && hi-lo > 1) {
				t.Errorf("%s under %v: answers %v are not balanced", fam.Name, sem, count)
			}
		}
	}
}

func mustForm(t *testing.T, fam Family, id string) form {
	t.Helper()
	f, err := fam.form(id)
	if err != nil {
		t.Fatal(err)
	}
	return f
}

func FuzzGenerate(f *testing.F) {
	f.Add(uint64(1), uint8(0), uint16(0), uint8(0), uint8(0), false, uint16(0))
	f.Add(uint64(99), uint8(4), uint16(3), uint8(2), uint8(4), true, uint16(7))
	fams := Families()
	f.Fuzz(func(t *testing.T, seed uint64, famIdx uint8, formIdx uint16, condIdx, presIdx uint8, traditional bool, index uint16) {
		fam := fams[int(famIdx)%len(fams)]
		ids := fam.Forms()
		spec := Spec{
			Family: fam.Name, Form: ids[int(formIdx)%len(ids)],
			Condition:    fam.Conditions[int(condIdx)%len(fam.Conditions)],
			Presentation: Presentations()[int(presIdx)%len(Presentations())],
			Seed:         seed, Index: int(index),
		}
		if traditional {
			spec.Semantics = logic.Traditional
		}
		feas, _ := fam.Feasibility(spec.Form, spec.Condition)
		it, err := Generate(spec)
		if feas == Impossible {
			if !errors.Is(err, ErrInfeasible) {
				t.Fatalf("%+v is impossible, Generate gave %v", spec, err)
			}
			return
		}
		if feas == Unsupported {
			if !errors.Is(err, ErrUnsupported) {
				t.Fatalf("%+v is not offered, Generate gave %v", spec, err)
			}
			return
		}
		if err != nil {
			t.Fatalf("%+v: %v", spec, err)
		}
		checkItem(t, it)
		again, _ := Generate(spec)
		if diff := cmp.Diff(it, again); diff != "" {
			t.Fatalf("%+v generates differently twice:\n%s", spec, diff)
		}
	})
}

func BenchmarkGenerate(b *testing.B) {
	for _, c := range []Condition{Symbolic, Nonce, Believable, Congruent, SwapA} {
		b.Run(fmt.Sprintf("form=AAA-1/condition=%s", c), func(b *testing.B) {
			b.ReportAllocs()
			i := 0
			for b.Loop() {
				if _, err := Generate(Spec{Family: "validity", Form: "AAA-1", Condition: c, Seed: 1, Index: i}); err != nil {
					b.Fatal(err)
				}
				i++
			}
		})
	}
}

// TestImpossible checks combinations that no content can meet, and that
// Generate refuses them with ErrInfeasible.
func TestImpossible(t *testing.T) {
	for _, tc := range []struct {
		stmts  []logic.Statement
		c      Condition
		reason string
	}{
		{[]logic.Statement{{Q: logic.All, Subject: "A", Predicate: "B"}, {Q: logic.Is, Subject: "X", Predicate: "A"}, {Q: logic.IsNot, Subject: "X", Predicate: "B"}},
			Congruent, "statements that contradict each other cannot all be true in the world"},
		{[]logic.Statement{{Q: logic.All, Subject: "A", Predicate: "B"}, {Q: logic.No, Subject: "A", Predicate: "B"}},
			Congruent, "real categories are not empty, so All and No cannot both hold"},
		{[]logic.Statement{{Q: logic.Some, Subject: "A", Predicate: "B"}, {Q: logic.SomeNot, Subject: "A", Predicate: "B"}, {Q: logic.SomeNot, Subject: "B", Predicate: "A"}, {Q: logic.Some, Subject: "B", Predicate: "B"}},
			Congruent, "two categories that overlap without nesting do not exist in a taxonomy"},
	} {
		f := form{id: "test", premises: tc.stmts}
		if got := feasibility(f, tc.c); got != Impossible {
			t.Errorf("%v under %s: feasibility %v, want no: %s", tc.stmts, tc.c, got, tc.reason)
		}
		_, err := fill(f, tc.c, lexicon.Default(), stream(1))
		if !errors.Is(err, ErrInfeasible) {
			t.Errorf("%v under %s: fill gave %v, want ErrInfeasible: %s", tc.stmts, tc.c, err, tc.reason)
		}
	}
	// A valid form with true premises has a true conclusion.
	barbara := argumentForm(forms.Syllogisms()[0].Argument())
	barbara.conclusion = nil
	barbara.premises = append(barbara.premises, logic.Statement{Q: logic.SomeNot, Subject: "S", Predicate: "P"})
	if got := feasibility(barbara, Congruent); got != Impossible {
		t.Errorf("Barbara's premises with a false conclusion, all true in the world: %v, want no", got)
	}
}

// BenchmarkFamilyItem measures one item of each family, averaged over the
// family's schedule, which mixes its forms and conditions.
func BenchmarkFamilyItem(b *testing.B) {
	for _, fam := range Families() {
		if fam.Name == "invariance" {
			continue // sets, not items
		}
		b.Run("probe="+fam.Name, func(b *testing.B) {
			b.ReportAllocs()
			const n = 100
			for b.Loop() {
				if _, err := fam.Items(1, n, logic.Traditional, Canonical); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*n), "ns/item")
		})
	}
}

// No item puts together two categories the taxonomy keeps apart (a word
// with a second sense, and that sense's host: the triangles and the
// instruments), since the world truth of a statement about them is not
// simply true or false.
func TestItemsKeepApart(t *testing.T) {
	tax := lexicon.Default()
	for _, fam := range Families() {
		err := fam.Each(1, 400, logic.Traditional, Canonical, func(it Item) error {
			var cats []*lexicon.Category
			for _, s := range append(slices.Clone(it.Premises), optional(it.Conclusion)...) {
				for _, term := range []string{s.Subject, s.Predicate} {
					if c, ok := tax.Category(term); ok {
						cats = append(cats, c)
					}
				}
			}
			for i, a := range cats {
				for _, b := range cats[i+1:] {
					if tax.Apart(a, b) {
						t.Errorf("%s puts %q and %q together, which are kept apart", it.ID, a, b)
					}
				}
			}
			return nil
		})
		if err != nil {
			t.Fatalf("family %s: %v", fam.Name, err)
		}
	}
}

// The bare presentation writes an All statement as a bare plural, the
// article's "Squares are polygons", which parses back to the same
// statement; a letter subject keeps its phrasing.
func TestBarePlurals(t *testing.T) {
	fam, err := FamilyByName("invariance")
	if err != nil {
		t.Fatal(err)
	}
	bare := Presentations()[4]
	if !bare.BarePlurals || bare.String() != "order+phrasing+options+w2+bare" {
		t.Fatalf("the fifth presentation is %s", bare)
	}
	if p, err := ParsePresentation(bare.String()); err != nil || p != bare {
		t.Fatalf("ParsePresentation(%q) = %v, %v", bare, p, err)
	}
	barePlurals := 0
	err = fam.Each(1, 200, logic.Traditional, bare, func(it Item) error {
		for i, s := range it.Premises {
			text := it.PremiseText[i]
			back, err := english.Parse(text)
			if err != nil || back != s {
				t.Errorf("%s: %q parses as %v, %v; want %v", it.ID, text, back, err, s)
			}
			if s.Q == logic.All && !strings.HasPrefix(text, "All ") && !strings.HasPrefix(text, "Every ") && !strings.HasPrefix(text, "Each ") {
				barePlurals++
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if barePlurals == 0 {
		t.Error("no All premise was written as a bare plural")
	}
}

// The last presentation asks a validity conclusion as a direct question
// ("Are squares triangles?"), which reads back as the conclusion knowing
// the premises' words, and keeps the statement where there is none (No).
func TestDirectQuestions(t *testing.T) {
	ask := Presentations()[len(Presentations())-1]
	if !ask.DirectQuestion || !ask.BarePlurals || ask.String() != "w1+bare+ask" {
		t.Fatalf("the last presentation is %s", ask)
	}
	if p, err := ParsePresentation(ask.String()); err != nil || p != ask {
		t.Fatalf("ParsePresentation(%q) = %v, %v", ask, p, err)
	}
	for _, name := range []string{"invariance", "validity"} {
		fam, err := FamilyByName(name)
		if err != nil {
			t.Fatal(err)
		}
		direct, bare, kept := 0, 0, 0
		err = fam.Each(1, 120, logic.Traditional, ask, func(it Item) error {
			if it.Presentation != ask {
				return nil // the content cell of an invariance set
			}
			checkItem(t, it)
			switch {
			case it.Direct && !strings.HasSuffix(it.ConclusionText, "?"):
				t.Errorf("%s: direct, but %q is no question", it.ID, it.ConclusionText)
			case it.Direct:
				direct++
				if it.Conclusion.Q == logic.All && !strings.Contains(it.ConclusionText, " all ") {
					bare++
				}
			case it.Conclusion.Q != logic.No:
				t.Errorf("%s: %v is not asked directly", it.ID, it.Conclusion)
			default:
				kept++
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
		if direct == 0 || bare == 0 || kept == 0 {
			t.Errorf("%s: %d asked directly (%d with a bare plural), %d kept as statements; want some of each", name, direct, bare, kept)
		}
	}
}

// A truth question asked directly ("Is X a C?") reads back as its
// statement too.
func TestDirectTruthQuestions(t *testing.T) {
	fam, err := FamilyByName("instantiation")
	if err != nil {
		t.Fatal(err)
	}
	direct := 0
	err = fam.Each(1, 60, logic.Traditional, Presentation{DirectQuestion: true}, func(it Item) error {
		checkItem(t, it)
		if it.Direct {
			direct++
			if !strings.HasPrefix(it.ConclusionText, "Is ") && !strings.HasPrefix(it.ConclusionText, "Does ") {
				t.Errorf("%s: %q", it.ID, it.ConclusionText)
			}
		}
		return nil
	})
	if err != nil || direct < 50 {
		t.Errorf("%d of 60 asked directly, %v", direct, err)
	}
}
