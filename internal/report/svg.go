package report

import (
	"cmp"
	"math"
	"slices"
	"strconv"
	"strings"
)

// A scene is one SVG chart as a list of shapes with their coordinates;
// the template draws it layer by layer, grid lines under bars under
// whiskers under text. Every text and tooltip goes through html/template,
// so it is escaped.
type scene struct {
	ID      string
	Label   string // the chart's accessible name
	W, H    float64
	Grid    []line
	Rects   []rect
	Polys   []poly
	Lines   []line
	Circles []circle
	Shapes  []shape
	Texts   []text
}

// A shape is a filled polygon: a marker of a line chart.
type shape struct {
	Points string
	Fill   string
	Tip    string
}

type rect struct {
	X, Y, W, H   float64
	Fill, Stroke string
	Tip          string // a tooltip; "" for none
}

type line struct {
	X1, Y1, X2, Y2 float64
	Stroke         string
	Width          float64
}

type poly struct {
	Points string
	Stroke string
	Dash   string // a stroke-dasharray; "" for a solid line
}

type circle struct {
	X, Y, R float64
	Fill    string
	Tip     string
}

type text struct {
	X, Y   float64
	Text   string
	Anchor string // start, middle or end
	Size   float64
	Bold   bool
	Rotate bool // rotated a quarter turn anticlockwise about (X, Y)
	Fill   string
}

// minText is the smallest size, in CSS pixels, that a chart's text is
// drawn at: a chart is never drawn narrower than its MinWidth, and scrolls
// sideways in its panel on a screen narrower than that.
const minText = 9.0

// MinWidth is the narrowest a scene is drawn: the width at which its
// smallest text is minText pixels high, and at most its own width.
func (s *scene) MinWidth() float64 {
	smallest := 12.0
	for _, t := range s.Texts {
		smallest = min(smallest, t.Size)
	}
	return min(s.W, math.Ceil(s.W*minText/smallest))
}

// num formats a coordinate for an attribute.
func num(x float64) string {
	if math.IsNaN(x) || math.IsInf(x, 0) {
		return "0"
	}
	return strconv.FormatFloat(math.Round(x*10)/10, 'f', -1, 64)
}

func (s *scene) text(x, y float64, t, anchor string, size float64) *text {
	s.Texts = append(s.Texts, text{X: x, Y: y, Text: t, Anchor: anchor, Size: size, Fill: "#222"})
	return &s.Texts[len(s.Texts)-1]
}

func (s *scene) line(x1, y1, x2, y2 float64, stroke string, width float64) {
	s.Lines = append(s.Lines, line{x1, y1, x2, y2, stroke, width})
}

// whisker draws a vertical interval with caps.
func (s *scene) whisker(x, lo, hi float64) {
	const cap = 4
	s.line(x, lo, x, hi, "#111", 1.2)
	s.line(x-cap, lo, x+cap, lo, "#111", 1.2)
	s.line(x-cap, hi, x+cap, hi, "#111", 1.2)
}

// plot is the rectangle of a chart that holds the data, with the scale
// of its vertical axis, a proportion from 0 at the bottom to 1 at the top.
type plot struct{ X0, Y0, X1, Y1 float64 }

func (p plot) y(v float64) float64 { return p.Y1 - v*(p.Y1-p.Y0) }

// yAxis draws the proportion axis: grid lines at every quarter, their
// labels in percent, and the axis title turned on its side.
func (s *scene) yAxis(p plot, title string) {
	for _, v := range []float64{0, 0.25, 0.5, 0.75, 1} {
		y := p.y(v)
		s.Grid = append(s.Grid, line{p.X0, y, p.X1, y, "#ddd", 1})
		s.text(p.X0-6, y+4, pct(v), "end", 11)
	}
	s.line(p.X0, p.Y0, p.X0, p.Y1, "#444", 1)
	s.line(p.X0, p.Y1, p.X1, p.Y1, "#444", 1)
	t := s.text(14, (p.Y0+p.Y1)/2, title, "middle", 12)
	t.Rotate = true
}

// A bar is one proportion of a bar chart.
type bar struct {
	Key   string // what the bar is, shown in the legend and the tooltip
	Color string
	Val   prop
	What  string // the noun counted, for the tooltip: "accepted", "correct"
}

// A barGroup is the bars drawn together above one label.
type barGroup struct {
	Label string
	Bars  []bar
}

