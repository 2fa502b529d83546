package loader

import (
	"errors"
	"io/fs"
	"os"
)

// swapDirByRenames puts src in the place of dst with two renames (dst aside,
// src in) and removes the old dst.
func swapDirByRenames(src, dst string) error {
	old := src + ".old"
	if err := os.Rename(dst, old); err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return os.Rename(src, dst)
		}
		return err
	}
	if err := os.Rename(src, dst); err != nil {
		_ = os.Rename(old, dst)
		return err
	}
	return os.RemoveAll(old)
}
