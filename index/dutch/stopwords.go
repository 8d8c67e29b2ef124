package dutch

// stopWords is Snowball's Dutch stop word list (from the Snowball web
// site), ranked from the commonest word to the rarest.
var stopWords = [...]string{
	"de", "en", "van", "ik", "te", "dat", "die", "in", "een", "hij",
	"het", "niet", "zijn", "is", "was", "op", "aan", "met", "als", "voor",
	"had", "er", "maar", "om", "hem", "dan", "zou", "of", "wat", "mijn",
	"men", "dit", "zo", "door", "over", "ze", "zich", "bij", "ook", "tot",
	"je", "mij", "uit", "der", "daar", "haar", "naar", "heb", "hoe", "heeft",
	"hebben", "deze", "u", "want", "nog", "zal", "me", "zij", "nu", "ge",
	"geen", "omdat", "iets", "worden", "toch", "al", "waren", "veel", "meer", "doen",
	"toen", "moet", "ben", "zonder", "kan", "hun", "dus", "alles", "onder", "ja",
	"eens", "hier", "wie", "werd", "altijd", "doch", "wordt", "wezen", "kunnen", "ons",
	"zelf", "tegen", "na", "reeds", "wil", "kon", "niets", "uw", "iemand", "geweest",
	"andere",
}

var stopWordSet = func() map[string]struct{} {
	m := make(map[string]struct{}, len(stopWords))
	for _, s := range stopWords {
		m[s] = struct{}{}
	}
	return m
}()

// IsStopWord reports whether word is on Snowball's Dutch stop word list.
// The word must already be in lower case.
func IsStopWord(word string) bool {
	_, ok := stopWordSet[word]
	return ok
}

// StopWords returns Snowball's Dutch stop word list, commonest first. The
// caller may modify the returned slice.
func StopWords() []string {
	return append([]string(nil), stopWords[:]...)
}
