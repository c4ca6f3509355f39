package gen

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestExemplar(t *testing.T) {
	spec := Spec{Family: "fallacies", Form: "AAA-2"}
	shapes, err := Exemplar(spec, "shapes", map[string]string{"P": "triangle", "M": "polygon", "S": "square"}, nil)
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"All triangles are polygons.", "All squares are polygons."}
	if diff := cmp.Diff(want, shapes.PremiseText); diff != "" {
		t.Errorf("premises (-want +got):\n%s", diff)
	}
	if shapes.ConclusionText != "All squares are triangles." || shapes.Expected != "no" {
		t.Errorf("conclusion %q expected %q; want %q and no", shapes.ConclusionText, shapes.Expected, "All squares are triangles.")
	}
	if shapes.ID != "fallacies/AAA-2/shapes/0" || shapes.Condition != "shapes" {
		t.Errorf("id %q condition %q", shapes.ID, shapes.Condition)
	}
	// Every word is in the taxonomy: the premises are true, the conclusion false.
	for i, tr := range shapes.Meta.PremisesTrue {
		if tr == nil || !*tr {
			t.Errorf("premise %d world truth %v; want true", i, tr)
		}
	}
	if c := shapes.Meta.ConclusionTrue; c == nil || *c {
		t.Errorf("conclusion world truth %v; want false", c)
	}
	if !cmp.Equal(shapes.Meta.Fallacies, []string{"undistributed-middle"}) {
		t.Errorf("fallacies %v", shapes.Meta.Fallacies)
	}

	// A word outside the taxonomy leaves world truth unknown.
	code, err := Exemplar(spec, "programmers", map[string]string{"P": "Python programmer", "M": "programmer", "S": "Java programmer"}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if code.ConclusionText != "All Java programmers are Python programmers." || code.Expected != "no" {
		t.Errorf("conclusion %q expected %q", code.ConclusionText, code.Expected)
	}
	if code.Meta.ConclusionTrue != nil {
		t.Errorf("conclusion world truth %v; want unknown", *code.Meta.ConclusionTrue)
	}
}

func TestExemplarErrors(t *testing.T) {
	terms := map[string]string{"P": "triangle", "M": "polygon", "S": "square"}
	for _, tc := range []struct {
		name  string
		spec  Spec
		label string
		terms map[string]string
	}{
		{"unknown family", Spec{Family: "nope", Form: "AAA-2"}, "x", terms},
		{"unknown form", Spec{Family: "fallacies", Form: "ZZZ-9"}, "x", terms},
		{"missing word", Spec{Family: "fallacies", Form: "AAA-2"}, "x", map[string]string{"P": "triangle"}},
		{"label names a condition", Spec{Family: "fallacies", Form: "AAA-2"}, "nonce", terms},
		{"label with a slash", Spec{Family: "fallacies", Form: "AAA-2"}, "a/b", terms},
		{"unrenderable word", Spec{Family: "fallacies", Form: "AAA-2"}, "x", map[string]string{"P": "triangle", "M": "is not", "S": "square"}},
	} {
		if _, err := Exemplar(tc.spec, tc.label, tc.terms, nil); err == nil {
			t.Errorf("%s: no error", tc.name)
		} else if errors.Is(err, ErrInconsistent) {
			t.Errorf("%s: %v", tc.name, err)
		}
	}
}

// A presentation variant never asks the canonical question again: its
// premises, phrasings or options differ.
func TestPresentationsDiffer(t *testing.T) {
	fam, err := FamilyByName("invariance")
	if err != nil {
		t.Fatal(err)
	}
	sets, err := fam.Sets(1, 40, 1)
	if err != nil {
		t.Fatal(err)
	}
	for _, set := range sets {
		if len(set) == 0 || set[0].Presentation == Canonical {
			continue // the content cell
		}
		spec := Spec{Family: "invariance", Form: set[0].Form, Condition: set[0].Condition, Semantics: set[0].Semantics, Seed: 1, Index: indexOfID(set[0].ID)}
		canon, err := Generate(spec)
		if err != nil {
			t.Fatal(err)
		}
		for _, it := range set {
			same := cmp.Equal(it.PremiseText, canon.PremiseText) && it.ConclusionText == canon.ConclusionText
			if same && it.Presentation.Wording == canon.Presentation.Wording {
				t.Errorf("%s reads exactly as the canonical %s", it.ID, canon.ID)
			}
		}
	}
	r := stream(7, "x")
	for n := 2; n < 6; n++ {
		for range 200 {
			p := moved(r, n)
			identity := true
			for i, v := range p {
				identity = identity && v == i
			}
			if identity {
				t.Fatalf("moved(%d) = %v, the identity", n, p)
			}
		}
	}
}

func indexOfID(id string) int {
	var fam, form, cond string
	var i int
	fmt.Sscanf(strings.ReplaceAll(id, "/", " "), "%s %s %s %d", &fam, &form, &cond, &i)
	return i
}
