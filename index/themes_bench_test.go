package index

import "testing"

// BenchmarkThemeSignals tags every passage of the fixture corpus with the
// themes its words signal. The baseline in the same run analyzes the same
// texts and does nothing else: matching should cost little beyond it.
func BenchmarkThemeSignals(b *testing.B) {
	c, err := loadFixtureTB(b)
	if err != nil {
		b.Fatal(err)
	}
	s, err := newThemeSignals(c)
	if err != nil {
		b.Fatal(err)
	}
	var texts []string
	size := 0
	for _, a := range c.Articles {
		for _, p := range a.Passages {
			texts = append(texts, p.Text)
			size += len(p.Text)
		}
	}
	b.Run("baseline-analyze", func(b *testing.B) {
		b.SetBytes(int64(size))
		b.ReportAllocs()
		for b.Loop() {
			for _, t := range texts {
				s.analyzer.Analyze([]byte(t))
			}
		}
	})
	b.Run("themes", func(b *testing.B) {
		b.SetBytes(int64(size))
		b.ReportAllocs()
		for b.Loop() {
			for _, t := range texts {
				s.themes(nil, t)
			}
		}
	})
}
