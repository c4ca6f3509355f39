package english

import (
	"math/rand/v2"
	"testing"

	"github.com/syllobench/syllobench/internal/logic"
)

// benchCases are rendered sentences of random statements in every phrasing.
func benchCases(b *testing.B) ([]logic.Statement, []Phrasing, []string) {
	r := rand.New(rand.NewPCG(3, 4))
	var (
		stmts     []logic.Statement
		phrasings []Phrasing
		sentences []string
	)
	for len(stmts) < 1024 {
		s := genStatement(r)
		for _, p := range Phrasings(s.Q) {
			out, err := Render(s, p)
			if err != nil {
				b.Fatal(err)
			}
			stmts, phrasings, sentences = append(stmts, s), append(phrasings, p), append(sentences, out)
		}
	}
	return stmts, phrasings, sentences
}

func BenchmarkParse(b *testing.B) {
	_, _, sentences := benchCases(b)
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		if _, err := Parse(sentences[i%len(sentences)]); err != nil {
			b.Fatal(err)
		}
		i++
	}
}

func BenchmarkRender(b *testing.B) {
	stmts, phrasings, _ := benchCases(b)
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		if _, err := Render(stmts[i%len(stmts)], phrasings[i%len(stmts)]); err != nil {
			b.Fatal(err)
		}
		i++
	}
}
