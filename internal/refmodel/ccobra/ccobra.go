// Package ccobra holds the prediction tables of CCOBRA (Khemlani &
// Johnson-Laird 2012) embedded for the heuristic reasoners of package
// refmodel (see PROVENANCE.md), and the parser of that table format.
//
// It is a package of its own, importing only internal/forms, so that
// package human can read the tables without importing refmodel, and
// refmodel's ref-human can use package human's data without an import
// cycle. Package refmodel re-exports it as refmodel.Table,
// refmodel.ParseTable and refmodel.CCOBRATable.
package ccobra

import (
	"embed"
	"fmt"
	"strings"
	"sync"

	"github.com/syllobench/syllobench/internal/forms"
)

//go:embed *.csv
var files embed.FS

// Table maps a premise pair id ("AI2") to the responses a theory
// predicts, in the order the table lists them.
type Table map[string][]forms.Response

// ParseTable reads a CCOBRA prediction table: a header
// "Syllogism,Prediction", then one line per premise pair such as
// "AI2,Ica;Oca". It must list each of the 64 pairs exactly once.
func ParseTable(data string) (Table, error) {
	t := Table{}
	lines := strings.Split(strings.TrimSpace(strings.ReplaceAll(data, "\r\n", "\n")), "\n")
	if len(lines) == 0 || strings.TrimSpace(lines[0]) != "Syllogism,Prediction" {
		return nil, fmt.Errorf("CCOBRA table: want the header Syllogism,Prediction")
	}
	for i, l := range lines[1:] {
		id, preds, ok := strings.Cut(strings.TrimSpace(l), ",")
		if !ok {
			return nil, fmt.Errorf("CCOBRA table line %d: %q has no comma", i+2, l)
		}
		if _, err := forms.ParsePair(id); err != nil {
			return nil, fmt.Errorf("CCOBRA table line %d: %w", i+2, err)
		}
		if _, dup := t[id]; dup {
			return nil, fmt.Errorf("CCOBRA table line %d: pair %s listed twice", i+2, id)
		}
		var rs []forms.Response
		for _, code := range strings.Split(preds, ";") {
			r, err := forms.ParseResponse(strings.TrimSpace(code))
			if err != nil {
				return nil, fmt.Errorf("CCOBRA table line %d: %w", i+2, err)
			}
			rs = append(rs, r)
		}
		t[id] = rs
	}
	if len(t) != 64 {
		return nil, fmt.Errorf("CCOBRA table: %d premise pairs, want 64", len(t))
	}
	return t, nil
}

// Theories are the theories whose tables are embedded, by file name.
var Theories = []string{"Atmosphere", "Matching", "Conversion"}

var tables = sync.OnceValues(func() (map[string]Table, error) {
	ts := map[string]Table{}
	for _, name := range Theories {
		data, err := files.ReadFile(name + ".csv")
		if err != nil {
			return nil, err
		}
		t, err := ParseTable(string(data))
		if err != nil {
			return nil, fmt.Errorf("%s.csv: %w", name, err)
		}
		ts[name] = t
	}
	return ts, nil
})

// Embedded returns the embedded prediction table of a theory:
// "Atmosphere", "Matching" or "Conversion".
func Embedded(theory string) (Table, error) {
	ts, err := tables()
	if err != nil {
		return nil, err
	}
	t, ok := ts[theory]
	if !ok {
		return nil, fmt.Errorf("no CCOBRA table for theory %q", theory)
	}
	return t, nil
}
