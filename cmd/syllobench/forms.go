package main

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"text/tabwriter"

	"github.com/syllobench/syllobench/internal/forms"
	"github.com/syllobench/syllobench/internal/logic"
)

// formJSON is one line of "forms -json". Field order is the contract.
type formJSON struct {
	ID               string `json:"id"`
	Mood             string `json:"mood"`
	Figure           int    `json:"figure"`
	Name             string `json:"name"`
	ValidBoolean     bool   `json:"valid_boolean"`
	ValidTraditional bool   `json:"valid_traditional"`
}

// fallacyJSON is one line of "forms -fallacies -json".
type fallacyJSON struct {
	Fallacy string   `json:"fallacy"`
	Forms   []string `json:"forms"`
}

// pairJSON is one line of "forms -pairs -json".
type pairJSON struct {
	ID          string   `json:"id"`
	Boolean     []string `json:"boolean"`
	Traditional []string `json:"traditional"`
}

func runForms(stdout, stderr io.Writer, args []string) error {
	fs := newFlags("forms", stdout)
	asJSON := fs.Bool("json", false, "print one JSON object per line")
	pairs := fs.Bool("pairs", false, "list the 64 premise pairs (CCOBRA convention) and their valid responses")
	fallacies := fs.Bool("fallacies", false, "list the named fallacies and the forms that commit them")
	fs.Usage = func() {
		fmt.Fprintln(fs.Output(), "usage: syllobench forms [-json] [-pairs | -fallacies]")
		fs.PrintDefaults()
	}
	if help, err := parseFlags(fs, args); help || err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return usagef("forms takes no arguments, got %q", fs.Args())
	}
	switch {
	case *pairs && *fallacies:
		return usagef("forms: -pairs and -fallacies cannot be combined")
	case *pairs:
		return printPairs(stdout, *asJSON)
	case *fallacies:
		return printFallacies(stdout, *asJSON)
	}
	return printSyllogisms(stdout, *asJSON)
}

func printSyllogisms(w io.Writer, asJSON bool) error {
	var rows []formJSON
	for _, s := range forms.Syllogisms() {
		rows = append(rows, formJSON{
			ID: s.ID(), Mood: s.MoodString(), Figure: s.Figure, Name: s.Name(),
			ValidBoolean: s.Valid(logic.Boolean), ValidTraditional: s.Valid(logic.Traditional),
		})
	}
	return printRows(w, asJSON, "ID\tMOOD\tFIGURE\tNAME\tBOOLEAN\tTRADITIONAL", rows, func(f formJSON) string {
		name := f.Name
		if name == "" {
			name = "-"
		}
		return fmt.Sprintf("%s\t%s\t%d\t%s\t%s\t%s", f.ID, f.Mood, f.Figure, name,
			validity(f.ValidBoolean), validity(f.ValidTraditional))
	})
}

func validity(valid bool) string {
	if valid {
		return "valid"
	}
	return "invalid"
}

func printPairs(w io.Writer, asJSON bool) error {
	var rows []pairJSON
	for _, p := range forms.Pairs() {
		rows = append(rows, pairJSON{ID: p.ID(), Boolean: codes(p.Valid(logic.Boolean)), Traditional: codes(p.Valid(logic.Traditional))})
	}
	return printRows(w, asJSON, "ID\tBOOLEAN\tTRADITIONAL", rows, func(p pairJSON) string {
		return fmt.Sprintf("%s\t%s\t%s", p.ID, strings.Join(p.Boolean, " "), strings.Join(p.Traditional, " "))
	})
}

func codes(rs []forms.Response) []string {
	out := make([]string, len(rs))
	for i, r := range rs {
		out[i] = r.String()
	}
	return out
}

func printFallacies(w io.Writer, asJSON bool) error {
	var rows []fallacyJSON
	for _, f := range forms.Fallacies() {
		row := fallacyJSON{Fallacy: f.String()}
		for _, a := range forms.Catalogue(f) {
			row.Forms = append(row.Forms, a.ID)
		}
		rows = append(rows, row)
	}
	return printRows(w, asJSON, "FALLACY\tCOUNT\tFORMS", rows, func(f fallacyJSON) string {
		return fmt.Sprintf("%s\t%d\t%s", f.Fallacy, len(f.Forms), strings.Join(f.Forms, " "))
	})
}

// printRows writes rows as JSON lines, or as an aligned table under
// header with one tab-separated line per row.
func printRows[T any](w io.Writer, asJSON bool, header string, rows []T, line func(T) string) error {
	if asJSON {
		enc := json.NewEncoder(w)
		for _, r := range rows {
			if err := enc.Encode(r); err != nil {
				return err
			}
		}
		return nil
	}
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, header)
	for _, r := range rows {
		fmt.Fprintln(tw, line(r))
	}
	return tw.Flush()
}
