package report

import (
	"bytes"
	"strconv"
	"strings"
	"testing"

	"github.com/syllobench/syllobench/internal/scorecard"
)

// Strings that a model, or whoever edited a scorecard, could put in one
// to break out of their place in the page: HTML and SVG that runs a
// script or closes an element, the end of a CDATA section, quotes that
// close an attribute, an entity, and line breaks.
const (
	hostileName    = "<script>alert(1)</script>]]></svg></title>\"' onload=\"alert(2)\n# heading &amp; &"
	hostilePremise = "All A are B.</td></tr></table><script>alert(3)</script>\n]]><![CDATA[x]]></svg><title>t</title>\"'"
	hostileReply   = "Answer: yes</span><script>alert(4)</script>]]></svg>"
	hostileProbe   = "probe<script>alert(5)</script>]]>\n\"'"
)

// hostileCards are the small scorecards with the hostile strings in
// every place that comes from a model or a file: names, probe names,
// run settings, premises, conclusions, replies, verdicts and
// presentations.
func hostileCards(t *testing.T) []*scorecard.Scorecard {
	return withStrings(t, hostileName, hostilePremise, hostileReply, hostileProbe)
}

// withStrings are the small scorecards with name, premise, reply and
// probe added where hostileCards adds the hostile strings.
func withStrings(t *testing.T, hostileName, hostilePremise, hostileReply, hostileProbe string) []*scorecard.Scorecard {
	cards := smallCards(t)
	for i, c := range cards {
		c.Model = hostileName + strconv.Itoa(i)
		c.Config.Target, c.Config.Size, c.Config.Format, c.Config.Semantics = hostileName, hostileName, hostileName, hostileName
		c.Probes = append(c.Probes, scorecard.Probe{Name: hostileProbe, N: 2, Correct: 1, Wrong: 1, Accuracy: 0.5, Interval: [2]float64{0.1, 0.9},
			Failed: []string{"", hostileProbe}})
		for j := range c.Items {
			it := &c.Items[j]
			it.Premises = append(it.Premises, hostilePremise)
			it.Conclusion += hostilePremise
			it.Reply = hostileReply
			if it.Verdict != "" {
				it.Verdict += hostileReply
			}
			if it.Probe == "invariance" {
				it.Presentation += hostilePremise
			}
		}
	}
	return cards
}

// TestHTMLEscapesHostileStrings: with hostile strings everywhere, the page
// still parses as strict XML with the same elements, runs and loads
// nothing, and holds the strings only escaped: whole in its text, never
// raw in its markup.
func TestHTMLEscapesHostileStrings(t *testing.T) {
	benign := parseXML(t, render(t, withStrings(t, "plain-model", "All C are D.", "Answer: yes", "extra-probe")))
	page := render(t, hostileCards(t))
	d := parseXML(t, page)
	selfContained(t, page, d)
	for el, n := range benign.elems {
		if d.elems[el] != n {
			t.Errorf("%d <%s> elements, want %d as with plain strings", d.elems[el], el, n)
		}
	}
	for el, n := range d.elems {
		if _, ok := benign.elems[el]; !ok {
			t.Errorf("%d <%s> elements, which the page of plain strings has none of", n, el)
		}
	}
	for id := range benign.ids {
		if _, ok := d.ids[id]; !ok {
			t.Errorf("no element with id %q", id)
		}
	}
	for _, s := range []string{hostileName + "0", hostileName + "1", hostilePremise, hostileProbe, "belief bias, " + hostileName + "0"} {
		if !strings.Contains(d.text, s) && !containsAttr(d, s) {
			t.Errorf("the page does not hold %q whole", s)
		}
	}
	for _, raw := range []string{"<script", "alert(1)</", "]]>", "<![CDATA[", "onload=\"", "</title>\"", "<title>t</title>"} {
		if bytes.Contains(page, []byte(raw)) {
			t.Errorf("the page holds %q raw", raw)
		}
	}
	if got, want := bytes.Count(page, []byte("</svg>")), d.elems["svg"]; got != want {
		t.Errorf("%d </svg> in the page for %d <svg> elements: a string closed one", got, want)
	}
}

// containsAttr reports whether an attribute value of d holds s.
func containsAttr(d doc, s string) bool {
	for _, a := range d.attrs {
		if strings.Contains(a, s) {
			return true
		}
	}
	return false
}

// TestTextEscapesHostileStrings: in the text table, a model or probe name
// with a line break or a tab is quoted, so that it adds no line and
// shifts no column.
func TestTextEscapesHostileStrings(t *testing.T) {
	var benign, hostile bytes.Buffer
	if err := Text(&benign, withStrings(t, "plain-model", "All C are D.", "Answer: yes", "extra-probe")); err != nil {
		t.Fatal(err)
	}
	cards := hostileCards(t)
	cards[1].Model = "tab\there"
	if err := Text(&hostile, cards); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSuffix(hostile.String(), "\n"), "\n")
	if want := strings.Count(benign.String(), "\n"); len(lines) != want {
		t.Errorf("%d lines, want %d as with plain strings:\n%s", len(lines), want, hostile.String())
	}
	for _, s := range []string{hostileName + "0", "tab\there", hostileProbe} {
		if !strings.Contains(hostile.String(), strconv.Quote(s)) {
			t.Errorf("the table does not show %q quoted:\n%s", s, hostile.String())
		}
	}
	if strings.Contains(hostile.String(), "\t") {
		t.Errorf("the table holds a raw tab:\n%s", hostile.String())
	}
}
