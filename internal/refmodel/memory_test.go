package refmodel

import (
	"testing"

	"github.com/syllobench/syllobench/internal/famous"
	"github.com/syllobench/syllobench/internal/gen"
	"github.com/syllobench/syllobench/internal/logic"
	"github.com/syllobench/syllobench/internal/prompt"
)

// ref-memory answers every famous argument, shown word for word, rightly
// in every format; the same forms in other words it answers as ref-coin.
func TestMemory(t *testing.T) {
	mem, coin := mustReasoner(t, "ref-memory"), mustReasoner(t, "ref-coin")
	for _, a := range famous.Arguments() {
		spec := gen.Spec{Family: a.Family, Form: a.Form, Semantics: logic.Traditional, Seed: 1}
		it, shape, err := gen.Worded(spec, a.Label, a.Terms, a.Names, gen.Wording{Premises: a.Premises, Question: a.Question})
		if err != nil {
			t.Fatal(err)
		}
		for _, f := range prompt.Formats() {
			if got, ok := answer(t, mem, it, f); !ok || !isRight(it, got) {
				t.Errorf("%s (%s): ref-memory says %q, want %v", it.ID, f, got, it.Accepted)
			}
		}
		spec.Condition = gen.Nonce
		iso, err := gen.Generate(spec)
		if err != nil {
			t.Fatal(err)
		}
		if iso, err = shape.Show(iso, a.Label); err != nil {
			t.Fatal(err)
		}
		got, _ := answer(t, mem, iso, prompt.Direct)
		want, _ := answer(t, coin, iso, prompt.Direct)
		if got != want {
			t.Errorf("%s: ref-memory says %q, ref-coin %q; want a guess like ref-coin's", iso.ID, got, want)
		}
	}
}
