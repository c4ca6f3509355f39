package gate

import (
	"encoding/json"
	"fmt"
	"io"
	"strconv"
	"strings"
	"text/tabwriter"
	"unicode/utf8"

	"github.com/syllobench/syllobench/internal/human"
	"github.com/syllobench/syllobench/internal/markdown"
	"github.com/syllobench/syllobench/internal/scorecard"
)

// MFAMatch is the share of each model's answers to the premise pairs
// that equal the most frequent answer people gave (package human's
// MFAMatch, against Ragni 2016): a measure of how human-like the
// answers are, not of how right, so it is reported but never gated on.
// A nil rate is a model without conclusions answers.
type MFAMatch struct {
	Base, Cand *human.Rate
}

// mfaText is a rate as "k/n = p%", or "-" when there is none.
func mfaText(r *human.Rate) string {
	if r == nil || r.N == 0 {
		return "-"
	}
	return fmt.Sprintf("%d/%d = %.0f%%", r.K, r.N, 100*r.Value())
}

// mfaLine is the line under the table that gives the MFA match rates,
// with the model names escaped by esc.
func (c *Comparison) mfaLine(esc func(string) string) string {
	if c.MFA == nil {
		return ""
	}
	return fmt.Sprintf("MFA match with people (Ragni 2016): %s %s, %s %s", esc(c.Base), mfaText(c.MFA.Base), esc(c.Cand), mfaText(c.MFA.Cand))
}

// Everything in a comparison that came from a scorecard (model names,
// probe names, item ids, premises, labels, outcomes, and the warnings
// that quote them) may hold anything a model or a hand-edited file put
// there. The writers below escape it, so that it cannot add lines,
// headings, table rows or HTML to the output, or forge the gate's
// verdict.

// textEsc escapes s for the text format: a string with a character that
// is not printable (a newline, a tab, a control or a bidirectional
// formatting character) or with invalid UTF-8 is written Go-quoted, as
// by %q, so that it stays on its line and shows what it holds; any other
// string is written as it is.
func textEsc(s string) string {
	if !utf8.ValidString(s) || strings.IndexFunc(s, func(r rune) bool { return !strconv.IsPrint(r) }) >= 0 {
		return strconv.Quote(s)
	}
	return s
}

// Format is how a comparison is written.
type Format string

// The formats of WriteTo.
const (
	Text     Format = "text"
	Markdown Format = "markdown" // for a pull request
	JSON     Format = "json"
)

// ParseFormat reads a format name.
func ParseFormat(s string) (Format, error) {
	switch Format(s) {
	case Text, Markdown, JSON:
		return Format(s), nil
	}
	return "", fmt.Errorf("unknown format %q: want text, markdown or json", s)
}

// Write writes c in format f. maxFlips caps each part of the flip list
// (0: no cap); the pinned list is never cut.
func (c *Comparison) Write(w io.Writer, f Format, maxFlips int) error {
	switch f {
	case JSON:
		enc := json.NewEncoder(w)
		enc.SetIndent("", "  ")
		enc.SetEscapeHTML(false)
		return enc.Encode(c.jsonView())
	case Markdown:
		return c.writeMarkdown(w, maxFlips)
	}
	return c.writeText(w, maxFlips)
}

// cells returns the table of c: a header and a row per probe, benchstat
// style, with "~" for a delta that is not significant, and the footnotes.
func (c *Comparison) cells() (rows [][]string, notes []string) {
	rows = append(rows, []string{"probe", "n", c.Base, c.Cand, "delta", "p", ""})
	for _, r := range c.Rows {
		delta := "~"
		if r.Significant {
			delta = fmt.Sprintf("%+.3f", r.Delta)
		}
		verdict := ""
		switch {
		case r.Worse():
			verdict = "worse"
		case r.Significant:
			verdict = "better"
		}
		// A caveat on power matters only where nothing was found.
		if !r.Significant {
			for _, w := range r.Warnings {
				notes = append(notes, w.Error())
				verdict = strings.TrimSpace(verdict + fmt.Sprintf(" (%d)", len(notes)))
			}
		}
		rows = append(rows, []string{r.Probe, fmt.Sprint(r.N), fmt.Sprintf("%.3f", r.BaseAcc), fmt.Sprintf("%.3f", r.CandAcc), delta, pValue(r.P), verdict})
	}
	return rows, notes
}

func pValue(p float64) string {
	if p < 0.001 {
		return "<0.001"
	}
	return fmt.Sprintf("%.3f", p)
}

