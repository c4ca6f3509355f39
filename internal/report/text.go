package report

import (
	"bytes"
	"io"
	"strings"
	"text/tabwriter"

	"github.com/syllobench/syllobench/internal/scorecard"
)

// Text writes a plain-text table comparing the cards: one row per probe,
// and for each card (model) a column with the accuracy and its Wilson 95%
// interval, "0.650 [0.524, 0.758]", and one with the probe's result:
// pass, FAIL, or n/a when the model answered none of its questions. A
// probe a card did not run shows "-". Columns are aligned with
// text/tabwriter.
func Text(w io.Writer, cards []*scorecard.Scorecard) error {
	if len(cards) == 0 {
		return errNoCards
	}
	var buf bytes.Buffer
	tw := tabwriter.NewWriter(&buf, 0, 0, 2, ' ', 0)
	row := []string{"probe"}
	for _, l := range labels(cards) {
		row = append(row, l, "")
	}
	writeRow(tw, row)
	for _, name := range probeNames(cards) {
		row := []string{name}
		for _, c := range cards {
			p := findProbe(c, name)
			if p == nil {
				row = append(row, "-", "")
				continue
			}
			word, _ := probeStatus(p)
			acc := "-"
			if p.Correct+p.Wrong+p.Unparseable > 0 {
				acc = interval(p.Accuracy, p.Interval[0], p.Interval[1])
			}
			row = append(row, acc, word)
		}
		writeRow(tw, row)
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	_, err := w.Write(buf.Bytes())
	return err
}

// writeRow writes one line of cells, without the padding tabwriter would
// leave after the last one.
func writeRow(tw io.Writer, cells []string) {
	for len(cells) > 1 && cells[len(cells)-1] == "" {
		cells = cells[:len(cells)-1]
	}
	io.WriteString(tw, strings.Join(cells, "\t")+"\n")
}
