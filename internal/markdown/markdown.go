// Package markdown escapes text that came from a scorecard (model
// names, items, replies: anything a model or a hand-edited file put
// there) for GitHub-flavoured Markdown, so that it adds no line, heading,
// table cell or HTML to the page it is written into.
package markdown

import (
	"strconv"
	"strings"
	"unicode/utf8"
)

// visible replaces each character of s that is not printable (line
// breaks, tabs, controls, bidirectional formatting) by its Go escape,
// \n, \t, \u202e…, and invalid UTF-8 by U+FFFD: what is left holds no
// line break.
func visible(s string) string {
	if utf8.ValidString(s) && strings.IndexFunc(s, func(r rune) bool { return !strconv.IsPrint(r) }) < 0 {
		return s
	}
	var b strings.Builder
	for _, r := range strings.ToValidUTF8(s, "\uFFFD") {
		if strconv.IsPrint(r) {
			b.WriteRune(r)
			continue
		}
		q := strconv.QuoteRune(r) // 'x' with x escaped
		b.WriteString(q[1 : len(q)-1])
	}
	return b.String()
}

// Text escapes s for Markdown text, in a paragraph, a list item or a
// table cell: line breaks and other unprintable characters are shown
// escaped (see visible), so that s stays on its line and in its cell;
// &, < and > become HTML entities, so that s opens or closes no HTML
// element (a <details> block, a <script>); and the characters with a
// meaning in Markdown inline syntax or tables (\ ` * _ [ ] | ~ $) are
// backslash-escaped, so that s makes no code span, emphasis, link, image,
// math or cell boundary. (As s holds no line break, it starts no line,
// and the characters that mean something only there, # - + = > and
// digits, cannot start a heading, a list or a quote.)
func Text(s string) string {
	s = visible(s)
	var b strings.Builder
	for _, r := range s {
		switch r {
		case '&':
			b.WriteString("&amp;")
		case '<':
			b.WriteString("&lt;")
		case '>':
			b.WriteString("&gt;")
		case '\\', '`', '*', '_', '[', ']', '|', '~', '$':
			b.WriteByte('\\')
			b.WriteRune(r)
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// Code writes s as a Markdown code span, which shows it literally: its
// line breaks and unprintable characters shown escaped, and the span
// delimited by one backtick more than the longest run of backticks in
// s, padded with a space where s starts or ends with a backtick (or a
// space), so that nothing in s can close the span early. It is not for
// a table cell, where | would still split the cell.
func Code(s string) string {
	s = visible(s)
	if s == "" {
		return `""`
	}
	longest, run := 0, 0
	for _, r := range s {
		if r == '`' {
			run++
			longest = max(longest, run)
		} else {
			run = 0
		}
	}
	fence := strings.Repeat("`", longest+1)
	if strings.HasPrefix(s, "`") || strings.HasSuffix(s, "`") || strings.HasPrefix(s, " ") || strings.HasSuffix(s, " ") {
		s = " " + s + " "
	}
	return fence + s + fence
}
