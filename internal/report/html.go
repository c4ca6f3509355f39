package report

import (
	"bytes"
	_ "embed"
	"fmt"
	"html/template"
	"io"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/syllobench/syllobench/internal/question"
	"github.com/syllobench/syllobench/internal/scorecard"
	"github.com/syllobench/syllobench/internal/stats"
)

// The section ids of the page, stable so that links and tests can find
// them.
const (
	SectionSummary     = "summary"
	SectionComparison  = "comparison"
	SectionBelief      = "belief"
	SectionDepth       = "depth"
	SectionHeatmap     = "heatmap"
	SectionFormats     = "formats"
	SectionContentBias = "content-bias"
	SectionPeople      = "people"
)

// Sections are the ids of the page's sections, in the order of the page.
var Sections = []string{SectionSummary, SectionComparison, SectionBelief, SectionDepth, SectionHeatmap, SectionFormats, SectionPeople, SectionContentBias}

// MaxCases is how many content-bias pairs, and how many invariance sets,
// the page shows for each model; it says how many there were in all.
const MaxCases = 10

//go:embed report.tmpl
var pageTemplate string

var tmpl = template.Must(template.New("report").Funcs(template.FuncMap{"num": num}).Parse(pageTemplate))

// HTML writes a self-contained HTML page describing the cards: a summary
// table per probe and model, a comparison of the models, the belief-bias
// 2×2, accuracy by chain depth, heat maps over the premise pairs and the
// syllogisms, the prompt formats, the comparison with people (package
// human) of the answers to the premise pairs, and the worst content-bias pairs with
// their text. The charts are inline SVG; the page needs no script, no
// network and no external font or style sheet, and it is well-formed XML
// (XHTML syntax under an HTML doctype), so that it can be checked and
// processed as XML.
func HTML(w io.Writer, cards []*scorecard.Scorecard) error {
	if len(cards) == 0 {
		return errNoCards
	}
	for i, c := range cards {
		if c == nil {
			return fmt.Errorf("report: scorecard %d is nil", i+1)
		}
	}
	pg := buildPage(cards)
	var buf bytes.Buffer
	if err := tmpl.Execute(&buf, pg); err != nil {
		return fmt.Errorf("report: %w", err)
	}
	_, err := w.Write(xmlSafe(buf.Bytes()))
	return err
}

// xmlSafe replaces what XML forbids, invalid UTF-8 and control
// characters other than tab and newlines, which a model's name or a
// hand-edited scorecard could bring in, by U+FFFD.
func xmlSafe(b []byte) []byte {
	ok := utf8.Valid(b)
	if ok {
		for _, c := range b {
			if c < 0x20 && c != '\t' && c != '\n' && c != '\r' {
				ok = false
				break
			}
		}
	}
	if ok && !bytes.Contains(b, []byte("\uFFFE")) && !bytes.Contains(b, []byte("\uFFFF")) {
		return b
	}
	return []byte(strings.Map(func(r rune) rune {
		switch {
		case r == '\t' || r == '\n' || r == '\r':
			return r
		case r < 0x20 || r == 0xFFFE || r == 0xFFFF:
			return utf8.RuneError
		}
		return r
	}, strings.ToValidUTF8(string(b), "\uFFFD")))
}

// page is what the template draws.
type page struct {
	Overview overview
	Runs     []run
	Summary  summary
	Compare  figure
	Belief   figure
	Depth    figure
	Heat     figure
	Formats  figure
	People   peopleSection
	Bias     []biasModel
	// Content is SemEval-2026 Task 11's content effect of each model over
	// its validity questions about real things.
	Content []contentRow
	// MaxCases is the cap on the content-bias cases shown per model.
	MaxCases int
}

type run struct {
	Label, Color                           string
	Suite, Target, Size, Format, Semantics string
	Seed                                   uint64
	Items, Pairs                           int
	Temperature                            string
	Limit                                  int // SYLLOBENCH_LIMIT: the run was a trial
}

