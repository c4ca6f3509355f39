package logic

// The oracle: a brute-force model checker over Venn regions, independent
// of the clause compilation in decide.go. A model is a set of non-empty
// regions (each region is an assignment of true/false to every term) and
// a placement of each named individual in one of them.

// lit is a statement asserted true (pos) or false (!pos).
type lit struct {
	s   Statement
	pos bool
}

// vocab numbers the terms and names of an argument.
type vocab struct {
	terms []string
	names []string
}

func (v *vocab) idx(list *[]string, s string) int {
	for i, x := range *list {
		if x == s {
			return i
		}
	}
	*list = append(*list, s)
	return len(*list) - 1
}

func (v *vocab) add(s Statement) {
	if s.Q.Singular() {
		v.idx(&v.names, s.Subject)
	} else {
		v.idx(&v.terms, s.Subject)
	}
	v.idx(&v.terms, s.Predicate)
}

// holdsIn reports whether s is true in the model whose non-empty regions
// are set in dom (bit r for region r), with individual i in region at[i].
func holdsIn(v *vocab, s Statement, dom uint64, at []int) bool {
	p := v.idx(&v.terms, s.Predicate)
	if s.Q.Singular() {
		r := at[v.idx(&v.names, s.Subject)]
		return (r>>p&1 == 1) == (s.Q == Is)
	}
	t := v.idx(&v.terms, s.Subject)
	for r := 0; r < 64; r++ {
		if dom>>r&1 == 0 {
			continue
		}
		inS, inP := r>>t&1 == 1, r>>p&1 == 1
		switch {
		case s.Q == All && inS && !inP, s.Q == No && inS && inP:
			return false
		case s.Q == Some && inS && inP, s.Q == SomeNot && inS && !inP:
			return true
		}
	}
	return s.Q == All || s.Q == No
}

// mentionedNonEmpty reports whether every term in mask has a non-empty region in dom.
func nonEmpty(dom uint64, nterms int) bool {
	for t := 0; t < nterms; t++ {
		found := false
		for r := 0; r < 1<<nterms; r++ {
			if dom>>r&1 == 1 && r>>t&1 == 1 {
				found = true
				break
			}
		}
		if !found {
			return false
		}
	}
	return true
}

// oracleSat decides whether lits have a model, using the largest model:
// every region that no universally-read literal forbids is non-empty.
// Universals only get harder to satisfy as regions are added and
// existentials only easier, so this model is a witness if any model is.
func oracleSat(v *vocab, lits []lit, sem Semantics) bool {
	n := len(v.terms)
	var dom uint64
	for r := 0; r < 1<<n; r++ {
		ok := true
		for _, l := range lits {
			universal := !l.s.Q.Singular() && (l.s.Q == All || l.s.Q == No) == l.pos
			if universal && holdsIn(v, l.s, 1<<r, nil) != l.pos {
				ok = false
				break
			}
		}
		if ok {
			dom |= 1 << r
		}
	}
	if sem == Traditional && !nonEmpty(dom, n) {
		return false
	}
	at := make([]int, len(v.names))
	for i := range v.names {
		at[i] = -1
		for r := 0; r < 1<<n && at[i] < 0; r++ {
			if dom>>r&1 == 0 {
				continue
			}
			fits := true
			for _, l := range lits {
				if l.s.Q.Singular() && l.s.Subject == v.names[i] {
					probe := make([]int, len(v.names))
					probe[i] = r
					if holdsIn(v, l.s, dom, probe) != l.pos {
						fits = false
					}
				}
			}
			if fits {
				at[i] = r
			}
		}
		if at[i] < 0 {
			return false
		}
	}
	for _, l := range lits {
		if holdsIn(v, l.s, dom, at) != l.pos {
			return false
		}
	}
	return true
}

// exhaustiveSat decides whether lits have a model by trying every set of
// non-empty regions and every placement of the individuals. It is only
// feasible for tiny vocabularies and checks oracleSat itself.
func exhaustiveSat(v *vocab, lits []lit, sem Semantics) bool {
	n := len(v.terms)
	at := make([]int, len(v.names))
	for dom := uint64(0); dom < 1<<(1<<n); dom++ {
		if sem == Traditional && !nonEmpty(dom, n) {
			continue
		}
		if placeAll(v, lits, dom, at, 0) {
			return true
		}
	}
	return false
}

func placeAll(v *vocab, lits []lit, dom uint64, at []int, i int) bool {
	if i == len(at) {
		for _, l := range lits {
			if holdsIn(v, l.s, dom, at) != l.pos {
				return false
			}
		}
		return true
	}
	for r := 0; r < 1<<len(v.terms); r++ {
		if dom>>r&1 == 1 {
			at[i] = r
			if placeAll(v, lits, dom, at, i+1) {
				return true
			}
		}
	}
	return false
}

// oracleDecide is Decide computed by a model checker sat.
func oracleDecide(premises []Statement, c Statement, sem Semantics,
	sat func(*vocab, []lit, Semantics) bool) Verdict {
	v := &vocab{}
	lits := make([]lit, 0, len(premises)+1)
	for _, p := range premises {
		v.add(p)
		lits = append(lits, lit{p, true})
	}
	v.add(c)
	switch {
	case !sat(v, lits, sem):
		return Inconsistent
	case !sat(v, append(lits, lit{c, false}), sem):
		return Entailed
	case !sat(v, append(lits, lit{c, true}), sem):
		return Contradicted
	}
	return Undetermined
}