func (c *Comparison) writeText(w io.Writer, maxFlips int) error {
	var b strings.Builder
	fmt.Fprintf(&b, "candidate %s against baseline %s: %d paired items, exact McNemar on the flipped items, Holm-corrected over %d probes, α = %g\n\n",
		textEsc(c.Cand), textEsc(c.Base), c.Paired, len(c.Rows), c.Thresholds.Alpha)
	rows, notes := c.cells()
	for _, r := range rows {
		for j := range r {
			r[j] = textEsc(r[j])
		}
	}
	width := 0
	for _, r := range rows {
		width = max(width, len(r[0]))
	}
	tw := tabwriter.NewWriter(&b, 0, 0, 2, ' ', tabwriter.AlignRight)
	for _, r := range rows {
		fmt.Fprintf(tw, "%-*s\t%s\t%s\t%s\t%s\t%s\t  %s\n", width, r[0], r[1], r[2], r[3], r[4], r[5], r[6])
	}
	tw.Flush()
	if len(notes) > 0 {
		b.WriteString("\n")
		for i, n := range notes {
			fmt.Fprintf(&b, "(%d) %s\n", i+1, textEsc(n))
		}
	}
	if l := c.mfaLine(textEsc); l != "" {
		fmt.Fprintf(&b, "%s\n", l)
	}
	if c.Content != nil {
		fmt.Fprintf(&b, "%s\n", textEsc(c.Content.line()))
	}
	for _, w := range c.Warnings {
		fmt.Fprintf(&b, "note: %s\n", textEsc(w))
	}
	if c.Failed() {
		b.WriteString("\nFAIL: ")
		var why []string
		for _, r := range c.Rows {
			if r.Worse() {
				why = append(why, textEsc(r.Probe))
			}
		}
		if len(why) > 0 {
			fmt.Fprintf(&b, "significantly worse on %s", strings.Join(why, ", "))
		}
		if len(c.Pinned) > 0 {
			if len(why) > 0 {
				b.WriteString("; ")
			}
			fmt.Fprintf(&b, "%d pinned items regressed", len(c.Pinned))
		}
		b.WriteString("\n")
	} else {
		b.WriteString("\nok: no probe is significantly worse and no pinned item regressed\n")
	}
	flipList(&b, "pinned items that regressed", c.Pinned, 0, textFlip)
	flipList(&b, "right → wrong", c.Regressed, maxFlips, textFlip)
	flipList(&b, "wrong → right", c.Improved, maxFlips, textFlip)
	_, err := io.WriteString(w, b.String())
	return err
}

func flipList(b *strings.Builder, title string, fs []Flip, max int, one func(*strings.Builder, Flip)) {
	if len(fs) == 0 && title == "pinned items that regressed" {
		return
	}
	fmt.Fprintf(b, "\n%s (%d):\n", title, len(fs))
	for i, f := range fs {
		if max > 0 && i == max {
			fmt.Fprintf(b, "  … and %d more (syllobench compare lists every one)\n", len(fs)-max)
			break
		}
		one(b, f)
	}
}

func textFlip(b *strings.Builder, f Flip) {
	fmt.Fprintf(b, "  %s: expected %s; was %s, now %s\n", textEsc(f.ID), textEsc(f.Expected),
		given(f.BaseVerdict, f.BaseOutcome, textEsc), given(f.Verdict, f.Outcome, textEsc))
	if s := statement(f); s != "" {
		fmt.Fprintf(b, "      %s\n", textEsc(s))
	}
}

// given names an answer, or says there was none, escaped by esc.
func given(verdict, outcome string, esc func(string) string) string {
	if verdict == "" {
		return "no answer (" + esc(outcome) + ")"
	}
	return esc(verdict)
}

// statement is the argument of a flip on one line.
func statement(f Flip) string {
	s := strings.Join(f.Premises, " ")
	if f.Conclusion != "" {
		s += " ⇒ " + f.Conclusion
	}
	return s
}

