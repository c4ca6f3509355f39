// Package semeval reads and writes the data format of SemEval-2026 Task
// 11, "Disentangling Content and Formal Reasoning in Large Language
// Models" (Valentino et al., 2026): a JSON list of records such as
//
//	{"id": "1", "syllogism": "All birds lay eggs. All chickens lay eggs. All chickens are birds.",
//	 "validity": false, "plausibility": true}
//
// where the syllogism's last sentence is its conclusion, validity says
// whether it follows from the others, and plausibility whether it is
// believable. It also reads the same records as JSON Lines, one a line.
package semeval

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
)

// Record is one argument of a dataset.
type Record struct {
	ID        string `json:"id"`
	Syllogism string `json:"syllogism"`
	Validity  bool   `json:"validity"`
	// Plausibility is whether the conclusion is believable.
	Plausibility bool `json:"plausibility"`
	// RelevantPremises, for an argument among irrelevant premises
	// (subtask 2), are the indices, from 0, of the premises the
	// conclusion needs; absent or empty when it does not follow.
	RelevantPremises []int `json:"relevant_premises,omitempty"`
}

// ErrFormat is wrapped by every error of [Parse].
var ErrFormat = errors.New("not a SemEval-2026 Task 11 dataset")

// raw is a record as read, to tell a missing field from a false one and
// accept numeric ids.
type raw struct {
	ID           json.RawMessage `json:"id"`
	Syllogism    *string         `json:"syllogism"`
	Validity     *bool           `json:"validity"`
	Plausibility *bool           `json:"plausibility"`
	Relevant     []int           `json:"relevant_premises"`
}

// Parse reads a dataset: a JSON list of records, or JSON Lines (one record
// a line, blank lines allowed). Every record needs an id (a string or a
// number), a syllogism of at least two sentences, and boolean validity
// and plausibility; ids must differ. An error names the file, the index
// (list) or line (JSON Lines) of the first bad record, and wraps
// [ErrFormat].
func Parse(name string, data []byte) ([]Record, error) {
	trimmed := bytes.TrimSpace(data)
	if len(trimmed) == 0 {
		return nil, fmt.Errorf("%s: empty file: %w", name, ErrFormat)
	}
	var raws []raw
	var where []string
	if trimmed[0] == '[' {
		dec := json.NewDecoder(bytes.NewReader(trimmed))
		dec.DisallowUnknownFields()
		if err := dec.Decode(&raws); err != nil {
			return nil, fmt.Errorf("%s: %v: %w", name, err, ErrFormat)
		}
		if _, err := dec.Token(); err != io.EOF {
			return nil, fmt.Errorf("%s: text after the list: %w", name, ErrFormat)
		}
		for i := range raws {
			where = append(where, fmt.Sprintf("%s: record %d (index %d)", name, i+1, i))
		}
	} else {
		for i, line := range bytes.Split(data, []byte("\n")) {
			if len(bytes.TrimSpace(line)) == 0 {
				continue
			}
			var r raw
			dec := json.NewDecoder(bytes.NewReader(line))
			dec.DisallowUnknownFields()
			if err := dec.Decode(&r); err != nil {
				return nil, fmt.Errorf("%s:%d: %v: %w", name, i+1, err, ErrFormat)
			}
			raws = append(raws, r)
			where = append(where, fmt.Sprintf("%s:%d", name, i+1))
		}
	}
	if len(raws) == 0 {
		return nil, fmt.Errorf("%s: no records: %w", name, ErrFormat)
	}
	seen := map[string]string{}
	records := make([]Record, 0, len(raws))
	for i, r := range raws {
		rec, err := r.record()
		if err != nil {
			return nil, fmt.Errorf("%s: %v: %w", where[i], err, ErrFormat)
		}
		if first, dup := seen[rec.ID]; dup {
			return nil, fmt.Errorf("%s: id %q is already the id of %s: %w", where[i], rec.ID, first, ErrFormat)
		}
		seen[rec.ID] = where[i]
		records = append(records, rec)
	}
	return records, nil
}

func (r raw) record() (Record, error) {
	var rec Record
	switch {
	case len(r.ID) == 0 || string(r.ID) == "null":
		return rec, errors.New(`no "id"`)
	case r.Syllogism == nil:
		return rec, errors.New(`no "syllogism"`)
	case r.Validity == nil:
		return rec, errors.New(`no boolean "validity"`)
	case r.Plausibility == nil:
		return rec, errors.New(`no boolean "plausibility"`)
	}
	var s string
	var n json.Number
	if err := json.Unmarshal(r.ID, &s); err == nil {
		rec.ID = s
	} else if err := json.Unmarshal(r.ID, &n); err == nil {
		rec.ID = n.String()
	} else {
		return rec, fmt.Errorf(`"id" %s is neither a string nor a number`, r.ID)
	}
	if strings.TrimSpace(rec.ID) == "" || strings.ContainsAny(rec.ID, " \t\n\r") {
		return rec, fmt.Errorf(`"id" %q: want a non-empty id with no space`, rec.ID)
	}
	rec.Syllogism, rec.Validity, rec.Plausibility = strings.TrimSpace(*r.Syllogism), *r.Validity, *r.Plausibility
	sents := Sentences(rec.Syllogism)
	if len(sents) < 2 {
		return rec, fmt.Errorf(`"syllogism" %q: want premises and a conclusion, each a sentence ending in a full stop`, rec.Syllogism)
	}
	for _, i := range r.Relevant {
		if i < 0 || i >= len(sents)-1 {
			return rec, fmt.Errorf(`"relevant_premises" %v: index %d is not one of the %d premises (from 0)`, r.Relevant, i, len(sents)-1)
		}
	}
	rec.RelevantPremises = r.Relevant
	return rec, nil
}

// Sentences splits a syllogism's text into its sentences, each ending in
// a full stop, question or exclamation mark followed by a space or the
// end: its premises, then its conclusion.
func Sentences(text string) []string {
	var out []string
	start := 0
	for i := 0; i < len(text); i++ {
		c := text[i]
		if (c == '.' || c == '?' || c == '!') && (i+1 == len(text) || text[i+1] == ' ' || text[i+1] == '\n') {
			if s := strings.TrimSpace(text[start : i+1]); s != "" {
				out = append(out, s)
			}
			start = i + 1
		}
	}
	if s := strings.TrimSpace(text[start:]); s != "" {
		out = append(out, s+".")
	}
	return out
}

// ReadFile reads a dataset and returns it with the hex SHA-256 of the
// file, which names exactly what was asked.
func ReadFile(path string) ([]Record, string, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, "", fmt.Errorf("dataset: %w", err)
	}
	records, err := Parse(path, data)
	if err != nil {
		return nil, "", err
	}
	sum := sha256.Sum256(data)
	return records, hex.EncodeToString(sum[:]), nil
}

// Write writes records as the task's JSON list, one record a line.
func Write(w io.Writer, records []Record) error {
	var b bytes.Buffer
	b.WriteString("[\n")
	for i, r := range records {
		line, err := json.Marshal(r)
		if err != nil {
			return err
		}
		b.WriteString("  ")
		b.Write(line)
		if i < len(records)-1 {
			b.WriteByte(',')
		}
		b.WriteByte('\n')
	}
	b.WriteString("]\n")
	_, err := w.Write(b.Bytes())
	return err
}
