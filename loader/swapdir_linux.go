package loader

import (
	"errors"
	"os"

	"golang.org/x/sys/unix"
)

// swapDir puts the folder src in the place of dst. If dst exists, the two
// are exchanged in one step (renameat2 with RENAME_EXCHANGE), so dst never
// disappears, and src then holds the old folder for the caller to remove;
// otherwise src is renamed.
func swapDir(src, dst string) error {
	err := unix.Renameat2(unix.AT_FDCWD, src, unix.AT_FDCWD, dst, unix.RENAME_EXCHANGE)
	switch {
	case err == nil:
		return nil
	case errors.Is(err, unix.ENOENT):
		return os.Rename(src, dst)
	case errors.Is(err, unix.EINVAL), errors.Is(err, unix.ENOSYS):
		return swapDirByRenames(src, dst) // a file system without the exchange
	}
	return &os.LinkError{Op: "renameat2", Old: src, New: dst, Err: err}
}