// A figure is a chart, or several, with what a reader needs to read
// it. Notes say which models have no data for it.
type figure struct {
	Title   string
	Caption string
	Legend  []legendItem
	Charts  []panel
	Notes   []string
	// Collapse shows each panel in a <details> of its own, closed: a
	// chart per model that a reader opens for the model they look at.
	Collapse bool
}

// A panel is one chart of a figure, with its own heading when a figure
// draws one per model, and lines of text under it.
type panel struct {
	Heading string
	Scene   *scene
	Lines   []string
}

// contentRow is a model's content effect, each number formatted.
type contentRow struct {
	Label, Color                       string
	N, LeftOut                         int
	Accuracy, Intra, Cross, TCE, Score string
}

func buildContent(cards []*scorecard.Scorecard, names []string) []contentRow {
	var rows []contentRow
	for i, c := range cards {
		e, ok := allContent(c)
		if !ok {
			continue
		}
		f := func(x float64) string { return strconv.FormatFloat(x, 'f', 2, 64) }
		rows = append(rows, contentRow{Label: names[i], Color: modelColor(i), N: e.Counted, LeftOut: e.LeftOut,
			Accuracy: f(e.Accuracy), Intra: f(e.IntraPlausibility), Cross: f(e.CrossPlausibility), TCE: f(e.TCE), Score: f(e.Score)})
	}
	return rows
}

type legendItem struct {
	Color, Stroke, Label string
	Line                 bool   // drawn as a line, not a square
	Dash                 string // the line's dashes
	Marker               int    // the line's marker, that of series Marker-1 (see marker); 0 for none
}

// summary is a table per model of its probes, each in a <details>.
type summary struct {
	Models []summaryModel
	About  []summaryRow // the probes with a description, for the list under the tables
}

type summaryModel struct {
	Label, Color string
	Passed, Run  int // probes passed, of those run
	Rows         []summaryRow
}

type summaryRow struct {
	Probe, About string
	Cell         summaryCell
}

type summaryCell struct {
	Missing      bool
	N            int
	Accuracy, CI string // "0.650" and "[0.524, 0.758]"; "–" and "" when none was answered
	Unparseable  int
	Truncated    int
	Errors       int
	Status       string
	Checks       string
	StatusClass  string
	StatusDetail string
}

// about says in a line what each probe asks, for readers of the table.
var about = map[string]string{
	"validity":      "Does the conclusion follow from the two premises? (the 256 syllogisms)",
	"conclusions":   "Which of nine conclusions follows from a premise pair, if any? (the 64 pairs)",
	"belief":        "Validity × believability of the conclusion, the belief-bias design",
	"invariance":    "The same form in other content, order, phrasing or wording: is the verdict the same?",
	"instantiation": "General rules applied to individuals (All A are B. X is an A. Is X a B?)",
	"consistency":   "Can these statements all be true together?",
	"fallacies":     "Named fallacies (undistributed middle, illicit major…) beside valid forms",
	"chains":        "Chains of 1–8 deductive steps, with distractor premises",
	"formats":       "The same questions asked directly, after worked examples, and step by step",
	"open":          "Questions whose answer the model writes: What does R2-D2 run on? What else must Hachiko be?",
	"properties":    "Syllogisms whose last term is a property (All birds have feathers), about real things",
	"famous":        "The article's questions and textbook arguments word for word, beside the same forms in fresh words",
	"distractors":   "A syllogism among irrelevant premises: does it follow, and which premises does it need?",
	"dataset":       "The records of an imported SemEval-2026 Task 11 dataset",
	"content-bias":  "Pairs of the same form in different content (the fuzz corpus): same verdict?",
}

