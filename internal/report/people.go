package report

import (
	"fmt"
	"math"
	"strconv"
	"strings"

	"github.com/syllobench/syllobench/internal/ccobra"
	"github.com/syllobench/syllobench/internal/forms"
	"github.com/syllobench/syllobench/internal/human"
	"github.com/syllobench/syllobench/internal/logic"
	"github.com/syllobench/syllobench/internal/scorecard"
)

// The "Compared with people" section sets each model's answers to the 64
// premise pairs (the conclusions probe) beside the human data and the
// theories' predictions of package human. Every number in it comes from
// that package.

// peopleSection is what the template draws for it.
type peopleSection struct {
	Notes    []string
	Heat     figure
	Scatter  figure
	Fit      fitTable
	Patterns patternTable
}

// fitTable is the theory-fit table: a row per model with answers, and
// people's own row for reference.
type fitTable struct {
	Theories []string
	Mean     []string // responses each theory predicts per pair
	Rows     []fitRow
}

type fitRow struct {
	Label, Color string // Color "" for people's row
	Cells        []fitCell
	Best         string
	MFA          fitCell
}

type fitCell struct {
	Rate, Pct string // "32/32", "100%"
	Best      bool
}

// patternTable shows the human error patterns for each model and for people.
type patternTable struct {
	Columns []string
	Rows    []patternRow
}

type patternRow struct {
	What, Expect string
	Cells        []fitCell
}

// peopleRagni names the human reference data.
const peopleRagni = "people (Ragni 2016)"

// analysed is a card's answers to the premise pairs as package human
// counts them.
type analysed struct {
	label, color string
	counts       ccobra.Counts
	sem          logic.Semantics
	answers      int
}

// modelAnswers reads the conclusions answers of c; ok is false, with a
// note, when there are none to analyse.
func modelAnswers(c *scorecard.Scorecard, label string) (a analysed, note string, ok bool) {
	if len(itemsOf(c, human.Probe)) == 0 {
		return a, label + ": no conclusions questions in this run, so no comparison with people.", false
	}
	sem, err := logic.ParseSemantics(c.Config.Semantics)
	if err != nil {
		return a, fmt.Sprintf("%s: not compared with people: %v.", label, err), false
	}
	counts, sk, err := human.FromScorecard(c)
	if err != nil {
		return a, fmt.Sprintf("%s: not compared with people: %v.", label, err), false
	}
	a = analysed{label: label, counts: counts, sem: sem}
	for i := range counts {
		a.answers += counts.Total(i)
	}
	var skipped []string
	if sk.Unanswered > 0 {
		skipped = append(skipped, fmt.Sprintf("%d without an answer (unparseable, failed or declined)", sk.Unanswered))
	}
	if sk.Unknown > 0 {
		skipped = append(skipped, fmt.Sprintf("%d with a label that is not one of the options", sk.Unknown))
	}
	if sk.Undescribed > 0 {
		skipped = append(skipped, fmt.Sprintf("%d from a scorecard of format 1, which does not record what each option meant (replay it to write a new one)", sk.Undescribed))
	}
	if len(skipped) > 0 {
		note = fmt.Sprintf("%s: %d conclusions answers compared; left out: %s.", label, a.answers, strings.Join(skipped, ", "))
	}
	if a.answers == 0 {
		if note == "" {
			note = label + ": no conclusions question answered"
		}
		return a, note + " Nothing to compare with people.", false
	}
	return a, note, true
}

// mfaMatch is the MFA match rate of a card with Ragni 2016; ok is false
// when the card has no conclusions answers to compare.
func mfaMatch(c *scorecard.Scorecard) (human.Rate, bool) {
	if len(itemsOf(c, human.Probe)) == 0 {
		return human.Rate{}, false
	}
	d, err := ccobra.Load()
	if err != nil {
		return human.Rate{}, false
	}
	counts, _, err := human.FromScorecard(c)
	if err != nil {
		return human.Rate{}, false
	}
	r := human.MFAMatch(counts, d.Ragni)
	return r, r.N > 0
}

// rateCell formats a rate as "k/n" and a whole percentage.
func rateCell(r human.Rate) fitCell {
	if r.N == 0 {
		return fitCell{Rate: "–", Pct: "no answers"}
	}
	return fitCell{Rate: strconv.Itoa(r.K) + "/" + strconv.Itoa(r.N), Pct: pct(r.Value())}
}

// rateText is a rate as "k/n = p%".
func rateText(r human.Rate) string {
	c := rateCell(r)
	if r.N == 0 {
		return "–"
	}
	return c.Rate + " = " + c.Pct
}

