package english

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"github.com/syllobench/syllobench/internal/logic"
)

// TestRenderRoundTripIsRenderThenParse checks that RenderRoundTrip, which
// skips Parse's second check of terms Render has checked, returns exactly
// what Render followed by Parse returns: for valid statements of every
// phrasing, and for statements built from awkward words (reserved words,
// case-folding runes, irregular plurals, bad spacing) that Render or
// Parse rejects.
func TestRenderRoundTripIsRenderThenParse(t *testing.T) {
	r := rand.New(rand.NewPCG(8, 8))
	awkward := []string{"dog", "Dog", "DOGS", "is", "IS", "iſ", "a", "A", "an", "not", "are", "aRe", "bus", "buses",
		"\u212Anife", "knife", "knives", "mouse", "mice", "ies", "sheep", "x-ray", "o'clock", "3D", "", " ", "Rex", "nobody",
		"fiche", "plus", "movie", "leave", "glass", "box", "baby", "Python", "ſome", "K",
		"fly", "flies", "can", "cannot", "do", "does", "not", "run", "runs", "Socrates", "eat", "ſwim"}
	word := func() string {
		if r.IntN(3) == 0 {
			return genTerm(r)
		}
		return awkward[r.IntN(len(awkward))]
	}
	term := func() string {
		ws := []string{word()}
		for r.IntN(3) == 0 {
			ws = append(ws, word())
		}
		return strings.Join(ws, []string{" ", " ", "  "}[r.IntN(3)])
	}
	valid, rejected := 0, 0
	for i := range 12_000 {
		s := genAnyStatement(r)
		if i%2 == 1 {
			s.Subject, s.Predicate = term(), term()
			if s.Q.Singular() && r.IntN(2) == 0 {
				s.Subject = word()
			}
			if r.IntN(3) == 0 {
				s.Predicate = Property(pick(r, []string{"", "can ", "run ", "can run "}) + term())
			}
		}
		for _, p := range slices.Concat(Phrasings(s.Q), OptionalPhrasings(s.Q)) {
			wantText, wantErr := Render(s, p)
			var wantBack logic.Statement
			if wantErr == nil {
				wantBack, wantErr = Parse(wantText)
			}
			text, back, err := RenderRoundTrip(s, p)
			if fmt.Sprint(err) != fmt.Sprint(wantErr) || back != wantBack || (wantErr == nil && text != wantText) {
				t.Fatalf("RenderRoundTrip(%q, %v) = %q, %v, %v; Render then Parse give %q, %v, %v",
					s, p, text, back, err, wantText, wantBack, wantErr)
			}
			if err == nil {
				valid++
			} else {
				rejected++
			}
		}
	}
	t.Logf("%d valid and %d rejected sentences", valid, rejected)
	if valid < 1000 || rejected < 1000 {
		t.Errorf("%d valid and %d rejected sentences: want many of each", valid, rejected)
	}
}

// BenchmarkRoundTrip renders a statement and parses it back, as package
// gen does for every sentence it writes: Render then Parse, and
// RenderRoundTrip, which checks the terms once.
func BenchmarkRoundTrip(b *testing.B) {
	stmts, phrasings, _ := benchCases(b)
	b.Run("way=render+parse", func(b *testing.B) {
		b.ReportAllocs()
		i := 0
		for b.Loop() {
			text, err := Render(stmts[i], phrasings[i])
			if err != nil {
				b.Fatal(err)
			}
			if _, err := Parse(text); err != nil {
				b.Fatal(err)
			}
			if i++; i == len(stmts) {
				i = 0
			}
		}
	})
	b.Run("way=RenderRoundTrip", func(b *testing.B) {
		b.ReportAllocs()
		i := 0
		for b.Loop() {
			if _, _, err := RenderRoundTrip(stmts[i], phrasings[i]); err != nil {
				b.Fatal(err)
			}
			if i++; i == len(stmts) {
				i = 0
			}
		}
	})
}
