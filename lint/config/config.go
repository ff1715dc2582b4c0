package config

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"time"

	"github.com/goccy/go-yaml"
	"github.com/goccy/go-yaml/ast"
	"github.com/goccy/go-yaml/parser"

	"github.com/citelint/citelint/catalog"
	"github.com/citelint/citelint/internal/editdist"
	"github.com/citelint/citelint/lint"
)

// FileName is the name Find looks for.
const FileName = "citelint.yaml"

// ErrConfig marks every error about a configuration file's content.
var ErrConfig = errors.New("invalid configuration")

// Config is a loaded configuration.
type Config struct {
	// Path is the file it was read from; "" for the defaults.
	Path string
	// Lint is what the rules read.
	Lint lint.Config
	// StatuteDirs hold extra statute texts (corpus files, *.txt, and
	// Markdown statute sources, *.md), resolved against the configuration
	// file's directory.
	StatuteDirs []string
	// Headers name the roles of the catalogs' own column headers (检查标准:
	// basis); KeyUnknown for a column of no role.
	Headers map[string]catalog.Key
}

// file is citelint.yaml as written.
type file struct {
	AsOf        string              `yaml:"as_of"`
	Rules       map[string]ruleFile `yaml:"rules"`
	Offices     []string            `yaml:"offices"`
	Departments []string            `yaml:"departments"`
	PowerTypes  []string            `yaml:"power_types"`
	Aliases     map[string]string   `yaml:"aliases"`
	StatuteDirs []string            `yaml:"statute_dirs"`
	Statutes    []string            `yaml:"statutes"` // the same as statute_dirs
	Ignores     []ignoreFile        `yaml:"ignores"`
	Headers     map[string]string   `yaml:"headers"`
}

type ignoreFile struct {
	File   string `yaml:"file"`
	Entry  string `yaml:"entry"`
	Rule   string `yaml:"rule"`
	Reason string `yaml:"reason"`
}

// ruleFile is one rule's setting: either a word (off, info, warning,
// error) or a mapping {severity: ..., disabled: ...}.
type ruleFile struct {
	Disabled bool
	Severity string
	line     int
}

// positionError is an error at a place in the file.
type positionError struct {
	line, col int
	msg       string
}

func (e *positionError) Error() string { return e.msg }

func nodeErr(n ast.Node, format string, args ...any) error {
	pe := &positionError{msg: fmt.Sprintf(format, args...)}
	// A mapping's own token is its first ':'; point at its first key.
	if mvs := mappingValues(n); len(mvs) > 0 {
		n = mvs[0].Key
	}
	if n != nil && n.GetToken() != nil && n.GetToken().Position != nil {
		pe.line, pe.col = n.GetToken().Position.Line, n.GetToken().Position.Column
	}
	return pe
}

func (r *ruleFile) UnmarshalYAML(n ast.Node) error {
	if n.GetToken() != nil && n.GetToken().Position != nil {
		r.line = n.GetToken().Position.Line
	}
	switch v := n.(type) {
	case *ast.StringNode:
		return r.word(n, v.Value)
	case *ast.BoolNode:
		// YAML 1.1 reads a bare off/no/false as a boolean: the rule is off.
		if v.Value {
			return nodeErr(n, "rule setting %q: want off, info, warning, error or a mapping", v.String())
		}
		r.Disabled = true
		return nil
	case *ast.MappingNode:
		for _, mv := range v.Values {
			if err := r.field(mv); err != nil {
				return err
			}
		}
		return nil
	case *ast.MappingValueNode:
		return r.field(v)
	}
	return nodeErr(n, "rule setting %q: want off, info, warning, error or a mapping", n.String())
}

func (r *ruleFile) word(n ast.Node, s string) error {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "off", "disabled", "false", "no":
		r.Disabled = true
		return nil
	case "on", "true", "yes":
		return nil
	}
	if _, err := lint.ParseSeverity(s); err != nil {
		return nodeErr(n, "rule setting %q: want off, info, warning, error or a mapping", s)
	}
	r.Severity = s
	return nil
}

