package compat

import (
	"encoding/json"
	"testing"
)

// jsCase is one snippet run as the body of an async function; want is the
// JSON of what it returns, as printed by Node 20 for the same snippet.
type jsCase struct{ name, src, want string }

// jsCasePrelude defines the helpers the snippets use to render values and
// errors identically here and in Node.
const jsCasePrelude = `
globalThis.__fmt = function (v) { return JSON.stringify(v, (k, x) => typeof x === 'bigint' ? String(x) + 'n' : x === undefined ? '<undefined>' : x); };
globalThis.__err = function (e) { return 'ERR ' + (e && e.constructor ? e.constructor.name : typeof e) + ': ' + (e && e.message !== undefined ? e.message : String(e)) + (e && e.code ? ' [' + e.code + ']' : ''); };
`

// runJSCases runs all cases in one runtime (concurrently, each in its own
// async function) and compares each result with Node's.
func runJSCases(t *testing.T, cases []jsCase) {
	t.Helper()
	_, run := newTestHost(t, Options{})
	run(jsCasePrelude + `globalThis.__results = {};`)
	src := ""
	for i, c := range cases {
		src += `(async () => {` + c.src + "\n" + `})().then((v) => { __results[` + caseKey(i) + `] = __fmt(v); }, (e) => { __results[` + caseKey(i) + `] = 'THROWN ' + __err(e); });` + "\n"
	}
	run(src)
	var got map[string]string
	if err := json.Unmarshal([]byte(run(`JSON.stringify(__results)`).String()), &got); err != nil {
		t.Fatal(err)
	}
	for i, c := range cases {
		if g := got[caseKey(i)]; g != c.want {
			t.Errorf("%s:\n got %s\nwant %s", c.name, g, c.want)
		}
	}
}

func caseKey(i int) string {
	b, _ := json.Marshal(i)
	return string(b)
}

func TestFetchHeaders(t *testing.T)  { runJSCases(t, headersCases) }
func TestFetchRequest(t *testing.T)  { runJSCases(t, requestCases) }
func TestFetchResponse(t *testing.T) { runJSCases(t, responseCases) }
