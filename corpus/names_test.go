package corpus

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestNameScan(t *testing.T) {
	c, err := Load(Shipped())
	if err != nil {
		t.Fatal(err)
	}
	x := newNameIndex(c)
	type hit struct {
		Text         string
		Full, Short  []string
		Municipality []string
	}
	tests := []struct {
		text string
		want []hit
	}{
		{"Gemeente ‘s-Hertogenbosch", []hit{{Text: "s-Hertogenbosch", Municipality: []string{"s-hertogenbosch"}}}},
		{"gemeente ’s-Hertogenbosch", []hit{{Text: "s-Hertogenbosch", Municipality: []string{"s-hertogenbosch"}}}},
		{"gemeente 's-Hertogenbosch", []hit{{Text: "s-Hertogenbosch", Municipality: []string{"s-hertogenbosch"}}}},
		{"in Den Bosch en den bosch", []hit{
			{Text: "Den Bosch", Municipality: []string{"s-hertogenbosch"}},
			{Text: "den bosch", Municipality: []string{"s-hertogenbosch"}},
		}},
		{"Den Haag heet officieel ‘s-Gravenhage.", []hit{
			{Text: "Den Haag", Municipality: []string{"den-haag"}},
			{Text: "s-Gravenhage", Municipality: []string{"den-haag"}},
		}},
		{"Theo Veltman, Veltman en Theo", []hit{
			{Text: "Theo Veltman", Full: []string{"theo-veltman"}},
			{Text: "Veltman", Short: []string{"theo-veltman"}},
			{Text: "Theo", Short: []string{"theo-veltman"}},
		}},
		{"de koning van Hilversum", []hit{{Text: "Hilversum", Municipality: []string{"hilversum"}}}},
		{"De Koning en Joost de Koning", []hit{
			{Text: "De Koning", Short: []string{"joost-de-koning"}},
			{Text: "Joost de Koning", Full: []string{"joost-de-koning"}},
		}},
		{"Henk van den Broek, Van den Broek, van den Broek, van den broek", []hit{
			{Text: "Henk van den Broek", Full: []string{"henk-van-den-broek"}},
			{Text: "Van den Broek", Short: []string{"henk-van-den-broek"}},
			{Text: "van den Broek", Short: []string{"henk-van-den-broek"}},
		}},
		{"René Pauw en Rene Pauw", []hit{
			{Text: "René Pauw", Full: []string{"rene-pauw"}},
			{Text: "Rene Pauw", Full: []string{"rene-pauw"}},
		}},
		{"Het was Theo. Veltman kwam later.", []hit{
			{Text: "Theo", Short: []string{"theo-veltman"}},
			{Text: "Veltman", Short: []string{"theo-veltman"}},
		}},
		{"Amsterdammers en Bredase plannen", nil},
	}
	for _, tt := range tests {
		t.Run(tt.text, func(t *testing.T) {
			var got []hit
			for _, h := range x.scan(tt.text) {
				got = append(got, hit{tt.text[h.start:h.end], h.full, h.short, h.munis})
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("names (-want +got):\n%s", diff)
			}
		})
	}
}

func TestPassageMentionsInFixtures(t *testing.T) {
	c := loadFixture(t)
	type mentions struct{ People, Municipalities []string }
	tests := []struct {
		article, anchor string
		want            mentions
	}{
		{"het-digitale-loket", "inleiding", mentions{[]string{"marieke-jansen"}, []string{"voorbeeldstad"}}},
		// Surnames resolve to the people introduced earlier in the article.
		{"het-digitale-loket", "loket-5", mentions{[]string{"marieke-jansen", "pieter-van-den-akker"}, nil}},
		// A first name three paragraphs after the introduction.
		{"het-digitale-loket", "loket-4", mentions{[]string{"marieke-jansen"}, nil}},
		{"het-digitale-loket", "data-7", mentions{[]string{"joris-mulder"}, []string{"s-hertogenwaard"}}},
		// ‘s-Hertogenwaard written with a curly opening mark.
		{"samen-met-de-regio", "inleiding", mentions{[]string{"sanne-kok"}, []string{"s-hertogenwaard"}}},
		// Den Waard is an alias of ‘s-Hertogenwaard.
		{"samen-met-de-regio", "platform", mentions{[]string{"marieke-de-bruin", "marieke-jansen"}, []string{"s-hertogenwaard", "voorbeeldstad"}}},
		// An ambiguous first name mentions no one.
		{"samen-met-de-regio", "platform-2", mentions{nil, nil}},
		// A first name before the full name mentions no one.
		{"samen-met-de-regio", "platform-5", mentions{nil, nil}},
		{"samen-met-de-regio", "platform-6", mentions{[]string{"karel-smeets"}, nil}},
	}
	for _, tt := range tests {
		t.Run(tt.article+"#"+tt.anchor, func(t *testing.T) {
			var p *Passage
			for _, q := range c.Article(tt.article).Passages {
				if q.Anchor == tt.anchor {
					p = q
				}
			}
			if p == nil {
				t.Fatalf("no passage %s", tt.anchor)
			}
			if diff := cmp.Diff(tt.want, mentions{p.People, p.Municipalities}); diff != "" {
				t.Errorf("mentions in %q (-want +got):\n%s", p.Text, diff)
			}
		})
	}
	if p := c.Person("karel-smeets").First; p == nil || p.Anchor != "platform-6" {
		t.Errorf("Karel Smeets is first named (in full) in platform-6, got %v", p)
	}
}
