package gojaapi

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"os"
	"strconv"
	"strings"
	"sync"
	"time"
	"unicode"
)

// DevLogOptions configure NewDevLogHandler.
type DevLogOptions struct {
	// Color writes ANSI colours: the status of each request by its class,
	// the level marks, and dimmed details. See UseColor.
	Color bool
	// Level is the lowest level written; nil means slog.LevelInfo.
	Level slog.Leveler
}

// NewDevLogHandler returns a slog.Handler that writes to w the way next dev
// talks to a terminal, for Options.Logger while developing:
//
//   - each request on one line, with Options.AccessLog:
//     " GET /api/hello 200 in 12ms" (and the outcome when it is not "ok":
//     " GET /api/slow 504 in 60.0s (timeout)");
//   - console output of handlers as they wrote it, without decoration, as
//     Node prints it;
//   - everything else behind a mark of its level: " ✓ " for info, " ⚠ "
//     for warnings, " ⨯ " for errors (a handler's uncaught error, with its
//     stack, or a build error with its code frame), followed by its
//     attributes as key=value. A message of several lines keeps its lines;
//     the attributes go at the end of the first.
//
// Records are written whole, one Write each, under a mutex shared by the
// handler and those derived from it with WithAttrs and WithGroup: lines from
// concurrent requests never interleave.
func NewDevLogHandler(w io.Writer, opts *DevLogOptions) slog.Handler {
	h := &devLog{out: &devOutput{w: w}, level: slog.LevelInfo}
	if opts != nil {
		h.color = opts.Color
		if opts.Level != nil {
			h.level = opts.Level
		}
	}
	return h
}

// UseColor reports whether output to w should be coloured. FORCE_COLOR, if
// set, decides first, as in Node ("0" or "false" turn colours off, any other
// value on); then NO_COLOR, set and not empty, turns them off
// (https://no-color.org); otherwise w must be a terminal (an *os.File that
// is a character device) and TERM not "dumb". Piped or redirected output is
// therefore plain.
func UseColor(w io.Writer) bool {
	return useColor(w, os.LookupEnv)
}

func useColor(w io.Writer, lookup func(string) (string, bool)) bool {
	if v, ok := lookup("FORCE_COLOR"); ok {
		return v != "0" && v != "false"
	}
	if v, ok := lookup("NO_COLOR"); ok && v != "" {
		return false
	}
	if v, _ := lookup("TERM"); v == "dumb" {
		return false
	}
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	st, err := f.Stat()
	return err == nil && st.Mode()&os.ModeCharDevice != 0
}

// devOutput is the writer shared by a dev log handler and its derivatives.
type devOutput struct {
	mu sync.Mutex
	w  io.Writer
}

func (o *devOutput) write(b []byte) {
	o.mu.Lock()
	defer o.mu.Unlock()
	_, _ = o.w.Write(b)
}

// devLog is the handler NewDevLogHandler returns. It is immutable once made
// (WithAttrs and WithGroup return copies), so any goroutine may use it.
type devLog struct {
	out    *devOutput
	color  bool
	level  slog.Leveler
	prefix string      // the open groups, "a.b." (WithGroup)
	attrs  []slog.Attr // from WithAttrs, keys already prefixed
}

// ANSI escape sequences.
const (
	ansiReset  = "\x1b[0m"
	ansiBold   = "\x1b[1m"
	ansiDim    = "\x1b[2m"
	ansiRed    = "\x1b[31m"
	ansiGreen  = "\x1b[32m"
	ansiYellow = "\x1b[33m"
	ansiCyan   = "\x1b[36m"
)

// paint wraps s in an escape sequence when colours are on.
func (h *devLog) paint(code, s string) string {
	if !h.color || s == "" {
		return s
	}
	return code + s + ansiReset
}

func (h *devLog) Enabled(_ context.Context, l slog.Level) bool {
	return l >= h.level.Level()
}

func (h *devLog) WithAttrs(as []slog.Attr) slog.Handler {
	c := *h
	c.attrs = append(append([]slog.Attr{}, h.attrs...), prefixed(h.prefix, as)...)
	return &c
}

func (h *devLog) WithGroup(name string) slog.Handler {
	if name == "" {
		return h
	}
	c := *h
	c.prefix = h.prefix + name + "."
	return &c
}

