package refmodel

import (
	"fmt"
	"hash/fnv"
	"slices"
	"strconv"
	"strings"

	"github.com/syllobench/syllobench/internal/english"
	"github.com/syllobench/syllobench/internal/logic"
	"github.com/syllobench/syllobench/internal/model"
	"github.com/syllobench/syllobench/internal/question"
)

// Question is a prompt of internal/prompt read back.
type Question struct {
	Kind      question.Kind
	Semantics logic.Semantics
	// Premises are the numbered statements under "Premises:" (or
	// "Statements:" for consistency questions), in the order shown.
	Premises []logic.Statement
	// PremiseText are the premises as written.
	PremiseText []string
	// Conclusion is the statement after "Conclusion:" (validity) or
	// "Statement:" (truth); nil otherwise.
	Conclusion *logic.Statement
	// Options are the numbered options of a choice question.
	Options []ChoiceOption
	// Labels are the answer labels the answer line lists.
	Labels []string
	// Asked is what an open question asks ("What does R2-D2 run on?");
	// zero for the other kinds.
	Asked OpenAsk
	// Hash is an FNV-1a hash of the whole conversation, which seeds
	// every choice a reasoner makes about this prompt.
	Hash uint64
}

// OpenAsk is an open question read back: what the individual called
// Name does with the verb head Head ("run on").
type OpenAsk struct {
	Name, Head string
}

// ChoiceOption is one option of a choice question.
type ChoiceOption struct {
	Label     string          // "1" … "9"
	NVC       bool            // the "None of these conclusions follows." option
	Statement logic.Statement // the option's conclusion; zero for NVC
}

// nvcOption returns the label of the NVC option.
func (q Question) nvcOption() (string, bool) {
	for _, o := range q.Options {
		if o.NVC {
			return o.Label, true
		}
	}
	return "", false
}

// pick returns an index below n chosen by the prompt's hash and salt.
func (q Question) pick(n int, salt string) int {
	h := fnv.New64a()
	fmt.Fprintf(h, "%d/%s", q.Hash, salt)
	return int(h.Sum64() % uint64(n))
}

