package run

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"

	"github.com/syllobench/syllobench/internal/fixture"
	"github.com/syllobench/syllobench/internal/model"
	"github.com/syllobench/syllobench/internal/refmodel"
)

// LoadAll reads the settings of every model a run asks, one [Settings]
// each, in order:
//
//   - SYLLOBENCH_MODELS_FILE names a file of models, one a line: a base
//     URL, a model, and optionally the name of the variable that holds
//     its API key (see [ReadModelsFile]);
//   - SYLLOBENCH_MODEL=a,b,c names several models of one server
//     (SYLLOBENCH_BASE_URL, or the built-in reasoners without one);
//   - with neither, and no base URL, src.EveryReasoner asks every
//     built-in reasoner (syllobench run), and otherwise ref-logic alone
//     (go test).
//
// With several models each writes its scorecard and summary under
// SYLLOBENCH_OUT/<model>, and keeps its own fixtures and baseline, as a
// run of it alone would. go test and syllobench run both take their
// models from here.
func LoadAll(src Source) ([]Settings, error) {
	if src.Getenv == nil {
		src.Getenv = os.Getenv
	}
	raw := func(variable string) (value, name string) {
		if f, ok := src.Flags[variable]; ok && f.Value != "" {
			return f.Value, "-" + f.Name
		}
		return src.Getenv(variable), variable
	}
	list, listName := raw("SYLLOBENCH_MODEL")
	file, fileName := raw("SYLLOBENCH_MODELS_FILE")
	base, baseName := raw("SYLLOBENCH_BASE_URL")
	var each []Source
	var alone []string     // for each, the variables that ask it alone
	var keyAdvice []string // for each, where its key is set ("" for the variables)
	switch {
	case file != "" && (list != "" || base != ""):
		name := listName
		if list == "" {
			name = baseName
		}
		return nil, &ConfigError{Setting: fileName, Value: file, Want: fmt.Sprintf("either a models file or %s, not both: the file names each model's server", name)}
	case file != "":
		entries, err := ReadModelsFile(file)
		if err != nil {
			return nil, &ConfigError{Setting: fileName, Value: file, Want: "a models file: " + err.Error()}
		}
		for _, e := range entries {
			key := ""
			if e.KeyVariable != "" {
				if key = src.Getenv(e.KeyVariable); key == "" {
					return nil, &ConfigError{Setting: fileName, Value: file,
						Want: fmt.Sprintf("line %d: the key variable %s to be set (it is empty)", e.Line, e.KeyVariable)}
				}
			}
			// A model's key goes to its own server only: the file's key
			// variable, never SYLLOBENCH_API_KEY or OPENAI_API_KEY.
			each = append(each, src.with(map[string]string{
				"SYLLOBENCH_BASE_URL": e.BaseURL, "SYLLOBENCH_MODEL": e.Model,
				"SYLLOBENCH_MODELS_FILE": "", "SYLLOBENCH_API_KEY": key, "OPENAI_API_KEY": "",
			}))
			a := "SYLLOBENCH_MODELS_FILE= SYLLOBENCH_BASE_URL=" + shellQuote(model.RedactURL(e.BaseURL)) + " SYLLOBENCH_MODEL=" + shellQuote(e.Model)
			if e.KeyVariable != "" {
				a += ` SYLLOBENCH_API_KEY="$` + e.KeyVariable + `"`
			}
			alone = append(alone, a)
			advice := fmt.Sprintf("set %s (named on line %d of %s) to a key it accepts", e.KeyVariable, e.Line, file)
			if e.KeyVariable == "" {
				advice = fmt.Sprintf("name the variable that holds its key on line %d of %s, and set it", e.Line, file)
			}
			keyAdvice = append(keyAdvice, advice)
		}
	case strings.Contains(list, ","):
		var names []string
		for _, m := range strings.Split(list, ",") {
			m = strings.TrimSpace(m)
			switch {
			case m == "":
				return nil, &ConfigError{Setting: listName, Value: list, Want: "model names separated by commas, none empty"}
			case slices.Contains(names, m):
				return nil, &ConfigError{Setting: listName, Value: list, Want: fmt.Sprintf("each model once (%s is named twice)", m)}
			}
			names = append(names, m)
			each = append(each, src.with(map[string]string{"SYLLOBENCH_MODEL": m}))
			alone = append(alone, "SYLLOBENCH_MODEL="+shellQuote(m))
			keyAdvice = append(keyAdvice, "")
		}
	case list == "" && base == "" && src.EveryReasoner:
		for _, m := range refmodel.Names() {
			each = append(each, src.with(map[string]string{"SYLLOBENCH_MODEL": m}))
			alone = append(alone, "SYLLOBENCH_MODEL="+m)
			keyAdvice = append(keyAdvice, "")
		}
	default:
		s, err := Load(src)
		if err != nil {
			return nil, err
		}
		return []Settings{s}, nil
	}
	all := make([]Settings, 0, len(each))
	var errs []error
	seen := map[string]bool{} // a bad shared setting is reported once, not once a model
	for i, one := range each {
		s, err := Load(one)
		if err != nil {
			for _, e := range unjoin(err) {
				if !seen[e.Error()] {
					seen[e.Error()] = true
					errs = append(errs, e)
				}
			}
			continue
		}
		if s.Out != "" {
			s.Out = filepath.Join(s.Out, fixture.Slug(s.Model.Model))
		}
		s.Alone, s.KeyAdvice = alone[i], keyAdvice[i]
		all = append(all, s)
	}
	if err := errors.Join(errs...); err != nil {
		return nil, err
	}
	return all, nil
}

