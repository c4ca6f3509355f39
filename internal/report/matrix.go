package report

import (
	"cmp"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/syllobench/syllobench/internal/scorecard"
	"github.com/syllobench/syllobench/internal/stats"
)

// The overview is the page's first screen: a model × probe matrix, each
// cell an accuracy as a colour and a number with a pass or fail mark (its
// interval and counts on hover), the models sorted best first, and the
// key numbers beside it. It is drawn twice: models as rows for a wide
// screen, and probes as rows (models as columns) for a narrow one; the
// page's style shows the one that fits.
type overview struct {
	Wide, Narrow *scene
	// Break is the narrowest viewport, in CSS pixels, that shows the wide
	// matrix whole.
	Break int
}

// A matrixRow is one model in the overview, with its cells by probe.
type matrixRow struct {
	Label, Color string
	Cells        []matrixCell
	Keys         []string // the key numbers, in the order of matrixKeys
	passed       int
	mean         float64
}

// A matrixCell is one model's result on one probe.
type matrixCell struct {
	Text string // the accuracy in percent, "n/a" or "–"
	Fill string
	Mark string // "pass", "fail" or ""
	Tip  string
	Dark bool // the fill is dark: the text is drawn white
}

// matrixKeys are the key numbers shown beside the matrix.
var matrixKeys = []struct{ name, tip string }{
	{"TCE", "total content effect (SemEval-2026 Task 11) over the validity questions about real things, in points: 0 for a model that reasons by form alone"},
	{"belief index", "½ of (believable − unbelievable) acceptance on the belief probe, with its 95% interval: 0 for a sound reasoner, positive when believable conclusions are accepted more"},
	{"MFA match", "share of the conclusions answers equal to people's most frequent answer (Ragni 2016): how human-like, not how right"},
}

func buildOverview(cards []*scorecard.Scorecard, names []string) overview {
	probes := probeNames(cards)
	rows := make([]matrixRow, len(cards))
	for i, c := range cards {
		r := matrixRow{Label: names[i], Color: modelColor(i)}
		n := 0
		for _, name := range probes {
			cell := matrixCell{Text: "–", Fill: "#ffffff", Tip: names[i] + ", " + name + ": not run"}
			if p := findProbe(c, name); p != nil {
				cell = probeCell(names[i], name, p)
				if cell.Mark == "pass" {
					r.passed++
				}
				if replies(p) > 0 {
					r.mean += p.Accuracy
					n++
				}
			}
			r.Cells = append(r.Cells, cell)
		}
		if n > 0 {
			r.mean /= float64(n)
		}
		r.Keys = keyNumbers(c)
		rows[i] = r
	}
	// Best first: the most probes passed, then the highest mean accuracy;
	// the page's order breaks ties.
	slices.SortStableFunc(rows, func(a, b matrixRow) int {
		return cmp.Or(cmp.Compare(b.passed, a.passed), cmp.Compare(b.mean, a.mean))
	})
	wide := matrixScene("overview-wide", rows, probes, false)
	return overview{Wide: wide, Narrow: matrixScene("overview-narrow", rows, probes, true), Break: int(wide.W) + 48}
}

// probeCell is a probe's cell: its accuracy, coloured on the heat scale,
// and its result.
func probeCell(model, probe string, p *scorecard.Probe) matrixCell {
	word, checks := probeStatus(p)
	head := model + ", " + probe + ": "
	switch {
	case word == "n/a":
		return matrixCell{Text: "n/a", Fill: "#e4e4e4", Tip: head + "the model declined every question"}
	case replies(p) == 0:
		return matrixCell{Text: "–", Fill: "#c8c8c8", Mark: "fail", Tip: fmt.Sprintf("%s%d asked, none answered (%d requests failed)", head, p.N, p.Errors)}
	}
	c := matrixCell{Text: strconv.Itoa(int(p.Accuracy*100 + 0.5)), Fill: heatColor(p.Accuracy), Dark: p.Accuracy < 0.6}
	c.Tip = fmt.Sprintf("%s%d of %d correct = %s, 95%% interval %s–%s", head, p.Correct, replies(p), pct(p.Accuracy), pct(p.Interval[0]), pct(p.Interval[1]))
	if u := p.Unparseable + p.Truncated; u > 0 {
		c.Tip += fmt.Sprintf("; %d unparseable or cut off", u)
	}
	if p.Errors > 0 {
		c.Tip += fmt.Sprintf("; %d requests failed", p.Errors)
	}
	if word == "pass" {
		c.Mark, c.Tip = "pass", c.Tip+"; pass"
	} else {
		c.Mark, c.Tip = "fail", c.Tip+"; FAIL: "+groupChecks(checks)
	}
	return c
}

// keyNumbers are a card's numbers of matrixKeys, "–" where it has none.
func keyNumbers(c *scorecard.Scorecard) []string {
	keys := []string{"–", "–", "–"}
	if e, ok := allContent(c); ok {
		keys[0] = strconv.FormatFloat(e.TCE, 'f', 1, 64)
	}
	if ix, err := stats.Belief(beliefStats(beliefCounts(c))); err == nil {
		keys[1] = signed(ix.Belief.Value)
	}
	if r, ok := mfaMatch(c); ok {
		keys[2] = pct(r.Value())
	}
	return keys
}

// matrix geometry, in viewBox units (the CSS pixels of the natural size)
const (
	mCellW, mCellH   = 50.0, 28.0 // a cell, models as rows
	mNarrowW         = 46.0       // a column, models as columns
	mKeyW            = 74.0       // a key number's column
	mLabelChar       = 7.8        // the width of a label's character at 12, generously
	mTextSize        = 12.0
	mMarkSize        = 7.0
	mGap             = 14.0 // between the probes and the key numbers
	mMinLabel        = 96.0
	mMaxLabel        = 230.0
	mSwatch, mMargin = 10.0, 4.0
)

