package verdict

import (
	"strconv"
	"strings"
)

// Option is one answer of a choice question, as the model was shown it.
// Only Label is needed; each other field gives the reply one more way to
// name the option.
type Option struct {
	Label  string // the label a result gives for this option, such as "3"; a reply may name the option by it
	Letter string // the letter the option was shown with, such as "C", when options were lettered
	Code   string // its CCOBRA response code, such as "Iac" or "NVC"
	Text   string // its text, such as "Some artists are chemists." or "None of these conclusions follows."
}

// option is an Option ready for matching. Texts are read only when a
// reply needs them (see [parser.textWords]), so that the common reply,
// "Answer: 3", costs no more with options than without.
type option struct {
	label string
	names [3]string // label, letter and code, trimmed; "" when not given
	text  string
	code  string
}

// numbered are the options "1" … "9" with nothing else known of them.
var numbered = func() []option {
	opts := make([]Option, 9)
	for i := range opts {
		opts[i].Label = strconv.Itoa(i + 1)
	}
	return compile(opts)
}()

// compile prepares options for matching. Options with no label are
// skipped, so a result's label is always one of the labels given.
func compile(opts []Option) []option {
	out := make([]option, 0, len(opts))
	for _, o := range opts {
		if o.Label == "" {
			continue
		}
		c := option{label: o.Label, text: o.Text, code: o.Code}
		for i, n := range [...]string{o.Label, o.Letter, o.Code} {
			c.names[i] = strings.TrimFunc(n, func(r rune) bool { return r < 0x80 && !isAlnum(byte(r)) })
		}
		out = append(out, c)
	}
	return out
}

// textWords returns the words of each option's text as [normWords] gives
// them, computing them on first use.
func (p *parser) textWords() []string {
	if p.words == nil {
		p.words = make([]string, len(p.opts))
		for i, o := range p.opts {
			p.words[i] = normWords(o.text, 64)
		}
	}
	return p.words
}

// normWords returns the first n words of s, lower-case, as " w w w ", or
// "" when s has none.
func normWords(s string, n int) string {
	var b strings.Builder
	l := newLexer(asciiLower(s))
	for k := 0; k < n; {
		t, ok := l.next()
		if !ok {
			break
		}
		if t.w != "" {
			b.WriteByte(' ')
			b.WriteString(t.w)
			k++
		}
	}
	if b.Len() == 0 {
		return ""
	}
	b.WriteByte(' ')
	return b.String()
}

// nvcText reports whether the words t of an option's text say that no
// conclusion follows.
func nvcText(t string) bool {
	for _, p := range [...]string{" none of ", " no valid conclusion", " nothing follows ", " no conclusion "} {
		if strings.Contains(t, p) {
			return true
		}
	}
	return false
}

// designator returns the label of the option that ts[i] names by its
// number, letter or code, or by a number word after "option", "choice" or
// "number" ("option three"). When guarded, a single letter names an option
// only at the end of its clause or before "and" or "or", so that the
// article "a" and the pronoun "I" do not.
func (p *parser) designator(ts []tok, i int, guard bool) string {
	w := word(ts, i)
	if w == "" {
		return ""
	}
	if n := numberWord(w); n != "" {
		switch word(ts, i-1) {
		case "option", "choice", "number":
			w = n // "option three"
		case "or", "and":
			if numberWord(word(ts, i-2)) != "" {
				w = n // "option one or two"
			}
		}
	}
	for _, o := range p.opts {
		for _, n := range o.names {
			if n == "" || !strings.EqualFold(n, w) {
				continue
			}
			if next := word(ts, i+1); guard && len(n) == 1 && isAlpha(n[0]) && next != "" && next != "and" && next != "or" {
				return ""
			}
			return o.label
		}
	}
	return ""
}

