package dutch

import "testing"

func TestIrregular(t *testing.T) {
	for word, want := range map[string]string{
		"schreef":      "schrijven",
		"geschreven":   "schrijven",
		"opgeschreven": "opschrijven",
		"beschreef":    "beschrijven",
		"koos":         "kiezen",
		"gekozen":      "kiezen",
		"bracht":       "brengen",
		"ondernomen":   "ondernemen",
		"beter":        "goed",
		"grootste":     "groot",
		"dikkere":      "dik",
		"duurder":      "duur",
		"hollandse":    "holland",
		"zeeuwse":      "zeeland",
		"lagen":        "", // also the plural of laag: left out
		"reden":        "", // the noun reason
		"gemeente":     "",
		"verkleinde":   "",
	} {
		if got := Irregular(word); got != want {
			t.Errorf("Irregular(%q) = %q, want %q", word, got, want)
		}
	}
}

func TestAdjectiveBase(t *testing.T) {
	for stem, want := range map[string]string{
		"grote": "groot", "hoge": "hoog", "kleine": "klein", "sterke": "sterk",
		"oude": "oud", "goede": "goed", "meen": "meen", "de": "de", "zee": "zee",
	} {
		if got := AdjectiveBase(stem); got != want {
			t.Errorf("AdjectiveBase(%q) = %q, want %q", stem, got, want)
		}
	}
}

func TestPresentT(t *testing.T) {
	for stem, want := range map[string]string{
		"steunt": "steunt", "verwerkt": "verwerk", "volgt": "volg", "bepaalt": "bepaal", "levert": "lever",
		"plant": "plant", "kunst": "kunst", "punt": "punt", "wat": "wat",
	} {
		if got := PresentT(stem); got != want {
			t.Errorf("PresentT(%q) = %q, want %q", stem, got, want)
		}
	}
}