// barOpts are the choices of a bar chart.
type barOpts struct {
	ID, Label      string
	Width, Height  float64
	YTitle, XTitle string
	Values         bool // print each bar's percentage above its whisker
	MaxBar         float64
}

// barChart draws groups of bars with their Wilson intervals as whiskers.
// A bar with no trials is not drawn: "no data" is written in its place.
func barChart(groups []barGroup, o barOpts) *scene {
	s := &scene{ID: o.ID, Label: o.Label, W: o.Width, H: o.Height}
	bottom := 44.0
	if o.XTitle == "" {
		bottom = 28
	}
	p := plot{X0: 52, Y0: 14, X1: o.Width - 10, Y1: o.Height - bottom}
	s.yAxis(p, o.YTitle)
	gw := (p.X1 - p.X0) / float64(max(1, len(groups)))
	maxBar := o.MaxBar
	if maxBar == 0 {
		maxBar = 26
	}
	for gi, g := range groups {
		gx := p.X0 + gw*float64(gi)
		n := max(1, len(g.Bars))
		bw := min(maxBar, gw*0.8/float64(n))
		x0 := gx + (gw-bw*float64(n))/2
		for bi, b := range g.Bars {
			x := x0 + bw*float64(bi)
			cx := x + bw/2
			if b.Val.N == 0 {
				t := s.text(cx, p.Y1-6, "no data", "start", 10)
				t.Rotate = true
				t.Fill = "#888"
				continue
			}
			y := p.y(b.Val.P)
			tip := b.Key + ": " + strconv.Itoa(b.Val.K) + " of " + strconv.Itoa(b.Val.N) + " " + b.What +
				" = " + pct(b.Val.P) + ", 95% interval " + pct(b.Val.Lo) + "–" + pct(b.Val.Hi)
			s.Rects = append(s.Rects, rect{X: x + 1, Y: y, W: bw - 2, H: p.Y1 - y, Fill: b.Color, Tip: tip})
			s.whisker(cx, p.y(b.Val.Lo), p.y(b.Val.Hi))
			if o.Values {
				s.text(cx, p.y(b.Val.Hi)-5, pct(b.Val.P), "middle", 10)
			}
		}
		t := s.text(gx+gw/2, p.Y1+16, g.Label, "middle", 12)
		t.Bold = true
	}
	if o.XTitle != "" {
		s.text((p.X0+p.X1)/2, o.Height-6, o.XTitle, "middle", 12)
	}
	return s
}

// A series is one line of a line chart: a model's accuracy at each x.
type series struct {
	Key    string
	Color  string
	Points map[int]prop // by x; x without answered items are absent
	What   string       // the x, for the tooltip: "depth"
}

