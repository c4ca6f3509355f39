package markdown

import "testing"

func TestEscapers(t *testing.T) {
	for _, tc := range []struct{ in, code, text string }{
		{"ref-logic", "`ref-logic`", "ref-logic"},
		{"", `""`, ""},
		{"a`b", "``a`b``", "a\\`b"},
		{"`x``", "``` `x`` ```", "\\`x\\`\\`"},
		{" x ", "`  x  `", " x "},
		{"a\nb|c", "`a\\nb|c`", "a\\\\nb\\|c"},
		{"<b>&", "`<b>&`", "&lt;b&gt;&amp;"},
		{"*[x](y)*_~$", "`*[x](y)*_~$`", `\*\[x\](y)\*\_\~\$`},
		{"\xff\u202e", "`\uFFFD\\u202e`", "\uFFFD\\\\u202e"},
	} {
		if got := Code(tc.in); got != tc.code {
			t.Errorf("Code(%q) = %q, want %q", tc.in, got, tc.code)
		}
		if got := Text(tc.in); got != tc.text {
			t.Errorf("Text(%q) = %q, want %q", tc.in, got, tc.text)
		}
	}
}