func buildPage(cards []*scorecard.Scorecard) *page {
	names := labels(cards)
	pg := &page{MaxCases: MaxCases}
	for i, c := range cards {
		pg.Runs = append(pg.Runs, run{
			Label: names[i], Color: modelColor(i), Suite: c.Suite, Target: c.Config.Target, Size: c.Config.Size,
			Format: c.Config.Format, Semantics: c.Config.Semantics, Seed: c.Config.Seed,
			Temperature: strconv.FormatFloat(c.Config.Temperature, 'g', -1, 64),
			Items:       len(c.Items), Pairs: len(c.ContentPairs), Limit: c.Config.Limit,
		})
	}
	pg.Overview = buildOverview(cards, names)
	pg.Summary = buildSummary(cards, names)
	pg.Compare = buildCompare(cards, names)
	pg.Belief = buildBelief(cards, names)
	pg.Depth = buildDepth(cards, names)
	pg.Heat = buildHeat(cards, names)
	pg.Formats = buildFormats(cards, names)
	pg.People = buildPeople(cards, names)
	pg.Bias = buildBias(cards, names)
	pg.Content = buildContent(cards, names)
	return pg
}

func buildSummary(cards []*scorecard.Scorecard, names []string) summary {
	var s summary
	probes := probeNames(cards)
	for _, name := range probes {
		if about[name] != "" {
			s.About = append(s.About, summaryRow{Probe: name, About: about[name]})
		}
	}
	for i, c := range cards {
		m := summaryModel{Label: names[i], Color: modelColor(i)}
		for _, name := range probes {
			p := findProbe(c, name)
			if p == nil {
				m.Rows = append(m.Rows, summaryRow{Probe: name, Cell: summaryCell{Missing: true}})
				continue
			}
			cell := summaryCell{N: p.N, Accuracy: "–", Unparseable: p.Unparseable, Truncated: p.Truncated, Errors: p.Errors}
			if replies(p) > 0 {
				cell.Accuracy = frac(p.Accuracy)
				cell.CI = "[" + frac(p.Interval[0]) + ", " + frac(p.Interval[1]) + "]"
			}
			if d := declined(p); d > 0 {
				cell.StatusDetail = strconv.Itoa(d) + " declined"
			}
			word, checks := probeStatus(p)
			cell.Status, cell.Checks = word, groupChecks(checks)
			cell.StatusClass = map[string]string{"pass": "pass", "FAIL": "fail", "n/a": "na"}[word]
			m.Run++
			if word == "pass" {
				m.Passed++
			}
			m.Rows = append(m.Rows, summaryRow{Probe: name, Cell: cell})
		}
		s.Models = append(s.Models, m)
	}
	return s
}

func buildCompare(cards []*scorecard.Scorecard, names []string) figure {
	f := figure{
		Title: "Accuracy per probe, model by model",
		Caption: "Each bar is one model's accuracy on one probe (the share of its answered questions answered correctly), " +
			"and the whisker its 95% interval: where two models' whiskers do not overlap, the difference is unlikely to be chance. " +
			"A sound reasoner reaches 100% everywhere.",
	}
	for i, n := range names {
		f.Legend = append(f.Legend, legendItem{Color: modelColor(i), Label: n})
	}
	var groups []barGroup
	for _, name := range probeNames(cards) {
		g := barGroup{Label: name}
		for i, c := range cards {
			b := bar{Key: names[i] + ", " + name, Color: modelColor(i), What: "correct"}
			if p := findProbe(c, name); p != nil {
				b.Val = prop{K: p.Correct, N: replies(p), P: p.Accuracy, Lo: p.Interval[0], Hi: p.Interval[1]}
			}
			g.Bars = append(g.Bars, b)
		}
		groups = append(groups, g)
	}
	width := max(640, min(1180, 70+float64(len(groups))*max(112, 24+16*float64(len(cards)))))
	f.Charts = []panel{{Scene: barChart(groups, barOpts{
		ID: "chart-comparison", Label: f.Title, Width: width, Height: 300, YTitle: "accuracy", XTitle: "probe", MaxBar: 22,
	})}}
	f.Notes = append(f.Notes, "“no data” marks a probe a model did not run or whose questions it all declined.")
	return f
}

