package verdict

import (
	"fmt"
	"strings"
	"testing"

	"github.com/syllobench/syllobench/internal/question"
)

// longReply returns a chain of thought of about n bytes. With an answer
// line it ends "Answer: no"; without one, every sentence is read by the
// whole-reply heuristic, the slowest path.
func longReply(n int, answerLine bool) string {
	var b strings.Builder
	b.WriteString("<think>\nLet me check the premises once more before answering.\n</think>\n\n")
	para := "Premise 1 says that all wumpuses are zorples, and premise 2 that some zorples are blickets. " +
		"It follows that some zorples are blickets, but whether those zorples are wumpuses is open. " +
		"Is every blicket a zorple? The premises do not say.\n"
	for b.Len() < n-len(para) {
		b.WriteString(para)
	}
	if answerLine {
		b.WriteString("\nAnswer: no\n")
	} else {
		b.WriteString("\nSo the conclusion does not follow.\nThanks!\n")
	}
	return b.String()
}

// BenchmarkParse parses replies of 10 KB, 100 KB and 1 MB. Equal MB/s
// across sizes shows linear time.
func BenchmarkParse(b *testing.B) {
	for _, answerLine := range []bool{true, false} {
		for _, n := range []int{10 << 10, 100 << 10, 1 << 20} {
			reply := longReply(n, answerLine)
			want := Parse(question.Validity, reply)
			if want.Label != "no" {
				b.Fatalf("%d-byte reply parses as %v, want no", n, want)
			}
			name := "answer-line"
			if !answerLine {
				name = "whole-reply"
			}
			b.Run(fmt.Sprintf("%s/size=%dKB", name, n>>10), func(b *testing.B) {
				b.SetBytes(int64(len(reply)))
				b.ReportAllocs()
				for b.Loop() {
					Parse(question.Validity, reply)
				}
			})
		}
	}
}

// BenchmarkParseShort parses a short direct reply, the common case.
func BenchmarkParseShort(b *testing.B) {
	for b.Loop() {
		Parse(question.Validity, "Answer: No")
	}
}

// BenchmarkParseChoice parses a short choice reply against lettered,
// coded options with texts.
func BenchmarkParseChoice(b *testing.B) {
	reply := "Only some of the artists are known to be chemists.\n\nAnswer: Some artists are chemists."
	for b.Loop() {
		ParseChoice(reply, ccobra)
	}
}

// BenchmarkParseAdversarial parses 100 KB and 1 MB of input built to
// defeat a careless parser: marker words that never qualify, endless
// tags, one huge line, hedges and negations without end. Equal MB/s
// across the two sizes shows linear time.
func BenchmarkParseAdversarial(b *testing.B) {
	patterns := map[string]string{
		"answer-words":   "answer answer: answer is ",
		"answer-is":      "answer is ",
		"think-tags":     "<think></think><thin</think>",
		"open-brackets":  "<<<<(((([[[[{{{{",
		"hedges":         "the answer is probably probably maybe ",
		"negations":      "not not never cannot follow ",
		"one-line-value": "Answer: the premises say nothing definite and ",
		"options":        "option 3 option 4 conclusion 5 none of ",
		"no-words":       "*_*_ --- ... !!! ",
	}
	for name, p := range patterns {
		for _, n := range []int{100 << 10, 1 << 20} {
			reply := strings.Repeat(p, n/len(p))
			if name == "one-line-value" {
				reply = "Answer: " + reply
			}
			b.Run(fmt.Sprintf("%s/size=%dKB", name, n>>10), func(b *testing.B) {
				b.SetBytes(int64(len(reply)))
				for b.Loop() {
					Parse(question.Validity, reply)
					ParseChoice(reply, ccobra)
				}
			})
		}
	}
}