// nvcLabel returns the label of the option that says no conclusion
// follows, or "".
func (p *parser) nvcLabel() string {
	for _, o := range p.opts {
		if strings.EqualFold(strings.TrimSpace(o.code), "NVC") {
			return o.label
		}
	}
	for i, w := range p.textWords() {
		if nvcText(w) {
			return p.opts[i].label
		}
	}
	return ""
}

// nvcAt reports whether ts[i] starts a phrase saying that no conclusion
// follows: "no valid conclusion", "none of these", "nothing follows",
// "NVC".
func nvcAt(ts []tok, i int) bool {
	n1, n2, n3 := word(ts, i+1), word(ts, i+2), word(ts, i+3)
	switch ts[i].w {
	case "nvc":
		return true
	case "none":
		switch {
		case n1 != "of":
		case n2 == "these" || n2 == "them" || n2 == "above" || n2 == "conclusions" || n2 == "options":
			return true
		case n2 == "the":
			switch n3 {
			case "above", "conclusions", "options", "choices", "given", "listed":
				return true
			}
		}
	case "nothing":
		return n1 == "follows" || n1 == "follow"
	case "no":
		return n1 == "valid" && (n2 == "conclusion" || n2 == "conclusions") ||
			n1 == "conclusion" && (n2 == "follows" || n2 == "can" || n2 == "is" || n2 == "necessarily")
	}
	return false
}

// choiceLeadIn reports whether w may come before an option's number in
// an answer: "Option 3", "the correct choice is 3".
func choiceLeadIn(w string) bool {
	switch w {
	case "option", "choice", "number", "conclusion", "correct", "right", "best", "one", "answer",
		"response", "final", "my", "the", "is", "i", "choose", "pick", "select", "go", "with", "so",
		"therefore", "thus", "hence", "probably", "likely", "definitely", "clearly", "think":
		return true
	}
	return false
}

// choiceValue reads the value of an answer line of a choice question:
// first an option named at its start ("3", "(B)", "Option 3: …",
// "Iac"), then option texts, "no valid conclusion" phrases, codes and
// "option N" anywhere in its first words.
func (p *parser) choiceValue(v string) (string, outcome) {
	var ts []tok
	l := newLexer(v)
	for len(ts) < maxSentence {
		t, ok := l.next()
		if !ok {
			break
		}
		ts = append(ts, t)
	}
	i := 0
	for i < len(ts) && ts[i].w == "" && !ts[i].end {
		i++
	}
	label := p.designator(ts, i, true)
	if label == "" {
		for i < len(ts) && (choiceLeadIn(ts[i].w) || ts[i].w == "" && !ts[i].end) && p.designator(ts, i, true) == "" {
			i++
		}
		label = p.designator(ts, i, true)
	}
	if label != "" {
		// "3 or 5", "(3) and (5)", "3, 5"
		j := i + 1
		for j < len(ts) && (ts[j].w == "" && !ts[j].end || ts[j].w == "and" || ts[j].w == "or" || ts[j].w == "option") {
			j++
		}
		if other := p.designator(ts, j, true); other != "" && other != label {
			return "", conflict
		}
		return p.recheck(label, ts[i+1:]), found
	}
	var vs votes
	p.texts(v, 0, &vs)
	for i := range ts {
		if ts[i].w == "" {
			continue
		}
		if nvcAt(ts, i) {
			vs.add(p.nvcLabel(), ts[i].pos)
		}
		if d := p.designator(ts, i, true); d != "" {
			switch word(ts, i-1) {
			case "option", "choice", "conclusion", "number", "is", "with", "select", "choose", "pick", "answer":
				vs.add(d, ts[i].pos)
			default:
				if w := ts[i].w; !isNumber(w) && len(w) > 1 {
					vs.add(d, ts[i].pos) // a code, such as "Iac"
				}
			}
		}
	}
	if out := vs.outcome(); out != none {
		return vs.label[0], out
	}
	if refusalAt(ts) >= 0 {
		return "", refusal
	}
	return "", none
}