func (r *ruleFile) field(mv *ast.MappingValueNode) error {
	key := mv.Key.String()
	switch key {
	case "severity":
		s, ok := mv.Value.(*ast.StringNode)
		if !ok {
			return nodeErr(mv.Value, "severity %q: want info, warning or error", mv.Value.String())
		}
		if _, err := lint.ParseSeverity(s.Value); err != nil {
			return nodeErr(mv.Value, "severity %q: want info, warning or error", s.Value)
		}
		r.Severity = s.Value
	case "disabled":
		b, ok := mv.Value.(*ast.BoolNode)
		if !ok {
			return nodeErr(mv.Value, "disabled %q: want true or false", mv.Value.String())
		}
		r.Disabled = b.Value
	default:
		return nodeErr(mv.Key, "unknown field %q in a rule setting (want severity, disabled)", key)
	}
	return nil
}

// Options tune loading.
type Options struct {
	// Rules are the known rule IDs; when set, a setting or an ignore for
	// another ID is an error.
	Rules []string
}

// Load reads a configuration file.
func Load(path string, opts Options) (*Config, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("read config %s: %w", path, err)
	}
	return Parse(path, data, opts)
}

// Parse reads configuration text; path names it in errors and resolves
// statute_dirs.
func Parse(path string, data []byte, opts Options) (*Config, error) {
	fail := func(err error) error {
		var pe *positionError
		var ye yaml.Error
		switch {
		case errors.As(err, &pe) && pe.line > 0:
			return fmt.Errorf("%w: %s:%d:%d: %s", ErrConfig, path, pe.line, pe.col, pe.msg)
		case errors.As(err, &pe):
			return fmt.Errorf("%w: %s: %s", ErrConfig, path, pe.msg)
		case errors.As(err, &ye) && ye.GetToken() != nil && ye.GetToken().Position != nil:
			p := ye.GetToken().Position
			return fmt.Errorf("%w: %s:%d:%d: %s", ErrConfig, path, p.Line, p.Column, ye.GetMessage())
		}
		return fmt.Errorf("%w: %s: %v", ErrConfig, path, err)
	}
	var f file
	if len(strings.TrimSpace(string(data))) > 0 {
		if err := yaml.UnmarshalWithOptions(data, &f, yaml.DisallowUnknownField()); err != nil {
			return nil, fail(err)
		}
	}
	tree, err := parser.ParseBytes(data, 0)
	if err != nil {
		return nil, fail(err)
	}
	at := func(keys ...any) ast.Node { return lookup(tree, keys...) }

	cfg := &Config{Path: path}
	if len(f.Headers) > 0 {
		cfg.Headers = map[string]catalog.Key{}
		hs := make([]string, 0, len(f.Headers))
		for h := range f.Headers {
			hs = append(hs, h)
		}
		sort.Strings(hs)
		for _, h := range hs {
			v := strings.TrimSpace(f.Headers[h])
			if v == "none" || v == "" {
				cfg.Headers[h] = catalog.KeyUnknown
				continue
			}
			k, ok := catalog.ParseKey(v)
			if !ok {
				return nil, fail(nodeErr(at("headers", h), "header %q: unknown role %q (want seq, department, category, type, name, basis, duties, duty_basis, office, accountable, note or none)", h, v))
			}
			cfg.Headers[h] = k
		}
	}
	if f.AsOf != "" {
		t, err := time.Parse("2006-01-02", strings.TrimSpace(f.AsOf))
		if err != nil {
			return nil, fail(nodeErr(at("as_of"), "as_of %q: want a date such as 2025-12-31", f.AsOf))
		}
		cfg.Lint.AsOf = t
	}
	known := func(id string) bool { return len(opts.Rules) == 0 || slices.Contains(opts.Rules, id) }
	unknownRule := func(id string) string {
		msg := fmt.Sprintf("unknown rule %q", id)
		if s := closest(id, opts.Rules); s != "" {
			msg += fmt.Sprintf(" (did you mean %s?)", s)
		}
		return msg
	}
	if len(f.Rules) > 0 {
		cfg.Lint.Rules = map[string]lint.RuleConfig{}
		ids := make([]string, 0, len(f.Rules))
		for id := range f.Rules {
			ids = append(ids, id)
		}
		sort.Strings(ids)
		for _, id := range ids {
			rf := f.Rules[id]
			if !known(id) {
				return nil, fail(nodeErr(at("rules", id), "%s", unknownRule(id)))
			}
			rc := lint.RuleConfig{Disabled: rf.Disabled}
			if rf.Severity != "" {
				s, err := lint.ParseSeverity(rf.Severity)
				if err != nil {
					return nil, fail(nodeErr(at("rules", id), "%v", err))
				}
				rc.Severity = &s
			}
			cfg.Lint.Rules[id] = rc
		}
	}
	cfg.Lint.Offices = nonEmpty(f.Offices)
	cfg.Lint.Departments = nonEmpty(f.Departments)
	cfg.Lint.PowerTypes = nonEmpty(f.PowerTypes)
	if len(f.Aliases) > 0 {
		cfg.Lint.Aliases = map[string]string{}
		for k, v := range f.Aliases {
			k, v = strings.TrimSpace(k), strings.TrimSpace(v)
			if k == "" || v == "" {
				return nil, fail(nodeErr(at("aliases"), "alias %q → %q: both the name and the full title are needed", k, v))
			}
			cfg.Lint.Aliases[k] = v
		}
	}
	for _, key := range []string{"statutes", "statute_dirs"} {
		dirs := f.Statutes
		if key == "statute_dirs" {
			dirs = f.StatuteDirs
		}
		for i, d := range dirs {
			d = strings.TrimSpace(d)
			if d == "" {
				return nil, fail(nodeErr(at(key, i), "%s: empty directory name", key))
			}
			if !filepath.IsAbs(d) {
				d = filepath.Join(filepath.Dir(path), d)
			}
			cfg.StatuteDirs = append(cfg.StatuteDirs, d)
		}
	}
	for i, ig := range f.Ignores {
		ig := lint.Ignore{File: strings.TrimSpace(ig.File), Entry: strings.TrimSpace(ig.Entry), Rule: strings.TrimSpace(ig.Rule), Reason: strings.TrimSpace(ig.Reason)}
		if ig.Reason == "" {
			return nil, fail(nodeErr(at("ignores", i), "ignore %d has no reason: say why the finding is accepted", i+1))
		}
		if ig.File == "" && ig.Entry == "" && ig.Rule == "" {
			return nil, fail(nodeErr(at("ignores", i), "ignore %d matches everything: give a file, an entry or a rule", i+1))
		}
		if ig.Rule != "" && !known(ig.Rule) {
			return nil, fail(nodeErr(at("ignores", i, "rule"), "%s", unknownRule(ig.Rule)))
		}
		cfg.Lint.Ignores = append(cfg.Lint.Ignores, ig)
	}
	return cfg, nil
}

