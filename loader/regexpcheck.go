package loader

import (
	"bytes"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"
)

// propertyEscape finds a Unicode property escape (\p{...} or \P{...}) in
// source text, in a regular expression literal or a string passed to RegExp.
var propertyEscape = regexp.MustCompile(`\\\\?[pP]\{[A-Za-z_=]+\}`)

// regexpWarnings reports the places in the bundle's input files that use
// Unicode property escapes. goja does not support them: with the u flag it
// silently matches the literal text ("p{L}"), so such a regular expression
// gives wrong answers rather than an error. Each warning names the file and
// line. Files come from fsys when set, else from dir.
func regexpWarnings(dir string, fsys fs.FS, inputs []string) []string {
	var warnings []string
	for _, in := range inputs {
		if !strings.HasSuffix(in, ".js") && !strings.HasSuffix(in, ".mjs") && !strings.HasSuffix(in, ".cjs") &&
			!strings.HasSuffix(in, ".ts") && !strings.HasSuffix(in, ".tsx") && !strings.HasSuffix(in, ".jsx") {
			continue
		}
		var src []byte
		var err error
		if fsys != nil {
			src, err = fs.ReadFile(fsys, in)
		} else {
			src, err = os.ReadFile(filepath.Join(dir, filepath.FromSlash(in)))
		}
		if err != nil || !propertyEscape.Match(src) {
			continue
		}
		for i, line := range bytes.Split(src, []byte("\n")) {
			if m := propertyEscape.Find(line); m != nil {
				warnings = append(warnings, fmt.Sprintf("%s:%d: the regular expression escape %s (a Unicode property) is not supported by goja: "+
					"it silently matches the literal text instead; use an explicit character class", in, i+1, string(m)))
			}
		}
	}
	return warnings
}