// The belief-bias cells, in the order drawn.
var beliefCells = [4]struct{ valid, believable bool }{{true, true}, {true, false}, {false, true}, {false, false}}

func buildBelief(cards []*scorecard.Scorecard, names []string) figure {
	const believable, unbelievable = "#35978f", "#bf812d"
	f := figure{
		Title: "Belief bias: how often each kind of argument is accepted as valid",
		Caption: "The belief probe asks whether arguments follow, crossing their validity with whether the conclusion is believable (true in the world) or not. " +
			"Each bar is the share of answered questions the model accepted as valid, with its 95% interval. " +
			"A sound reasoner accepts every valid argument (100%) and no invalid one (0%), whatever the content; " +
			"a belief-biased one accepts believable conclusions more than unbelievable ones, so the two bars of a pair differ. " +
			"Under each chart, the logic index (½ of valid minus invalid acceptance), belief index (½ of believable minus unbelievable) and their interaction, with 95% intervals: a sound reasoner scores 1, 0 and 0.",
		Legend: []legendItem{{Color: believable, Label: "believable conclusion"}, {Color: unbelievable, Label: "unbelievable conclusion"}},
	}
	for i, c := range cards {
		cells := beliefCounts(c)
		if cells[0][1]+cells[1][1]+cells[2][1]+cells[3][1] == 0 {
			f.Notes = append(f.Notes, names[i]+": no answered belief questions, so no chart.")
			continue
		}
		var groups []barGroup
		for gi, label := range []string{"valid", "invalid"} {
			g := barGroup{Label: label}
			for bi, col := range []string{believable, unbelievable} {
				k := 2*gi + bi
				key := label + " argument, " + map[bool]string{true: "believable", false: "unbelievable"}[bi == 0] + " conclusion"
				g.Bars = append(g.Bars, bar{Key: key, Color: col, Val: newProp(cells[k][0], cells[k][1]), What: "accepted"})
			}
			groups = append(groups, g)
		}
		sc := barChart(groups, barOpts{
			ID: "chart-belief-" + strconv.Itoa(i+1), Label: "belief bias, " + names[i],
			Width: 276, Height: 260, YTitle: "accepted as valid", XTitle: "the argument is…", Values: true, MaxBar: 40,
		})
		pn := panel{Heading: names[i], Scene: sc}
		if ix, err := stats.Belief(beliefStats(cells)); err == nil {
			for _, x := range []struct {
				name string
				v    stats.Index
			}{{"logic index", ix.Logic}, {"belief index", ix.Belief}, {"interaction", ix.Interaction}} {
				pn.Lines = append(pn.Lines, fmt.Sprintf("%s %s [%s, %s]", x.name, signed(x.v.Value), signed(x.v.CI.Lo), signed(x.v.CI.Hi)))
			}
		} else {
			pn.Lines = append(pn.Lines, "indices not computed: a cell has no answered question")
		}
		f.Charts = append(f.Charts, pn)
	}
	return f
}

// beliefCounts counts, for each belief-bias cell in the order of
// beliefCells, the answered belief questions accepted as valid and all
// the answered ones.
func beliefCounts(c *scorecard.Scorecard) [4][2]int {
	var cells [4][2]int // accepted, answered
	for _, it := range itemsOf(c, "belief") {
		if !answeredItem(it) || (it.Condition != "believable" && it.Condition != "unbelievable") {
			continue
		}
		valid, bel := it.Expected == question.Yes, it.Condition == "believable"
		k := slices.Index(beliefCells[:], struct{ valid, believable bool }{valid, bel})
		cells[k][1]++
		if it.Verdict == question.Yes {
			cells[k][0]++
		}
	}
	return cells
}