func (c *Comparison) writeMarkdown(w io.Writer, maxFlips int) error {
	var b strings.Builder
	status := "✅ passes"
	if c.Failed() {
		status = "❌ fails"
	}
	fmt.Fprintf(&b, "**syllobench gate %s**: %s against baseline %s (%d paired items, exact McNemar on flipped items, Holm-corrected, α = %g)\n\n",
		status, markdown.Code(c.Cand), markdown.Code(c.Base), c.Paired, c.Thresholds.Alpha)
	rows, notes := c.cells()
	for i, r := range rows {
		for j := range r {
			r[j] = markdown.Text(r[j])
		}
		fmt.Fprintf(&b, "| %s |\n", strings.Join(r, " | "))
		if i == 0 {
			b.WriteString("| --- | ---: | ---: | ---: | ---: | ---: | --- |\n")
		}
	}
	if len(notes) > 0 {
		b.WriteString("\n")
		for i, n := range notes {
			fmt.Fprintf(&b, "(%d) %s  \n", i+1, markdown.Text(n))
		}
	}
	if l := c.mfaLine(markdown.Text); l != "" {
		fmt.Fprintf(&b, "\n%s\n", l)
	}
	if c.Content != nil {
		fmt.Fprintf(&b, "\n%s\n", markdown.Text(c.Content.line()))
	}
	for _, w := range c.Warnings {
		fmt.Fprintf(&b, "\n_Note: %s_\n", markdown.Text(w))
	}
	md := func(b *strings.Builder, f Flip) {
		fmt.Fprintf(b, "- %s: expected **%s**; was %s, now **%s**", markdown.Code(f.ID), markdown.Text(f.Expected),
			given(f.BaseVerdict, f.BaseOutcome, markdown.Text), given(f.Verdict, f.Outcome, markdown.Text))
		if s := statement(f); s != "" {
			fmt.Fprintf(b, "<br>%s", markdown.Text(s))
		}
		b.WriteString("\n")
	}
	for _, part := range []struct {
		title string
		fs    []Flip
		max   int
	}{{"Pinned items that regressed", c.Pinned, 0}, {"Right → wrong", c.Regressed, maxFlips}, {"Wrong → right", c.Improved, maxFlips}} {
		if len(part.fs) == 0 && part.title == "Pinned items that regressed" {
			continue
		}
		fmt.Fprintf(&b, "\n<details><summary>%s (%d)</summary>\n\n", part.title, len(part.fs))
		for i, f := range part.fs {
			if part.max > 0 && i == part.max {
				fmt.Fprintf(&b, "- … and %d more\n", len(part.fs)-part.max)
				break
			}
			md(&b, f)
		}
		b.WriteString("\n</details>\n")
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// jsonRow is a Row as JSON: warnings as strings, the test's p-values by
// name.
type jsonRow struct {
	Probe        string   `json:"probe"`
	N            int      `json:"n"`
	BaseCorrect  int      `json:"base_correct"`
	CandCorrect  int      `json:"cand_correct"`
	Regressions  int      `json:"regressions"`
	Improvements int      `json:"improvements"`
	BaseAcc      float64  `json:"base_accuracy"`
	CandAcc      float64  `json:"cand_accuracy"`
	Delta        float64  `json:"delta"`
	CohenH       float64  `json:"cohen_h"`
	PRaw         float64  `json:"p_two_sided"`
	P            float64  `json:"p_holm"`
	Significant  bool     `json:"significant"`
	Worse        bool     `json:"worse"`
	Warnings     []string `json:"warnings,omitempty"`
}

type jsonComparison struct {
	Base      string       `json:"baseline"`
	Cand      string       `json:"candidate"`
	Alpha     float64      `json:"alpha"`
	Failed    bool         `json:"failed"`
	Rows      []jsonRow    `json:"probes"`
	Pinned    []Flip       `json:"pinned_regressions"`
	Regressed []Flip       `json:"right_to_wrong"`
	Improved  []Flip       `json:"wrong_to_right"`
	Paired    int          `json:"paired"`
	Unpaired  int          `json:"unpaired"`
	Warnings  []string     `json:"warnings,omitempty"`
	MFA       *jsonMFA     `json:"mfa_match,omitempty"`
	Content   *jsonContent `json:"content_effect,omitempty"`
}

// jsonContent is a ContentChange as JSON.
type jsonContent struct {
	Items     int                     `json:"items"`
	Base      scorecard.ContentEffect `json:"baseline"`
	Cand      scorecard.ContentEffect `json:"candidate"`
	Change    float64                 `json:"tce_change"`
	Interval  [2]float64              `json:"tce_change_interval"`
	Resamples int                     `json:"resamples"`
	Seed      uint64                  `json:"seed"`
}

// jsonMFA is an MFAMatch as JSON; a model without conclusions answers
// is null.
type jsonMFA struct {
	Base *jsonRate `json:"baseline"`
	Cand *jsonRate `json:"candidate"`
}

type jsonRate struct {
	K    int     `json:"k"`
	N    int     `json:"n"`
	Rate float64 `json:"rate"`
}

func toJSONRate(r *human.Rate) *jsonRate {
	if r == nil || r.N == 0 {
		return nil
	}
	return &jsonRate{K: r.K, N: r.N, Rate: r.Value()}
}

func (c *Comparison) jsonView() jsonComparison {
	j := jsonComparison{Base: c.Base, Cand: c.Cand, Alpha: c.Thresholds.Alpha, Failed: c.Failed(),
		Pinned: nonNil(c.Pinned), Regressed: nonNil(c.Regressed), Improved: nonNil(c.Improved), Paired: c.Paired, Unpaired: c.Unpaired, Warnings: c.Warnings}
	for _, r := range c.Rows {
		jr := jsonRow{Probe: r.Probe, N: r.N, BaseCorrect: r.BaseCorrect, CandCorrect: r.CandCorrect, Regressions: r.Regressions,
			Improvements: r.Improvements, BaseAcc: r.BaseAcc, CandAcc: r.CandAcc, Delta: r.Delta, CohenH: r.H,
			PRaw: r.McNemar.TwoSided, P: r.P, Significant: r.Significant, Worse: r.Worse()}
		for _, w := range r.Warnings {
			jr.Warnings = append(jr.Warnings, w.Error())
		}
		j.Rows = append(j.Rows, jr)
	}
	if c.MFA != nil {
		j.MFA = &jsonMFA{Base: toJSONRate(c.MFA.Base), Cand: toJSONRate(c.MFA.Cand)}
	}
	if ch := c.Content; ch != nil {
		j.Content = &jsonContent{Items: ch.Items, Base: ch.Base, Cand: ch.Cand, Change: round4(ch.Change),
			Interval: [2]float64{round4(ch.Lo), round4(ch.Hi)}, Resamples: ch.Resamples, Seed: ch.Seed}
	}
	return j
}

func nonNil(fs []Flip) []Flip {
	if fs == nil {
		return []Flip{}
	}
	return fs
}
