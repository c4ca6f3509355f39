// Package ccobra holds the data of CCOBRA, the cognitive modelling
// framework for syllogistic reasoning: the prediction tables of the
// classic theories (Khemlani & Johnson-Laird 2012) and the answers people
// gave to the 64 premise pairs (Ragni et al. 2016; the meta-analysis of
// Khemlani & Johnson-Laird 2012), each kept as published, with its
// provenance (PROVENANCE.md, data/PROVENANCE.md), and parsed when first
// used.
//
// It is data only, importing nothing of ours but internal/forms and
// internal/logic: the reference reasoners of package refmodel answer from
// it (the heuristics, ref-human) and package human compares scorecards
// with it, and neither imports the other.
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

// Heuristics are the theories whose tables are embedded beside this
// file for the heuristic reasoners, by file name.
var Heuristics = []string{"Atmosphere", "Matching", "Conversion"}

var tables = sync.OnceValues(func() (map[string]Table, error) {
	ts := map[string]Table{}
	for _, name := range Heuristics {
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