// recheck returns the option that a self-correction after label chooses
// instead ("A? No, B.", "3 — wait, actually 5"), or label. Without a
// correction word a later option is not read: "(C), i.e. option 3".
func (p *parser) recheck(label string, ts []tok) string {
	fixing := false
	for len(ts) > 0 {
		c := 0
		for c < len(ts) && ts[c].w != "" {
			c++
		}
		ws := ts[:c]
		ts = ts[min(c+1, len(ts)):]
		k := corrections(ws)
		if k == 0 && len(ws) == 1 && ws[0].w == "no" {
			k = 1 // "A? No, B."
		}
		if k > 0 {
			fixing = true
		}
		if rest := ws[k:]; fixing && len(rest) > 0 {
			if d, _, ok := p.bareChoice(rest); ok {
				label = d
			}
			fixing = false
		}
	}
	return label
}

// texts adds to v the options whose text s quotes. When one quoted text
// holds another ("some a are not c" holds no other, but a longer option
// might), only the longer counts.
func (p *parser) texts(s string, pos int, v *votes) {
	texts := p.textWords()
	norm := normWords(s, maxSentence)
	var hit []int
	for k, t := range texts {
		if t != "" && strings.Contains(norm, t) {
			hit = append(hit, k)
		}
	}
	for _, k := range hit {
		inner := false
		for _, m := range hit {
			if m != k && len(texts[m]) > len(texts[k]) && strings.Contains(texts[m], texts[k]) {
				inner = true
			}
		}
		if !inner {
			v.add(p.opts[k].label, pos)
		}
	}
}

// bareChoice reads a clause that is only an option: "3", "Option B",
// "**Iac**", "None of these".
func (p *parser) bareChoice(ws []tok) (string, int, bool) {
	k := 0
	for k < len(ws) && choiceLeadIn(ws[k].w) && p.designator(ws, k, true) == "" {
		k++
	}
	rest := ws[k:]
	switch {
	case len(rest) == 1:
		if d := p.designator(rest, 0, true); d != "" {
			return d, rest[0].pos, true
		}
	case len(rest) > 0 && len(rest) <= 5 && nvcAt(rest, 0):
		if d := p.nvcLabel(); d != "" {
			return d, rest[0].pos, true
		}
	}
	return "", 0, false
}

// strictChoice reads ts[i] as it is read anywhere in the reply to a
// choice question: "the answer is 3", "option 3 is correct",
// "conclusion 3 follows", "no valid conclusion".
func (p *parser) strictChoice(ts []tok, i int) string {
	switch ts[i].w {
	case "answer", "verdict", "response", "conclusion":
		j := answerIs(ts, i)
		if j < 0 {
			return ""
		}
		// A few lead-in words at most: "answer is answer is …" must not
		// rescan its sentence at every "answer".
		for n := 0; n < maxLeadIn && choiceLeadIn(word(ts, j)) && p.designator(ts, j, true) == ""; n++ {
			j++
		}
		if d := p.designator(ts, j, true); d != "" && word(ts, j+1) == "" {
			return d
		}
		if ts[i].w != "conclusion" {
			break
		}
		fallthrough
	case "option", "choice", "number":
		d := p.designator(ts, i+1, false)
		if d == "" {
			return ""
		}
		for j := i + 2; j < i+7; j++ {
			switch w := word(ts, j); {
			case w == "" || negator(w):
				return ""
			case w == "correct" || w == "right" || w == "valid" || w == "follows" || w == "holds" || w == "answer":
				return d
			}
		}
	}
	if nvcAt(ts, i) {
		return p.nvcLabel()
	}
	return ""
}

// numberWord returns the digit that w spells, "one" to "nine", or "".
func numberWord(w string) string {
	for i, n := range [...]string{"one", "two", "three", "four", "five", "six", "seven", "eight", "nine"} {
		if w == n {
			return string(rune('1' + i))
		}
	}
	return ""
}

func isNumber(w string) bool {
	for i := 0; i < len(w); i++ {
		if w[i] < '0' || w[i] > '9' {
			return false
		}
	}
	return w != ""
}
