package corpus

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"path"
	"strings"
)

// Limits bound what loading a corpus reads. The corpus folder is written
// by editors, not by the server's operator, so nothing in it is trusted:
// only regular files inside the folder are read, and only up to a size.
type Limits struct {
	// MaxFileBytes bounds one file; a larger one is refused unread.
	MaxFileBytes int64
	// MaxTotalBytes bounds all files together; files past it are refused
	// unread.
	MaxTotalBytes int64
	// FollowLinks reads symbolic links whose target stays inside the
	// corpus folder; without it every link is refused. A link that leaves
	// the folder is always refused.
	FollowLinks bool
}

// Default limits: the articles of the series are about 30 KB each, so a
// file of 2 MiB is a very long article, and 64 MiB is some two thousand
// such articles.
const (
	DefaultMaxFileBytes  int64 = 2 << 20
	DefaultMaxTotalBytes int64 = 64 << 20
)

// DefaultLimits are the limits Load and Check use.
var DefaultLimits = Limits{MaxFileBytes: DefaultMaxFileBytes, MaxTotalBytes: DefaultMaxTotalBytes}

// withDefaults fills zero limits with the defaults.
func (l Limits) withDefaults() Limits {
	if l.MaxFileBytes <= 0 {
		l.MaxFileBytes = DefaultMaxFileBytes
	}
	if l.MaxTotalBytes <= 0 {
		l.MaxTotalBytes = DefaultMaxTotalBytes
	}
	return l
}

// reader reads the files of one corpus within its limits, keeping count
// of the bytes read so far.
type reader struct {
	fsys  fs.FS
	lim   Limits
	total int64
}

// errRefused marks a file the limits refuse; its message is the whole
// problem, without a "cannot read" in front.
type errRefused struct{ msg string }

func (e errRefused) Error() string { return e.msg }

// stat describes name as the limits see it: a symbolic link is refused
// unless links are followed and its target stays inside the folder, and
// then the target is described. It never opens the file.
func (r *reader) stat(name string) (fs.FileInfo, error) {
	lfs, ok := r.fsys.(fs.ReadLinkFS)
	if !ok {
		// An embedded or in-memory corpus has no links.
		return fs.Stat(r.fsys, name)
	}
	fi, err := lfs.Lstat(name)
	if err != nil {
		return nil, err
	}
	if fi.Mode()&fs.ModeSymlink == 0 {
		return fi, nil
	}
	if !r.lim.FollowLinks {
		return nil, errRefused{"symbolic link"}
	}
	target, err := lfs.ReadLink(name)
	if err != nil {
		return nil, err
	}
	if !insideFolder(path.Dir(name), target) {
		return nil, errRefused{"symbolic link leaves the corpus folder"}
	}
	// The target may itself be a link: os.Root refuses any step out of
	// the folder when it follows them, and fs.Stat follows the chain.
	return fs.Stat(r.fsys, name)
}

// insideFolder tells whether a link target, relative to the folder dir
// that holds the link, stays inside the corpus folder.
func insideFolder(dir, target string) bool {
	if target == "" || path.IsAbs(target) || strings.HasPrefix(target, `\`) || strings.Contains(target, ":") {
		return false
	}
	p := path.Clean(path.Join(dir, target))
	return p != ".." && !strings.HasPrefix(p, "../")
}

// checkDir makes sure name is a folder and not a link to one.
func (r *reader) checkDir(name string) error {
	fi, err := r.stat(name)
	if err != nil {
		return err
	}
	if !fi.IsDir() {
		return errRefused{"not a folder"}
	}
	return nil
}

// readFile reads a regular file within the limits. Special files (named
// pipes, devices, sockets) are refused without being opened: opening a
// pipe blocks until someone writes to it, and a device may never end.
func (r *reader) readFile(name string) ([]byte, error) {
	fi, err := r.stat(name)
	if err != nil {
		return nil, err
	}
	if !fi.Mode().IsRegular() {
		return nil, errRefused{"not a regular file (" + kindOfFile(fi.Mode()) + ")"}
	}
	size := fi.Size()
	if size > r.lim.MaxFileBytes {
		return nil, errRefused{fmt.Sprintf("file is %d bytes, more than the limit of %d (--max-file-bytes)", size, r.lim.MaxFileBytes)}
	}
	if r.total+size > r.lim.MaxTotalBytes {
		return nil, errRefused{fmt.Sprintf("the corpus is more than the limit of %d bytes (--max-corpus-bytes)", r.lim.MaxTotalBytes)}
	}
	f, err := r.fsys.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	// The file may have grown since it was measured: read at most one
	// byte past the limit to notice.
	src, err := io.ReadAll(io.LimitReader(f, r.lim.MaxFileBytes+1))
	if err != nil {
		return nil, err
	}
	if int64(len(src)) > r.lim.MaxFileBytes {
		return nil, errRefused{fmt.Sprintf("file is more than the limit of %d bytes (--max-file-bytes)", r.lim.MaxFileBytes)}
	}
	r.total += int64(len(src))
	return src, nil
}

// kindOfFile names a file mode that is not a regular file.
func kindOfFile(m fs.FileMode) string {
	switch {
	case m&fs.ModeNamedPipe != 0:
		return "named pipe"
	case m&fs.ModeSocket != 0:
		return "socket"
	case m&fs.ModeDevice != 0, m&fs.ModeCharDevice != 0:
		return "device"
	case m.IsDir():
		return "folder"
	}
	return "special file"
}

// readProblem is the message of a problem reading a file: the limits'
// own refusal as it is, anything else without the path, which the problem
// already carries.
func readProblem(err error) string {
	var rf errRefused
	if errors.As(err, &rf) {
		return rf.msg
	}
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return "cannot read: " + pe.Err.Error()
	}
	return "cannot read: " + err.Error()
}
