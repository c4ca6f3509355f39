package refmodel

import (
	"errors"
	"fmt"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/syllobench/syllobench/internal/gen"
	"github.com/syllobench/syllobench/internal/logic"
	"github.com/syllobench/syllobench/internal/prompt"
	"github.com/syllobench/syllobench/internal/question"
	"github.com/syllobench/syllobench/internal/verdict"
)

// answer asks r about it in format f and reads the reply back through
// internal/verdict. ok is false when r does not answer the kind.
func answer(t testing.TB, r Reasoner, it gen.Item, f prompt.Format) (label string, ok bool) {
	t.Helper()
	reply, err := r.Reply(messages(t, it, f))
	if errors.Is(err, ErrNotApplicable) {
		return "", false
	}
	if err != nil {
		t.Fatalf("%s on %s: %v", r.Name(), it.ID, err)
	}
	res := verdict.Parse(it.Kind, reply)
	if res.Unparseable {
		t.Fatalf("%s on %s: reply %q is unparseable: %v", r.Name(), it.ID, reply, res)
	}
	return res.Label, true
}

func mustReasoner(t testing.TB, name string) Reasoner {
	t.Helper()
	r, ok := ByName(name)
	if !ok {
		t.Fatalf("no reasoner %q", name)
	}
	return r
}

func TestByName(t *testing.T) {
	want := []string{"ref-logic", "ref-belief", "ref-coin", "ref-atmosphere", "ref-matching", "ref-conversion", "ref-human", "ref-acceptance", "ref-memory"}
	if got := Names(); !slices.Equal(got, want) {
		t.Fatalf("Names() = %v, want %v", got, want)
	}
	for _, n := range want {
		if r, ok := ByName(n); !ok || r.Name() != n {
			t.Errorf("ByName(%q) = %v, %t", n, r, ok)
		}
	}
	if _, ok := ByName("gpt-4"); ok {
		t.Error("ByName(gpt-4) found a reasoner")
	}
}

func TestLogicAlwaysRight(t *testing.T) {
	r := mustReasoner(t, "ref-logic")
	for _, sem := range []logic.Semantics{logic.Boolean, logic.Traditional} {
		for fam, its := range items(t, 11, 150, sem) {
			for i, it := range its {
				f := prompt.Formats()[i%3]
				got, _ := answer(t, r, it, f)
				if !isRight(it, got) {
					t.Errorf("%s %v %s (%s): ref-logic says %s, want %v", fam, sem, it.ID, f, got, it.Accepted)
				}
			}
		}
	}
}

func TestBelief(t *testing.T) {
	r := mustReasoner(t, "ref-belief")
	var conflicts, agreements int
	for _, sem := range []logic.Semantics{logic.Boolean, logic.Traditional} {
		for fam, its := range items(t, 5, 200, sem) {
			for _, it := range its {
				got, _ := answer(t, r, it, prompt.Direct)
				right := isRight(it, got)
				switch {
				case it.Condition == gen.Symbolic || it.Condition == gen.Nonce:
					if !right {
						t.Errorf("%s %s: ref-belief says %s on a %s item, want %v", fam, it.ID, got, it.Condition, it.Accepted)
					}
				case it.Kind == question.Validity && it.Meta.ConclusionTrue != nil:
					believable, valid := *it.Meta.ConclusionTrue, it.Expected == "yes"
					if believable == valid {
						agreements++
					} else {
						conflicts++
					}
					if right != (believable == valid) {
						t.Errorf("%s %s: valid %t, believable %t: ref-belief says %s", fam, it.ID, valid, believable, got)
					}
				}
			}
		}
	}
	if conflicts == 0 || agreements == 0 {
		t.Errorf("%d conflict and %d agreement items: want some of each", conflicts, agreements)
	}
}

func TestCoinAccuracy(t *testing.T) {
	r := mustReasoner(t, "ref-coin")
	fam, err := gen.FamilyByName("validity")
	if err != nil {
		t.Fatal(err)
	}
	its, err := fam.Items(99, 2000, logic.Traditional, gen.Canonical)
	if err != nil {
		t.Fatal(err)
	}
	right := 0
	for _, it := range its {
		got, _ := answer(t, r, it, prompt.Direct)
		if isRight(it, got) {
			right++
		}
	}
	acc := float64(right) / float64(len(its))
	t.Logf("ref-coin accuracy on %d yes/no items: %.3f", len(its), acc)
	if acc < 0.45 || acc > 0.55 {
		t.Errorf("ref-coin accuracy %.3f, want within 0.45-0.55", acc)
	}
}

func TestDeterministic(t *testing.T) {
	its := items(t, 2, 10, logic.Traditional)
	for _, r := range All() {
		for _, fits := range its {
			for _, it := range fits {
				ms := messages(t, it, prompt.CoT)
				a, errA := r.Reply(ms)
				b, errB := r.Reply(ms)
				if a != b || (errA == nil) != (errB == nil) {
					t.Fatalf("%s on %s: two replies differ: %q, %q", r.Name(), it.ID, a, b)
				}
			}
		}
	}
}

// TestAccuracyTable logs the accuracy of every reasoner on every family
// (both semantics, every format in turn). "n/a" counts items the
// reasoner does not answer.
func TestAccuracyTable(t *testing.T) {
	if testing.Short() {
		t.Skip("asks every reasoner 200 items a family; skipped in -short")
	}
	type cell struct{ right, answered, na int }
	table := map[string]map[string]*cell{}
	var fams []string
	for _, sem := range []logic.Semantics{logic.Boolean, logic.Traditional} {
		for fam, its := range items(t, 2026, 200, sem) {
			if !slices.Contains(fams, fam) {
				fams = append(fams, fam)
			}
			for i, it := range its {
				for _, r := range All() {
					if table[r.Name()] == nil {
						table[r.Name()] = map[string]*cell{}
					}
					c := table[r.Name()][fam]
					if c == nil {
						c = &cell{}
						table[r.Name()][fam] = c
					}
					got, ok := answer(t, r, it, prompt.Formats()[i%3])
					if !ok {
						c.na++
						continue
					}
					c.answered++
					if isRight(it, got) {
						c.right++
					}
				}
			}
		}
	}
	sort.Strings(fams)
	var b strings.Builder
	fmt.Fprintf(&b, "\n| reasoner |")
	for _, f := range fams {
		fmt.Fprintf(&b, " %s |", f)
	}
	b.WriteString("\n|---|" + strings.Repeat("---|", len(fams)) + "\n")
	for _, name := range Names() {
		fmt.Fprintf(&b, "| %s |", name)
		for _, f := range fams {
			c := table[name][f]
			if c.answered == 0 {
				b.WriteString(" n/a |")
				continue
			}
			fmt.Fprintf(&b, " %.2f", float64(c.right)/float64(c.answered))
			if c.na > 0 {
				fmt.Fprintf(&b, " (%d n/a)", c.na)
			}
			b.WriteString(" |")
		}
		b.WriteString("\n")
	}
	t.Log(b.String())
}

// isRight reports whether got, the answer read from a reply, answers it
// rightly, as the probes grade it.
func isRight(it gen.Item, got string) bool {
	if it.Kind == question.Open {
		return verdict.OpenMatches(got, it.Accepted)
	}
	return slices.Contains(it.Accepted, got)
}
