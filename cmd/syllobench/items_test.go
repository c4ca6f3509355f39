package main

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"

	"github.com/syllobench/syllobench/internal/gen"
)

// TestItemsGolden pins the first items of every probe family for a fixed
// seed, and one item in each prompt format.
func TestItemsGolden(t *testing.T) {
	type tc struct {
		args   []string
		golden string
	}
	var cases []tc
	for _, f := range gen.Families() {
		n := "3"
		if f.Name == "invariance" {
			n = "1" // one isomorph set
		}
		cases = append(cases, tc{[]string{"items", "-probe", f.Name, "-n", n, "-json"}, "items-" + f.Name + ".jsonl"})
	}
	cases = append(cases,
		tc{[]string{"items", "-probe", "validity", "-n", "2", "-format", "fewshot", "-semantics", "boolean"}, "items-fewshot.txt"},
		tc{[]string{"items", "-probe", "chains", "-n", "2", "-format", "cot", "-seed", "42"}, "items-cot.txt"},
		tc{[]string{"items", "-coverage", "-probe", "instantiation"}, "coverage-instantiation.txt"},
	)
	for _, c := range cases {
		t.Run(strings.Join(c.args, " "), func(t *testing.T) {
			var stdout, stderr bytes.Buffer
			if err := run(&stdout, &stderr, c.args); err != nil {
				t.Fatal(err)
			}
			golden(t, c.golden, stdout.Bytes())
		})
	}
}

func TestItemsJSON(t *testing.T) {
	var stdout bytes.Buffer
	if err := run(&stdout, new(bytes.Buffer), []string{"items", "-n", "5", "-json"}); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(stdout.String()), "\n")
	probes := map[string]bool{}
	for _, line := range lines {
		var obj map[string]any
		if err := json.Unmarshal([]byte(line), &obj); err != nil {
			t.Fatalf("not JSON: %v\n%s", err, line)
		}
		for _, k := range []string{"id", "probe", "form", "condition", "semantics", "kind", "premises", "conclusion", "expected", "messages", "meta"} {
			if _, ok := obj[k]; !ok {
				t.Errorf("item %v has no %q field", obj["id"], k)
			}
		}
		probes[obj["probe"].(string)] = true
	}
	if len(probes) != len(gen.Families()) {
		t.Errorf("items without -probe covered %d of %d families", len(probes), len(gen.Families()))
	}
}

func TestItemsDeterministic(t *testing.T) {
	out := func(seed string) string {
		var stdout bytes.Buffer
		if err := run(&stdout, new(bytes.Buffer), []string{"items", "-n", "4", "-json", "-seed", seed}); err != nil {
			t.Fatal(err)
		}
		return stdout.String()
	}
	if a, b := out("7"), out("7"); a != b {
		t.Error("the same flags gave different output")
	}
	if out("7") == out("8") {
		t.Error("seeds 7 and 8 gave the same items")
	}
}

func TestItemsBadInput(t *testing.T) {
	for _, tc := range []struct {
		args    []string
		mention string
	}{
		{[]string{"items", "-probe", "astrology"}, `"astrology"`},
		{[]string{"items", "-format", "haiku"}, `"haiku"`},
		{[]string{"items", "-semantics", "fuzzy"}, `"fuzzy"`},
		{[]string{"items", "-n", "-3"}, "-n -3"},
		{[]string{"items", "extra"}, "extra"},
	} {
		var stdout, stderr bytes.Buffer
		err := run(&stdout, &stderr, tc.args)
		var msg bytes.Buffer
		if code := exitCode(err, &msg); code != 2 || !strings.Contains(msg.String(), tc.mention) {
			t.Errorf("run %q: exit %d, message %q; want 2 and a mention of %s", tc.args, code, msg.String(), tc.mention)
		}
	}
}
