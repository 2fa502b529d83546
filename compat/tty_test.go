package compat

import "testing"

// TestTTYAgainstNode: node:tty as Node 20 behaves with its output redirected
// to a file (no terminal).
func TestTTYAgainstNode(t *testing.T) {
	runNodeCases(t, []nodeCase{
		{"tty", `const tty = require('tty');
log(Object.keys(tty), tty.isatty(0), tty.isatty(1), tty.isatty(2), tty.isatty(99), tty.isatty('x'));
try { new tty.WriteStream(1) } catch (e) { log(e.name, e.code, e.message) }`,
			`["isatty","ReadStream","WriteStream"] false false false false false
SystemError ERR_TTY_INIT_FAILED TTY initialization failed: uv_tty_init returned EINVAL (invalid argument)`},
	})
}
