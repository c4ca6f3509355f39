// People: the published human data on the 64 syllogistic premise pairs,
// and the predictions of the classic theories, kept exactly as published
// in data/ (see data/PROVENANCE.md) and converted when first used, so that
// nothing in a comparison with people is typed in by hand. The pair ids
// and responses follow CCOBRA's convention, as in package forms. The
// analysis that sets a model's answers beside them is package human's.

package ccobra

import (
	"embed"
	"encoding/csv"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
	"sync"

	"github.com/syllobench/syllobench/internal/forms"
	"github.com/syllobench/syllobench/internal/logic"
)

//go:embed data/*.csv
var peopleFiles embed.FS

// Counts is a distribution of answers over the 64 premise pairs:
// Counts[i][r] is how many answers to the pair forms.Pairs()[i] were
// response r. An array rather than a map, so that a missing pair reads
// as zero answers and not as an absent key.
type Counts [64][9]int

// Percents is like Counts, in percent of each pair's answers.
type Percents [64][9]float64

// Theories names the theories whose prediction tables are held, in the
// order of the analysis: the CCOBRA file names of Khemlani &
// Johnson-Laird's (2012) table. MMT is the mental model theory, PHM the
// probability heuristics model.
var Theories = []string{"Atmosphere", "Conversion", "Matching", "MMT", "PHM", "PSYCOP", "VerbalModels"}

// isHeuristic reports whether a theory's table is one of the Heuristics,
// embedded beside this file for the reference reasoners: it is read from
// there, so that one copy is used.
func isHeuristic(theory string) bool { return slices.Contains(Heuristics, theory) }

// Data is the reference data in one compact form.
type Data struct {
	// Ragni is Ragni et al.'s (2016) data: 139 participants, one
	// answer each to every pair.
	Ragni Counts
	// Khemlani is the meta-analysis of Khemlani & Johnson-Laird (2012):
	// the percentage of people giving each response, pooled N ≈ 156.
	Khemlani Percents
	// Predictions maps a theory of Theories to the responses it
	// predicts for each pair, indexed as Counts.
	Predictions map[string][64][]forms.Response
}

// Load returns the reference data, parsed from the embedded files on the
// first call. The result is shared: callers must not change it.
func Load() (*Data, error) { return load() }

var load = sync.OnceValues(func() (*Data, error) {
	d := &Data{Predictions: map[string][64][]forms.Response{}}
	raw, err := peopleFiles.ReadFile("data/Ragni2016.csv")
	if err != nil {
		return nil, err
	}
	if d.Ragni, err = ParseRagni(strings.NewReader(string(raw))); err != nil {
		return nil, fmt.Errorf("Ragni2016.csv: %w", err)
	}
	if raw, err = peopleFiles.ReadFile("data/khemlani2012.csv"); err != nil {
		return nil, err
	}
	if d.Khemlani, err = ParseKhemlani(string(raw)); err != nil {
		return nil, fmt.Errorf("khemlani2012.csv: %w", err)
	}
	for _, name := range Theories {
		var t Table
		if isHeuristic(name) {
			t, err = Embedded(name)
		} else if raw, err = peopleFiles.ReadFile("data/" + name + ".csv"); err == nil {
			t, err = ParseTable(string(raw))
		}
		if err != nil {
			return nil, fmt.Errorf("%s.csv: %w", name, err)
		}
		var preds [64][]forms.Response
		for id, rs := range t {
			p, _ := forms.ParsePair(id) // ParseTable checked the id
			preds[PairIndex(p)] = rs
		}
		d.Predictions[name] = preds
	}
	return d, nil
})

// PairIndex returns p's position in forms.Pairs(), the index of Counts.
func PairIndex(p forms.Pair) int {
	mood := func(l byte) int { return strings.IndexByte("AIEO", l) }
	return 16*mood(p.First.Letter()) + 4*mood(p.Second.Letter()) + p.Figure - 1
}

// ParseRagni reads the CCOBRA data file of Ragni et al. (2016) and
// counts the answers per pair. Each row's task and response are coded as
// CCOBRA's own encoder does (see encodeTask and encodeResponse); a row
// that cannot be coded is an error, not skipped, so that a changed file
// cannot quietly shrink the data.
func ParseRagni(r io.Reader) (Counts, error) {
	var c Counts
	rows, err := csv.NewReader(r).ReadAll()
	if err != nil {
		return c, err
	}
	if len(rows) == 0 {
		return c, fmt.Errorf("empty file")
	}
	col := map[string]int{}
	for i, h := range rows[0] {
		col[h] = i
	}
	for _, h := range []string{"task", "response"} {
		if _, ok := col[h]; !ok {
			return c, fmt.Errorf("no %q column", h)
		}
	}
	for i, row := range rows[1:] {
		p, a, err := encodeTask(row[col["task"]])
		if err != nil {
			return c, fmt.Errorf("row %d: %w", i+2, err)
		}
		resp, err := encodeResponse(row[col["response"]], a)
		if err != nil {
			return c, fmt.Errorf("row %d: %w", i+2, err)
		}
		c[PairIndex(p)][resp]++
	}
	return c, nil
}

