package report

import (
	"bytes"
	"encoding/xml"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/syllobench/syllobench/internal/ccobra"
	"github.com/syllobench/syllobench/internal/scorecard"
)

// Run with UPDATE_GOLDEN=1 to rewrite the golden files from the
// current output.
var update = os.Getenv("UPDATE_GOLDEN") == "1"

func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run with UPDATE_GOLDEN=1 to create it)", err)
	}
	if diff := cmp.Diff(string(want), string(got)); diff != "" {
		t.Errorf("output differs from %s (-want +got):\n%s", path, diff)
	}
}

func readCards(t testing.TB, paths ...string) []*scorecard.Scorecard {
	t.Helper()
	var cards []*scorecard.Scorecard
	for _, p := range paths {
		c, err := scorecard.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		cards = append(cards, c)
	}
	return cards
}

// The hand-made scorecards: model-a has a little of every probe, model-b
// (whose name needs escaping) ran three probes and declined the chains.
func smallCards(t testing.TB) []*scorecard.Scorecard {
	return readCards(t, "testdata/model-a.json", "testdata/model-b.json")
}

// The committed scorecards of two reference reasoners.
var committed = []string{"../../fixtures/ref-atmosphere/scorecard.json", "../../fixtures/ref-belief/scorecard.json"}

// doc is a page parsed as XML: its elements by id, and its text.
type doc struct {
	ids   map[string]string // id → element name
	text  string            // all character data
	elems map[string]int    // element name → count
	attrs []string          // every attribute as name=value
}

// parseXML parses the page with encoding/xml in strict mode (no HTML
// entities, no unclosed tags), failing the test on the first error.
func parseXML(t *testing.T, page []byte) doc {
	t.Helper()
	d := doc{ids: map[string]string{}, elems: map[string]int{}}
	dec := xml.NewDecoder(bytes.NewReader(page))
	dec.Strict = true
	var text strings.Builder
	depth, roots := 0, 0
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			line, col := dec.InputPos()
			t.Fatalf("the page is not well-formed XML at line %d, column %d: %v", line, col, err)
		}
		switch tok := tok.(type) {
		case xml.StartElement:
			if depth == 0 {
				roots++
				if tok.Name.Local != "html" || tok.Name.Space != "http://www.w3.org/1999/xhtml" {
					t.Errorf("root element %v, want html in the XHTML namespace", tok.Name)
				}
			}
			depth++
			d.elems[tok.Name.Local]++
			for _, a := range tok.Attr {
				if a.Name.Local == "id" {
					if prev, dup := d.ids[a.Value]; dup {
						t.Errorf("id %q used twice (%s and %s)", a.Value, prev, tok.Name.Local)
					}
					d.ids[a.Value] = tok.Name.Local
				}
				d.attrs = append(d.attrs, a.Name.Local+"="+a.Value)
			}
		case xml.EndElement:
			depth--
		case xml.CharData:
			text.Write(tok)
		}
	}
	if roots != 1 {
		t.Errorf("%d root elements, want 1", roots)
	}
	d.text = text.String()
	return d
}

func render(t *testing.T, cards []*scorecard.Scorecard) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := HTML(&buf, cards); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// selfContained checks that the page loads nothing and runs nothing.
func selfContained(t *testing.T, page []byte, d doc) {
	t.Helper()
	if !bytes.HasPrefix(page, []byte("<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\"")) {
		t.Errorf("the page does not start with the doctype and the XHTML root: %.80q", page)
	}
	for _, el := range []string{"script", "link", "img", "iframe", "object", "embed", "image", "use", "foreignObject"} {
		if d.elems[el] > 0 {
			t.Errorf("the page has %d <%s> elements; it must be self-contained and need no script", d.elems[el], el)
		}
	}
	for _, a := range d.attrs {
		name, value, _ := strings.Cut(a, "=")
		switch {
		case strings.HasPrefix(name, "on"), name == "src",
			name == "href" && !strings.HasPrefix(value, "#"),
			name == "xmlns" && value != "http://www.w3.org/1999/xhtml" && value != "http://www.w3.org/2000/svg":
			t.Errorf("the page has the attribute %s: it must load nothing and run nothing", a)
		}
	}
	for _, s := range []string{"url(", "@import", "javascript:"} {
		if bytes.Contains(page, []byte(s)) {
			t.Errorf("the page contains %q: it must load nothing and run nothing", s)
		}
	}
}