// matrixScene draws the overview: models as rows, or with transpose
// probes (then the key numbers) as rows and models as columns.
func matrixScene(id string, rows []matrixRow, probes []string, transpose bool) *scene {
	longestModel, longestProbe := 0, len("belief index")
	for _, r := range rows {
		longestModel = max(longestModel, len([]rune(r.Label)))
	}
	for _, p := range probes {
		longestProbe = max(longestProbe, len([]rune(p)))
	}
	longest, header := longestModel, float64(longestProbe)*mLabelChar+12 // the labels: models; turned above: probes
	if transpose {
		longest, header = longestProbe, min(mMaxLabel, float64(longestModel)*mLabelChar)+mSwatch+16
	}
	label := min(mMaxLabel, max(mMinLabel, mSwatch+8+float64(longest)*mLabelChar))
	s := &scene{ID: id, Label: "accuracy of each model on each probe, with its result"}
	if !transpose {
		s.W = label + float64(len(probes))*mCellW + mGap + float64(len(matrixKeys))*mKeyW + mMargin
		s.H = header + float64(len(rows))*mCellH + mMargin
		for j, p := range probes {
			x := label + float64(j)*mCellW + mCellW/2
			t := s.text(x+4, header-6, p, "start", mTextSize)
			t.Rotate = true
		}
		for k, key := range matrixKeys {
			x := label + float64(len(probes))*mCellW + mGap + float64(k)*mKeyW + mKeyW/2
			t := s.text(x+4, header-6, key.name, "start", mTextSize)
			t.Rotate, t.Bold = true, true
		}
		for i, r := range rows {
			y := header + float64(i)*mCellH
			s.rowLabel(r, 0, y, label)
			for j, c := range r.Cells {
				s.matrixCell(label+float64(j)*mCellW, y, mCellW, c)
			}
			for k, v := range r.Keys {
				x := label + float64(len(probes))*mCellW + mGap + float64(k)*mKeyW + mKeyW/2
				s.text(x, y+mCellH/2+4, v, "middle", mTextSize)
			}
		}
		return s
	}
	names := append(slices.Clone(probes), "")
	for _, k := range matrixKeys {
		names = append(names, k.name)
	}
	s.W = label + float64(len(rows))*mNarrowW + mMargin
	s.H = header + float64(len(names)-1)*mCellH + mGap + mMargin
	for i, r := range rows {
		x := label + float64(i)*mNarrowW + mNarrowW/2
		s.Rects = append(s.Rects, rect{X: x - mSwatch/2, Y: header - 4 - mSwatch, W: mSwatch, H: mSwatch, Fill: r.Color})
		t := s.text(x+4, header-8-mSwatch, r.Label, "start", mTextSize)
		t.Rotate = true
	}
	y := header
	for j, name := range names {
		if name == "" { // the gap between the probes and the key numbers
			y += mGap
			continue
		}
		t := s.text(label-6, y+mCellH/2+4, name, "end", mTextSize)
		t.Bold = j > len(probes)
		for i, r := range rows {
			x := label + float64(i)*mNarrowW
			if j < len(probes) {
				s.matrixCell(x, y, mNarrowW, r.Cells[j])
			} else {
				s.text(x+mNarrowW/2, y+mCellH/2+4, r.Keys[j-len(probes)-1], "middle", mTextSize-1)
			}
		}
		y += mCellH
	}
	return s
}

// rowLabel draws a model's swatch and name at the left of its row.
func (s *scene) rowLabel(r matrixRow, x, y, width float64) {
	s.Rects = append(s.Rects, rect{X: x + 2, Y: y + (mCellH-mSwatch)/2, W: mSwatch, H: mSwatch, Fill: r.Color})
	name := r.Label
	if max := int((width - mSwatch - 10) / mLabelChar); len([]rune(name)) > max {
		name = string([]rune(name)[:max-1]) + "…"
	}
	s.text(x+mSwatch+8, y+mCellH/2+4, name, "start", mTextSize)
}

// matrixCell draws one cell: its colour, its number, and its mark, a tick
// for pass and a cross for FAIL, drawn as strokes so that they need no
// font.
func (s *scene) matrixCell(x, y, w float64, c matrixCell) {
	s.Rects = append(s.Rects, rect{X: x + 1, Y: y + 1, W: w - 2, H: mCellH - 2, Fill: c.Fill, Stroke: "#e2e2e2", Tip: c.Tip})
	t := s.text(x+w/2-4, y+mCellH/2+4, c.Text, "middle", mTextSize)
	if c.Dark {
		t.Fill = "#ffffff"
	}
	stroke := "#222"
	if c.Dark {
		stroke = "#ffffff"
	}
	mx, my := x+w-mMarkSize-4, y+(mCellH-mMarkSize)/2
	switch c.Mark {
	case "pass":
		s.Polys = append(s.Polys, poly{Points: strings.Join([]string{
			num(mx) + "," + num(my+mMarkSize*0.55), num(mx+mMarkSize*0.35) + "," + num(my+mMarkSize),
			num(mx+mMarkSize) + "," + num(my)}, " "), Stroke: stroke})
	case "fail":
		cross := "#c62828"
		if c.Dark {
			cross = "#ffa8a8"
		}
		s.line(mx, my, mx+mMarkSize, my+mMarkSize, cross, 2)
		s.line(mx, my+mMarkSize, mx+mMarkSize, my, cross, 2)
	}
}
