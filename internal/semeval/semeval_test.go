package semeval

import (
	"bytes"
	"errors"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestParse(t *testing.T) {
	list := `[
  {"id": "1", "syllogism": "All birds lay eggs. All chickens lay eggs. All chickens are birds.", "validity": false, "plausibility": true},
  {"id": 2, "syllogism": "No fish are mammals. All whales are mammals. Therefore, no whales are fish.", "validity": true, "plausibility": true}
]`
	recs, err := Parse("list.json", []byte(list))
	if err != nil {
		t.Fatal(err)
	}
	if len(recs) != 2 || recs[1].ID != "2" || recs[0].Validity || !recs[0].Plausibility {
		t.Errorf("records %+v", recs)
	}
	// The same as JSON Lines reads the same.
	lines := `{"id": "1", "syllogism": "All birds lay eggs. All chickens lay eggs. All chickens are birds.", "validity": false, "plausibility": true}

{"id": 2, "syllogism": "No fish are mammals. All whales are mammals. Therefore, no whales are fish.", "validity": true, "plausibility": true}
`
	again, err := Parse("lines.jsonl", []byte(lines))
	if err != nil || !cmp.Equal(again, recs) {
		t.Errorf("JSON Lines: %+v, %v", again, err)
	}
	// Write, then Parse, is the identity.
	var b bytes.Buffer
	if err := Write(&b, recs); err != nil {
		t.Fatal(err)
	}
	if back, err := Parse("written.json", b.Bytes()); err != nil || !cmp.Equal(back, recs) {
		t.Errorf("round trip: %+v, %v\n%s", back, err, b.String())
	}
}

func TestParseRefuses(t *testing.T) {
	good := `{"id": "a", "syllogism": "All A are B. All B are C. All A are C.", "validity": true, "plausibility": false}`
	for _, tc := range []struct{ data, where, what string }{
		{"", "f", "empty"},
		{"[]", "f", "no records"},
		{"{}", "f:1", `no "id"`},
		{`[` + good + `, {"id": "b", "syllogism": "All A are B.", "validity": true, "plausibility": true}]`, "record 2 (index 1)", "premises and a conclusion"},
		{good + "\n" + `{"id": "b", "syllogism": "All A are B. All B are C.", "plausibility": true}`, "f:2", `"validity"`},
		{good + "\n" + `{"id": "c", "syllogism": "All A are B. All B are C.", "validity": "yes", "plausibility": true}`, "f:2", "validity"},
		{good + "\n" + good, "f:2", "already the id of f:1"},
		{good + "\n" + `{"id": "d", "syllogism": "All A are B. All B are C.", "validity": true, "plausibility": true, "extra": 1}`, "f:2", "unknown field"},
		{good + "\nnot json", "f:2", "invalid"},
		{`[` + good + `] trailing`, "f", "after the list"},
		{`{"id": "x y", "syllogism": "All A are B. All B are C.", "validity": true, "plausibility": true}`, "f:1", "no space"},
		{`{"id": "r", "syllogism": "All A are B. All B are C. All A are C.", "validity": true, "plausibility": true, "relevant_premises": [0, 2]}`, "f:1", "index 2 is not one of the 2 premises"},
	} {
		_, err := Parse("f", []byte(tc.data))
		if err == nil || !errors.Is(err, ErrFormat) || !strings.Contains(err.Error(), tc.where) || !strings.Contains(err.Error(), tc.what) {
			t.Errorf("%q: %v; want an error at %q saying %q", tc.data, err, tc.where, tc.what)
		}
	}
}

// Subtask 2's records name the premises needed.
func TestParseRelevantPremises(t *testing.T) {
	recs, err := Parse("f", []byte(`{"id": "r", "syllogism": "Some C are D. All B are C. All A are B. All A are C.", "validity": true, "plausibility": true, "relevant_premises": [1, 2]}`))
	if err != nil || !slices.Equal(recs[0].RelevantPremises, []int{1, 2}) {
		t.Fatalf("%+v, %v", recs, err)
	}
	var b bytes.Buffer
	Write(&b, recs)
	if !strings.Contains(b.String(), `"relevant_premises":[1,2]`) {
		t.Errorf("written as %s", b.String())
	}
}

func TestSentences(t *testing.T) {
	for _, tc := range []struct {
		text string
		want []string
	}{
		{"All A are B. All B are C. All A are C.", []string{"All A are B.", "All B are C.", "All A are C."}},
		{"Every 3.5-inch disk is old. Some disks are new. So some new things are not 3.5-inch disks", []string{"Every 3.5-inch disk is old.", "Some disks are new.", "So some new things are not 3.5-inch disks."}},
		{"  One.  ", []string{"One."}},
	} {
		if got := Sentences(tc.text); !slices.Equal(got, tc.want) {
			t.Errorf("Sentences(%q) = %q, want %q", tc.text, got, tc.want)
		}
	}
}
