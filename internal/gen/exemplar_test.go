package gen

import (
	"errors"
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