// encodeTask codes a task such as "Some;models;managers/All;models;clerks"
// (quantifier;subject;predicate for each premise) as a premise pair, and
// returns the end term of the first premise, which is "a". The figure
// follows from where the middle term, the one shared by the premises,
// stands (CCOBRA, ccobra/syllogistic/encoder_syl.py, encode_task):
// 1 = a-b, b-c; 2 = b-a, c-b; 3 = a-b, c-b; 4 = b-a, b-c.
func encodeTask(task string) (forms.Pair, string, error) {
	var p forms.Pair
	prems := strings.Split(task, "/")
	if len(prems) != 2 {
		return p, "", fmt.Errorf("task %q: want two premises separated by /", task)
	}
	var parts [2][]string
	var moods [2]byte
	for i, prem := range prems {
		parts[i] = strings.Split(prem, ";")
		if len(parts[i]) != 3 {
			return p, "", fmt.Errorf("task %q: premise %q is not quantifier;subject;predicate", task, prem)
		}
		m, ok := quantifierLetter[parts[i][0]]
		if !ok {
			return p, "", fmt.Errorf("task %q: unknown quantifier %q", task, parts[i][0])
		}
		moods[i] = m
	}
	s1, p1, s2, p2 := parts[0][1], parts[0][2], parts[1][1], parts[1][2]
	var fig int
	var a string
	switch {
	case p1 == s2 && s1 != p2:
		fig, a = 1, s1
	case s1 == p2 && p1 != s2:
		fig, a = 2, p1
	case p1 == p2 && s1 != s2:
		fig, a = 3, s1
	case s1 == s2 && p1 != p2:
		fig, a = 4, p1
	default:
		return p, "", fmt.Errorf("task %q: the premises do not share exactly one term", task)
	}
	p, err := forms.ParsePair(string(moods[:]) + strconv.Itoa(fig))
	return p, a, err
}

var quantifierLetter = map[string]byte{"All": 'A', "Some": 'I', "No": 'E', "Some not": 'O'}

// encodeResponse codes a response such as "Some;models;clerks" or "NVC",
// given the end term a of the task: a conclusion whose subject is a is
// an a–c conclusion, otherwise c–a (CCOBRA, encode_response).
func encodeResponse(resp, a string) (forms.Response, error) {
	if resp == "NVC" {
		return forms.NVC, nil
	}
	parts := strings.Split(resp, ";")
	if len(parts) != 3 {
		return 0, fmt.Errorf("response %q: want NVC or quantifier;subject;predicate", resp)
	}
	m, ok := quantifierLetter[parts[0]]
	if !ok {
		return 0, fmt.Errorf("response %q: unknown quantifier %q", resp, parts[0])
	}
	dir := "ca"
	if parts[1] == a {
		dir = "ac"
	} else if parts[2] != a {
		return 0, fmt.Errorf("response %q: neither term is the end term %q", resp, a)
	}
	return forms.ParseResponse(string(m) + dir)
}

// ParseKhemlani reads the meta-analysis table of Khemlani &
// Johnson-Laird (2012): semicolon-separated, a header naming the pair
// column and the nine responses (in the paper's order, not CCOBRA's),
// and one row of percentages per pair. The file starts with a byte order
// mark and has empty trailing columns (and the pooled N in the first
// row's last one), which are ignored. Pairs the table omits are zero.
func ParseKhemlani(data string) (Percents, error) {
	var pc Percents
	data = strings.TrimPrefix(data, "\ufeff")
	lines := strings.Split(strings.TrimSpace(strings.ReplaceAll(data, "\r\n", "\n")), "\n")
	header := strings.Split(lines[0], ";")
	cols := map[int]forms.Response{}
	for i, h := range header[1:] {
		if r, err := forms.ParseResponse(h); err == nil {
			cols[i+1] = r
		}
	}
	if len(cols) != 9 {
		return pc, fmt.Errorf("header names %d of the 9 responses", len(cols))
	}
	seen := map[int]bool{}
	for n, l := range lines[1:] {
		fields := strings.Split(l, ";")
		p, err := forms.ParsePair(fields[0])
		if err != nil {
			return pc, fmt.Errorf("line %d: %w", n+2, err)
		}
		i := PairIndex(p)
		if seen[i] {
			return pc, fmt.Errorf("line %d: pair %s listed twice", n+2, fields[0])
		}
		seen[i] = true
		for c, r := range cols {
			if c >= len(fields) {
				return pc, fmt.Errorf("line %d: only %d fields", n+2, len(fields))
			}
			v, err := strconv.ParseFloat(fields[c], 64)
			if err != nil {
				return pc, fmt.Errorf("line %d: %w", n+2, err)
			}
			pc[i][r] = v
		}
	}
	if len(seen) != 64 {
		return pc, fmt.Errorf("%d premise pairs, want 64", len(seen))
	}
	return pc, nil
}

// Total is the number of answers to pair i.
func (c *Counts) Total(i int) int {
	n := 0
	for _, k := range c[i] {
		n += k
	}
	return n
}

// Accuracy is the share of people who gave a right answer to each pair
// under sem: the pair's valid percentages over 100. A pair's nine
// percentages sum to 88–99, not 100, the rest being answers outside the
// nine or none; they count as not right, which is how the published
// correlation with Ragni 2016 (r = 0.946) is computed (normalising by
// the nine gives 0.949).
func (p Percents) Accuracy(sem logic.Semantics) []float64 {
	acc := make([]float64, 64)
	for i, pair := range forms.Pairs() {
		for _, r := range pair.Valid(sem) {
			acc[i] += p[i][r] / 100
		}
	}
	return acc
}

// MeanPredicted is how many responses a theory predicts per pair on
// average, the context the theory fit's shares need (package human).
func (d *Data) MeanPredicted(theory string) float64 {
	n := 0
	for _, rs := range d.Predictions[theory] {
		n += len(rs)
	}
	return float64(n) / 64
}
