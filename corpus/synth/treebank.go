package synth

import (
	"bufio"
	"fmt"
	"io/fs"
	"os"
	"path"
	"strings"
	"testing/fstest"
	"unicode"
	"unicode/utf8"
)

// TreebankSentences reads the sentences ("# text = " lines) of every
// *.conllu file in the folder dir, in file-name order, leaving out those a
// generated passage cannot carry unchanged (see usableSentence). The
// product does not ship a treebank: dir is always given by the caller.
func TreebankSentences(dir string) ([]string, error) {
	fsys := os.DirFS(dir)
	names, err := fs.Glob(fsys, "*.conllu")
	if err != nil {
		return nil, fmt.Errorf("read treebank %s: %w", dir, err)
	}
	if len(names) == 0 {
		return nil, fmt.Errorf("read treebank %s: no *.conllu files", dir)
	}
	var out []string
	for _, name := range names { // fs.Glob sorts the names
		f, err := fsys.Open(name)
		if err != nil {
			return nil, fmt.Errorf("read treebank: %w", err)
		}
		sc := bufio.NewScanner(f)
		sc.Buffer(make([]byte, 0, 64*1024), 1<<20)
		for sc.Scan() {
			text, ok := strings.CutPrefix(sc.Text(), "# text = ")
			if !ok {
				continue
			}
			if s := strings.TrimSpace(text); usableSentence(s) {
				out = append(out, terminate(s))
			}
		}
		err = sc.Err()
		f.Close()
		if err != nil {
			return nil, fmt.Errorf("read treebank %s: %w", path.Join(dir, name), err)
		}
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("read treebank %s: no usable sentences", dir)
	}
	return out, nil
}

// usableSentence rejects sentences that would change what the loader
// sees: quotation marks of their own (a quote without our attribution),
// Markdown syntax, and very short fragments.
func usableSentence(s string) bool {
	if utf8.RuneCountInString(s) < 12 || strings.ContainsAny(s, "\"“”„‘’*_`<>#[]{}\\|") ||
		strings.Contains(s, ",,") || strings.Contains(s, "''") {
		return false
	}
	// An apostrophe is fine inside a word (foto's, zo'n), not as a quote.
	for i := strings.IndexByte(s, '\''); i >= 0; i = nextIndex(s, '\'', i) {
		before, _ := utf8.DecodeLastRuneInString(s[:i])
		after, _ := utf8.DecodeRuneInString(s[i+1:])
		if !unicode.IsLetter(before) || !unicode.IsLetter(after) {
			return false
		}
	}
	first, _ := utf8.DecodeRuneInString(s)
	// A lower-case start is a fragment of a list or a title.
	return unicode.IsUpper(first) || unicode.IsDigit(first) && !startsNumberedItem(s)
}

func nextIndex(s string, b byte, after int) int {
	j := strings.IndexByte(s[after+1:], b)
	if j < 0 {
		return -1
	}
	return after + 1 + j
}

// startsNumberedItem reports whether s opens like a Markdown ordered list
// item ("3. ...", "12) ...").
func startsNumberedItem(s string) bool {
	i := 0
	for i < len(s) && s[i] >= '0' && s[i] <= '9' {
		i++
	}
	return i < len(s) && (s[i] == '.' || s[i] == ')')
}

// terminate gives a headline or fragment a full stop, so that sentences
// joined into a paragraph stay sentences.
func terminate(s string) string {
	s = strings.TrimRight(s, ", ")
	last, _ := utf8.DecodeLastRuneInString(s)
	switch last {
	case '.', '!', '?', ':', ';':
		return s
	}
	return s + "."
}

// TreebankOptions say what corpus of real sentences to generate.
type TreebankOptions struct {
	// Passages is the number of passages of all articles together; at
	// least 1.
	Passages int
	// Seed picks the corpus: the same seed and sentences give the same
	// files.
	Seed uint64
	// Sentences are the real sentences the passages are made of, as
	// TreebankSentences reads them. They are shuffled with the seed and
	// used in turn; a corpus that needs more than there are uses them
	// again in a new order.
	Sentences []string
}

