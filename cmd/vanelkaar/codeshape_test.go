package main

import (
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// maxFuncLines is the longest a function of the module's non-test code may
// be (ARCHITECTURE.md: split a longer one into named steps).
const maxFuncLines = 60

// repeatLines is how many consecutive lines of non-test code may not stand
// twice in the module, word for word (leading space ignored).
const repeatLines = 7

// moduleSources returns the paths of the module's non-test Go files.
func moduleSources(t *testing.T) []string {
	t.Helper()
	root := filepath.Join("..", "..")
	var files []string
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && (d.Name() == "testdata" || d.Name() == "node_modules" || strings.HasPrefix(d.Name(), ".") && path != root) {
			return filepath.SkipDir
		}
		if !d.IsDir() && strings.HasSuffix(path, ".go") && !strings.HasSuffix(path, "_test.go") {
			files = append(files, path)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return files
}

// TestNoLongFunctions: no function of the non-test code is longer than
// maxFuncLines.
func TestNoLongFunctions(t *testing.T) {
	fset := token.NewFileSet()
	for _, path := range moduleSources(t) {
		f, err := parser.ParseFile(fset, path, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		for _, d := range f.Decls {
			fn, ok := d.(*ast.FuncDecl)
			if !ok || fn.Body == nil {
				continue
			}
			if n := fset.Position(fn.End()).Line - fset.Position(fn.Pos()).Line + 1; n > maxFuncLines {
				t.Errorf("%s: %s is %d lines long (at most %d)", fset.Position(fn.Pos()), fn.Name.Name, n, maxFuncLines)
			}
		}
	}
}

// TestNoRepeatedBlocks: no run of repeatLines lines of non-test code
// stands twice, word for word (leading space ignored). Blank lines, lines
// of only brackets and the lines of import lists are not counted.
func TestNoRepeatedBlocks(t *testing.T) {
	seen := map[string]string{}
	for _, path := range moduleSources(t) {
		lines, nums := codeLines(t, path)
		for i := 0; i+repeatLines <= len(lines); i++ {
			block := strings.Join(lines[i:i+repeatLines], "\n")
			where := fmt.Sprintf("%s:%d", path, nums[i])
			if first, ok := seen[block]; ok {
				t.Errorf("%d lines stand in %s and again in %s:\n%s", repeatLines, first, where, block)
				continue
			}
			seen[block] = where
		}
	}
}

// codeLines returns the counted lines of a file, trimmed, with their line
// numbers.
func codeLines(t *testing.T, path string) (lines []string, nums []int) {
	t.Helper()
	raw, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	inImport := false
	for i, line := range strings.Split(string(raw), "\n") {
		line = strings.TrimSpace(line)
		switch {
		case line == "import (":
			inImport = true
			continue
		case inImport:
			inImport = line != ")"
			continue
		case strings.Trim(line, "(){}[],;") == "":
			continue
		}
		lines = append(lines, line)
		nums = append(nums, i+1)
	}
	return lines, nums
}