func nonEmpty(ss []string) []string {
	var out []string
	for _, s := range ss {
		if s = strings.TrimSpace(s); s != "" {
			out = append(out, s)
		}
	}
	return out
}

// lookup finds the node at a path of mapping keys (string) and sequence
// indexes (int), for error positions; nil when absent.
func lookup(f *ast.File, keys ...any) ast.Node {
	if f == nil || len(f.Docs) == 0 {
		return nil
	}
	n := f.Docs[0].Body
	for i, k := range keys {
		last := i == len(keys)-1
		switch k := k.(type) {
		case string:
			var next ast.Node
			for _, mv := range mappingValues(n) {
				if mv.Key.String() == k {
					next = mv.Value
					if last {
						next = mv.Key
					}
					break
				}
			}
			if next == nil {
				return n
			}
			n = next
		case int:
			seq, ok := n.(*ast.SequenceNode)
			if !ok || k < 0 || k >= len(seq.Values) {
				return n
			}
			n = seq.Values[k]
		}
	}
	return n
}

func mappingValues(n ast.Node) []*ast.MappingValueNode {
	switch v := n.(type) {
	case *ast.MappingNode:
		return v.Values
	case *ast.MappingValueNode:
		return []*ast.MappingValueNode{v}
	}
	return nil
}

// Find looks for citelint.yaml in dir and its parents; "" when there is
// none.
func Find(dir string) (string, error) {
	abs, err := filepath.Abs(dir)
	if err != nil {
		return "", fmt.Errorf("find config from %s: %w", dir, err)
	}
	for {
		p := filepath.Join(abs, FileName)
		st, err := os.Stat(p)
		if err == nil && !st.IsDir() {
			return p, nil
		}
		parent := filepath.Dir(abs)
		if parent == abs {
			return "", nil
		}
		abs = parent
	}
}

// closest returns the known ID nearest to id when it is a likely typo.
func closest(id string, known []string) string {
	best, bestD := "", 4
	for _, k := range known {
		if d := editdist.Distance(id, k); d < bestD {
			best, bestD = k, d
		}
	}
	return best
}
