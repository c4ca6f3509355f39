package prompt

import (
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/syllobench/syllobench/internal/gen"
	"github.com/syllobench/syllobench/internal/logic"
	"github.com/syllobench/syllobench/internal/question"
)

// sample returns a few items of every family under sem.
func sample(t *testing.T, sem logic.Semantics) []gen.Item {
	t.Helper()
	var items []gen.Item
	for _, fam := range gen.Families() {
		its, err := fam.Items(4, 12, sem, gen.Canonical)
		if err != nil {
			t.Fatal(err)
		}
		items = append(items, its...)
	}
	return items
}

func TestMessages(t *testing.T) {
	for _, sem := range []logic.Semantics{logic.Boolean, logic.Traditional} {
		for _, it := range sample(t, sem) {
			for _, f := range Formats() {
				msgs, err := Messages(it, f)
				if err != nil {
					t.Fatalf("%s %s: %v", it.ID, f, err)
				}
				checkPrompt(t, it, f, msgs)
				again, _ := Messages(it, f)
				if diff := cmp.Diff(msgs, again); diff != "" {
					t.Fatalf("%s %s: two calls differ:\n%s", it.ID, f, diff)
				}
			}
		}
	}
}

func checkPrompt(t *testing.T, it gen.Item, f Format, msgs []Message) {
	t.Helper()
	if msgs[0].Role != "system" || msgs[0].Content != System {
		t.Fatalf("%s %s: first message is %+v, want the system message", it.ID, f, msgs[0])
	}
	last := msgs[len(msgs)-1]
	if last.Role != "user" {
		t.Fatalf("%s %s: last message is from %s", it.ID, f, last.Role)
	}
	// What the model needs is there.
	need := append(slices.Clone(it.PremiseText), it.ConclusionText)
	for _, o := range it.Options {
		need = append(need, o.Label+". "+o.Text)
	}
	if it.Kind == question.Open {
		need = append(need, `"Answer: <answer>"`)
	} else {
		need = append(need, `"Answer: <label>"`, strings.Join(it.Kind.Labels()[len(it.Kind.Labels())-2:], " or "))
	}
	if it.Semantics == logic.Traditional {
		need = append(need, "Assume every group mentioned has at least one member.")
	}
	for _, s := range need {
		if !strings.Contains(last.Content, s) {
			t.Errorf("%s %s: the question lacks %q:\n%s", it.ID, f, s, last.Content)
		}
	}
	// Nothing else about the item is.
	for _, m := range msgs {
		for _, leak := range []string{it.ID, it.Form + "/", string(it.Condition), "expected", it.Family + "/"} {
			if strings.Contains(m.Content, leak) {
				t.Errorf("%s %s: a %s message gives away %q:\n%s", it.ID, f, m.Role, leak, m.Content)
			}
		}
	}
	if it.Semantics == logic.Boolean && strings.Contains(last.Content, "at least one member") {
		t.Errorf("%s %s: a Boolean question assumes members", it.ID, f)
	}
	switch f {
	case Direct:
		if len(msgs) != 2 || !strings.Contains(last.Content, "Reply with that line only.") {
			t.Errorf("%s direct: %d messages, last %q", it.ID, len(msgs), last.Content)
		}
	case CoT:
		if len(msgs) != 2 || !strings.Contains(last.Content, "step by step") {
			t.Errorf("%s cot: %d messages, last %q", it.ID, len(msgs), last.Content)
		}
	case FewShot:
		if len(msgs) != 2+2*DefaultShots {
			t.Errorf("%s fewshot: %d messages, want %d", it.ID, len(msgs), 2+2*DefaultShots)
		}
	}
}

func TestExamples(t *testing.T) {
	distinct, total := 0, 0
	for _, it := range sample(t, logic.Traditional) {
		exs, err := Examples(it, DefaultShots)
		if err != nil {
			t.Fatal(err)
		}
		msgs, _ := Messages(it, FewShot)
		for i, ex := range exs {
			if ex.Form == it.Form {
				t.Errorf("%s: example %s has the same form", it.ID, ex.ID)
			}
			if ex.Condition == it.Condition {
				t.Errorf("%s: example %s has the same content condition", it.ID, ex.ID)
			}
			if ex.Semantics != it.Semantics || ex.Kind != it.Kind {
				t.Errorf("%s: example %s asks another kind of question", it.ID, ex.ID)
			}
			// The worked answer is the example's right answer.
			if got := msgs[2+2*i].Content; got != "Answer: "+ex.Expected {
				t.Errorf("%s: example %s is answered %q, its answer is %s", it.ID, ex.ID, got, ex.Expected)
			}
		}
		total++
		if exs[0].Expected != exs[1].Expected {
			distinct++
		}
	}
	// Examples show different answers where the family has them; every
	// family here has at least two labels among its forms.
	if distinct != total {
		t.Errorf("only %d of %d few-shot prompts show two different answers", distinct, total)
	}
}

func TestMessagesBadItem(t *testing.T) {
	for _, it := range []gen.Item{{}, {Kind: question.Validity, Presentation: gen.Presentation{Wording: 5}}} {
		if _, err := Messages(it, Direct); err == nil {
			t.Errorf("Messages(%+v) gave no error", it)
		}
	}
	if _, err := Messages(gen.Item{Kind: question.Validity}, "haiku"); err == nil {
		t.Error("Messages with an unknown format gave no error")
	}
}

func TestParseFormat(t *testing.T) {
	for _, f := range Formats() {
		if got, err := ParseFormat(string(f)); err != nil || got != f {
			t.Errorf("ParseFormat(%q) = %v, %v", f, got, err)
		}
	}
	if _, err := ParseFormat("zero-shot"); err == nil || !strings.Contains(err.Error(), `"zero-shot"`) {
		t.Errorf("ParseFormat(zero-shot) error = %v, want one quoting the input", err)
	}
}
