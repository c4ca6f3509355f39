package report

import (
	"bytes"
	"io"
	"strconv"
	"strings"
	"text/tabwriter"
	"unicode/utf8"

	"github.com/syllobench/syllobench/internal/markdown"
	"github.com/syllobench/syllobench/internal/scorecard"
)

// Text writes a plain-text table comparing the cards: one row per probe,
// and for each card (model) a column with the accuracy and its Wilson 95%
// interval, "0.650 [0.524, 0.758]", and one with the probe's result:
// pass, FAIL, or n/a when the model answered none of its questions. A
// probe a card did not run shows "-". A last row, "MFA match", gives the
// share of each card's answers to the premise pairs that equal the most
// frequent human answer (package human), "k/n = p%", or "-" for a card
// without conclusions answers, and "TCE, score" SemEval-2026 Task 11's
// total content effect and ranking score over the card's validity
// questions about real things (scorecard.ContentEffect), or "-".
// Columns are aligned with text/tabwriter.
// A model or probe name with a line break, a tab or another character
// that is not printable is written quoted, as by %q, so that it stays in
// its cell.
func Text(w io.Writer, cards []*scorecard.Scorecard) error {
	rows, err := tableRows(cards, textCell)
	if err != nil {
		return err
	}
	var buf bytes.Buffer
	tw := tabwriter.NewWriter(&buf, 0, 0, 2, ' ', 0)
	for _, row := range rows {
		writeRow(tw, row)
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	// Every cell ends in a tab, so that every column is aligned; the
	// padding this leaves at the end of a line goes.
	var out strings.Builder
	for _, line := range strings.SplitAfter(buf.String(), "\n") {
		if line != "" {
			out.WriteString(strings.TrimRight(line, " \n") + "\n")
		}
	}
	_, err = io.WriteString(w, out.String())
	return err
}

// Markdown writes the table of [Text] as a GitHub-flavoured Markdown
// table, for a pull request or a CI step summary: the accuracy and the
// result of each model share a cell. Names from the scorecards are
// escaped (package markdown).
func Markdown(w io.Writer, cards []*scorecard.Scorecard) error {
	rows, err := tableRows(cards, markdown.Text)
	if err != nil {
		return err
	}
	var b strings.Builder
	for i, row := range rows {
		cells := []string{row[0]}
		for j := 1; j+1 < len(row); j += 2 {
			cells = append(cells, strings.TrimSpace(row[j]+" "+strings.Replace(row[j+1], "FAIL", "**FAIL**", 1)))
		}
		b.WriteString("| " + strings.Join(cells, " | ") + " |\n")
		if i == 0 {
			b.WriteString("|---" + strings.Repeat("|---", len(cells)-1) + "|\n")
		}
	}
	_, err = io.WriteString(w, b.String())
	return err
}

// tableRows is the table of Text and Markdown: a header, a row per
// probe, then the MFA match and the content effect; each model two
// cells, the accuracy and the result. esc escapes names for the format.
func tableRows(cards []*scorecard.Scorecard, esc func(string) string) ([][]string, error) {
	if len(cards) == 0 {
		return nil, errNoCards
	}
	row := []string{"probe"}
	for _, l := range labels(cards) {
		row = append(row, esc(l), "")
	}
	rows := [][]string{row}
	for _, name := range probeNames(cards) {
		row := []string{esc(name)}
		for _, c := range cards {
			p := findProbe(c, name)
			if p == nil {
				row = append(row, "-", "")
				continue
			}
			word, _ := probeStatus(p)
			acc := "-"
			if replies(p) > 0 {
				acc = interval(p.Accuracy, p.Interval[0], p.Interval[1])
			}
			row = append(row, acc, word)
		}
		rows = append(rows, row)
	}
	// The agreement with people's most frequent answer to each premise
	// pair (package human), for the cards with conclusions answers.
	row = []string{"MFA match"}
	for _, c := range cards {
		cell := "-"
		if r, ok := mfaMatch(c); ok {
			cell = rateText(r)
		}
		row = append(row, cell, "")
	}
	rows = append(rows, row)
	// SemEval-2026 Task 11's total content effect and ranking score over
	// all the validity questions about real things.
	row = []string{"TCE, score"}
	for _, c := range cards {
		cell := "-"
		if e, ok := allContent(c); ok {
			cell = strconv.FormatFloat(e.TCE, 'f', 2, 64) + ", " + strconv.FormatFloat(e.Score, 'f', 2, 64)
		}
		row = append(row, cell, "")
	}
	return append(rows, row), nil
}

// textCell returns s, or s quoted when it holds invalid UTF-8 or a
// character that is not printable (a line break, a tab, a control, a
// bidirectional formatting character), which would break the table.
func textCell(s string) string {
	if !utf8.ValidString(s) || strings.IndexFunc(s, func(r rune) bool { return !strconv.IsPrint(r) }) >= 0 {
		return strconv.Quote(s)
	}
	return s
}

// writeRow writes one line of cells, each ended by a tab.
func writeRow(tw io.Writer, cells []string) {
	io.WriteString(tw, strings.Join(cells, "\t")+"\t\n")
}

// allContent returns the content effect of a card over all its validity
// questions with a plausibility.
func allContent(c *scorecard.Scorecard) (scorecard.ContentEffect, bool) {
	for _, e := range c.ContentEffects {
		if e.Probe == scorecard.AllProbes {
			return e, true
		}
	}
	return scorecard.ContentEffect{}, false
}
