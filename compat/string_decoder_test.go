package compat

import "testing"

// TestStringDecoder compares StringDecoder output with what Node 20 prints
// for the same writes.
func TestStringDecoder(t *testing.T) {
	_, run := newTestHost(t, Options{})
	run(`
		globalThis.sd = function (enc, chunks, end) {
			const { StringDecoder } = require('string_decoder');
			const d = new StringDecoder(enc);
			const out = chunks.map((c) => d.write(new Uint8Array(c)));
			out.push(end ? d.end(new Uint8Array(end)) : d.end());
			return JSON.stringify(out);
		};
	`)
	cases := []struct{ src, want string }{
		{`sd('utf8', [[0xE2], [0x82], [0xAC]])`, `["","","€",""]`},
		{`sd('utf8', [[0xE2, 0x82]])`, `["","�"]`},
		{`sd('utf8', [[0xE2, 0x28]])`, `["�(",""]`},
		{`sd('utf8', [[0xF0], [0x41]])`, `["","�A",""]`},
		{`sd('utf8', [[0xED, 0xA0]], [0x80])`, `["","���"]`},
		{`sd('utf8', [[0xED], [0xA0, 0x80]])`, `["","���",""]`},
		{`sd('utf8', [[0xF0, 0x9F], [0x98], [0x80, 0x41]])`, `["","","😀A",""]`},
		{`sd('utf8', [[0xF0, 0x9F, 0x98]])`, `["","�"]`},
		{`sd('utf8', [[0xC0, 0xAF, 0x41]])`, `["��A",""]`},
		{`sd('utf8', [[0xF5, 0x80]])`, `["","��"]`},
		{`sd('utf8', [[0xE0, 0x80, 0x80]])`, `["���",""]`},
		{`sd('utf8', [[0x80, 0x80]])`, `["��",""]`},
		{`sd('utf8', [[0xF4, 0x90, 0x80, 0x80]])`, `["����",""]`},
		{`sd('utf8', [[0xE2, 0x82], [0xE2, 0x82, 0xAC]])`, `["","�€",""]`},
		{`sd('utf16le', [[0x61], [0x00, 0x62], [0x00]])`, `["","a","b",""]`},
		{`sd('utf16le', [[0x3D, 0xD8], [0x00, 0xDE]])`, `["","😀",""]`},
		{`sd('utf16le', [[0x3D, 0xD8]])`, `["","\ud83d"]`},
		{`sd('utf16le', [[0x61]])`, `["",""]`},
		{`sd('utf16le', [[0x3D, 0xD8, 0x61]])`, `["\ud83d",""]`},
		{`sd('base64', [[0x61], [0x62, 0x63, 0x64]])`, `["","YWJj","ZA=="]`},
		{`sd('base64', [[0x61, 0x62]])`, `["","YWI="]`},
		{`sd('base64url', [[0x61, 0xff]])`, `["","Yf8"]`},
		{`sd('hex', [[0x61, 0xff]])`, `["61ff",""]`},
		{`sd('latin1', [[0xe9, 0xff]])`, `["éÿ",""]`},
		{`sd('ascii', [[0xe9, 0x41]])`, `["iA",""]`},
		{`(() => { const { StringDecoder } = require('string_decoder');
			return [new StringDecoder().encoding, new StringDecoder('UTF-8').encoding, new StringDecoder('binary').encoding,
				new StringDecoder('ucs2').encoding, new StringDecoder('UCS-2').encoding, new StringDecoder('utf-16le').encoding].join(' '); })()`,
			`utf8 utf8 latin1 utf16le utf16le utf16le`},
		{`(() => { const { StringDecoder } = require('node:string_decoder');
			try { new StringDecoder('foo'); } catch (e) { return [e.name, e.code, e.message].join('|'); } })()`,
			`TypeError|ERR_UNKNOWN_ENCODING|Unknown encoding: foo`},
		{`(() => { const { StringDecoder } = require('string_decoder');
			try { new StringDecoder().write(5); } catch (e) { return [e.name, e.code, e.message].join('|'); } })()`,
			`TypeError|ERR_INVALID_ARG_TYPE|The "buf" argument must be an instance of Buffer, TypedArray, or DataView. Received type number (5)`},
		{`(() => { const { StringDecoder } = require('string_decoder');
			try { new StringDecoder().write({}); } catch (e) { return e.message; } })()`,
			`The "buf" argument must be an instance of Buffer, TypedArray, or DataView. Received an instance of Object`},
		{`(() => { const { StringDecoder } = require('string_decoder'); const d = new StringDecoder();
			return JSON.stringify([d.write('abc'), d.end('x')]); })()`, `["abc","x"]`},
		{`(() => { const { StringDecoder } = require('string_decoder'); const d = new StringDecoder('utf8');
			d.write(new Uint8Array([0xE2])); return [d.lastNeed, d.lastTotal, Object.keys(d)].join(' '); })()`, `2 3 encoding`},
		{`(() => { const { StringDecoder } = require('string_decoder'); const d = new StringDecoder('utf8');
			d.end(new Uint8Array([0xE2])); return d.write(new Uint8Array([0x41])); })()`, `A`},
		{`(() => { const { StringDecoder } = require('string_decoder');
			return new StringDecoder('utf8').write(new DataView(new Uint8Array([0x41, 0x42]).buffer)); })()`, `AB`},
	}
	for _, c := range cases {
		if got := run(c.src).String(); got != c.want {
			t.Errorf("%s\n got %q\nwant %q", c.src, got, c.want)
		}
	}
}
