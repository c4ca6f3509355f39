package refmodel

import (
	"github.com/syllobench/syllobench/internal/ccobra"
)

// The prediction tables of CCOBRA (Khemlani & Johnson-Laird 2012) are
// embedded by the data package internal/ccobra (see its PROVENANCE.md);
// they are re-exported here.

// Table maps a premise pair id ("AI2") to the responses a theory
// predicts, in the order the table lists them.
type Table = ccobra.Table

// ParseTable reads a CCOBRA prediction table: a header
// "Syllogism,Prediction", then one line per premise pair such as
// "AI2,Ica;Oca". It must list each of the 64 pairs exactly once.
func ParseTable(data string) (Table, error) { return ccobra.ParseTable(data) }

// Theories are the CCOBRA models behind the heuristic reasoners, by
// file name.
var theories = ccobra.Heuristics

// CCOBRATable returns the embedded prediction table of a theory:
// "Atmosphere", "Matching" or "Conversion".
func CCOBRATable(theory string) (Table, error) { return ccobra.Embedded(theory) }
