// Package junit writes results as JUnit XML, the test report that CI
// systems read (GitHub Actions' test-report actions, GitLab's
// artifacts:reports:junit, Jenkins, Azure Pipelines, CircleCI): a
// <testsuites> root, a <testsuite> per model with its counts, and a
// <testcase> per check, holding a <failure>, an <error> or <skipped>.
package junit

import (
	"bytes"
	"cmp"
	"encoding/xml"
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode/utf8"
)

// Suite is one model's results.
type Suite struct {
	Name       string
	Properties []Property // the run's settings, in order
	Cases      []Case
}

// Property is one setting of the run, shown beside the results.
type Property struct {
	Name  string `xml:"name,attr"`
	Value string `xml:"value,attr"`
}

// Case is one check. At most one of Failure (the check failed: the model
// fell short), Error (the check could not be made: requests failed) and
// Skipped (nothing to check) is set; none means it passed. Output is
// shown with the case whatever its outcome.
type Case struct {
	Class, Name             string
	Failure, Error, Skipped string
	Output                  string
}

type xmlSuites struct {
	XMLName  xml.Name   `xml:"testsuites"`
	Name     string     `xml:"name,attr"`
	Tests    int        `xml:"tests,attr"`
	Failures int        `xml:"failures,attr"`
	Errors   int        `xml:"errors,attr"`
	Skipped  int        `xml:"skipped,attr"`
	Suites   []xmlSuite `xml:"testsuite"`
}

type xmlSuite struct {
	Name       string     `xml:"name,attr"`
	Tests      int        `xml:"tests,attr"`
	Failures   int        `xml:"failures,attr"`
	Errors     int        `xml:"errors,attr"`
	Skipped    int        `xml:"skipped,attr"`
	Properties []Property `xml:"properties>property,omitempty"`
	Cases      []xmlCase  `xml:"testcase"`
}

type xmlCase struct {
	Name      string      `xml:"name,attr"`
	Classname string      `xml:"classname,attr"`
	Failure   *xmlProblem `xml:"failure"`
	Error     *xmlProblem `xml:"error"`
	Skipped   *xmlSkipped `xml:"skipped"`
	SystemOut string      `xml:"system-out,omitempty"`
}

type xmlProblem struct {
	Message string `xml:"message,attr"`
	Type    string `xml:"type,attr"`
	Text    string `xml:",chardata"`
}

type xmlSkipped struct {
	Message string `xml:"message,attr"`
}

// Write writes the suites as one JUnit XML document named name. It holds
// no time or timestamp, so that the same results give the same bytes.
func Write(w io.Writer, name string, suites []Suite) error {
	doc := xmlSuites{Name: clean(name)}
	for _, s := range suites {
		xs := xmlSuite{Name: clean(s.Name), Tests: len(s.Cases)}
		for _, p := range s.Properties {
			xs.Properties = append(xs.Properties, Property{clean(p.Name), clean(p.Value)})
		}
		for _, c := range s.Cases {
			xc := xmlCase{Name: clean(c.Name), Classname: clean(c.Class), SystemOut: clean(c.Output)}
			switch {
			case c.Failure != "":
				xs.Failures++
				xc.Failure = &xmlProblem{Message: firstLine(c.Failure), Type: "failure", Text: clean(c.Failure)}
			case c.Error != "":
				xs.Errors++
				xc.Error = &xmlProblem{Message: firstLine(c.Error), Type: "error", Text: clean(c.Error)}
			case c.Skipped != "":
				xs.Skipped++
				xc.Skipped = &xmlSkipped{Message: firstLine(c.Skipped)}
			}
			xs.Cases = append(xs.Cases, xc)
		}
		doc.Tests += xs.Tests
		doc.Failures += xs.Failures
		doc.Errors += xs.Errors
		doc.Skipped += xs.Skipped
		doc.Suites = append(doc.Suites, xs)
	}
	if _, err := io.WriteString(w, xml.Header); err != nil {
		return err
	}
	enc := xml.NewEncoder(w)
	enc.Indent("", "  ")
	if err := enc.Encode(doc); err != nil {
		return err
	}
	_, err := io.WriteString(w, "\n")
	return err
}

// Read parses a JUnit XML document back into its suites: a case's
// Failure, Error and Output are the text of its <failure>, <error> and
// <system-out> (a failure's message when it has no text), Skipped the
// message of its <skipped>. It reads what Write writes, and gotestsum's.
func Read(doc []byte) ([]Suite, error) {
	var x xmlSuites
	if err := xml.Unmarshal(doc, &x); err != nil {
		return nil, err
	}
	text := func(p *xmlProblem) string {
		if p == nil {
			return ""
		}
		return cmp.Or(p.Text, p.Message, p.Type)
	}
	suites := make([]Suite, len(x.Suites))
	for i, xs := range x.Suites {
		s := Suite{Name: xs.Name, Properties: xs.Properties}
		for _, xc := range xs.Cases {
			c := Case{Class: xc.Classname, Name: xc.Name, Failure: text(xc.Failure), Error: text(xc.Error), Output: xc.SystemOut}
			if xc.Skipped != nil {
				c.Skipped = cmp.Or(xc.Skipped.Message, "skipped")
			}
			s.Cases = append(s.Cases, c)
		}
		suites[i] = s
	}
	return suites, nil
}

