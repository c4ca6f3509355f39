package lexicon_test

import (
	"os"
	"testing"

	"github.com/syllobench/syllobench/internal/lexicon"
	"github.com/syllobench/syllobench/internal/logic"
)

// BenchmarkTruth measures one Truth call, cycling over every quantifier and
// over pairs of categories from across the taxonomy.
func BenchmarkTruth(b *testing.B) {
	tax := lexicon.Default()
	cats := tax.Categories()
	inds := tax.Individuals()
	var stmts []logic.Statement
	for i, c := range cats {
		d := cats[(i*7919)%len(cats)]
		for q := range logic.SomeNot + 1 {
			stmts = append(stmts, logic.Statement{Q: q, Subject: c.Singular, Predicate: d.Singular})
		}
		x := inds[i%len(inds)]
		stmts = append(stmts, logic.Statement{Q: logic.Is, Subject: x.Name, Predicate: c.Singular})
	}
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		if _, err := tax.Truth(stmts[i]); err != nil {
			b.Fatal(err)
		}
		if i++; i == len(stmts) {
			i = 0
		}
	}
}

// BenchmarkParseDefault measures parsing taxonomy.txt, which Default does
// once per process.
func BenchmarkParseDefault(b *testing.B) {
	data, err := os.ReadFile("taxonomy.txt")
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := lexicon.Parse("taxonomy.txt", data); err != nil {
			b.Fatal(err)
		}
	}
}
