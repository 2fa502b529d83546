package compat

import (
	"errors"
	"io"
	"io/fs"
	"path"
	"strings"
	"sync"
	"syscall"
	"unicode/utf8"

	"github.com/dop251/goja"
)

// Read-only file access for node:fs (compat/js/fs.js). Paths are mapped into
// Options.Root: relative paths are relative to Options.RootPath (the cwd),
// absolute paths must lie under it. Symbolic links are resolved here, one
// component at a time, so that a link pointing outside the project folder
// is refused like any other path outside it.

func init() {
	registerJS("fs", "fs.js")
	registerJS("fs/promises", "fs_promises.js")
	registerGo("internal/fs", loadFSNatives)
}

// fsErrno gives Node's errno and description for a code.
var fsErrno = map[string]struct {
	errno int
	desc  string
}{
	"ENOENT":  {-2, "no such file or directory"},
	"EACCES":  {-13, "permission denied"},
	"EISDIR":  {-21, "illegal operation on a directory"},
	"ENOTDIR": {-20, "not a directory"},
	"ELOOP":   {-40, "too many symbolic links encountered"},
	"EROFS":   {-30, "read-only file system"},
	"EBADF":   {-9, "bad file descriptor"},
	"EINVAL":  {-22, "invalid argument"},
	"EIO":     {-5, "i/o error"},
}

// fsError is a failed file operation, turned into a Node-style Error on the
// loop goroutine by (*fsNatives).jsError.
type fsError struct {
	code, syscall, path, note string
}

func (e *fsError) Error() string {
	msg := e.code + ": " + fsErrno[e.code].desc + ", " + e.syscall
	if e.path != "" {
		msg += " '" + e.path + "'"
	}
	if e.note != "" {
		msg += " (" + e.note + ")"
	}
	return msg
}

// fsNatives is the per-runtime state behind internal/fs.
type fsNatives struct {
	h       *Host
	root    fs.FS
	rootAbs string // RootPath, cleaned; "/" when unset

	mu     sync.Mutex
	files  map[int]*openFile
	nextFD int
}

// openFile is a file opened by fs.openSync or a read stream.
type openFile struct {
	mu   sync.Mutex // one read at a time; Close waits for it
	f    fs.File
	path string // the path as the user gave it, for errors
	pos  int64
}

func (n *fsNatives) escapeError(syscallName, p string) *fsError {
	return &fsError{code: "EACCES", syscall: syscallName, path: p,
		note: "only the project folder " + n.rootAbs + " is readable"}
}

// toRel maps a path as JS gives it to a name inside root, or an error if it
// leaves the project folder.
func (n *fsNatives) toRel(p, syscallName string) (string, error) {
	if strings.IndexByte(p, 0) >= 0 {
		return "", &fsError{code: "ENOENT", syscall: syscallName, path: p}
	}
	abs := p
	if !strings.HasPrefix(abs, "/") {
		abs = path.Join(n.rootAbs, abs)
	}
	abs = path.Clean(abs)
	switch {
	case abs == n.rootAbs:
		return ".", nil
	case n.rootAbs == "/":
		return abs[1:], nil
	case strings.HasPrefix(abs, n.rootAbs+"/"):
		return abs[len(n.rootAbs)+1:], nil
	}
	return "", n.escapeError(syscallName, p)
}

// resolve maps p into root and resolves symbolic links (the last component
// too when follow is set). Components that do not exist are left as they
// are: the operation that follows reports ENOENT.
func (n *fsNatives) resolve(p, syscallName string, follow bool) (string, error) {
	if n.root == nil {
		return "", &fsError{code: "EACCES", syscall: syscallName, path: p, note: "no project folder is readable"}
	}
	rel, err := n.toRel(p, syscallName)
	if err != nil {
		return "", err
	}
	lfs, ok := n.root.(fs.ReadLinkFS)
	if !ok || rel == "." {
		return rel, nil
	}
	parts := strings.Split(rel, "/")
	cur := "."
	links := 0
	for i := 0; i < len(parts); i++ {
		next := path.Join(cur, parts[i])
		last := i == len(parts)-1
		if last && !follow {
			return next, nil
		}
		info, err := lfs.Lstat(next)
		if err != nil || info.Mode()&fs.ModeSymlink == 0 {
			if err != nil {
				// Missing: keep the rest as is.
				return path.Join(append([]string{next}, parts[i+1:]...)...), nil
			}
			cur = next
			continue
		}
		links++
		if links > 40 {
			return "", &fsError{code: "ELOOP", syscall: syscallName, path: p}
		}
		target, err := lfs.ReadLink(next)
		if err != nil {
			return "", &fsError{code: "EIO", syscall: syscallName, path: p}
		}
		var abs string
		if strings.HasPrefix(target, "/") {
			abs = path.Clean(target)
		} else {
			abs = path.Join(n.rootAbs, cur, target)
		}
		trel, err := n.toRel(abs, syscallName)
		if err != nil {
			return "", n.escapeError(syscallName, p)
		}
		rest := append([]string{trel}, parts[i+1:]...)
		parts = strings.Split(path.Join(rest...), "/")
		if parts[0] == "." {
			parts = parts[1:]
		}
		cur = "."
		i = -1
		if len(parts) == 0 {
			return ".", nil
		}
	}
	return cur, nil
}