func buildPeople(cards []*scorecard.Scorecard, names []string) peopleSection {
	var ps peopleSection
	d, err := ccobra.Load()
	if err != nil {
		ps.Notes = append(ps.Notes, "The human data could not be loaded: "+err.Error())
		return ps
	}
	var models []analysed
	for i, c := range cards {
		a, note, ok := modelAnswers(c, names[i])
		if note != "" {
			ps.Notes = append(ps.Notes, note)
		}
		if ok {
			a.color = modelColor(i)
			models = append(models, a)
		}
	}
	ps.Heat = figure{
		Title: "Accuracy over the 64 premise pairs: the model beside people",
		Caption: "For each model, its accuracy on each premise pair (left) beside that of the 139 people of Ragni et al. (2016) on the same pair (right), " +
			"laid out as the conclusions map above: rows are the premises' moods, columns the figure; white cells were not asked in this run.",
		Legend: []legendItem{
			{Color: heatColor(0), Label: "0%"}, {Color: heatColor(0.25), Label: "25%"}, {Color: heatColor(0.5), Label: "50%"},
			{Color: heatColor(0.75), Label: "75%"}, {Color: heatColor(1), Label: "100% correct"},
			{Color: "#ffffff", Stroke: "#bbb", Label: "not asked"},
		},
		Collapse: true,
	}
	ps.Scatter = figure{
		Title: "Model vs people, pair by pair",
		Caption: "Each point is a premise pair the model was asked: across, the share of people who answered it correctly (Ragni 2016); up, the model's accuracy. " +
			"Points on the dashed diagonal are pairs the model finds as hard as people do; a high correlation means the model finds hard what people find hard.",
		Legend:   []legendItem{{Color: "#999", Label: "dashed: model as accurate as people", Line: true, Dash: "5 4"}},
		Collapse: true,
	}
	for mi, m := range models {
		macc := human.Accuracy(m.counts, m.sem)
		hacc := human.Accuracy(d.Ragni, m.sem)
		id := strconv.Itoa(mi + 1)
		ps.Heat.Charts = append(ps.Heat.Charts, panel{
			Heading: m.label,
			Scene:   peopleHeatScene("chart-people-heat-"+id, "accuracy over the premise pairs, "+m.label+" and people", &m.counts, &d.Ragni, macc, hacc),
		})
		pn := panel{Heading: m.label, Scene: scatterScene("chart-people-scatter-"+id, "model vs people accuracy per pair, "+m.label, macc, hacc, m.color)}
		if cr, err := human.Correlate(macc, hacc); err == nil {
			pn.Lines = append(pn.Lines,
				fmt.Sprintf("Pearson r = %s, 95%% interval [%s, %s]", signed(cr.Pearson.R), signed(cr.Pearson.Lo), signed(cr.Pearson.Hi)),
				fmt.Sprintf("Spearman ρ = %s, 95%% interval [%s, %s]", signed(cr.Spearman.R), signed(cr.Spearman.Lo), signed(cr.Spearman.Hi)),
				fmt.Sprintf("over the %d pairs asked", cr.Pearson.N))
		} else {
			pn.Lines = append(pn.Lines, "No correlation: "+strings.TrimPrefix(err.Error(), "correlate: ")+".")
		}
		ps.Scatter.Charts = append(ps.Scatter.Charts, pn)
	}
	if len(models) == 0 {
		return ps
	}

	// The theory fit: the models, then people for reference.
	ps.Fit.Theories = ccobra.Theories
	for _, th := range ccobra.Theories {
		ps.Fit.Mean = append(ps.Fit.Mean, strconv.FormatFloat(d.MeanPredicted(th), 'f', 1, 64))
	}
	fitRowOf := func(label, color string, c ccobra.Counts) fitRow {
		fits := human.TheoryFit(c, d)
		best := human.Best(fits)
		row := fitRow{Label: label, Color: color, Best: strings.Join(best, ", "), MFA: rateCell(human.MFAMatch(c, d.Ragni))}
		for _, f := range fits {
			cell := rateCell(f.Rate)
			for _, b := range best {
				cell.Best = cell.Best || b == f.Theory
			}
			row.Cells = append(row.Cells, cell)
		}
		if row.Best == "" {
			row.Best = "–"
		}
		return row
	}
	for _, m := range models {
		ps.Fit.Rows = append(ps.Fit.Rows, fitRowOf(m.label, m.color, m.counts))
	}
	ps.Fit.Rows = append(ps.Fit.Rows, fitRowOf(peopleRagni, "", d.Ragni))

	// The error patterns: a column per model, then people's, each under
	// the model's semantics (the first model's for people).
	type col struct {
		counts ccobra.Counts
		sem    logic.Semantics
	}
	var cols []col
	for _, m := range models {
		ps.Patterns.Columns = append(ps.Patterns.Columns, m.label)
		cols = append(cols, col{m.counts, m.sem})
	}
	ps.Patterns.Columns = append(ps.Patterns.Columns, peopleRagni)
	cols = append(cols, col{d.Ragni, models[0].sem})
	rows := []struct {
		what, expect string
		f            func(c col) human.Rate
	}{
		{"figure 1 (A–B, B–C): conclusions a–c", "people: most", func(c col) human.Rate {
			fg := human.FiguralEffect(c.counts)
			return human.Rate{K: fg.Fig1AC, N: fg.Fig1AC + fg.Fig1CA}
		}},
		{"figure 2 (B–A, C–B): conclusions c–a", "people: most", func(c col) human.Rate {
			fg := human.FiguralEffect(c.counts)
			return human.Rate{K: fg.Fig2CA, N: fg.Fig2AC + fg.Fig2CA}
		}},
		{"“no valid conclusion” on pairs without one", "right; a sound reasoner: 100%", func(c col) human.Rate {
			nv, _ := human.NVCRates(c.counts, c.sem)
			return nv
		}},
		{"“no valid conclusion” on pairs with one", "wrong; a sound reasoner: 0%", func(c col) human.Rate {
			_, v := human.NVCRates(c.counts, c.sem)
			return v
		}},
		{"conversion errors, of all answers", "wrong, but right had a premise been converted", func(c col) human.Rate {
			return human.ConversionErrors(c.counts, c.sem)
		}},
	}
	for _, r := range rows {
		pr := patternRow{What: r.what, Expect: r.expect}
		for _, c := range cols {
			pr.Cells = append(pr.Cells, rateCell(r.f(c)))
		}
		ps.Patterns.Rows = append(ps.Patterns.Rows, pr)
	}
	return ps
}