func TestHTMLSmall(t *testing.T) {
	cards := smallCards(t)
	page := render(t, cards)
	d := parseXML(t, page)
	selfContained(t, page, d)

	for _, id := range Sections {
		if d.ids[id] != "section" {
			t.Errorf("no <section id=%q>", id)
		}
	}
	// Charts that must be there, and those that must not: model-b has no
	// belief questions, and answered no chain question.
	for _, id := range []string{"chart-comparison", "chart-belief-1", "chart-depth", "chart-heatmap-1", "chart-heatmap-2", "chart-formats"} {
		if d.ids[id] != "svg" {
			t.Errorf("no <svg id=%q>", id)
		}
	}
	for _, id := range []string{"chart-belief-2"} {
		if _, ok := d.ids[id]; ok {
			t.Errorf("an empty chart %q is drawn", id)
		}
	}
	for _, want := range []string{
		// The summary table prints the probes' own aggregates.
		"0.750", "[0.301, 0.954]", // model-a validity, 3 of 4
		"0.333", // model-a conclusions: 1 of 3 answered (one unparseable)
		"FAIL", "overall; condition=nonce", "cell=valid-unbelievable; index=belief", "pass", "n/a", "not run",
		"1 declined", // model-b instantiation
		// The names, escaped in the file and whole in the text.
		"model-a", `model <b> & "co"`,
		// Belief cells: model-a accepted 2 of 2 valid believable, 1 of 2 valid unbelievable, 0 of 2 invalid unbelievable.
		"valid argument, believable conclusion: 2 of 2 accepted = 100%",
		"valid argument, unbelievable conclusion: 1 of 2 accepted = 50%",
		"invalid argument, unbelievable conclusion: 0 of 2 accepted = 0%",
		"logic index", "belief index", "interaction",
		`model <b> & "co": no answered belief questions, so no chart.`,
		// Chains: depth 1 1 of 1, depth 3 1 of 2; the error at depth 5 counts for nothing.
		"model-a, depth 1: 1 of 1 correct = 100%", "model-a, depth 3: 1 of 2 correct = 50%",
		`model <b> & "co": none of its 2 chain questions answered (2 declined or failed), so no line.`,
		// Heat map cells.
		"AAA-1: 1 of 1 correct = 100%", "AEE-2: 0 of 1 correct = 0%", "EO3: 0 of 1 correct = 0%", "IE4: 0 of 1 correct = 0%", "OOO-4: not asked",
		"3 conclusions questions over 3 of 64 premise pairs; 4 validity questions over 4 of 256 syllogisms.",
		"No conclusions questions; 2 validity questions over 2 of 256 syllogisms.",
		// Formats.
		"model-a, few-shot (worked examples first): 0 of 1 correct = 0%", "model-a, direct question: 1 of 1 correct = 100%",
		// Content bias: the EAE-1 pair flipped, the AA1 pair chose two right options.
		"Content pairs: 2 asked, 2 with both questions answered, 1 with different verdicts",
		"form EAE-1: symbolic vs unbelievable", "No birds are animals.", "No sparrows are animals.",
		"Invariance sets: 2 asked, 2 with an answered member, 1 with more than one verdict",
		"set invariance/AEE-2/0/content, form AEE-2: 2 verdicts among 2 answered members", "All cats are fish.",
		"No content pairs in this scorecard",
		// Compared with people: model-a is a scorecard of format 1, whose
		// items do not say what each option meant; model-b has none.
		"from a scorecard of format 1, which does not record what each option meant",
		`model <b> & "co": no conclusions questions in this run, so no comparison with people.`,
	} {
		if !strings.Contains(d.text, want) {
			t.Errorf("the page does not say %q", want)
		}
	}
	if strings.Contains(d.text, "form AA1: symbolic vs nonce") {
		t.Error("the AA1 pair, two right options of a choice question, is shown as content bias")
	}
	if bytes.Contains(page, []byte("<b> &")) {
		t.Error("a model name is not escaped")
	}
}

// TestHTMLCommitted renders the committed scorecards of two reference
// reasoners, and checks that every probe's accuracy and interval is on the
// page as the scorecard has it.
func TestHTMLCommitted(t *testing.T) {
	cards := readCards(t, committed...)
	page := render(t, cards)
	d := parseXML(t, page)
	selfContained(t, page, d)
	for _, id := range Sections {
		if d.ids[id] != "section" {
			t.Errorf("no <section id=%q>", id)
		}
	}
	for _, id := range []string{"chart-comparison", "chart-belief-1", "chart-belief-2", "chart-depth", "chart-heatmap-1", "chart-heatmap-2", "chart-formats",
		"chart-people-heat-1", "chart-people-heat-2", "chart-people-scatter-1", "chart-people-scatter-2"} {
		if d.ids[id] != "svg" {
			t.Errorf("no <svg id=%q>", id)
		}
	}
	for _, c := range cards {
		for _, p := range c.Probes {
			if p.Correct+p.Wrong+p.Unparseable == 0 {
				continue
			}
			want := frac(p.Accuracy) + "[" + frac(p.Interval[0]) + ", " + frac(p.Interval[1]) + "]"
			if !strings.Contains(d.text, want) {
				t.Errorf("%s %s: the page does not show %q", c.Model, p.Name, want)
			}
		}
	}
	// Compared with people: ref-atmosphere answers as the atmosphere
	// theory predicts, every time.
	for _, want := range []string{"Compared with people", "ref-atmosphere32/32100%", "Atmosphere, MMT", "people (Ragni 2016)",
		"Pearson r = 0.63, 95% interval [0.36, 0.80]", "AA2: model 100% correct, people 68%", "people, AA2: 95 of 139 correct = 68%"} {
		if !strings.Contains(d.text, want) {
			t.Errorf("the page does not say %q", want)
		}
	}
	// ref-atmosphere declines the chain questions: a note, not a line.
	if !strings.Contains(d.text, "ref-atmosphere: none of its 24 chain questions answered") {
		t.Error("no note that ref-atmosphere answered no chain question")
	}
}

