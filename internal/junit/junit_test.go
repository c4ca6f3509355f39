package junit

import (
	"bytes"
	"encoding/xml"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
)

func TestWrite(t *testing.T) {
	suites := []Suite{{
		Name:       "model-a",
		Properties: []Property{{"size", "small"}},
		Cases: []Case{
			{Class: "validity", Name: "overall"},
			{Class: "validity", Name: "condition=believable", Failure: "accuracy 3/10 below the floor\n\nexpected: no   given: yes\nreply: \"<b>yes</b> \x00\x1b[31m\xff\""},
			{Class: "chains", Name: "requests", Error: "infrastructure failure: 2 of 8 requests failed"},
			{Class: "open", Name: "overall", Skipped: "the model declined every question of the probe"},
		},
	}, {Name: "model-b", Cases: []Case{{Class: "gate", Name: "belief", Output: "p = 0.5"}}}}
	var b bytes.Buffer
	if err := Write(&b, "syllobench", suites); err != nil {
		t.Fatal(err)
	}
	if err := Validate(b.Bytes()); err != nil {
		t.Fatalf("not the JUnit shape: %v\n%s", err, b.String())
	}
	// Counts, and the failure's text as it was, with what XML cannot hold
	// replaced.
	var doc xmlSuites
	if err := xml.Unmarshal(b.Bytes(), &doc); err != nil {
		t.Fatal(err)
	}
	counts := []int{doc.Tests, doc.Failures, doc.Errors, doc.Skipped, doc.Suites[0].Tests, doc.Suites[0].Failures, doc.Suites[1].Tests}
	if diff := cmp.Diff([]int{5, 1, 1, 1, 4, 1, 1}, counts); diff != "" {
		t.Errorf("counts (-want +got):\n%s", diff)
	}
	f := doc.Suites[0].Cases[1].Failure
	if f == nil || f.Message != "accuracy 3/10 below the floor" || !strings.Contains(f.Text, "reply: \"<b>yes</b> \uFFFD\uFFFD[31m\uFFFD\"") {
		t.Errorf("failure %+v", f)
	}
	// What Read reads back is what was written, with what XML cannot
	// hold replaced.
	back, err := Read(b.Bytes())
	if err != nil {
		t.Fatal(err)
	}
	want := slices.Clone(suites)
	want[0].Cases = slices.Clone(want[0].Cases)
	want[0].Cases[1].Failure = clean(want[0].Cases[1].Failure)
	want[1].Properties = nil
	if diff := cmp.Diff(want, back, cmpopts.EquateEmpty()); diff != "" {
		t.Errorf("Read(Write(suites)) (-want +got):\n%s", diff)
	}
	var again bytes.Buffer
	Write(&again, "syllobench", suites)
	if !bytes.Equal(b.Bytes(), again.Bytes()) {
		t.Error("the same results gave other bytes")
	}
}

func TestValidateCatches(t *testing.T) {
	for _, doc := range []string{
		`<testsuite name="x" tests="0" failures="0" errors="0" skipped="0"></testsuite>`,
		`<testsuites tests="1" failures="0" errors="0"><testsuite name="x" tests="2" failures="0" errors="0" skipped="0"><testcase name="a" classname="b"/></testsuite></testsuites>`,
		`<testsuites tests="1" failures="0" errors="0"><testsuite name="x" tests="1" failures="0" errors="0" skipped="0"><testcase name="a"/></testsuite></testsuites>`,
		`<testsuites tests="1" failures="0" errors="0"><testsuite name="x" tests="1" failures="0" errors="0" skipped="0"><testcase name="a" classname="b"><failure message="m" type="t"/></testcase></testsuite></testsuites>`,
		`<testsuites tests="1" failures="1" errors="0"><testsuite name="x" tests="1" failures="1" errors="0" skipped="0"><testcase name="a" classname="b"><failure>x</failure></testcase></testsuite></testsuites>`,
		`<testsuites><testsuite tests="0"></testsuite></testsuites>`,
		`<testsuites tests="1" failures="1" errors="0"><testsuite name="x" tests="1" failures="1" errors="0" skipped="0"><testcase name="a" classname="b"><skipped/><error message="m" type="t"/></testcase></testsuite></testsuites>`,
	} {
		if err := Validate([]byte(doc)); err == nil {
			t.Errorf("validate passed %s", doc)
		}
	}
}
