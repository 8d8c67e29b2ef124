package corpus

import (
	"embed"
	"io/fs"
)

//go:embed artikelen/*.md people.yaml themes.yaml municipalities.yaml synonyms.yaml
var shipped embed.FS

// Shipped returns the corpus that ships with vanelkaar, embedded in the binary.
func Shipped() fs.FS { return shipped }
