package prompt

import (
	"strings"
	"testing"

	"github.com/syllobench/syllobench/internal/logic"
	"github.com/syllobench/syllobench/internal/question"
)

func TestCompletionFor(t *testing.T) {
	for _, it := range sample(t, logic.Traditional) {
		for _, f := range Formats() {
			c, err := CompletionFor(it, f)
			if err != nil {
				t.Fatalf("%s %s: %v", it.ID, f, err)
			}
			if !strings.HasPrefix(c.Text, System+"\n\n"+QuestionLead+"\n") || strings.Count(c.Text, "\n"+CompletionAnswerLead) < 1 {
				t.Fatalf("%s %s: the prompt does not start with the instructions and a question:\n%s", it.ID, f, c.Text)
			}
			for _, p := range it.PremiseText {
				if !strings.Contains(c.Text, p) {
					t.Errorf("%s %s: the prompt lacks %q", it.ID, f, p)
				}
			}
			blocks := strings.Count(c.Text, "\n"+QuestionLead+"\n")
			switch f {
			case Direct:
				// A base model copies a template: the instruction it
				// finishes says the labels in plain words.
				if strings.Contains(c.Text, "<") || !strings.HasSuffix(c.Text, question.CompletionAnswerLine(it.Kind)+"\n"+CompletionAnswerLead) {
					t.Errorf("%s direct: the question does not end with its plain instruction:\n%s", it.ID, c.Text[max(0, len(c.Text)-200):])
				}
				if blocks != 1 || !c.AnswerLed || !strings.HasSuffix(c.Text, "\n"+CompletionAnswerLead) || len(c.Stop) != 2 || c.MaxTokens == 0 {
					t.Errorf("%s direct: %d blocks, answer-led %v, stop %q", it.ID, blocks, c.AnswerLed, c.Stop)
				}
			case FewShot:
				if blocks != 1+DefaultShots || !c.AnswerLed {
					t.Errorf("%s fewshot: %d blocks, want %d", it.ID, blocks, 1+DefaultShots)
				}
			case CoT:
				if c.AnswerLed || !strings.HasSuffix(c.Text, CompletionAnswerLead+" "+StepByStep) || len(c.Stop) != 1 {
					t.Errorf("%s cot: answer-led %v, stop %q, end %q", it.ID, c.AnswerLed, c.Stop, c.Text[len(c.Text)-40:])
				}
			}
			if again, _ := CompletionFor(it, f); again.Text != c.Text {
				t.Fatalf("%s %s: two calls differ", it.ID, f)
			}
		}
	}
	c := Completion{AnswerLed: true}
	if ReplyToRead(c, " yes") != "Answer: yes" || ReplyToRead(c, "\n yes\nmore") != "Answer: yes\nmore" || ReplyToRead(Completion{}, "Because… Answer: no") != "Because… Answer: no" {
		t.Error("ReplyToRead")
	}
}