// with returns src with the variables in values set to them: a flag that
// stands for one takes its value (so that an error still names the
// flag), and otherwise the variable reads it.
func (src Source) with(values map[string]string) Source {
	flags := make(map[string]Flag, len(src.Flags))
	for k, f := range src.Flags {
		flags[k] = f
	}
	env := map[string]string{}
	for k, v := range values {
		if f, ok := flags[k]; ok && f.Value != "" {
			f.Value = v
			flags[k] = f
			continue
		}
		env[k] = v
	}
	getenv := src.Getenv
	src.Flags = flags
	src.Getenv = func(k string) string {
		if v, ok := env[k]; ok {
			return v
		}
		return getenv(k)
	}
	return src
}

// ModelEntry is one line of a models file.
type ModelEntry struct {
	Line        int
	BaseURL     string
	Model       string
	KeyVariable string // the variable holding the API key; "" for none
}

var variableName = regexp.MustCompile(`^[A-Za-z_][A-Za-z0-9_]*$`)

// ReadModelsFile reads a models file (SYLLOBENCH_MODELS_FILE): one model
// a line, as fields separated by spaces: the server's OpenAI-compatible
// base URL, the model's name, and optionally the name of the environment
// variable that holds the key for that server (the key itself never
// goes in the file). Blank lines and lines starting with # are skipped.
//
//	# base URL                  model          key variable
//	http://localhost:11434/v1   smollm2:135m
//	https://api.openai.com/v1   gpt-4o-mini    OPENAI_API_KEY
//
// An error names the line.
func ReadModelsFile(path string) ([]ModelEntry, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var entries []ModelEntry
	sc := bufio.NewScanner(bytes.NewReader(data))
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		f := strings.Fields(line)
		if len(f) < 2 || len(f) > 3 {
			return nil, fmt.Errorf("line %d: want a base URL, a model and optionally a key variable, got %d fields", n, len(f))
		}
		e := ModelEntry{Line: n, BaseURL: f[0], Model: f[1]}
		if u, err := url.Parse(e.BaseURL); err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
			return nil, fmt.Errorf("line %d: %q is not an http or https base URL", n, model.RedactURL(e.BaseURL))
		}
		if len(f) == 3 {
			if !variableName.MatchString(f[2]) {
				// It may be a key pasted in: it is not shown.
				return nil, fmt.Errorf("line %d: the third field is not the name of a variable (the key itself never goes in the file; the field is not shown)", n)
			}
			e.KeyVariable = f[2]
		}
		if i := slices.IndexFunc(entries, func(o ModelEntry) bool { return o.Model == e.Model }); i >= 0 {
			return nil, fmt.Errorf("line %d: model %s is already on line %d; each model's fixtures and baseline are kept by its name", n, e.Model, entries[i].Line)
		}
		entries = append(entries, e)
	}
	if err := sc.Err(); err != nil {
		return nil, err
	}
	if len(entries) == 0 {
		return nil, errors.New("no model in it")
	}
	return entries, nil
}

// unjoin returns the errors joined in err, or err alone.
func unjoin(err error) []error {
	if j, ok := err.(interface{ Unwrap() []error }); ok {
		return j.Unwrap()
	}
	return []error{err}
}

// shellQuote quotes s for a POSIX shell when it holds more than letters,
// digits and -_.:/+@=, so that a suggested command can be pasted.
func shellQuote(s string) string {
	if s != "" && strings.IndexFunc(s, func(r rune) bool {
		return !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || strings.ContainsRune("-_.:/+@=", r))
	}) < 0 {
		return s
	}
	return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'"
}
