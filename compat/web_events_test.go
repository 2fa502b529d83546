package compat

import (
	"bytes"
	"encoding/json"
	"log/slog"
	"os"
	"os/exec"
	"strings"
	"testing"
)

// webCase is one JS snippet of the web API tests: src is the body of an
// async function whose result (a string as is, anything else through
// JSON.stringify, or "threw Name: message") must equal want, which is what
// Node 20 gives. Set WEB_NODE_CHECK=1 to also run every snippet under the
// node binary and compare.
type webCase struct{ name, src, want string }

// webScript runs all cases concurrently and stores their results in
// globalThis.__webResults.
func webScript(cases []webCase) string {
	var b strings.Builder
	b.WriteString(`globalThis.__webResults = {};
const __fmt = (v) => v === undefined ? 'undefined' : typeof v === 'string' ? v :
  JSON.stringify(v, (k, x) => typeof x === 'bigint' ? x + 'n' : x === undefined ? '<undefined>' : x);
const __cases = [];
`)
	for _, c := range cases {
		name, _ := json.Marshal(c.name)
		b.WriteString("__cases.push([" + string(name) + ", async () => {\n" + c.src + "\n}]);\n")
	}
	b.WriteString(`for (const [name, fn] of __cases) {
  let p;
  try { p = fn(); } catch (e) { p = Promise.reject(e); }
  p.then((v) => { __webResults[name] = __fmt(v); },
    (e) => { __webResults[name] = 'threw ' + (e && e.name) + ': ' + (e && e.message); });
}
`)
	return b.String()
}

func runWebCases(t *testing.T, cases []webCase) {
	t.Helper()
	seen := map[string]bool{}
	for _, c := range cases {
		if seen[c.name] {
			t.Fatalf("duplicate case name %q", c.name)
		}
		seen[c.name] = true
	}
	var logs bytes.Buffer
	_, run := newTestHost(t, Options{Logger: slog.New(slog.NewTextHandler(&logs, nil))})
	run(webScript(cases))
	var got map[string]string
	if err := json.Unmarshal([]byte(run(`JSON.stringify(globalThis.__webResults)`).String()), &got); err != nil {
		t.Fatal(err)
	}
	if os.Getenv("WEB_LOGS") != "" {
		t.Logf("logs:\n%s", logs.String())
	}
	var node map[string]string
	if os.Getenv("WEB_NODE_CHECK") != "" {
		script := webScript(cases) + `process.on('uncaughtException', () => {});
setTimeout(() => console.log(JSON.stringify(__webResults)), 500);`
		out, err := exec.Command("node", "-e", script).Output()
		if err != nil {
			t.Fatalf("node: %v", err)
		}
		if err := json.Unmarshal(out, &node); err != nil {
			t.Fatalf("node output: %v: %s", err, out)
		}
	}
	for _, c := range cases {
		g, ok := got[c.name]
		if !ok {
			g = "<no result>"
		}
		if g != c.want {
			t.Errorf("%s:\n got  %s\n want %s", c.name, g, c.want)
		}
		if node != nil && node[c.name] != c.want {
			t.Errorf("%s: node gives %s, want says %s", c.name, node[c.name], c.want)
		}
	}
}

