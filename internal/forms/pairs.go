package forms

import (
	"fmt"

	"github.com/syllobench/syllobench/internal/logic"
)

// Pair is a premise pair in the convention of CCOBRA and the psychology
// literature (Khemlani & Johnson-Laird 2012): two quantifiers and a figure
// that orders the terms A, B, C of the two premises. B is the middle term.
//
//	figure 1: A–B, B–C     figure 3: A–B, C–B
//	figure 2: B–A, C–B     figure 4: B–A, B–C
//
// This numbering is not Aristotle's (see [Syllogism]).
type Pair struct {
	First, Second logic.Quantifier
	Figure        int // 1–4
}

// Pairs returns the 64 premise pairs in CCOBRA's order: AA1, AA2, …, OO4
// with mood letters in the order A, I, E, O.
func Pairs() []Pair {
	letters := []logic.Quantifier{logic.All, logic.Some, logic.No, logic.SomeNot}
	ps := make([]Pair, 0, 64)
	for _, first := range letters {
		for _, second := range letters {
			for fig := 1; fig <= 4; fig++ {
				ps = append(ps, Pair{First: first, Second: second, Figure: fig})
			}
		}
	}
	return ps
}

// ParsePair reads an id such as "AI2".
func ParsePair(id string) (Pair, error) {
	var p Pair
	if len(id) != 3 || id[2] < '1' || id[2] > '4' {
		return p, fmt.Errorf("premise pair %q: want two mood letters from AIEO and a figure 1-4, like AI2", id)
	}
	for i, q := range []*logic.Quantifier{&p.First, &p.Second} {
		var ok bool
		if *q, ok = logic.QuantifierOf(id[i]); !ok {
			return p, fmt.Errorf("premise pair %q: mood letter %q is not one of A, I, E, O", id, id[i])
		}
	}
	p.Figure = int(id[2] - '0')
	return p, nil
}

// ID returns the pair's id, e.g. "AI2".
func (p Pair) ID() string {
	return fmt.Sprintf("%c%c%d", p.First.Letter(), p.Second.Letter(), p.Figure)
}

// Premises returns the two premises over the placeholder terms A, B, C.
func (p Pair) Premises() []logic.Statement {
	switch p.Figure {
	case 1:
		return []logic.Statement{stmt(p.First, "A", "B"), stmt(p.Second, "B", "C")}
	case 2:
		return []logic.Statement{stmt(p.First, "B", "A"), stmt(p.Second, "C", "B")}
	case 3:
		return []logic.Statement{stmt(p.First, "A", "B"), stmt(p.Second, "C", "B")}
	case 4:
		return []logic.Statement{stmt(p.First, "B", "A"), stmt(p.Second, "B", "C")}
	}
	panic(fmt.Sprintf("forms: premise pair figure %d is not 1-4", p.Figure))
}

// Argument returns the pair with response r as its conclusion. r must
// not be [NVC], which is not a statement.
func (p Pair) Argument(r Response) Argument {
	c, ok := r.Statement()
	if !ok {
		panic("forms: NVC has no argument")
	}
	return Argument{ID: p.ID() + "-" + r.String(), Premises: p.Premises(), Conclusion: c}
}

// Valid returns the responses that follow from the pair under sem, in
// CCOBRA's response order, or just [NVC] when none does.
func (p Pair) Valid(sem logic.Semantics) []Response {
	var rs []Response
	for r := Aac; r < NVC; r++ {
		if p.Argument(r).Verdict(sem) == logic.Entailed {
			rs = append(rs, r)
		}
	}
	if rs == nil {
		rs = []Response{NVC}
	}
	return rs
}

// Response is one of the nine answers to a premise pair: a conclusion
// relating the end terms A and C, in either direction, or "no valid
// conclusion".
type Response uint8

// The nine responses in CCOBRA's order. Iac reads "Some A are C".
const (
	Aac Response = iota
	Aca
	Iac
	Ica
	Eac
	Eca
	Oac
	Oca
	NVC
)

var responseCodes = [...]string{"Aac", "Aca", "Iac", "Ica", "Eac", "Eca", "Oac", "Oca", "NVC"}

// Responses returns the nine responses in CCOBRA's order.
func Responses() []Response {
	return []Response{Aac, Aca, Iac, Ica, Eac, Eca, Oac, Oca, NVC}
}

// String returns the CCOBRA code, e.g. "Iac".
func (r Response) String() string {
	if int(r) < len(responseCodes) {
		return responseCodes[r]
	}
	return fmt.Sprintf("Response(%d)", r)
}

// ParseResponse reads a CCOBRA code such as "Iac" or "NVC".
func ParseResponse(code string) (Response, error) {
	for i, c := range responseCodes {
		if c == code {
			return Response(i), nil
		}
	}
	return 0, fmt.Errorf("response %q: want one of Aac Aca Iac Ica Eac Eca Oac Oca NVC", code)
}

// Statement returns the conclusion r stands for, over A and C; false for NVC.
func (r Response) Statement() (logic.Statement, bool) {
	if r >= NVC {
		return logic.Statement{}, false
	}
	q := [...]logic.Quantifier{logic.All, logic.Some, logic.No, logic.SomeNot}[r/2]
	if r%2 == 0 {
		return stmt(q, "A", "C"), true
	}
	return stmt(q, "C", "A"), true
}
