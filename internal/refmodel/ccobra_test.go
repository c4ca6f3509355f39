package refmodel

import (
	"os"
	"testing"
)

// The embedded tables are the files in testdata, byte for byte.
func TestEmbeddedTablesMatchTestdata(t *testing.T) {
	for _, name := range append(theories, "PROVENANCE") {
		ext := ".csv"
		if name == "PROVENANCE" {
			ext = ".md"
		}
		want, err := os.ReadFile("testdata/ccobra/" + name + ext)
		if err != nil {
			t.Fatal(err)
		}
		got, err := os.ReadFile("../ccobra/" + name + ext)
		if err != nil {
			t.Fatal(err)
		}
		if string(got) != string(want) {
			t.Errorf("../ccobra/%s%s differs from testdata/ccobra/%s%s", name, ext, name, ext)
		}
		if ext == ".csv" {
			tab, err := ParseTable(string(want))
			if err != nil {
				t.Fatalf("%s: %v", name, err)
			}
			emb, err := CCOBRATable(name)
			if err != nil {
				t.Fatal(err)
			}
			for id, rs := range tab {
				if len(emb[id]) != len(rs) {
					t.Errorf("%s %s: embedded %v, testdata %v", name, id, emb[id], rs)
				}
			}
		}
	}
}

func TestParseTableRejects(t *testing.T) {
	for name, data := range map[string]string{
		"no header":    "AA1,Aac\n",
		"bad pair":     "Syllogism,Prediction\nAX1,Aac\n",
		"bad response": "Syllogism,Prediction\nAA1,Axc\n",
		"too few":      "Syllogism,Prediction\nAA1,Aac\n",
	} {
		if _, err := ParseTable(data); err == nil {
			t.Errorf("%s: ParseTable accepted %q", name, data)
		}
	}
}