func TestHTMLErrors(t *testing.T) {
	if err := HTML(io.Discard, nil); err == nil {
		t.Error("HTML of no scorecards succeeded")
	}
	if err := HTML(io.Discard, []*scorecard.Scorecard{nil}); err == nil {
		t.Error("HTML of a nil scorecard succeeded")
	}
	if err := Text(io.Discard, nil); err == nil {
		t.Error("Text of no scorecards succeeded")
	}
}

// TestHTMLAwkwardInput: an empty scorecard, control characters and
// invalid UTF-8 in a name, and a duplicate model still give a
// well-formed page that says there is no data.
func TestHTMLAwkwardInput(t *testing.T) {
	empty := &scorecard.Scorecard{Format: scorecard.Version, Model: "bell\x07 \xff<x>"}
	cards := append(smallCards(t), empty, smallCards(t)[0])
	page := render(t, cards)
	d := parseXML(t, page)
	for _, want := range []string{"model-a (direct) #2", "no conclusions or validity questions in this run", "no chain questions in this run", "no formats questions in this run", "No invariance sets in this scorecard"} {
		if !strings.Contains(d.text, want) {
			t.Errorf("the page does not say %q", want)
		}
	}
}

func TestTextGolden(t *testing.T) {
	var buf bytes.Buffer
	if err := Text(&buf, smallCards(t)); err != nil {
		t.Fatal(err)
	}
	golden(t, "text.golden", buf.Bytes())
}

func TestTextCommitted(t *testing.T) {
	cards := readCards(t, committed...)
	var buf bytes.Buffer
	if err := Text(&buf, cards); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSuffix(buf.String(), "\n"), "\n")
	if want := 3 + len(probeNames(cards)); len(lines) != want {
		t.Fatalf("%d lines, want %d (a header, a line per probe, the MFA match and the content effect):\n%s", len(lines), want, buf.String())
	}
	for i, l := range lines[1:] {
		if strings.HasSuffix(l, " ") {
			t.Errorf("line %d ends in spaces: %q", i+2, l)
		}
	}
	// ref-atmosphere validity and ref-belief instantiation, as the scorecards have them.
	for _, want := range []string{"validity       0.650 [0.524, 0.758]  FAIL", "0.792 [0.595, 0.908]  FAIL", "n/a", "MFA match      7/32 = 22%", "TCE, score     14.85, 17.07                100.00, 10.01"} {
		if !strings.Contains(buf.String(), want) {
			t.Errorf("the table does not contain %q:\n%s", want, buf.String())
		}
	}
}

// TestPeople checks the comparison with people on the reference
// reasoners, whose answers are known: ref-atmosphere's all fit the
// atmosphere theory, ref-logic never says "no valid conclusion" when
// there is one and always does when there is none.
func TestPeople(t *testing.T) {
	cards := readCards(t, "../../fixtures/ref-atmosphere/scorecard.json", "../../fixtures/ref-logic/scorecard.json")
	ps := buildPeople(cards, labels(cards))
	if len(ps.Notes) != 0 {
		t.Errorf("notes %q, want none", ps.Notes)
	}
	if len(ps.Fit.Rows) != 3 || ps.Fit.Rows[2].Label != peopleRagni {
		t.Fatalf("theory-fit rows %+v, want the two models and people", ps.Fit.Rows)
	}
	atm := ps.Fit.Rows[0]
	if got, want := atm.Cells[0], (fitCell{Rate: "32/32", Pct: "100%", Best: true}); got != want || ccobra.Theories[0] != "Atmosphere" {
		t.Errorf("ref-atmosphere's Atmosphere fit %+v, want %+v", got, want)
	}
	if !strings.Contains(atm.Best, "Atmosphere") {
		t.Errorf("ref-atmosphere's best fit %q, want Atmosphere among them", atm.Best)
	}
	if got := atm.MFA; got.Rate != "7/32" {
		t.Errorf("ref-atmosphere's MFA match %+v, want 7/32", got)
	}
	for _, r := range ps.Patterns.Rows {
		if !strings.HasPrefix(r.What, "“no valid conclusion”") {
			continue
		}
		want := "0%"
		if strings.Contains(r.What, "without") {
			want = "100%"
		}
		if got := r.Cells[1].Pct; got != want {
			t.Errorf("ref-logic, %s: %s, want %s", r.What, got, want)
		}
	}
	if len(ps.Heat.Charts) != 2 || len(ps.Scatter.Charts) != 2 {
		t.Errorf("%d heat maps and %d scatter plots, want 2 of each", len(ps.Heat.Charts), len(ps.Scatter.Charts))
	}
}

