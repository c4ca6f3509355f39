package logic_test

import (
	"testing"

	"github.com/syllobench/syllobench/internal/forms"
	"github.com/syllobench/syllobench/internal/logic"
)

// BenchmarkDecideSyllogism measures one Decide of a three-term syllogism,
// cycling over all 256 moods and figures (valid and invalid, so every
// branch of Decide is taken), under each semantics. BenchmarkEntails
// decides Barbara alone.
func BenchmarkDecideSyllogism(b *testing.B) {
	var args []forms.Argument
	for _, s := range forms.Syllogisms() {
		args = append(args, s.Argument())
	}
	for _, sem := range []logic.Semantics{logic.Boolean, logic.Traditional} {
		b.Run("forms=256/sem="+sem.String(), func(b *testing.B) {
			b.ReportAllocs()
			i := 0
			for b.Loop() {
				a := &args[i]
				if _, err := logic.Decide(a.Premises, a.Conclusion, sem); err != nil {
					b.Fatal(err)
				}
				if i++; i == len(args) {
					i = 0
				}
			}
		})
	}
}
