package logic

import (
	"errors"
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"
)

func all(s, p string) Statement     { return Statement{All, s, p} }
func no(s, p string) Statement      { return Statement{No, s, p} }
func some(s, p string) Statement    { return Statement{Some, s, p} }
func someNot(s, p string) Statement { return Statement{SomeNot, s, p} }
func is(x, p string) Statement      { return Statement{Is, x, p} }
func isNot(x, p string) Statement   { return Statement{IsNot, x, p} }

func TestDecide(t *testing.T) {
	type test struct {
		name       string
		premises   []Statement
		conclusion Statement
		sem        Semantics
		want       Verdict
		reason     string
	}
	tests := []test{{
		name:       "Barbara",
		premises:   []Statement{all("M", "P"), all("S", "M")},
		conclusion: all("S", "P"),
		want:       Entailed,
		reason:     "AAA-1 is valid under any semantics",
	}, {
		name:       "Barbari/boolean",
		premises:   []Statement{all("M", "P"), all("S", "M")},
		conclusion: some("S", "P"),
		sem:        Boolean,
		want:       Undetermined,
		reason:     "without existential import S may be empty",
	}, {
		name:       "Barbari/traditional",
		premises:   []Statement{all("M", "P"), all("S", "M")},
		conclusion: some("S", "P"),
		sem:        Traditional,
		want:       Entailed,
		reason:     "S is non-empty, and every S is P",
	}, {
		name:       "undistributed middle",
		premises:   []Statement{all("P", "M"), all("S", "M")},
		conclusion: all("S", "P"),
		sem:        Traditional,
		want:       Undetermined,
		reason:     "AAA-2 is invalid: the middle term is never distributed",
	}, {
		name:       "contradicted conclusion",
		premises:   []Statement{all("M", "P"), all("S", "M")},
		conclusion: someNot("S", "P"),
		sem:        Boolean,
		want:       Contradicted,
		reason:     "the premises entail All S are P, the contradictory",
	}, {
		name:       "instantiation",
		premises:   []Statement{all("dog", "mammal"), is("Rex", "dog")},
		conclusion: is("Rex", "mammal"),
		want:       Entailed,
		reason:     "the classic singular syllogism",
	}, {
		name:       "negative instantiation",
		premises:   []Statement{no("dog", "cat"), is("Rex", "dog")},
		conclusion: is("Rex", "cat"),
		want:       Contradicted,
		reason:     "no dog is a cat, so Rex is not one",
	}, {
		name:       "affirming the consequent",
		premises:   []Statement{all("dog", "mammal"), is("Rex", "mammal")},
		conclusion: is("Rex", "dog"),
		sem:        Traditional,
		want:       Undetermined,
		reason:     "being a mammal does not make Rex a dog",
	}, {
		name:       "denying the antecedent",
		premises:   []Statement{all("dog", "mammal"), isNot("Rex", "dog")},
		conclusion: isNot("Rex", "mammal"),
		sem:        Traditional,
		want:       Undetermined,
		reason:     "Rex may be a mammal of another kind",
	}, {
		name:       "modus tollens",
		premises:   []Statement{all("dog", "mammal"), isNot("Rex", "mammal")},
		conclusion: is("Rex", "dog"),
		want:       Contradicted,
		reason:     "All dog are mammal is ¬dog∨mammal; Rex is not a mammal",
	}, {
		name:       "inconsistent premises",
		premises:   []Statement{all("A", "B"), all("B", "C"), is("X", "A"), isNot("X", "C")},
		conclusion: is("X", "B"),
		want:       Inconsistent,
		reason:     "X must be a C and is said not to be",
	}, {
		name:       "inconsistent only with import",
		premises:   []Statement{all("A", "B"), no("A", "B")},
		conclusion: all("A", "B"),
		sem:        Traditional,
		want:       Inconsistent,
		reason:     "A must be empty, and Traditional says it is not",
	}, {
		name:       "empty subject is fine in boolean",
		premises:   []Statement{all("A", "B"), no("A", "B")},
		conclusion: no("A", "C"),
		sem:        Boolean,
		want:       Entailed,
		reason:     "A is empty, so every universal about A holds",
	}, {
		name:       "premise terms get import",
		premises:   []Statement{no("C", "C")},
		conclusion: all("A", "B"),
		sem:        Traditional,
		want:       Inconsistent,
		reason:     "C is mentioned, so it is non-empty, but No C are C empties it",
	}, {
		name:       "conclusion-only term gets import",
		premises:   []Statement{all("A", "B")},
		conclusion: no("C", "C"),
		sem:        Traditional,
		want:       Contradicted,
		reason:     "C is mentioned in the argument, so it is non-empty and No C are C is false",
	}, {
		name:       "tautology from no premises",
		conclusion: all("A", "A"),
		want:       Entailed,
		reason:     "All A are A holds in every model",
	}, {
		name:       "same name, two facts",
		premises:   []Statement{is("X", "A"), is("X", "B"), no("A", "B")},
		conclusion: is("X", "C"),
		want:       Inconsistent,
		reason:     "one individual cannot be in two disjoint terms",
	}, {
		name: "chain",
		premises: []Statement{all("A", "B"), all("B", "C"), all("C", "D"), all("D", "E"),
			all("A", "Z"), no("Z", "Y")},
		conclusion: all("A", "E"),
		want:       Entailed,
		reason:     "a sorites of four links with distractors",
	}}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := Decide(tt.premises, tt.conclusion, tt.sem)
			if err != nil {
				t.Fatal(err)
			}
			if got != tt.want {
				t.Errorf("Decide(%v ⊢ %v, %v) = %v, want %v: %s", tt.premises, tt.conclusion, tt.sem, got, tt.want, tt.reason)
			}
			if o := oracleDecide(tt.premises, tt.conclusion, tt.sem, oracleSat); o != tt.want {
				t.Errorf("oracle says %v, want %v: %s", o, tt.want, tt.reason)
			}
		})
	}
}

