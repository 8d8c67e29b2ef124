package corpus

import (
	"bytes"
	"errors"
	"fmt"
	"regexp"
	"sort"
	"strconv"
	"strings"

	"gopkg.in/yaml.v3"
)

var yamlLineRE = regexp.MustCompile(`^yaml: line (\d+): (.*)$`)

// parseYAML parses src into a node tree. A syntax error is reported at its
// line, shifted by offset (the line in the file where src starts, minus 1).
func parseYAML(src []byte, path string, offset int, ps *problems) (*yaml.Node, bool) {
	var doc yaml.Node
	if err := yaml.Unmarshal(src, &doc); err != nil {
		line, msg := 0, err.Error()
		var te *yaml.TypeError
		if !errors.As(err, &te) {
			if m := yamlLineRE.FindStringSubmatch(msg); m != nil {
				line, _ = strconv.Atoi(m[1])
				msg = m[2]
				if isParserError(msg) {
					line++
				}
				// At the end of the input the parser names the line after
				// the last one.
				if n := bytes.Count(src, []byte("\n")) + 1; line > n {
					line = n
				}
			}
		}
		if line > 0 {
			line += offset
		}
		ps.errorf(path, line, "YAML syntax error: %s", strings.TrimPrefix(msg, "yaml: "))
		return nil, false
	}
	if len(doc.Content) == 0 {
		return &yaml.Node{Kind: yaml.SequenceNode}, true
	}
	root := doc.Content[0]
	// An empty document ("---" alone) is a null node on the line after.
	if n := bytes.Count(src, []byte("\n")) + 1; root.Line > n {
		root.Line = n
	}
	return root, true
}

// parserProblems are the messages of yaml.v3's parser (as opposed to its
// scanner). For these it reports a 0-based line, for scanner errors a
// 1-based one; this undoes the difference.
var parserProblems = []string{
	"did not find expected ',' or ']'",
	"did not find expected ',' or '}'",
	"did not find expected '-' indicator",
	"did not find expected <document start>",
	"did not find expected <stream-start>",
	"did not find expected key",
	"did not find expected node content",
}

func isParserError(msg string) bool {
	for _, p := range parserProblems {
		if strings.HasPrefix(msg, p) {
			return true
		}
	}
	return false
}

// mapping is one YAML mapping node, read field by field so that every
// problem can be reported at the line of the offending key or value.
type mapping struct {
	node   *yaml.Node
	path   string
	offset int
	ps     *problems
	seen   map[string]bool
}

func newMapping(n *yaml.Node, path string, offset int, ps *problems) (*mapping, bool) {
	if n.Kind != yaml.MappingNode {
		ps.errorf(path, n.Line+offset, "expected a mapping of fields, found %s", kindName(n))
		return nil, false
	}
	return &mapping{node: n, path: path, offset: offset, ps: ps, seen: map[string]bool{}}, true
}

func (m *mapping) line() int { return m.node.Line + m.offset }

func (m *mapping) value(key string) *yaml.Node {
	m.seen[key] = true
	for i := 0; i+1 < len(m.node.Content); i += 2 {
		if m.node.Content[i].Value == key {
			return m.node.Content[i+1]
		}
	}
	return nil
}

// str reads a scalar string field; missing fields read as "".
func (m *mapping) str(key string) (string, int) {
	v := m.value(key)
	if v == nil {
		return "", m.line()
	}
	if v.Kind != yaml.ScalarNode {
		m.ps.errorf(m.path, v.Line+m.offset, "field %q must be a single value, found %s", key, kindName(v))
		return "", v.Line + m.offset
	}
	return strings.TrimSpace(v.Value), v.Line + m.offset
}

func (m *mapping) integer(key string) (int, int) {
	s, line := m.str(key)
	if s == "" {
		return 0, line
	}
	n, err := strconv.Atoi(s)
	if err != nil {
		m.ps.errorf(m.path, line, "field %q must be a whole number, found %q", key, s)
	}
	return n, line
}

// list reads a sequence of strings; a single scalar counts as a list of one.
func (m *mapping) list(key string) ([]string, []int) {
	v := m.value(key)
	if v == nil {
		return nil, nil
	}
	switch v.Kind {
	case yaml.ScalarNode:
		if v.Tag == "!!null" {
			return nil, nil
		}
		return []string{strings.TrimSpace(v.Value)}, []int{v.Line + m.offset}
	case yaml.SequenceNode:
		var out []string
		var lines []int
		for _, item := range v.Content {
			if item.Kind != yaml.ScalarNode {
				m.ps.errorf(m.path, item.Line+m.offset, "field %q must list plain values, found %s", key, kindName(item))
				continue
			}
			out = append(out, strings.TrimSpace(item.Value))
			lines = append(lines, item.Line+m.offset)
		}
		return out, lines
	}
	m.ps.errorf(m.path, v.Line+m.offset, "field %q must be a list, found %s", key, kindName(v))
	return nil, nil
}

// done reports the fields that no reader asked for: most often a typo.
func (m *mapping) done() {
	var unknown []string
	lines := map[string]int{}
	for i := 0; i+1 < len(m.node.Content); i += 2 {
		k := m.node.Content[i]
		if !m.seen[k.Value] {
			unknown = append(unknown, k.Value)
			lines[k.Value] = k.Line + m.offset
		}
	}
	sort.Strings(unknown)
	for _, k := range unknown {
		known := make([]string, 0, len(m.seen))
		for s := range m.seen {
			known = append(known, s)
		}
		sort.Strings(known)
		m.ps.errorf(m.path, lines[k], "unknown field %q (known fields: %s)", k, strings.Join(known, ", "))
	}
}

func kindName(n *yaml.Node) string {
	switch n.Kind {
	case yaml.MappingNode:
		return "a mapping"
	case yaml.SequenceNode:
		return "a list"
	case yaml.ScalarNode:
		return fmt.Sprintf("the value %q", n.Value)
	case yaml.AliasNode:
		return "an alias"
	}
	return "nothing"
}
