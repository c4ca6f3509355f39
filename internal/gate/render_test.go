package gate

import (
	"bytes"
	"encoding/json"
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/syllobench/syllobench/internal/human"
	"github.com/syllobench/syllobench/internal/scorecard"
	"github.com/syllobench/syllobench/internal/stats"
)

// strs are the strings of a comparison that come from its scorecards.
type strs struct {
	base, cand         string // model names
	probe              string
	id                 string // a prefix of the item ids
	premise1, premise2 string
	conclusion         string
	expected           string
	baseVerdict        string
	verdict            string
	format             string // the baseline's prompt format, to draw a warning that quotes it
	reply              string
}

var benign = strs{
	base: "old", cand: "new", probe: "validity", id: "validity/AAA-1/symbolic/",
	premise1: "All B are C.", premise2: "All A are B.", conclusion: "All A are C.",
	expected: "yes", baseVerdict: "yes", verdict: "no", format: "few-shot", reply: "Answer: yes",
}

// hostile holds what a model, or whoever edited a scorecard, could put
// there to break out of its place in a step summary or a terminal: line
// breaks that start headings, table rows, list items or the gate's own
// verdict line, HTML that closes the <details> block or runs a script,
// backticks that close a code span, pipes that split a cell, CDATA and
// SVG ends, quotes, controls and a right-to-left override.
var hostile = strs{
	base:     "old\n# PASSED\n| forged | row | x | y | z | w | v |\n</details><script>alert(1)</script>",
	cand:     "new` `` ```\nok: no probe is significantly worse and no pinned item regressed\n**syllobench gate ✅ passes**",
	probe:    "val|idity\n## probe\n\n| --- |",
	id:       "id`</details>\n# ",
	premise1: "All B are C.\n\n</details>\n\n# Heading\n<script>alert(1)</script>",
	premise2: "``` ]]> </svg> \"double\" 'single' & &amp; [link](javascript:alert(1)) ![img](http://example.com/t.png) *bold* _it_ ~s~ $x$ \\ \r\n- item \u202eRTL \x00",
	conclusion: "</details><details open><summary>PASS</summary>\n\n" +
		"```\n</details>",
	expected:    "yes|<script>",
	baseVerdict: "yes**\n- forged",
	verdict:     "no`</details>|\n# v",
	format:      "direct\nFAIL: forged\n</details>",
	reply:       "Answer: no</details><script>alert(1)</script>\n# reply",
}

// hostileComparison compares two scorecards made of s: a probe on which
// the candidate is much worse, a pinned content-bias item that
// regressed, an improvement, and runs that differ in format, so that
// every part of the output (table, notes, MFA line, warnings, each flip
// list) holds the strings.
func hostileComparison(t *testing.T, s strs) *Comparison {
	t.Helper()
	mk := func(model string, right func(probe string, i int) bool, verdict string, format string) *scorecard.Scorecard {
		sc := &scorecard.Scorecard{Format: scorecard.Version, Suite: "0.1.0", Model: model}
		sc.Config.Format = format
		for _, p := range []string{s.probe, "content-bias"} {
			for i := range 30 {
				it := scorecard.Item{ID: fmt.Sprintf("%s%d", s.id, i), Probe: p, Expected: s.expected, Outcome: "correct",
					Verdict: s.baseVerdict, Premises: []string{s.premise1, s.premise2}, Conclusion: s.conclusion, Reply: s.reply}
				if !right(p, i) {
					it.Outcome, it.Verdict = "wrong", verdict
				}
				sc.Items = append(sc.Items, it)
			}
		}
		return sc
	}
	base := mk(s.base, func(p string, i int) bool { return i != 29 }, s.verdict, s.format)
	cand := mk(s.cand, func(p string, i int) bool {
		return p == s.probe && (i >= 20) || p == "content-bias" && i != 3
	}, s.verdict, "direct")
	c, err := Compare(base, cand, stats.DefaultThresholds, nil)
	if err != nil {
		t.Fatal(err)
	}
	c.MFA = &MFAMatch{Base: &human.Rate{K: 3, N: 4}, Cand: &human.Rate{K: 1, N: 4}}
	return c
}