func beliefStats(cells [4][2]int) stats.BeliefCells {
	return stats.BeliefCells{
		ValidBelievable: stats.Cell{Accepted: cells[0][0], Total: cells[0][1]}, ValidUnbelievable: stats.Cell{Accepted: cells[1][0], Total: cells[1][1]},
		InvalidBelievable: stats.Cell{Accepted: cells[2][0], Total: cells[2][1]}, InvalidUnbelievable: stats.Cell{Accepted: cells[3][0], Total: cells[3][1]},
	}
}

// signed formats an index in [-1, 1] with two decimals and a real minus.
func signed(v float64) string {
	s := strconv.FormatFloat(v, 'f', 2, 64)
	if s == "-0.00" {
		s = "0.00"
	}
	return strings.Replace(s, "-", "−", 1)
}

func buildDepth(cards []*scorecard.Scorecard, names []string) figure {
	f := figure{
		Title: "Accuracy by chain depth",
		Caption: "The chains probe asks whether a statement about an individual follows from a chain of 1 to 8 deductive steps, among distractor premises. " +
			"Each line is a model's accuracy at each depth (number of steps), each point with its 95% interval; " +
			"the depth where a line drops is how far the model can carry a deduction. A sound reasoner stays at 100%.",
	}
	var ss []series
	depths := map[int]bool{}
	for i, c := range cards {
		by := map[int]*counts{}
		unknown := 0
		for _, it := range itemsOf(c, "chains") {
			d, ok := chainDepth(it.Form)
			if !ok {
				unknown++
				continue
			}
			if by[d] == nil {
				by[d] = &counts{}
			}
			by[d].add(it)
		}
		sr := series{Key: names[i], Color: modelColor(i), Points: map[int]prop{}, What: "depth"}
		total, dec := 0, 0
		for d, ct := range by {
			total += ct.N
			dec += ct.Declined + ct.Errors
			if ct.answered() > 0 {
				sr.Points[d] = ct.accuracy()
				depths[d] = true
			}
		}
		switch {
		case total == 0:
			f.Notes = append(f.Notes, names[i]+": no chain questions in this run.")
		case len(sr.Points) == 0:
			f.Notes = append(f.Notes, fmt.Sprintf("%s: none of its %d chain questions answered (%d declined or failed), so no line.", names[i], total, dec))
		default:
			f.Legend = append(f.Legend, legendItem{Color: sr.Color, Label: names[i], Line: true, Dash: lineDash(len(ss)), Marker: len(ss)%4 + 1})
			ss = append(ss, sr)
		}
		if unknown > 0 {
			f.Notes = append(f.Notes, fmt.Sprintf("%s: %d chain questions with a form id of no known depth are left out.", names[i], unknown))
		}
	}
	if len(ss) > 0 {
		xs := sortedKeys(depths)
		f.Charts = []panel{{Scene: lineChart(xs, ss, "chart-depth", f.Title, "depth of the chain (deductive steps)", "accuracy", 720, 300)}}
	}
	return f
}

// heat map geometry
const (
	cellSize = 20.0
	blockGap = 4.0
)