// lineChart draws one line per series over integer x values, each point
// with its interval. Lines that coincide (two models at 100%) stay apart:
// series are shifted apart a little, each has its own dashes and its own
// marker (circle, square, triangle, diamond), and each is named at its
// right end, the names moved apart where the ends meet.
func lineChart(xs []int, ss []series, id, label, xTitle, yTitle string, width, height float64) *scene {
	longest := 0
	for _, sr := range ss {
		longest = max(longest, len([]rune(sr.Key)))
	}
	labelW := min(180, 14+6.6*float64(longest))
	width += labelW
	s := &scene{ID: id, Label: label, W: width, H: height}
	p := plot{X0: 52, Y0: 14, X1: width - 16 - labelW, Y1: height - 44}
	s.yAxis(p, yTitle)
	lo, hi := xs[0], xs[len(xs)-1]
	span := float64(max(1, hi-lo))
	pad := 24.0
	xpos := func(x int) float64 { return p.X0 + pad + (p.X1-p.X0-2*pad)*float64(x-lo)/span }
	for x := lo; x <= hi; x++ {
		s.text(xpos(x), p.Y1+16, strconv.Itoa(x), "middle", 11)
		s.line(xpos(x), p.Y1, xpos(x), p.Y1+4, "#444", 1)
	}
	s.text((p.X0+p.X1)/2, height-6, xTitle, "middle", 12)
	type end struct {
		y     float64
		key   string
		color string
	}
	var ends []end
	for si, sr := range ss {
		dx := (float64(si) - float64(len(ss)-1)/2) * 5
		var pts []string
		lastY, last := 0.0, false
		for _, x := range xs {
			v, ok := sr.Points[x]
			if !ok || v.N == 0 {
				continue
			}
			cx, cy := xpos(x)+dx, p.y(v.P)
			pts = append(pts, num(cx)+","+num(cy))
			s.Lines = append(s.Lines,
				line{cx, p.y(v.Lo), cx, p.y(v.Hi), sr.Color, 1.2},
				line{cx - 3, p.y(v.Lo), cx + 3, p.y(v.Lo), sr.Color, 1.2},
				line{cx - 3, p.y(v.Hi), cx + 3, p.y(v.Hi), sr.Color, 1.2})
			tip := sr.Key + ", " + sr.What + " " + strconv.Itoa(x) + ": " + strconv.Itoa(v.K) + " of " + strconv.Itoa(v.N) +
				" correct = " + pct(v.P) + ", 95% interval " + pct(v.Lo) + "–" + pct(v.Hi)
			s.marker(si, cx, cy, sr.Color, tip)
			lastY, last = cy, true
		}
		if len(pts) > 1 {
			s.Polys = append(s.Polys, poly{Points: strings.Join(pts, " "), Stroke: sr.Color, Dash: lineDash(si)})
		}
		if last {
			ends = append(ends, end{lastY, sr.Key, sr.Color})
		}
	}
	// The names at the right ends, top to bottom, at least a line apart.
	slices.SortStableFunc(ends, func(a, b end) int { return cmp.Compare(a.y, b.y) })
	const gap = 13.0
	for i := range ends {
		if i > 0 {
			ends[i].y = max(ends[i].y, ends[i-1].y+gap)
		}
	}
	if n := len(ends); n > 0 && ends[n-1].y > p.Y1 { // pushed below the plot: move them all up
		shift := ends[n-1].y - p.Y1
		for i := range ends {
			ends[i].y -= shift
		}
	}
	for _, e := range ends {
		t := s.text(p.X1+8, e.y+4, e.key, "start", 11)
		t.Fill = e.color
	}
	return s
}

// marker draws the i-th series' marker at (x, y): a circle, a square, a
// triangle or a diamond, so that series that coincide can be told apart
// without colour.
func (s *scene) marker(i int, x, y float64, color, tip string) {
	const r = 4.0
	pts := func(xy ...float64) string {
		var b []string
		for j := 0; j+1 < len(xy); j += 2 {
			b = append(b, num(x+xy[j])+","+num(y+xy[j+1]))
		}
		return strings.Join(b, " ")
	}
	switch i % 4 {
	case 0:
		s.Circles = append(s.Circles, circle{X: x, Y: y, R: r, Fill: color, Tip: tip})
	case 1:
		s.Shapes = append(s.Shapes, shape{Points: pts(-r, -r, r, -r, r, r, -r, r), Fill: color, Tip: tip})
	case 2:
		s.Shapes = append(s.Shapes, shape{Points: pts(0, -r-1, r+1, r, -r-1, r), Fill: color, Tip: tip})
	default:
		s.Shapes = append(s.Shapes, shape{Points: pts(0, -r-1, r+1, 0, 0, r+1, -r-1, 0), Fill: color, Tip: tip})
	}
}

// lineDash is the dashing of the i-th line of a line chart.
func lineDash(i int) string { return []string{"", "7 4", "3 3", "10 3 3 3"}[i%4] }

// palette are the colours of the models, in order (Okabe & Ito's, which
// readers with colour-blindness can tell apart, yellow left out as it
// does not show on white; then Tol's wine and indigo, so that the nine
// reference reasoners get nine colours).
var palette = []string{"#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#000000", "#999999", "#882255", "#332288"}

func modelColor(i int) string { return palette[i%len(palette)] }

// viridis anchors, from 0 to 1 in steps of a quarter.
var viridis = [5][3]float64{
	{68, 1, 84}, {59, 82, 139}, {33, 145, 140}, {94, 201, 98}, {253, 231, 37},
}

// heatColor is the colour of an accuracy v in [0, 1], on the viridis
// scale: dark purple for 0, teal for a half, yellow for 1.
func heatColor(v float64) string {
	v = min(1, max(0, v))
	f := v * 4
	i := min(3, int(f))
	t := f - float64(i)
	var b strings.Builder
	b.WriteByte('#')
	for c := range 3 {
		x := viridis[i][c] + t*(viridis[i+1][c]-viridis[i][c])
		h := strconv.FormatInt(int64(math.Round(x)), 16)
		if len(h) < 2 {
			b.WriteByte('0')
		}
		b.WriteString(h)
	}
	return b.String()
}
