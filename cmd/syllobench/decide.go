package main

import (
	"encoding/json"
	"fmt"
	"io"

	"github.com/syllobench/syllobench/internal/english"
	"github.com/syllobench/syllobench/internal/logic"
)

// decideJSON is the output of "decide -json". Field order is the contract.
type decideJSON struct {
	Verdict   string `json:"verdict"`
	Semantics string `json:"semantics"`
}

func runDecide(stdout, stderr io.Writer, args []string) error {
	fs := newFlags("decide", stdout)
	semName := fs.String("semantics", "traditional", "boolean (terms may be empty) or traditional (every term mentioned is non-empty)")
	asJSON := fs.Bool("json", false, `print {"verdict":…,"semantics":…}`)
	fs.Usage = func() {
		fmt.Fprintln(fs.Output(), "usage: syllobench decide [-semantics boolean|traditional] [-json] PREMISE... CONCLUSION")
		fs.PrintDefaults()
	}
	if help, err := parseFlags(fs, args); help || err != nil {
		return err
	}
	sem, err := logic.ParseSemantics(*semName)
	if err != nil {
		return usagef("decide -semantics: %v", err)
	}
	if fs.NArg() == 0 {
		return usagef("decide needs at least a conclusion (syllobench decide -h shows how)")
	}
	stmts := make([]logic.Statement, fs.NArg())
	for i, sentence := range fs.Args() {
		if stmts[i], err = english.Parse(sentence); err != nil {
			return usagef("decide: sentence %d: %w", i+1, err)
		}
	}
	premises, conclusion := stmts[:len(stmts)-1], stmts[len(stmts)-1]
	v, err := logic.Decide(premises, conclusion, sem)
	if err != nil {
		return usagef("decide: %w", err)
	}
	if *asJSON {
		return json.NewEncoder(stdout).Encode(decideJSON{Verdict: v.String(), Semantics: sem.String()})
	}
	_, err = fmt.Fprintln(stdout, v)
	return err
}
