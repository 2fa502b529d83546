//go:build !linux

package loader

// swapDir puts the folder src in the place of dst and removes the old dst.
// Without an atomic exchange, dst is briefly missing between two renames: a
// reader then finds no output, never a partial one.
func swapDir(src, dst string) error { return swapDirByRenames(src, dst) }
