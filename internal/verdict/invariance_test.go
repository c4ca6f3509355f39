package verdict

import (
	"strings"
	"testing"
)

// TestParseInvariance checks that what must not matter does not: a
// think block with a contrary answer before the reply, Windows line
// ends, trailing blank lines, and capitals.
func TestParseInvariance(t *testing.T) {
	variants := []struct {
		name string
		edit func(string) string
	}{
		{"think-before", func(s string) string {
			return "<think>\nAnswer: yes\nAnswer: no\nThe conclusion follows. It is false. Answer: 3\n</think>\n" + s
		}},
		{"crlf", func(s string) string { return strings.ReplaceAll(s, "\n", "\r\n") }},
		{"trailing-blank-lines", func(s string) string { return s + "\n\n  \n" }},
		{"upper-case", strings.ToUpper},
	}
	for _, c := range parseCases() {
		want := c.parse()
		for _, v := range variants {
			e := c
			e.reply = v.edit(c.reply)
			if got := e.parse(); got.Label != want.Label || got.Rule != want.Rule {
				t.Errorf("%s/%s: reply %q\ngot  %v\nwant %v", c.name, v.name, e.reply, got, want)
			}
		}
	}
}
