package question

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"testing"
)

func TestKinds(t *testing.T) {
	for _, k := range Kinds() {
		labels := k.Labels()
		if lead := map[Kind]string{Open: OpenAnswerLead, Selection: SelectionAnswerLead}[k]; lead != "" {
			// Answered with a phrase or a set of numbers, not a label.
			if !k.Known() || labels != nil || !strings.Contains(AnswerLine(k), lead) || strings.Contains(AnswerLine(k), AnswerLead) {
				t.Errorf("%s: known %v, labels %v, answer line %q", k, k.Known(), labels, AnswerLine(k))
			}
			if got, err := ParseKind(string(k)); err != nil || got != k {
				t.Errorf("ParseKind(%q) = %q, %v", k, got, err)
			}
			continue
		}
		if !k.Known() || len(labels) < 2 {
			t.Errorf("%s: labels %v", k, labels)
		}
		line := AnswerLine(k)
		_, list, ok := strings.Cut(line, AnswerLead)
		if !ok || !slices.Equal(ListedLabels(list), labels) {
			t.Errorf("%s: the answer line %q does not read back to %v", k, line, labels)
		}
		if got, err := ParseKind(string(k)); err != nil || got != k {
			t.Errorf("ParseKind(%q) = %q, %v", k, got, err)
		}
	}
	if k, err := ParseKind("yesno"); err != nil || !k.YesNo() {
		t.Errorf(`ParseKind("yesno") = %q, %v; want a yes/no kind`, k, err)
	}
	if _, err := ParseKind("multiple"); !errors.Is(err, ErrUnknownKind) {
		t.Errorf("an unknown kind: %v", err)
	}
	if Kind("multiple").Known() || Kind("multiple").Labels() != nil || AnswerLine("multiple") != "" {
		t.Error("an unknown kind has labels")
	}
	if Consistency.Header() != StatementsHeader || Validity.Header() != PremisesHeader || Validity.Lead() != ConclusionLead ||
		Truth.Lead() != StatementLead || Choice.Lead() != "" {
		t.Error("headers and leads")
	}
	// Labels returns a copy: a caller cannot change the vocabulary.
	Choice.Labels()[0] = "x"
	if Choice.Labels()[0] != "1" {
		t.Error("Labels shares its slice")
	}
}

func ExampleAnswerLine() {
	fmt.Println(AnswerLine(Truth))
	fmt.Println(Consistency.Header(), Consistency.Labels())
	// Output:
	// End your reply with a final line of the form "Answer: <label>", where <label> is true, false or unknown.
	// Statements: [yes no]
}
