package report

import (
	"bytes"
	"io"
	"strconv"
	"strings"
	"text/tabwriter"
	"unicode/utf8"

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
	if len(cards) == 0 {
		return errNoCards
	}
	var buf bytes.Buffer
	tw := tabwriter.NewWriter(&buf, 0, 0, 2, ' ', 0)
	row := []string{"probe"}
	for _, l := range labels(cards) {
		row = append(row, textCell(l), "")
	}
	writeRow(tw, row)
	for _, name := range probeNames(cards) {
		row := []string{textCell(name)}
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
		writeRow(tw, row)
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
	writeRow(tw, row)
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
	writeRow(tw, row)
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
	_, err := io.WriteString(w, out.String())
	return err
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