// mapErr converts an error from the fs.FS into a Node error code.
func mapErr(err error, syscallName, p string) error {
	var fe *fsError
	if errors.As(err, &fe) {
		return fe
	}
	code := "EIO"
	switch {
	case errors.Is(err, fs.ErrNotExist):
		code = "ENOENT"
	case errors.Is(err, fs.ErrPermission):
		code = "EACCES"
	case errors.Is(err, syscall.ENOTDIR):
		code = "ENOTDIR"
	case errors.Is(err, syscall.EISDIR):
		code = "EISDIR"
	case errors.Is(err, fs.ErrInvalid):
		code = "EINVAL"
	}
	return &fsError{code: code, syscall: syscallName, path: p}
}

// jsError builds the Node-style Error for err (loop goroutine only).
func (n *fsNatives) jsError(err error) *goja.Object {
	var fe *fsError
	if !errors.As(err, &fe) {
		fe = &fsError{code: "EIO", syscall: "read"}
	}
	o := n.h.NewError("Error", "", fe.Error())
	_ = o.Set("errno", fsErrno[fe.code].errno)
	_ = o.Set("code", fe.code)
	_ = o.Set("syscall", fe.syscall)
	if fe.path != "" {
		_ = o.Set("path", fe.path)
	}
	return o
}

func (n *fsNatives) throw(err error) {
	panic(n.jsError(err))
}