func buildHeat(cards []*scorecard.Scorecard, names []string) figure {
	f := figure{
		Title: "Accuracy over the premise pairs and the syllogisms",
		Caption: "One map per model. Rows are the moods of the two premises (AE: first premise universal affirmative “All…”, second universal negative “No…”; I is “Some…”, O is “Some… are not”). " +
			"Left, the conclusions probe over the 64 premise pairs, one column per figure (the arrangement of the terms, 1–4). " +
			"Right, the validity probe over the 256 syllogisms: four blocks for the four figures, and in each the mood of the conclusion. " +
			"A cell's colour is the share of its questions answered correctly; white cells were not asked in this run (a small run asks a sample). Hover over a cell for its counts.",
		Legend: []legendItem{
			{Color: heatColor(0), Label: "0%"}, {Color: heatColor(0.25), Label: "25%"}, {Color: heatColor(0.5), Label: "50%"},
			{Color: heatColor(0.75), Label: "75%"}, {Color: heatColor(1), Label: "100% correct"},
			{Color: "#ffffff", Stroke: "#bbb", Label: "not asked"}, {Color: "#c8c8c8", Label: "asked, none answered"},
		},
		Collapse: true,
	}
	for i, c := range cards {
		var pairs [16][4]counts
		var syl [16][16]counts
		var nPairs, nSyl, unknown int
		for _, it := range itemsOf(c, "conclusions") {
			if r, fig, ok := pairForm(it.Form); ok {
				pairs[r][fig].add(it)
				nPairs++
			} else {
				unknown++
			}
		}
		for _, it := range itemsOf(c, "validity") {
			if r, cm, fig, ok := syllogismForm(it.Form); ok {
				syl[r][4*fig+cm].add(it)
				nSyl++
			} else {
				unknown++
			}
		}
		if nPairs+nSyl == 0 {
			f.Notes = append(f.Notes, names[i]+": no conclusions or validity questions in this run, so no map.")
			continue
		}
		pn := panel{Heading: names[i], Scene: heatScene("chart-heatmap-"+strconv.Itoa(i+1), "accuracy over the forms, "+names[i], &pairs, &syl)}
		line := "no conclusions questions"
		if nPairs > 0 {
			line = fmt.Sprintf("%d conclusions questions over %d of 64 premise pairs", nPairs, asked(flatten(pairs[:])...))
		}
		if nSyl > 0 {
			line += fmt.Sprintf("; %d validity questions over %d of 256 syllogisms.", nSyl, asked(flatten(syl[:])...))
		} else {
			line += "; no validity questions."
		}
		pn.Lines = append(pn.Lines, strings.ToUpper(line[:1])+line[1:])
		if unknown > 0 {
			pn.Lines = append(pn.Lines, fmt.Sprintf("%d questions with an unknown form id are left out.", unknown))
		}
		f.Charts = append(f.Charts, pn)
	}
	return f
}

// asked counts the cells with at least one question.
func asked(cells ...counts) int {
	n := 0
	for _, c := range cells {
		if c.N > 0 {
			n++
		}
	}
	return n
}

// flatten lists the cells of a grid.
func flatten[R interface{ [4]counts | [16]counts }](rows []R) []counts {
	var out []counts
	for _, r := range rows {
		for i := range len(r) {
			out = append(out, r[i])
		}
	}
	return out
}

func heatScene(id, label string, pairs *[16][4]counts, syl *[16][16]counts) *scene {
	const top = 62.0
	x0 := 40.0                 // the pairs grid
	x1 := x0 + 4*cellSize + 44 // the syllogisms grid
	width := x1 + 16*cellSize + 3*blockGap + 8
	height := top + 16*cellSize + 3*blockGap + 8
	s := &scene{ID: id, Label: label, W: width, H: height}
	rowY := func(r int) float64 { return top + float64(r)*cellSize + float64(r/4)*blockGap }
	colX := func(c int) float64 { return x1 + float64(c)*cellSize + float64(c/4)*blockGap }
	t := s.text(x0+2*cellSize, 12, "conclusions", "middle", 11)
	t.Bold = true
	s.text(x0+2*cellSize, 26, "(premise pairs)", "middle", 10)
	t = s.text(x1+8*cellSize+1.5*blockGap, 12, "validity (syllogisms)", "middle", 11)
	t.Bold = true
	s.text(x0+2*cellSize, 42, "figure", "middle", 10)
	for fig := range 4 {
		s.text(x0+float64(fig)*cellSize+cellSize/2, top-6, strconv.Itoa(fig+1), "middle", 10)
		s.text(colX(4*fig)+2*cellSize, 28, "figure "+strconv.Itoa(fig+1), "middle", 10)
		for cm := range 4 {
			s.text(colX(4*fig+cm)+cellSize/2, top-6, string(moods[cm]), "middle", 10)
		}
	}
	s.text(x0-4, top-6, "prem.", "end", 9)
	s.text(x1-4, top-6, "concl.", "end", 9)
	for r := range 16 {
		mood := string(moods[r/4]) + string(moods[r%4])
		y := rowY(r)
		s.text(x0-5, y+cellSize-5, mood, "end", 10)
		s.text(x1-5, y+cellSize-5, mood, "end", 10)
		for fig := range 4 {
			s.heatCell(x0+float64(fig)*cellSize, y, mood+strconv.Itoa(fig+1), pairs[r][fig])
		}
		for col := range 16 {
			form := mood + string(moods[col%4]) + "-" + strconv.Itoa(col/4+1)
			s.heatCell(colX(col), y, form, syl[r][col])
		}
	}
	return s
}