func TestDecideErrors(t *testing.T) {
	many := make([]Statement, 0, 40)
	for i := range 40 {
		many = append(many, all(fmt.Sprint("a", i), fmt.Sprint("b", i)))
	}
	names := make([]Statement, 0, 70)
	for i := range 70 {
		names = append(names, is(fmt.Sprint("X", i), "A"))
	}
	somes := make([]Statement, 0, 70)
	for range 70 {
		somes = append(somes, some("A", "B"))
	}
	tests := []struct {
		name     string
		premises []Statement
		c        Statement
		want     error
		reason   string
	}{
		{"empty subject", []Statement{all("", "B")}, all("A", "B"), ErrInvalid, "a term must be named"},
		{"empty predicate", nil, is("X", ""), ErrInvalid, "a term must be named"},
		{"bad quantifier", []Statement{{Q: 9, Subject: "A", Predicate: "B"}}, all("A", "B"), ErrInvalid, "only six forms exist"},
		{"too many terms", many, all("A", "B"), ErrTooManyTerms, "82 terms do not fit in a word"},
		{"too many names", names, is("Y", "A"), ErrTooManyNames, "71 names do not fit"},
		{"too many witnesses", somes, all("A", "B"), ErrTooManyWitnesses, "each Some premise needs an element of its own"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Decide(tt.premises, tt.c, Boolean)
			if !errors.Is(err, tt.want) {
				t.Fatalf("Decide error = %v, want %v: %s", err, tt.want, tt.reason)
			}
		})
	}
}

// randomArgument draws premises and a conclusion over at most nterms terms
// and nnames individuals. Terms may repeat within a statement.
func randomArgument(r *rand.Rand, nterms, nnames, npremises int) ([]Statement, Statement) {
	stmt := func() Statement {
		q := Quantifier(r.IntN(6))
		if nnames == 0 && q.Singular() {
			q = Quantifier(r.IntN(4))
		}
		p := fmt.Sprint("t", r.IntN(nterms))
		if q.Singular() {
			return Statement{q, fmt.Sprint("x", r.IntN(nnames)), p}
		}
		return Statement{q, fmt.Sprint("t", r.IntN(nterms)), p}
	}
	premises := make([]Statement, npremises)
	for i := range premises {
		premises[i] = stmt()
	}
	return premises, stmt()
}