// readAll reads the file at p (any goroutine).
func (n *fsNatives) readAll(rel, p string) ([]byte, error) {
	f, err := n.root.Open(rel)
	if err != nil {
		return nil, mapErr(err, "open", p)
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil {
		return nil, mapErr(err, "fstat", p)
	}
	if info.IsDir() {
		return nil, &fsError{code: "EISDIR", syscall: "read"}
	}
	var data []byte
	if sz := info.Size(); sz > 0 {
		data = make([]byte, 0, sz+1)
	}
	for {
		if len(data) == cap(data) {
			data = append(data, 0)[:len(data)]
		}
		k, err := f.Read(data[len(data):cap(data)])
		data = data[:len(data)+k]
		if err == io.EOF {
			return data, nil
		}
		if err != nil {
			return nil, mapErr(err, "read", p)
		}
	}
}

// decoded returns data as JS sees it: a string for utf8 (decoded here, with
// U+FFFD for invalid bytes), latin1 and ascii, else an ArrayBuffer that
// fs.js wraps in a Buffer.
func (n *fsNatives) decoded(data []byte, encoding string) goja.Value {
	switch encoding {
	case "utf8", "utf-8":
		if utf8.Valid(data) {
			return n.h.VM.ToValue(string(data))
		}
		return n.h.VM.ToValue(strings.ToValidUTF8(string(data), "\uFFFD"))
	case "latin1", "binary":
		r := make([]rune, len(data))
		for i, b := range data {
			r[i] = rune(b)
		}
		return n.h.VM.ToValue(string(r))
	}
	return n.h.VM.ToValue(n.h.VM.NewArrayBuffer(data))
}

// statObject describes info as the plain fields fs.js copies into a Stats.
func statObject(info fs.FileInfo) map[string]any {
	mode := uint32(info.Mode().Perm())
	switch {
	case info.Mode()&fs.ModeSymlink != 0:
		mode |= syscall.S_IFLNK
	case info.IsDir():
		mode |= syscall.S_IFDIR
	case info.Mode()&fs.ModeNamedPipe != 0:
		mode |= syscall.S_IFIFO
	case info.Mode()&fs.ModeSocket != 0:
		mode |= syscall.S_IFSOCK
	case info.Mode()&fs.ModeCharDevice != 0:
		mode |= syscall.S_IFCHR
	case info.Mode()&fs.ModeDevice != 0:
		mode |= syscall.S_IFBLK
	default:
		mode |= syscall.S_IFREG
	}
	mtime := float64(info.ModTime().UnixNano()) / 1e6
	st := map[string]any{
		"dev": 0, "mode": mode, "nlink": 1, "uid": 0, "gid": 0, "rdev": 0, "blksize": 4096,
		"ino": 0, "size": info.Size(), "blocks": (info.Size() + 511) / 512,
		"atimeMs": mtime, "mtimeMs": mtime, "ctimeMs": mtime, "birthtimeMs": mtime,
	}
	if sys, ok := info.Sys().(*syscall.Stat_t); ok {
		st["dev"] = sys.Dev
		st["nlink"] = sys.Nlink
		st["uid"] = sys.Uid
		st["gid"] = sys.Gid
		st["rdev"] = sys.Rdev
		st["blksize"] = sys.Blksize
		st["ino"] = sys.Ino
		st["blocks"] = sys.Blocks
		st["atimeMs"] = float64(sys.Atim.Sec)*1e3 + float64(sys.Atim.Nsec)/1e6
		st["ctimeMs"] = float64(sys.Ctim.Sec)*1e3 + float64(sys.Ctim.Nsec)/1e6
	}
	return st
}

func (n *fsNatives) stat(p, syscallName string, follow bool) (map[string]any, error) {
	rel, err := n.resolve(p, syscallName, follow)
	if err != nil {
		return nil, err
	}
	var info fs.FileInfo
	if lfs, ok := n.root.(fs.ReadLinkFS); ok && !follow {
		info, err = lfs.Lstat(rel)
	} else {
		info, err = fs.Stat(n.root, rel)
	}
	if err != nil {
		return nil, mapErr(err, syscallName, p)
	}
	return statObject(info), nil
}

// dirent types as fs.js numbers them (libuv's UV_DIRENT_*).
func direntType(m fs.FileMode) int {
	switch {
	case m&fs.ModeSymlink != 0:
		return 3
	case m.IsDir():
		return 2
	case m&fs.ModeNamedPipe != 0:
		return 4
	case m&fs.ModeSocket != 0:
		return 5
	case m&fs.ModeCharDevice != 0:
		return 6
	case m&fs.ModeDevice != 0:
		return 7
	}
	return 1
}

func (n *fsNatives) readdir(p string) ([][]any, error) {
	rel, err := n.resolve(p, "scandir", true)
	if err != nil {
		return nil, err
	}
	info, err := fs.Stat(n.root, rel)
	if err != nil {
		return nil, mapErr(err, "scandir", p)
	}
	if !info.IsDir() {
		return nil, &fsError{code: "ENOTDIR", syscall: "scandir", path: p}
	}
	entries, err := fs.ReadDir(n.root, rel)
	if err != nil {
		return nil, mapErr(err, "scandir", p)
	}
	out := make([][]any, len(entries))
	for i, e := range entries {
		out[i] = []any{e.Name(), direntType(e.Type())}
	}
	return out, nil
}

func loadFSNatives(h *Host, module *goja.Object) {
	vm := h.VM
	root := path.Clean("/" + h.opts.RootPath)
	n := &fsNatives{h: h, root: h.opts.Root, rootAbs: root, files: map[int]*openFile{}, nextFD: 20}
	o := vm.NewObject()
	must := func(err error) {
		if err != nil {
			n.throw(err)
		}
	}
	_ = o.Set("rootPath", root)
	_ = o.Set("readFile", func(p, encoding string) goja.Value {
		rel, err := n.resolve(p, "open", true)
		must(err)
		data, err := n.readAll(rel, p)
		must(err)
		return n.decoded(data, encoding)
	})
	// readFileAsync reads on a goroutine and calls cb(err, data) on the loop.
	_ = o.Set("readFileAsync", func(p, encoding string, cb goja.Callable) {
		restore := h.CaptureContext()
		settle := func(data []byte, err error) {
			h.Loop.RunOnLoop(func() {
				restore(func() {
					if err != nil {
						h.InvokeMacrotask(cb, n.jsError(err))
						return
					}
					h.InvokeMacrotask(cb, goja.Null(), n.decoded(data, encoding))
				})
			})
		}
		rel, err := n.resolve(p, "open", true)
		if err != nil {
			settle(nil, err)
			return
		}
		go func() { settle(n.readAll(rel, p)) }()
	})
	_ = o.Set("stat", func(p, syscallName string, follow, throwIfNoEntry bool) goja.Value {
		st, err := n.stat(p, syscallName, follow)
		if err != nil {
			var fe *fsError
			if !throwIfNoEntry && errors.As(err, &fe) && fe.code == "ENOENT" {
				return goja.Undefined()
			}
			n.throw(err)
		}
		return vm.ToValue(st)
	})
	_ = o.Set("readdir", func(p string) [][]any {
		list, err := n.readdir(p)
		must(err)
		return list
	})
	_ = o.Set("realpath", func(p string) string {
		rel, err := n.resolve(p, "lstat", true)
		must(err)
		if _, err := fs.Stat(n.root, rel); err != nil {
			// Node reports the absolute path here.
			abs := p
			if !strings.HasPrefix(abs, "/") {
				abs = path.Join(n.rootAbs, p)
			}
			n.throw(mapErr(err, "lstat", abs))
		}
		return path.Join(n.rootAbs, rel)
	})
	_ = o.Set("readlink", func(p string) string {
		rel, err := n.resolve(p, "readlink", false)
		must(err)
		lfs, ok := n.root.(fs.ReadLinkFS)
		if !ok {
			n.throw(&fsError{code: "EINVAL", syscall: "readlink", path: p})
		}
		t, err := lfs.ReadLink(rel)
		if err != nil {
			n.throw(mapErr(err, "readlink", p))
		}
		return t
	})
	_ = o.Set("open", func(p string) int {
		rel, err := n.resolve(p, "open", true)
		must(err)
		f, err := n.root.Open(rel)
		if err != nil {
			n.throw(mapErr(err, "open", p))
		}
		n.mu.Lock()
		fd := n.nextFD
		n.nextFD++
		n.files[fd] = &openFile{f: f, path: p}
		n.mu.Unlock()
		return fd
	})
	file := func(fd int, syscallName string) *openFile {
		n.mu.Lock()
		of := n.files[fd]
		n.mu.Unlock()
		if of == nil {
			n.throw(&fsError{code: "EBADF", syscall: syscallName})
		}
		return of
	}
	_ = o.Set("close", func(fd int) {
		of := file(fd, "close")
		n.mu.Lock()
		delete(n.files, fd)
		n.mu.Unlock()
		of.mu.Lock()
		defer of.mu.Unlock()
		_ = of.f.Close()
	})
	_ = o.Set("fstat", func(fd int) map[string]any {
		of := file(fd, "fstat")
		info, err := of.f.Stat()
		if err != nil {
			n.throw(mapErr(err, "fstat", ""))
		}
		return statObject(info)
	})
	// read(fd, length, position) -> ArrayBuffer of the bytes read (empty at
	// EOF); position < 0 reads from the current position.
	_ = o.Set("read", func(fd, length int, position int64) goja.Value {
		of := file(fd, "read")
		data, err := of.readAt(length, position)
		must(err)
		return vm.ToValue(vm.NewArrayBuffer(data))
	})
	_ = o.Set("readAsync", func(fd, length int, position int64, cb goja.Callable) {
		of := file(fd, "read")
		restore := h.CaptureContext()
		go func() {
			data, err := of.readAt(length, position)
			h.Loop.RunOnLoop(func() {
				restore(func() {
					if err != nil {
						h.InvokeMacrotask(cb, n.jsError(err))
						return
					}
					h.InvokeMacrotask(cb, goja.Null(), vm.ToValue(vm.NewArrayBuffer(data)))
				})
			})
		}()
	})
	_ = module.Set("exports", o)
}

// readAt reads up to length bytes at position (or the current position
// when position < 0). Safe from any goroutine.
func (of *openFile) readAt(length int, position int64) ([]byte, error) {
	of.mu.Lock()
	defer of.mu.Unlock()
	if length < 0 {
		length = 0
	}
	buf := make([]byte, length)
	var k int
	var err error
	if position >= 0 {
		ra, ok := of.f.(io.ReaderAt)
		if !ok {
			if s, ok := of.f.(io.Seeker); ok {
				if _, err := s.Seek(position, io.SeekStart); err != nil {
					return nil, mapErr(err, "read", "")
				}
				k, err = io.ReadFull(of.f, buf)
			} else {
				return nil, &fsError{code: "EINVAL", syscall: "read"}
			}
		} else {
			k, err = ra.ReadAt(buf, position)
		}
	} else {
		k, err = io.ReadFull(of.f, buf)
		of.pos += int64(k)
	}
	if err != nil && err != io.EOF && err != io.ErrUnexpectedEOF {
		var pe *fs.PathError
		if errors.As(err, &pe) && errors.Is(err, syscall.EISDIR) {
			return nil, &fsError{code: "EISDIR", syscall: "read"}
		}
		return nil, mapErr(err, "read", "")
	}
	return buf[:k], nil
}