func (s *scene) heatCell(x, y float64, form string, c counts) {
	r := rect{X: x, Y: y, W: cellSize - 1, H: cellSize - 1}
	switch {
	case c.N == 0:
		r.Fill, r.Stroke = "#ffffff", "#e2e2e2"
		r.Tip = form + ": not asked"
	case c.answered() == 0:
		r.Fill = "#c8c8c8"
		r.Tip = fmt.Sprintf("%s: %d asked, none answered", form, c.N)
	default:
		a := c.accuracy()
		r.Fill = heatColor(a.P)
		r.Tip = fmt.Sprintf("%s: %d of %d correct = %s", form, a.K, a.N, pct(a.P))
	}
	s.Rects = append(s.Rects, r)
}

// The prompt formats, in the order drawn, with their names and colours.
var formatNames = []struct{ id, name, color string }{
	{"direct", "direct question", "#c6dbef"},
	{"fewshot", "few-shot (worked examples first)", "#6baed6"},
	{"cot", "chain of thought (step by step)", "#08519c"},
}

func buildFormats(cards []*scorecard.Scorecard, names []string) figure {
	f := figure{
		Title: "Prompt format: direct, few-shot and chain of thought",
		Caption: "The formats probe asks the same questions three ways: directly, after worked examples (few-shot), and asking the model to reason step by step first (chain of thought). " +
			"Each bar is a model's accuracy in one format, with its 95% interval; bars of different heights for the same model mean its answers depend on how it is asked.",
	}
	for _, fm := range formatNames {
		f.Legend = append(f.Legend, legendItem{Color: fm.color, Label: fm.name})
	}
	var groups []barGroup
	for i, c := range cards {
		by := map[string]*counts{}
		for _, it := range itemsOf(c, "formats") {
			if by[it.Format] == nil {
				by[it.Format] = &counts{}
			}
			by[it.Format].add(it)
		}
		answered := false
		for _, ct := range by {
			answered = answered || ct.answered() > 0
		}
		if !answered {
			if len(by) == 0 {
				f.Notes = append(f.Notes, names[i]+": no formats questions in this run.")
			} else {
				f.Notes = append(f.Notes, names[i]+": none of its formats questions answered.")
			}
			continue
		}
		g := barGroup{Label: names[i]}
		for _, fm := range formatNames {
			var v prop
			if ct := by[fm.id]; ct != nil {
				v = ct.accuracy()
			}
			g.Bars = append(g.Bars, bar{Key: names[i] + ", " + fm.name, Color: fm.color, Val: v, What: "correct"})
		}
		for _, other := range sortedKeys(by) {
			if !slices.ContainsFunc(formatNames, func(x struct{ id, name, color string }) bool { return x.id == other }) {
				f.Notes = append(f.Notes, fmt.Sprintf("%s: %d questions in the format %q are not drawn.", names[i], by[other].N, other))
			}
		}
		groups = append(groups, g)
	}
	if len(groups) > 0 {
		width := max(420, min(1180, 90+float64(len(groups))*150))
		f.Charts = []panel{{Scene: barChart(groups, barOpts{
			ID: "chart-formats", Label: f.Title, Width: width, Height: 280, YTitle: "accuracy", XTitle: "model", Values: true, MaxBar: 34,
		})}}
	}
	return f
}
