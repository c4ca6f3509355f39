package forms

import (
	"encoding/csv"
	"math/rand/v2"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/syllobench/syllobench/internal/english"
	"github.com/syllobench/syllobench/internal/logic"
)

func TestSyllogismCatalogue(t *testing.T) {
	all := Syllogisms()
	if len(all) != 256 {
		t.Fatalf("got %d syllogisms, want 256", len(all))
	}
	seen := map[string]bool{}
	valid := map[logic.Semantics]int{}
	var extra []string
	for _, s := range all {
		id := s.ID()
		if seen[id] {
			t.Errorf("duplicate syllogism %s", id)
		}
		seen[id] = true
		if p, err := ParseSyllogism(id); err != nil || p != s {
			t.Errorf("ParseSyllogism(%q) = %v, %v; want %v", id, p, err, s)
		}
		b, tr := s.Valid(logic.Boolean), s.Valid(logic.Traditional)
		if b && !tr {
			t.Errorf("%s is valid under Boolean but not Traditional semantics", id)
		}
		if tr != (s.Name() != "") {
			t.Errorf("%s: valid under Traditional semantics = %v, but its name is %q", id, tr, s.Name())
		}
		if b {
			valid[logic.Boolean]++
		}
		if tr {
			valid[logic.Traditional]++
		}
		if tr && !b {
			extra = append(extra, s.Name())
		}
	}
	// Published facts: 15 forms are valid in modern logic, 24 with
	// existential import, and these 9 need the import.
	if valid[logic.Boolean] != 15 || valid[logic.Traditional] != 24 {
		t.Errorf("valid forms: %d Boolean, %d Traditional; want 15 and 24", valid[logic.Boolean], valid[logic.Traditional])
	}
	want := []string{"Barbari", "Celaront", "Cesaro", "Camestros", "Darapti", "Felapton", "Bamalip", "Calemos", "Fesapo"}
	slices.Sort(want)
	slices.Sort(extra)
	if diff := cmp.Diff(want, extra); diff != "" {
		t.Errorf("forms valid only with existential import (-want +got):\n%s", diff)
	}
	if len(names) != 24 {
		t.Errorf("%d names for 24 valid forms", len(names))
	}
}

func TestParseSyllogismErrors(t *testing.T) {
	for _, id := range []string{"", "AAA1", "AAA-5", "AAX-1", "AAAA-1", "aaa-1"} {
		if _, err := ParseSyllogism(id); err == nil || !strings.Contains(err.Error(), `"`+id+`"`) {
			t.Errorf("ParseSyllogism(%q) error = %v, want one quoting the id", id, err)
		}
	}
}

// TestFallacyRules checks the traditional rules against the decider: a
// syllogism is valid with existential import exactly when it breaks no
// rule but the existential fallacy, and valid in Boolean logic exactly
// when it breaks none.
func TestFallacyRules(t *testing.T) {
	for _, s := range Syllogisms() {
		fs := s.Fallacies()
		onlyExistential := len(fs) == 0 || (len(fs) == 1 && fs[0] == ExistentialFallacy)
		if got := s.Valid(logic.Traditional); got != onlyExistential {
			t.Errorf("%s commits %v, but Traditional validity is %v", s.ID(), fs, got)
		}
		if got := s.Valid(logic.Boolean); got != (len(fs) == 0) {
			t.Errorf("%s commits %v, but Boolean validity is %v", s.ID(), fs, got)
		}
	}
}