// prefixed returns as with the group prefix on their keys.
func prefixed(prefix string, as []slog.Attr) []slog.Attr {
	if prefix == "" {
		return as
	}
	out := make([]slog.Attr, len(as))
	for i, a := range as {
		out[i] = slog.Attr{Key: prefix + a.Key, Value: a.Value}
	}
	return out
}

func (h *devLog) Handle(_ context.Context, r slog.Record) error {
	attrs := append([]slog.Attr{}, h.attrs...)
	console := false
	r.Attrs(func(a slog.Attr) bool {
		if a.Key == "source" && a.Value.String() == "console" {
			console = true
		}
		attrs = append(attrs, slog.Attr{Key: h.prefix + a.Key, Value: a.Value})
		return true
	})
	var b strings.Builder
	if console {
		// As Node prints it: the route and request ID are for the
		// structured logs; the request line follows anyway.
		b.WriteString(r.Message)
		b.WriteByte('\n')
		h.out.write([]byte(b.String()))
		return nil
	}
	switch {
	case r.Level >= slog.LevelError:
		b.WriteString(" " + h.paint(ansiRed, "⨯") + " ")
	case r.Level >= slog.LevelWarn:
		b.WriteString(" " + h.paint(ansiYellow, "⚠") + " ")
	case r.Level >= slog.LevelInfo:
		b.WriteString(" " + h.paint(ansiGreen, "✓") + " ")
	default:
		b.WriteString("   ")
	}
	first, rest, multi := strings.Cut(r.Message, "\n")
	b.WriteString(first)
	var kv strings.Builder
	for _, a := range attrs {
		appendAttr(&kv, "", a)
	}
	b.WriteString(h.paint(ansiDim, kv.String()))
	if multi {
		b.WriteByte('\n')
		b.WriteString(strings.TrimRight(rest, "\n"))
	}
	b.WriteByte('\n')
	h.out.write([]byte(b.String()))
	return nil
}

// appendAttr writes " key=value", groups flattened to "group.key".
func appendAttr(b *strings.Builder, prefix string, a slog.Attr) {
	a.Value = a.Value.Resolve()
	if a.Equal(slog.Attr{}) {
		return
	}
	if a.Value.Kind() == slog.KindGroup {
		p := prefix
		if a.Key != "" {
			p += a.Key + "."
		}
		for _, g := range a.Value.Group() {
			appendAttr(b, p, g)
		}
		return
	}
	var v string
	switch a.Value.Kind() {
	case slog.KindDuration:
		v = a.Value.Duration().String()
	case slog.KindTime:
		v = a.Value.Time().Format(time.RFC3339Nano)
	default:
		v = a.Value.String()
	}
	b.WriteString(" " + prefix + a.Key + "=" + quoteIfNeeded(v))
}

// quoteIfNeeded quotes a value that would not read as one word.
func quoteIfNeeded(s string) string {
	if s == "" {
		return `""`
	}
	for _, r := range s {
		if unicode.IsSpace(r) || r == '"' || r == '=' || !unicode.IsPrint(r) {
			return strconv.Quote(s)
		}
	}
	return s
}

// logRequest writes the request line of the dev log (see accessLog).
func (h *devLog) logRequest(i RequestInfo) {
	if !h.Enabled(context.Background(), slog.LevelInfo) {
		return
	}
	status := "-"
	if i.Status > 0 {
		status = strconv.Itoa(i.Status)
	}
	code := ansiRed
	switch {
	case i.Status >= 500 || i.Status <= 0:
	case i.Status >= 400:
		code = ansiYellow
	case i.Status >= 300:
		code = ansiCyan
	case i.Status >= 200:
		code = ansiGreen
	}
	line := " " + h.paint(ansiBold, i.Method) + " " + i.Path + " " + h.paint(code, status) + " " + h.paint(ansiDim, "in "+devDuration(i.Duration))
	if i.Outcome != "" && i.Outcome != "ok" {
		line += " " + h.paint(code, "("+i.Outcome+")")
	}
	h.out.write([]byte(line + "\n"))
}

// devDuration formats a request's duration the way next dev does, in
// milliseconds ("12ms"), with a decimal below 10 ms ("0.4ms") and in
// seconds from one second ("1.2s").
func devDuration(d time.Duration) string {
	switch {
	case d < 10*time.Millisecond:
		return strconv.FormatFloat(float64(d.Microseconds())/1000, 'f', 1, 64) + "ms"
	case d < time.Second:
		return strconv.FormatInt(d.Milliseconds(), 10) + "ms"
	}
	return fmt.Sprintf("%.1fs", d.Seconds())
}
