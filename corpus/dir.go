package corpus

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
)

// DirFS returns the corpus folder dir, or the corpus shipped in the binary
// when dir is "".
func DirFS(dir string) fs.FS {
	if dir == "" {
		return Shipped()
	}
	return os.DirFS(dir)
}

// In returns the problem with the folder dir in front of its path, so that
// it reads as a path an editor can open; dir "" (the shipped corpus)
// leaves it as it is.
func (p Problem) In(dir string) Problem {
	if dir != "" {
		p.Path = filepath.Join(dir, filepath.FromSlash(p.Path))
	}
	return p
}

// ProblemsIn puts dir in front of the paths of the problems in err, when
// err is Problems; other errors are returned as they are.
func ProblemsIn(err error, dir string) error {
	var ps Problems
	if dir == "" || !errors.As(err, &ps) {
		return err
	}
	out := make(Problems, len(ps))
	for i, p := range ps {
		out[i] = p.In(dir)
	}
	return out
}