// Read reads the last user message of msgs back into its question. Only
// the last user message is read: few-shot examples before it are
// ignored. A prompt it cannot read gives an error wrapping ErrUnreadable
// that says what was missing.
func Read(msgs []model.Message) (Question, error) {
	var q Question
	last := -1
	h := fnv.New64a()
	for i, m := range msgs {
		fmt.Fprintf(h, "%s\x00%s\x00", m.Role, m.Content)
		if m.Role == "user" {
			last = i
		}
	}
	q.Hash = h.Sum64()
	if last < 0 {
		return q, fmt.Errorf("%w: no user message", ErrUnreadable)
	}
	text := strings.ReplaceAll(msgs[last].Content, "\r\n", "\n")
	lines := strings.Split(text, "\n")
	for i := range lines {
		lines[i] = strings.TrimSpace(lines[i])
	}

	// The header and the numbered statements under it.
	hdr := slices.IndexFunc(lines, func(l string) bool { return l == question.PremisesHeader || l == question.StatementsHeader })
	if hdr < 0 {
		return q, fmt.Errorf(`%w: no "Premises:" or "Statements:" header`, ErrUnreadable)
	}
	i := hdr + 1
	for ; i < len(lines); i++ {
		n, rest, ok := numbered(lines[i])
		if !ok {
			break
		}
		if n != len(q.Premises)+1 {
			return q, fmt.Errorf("%w: statement %d is numbered %d", ErrUnreadable, len(q.Premises)+1, n)
		}
		s, err := english.Parse(rest)
		if err != nil {
			return q, fmt.Errorf("%w: %w: statement %d %q: %v", ErrUnreadable, ErrForeignText, n, rest, err)
		}
		q.Premises = append(q.Premises, s)
		q.PremiseText = append(q.PremiseText, rest)
	}
	if len(q.Premises) == 0 {
		return q, fmt.Errorf("%w: no numbered statements under %q", ErrUnreadable, lines[hdr])
	}

	// The conclusion or statement, the question line and the options.
	var concl, stmt string
	asked := -1
	for ; i < len(lines); i++ {
		l := lines[i]
		switch {
		case l == "":
		case strings.HasPrefix(l, question.ConclusionLead):
			concl = strings.TrimSpace(strings.TrimPrefix(l, question.ConclusionLead))
		case strings.HasPrefix(l, question.StatementLead):
			stmt = strings.TrimSpace(strings.TrimPrefix(l, question.StatementLead))
		case asked < 0:
			asked = i
		}
		if asked >= 0 {
			break
		}
	}
	if asked < 0 {
		return q, fmt.Errorf("%w: no question after the statements", ErrUnreadable)
	}
	if strings.Contains(lines[asked], question.TraditionalNote) {
		q.Semantics = logic.Traditional
	}
	for i = asked + 1; i < len(lines); i++ {
		n, rest, ok := numbered(lines[i])
		if !ok {
			break
		}
		o := ChoiceOption{Label: strconv.Itoa(n)}
		if rest == question.NoValidConclusion {
			o.NVC = true
		} else {
			s, err := english.Parse(rest)
			if err != nil {
				return q, fmt.Errorf("%w: option %d %q: %v", ErrUnreadable, n, rest, err)
			}
			o.Statement = s
		}
		q.Options = append(q.Options, o)
	}

	if strings.Contains(text, question.OpenAnswerLead) {
		return q, readOpen(&q, lines[asked], concl, stmt, isStatementsHeader(lines[hdr]))
	}
	if strings.Contains(text, question.SelectionAnswerLead) {
		if concl == "" || stmt != "" || isStatementsHeader(lines[hdr]) || len(q.Options) > 0 {
			return q, fmt.Errorf("%w: a premise-selection question needs premises and a conclusion, and nothing else", ErrUnreadable)
		}
		s, err := english.Parse(concl)
		if err != nil {
			return q, fmt.Errorf("%w: %w: conclusion %q: %v", ErrUnreadable, ErrForeignText, concl, err)
		}
		q.Kind, q.Conclusion = question.Selection, &s
		return q, nil
	}

	// The answer line lists the labels.
	at := strings.LastIndex(text, question.AnswerLead)
	if at < 0 {
		return q, fmt.Errorf(`%w: no answer line listing the labels ("%s…")`, ErrUnreadable, question.AnswerLead)
	}
	q.Labels = question.ListedLabels(text[at+len(question.AnswerLead):])

	isHeader := isStatementsHeader(lines[hdr])
	switch {
	case slices.Equal(q.Labels, question.Validity.Labels()) && isHeader && concl == "" && stmt == "":
		q.Kind = question.Consistency
	case slices.Equal(q.Labels, question.Validity.Labels()) && !isHeader && concl != "":
		q.Kind = question.Validity
	case (slices.Equal(q.Labels, question.Validity.Labels()) || slices.Equal(q.Labels, question.Truth.Labels())) &&
		!isHeader && concl == "" && stmt == "" && len(q.Options) == 0:
		// A validity or truth question asked directly: "Are squares
		// triangles?"
		q.Kind = question.Validity
		if len(q.Labels) == 3 {
			q.Kind = question.Truth
		}
		if err := readDirect(&q, lines[asked]); err != nil {
			return q, err
		}
	case slices.Equal(q.Labels, question.Truth.Labels()) && !isHeader && stmt != "":
		q.Kind = question.Truth
	case len(q.Options) > 0 && !isHeader && concl == "" && stmt == "" && slices.Equal(q.Labels, optionLabels(q.Options)):
		q.Kind = question.Choice
		if _, ok := q.nvcOption(); !ok {
			return q, fmt.Errorf("%w: no %q option", ErrUnreadable, question.NoValidConclusion)
		}
	default:
		return q, fmt.Errorf("%w: the labels %v do not fit the question (header %q, conclusion %t, statement %t, %d options)",
			ErrUnreadable, q.Labels, lines[hdr], concl != "", stmt != "", len(q.Options))
	}
	if q.Kind != question.Choice && len(q.Options) > 0 {
		return q, fmt.Errorf("%w: a %s question with numbered options", ErrUnreadable, q.Kind)
	}
	for _, t := range []string{concl, stmt} {
		if t == "" {
			continue
		}
		s, err := english.Parse(t)
		if err != nil {
			return q, fmt.Errorf("%w: %w: %s %q: %v", ErrUnreadable, ErrForeignText, map[bool]string{true: "conclusion", false: "statement"}[t == concl], t, err)
		}
		q.Conclusion = &s
	}
	return q, nil
}