func write(t *testing.T, c *Comparison, f Format) string {
	t.Helper()
	var b bytes.Buffer
	if err := c.Write(&b, f, 0); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

// mdKind says what a line of the gate's Markdown is, by how it starts;
// "?" is a line the gate never writes.
func mdKind(line string) string {
	switch {
	case line == "":
		return "blank"
	case strings.HasPrefix(line, "**syllobench gate "):
		return "verdict"
	case strings.HasPrefix(line, "| "):
		return "row"
	case regexp.MustCompile(`^\(\d+\) `).MatchString(line):
		return "footnote"
	case strings.HasPrefix(line, "MFA match with people"):
		return "mfa"
	case strings.HasPrefix(line, "_Note: "):
		return "note"
	case strings.HasPrefix(line, "<details><summary>") && strings.HasSuffix(line, "</summary>"):
		return "details"
	case line == "</details>":
		return "/details"
	case strings.HasPrefix(line, "- "):
		return "item"
	}
	return "?"
}

// codeSpans returns the contents of the code spans of a Markdown line,
// as CommonMark reads them, the line without them, and whether every
// backtick outside them is escaped (an unescaped one that opens no span
// could pair up with a backtick of another string).
func codeSpans(line string) (spans []string, rest string, ok bool) {
	ok = true
	var out strings.Builder
	from := 0
	for i := 0; i < len(line); {
		switch line[i] {
		case '\\':
			i += 2
			continue
		case '`':
		default:
			i++
			continue
		}
		n := 0
		for i+n < len(line) && line[i+n] == '`' {
			n++
		}
		end := -1
		for j := i + n; j < len(line); {
			if line[j] != '`' {
				j++
				continue
			}
			m := 0
			for j+m < len(line) && line[j+m] == '`' {
				m++
			}
			if m == n {
				end = j
				break
			}
			j += m
		}
		if end < 0 {
			return spans, out.String() + line[from:], false
		}
		s := line[i+n : end]
		if len(s) >= 2 && s[0] == ' ' && s[len(s)-1] == ' ' && strings.Trim(s, " ") != "" {
			s = s[1 : len(s)-1]
		}
		spans = append(spans, s)
		out.WriteString(line[from:i])
		i = end + n
		from = i
	}
	return spans, out.String() + line[from:], ok
}

// shown is s as a code span or the text format shows it: its line breaks
// escaped.
func shown(s string) string {
	return strings.NewReplacer("\n", `\n`, "\r", `\r`, "\t", `\t`).Replace(s)
}

// TestMarkdownEscapes: whatever the scorecards hold, the Markdown for a
// step summary or a pull request has the lines of a benign comparison,
// one for one: no string starts a heading, a table row, a list item or
// the verdict, closes a <details> block, opens HTML, splits a cell or
// leaves a code span.
func TestMarkdownEscapes(t *testing.T) {
	want := strings.Split(write(t, hostileComparison(t, benign), Markdown), "\n")
	got := write(t, hostileComparison(t, hostile), Markdown)
	lines := strings.Split(got, "\n")
	if len(lines) != len(want) {
		t.Errorf("%d lines, want %d as with benign strings:\n%s", len(lines), len(want), got)
	}
	for i := range min(len(lines), len(want)) {
		if k, wk := mdKind(lines[i]), mdKind(want[i]); k != wk {
			t.Errorf("line %d is a %s, want a %s: %q", i+1, k, wk, lines[i])
		}
	}
	kinds := map[string]int{}
	for i, l := range lines {
		k := mdKind(l)
		kinds[k]++
		spans, rest, ok := codeSpans(l)
		if !ok {
			t.Errorf("line %d has an unescaped backtick outside a code span: %q", i+1, l)
		}
		// What HTML is left outside the code spans once the gate's own
		// tags are taken out.
		switch k {
		case "details":
			rest = strings.TrimSuffix(strings.TrimPrefix(rest, "<details><summary>"), "</summary>")
		case "/details":
			rest = ""
		case "item":
			rest = strings.Replace(rest, "<br>", "", 1)
		}
		if strings.ContainsAny(rest, "<>") {
			t.Errorf("line %d has raw HTML from a scorecard: %q", i+1, l)
		}
		if k == "row" {
			if cells := len(regexp.MustCompile(`(^|[^\\])\|`).FindAllString(l, -1)); cells != 8 {
				t.Errorf("line %d, a table row, has %d cell borders, want 8: %q", i+1, cells, l)
			}
		}
		switch k {
		case "verdict":
			if len(spans) != 2 || spans[0] != shown(hostile.cand) || spans[1] != shown(hostile.base) {
				t.Errorf("the verdict line's code spans are %q, want the two model names whole", spans)
			}
			if !strings.HasPrefix(l, "**syllobench gate ❌ fails**: ") {
				t.Errorf("the verdict line is %q", l)
			}
		case "item":
			if len(spans) != 1 || !strings.HasPrefix(spans[0], shown(hostile.id)) {
				t.Errorf("line %d, a flip, has the code spans %q, want its id only", i+1, spans)
			}
		default:
			if len(spans) > 0 {
				t.Errorf("line %d has code spans %q", i+1, spans)
			}
		}
	}
	if kinds["verdict"] != 1 || kinds["details"] != 3 || kinds["/details"] != 3 || kinds["?"] > 0 {
		t.Errorf("lines of each kind: %v; want one verdict, three <details> blocks, and nothing else", kinds)
	}
	for _, s := range []string{"&lt;script&gt;alert(1)&lt;/script&gt;", "&lt;/details&gt;", `val\|idity\\n## probe\\n\\n\| --- \|`, `\]\]&gt; &lt;/svg&gt;`, `&amp;amp;`, `\[link\](javascript:alert(1))`, `\u202eRTL`, `\x00`} {
		if !strings.Contains(got, s) {
			t.Errorf("the Markdown does not show %q", s)
		}
	}
}

// TestTextEscapes: in the text format, a string with a line break or a
// control character is quoted, so that it cannot forge the gate's
// verdict line or add one.
func TestTextEscapes(t *testing.T) {
	want := strings.Split(write(t, hostileComparison(t, benign), Text), "\n")
	got := write(t, hostileComparison(t, hostile), Text)
	lines := strings.Split(got, "\n")
	if len(lines) != len(want) {
		t.Errorf("%d lines, want %d as with benign strings:\n%s", len(lines), len(want), got)
	}
	verdicts := 0
	for i, l := range lines {
		if strings.HasPrefix(l, "FAIL:") || strings.HasPrefix(l, "ok:") {
			verdicts++
		}
		if i < len(want) && strings.HasPrefix(l, " ") != strings.HasPrefix(want[i], " ") {
			t.Errorf("line %d is indented unlike the benign output's: %q", i+1, l)
		}
		if strings.ContainsAny(l, "\r\x00\u202e") {
			t.Errorf("line %d has a raw control character: %q", i+1, l)
		}
	}
	if verdicts != 1 {
		t.Errorf("%d verdict lines, want 1:\n%s", verdicts, got)
	}
	for _, s := range []string{hostile.base, hostile.cand, hostile.probe, hostile.premise1 + " " + hostile.premise2 + " ⇒ " + hostile.conclusion, hostile.verdict} {
		if !strings.Contains(got, strconv.Quote(s)) {
			t.Errorf("the text does not show %q quoted", s)
		}
	}
	if !strings.Contains(got, "FAIL: significantly worse on "+strconv.Quote(hostile.probe)+"; 1 pinned items regressed\n") {
		t.Errorf("the verdict line does not name the probe quoted:\n%s", got)
	}
}

// TestJSONKeepsStrings: the JSON holds the strings exactly, escaped by
// encoding/json, in one value.
func TestJSONKeepsStrings(t *testing.T) {
	got := write(t, hostileComparison(t, hostile), JSON)
	dec := json.NewDecoder(strings.NewReader(got))
	var j struct {
		Base      string `json:"baseline"`
		Cand      string `json:"candidate"`
		Probes    []struct{ Probe string }
		Regressed []Flip `json:"right_to_wrong"`
		Warnings  []string
	}
	if err := dec.Decode(&j); err != nil {
		t.Fatal(err)
	}
	if dec.More() {
		t.Error("more than one JSON value")
	}
	if j.Base != hostile.base || j.Cand != hostile.cand || len(j.Probes) != 1 || j.Probes[0].Probe != hostile.probe {
		t.Errorf("baseline %q, candidate %q, probes %q; want the scorecards' strings", j.Base, j.Cand, j.Probes)
	}
	if len(j.Regressed) == 0 || j.Regressed[0].Premises[1] != hostile.premise2 || j.Regressed[0].Conclusion != hostile.conclusion || j.Regressed[0].Verdict != hostile.verdict {
		t.Errorf("first regression %+v, want the scorecards' strings", j.Regressed)
	}
	if strings.Count(got, "\n") != strings.Count(write(t, hostileComparison(t, benign), JSON), "\n") {
		t.Error("the strings changed the number of lines of the JSON")
	}
}
