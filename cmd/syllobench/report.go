package main

import (
	"bytes"
	"fmt"
	"io"
	"strings"

	"github.com/syllobench/syllobench/internal/atomicfile"
	"github.com/syllobench/syllobench/internal/report"
	"github.com/syllobench/syllobench/internal/scorecard"
)

const reportUsage = `usage: syllobench report [-o report.html] SCORECARD.json...

Writes one self-contained HTML page from the scorecards, side by side:
a summary table per probe and model with 95% intervals, a model
comparison, the belief-bias 2×2, accuracy by chain depth, heat maps over
the premise pairs and the syllogisms, the prompt formats, and the worst
content-bias pairs with their text. The charts are inline SVG; the page
needs no script and no network. Give one scorecard per model (or run).
`

func runReport(stdout, stderr io.Writer, args []string) error {
	fs := newFlags("report", stdout)
	fs.Usage = func() { fmt.Fprint(fs.Output(), reportUsage); fs.PrintDefaults() }
	out := fs.String("o", "report.html", `the file to write; "-" for standard output`)
	files, help, err := parseInterspersed(fs, args)
	if help || err != nil {
		return err
	}
	if len(files) == 0 {
		return usagef("report: no scorecard given (syllobench report -h shows how)")
	}
	if *out == "" {
		return usagef(`report -o: want a file name, or "-" for standard output`)
	}
	cards := make([]*scorecard.Scorecard, len(files))
	for i, f := range files {
		// ReadFile's errors name the file.
		if cards[i], err = scorecard.ReadFile(f); err != nil {
			return fmt.Errorf("report: %w", err)
		}
	}
	var page bytes.Buffer
	if err := report.HTML(&page, cards); err != nil {
		return err
	}
	if *out == "-" {
		_, err := stdout.Write(page.Bytes())
		return err
	}
	if err := atomicfile.Write(*out, page.Bytes()); err != nil {
		return fmt.Errorf("report: %w", err)
	}
	models := make([]string, len(cards))
	for i, c := range cards {
		models[i] = c.Model
	}
	fmt.Fprintf(stdout, "wrote %s (%s)\n", *out, strings.Join(models, ", "))
	return nil
}