func TestWebEvents(t *testing.T) {
	runWebCases(t, []webCase{
		{"event defaults", `const e = new Event('x');
			return [e.type, e.bubbles, e.cancelable, e.composed, e.defaultPrevented, e.eventPhase, e.target, e.currentTarget,
				e.isTrusted, e.returnValue, e.cancelBubble, typeof e.timeStamp, e.composedPath().length, Object.keys(e).length]`,
			`["x",false,false,false,false,0,null,null,false,true,false,"number",0,0]`},
		{"event options", `const e = new Event('a', {bubbles: true, composed: true, cancelable: 1}); return [e.bubbles, e.composed, e.cancelable]`,
			`[true,true,true]`},
		{"event type coerced", `return [new Event(5).type, new Event(null).type, new Event('x', null).bubbles]`, `["5","null",false]`},
		{"event missing type", `new Event()`, `threw TypeError: The "type" argument must be specified`},
		{"event missing type code", `try { new Event() } catch (e) { return e.code }`, `ERR_MISSING_ARGS`},
		{"event toString", `return [String(new Event('x')), Object.prototype.toString.call(new EventTarget())]`, `["[object Event]","[object EventTarget]"]`},
		{"event constants", `return [Event.NONE, Event.CAPTURING_PHASE, Event.AT_TARGET, Event.BUBBLING_PHASE]`, `[0,1,2,3]`},
		{"event invalid this", `return Event.prototype.type`, `threw TypeError: Value of "this" must be of type Event`},
		{"preventDefault not cancelable", `const e = new Event('q'); e.preventDefault(); return [e.defaultPrevented, e.returnValue]`, `[false,true]`},
		{"preventDefault cancelable", `const e = new Event('q', {cancelable: true}); e.preventDefault(); return [e.defaultPrevented, e.returnValue]`, `[true,false]`},
		{"dispatch state", `const t = new EventTarget(); const seen = [];
			t.addEventListener('x', function (ev) { seen.push(ev.eventPhase, ev.target === t, ev.currentTarget === t, ev.composedPath().length, this === t); ev.preventDefault(); });
			const e = new Event('x', {cancelable: true});
			const r = t.dispatchEvent(e);
			return [seen, r, e.defaultPrevented, e.eventPhase, e.currentTarget, e.target === t, e.composedPath().length]`,
			`[[2,true,true,1,true],false,true,0,null,true,0]`},
		{"dispatch returns true", `const t = new EventTarget(); return t.dispatchEvent(new Event('z'))`, `true`},
		{"redispatch allowed", `const t = new EventTarget(); let n = 0; t.addEventListener('x', () => n++); const e = new Event('x'); t.dispatchEvent(e); t.dispatchEvent(e); return n`, `2`},
		{"listener order and dedupe", `const t = new EventTarget(); const log = [];
			const a = () => log.push('a'); const c = () => log.push('c');
			const b = () => { log.push('b'); t.removeEventListener('x', c); t.addEventListener('x', () => log.push('late')); };
			t.addEventListener('x', a); t.addEventListener('x', a); t.addEventListener('x', a, true); t.addEventListener('x', b); t.addEventListener('x', c);
			t.addEventListener('x', {handleEvent(e) { log.push('obj:' + (this !== t)); }});
			t.addEventListener('x', () => log.push('once'), {once: true});
			t.dispatchEvent(new Event('x')); log.push('|'); t.dispatchEvent(new Event('x'));
			return log.join(',')`, `a,a,b,obj:true,once,late,|,a,a,b,obj:true,late,late`},
		{"remove by capture", `const t = new EventTarget(); let n = 0; const f = () => n++;
			t.addEventListener('x', f, {capture: true}); t.removeEventListener('x', f); t.dispatchEvent(new Event('x'));
			t.removeEventListener('x', f, true); t.dispatchEvent(new Event('x'));
			t.removeEventListener('x', f, {capture: true}); t.dispatchEvent(new Event('x')); return n`, `2`},
		{"stopImmediatePropagation", `const t = new EventTarget(); const l = [];
			t.addEventListener('y', (e) => { l.push(1); e.stopImmediatePropagation(); l.push(e.cancelBubble); });
			t.addEventListener('y', () => l.push(2));
			return [t.dispatchEvent(new Event('y', {cancelable: true})), l]`, `[true,[1,true]]`},
		{"stopPropagation keeps listeners", `const t = new EventTarget(); const l = [];
			t.addEventListener('y', (e) => { e.stopPropagation(); l.push(1); }); t.addEventListener('y', () => l.push(2));
			t.dispatchEvent(new Event('y')); return l`, `[1,2]`},
		{"passive listener may still cancel (as in Node)", `const t = new EventTarget(); const l = [];
			t.addEventListener('y', (e) => { e.preventDefault(); l.push(e.defaultPrevented); }, {passive: true});
			return [t.dispatchEvent(new Event('y', {cancelable: true})), l]`, `[false,[true]]`},
		{"signal removes listener", `const ac = new AbortController(); const t = new EventTarget(); let n = 0;
			t.addEventListener('z', () => n++, {signal: ac.signal}); t.dispatchEvent(new Event('z')); ac.abort(); t.dispatchEvent(new Event('z'));
			t.addEventListener('z', () => n++, {signal: ac.signal}); t.dispatchEvent(new Event('z')); return n`, `1`},
		{"recursion error", `const t = new EventTarget(); let msg;
			t.addEventListener('r', (e) => { try { t.dispatchEvent(e) } catch (er) { msg = [er.name, er.code, er.message] } }); t.dispatchEvent(new Event('r')); return msg`,
			`["Error","ERR_EVENT_RECURSION","The event \"r\" is already being dispatched"]`},
		{"listener throws, dispatch continues", `const t = new EventTarget(); const l = [];
			t.addEventListener('e', () => { throw new Error('boom') }); t.addEventListener('e', () => l.push('after'));
			l.push(t.dispatchEvent(new Event('e'))); return l`, `["after",true]`},
		{"dispatch non-event", `new EventTarget().dispatchEvent('x')`, `threw TypeError: The "event" argument must be an instance of Event. Received type string ('x')`},
		{"bad listener", `new EventTarget().addEventListener('x', 5)`, `threw TypeError: The "listener" argument must be an instance of EventListener. Received type number (5)`},
		{"missing listener", `new EventTarget().addEventListener()`, `threw TypeError: The "type" and "listener" arguments must be specified`},
		{"null listener ignored", `const t = new EventTarget(); t.addEventListener('x', null); return t.dispatchEvent(new Event('x'))`, `true`},
		{"target invalid this", `EventTarget.prototype.addEventListener.call({}, 'x', () => {})`, `threw TypeError: Value of "this" must be of type EventTarget`},
		{"subclass target", `class T extends EventTarget { fire() { return this.dispatchEvent(new Event('go')) } }
			const t = new T(); let got; t.addEventListener('go', (e) => { got = e.target === t }); t.fire(); return [got, t instanceof EventTarget]`, `[true,true]`},
		{"custom event", `const c = new CustomEvent('c', {detail: {a: 1}}); return [c.detail, new CustomEvent('y').detail, c instanceof Event, c.type, String(c)]`,
			`[{"a":1},null,true,"c","[object CustomEvent]"]`},
		{"custom event dispatch", `const t = new EventTarget(); let d; t.addEventListener('c', (e) => { d = e.detail }); t.dispatchEvent(new CustomEvent('c', {detail: 42})); return d`, `42`},
		{"initEvent", `const e = new Event('a'); e.initEvent('b', true, true); return [e.type, e.bubbles, e.cancelable]`, `["b",true,true]`},
		{"timeStamp grows", `const a = new Event('a'); await new Promise(r => setTimeout(r, 5)); const b = new Event('b'); return b.timeStamp > a.timeStamp`, `true`},

		{"domexception basics", `const d = new DOMException('m', 'AbortError');
			return [d.name, d.message, d.code, d instanceof Error, d instanceof DOMException, Object.prototype.toString.call(d), String(d), Object.keys(d).length]`,
			`["AbortError","m",20,true,true,"[object DOMException]","AbortError: m",0]`},
		{"domexception defaults", `const d = new DOMException(); return [d.name, d.message, d.code]`, `["Error","",0]`},
		{"domexception unknown name", `return new DOMException('a', 'Foo').code`, `0`},
		{"domexception legacy codes", `return ['IndexSizeError', 'NotFoundError', 'NotSupportedError', 'InvalidStateError', 'SyntaxError', 'SecurityError', 'NetworkError', 'AbortError', 'QuotaExceededError', 'TimeoutError', 'DataCloneError', 'EncodingError'].map((n) => new DOMException('', n).code)`,
			`[1,8,9,11,12,18,19,20,22,23,25,0]`},
		{"domexception options", `const d = new DOMException('m', {name: 'TimeoutError', cause: 1}); return [d.name, d.code, d.cause]`, `["TimeoutError",23,1]`},
		{"domexception constants", `return [DOMException.ABORT_ERR, DOMException.TIMEOUT_ERR, DOMException.DATA_CLONE_ERR, new DOMException('x').INDEX_SIZE_ERR]`, `[20,23,25,1]`},
		{"domexception stack", `const d = new DOMException('boom', 'NotFoundError'); return [typeof d.stack, d.stack.split('\n')[0], Object.getOwnPropertyNames(d).includes('stack')]`,
			`["string","NotFoundError: boom",true]`},
		{"domexception thrown", `try { throw new DOMException('x', 'SyntaxError') } catch (e) { return e.name + '/' + e.message }`, `SyntaxError/x`},
	})
}

// TestWebEventsUncaught checks that a listener's exception is reported as
// uncaught after the dispatch rather than thrown at the dispatcher.
func TestWebEventsUncaught(t *testing.T) {
	var logs bytes.Buffer
	_, run := newTestHost(t, Options{Logger: slog.New(slog.NewTextHandler(&logs, nil))})
	v := run(`const t = new EventTarget(); t.addEventListener('e', () => { throw new Error('listener boom') }); t.dispatchEvent(new Event('e'))`)
	if v.String() != "true" {
		t.Fatalf("dispatchEvent returned %v", v)
	}
	if !strings.Contains(logs.String(), "Uncaught Error: listener boom") {
		t.Fatalf("not reported: %s", logs.String())
	}
}
