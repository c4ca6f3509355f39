package verdict

import (
	"slices"
	"strings"
	"testing"

	"github.com/syllobench/syllobench/internal/question"
)

// FuzzParse checks that any reply, for any kind, parses without panic to
// one of the kind's labels or to unparseable, and that ParseChoice keeps
// to the labels of its options. It also checks two things that must not
// change the verdict: a think block with contrary answers before the
// reply, and ASCII capitals.
func FuzzParse(f *testing.F) {
	for _, c := range parseCases() {
		f.Add(uint8(slices.Index(question.Kinds(), c.kind)), c.reply)
	}
	f.Add(uint8(0), "<think><think></think></think>Answer: **yes**")
	f.Add(uint8(1), "Answer: \\boxed{\\text{neither true nor false}}")
	f.Add(uint8(2), "answer is option i or a")
	f.Fuzz(func(t *testing.T, kind uint8, reply string) {
		k := question.Kinds()[int(kind)%len(question.Kinds())]
		r := Parse(k, reply)
		check(t, string(k), r, k.Labels())
		check(t, "choice with options", ParseChoice(reply, ccobra), k.Labels()[:0:0])

		thought := Parse(k, "<think>Answer: yes. It follows. Answer: 3</think>"+reply)
		if thought.Label != r.Label || thought.Rule != r.Rule {
			t.Errorf("with a think block first: %v, without: %v", thought, r)
		}
		upper := []byte(reply)
		for i, c := range upper {
			if 'a' <= c && c <= 'z' {
				upper[i] = c - 'a' + 'A'
			}
		}
		if u := Parse(k, string(upper)); u.Label != r.Label || u.Rule != r.Rule {
			t.Errorf("in capitals: %v, as written: %v", u, r)
		}
	})
}

// check fails t unless r is unparseable exactly when it has no label, and
// its label is one of labels (or of the ccobra options' labels when
// labels is empty).
func check(t *testing.T, what string, r Result, labels []string) {
	t.Helper()
	if len(labels) == 0 {
		for _, o := range ccobra {
			labels = append(labels, o.Label)
		}
	}
	if r.Unparseable != (r.Label == "") {
		t.Errorf("%s: %v: Unparseable is %v with label %q", what, r, r.Unparseable, r.Label)
	}
	if what == string(question.Open) {
		if r.Label != strings.TrimSpace(r.Label) || strings.Contains(r.Label, " or ") {
			t.Errorf("%s: phrase %q is not trimmed, or names two", what, r.Label)
		}
	} else if r.Label != "" && !slices.Contains(labels, r.Label) {
		t.Errorf("%s: label %q is not one of %q", what, r.Label, labels)
	}
	if r.Rule == "" {
		t.Errorf("%s: %v has no rule", what, r)
	}
}