// GenerateFromSentences returns the files of a corpus folder whose
// passages are real Dutch sentences rather than the lexicon's templates:
// the articles, sections, municipalities and people are the fictional ones
// of Generate, and quotes wrap a real sentence in Dutch quotation marks
// attributed to a fictional person of a fictional municipality.
func GenerateFromSentences(opts TreebankOptions) (fstest.MapFS, error) {
	g, err := treebankGenerator(opts)
	if err != nil {
		return nil, err
	}
	return g.files(opts.Passages, "treebank"), nil
}

// WriteFromSentences generates a corpus of real sentences into dir, which
// must not hold any of its files yet, writing each file as it is made.
func WriteFromSentences(dir string, opts TreebankOptions) error {
	g, err := treebankGenerator(opts)
	if err != nil {
		return err
	}
	return g.write(dir, opts.Passages, "treebank")
}

// treebankGenerator checks opts and returns a generator over its
// sentences.
func treebankGenerator(opts TreebankOptions) (*generator, error) {
	if opts.Passages < 1 {
		return nil, fmt.Errorf("generate corpus: %d passages: need at least 1", opts.Passages)
	}
	if len(opts.Sentences) == 0 {
		return nil, fmt.Errorf("generate corpus: no sentences")
	}
	g, err := lexiconGenerator(opts.Seed)
	if err != nil {
		return nil, err
	}
	pool := withoutNames(opts.Sentences, g.lex.list("voornamen"))
	if len(pool) == 0 {
		return nil, fmt.Errorf("generate corpus: every sentence names someone with a first name of the fictional people")
	}
	g.real = &sentencePool{all: pool}
	return g, nil
}

// withoutNames leaves out the sentences that hold one of the fictional
// people's first names as a word: a real "Pieter Brueghel" would make the
// loader's "Pieter" ambiguous, and a quote of him would be attributed to
// no one.
func withoutNames(sentences, firsts []string) []string {
	names := map[string]bool{}
	for _, f := range firsts {
		names[f] = true
	}
	var out []string
	for _, s := range sentences {
		clash := false
		for _, w := range strings.FieldsFunc(s, func(r rune) bool { return !unicode.IsLetter(r) }) {
			if names[w] {
				clash = true
				break
			}
		}
		if !clash {
			out = append(out, s)
		}
	}
	return out
}

// sentencePool hands out the real sentences in a shuffled order, shuffling
// again each time they run out.
type sentencePool struct {
	all   []string
	order []int
	next  int
}

func (p *sentencePool) draw(r *rng) string {
	if p.next == len(p.order) {
		if p.order == nil {
			p.order = make([]int, len(p.all))
			for i := range p.order {
				p.order[i] = i
			}
		}
		for i := len(p.order) - 1; i > 0; i-- { // Fisher-Yates
			j := r.intn(i + 1)
			p.order[i], p.order[j] = p.order[j], p.order[i]
		}
		p.next = 0
	}
	s := p.all[p.order[p.next]]
	p.next++
	return s
}

// realQuote wraps a real sentence in Dutch quotation marks with an
// attribution to the scene's fictional speaker, in one of the ways Dutch
// articles attribute quotes.
func (g *generator) realQuote(sc *scene) string {
	s := g.real.draw(g.r)
	p := sc.speaker
	bare := strings.TrimRight(s, ".;:") // the attribution gives the punctuation
	switch g.r.intn(4) {
	case 0:
		return "“" + bare + ",” zegt " + p.name + ", " + p.role + " van " + p.muni.name + "."
	case 1:
		return "„" + bare + "”, aldus " + p.first + "."
	case 2:
		return p.name + ": “" + s + "”"
	default:
		return "‘" + bare + "’, vertelt " + p.first + "."
	}
}