// firstLine is a message's first line, at most 200 bytes, for the
// message attribute CI systems show in their list of failures.
func firstLine(s string) string {
	s, _, _ = strings.Cut(clean(s), "\n")
	if len(s) > 200 {
		s = strings.ToValidUTF8(s[:200], "") + "…"
	}
	return s
}

// clean replaces what XML 1.0 cannot hold (controls other than tab, line
// feed and carriage return; invalid UTF-8; U+FFFE and U+FFFF) with
// U+FFFD: a model's reply may hold anything, and a parser rejects a
// document with one such character.
func clean(s string) string {
	ok := func(r rune) bool {
		return r == '\t' || r == '\n' || r == '\r' || r >= 0x20 && r < 0xD800 || r >= 0xE000 && r < 0xFFFE || r >= 0x10000 && r <= 0x10FFFF
	}
	if utf8.ValidString(s) && strings.IndexFunc(s, func(r rune) bool { return !ok(r) }) < 0 {
		return s
	}
	return strings.Map(func(r rune) rune {
		if ok(r) {
			return r
		}
		return '\uFFFD'
	}, strings.ToValidUTF8(s, "\uFFFD"))
}

// Validate checks doc against the shape of JUnit XML that CI systems
// read (what the Jenkins, GitLab and Azure parsers and GitHub's report
// actions require of the Ant/Jenkins schema): a <testsuites> root of
// <testsuite>s, each with a name and a count of tests that matches its
// <testcase>s (and counts of failures, errors and skipped cases that
// match theirs, where it gives them); each case with a name and a
// classname, and at most one of <failure>, <error> (each with a
// message) and <skipped>. The tests check every document syllobench
// writes with it, and gotestsum's of go test.
func Validate(doc []byte) error {
	allowed := map[string][]string{
		"testsuites": {"testsuite"},
		"testsuite":  {"properties", "testcase", "system-out", "system-err"},
		"properties": {"property"},
		"property":   nil,
		"testcase":   {"failure", "error", "skipped", "system-out", "system-err"},
		"failure":    nil, "error": nil, "skipped": nil, "system-out": nil, "system-err": nil,
	}
	required := map[string][]string{
		"testsuite": {"name", "tests"},
		"property":  {"name", "value"},
		"testcase":  {"name", "classname"},
		"failure":   {"message"},
		"error":     {"message"},
	}
	type frame struct {
		name     string
		attrs    map[string]string
		children map[string]int
	}
	dec := xml.NewDecoder(bytes.NewReader(doc))
	var stack []*frame
	roots := 0
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			return err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			name := t.Name.Local
			if len(stack) == 0 {
				if roots++; name != "testsuites" || roots > 1 {
					return fmt.Errorf("root <%s>: want one <testsuites>", name)
				}
			} else {
				parent := stack[len(stack)-1]
				ok := false
				for _, c := range allowed[parent.name] {
					ok = ok || c == name
				}
				if !ok {
					return fmt.Errorf("<%s> in <%s>", name, parent.name)
				}
				parent.children[name]++
			}
			f := &frame{name: name, attrs: map[string]string{}, children: map[string]int{}}
			for _, a := range t.Attr {
				f.attrs[a.Name.Local] = a.Value
			}
			for _, r := range required[name] {
				if _, ok := f.attrs[r]; !ok {
					return fmt.Errorf("<%s> without %s", name, r)
				}
			}
			stack = append(stack, f)
		case xml.EndElement:
			f := stack[len(stack)-1]
			stack = stack[:len(stack)-1]
			switch f.name {
			case "testcase":
				if n := f.children["failure"] + f.children["error"] + f.children["skipped"]; n > 1 {
					return fmt.Errorf("test case %s has %d outcomes", f.attrs["name"], n)
				}
				suite := stack[len(stack)-1]
				for _, o := range []string{"failure", "error", "skipped"} {
					suite.children["case "+o] += f.children[o]
				}
			case "testsuite":
				for attr, child := range map[string]string{"tests": "testcase", "failures": "case failure", "errors": "case error", "skipped": "case skipped"} {
					v, given := f.attrs[attr]
					if n, _ := strconv.Atoi(v); given && n != f.children[child] {
						return fmt.Errorf("suite %s says %s=%d and holds %d", f.attrs["name"], attr, n, f.children[child])
					}
				}
			}
		}
	}
	return nil
}
