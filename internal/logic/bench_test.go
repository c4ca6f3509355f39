package logic

import (
	"fmt"
	"testing"
)

func BenchmarkEntails(b *testing.B) {
	premises := []Statement{all("mammal", "animal"), all("dog", "mammal")}
	c := all("dog", "animal")
	for _, sem := range []Semantics{Boolean, Traditional} {
		b.Run("sem="+sem.String(), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if ok, err := Entails(premises, c, sem); !ok || err != nil {
					b.Fatal("Barbara not entailed", err)
				}
			}
		})
	}
}

// chain returns a sorites t0 → t1 → … → tn with distractor branches off
// its links to fresh terms.
func chain(n, distractors int) []Statement {
	var ps []Statement
	for i := range n {
		ps = append(ps, all(fmt.Sprint("t", i), fmt.Sprint("t", i+1)))
	}
	for i := range distractors {
		ps = append(ps, no(fmt.Sprint("t", 3*i), fmt.Sprint("d", i)))
	}
	return ps
}

func BenchmarkChain(b *testing.B) {
	premises := chain(20, 6)
	c := all("t0", "t20")
	for _, sem := range []Semantics{Boolean, Traditional} {
		b.Run("links=20/distractors=6/sem="+sem.String(), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if v, err := Decide(premises, c, sem); v != Entailed || err != nil {
					b.Fatal(v, err)
				}
			}
		})
	}
}