func TestPairs(t *testing.T) {
	pairs := Pairs()
	if len(pairs) != 64 {
		t.Fatalf("got %d pairs, want 64", len(pairs))
	}
	type count struct{ pairs, combos int }
	counts := map[logic.Semantics]count{}
	var importOnly []string
	for _, p := range pairs {
		if q, err := ParsePair(p.ID()); err != nil || q != p {
			t.Errorf("ParsePair(%q) = %v, %v", p.ID(), q, err)
		}
		for _, sem := range []logic.Semantics{logic.Boolean, logic.Traditional} {
			v := p.Valid(sem)
			c := counts[sem]
			if v[0] != NVC {
				c.pairs++
				c.combos += len(v)
			}
			counts[sem] = c
		}
		if p.Valid(logic.Boolean)[0] == NVC && p.Valid(logic.Traditional)[0] != NVC {
			importOnly = append(importOnly, p.ID())
		}
	}
	// Published facts (CCOBRA; Khemlani & Johnson-Laird 2012).
	want := map[logic.Semantics]count{logic.Traditional: {27, 48}, logic.Boolean: {22, 30}}
	if diff := cmp.Diff(want, counts, cmp.AllowUnexported(count{})); diff != "" {
		t.Errorf("pairs with a valid response and (pair, response) combinations (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff([]string{"AA4", "AE2", "AE4", "EA1", "EA4"}, importOnly); diff != "" {
		t.Errorf("pairs valid only with existential import (-want +got):\n%s", diff)
	}
}

// TestPairsMatchCCOBRA compares the computed answer key with CCOBRA's
// published one (testdata/ccobra-valid.csv, see testdata/PROVENANCE.md),
// row by row and in order.
func TestPairsMatchCCOBRA(t *testing.T) {
	f, err := os.Open("testdata/ccobra-valid.csv")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := csv.NewReader(f).ReadAll()
	if err != nil {
		t.Fatalf("reading testdata/ccobra-valid.csv: %v", err)
	}
	var want, got []string
	for _, row := range rows[1:] {
		want = append(want, row[0]+","+row[1])
	}
	for _, p := range Pairs() {
		var codes []string
		for _, r := range p.Valid(logic.Traditional) {
			codes = append(codes, r.String())
		}
		got = append(got, p.ID()+","+strings.Join(codes, ";"))
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("valid responses differ from CCOBRA's key (-ccobra +computed):\n%s", diff)
	}
}

func TestResponses(t *testing.T) {
	for _, r := range Responses() {
		got, err := ParseResponse(r.String())
		if err != nil || got != r {
			t.Errorf("ParseResponse(%q) = %v, %v", r, got, err)
		}
	}
	if _, err := ParseResponse("Iab"); err == nil || !strings.Contains(err.Error(), `"Iab"`) {
		t.Errorf("ParseResponse(Iab) error = %v, want one quoting the code", err)
	}
	if s, _ := Oca.Statement(); s != stmt(logic.SomeNot, "C", "A") {
		t.Errorf("Oca is %v, want Some C are not A", s)
	}
	if _, ok := NVC.Statement(); ok {
		t.Error("NVC has a statement")
	}
}

// TestTaggedForms checks the singular forms and conversions: each fallacy
// tag must name a real failure of validity, and an untagged form must be
// valid under both semantics.
func TestTaggedForms(t *testing.T) {
	forms := append(SingularForms(), Conversions()...)
	for _, a := range forms {
		b, tr := a.Verdict(logic.Boolean), a.Verdict(logic.Traditional)
		var want [2]logic.Verdict
		switch {
		case len(a.Fallacies) == 0:
			want = [2]logic.Verdict{logic.Entailed, logic.Entailed}
		case slices.Equal(a.Fallacies, []Fallacy{ExistentialFallacy}):
			want = [2]logic.Verdict{logic.Undetermined, logic.Entailed}
		default:
			want = [2]logic.Verdict{logic.Undetermined, logic.Undetermined}
		}
		if got := [2]logic.Verdict{b, tr}; got != want {
			t.Errorf("%s (fallacies %v): verdicts (boolean, traditional) = %v, want %v", a.ID, a.Fallacies, got, want)
		}
	}
}

func TestCatalogueCoversEveryFallacy(t *testing.T) {
	for _, f := range Fallacies() {
		forms := Catalogue(f)
		if len(forms) == 0 {
			t.Errorf("no form commits %v", f)
		}
		for _, a := range forms {
			if a.Verdict(logic.Boolean) == logic.Entailed {
				t.Errorf("%s is tagged %v but valid under Boolean semantics", a.ID, f)
			}
		}
	}
}

func TestChains(t *testing.T) {
	want := []logic.Verdict{
		ChainTrue: logic.Entailed, ChainFalse: logic.Contradicted, ChainUnknown: logic.Undetermined,
	}
	r := rand.New(rand.NewPCG(5, 6))
	for depth := 1; depth <= MaxChainDepth; depth++ {
		for ans, v := range want {
			ans := ChainAnswer(ans)
			for distractors := 0; distractors <= MaxDistractors; distractors++ {
				seed := r.Uint64()
				a, err := Chain(depth, ans, distractors, rand.New(rand.NewPCG(seed, 0)))
				if err != nil {
					t.Fatal(err)
				}
				if len(a.Premises) != 1+depth+distractors {
					t.Errorf("%s has %d premises, want %d", a.ID, len(a.Premises), 1+depth+distractors)
				}
				for _, sem := range []logic.Semantics{logic.Boolean, logic.Traditional} {
					if got := a.Verdict(sem); got != v {
						t.Errorf("%s (seed %d) under %v: %v, want %v\npremises: %v", a.ID, seed, sem, got, v, a.Premises)
					}
				}
				again, _ := Chain(depth, ans, distractors, rand.New(rand.NewPCG(seed, 0)))
				if diff := cmp.Diff(a, again); diff != "" {
					t.Errorf("%s differs between two runs with seed %d:\n%s", a.ID, seed, diff)
				}
			}
		}
	}
}

func TestChainErrors(t *testing.T) {
	r := rand.New(rand.NewPCG(0, 0))
	for _, tc := range []struct {
		depth, distractors int
		ans                ChainAnswer
	}{{0, 0, ChainTrue}, {9, 0, ChainTrue}, {2, -1, ChainTrue}, {2, 17, ChainTrue}, {2, 0, 3}} {
		if _, err := Chain(tc.depth, tc.ans, tc.distractors, r); err == nil {
			t.Errorf("Chain(%d, %v, %d) gave no error", tc.depth, tc.ans, tc.distractors)
		}
	}
}

func TestConsistencySets(t *testing.T) {
	sets := ConsistencySets()
	byID := map[string]ConsistencySet{}
	for _, c := range sets {
		if _, dup := byID[c.ID]; dup {
			t.Errorf("duplicate consistency set %s", c.ID)
		}
		byID[c.ID] = c
	}
	// The classic contradiction check must be in the catalogue.
	classic := byID["chain-2-true-with-negation"]
	wantStmts := []logic.Statement{
		stmt(logic.Is, "X", "t0"), stmt(logic.All, "t0", "t1"), stmt(logic.All, "t1", "t2"), stmt(logic.IsNot, "X", "t2"),
	}
	if diff := cmp.Diff(wantStmts, classic.Statements); diff != "" {
		t.Errorf("classic contradiction check (-want +got):\n%s", diff)
	}
	if classic.Consistent(logic.Boolean) {
		t.Error("X is a t0, all t0 are t1, all t1 are t2 and X is not a t2 are judged consistent")
	}
	// Consistency must agree with the verdict of the base argument.
	bases := append(SingularForms(), Conversions()...)
	for _, a := range bases {
		for _, sem := range []logic.Semantics{logic.Boolean, logic.Traditional} {
			v := a.Verdict(sem)
			if got := Consistency(a, true).Consistent(sem); got == (v == logic.Entailed) {
				t.Errorf("%s-with-negation under %v: consistent = %v, but the verdict is %v", a.ID, sem, got, v)
			}
			if got := Consistency(a, false).Consistent(sem); got == (v == logic.Contradicted) {
				t.Errorf("%s-with-conclusion under %v: consistent = %v, but the verdict is %v", a.ID, sem, got, v)
			}
		}
	}
}

func TestRename(t *testing.T) {
	a := SingularForms()[0].Rename(
		func(t string) string { return map[string]string{"A": "dog", "B": "mammal"}[t] },
		func(n string) string { return "Rex" })
	want := Argument{
		ID:         "instantiation",
		Premises:   []logic.Statement{stmt(logic.All, "dog", "mammal"), stmt(logic.Is, "Rex", "dog")},
		Conclusion: stmt(logic.Is, "Rex", "mammal"),
	}
	if diff := cmp.Diff(want, a); diff != "" {
		t.Errorf("Rename (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff([]string{"dog", "mammal"}, a.Terms()); diff != "" {
		t.Errorf("Terms (-want +got):\n%s", diff)
	}
}

// TestFormsRenderInEnglish checks that every form, with its placeholder
// terms, reads in controlled English and parses back to itself.
func TestFormsRenderInEnglish(t *testing.T) {
	var all []Argument
	for _, s := range Syllogisms() {
		all = append(all, s.Argument())
	}
	for _, p := range Pairs() {
		for _, r := range Responses()[:8] {
			all = append(all, p.Argument(r))
		}
	}
	all = append(all, SingularForms()...)
	all = append(all, Conversions()...)
	c, err := Chain(MaxChainDepth, ChainTrue, MaxDistractors, rand.New(rand.NewPCG(1, 1)))
	if err != nil {
		t.Fatal(err)
	}
	all = append(all, c)
	for _, a := range all {
		for _, s := range append(a.Premises, a.Conclusion) {
			for _, p := range english.Phrasings(s.Q) {
				text, err := english.Render(s, p)
				if err != nil {
					t.Fatalf("%s: %v", a.ID, err)
				}
				if back, err := english.Parse(text); err != nil || back != s {
					t.Errorf("%s: %q parses to %v, %v; want %v", a.ID, text, back, err, s)
				}
			}
		}
	}
}