// readDirect reads the direct question that starts a validity or truth
// question's line ("Are squares triangles? Answer yes only if …") into q's
// conclusion, knowing the words of its premises. A premise whose bare
// plural subject starts with a capital letter reads as lower case ("Java
// programmers can write code." as about "java programmer"); where the
// question names the capitalised term, the premise is about it.
func readDirect(q *Question, line string) error {
	end := strings.IndexByte(line, '?')
	if end < 0 {
		return fmt.Errorf("%w: a %s question with no conclusion and no question in %q", ErrUnreadable, q.Kind, line)
	}
	words := map[string]bool{}
	for _, s := range q.Premises {
		words[s.Subject], words[s.Predicate] = true, true
	}
	known := func(w string) bool { return words[w] || words[lowerFirst(w)] }
	s, _, err := english.ReadQuestion(line[:end+1], known)
	if err != nil {
		return fmt.Errorf("%w: %v", ErrUnreadable, err)
	}
	for i, p := range q.Premises {
		for _, t := range []string{s.Subject, s.Predicate} {
			if p.Subject != t && p.Subject == lowerFirst(t) && !words[t] {
				q.Premises[i].Subject = t
			}
		}
	}
	q.Conclusion = &s
	return nil
}

// lowerFirst returns w with its first letter in lower case.
func lowerFirst(w string) string {
	if w == "" || w[0] < 'A' || w[0] > 'Z' {
		return w
	}
	return string(w[0]+'a'-'A') + w[1:]
}

// isStatementsHeader reports whether the header line is that of a consistency
// question's statements.
func isStatementsHeader(line string) bool { return line == question.StatementsHeader }

// readOpen reads the question line of an open question, which starts
// with its own question ("What does R2-D2 run on?"), into q.
func readOpen(q *Question, line, concl, stmt string, statements bool) error {
	if concl != "" || stmt != "" || statements || len(q.Options) > 0 {
		return fmt.Errorf("%w: an open question with a conclusion, a statement, a %q header or options", ErrUnreadable, question.StatementsHeader)
	}
	end := strings.IndexByte(line, '?')
	if end < 0 {
		return fmt.Errorf("%w: no question in the open question's line %q", ErrUnreadable, line)
	}
	name, head, err := english.ParseOpenQuestion(line[:end+1])
	if err != nil {
		return fmt.Errorf("%w: %v", ErrUnreadable, err)
	}
	q.Kind, q.Asked = question.Open, OpenAsk{Name: name, Head: head}
	return nil
}

func optionLabels(os []ChoiceOption) []string {
	ls := make([]string, len(os))
	for i, o := range os {
		ls[i] = o.Label
	}
	return ls
}

// numbered reads a line "N. text".
func numbered(l string) (int, string, bool) {
	num, rest, ok := strings.Cut(l, ". ")
	if !ok {
		return 0, "", false
	}
	n, err := strconv.Atoi(num)
	if err != nil || n < 1 {
		return 0, "", false
	}
	return n, strings.TrimSpace(rest), true
}