func TestForms(t *testing.T) {
	for _, tc := range []struct {
		form string
		row  int
		fig  int
		ok   bool
	}{{"AA1", 0, 0, true}, {"EO3", 7, 2, true}, {"OO4", 15, 3, true}, {"AA5", 0, 0, false}, {"XA1", 0, 0, false}, {"AAA-1", 0, 0, false}} {
		row, fig, ok := pairForm(tc.form)
		if ok != tc.ok || ok && (row != tc.row || fig != tc.fig) {
			t.Errorf("pairForm(%q) = %d, %d, %v; want %d, %d, %v", tc.form, row, fig, ok, tc.row, tc.fig, tc.ok)
		}
	}
	for _, tc := range []struct {
		form           string
		row, concl, fg int
		ok             bool
	}{{"AAA-1", 0, 0, 0, true}, {"EIO-4", 6, 3, 3, true}, {"OAO-3", 12, 3, 2, true}, {"AAA1", 0, 0, 0, false}, {"AAX-1", 0, 0, 0, false}} {
		row, c, fig, ok := syllogismForm(tc.form)
		if ok != tc.ok || ok && (row != tc.row || c != tc.concl || fig != tc.fg) {
			t.Errorf("syllogismForm(%q) = %d, %d, %d, %v; want %d, %d, %d, %v", tc.form, row, c, fig, ok, tc.row, tc.concl, tc.fg, tc.ok)
		}
	}
	for form, want := range map[string]int{"chain-5-false-d3": 5, "chain-1-true": 1, "chain-8-unknown-d3": 8} {
		if d, ok := chainDepth(form); !ok || d != want {
			t.Errorf("chainDepth(%q) = %d, %v; want %d", form, d, ok, want)
		}
	}
	for _, form := range []string{"chain", "chain-x-true", "AAA-1", "rule-5-true"} {
		if d, ok := chainDepth(form); ok {
			t.Errorf("chainDepth(%q) = %d, want no depth", form, d)
		}
	}
}

func TestGroupChecks(t *testing.T) {
	got := groupChecks([]string{"overall", "condition=nonce", "cell=valid-believable", "condition=swap-a", "index=belief", "flips"})
	want := "overall; condition=nonce, swap-a; cell=valid-believable; index=belief; flips"
	if got != want {
		t.Errorf("groupChecks = %q, want %q", got, want)
	}
}

func TestHeatColor(t *testing.T) {
	for v, want := range map[float64]string{0: "#440154", 0.5: "#21918c", 1: "#fde725", -1: "#440154", 2: "#fde725"} {
		if got := heatColor(v); got != want {
			t.Errorf("heatColor(%v) = %s, want %s", v, got, want)
		}
	}
}

func BenchmarkHTML(b *testing.B) {
	cards := readCards(b, committed...)
	var buf bytes.Buffer
	for b.Loop() {
		buf.Reset()
		if err := HTML(&buf, cards); err != nil {
			b.Fatal(err)
		}
	}
	b.SetBytes(int64(buf.Len()))
}

func BenchmarkText(b *testing.B) {
	cards := readCards(b, committed...)
	for b.Loop() {
		if err := Text(io.Discard, cards); err != nil {
			b.Fatal(err)
		}
	}
}

// One model in several formats is a model × format table: each column
// says its format.
func TestLabelsByFormat(t *testing.T) {
	card := func(m, f string) *scorecard.Scorecard {
		return &scorecard.Scorecard{Model: m, Config: scorecard.Config{Format: f}}
	}
	got := labels([]*scorecard.Scorecard{card("gemma", "direct"), card("gemma", "fewshot"), card("smol", "cot"), card("gemma", "fewshot")})
	want := []string{"gemma (direct)", "gemma (fewshot)", "smol", "gemma (fewshot) #2"}
	if !slices.Equal(got, want) {
		t.Errorf("labels = %q, want %q", got, want)
	}
}
