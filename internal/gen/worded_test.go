package gen

import (
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/syllobench/syllobench/internal/english"
)

func TestWorded(t *testing.T) {
	for _, tc := range []struct {
		spec     Spec
		terms    map[string]string
		names    map[string]string
		w        Wording
		expected string
	}{{
		Spec{Family: "fallacies", Form: "AAA-2"},
		map[string]string{"P": "Python programmer", "M": english.Property("can write code"), "S": "Java programmer"}, nil,
		Wording{[]string{"All Python programmers can write code.", "Java programmers can write code."}, "Are Java programmers Python programmers?"},
		"no",
	}, {
		Spec{Family: "open", Form: "open-1"},
		map[string]string{"t0": "robot", openAnswer: english.Property("run on batteries")}, map[string]string{"X": "R2-D2"},
		Wording{[]string{"All robots run on batteries.", "R2-D2 is a robot."}, "What does R2-D2 run on?"},
		"batteries",
	}, {
		Spec{Family: "chains", Form: "chain-2-true"},
		map[string]string{"t0": "A", "t1": "B", "t2": "C"}, map[string]string{"X": "X"},
		Wording{[]string{"All A are B.", "All B are C.", "X is an A."}, "Is X a C?"},
		"true",
	}, {
		Spec{Family: "consistency", Form: "chain-2-true-with-negation"},
		map[string]string{"t0": "A", "t1": "B", "t2": "C"}, map[string]string{"X": "X"},
		Wording{[]string{"All A are B.", "All B are C.", "X is an A.", "X is not a C."}, ""},
		"no",
	}} {
		it, sh, err := Worded(tc.spec, "article", tc.terms, tc.names, tc.w)
		if err != nil {
			t.Errorf("%s: %v", tc.spec.Form, err)
			continue
		}
		if diff := cmp.Diff(tc.w.Premises, it.PremiseText); diff != "" || it.Expected != tc.expected {
			t.Errorf("%s: expected %q, premises (-want +got):\n%s", it.ID, it.Expected, diff)
		}
		if tc.w.Question != "" && it.ConclusionText != tc.w.Question {
			t.Errorf("%s: question %q", it.ID, it.ConclusionText)
		}
		checkItem(t, it)
		// A generated isomorph, shown the same way, asks the same.
		fam, _ := FamilyByName(tc.spec.Family)
		for _, c := range []Condition{Nonce, Symbolic} {
			if f, _ := fam.Feasibility(tc.spec.Form, c); f != Possible {
				continue
			}
			spec := tc.spec
			spec.Condition, spec.Seed, spec.Index = c, 3, 1
			iso, err := Generate(spec)
			if err != nil {
				t.Fatal(err)
			}
			shown, err := sh.Show(iso, "article")
			if err != nil {
				t.Fatal(err)
			}
			checkItem(t, shown)
			if !slices.Equal(answersOf(shown), answersOf(it)) || !strings.HasSuffix(shown.ID, "/as-article") {
				t.Errorf("%s: answers %v, worded %v", shown.ID, answersOf(shown), answersOf(it))
			}
			if it.Direct != shown.Direct {
				t.Errorf("%s: direct %t, the worded one %t (%q)", shown.ID, shown.Direct, it.Direct, shown.ConclusionText)
			}
			t.Logf("%s: %q %q", shown.ID, shown.PremiseText, shown.ConclusionText)
		}
	}
}

func TestWordedRefuses(t *testing.T) {
	terms := map[string]string{"P": "triangle", "M": "polygon", "S": "square"}
	spec := Spec{Family: "fallacies", Form: "AAA-2"}
	for name, w := range map[string]Wording{
		"a premise it does not have": {[]string{"All triangles are polygons.", "All circles are polygons."}, "Are squares triangles?"},
		"one premise twice":          {[]string{"All triangles are polygons.", "All triangles are polygons."}, "Are squares triangles?"},
		"too few premises":           {[]string{"All triangles are polygons."}, "Are squares triangles?"},
		"another question":           {[]string{"All triangles are polygons.", "Squares are polygons."}, "Are triangles squares?"},
		"another conclusion":         {[]string{"All triangles are polygons.", "Squares are polygons."}, "Some squares are triangles."},
	} {
		if it, _, err := Worded(spec, "shapes", terms, nil, w); err == nil {
			t.Errorf("%s: worded as %q %q; want an error", name, it.PremiseText, it.ConclusionText)
		}
	}
	if _, _, err := Worded(Spec{Family: "fallacies", Form: "AAA-2", Presentation: Presentation{BarePlurals: true}}, "shapes", terms, nil,
		Wording{[]string{"All triangles are polygons.", "Squares are polygons."}, "Are squares triangles?"}); err == nil {
		t.Error("a presentation other than the canonical one: no error")
	}
}