func checkAgainstOracle(t *testing.T, r *rand.Rand, nterms, nnames, npremises int, sem Semantics) Verdict {
	t.Helper()
	premises, c := randomArgument(r, nterms, nnames, npremises)
	got, err := Decide(premises, c, sem)
	if err != nil {
		t.Fatalf("Decide(%v ⊢ %v): %v", premises, c, err)
	}
	if want := oracleDecide(premises, c, sem, oracleSat); got != want {
		t.Fatalf("Decide(%v ⊢ %v, %v) = %v, oracle says %v", premises, c, sem, got, want)
	}
	all := append(premises[:len(premises):len(premises)], c)
	gotC, _ := Consistent(all, sem)
	v := &vocab{}
	lits := make([]lit, len(all))
	for i, s := range all {
		v.add(s)
		lits[i] = lit{s, true}
	}
	if wantC := oracleSat(v, lits, sem); gotC != wantC {
		t.Fatalf("Consistent(%v, %v) = %v, oracle says %v", all, sem, gotC, wantC)
	}
	return got
}

// TestDecideMatchesOracle is the property test: the decider agrees with
// the model checker on random arguments of up to 6 terms, 3 individuals
// and 6 premises, under both semantics.
func TestDecideMatchesOracle(t *testing.T) {
	n := 100_000
	if testing.Short() {
		n = 5_000
	}
	r := rand.New(rand.NewPCG(1, 2))
	var seen [4]int
	for i := range n {
		seen[checkAgainstOracle(t, r, 1+r.IntN(6), r.IntN(4), r.IntN(7), Semantics(i%2))]++
	}
	// Agreement means little if the generator rarely reaches a verdict.
	for v, count := range seen {
		if count < n/50 {
			t.Errorf("only %d of %d random arguments were %v; the generator is too narrow", count, n, Verdict(v))
		}
	}
	t.Logf("verdicts over %d arguments: %v", n, seen)
}

// TestOracleMatchesExhaustive checks the oracle's largest-model shortcut
// against plain enumeration of every model on tiny vocabularies.
func TestOracleMatchesExhaustive(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	for i := range 3000 {
		premises, c := randomArgument(r, 1+r.IntN(3), r.IntN(3), r.IntN(5))
		sem := Semantics(i % 2)
		fast := oracleDecide(premises, c, sem, oracleSat)
		slow := oracleDecide(premises, c, sem, exhaustiveSat)
		if fast != slow {
			t.Fatalf("oracle(%v ⊢ %v, %v) = %v, exhaustive enumeration says %v", premises, c, sem, fast, slow)
		}
	}
}

func FuzzEntails(f *testing.F) {
	f.Add(uint64(0), uint8(3), uint8(1), uint8(2), false)
	f.Add(uint64(42), uint8(6), uint8(3), uint8(6), true)
	f.Fuzz(func(t *testing.T, seed uint64, nterms, nnames, npremises uint8, traditional bool) {
		r := rand.New(rand.NewPCG(seed, 0))
		sem := Boolean
		if traditional {
			sem = Traditional
		}
		checkAgainstOracle(t, r, 1+int(nterms%6), int(nnames%4), int(npremises%7), sem)
	})
}

func TestStrings(t *testing.T) {
	for v, want := range map[Verdict]string{Entailed: "entailed", Contradicted: "contradicted",
		Undetermined: "undetermined", Inconsistent: "inconsistent", 7: "Verdict(7)"} {
		if got := v.String(); got != want {
			t.Errorf("Verdict(%d).String() = %q, want %q", v, got, want)
		}
	}
	for _, sem := range []Semantics{Boolean, Traditional} {
		got, err := ParseSemantics(sem.String())
		if err != nil || got != sem {
			t.Errorf("ParseSemantics(%q) = %v, %v", sem, got, err)
		}
	}
	if _, err := ParseSemantics("modal"); err == nil || !strings.Contains(err.Error(), `"modal"`) {
		t.Errorf("ParseSemantics(modal) error = %v, want one quoting the input", err)
	}
	if got := all("S", "P").Negation().Negation(); got != all("S", "P") {
		t.Errorf("double negation = %v", got)
	}
}