// humanCounts turns one pair's answers into the report's counts: right
// and wrong by acc, the pair's accuracy from package human.
func humanCounts(total int, acc float64) counts {
	if total == 0 || math.IsNaN(acc) {
		return counts{}
	}
	k := int(math.Round(acc * float64(total)))
	return counts{N: total, Correct: k, Wrong: total - k}
}

// peopleHeatScene draws two pair grids side by side, the model's and
// people's, in the layout of the conclusions map of the heat map section.
func peopleHeatScene(id, label string, model, people *ccobra.Counts, macc, hacc []float64) *scene {
	var mg, hg [16][4]counts
	for i, p := range forms.Pairs() {
		r, fig, ok := pairForm(p.ID())
		if !ok {
			continue
		}
		mg[r][fig] = humanCounts(model.Total(i), macc[i])
		hg[r][fig] = humanCounts(people.Total(i), hacc[i])
	}
	const top = 62.0
	x0 := 40.0
	x1 := x0 + 4*cellSize + 44
	s := &scene{ID: id, Label: label, W: x1 + 4*cellSize + 8, H: top + 16*cellSize + 3*blockGap + 8}
	pairGrid(s, x0, top, "model", &mg)
	pairGrid(s, x1, top, "people", &hg)
	return s
}

// pairGrid draws the 16 × 4 grid of the premise pairs at x0, with its
// title, the figures across and the moods down.
func pairGrid(s *scene, x0, top float64, title string, g *[16][4]counts) {
	t := s.text(x0+2*cellSize, 12, title, "middle", 11)
	t.Bold = true
	s.text(x0+2*cellSize, 26, "(premise pairs)", "middle", 10)
	s.text(x0+2*cellSize, 42, "figure", "middle", 10)
	for fig := range 4 {
		s.text(x0+float64(fig)*cellSize+cellSize/2, top-6, strconv.Itoa(fig+1), "middle", 10)
	}
	s.text(x0-4, top-6, "prem.", "end", 9)
	for r := range 16 {
		mood := string(moods[r/4]) + string(moods[r%4])
		y := top + float64(r)*cellSize + float64(r/4)*blockGap
		s.text(x0-5, y+cellSize-5, mood, "end", 10)
		for fig := range 4 {
			s.heatCell(x0+float64(fig)*cellSize, y, title+", "+mood+strconv.Itoa(fig+1), g[r][fig])
		}
	}
}

// scatterScene plots the model's accuracy on each pair (up) against
// people's (across), both from 0 to 1, with the diagonal.
func scatterScene(id, label string, macc, hacc []float64, color string) *scene {
	const size = 300.0
	s := &scene{ID: id, Label: label, W: size, H: size}
	p := plot{X0: 52, Y0: 14, X1: size - 16, Y1: size - 44}
	s.yAxis(p, "model accuracy")
	x := func(v float64) float64 { return p.X0 + v*(p.X1-p.X0) }
	for _, v := range []float64{0, 0.25, 0.5, 0.75, 1} {
		s.Grid = append(s.Grid, line{x(v), p.Y0, x(v), p.Y1, "#eee", 1})
		s.line(x(v), p.Y1, x(v), p.Y1+4, "#444", 1)
		s.text(x(v), p.Y1+16, pct(v), "middle", 11)
	}
	s.text((p.X0+p.X1)/2, size-6, "people’s accuracy (Ragni 2016)", "middle", 12)
	s.Polys = append(s.Polys, poly{Points: num(x(0)) + "," + num(p.y(0)) + " " + num(x(1)) + "," + num(p.y(1)), Stroke: "#999", Dash: "5 4"})
	for i, pr := range forms.Pairs() {
		if math.IsNaN(macc[i]) || math.IsNaN(hacc[i]) {
			continue
		}
		tip := fmt.Sprintf("%s: model %s correct, people %s", pr.ID(), pct(macc[i]), pct(hacc[i]))
		s.Circles = append(s.Circles, circle{X: x(hacc[i]), Y: p.y(macc[i]), R: 4, Fill: color, Tip: tip})
	}
	return s
}
