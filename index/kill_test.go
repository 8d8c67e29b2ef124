package index_test

import (
	"bufio"
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"vanelkaar/corpus"
	"vanelkaar/index"
	"vanelkaar/search"
)

// buildHelperEnv makes the test binary build a big generated corpus into
// the folder it names, slowly, printing progress: the process that
// TestKilledBuildKeepsPreviousIndex kills.
const buildHelperEnv = "VANELKAAR_TEST_SLOW_BUILD_DIR"

func TestMain(m *testing.M) {
	if dir := os.Getenv(buildHelperEnv); dir != "" {
		os.Exit(slowBuild(dir))
	}
	os.Exit(m.Run())
}

func slowBuild(dir string) int {
	c, err := corpus.Load(bigCorpus(40, 50))
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	opts := &index.Options{BatchSize: 25, Progress: func(p index.Progress) {
		if p.Stage == index.StageWriting && p.Done > 0 {
			fmt.Printf("indexed %d of %d\n", p.Done, p.Total)
			time.Sleep(20 * time.Millisecond)
		}
	}}
	if _, err := index.Build(context.Background(), c, dir, opts); err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	fmt.Println("done")
	return 0
}

// bigCorpus generates a corpus of fictional articles, each with
// paragraphs passages.
func bigCorpus(articles, paragraphs int) fstest.MapFS {
	fsys := fstest.MapFS{
		corpus.ThemesFile:         {Data: []byte("- id: groen\n  label: Groen\n  signals: [park]\n")},
		corpus.MunicipalitiesFile: {Data: []byte("- id: voorbeeldstad\n  name: Voorbeeldstad\n")},
		corpus.PeopleFile: {Data: []byte("- id: sanne-voorbeeld\n  name: Sanne Voorbeeld\n  role: Adviseur\n" +
			"  role_category: advies-en-beleid\n  municipality: voorbeeldstad\n")},
	}
	for a := 1; a <= articles; a++ {
		var b strings.Builder
		fmt.Fprintf(&b, "---\nslug: artikel-%d\ntitle: Artikel %d\npart: %d\n---\n", a, a, a)
		for p := 1; p <= paragraphs; p++ {
			fmt.Fprintf(&b, "\nIn Voorbeeldstad kreeg park %d van artikel %d nieuwe bomen en bankjes, vertelt Sanne Voorbeeld.\n", p, a)
		}
		fsys[fmt.Sprintf("%s/%03d-artikel.md", corpus.ArticlesDir, a)] = &fstest.MapFile{Data: []byte(b.String())}
	}
	return fsys
}

// TestKilledBuildKeepsPreviousIndex kills (SIGKILL) a process in the middle
// of index.Build and checks that the index folder still serves the
// previous build, and that the next build cleans up after the killed one.
func TestKilledBuildKeepsPreviousIndex(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "index")
	prev, err := corpus.Load(corpus.Shipped())
	if err != nil {
		t.Fatal(err)
	}
	first, err := index.Build(context.Background(), prev, dir, nil)
	if err != nil {
		t.Fatal(err)
	}

	cmd := exec.Command(os.Args[0], "-test.run=^$")
	cmd.Env = append(os.Environ(), buildHelperEnv+"="+dir)
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	var stderr strings.Builder
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	// Kill it after a few batches have been written.
	sc := bufio.NewScanner(out)
	batches := 0
	for batches < 4 && sc.Scan() {
		if strings.HasPrefix(sc.Text(), "indexed ") {
			batches++
		}
	}
	if batches < 4 {
		cmd.Wait()
		t.Fatalf("the build process ended after %d batches: %s", batches, stderr.String())
	}
	if err := cmd.Process.Kill(); err != nil {
		t.Fatal(err)
	}
	for sc.Scan() {
		if sc.Text() == "done" {
			t.Fatal("the build finished before it was killed: make the corpus bigger")
		}
	}
	if err := cmd.Wait(); err == nil || !strings.Contains(err.Error(), "killed") {
		t.Fatalf("build process: %v, want killed", err)
	}

	// The killed build left its half-written folder; current is untouched.
	left, _ := filepath.Glob(filepath.Join(dir, ".tmp-build-*"))
	if len(left) != 1 {
		t.Errorf("half-written builds: %v, want the killed one", left)
	}
	if got, err := index.Resolve(dir); err != nil || got != first {
		t.Fatalf("Resolve = %q, %v; want the previous build %q", got, err, first)
	}
	s, err := search.Open(dir)
	if err != nil {
		t.Fatalf("open the index after the kill: %v", err)
	}
	res, err := s.Search(context.Background(), search.Request{Query: "innovatie"})
	if err != nil || res.Total == 0 {
		t.Errorf("search the previous build: %v, %v results", err, res)
	}
	if info := s.Info(); info.Articles != len(prev.Articles) {
		t.Errorf("serving %d articles, want the previous build's %d", info.Articles, len(prev.Articles))
	}
	s.Close()

	// The next build removes what the killed one left and becomes current.
	next, err := index.Build(context.Background(), prev, dir, nil)
	if err != nil {
		t.Fatal(err)
	}
	if left, _ := filepath.Glob(filepath.Join(dir, ".tmp-*")); len(left) != 0 {
		t.Errorf("left behind after the next build: %v", left)
	}
	if got, _ := index.Resolve(dir); got != next {
		t.Errorf("current is %q, want the new build %q", got, next)
	}
}
