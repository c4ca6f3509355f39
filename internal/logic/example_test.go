package logic_test

import (
	"fmt"

	"github.com/syllobench/syllobench/internal/logic"
)

func ExampleDecide() {
	premises := []logic.Statement{
		{Q: logic.All, Subject: "mammal", Predicate: "animal"},
		{Q: logic.All, Subject: "dog", Predicate: "mammal"},
	}
	someDog := logic.Statement{Q: logic.Some, Subject: "dog", Predicate: "animal"}
	for _, sem := range []logic.Semantics{logic.Boolean, logic.Traditional} {
		v, _ := logic.Decide(premises, someDog, sem)
		fmt.Println(sem, v)
	}
	// Output:
	// boolean undetermined
	// traditional entailed
}

func ExampleConsistent() {
	stmts := []logic.Statement{
		{Q: logic.All, Subject: "A", Predicate: "B"},
		{Q: logic.All, Subject: "B", Predicate: "C"},
		{Q: logic.Is, Subject: "X", Predicate: "A"},
		{Q: logic.IsNot, Subject: "X", Predicate: "C"},
	}
	ok, _ := logic.Consistent(stmts, logic.Boolean)
	fmt.Println(ok)
	// Output: false
}
