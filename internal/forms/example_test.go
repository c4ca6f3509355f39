package forms_test

import (
	"fmt"

	"github.com/syllobench/syllobench/internal/forms"
	"github.com/syllobench/syllobench/internal/logic"
)

func ExampleParseSyllogism() {
	s, _ := forms.ParseSyllogism("AAI-1")
	a := s.Argument()
	fmt.Println(s.Name(), a.Premises, a.Conclusion)
	fmt.Println("boolean:", a.Verdict(logic.Boolean), "traditional:", a.Verdict(logic.Traditional))
	fmt.Println("fallacies:", s.Fallacies())
	// Output:
	// Barbari [All(M, P) All(S, M)] Some(S, P)
	// boolean: undetermined traditional: entailed
	// fallacies: [existential-fallacy]
}

func ExamplePair_Valid() {
	p, _ := forms.ParsePair("AA4")
	fmt.Println(p.Premises())
	fmt.Println(p.Valid(logic.Boolean), p.Valid(logic.Traditional))
	// Output:
	// [All(B, A) All(B, C)]
	// [NVC] [Iac Ica]
}
