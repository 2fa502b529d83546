package compat

import (
	"strings"
	"testing"
)

// Expected values were printed by Node 20 for the same snippets.
func TestURL(t *testing.T) {
	_, run := newTestHost(t, Options{RootPath: "/srv/app"})
	tests := []struct{ src, want string }{
		{"new URL('HTTP://User:Pa ss@EXAMPLE.com:80/a/./b/../c d?q=1 2&x=é#fr ag').href",
			"http://User:Pa%20ss@example.com/a/c%20d?q=1%202&x=%C3%A9#fr%20ag"},
		{"const u = new URL('https://example.org:8443/p?x=1#h'); [u.origin, u.protocol, u.host, u.hostname, u.port, u.pathname, u.search, u.hash].join('|')",
			"https://example.org:8443|https:|example.org:8443|example.org|8443|/p|?x=1|#h"},
		{"new URL('../x/y?z', 'http://a.com/b/c/d').href",
			"http://a.com/b/x/y?z"},
		{"new URL('//other.com/p', 'https://a.com/x').href",
			"https://other.com/p"},
		{"new URL('?q', 'http://a.com/b/c').href + ' ' + new URL('#f', 'http://a.com/b?c').href",
			"http://a.com/b/c?q http://a.com/b?c#f"},
		{"new URL('file:///C:/a/../b').href + ' ' + new URL('file://localhost/etc/x').href + ' ' + new URL('file:/a/b').href",
			"file:///C:/b file:///etc/x file:///a/b"},
		{"new URL('http://0x7f.1/').host + ' ' + new URL('http://[::1]:3000/').host + ' ' + new URL('http://[2001:db8:0:0:1:0:0:1]/').hostname + ' ' + new URL('http://192.168.0.255/').hostname + ' ' + new URL('http://3232235777').host + ' ' + new URL('http://[::ffff:1.2.3.4]/').host + ' ' + new URL('http://[1:0:0:2::3:0]/').host",
			"127.0.0.1 [::1]:3000 [2001:db8::1:0:0:1] 192.168.0.255 192.168.1.1 [::ffff:102:304] [1::2:0:0:3:0]"},
		{"new URL('http://español.com/').hostname + ' ' + new URL('http://xn--espaol-zwa.com/').hostname + ' ' + new URL('http://EXAMPLE.com./').host",
			"xn--espaol-zwa.com xn--espaol-zwa.com example.com."},
		{"new URL('mailto:Joe@Example.COM ').href + ' ' + new URL('data:text/plain,hi there').pathname + ' ' + new URL('javascript:alert(1)').protocol",
			"mailto:Joe@Example.COM text/plain,hi there javascript:"},
		{"new URL('foo://host/a b?c d#e f').href + ' ' + new URL('foo:/a/../b').href + ' ' + new URL('foo:').href + ' ' + new URL('sc://ñ/').host",
			"foo://host/a%20b?c%20d#e%20f foo:/b foo: %C3%B1"},
		{"const bs = String.fromCharCode(92); new URL('  http://a.com/' + String.fromCharCode(9, 10) + 'b  ').href + ' ' + new URL('http:' + bs + bs + 'a.com' + bs + 'b' + bs + 'c').href",
			"http://a.com/b http://a.com/b/c"},
		{"new URL('http://a.com:80/').port + '|' + new URL('https://a.com:443/').host + '|' + new URL('http://a.com:0/').port + '|' + new URL('ws://a.com:80').href",
			"|a.com|0|ws://a.com/"},
		{"['http://', 'http://a b/', 'http://[::1/', 'http://a.com:99999/', 'nope', '', 'http://1.2.3.4.5/', 'http://%41.com', 'http://a%2Fb.com/'].map((s) => URL.canParse(s)).join()",
			"false,false,false,false,false,false,false,true,false"},
		{"URL.canParse('/x', 'http://a.com') + ' ' + URL.canParse('/x') + ' ' + new URL('http://%41.com').host",
			"true false a.com"},
		{"(() => { try { new URL('nope'); } catch (e) { return [e.code, e.message, e.input, e.constructor.name].join('|'); } })()",
			"ERR_INVALID_URL|Invalid URL|nope|TypeError"},
		{"(() => { try { new URL('x', 'bad base'); } catch (e) { return [e.code, e.input, e.base].join('|'); } })()",
			"ERR_INVALID_URL|x|bad base"},
		{"const u = new URL('http://a.com/p?b=2&a=1'); u.searchParams.append('c', 'x y'); u.searchParams.sort(); const s1 = u.href; u.searchParams.delete('a'); u.searchParams.delete('b'); u.searchParams.delete('c'); s1 + ' ' + u.href",
			"http://a.com/p?a=1&b=2&c=x+y http://a.com/p"},
		{"const u = new URL('http://a.com/p?x=1'); u.search = '?y=2&z=%20'; [u.searchParams.get('y'), u.searchParams.get('z'), u.href].join('|')",
			"2| |http://a.com/p?y=2&z=%20"},
		{"const u = new URL('http://a.com/'); u.pathname = '/a b/ç?#'; u.hash = 'h i'; u.port = '8080'; u.hostname = 'B.com'; u.username = 'us er'; u.password = 'p@ss'; u.protocol = 'https'; u.href",
			"https://us%20er:p%40ss@b.com:8080/a%20b/%C3%A7%3F%23#h%20i"},
		{"const u = new URL('http://a.com:81/'); u.port = ''; u.protocol = 'foo'; u.host = 'c.com:90'; u.href + ' ' + JSON.stringify({ u }) + ' ' + String(u)",
			"http://c.com:90/ {\"u\":\"http://c.com:90/\"} http://c.com:90/"},
		{"const u = new URL('http://a.com/'); u.port = 'abc'; u.port = '80'; u.port = '12x'; u.href",
			"http://a.com:12/"},
		{"const u = new URL('file:///tmp/x'); u.username = 'x'; u.port = '8'; u.host = 'h'; u.href",
			"file://h/tmp/x"},
		{"const p = new URLSearchParams('?a=1&b=2&a=3&c=%20+x&d'); [p.get('a'), p.getAll('a').join(), p.has('b'), p.has('a', '3'), p.get('c'), p.get('d'), p.get('zz'), p.size, p.toString()].join('|')",
			"1|1,3|true|true|  x|||5|a=1&b=2&a=3&c=++x&d="},
		{"const p = new URLSearchParams({ x: 1, y: 'é&=' }); p.set('x', 2); [...p].join(';') + ' ' + p.toString() + ' ' + [...p.keys()].join() + [...p.values()].join()",
			"x,2;y,é&= x=2&y=%C3%A9%26%3D x,y2,é&="},
		{"const p = new URLSearchParams([['a', '1'], ['b', '2'], ['a', '3']]); p.set('a', 'z'); p.toString() + ' ' + new URLSearchParams(p).toString() + ' ' + new URLSearchParams(new Map([['m', 'n']])).toString()",
			"a=z&b=2 a=z&b=2 m=n"},
		{"(() => { try { new URLSearchParams([['a']]); } catch (e) { return e.code + ' ' + e.message; } })()",
			"ERR_INVALID_TUPLE Each query pair must be an iterable [name, value] tuple"},
		{"const p = new URLSearchParams('z=1&a=2&z=0&a=1'); p.sort(); const out = []; p.forEach((v, k, o) => out.push(k + v + (o === p))); out.join() + ' ' + Object.prototype.toString.call(p.entries()) + ' ' + Object.prototype.toString.call(p)",
			"a2true,a1true,z1true,z0true [object URLSearchParams Iterator] [object URLSearchParams]"},
		{"new URLSearchParams('a=~!*()\\'-._&b=✓').toString()",
			"a=%7E%21*%28%29%27-._&b=%E2%9C%93"},
		{"const u = new URL('http://a.com/?x=1'); const sp = u.searchParams; u.href = 'http://b.com/?y=2'; sp.get('y') + ' ' + sp.get('x') + ' ' + (u.searchParams === sp)",
			"2 null true"},
		{"const url = require('url'); JSON.stringify(url.parse('http://user:pw@Host.COM:8080/p/a/t/h?query=string#hash'))",
			"{\"protocol\":\"http:\",\"slashes\":true,\"auth\":\"user:pw\",\"host\":\"host.com:8080\",\"port\":\"8080\",\"hostname\":\"host.com\",\"hash\":\"#hash\",\"search\":\"?query=string\",\"query\":\"query=string\",\"pathname\":\"/p/a/t/h\",\"path\":\"/p/a/t/h?query=string\",\"href\":\"http://user:pw@host.com:8080/p/a/t/h?query=string#hash\"}"},
		{"const url = require('url'); JSON.stringify(url.parse('http://a.com/a b?x=1 2#f g', true))",
			"{\"protocol\":\"http:\",\"slashes\":true,\"auth\":null,\"host\":\"a.com\",\"port\":null,\"hostname\":\"a.com\",\"hash\":\"#f%20g\",\"search\":\"?x=1%202\",\"query\":{\"x\":\"1 2\"},\"pathname\":\"/a%20b\",\"path\":\"/a%20b?x=1%202\",\"href\":\"http://a.com/a%20b?x=1%202#f%20g\"}"},
		{"const url = require('url'); [JSON.stringify(url.parse('/foo/bar?x=1')), JSON.stringify(url.parse('//foo/bar', false, true)), JSON.stringify(url.parse('mailto:a@b.com')), JSON.stringify(url.parse('HTTP://ex.com'))].join(' ')",
			"{\"protocol\":null,\"slashes\":null,\"auth\":null,\"host\":null,\"port\":null,\"hostname\":null,\"hash\":null,\"search\":\"?x=1\",\"query\":\"x=1\",\"pathname\":\"/foo/bar\",\"path\":\"/foo/bar?x=1\",\"href\":\"/foo/bar?x=1\"} {\"protocol\":null,\"slashes\":true,\"auth\":null,\"host\":\"foo\",\"port\":null,\"hostname\":\"foo\",\"hash\":null,\"search\":null,\"query\":null,\"pathname\":\"/bar\",\"path\":\"/bar\",\"href\":\"//foo/bar\"} {\"protocol\":\"mailto:\",\"slashes\":null,\"auth\":\"a\",\"host\":\"b.com\",\"port\":null,\"hostname\":\"b.com\",\"hash\":null,\"search\":null,\"query\":null,\"pathname\":null,\"path\":null,\"href\":\"mailto:a@b.com\"} {\"protocol\":\"http:\",\"slashes\":true,\"auth\":null,\"host\":\"ex.com\",\"port\":null,\"hostname\":\"ex.com\",\"hash\":null,\"search\":null,\"query\":null,\"pathname\":\"/\",\"path\":\"/\",\"href\":\"http://ex.com/\"}"},
		{"const url = require('url'); [url.format({ protocol: 'https', hostname: 'ex.com', pathname: '/a', query: { b: 1, c: [2, 3] } }), url.format(new URL('http://u:p@ex.com/#x'), { auth: false, fragment: false }), url.format('http://A.com/x?y#z'), url.resolve('/one/two/three', 'four'), url.resolve('http://example.com/', '/one'), url.resolve('http://example.com/one', '/two')].join(' ')",
			"https://ex.com/a?b=1&c=2&c=3 http://ex.com/ http://a.com/x?y#z /one/two/four http://example.com/one http://example.com/two"},
		{"const url = require('url'); [url.domainToASCII('español.com'), url.domainToASCII('xn--iñvalid.com'), url.domainToUnicode('xn--espaol-zwa.com'), url.fileURLToPath('file:///a/b%20c'), url.fileURLToPath(new URL('file:///x/%C3%A9')), url.pathToFileURL('/tmp/a b#?%.txt').href, url.pathToFileURL('/tmp/dir/').href].join(' ')",
			"xn--espaol-zwa.com  español.com /a/b c /x/é file:///tmp/a%20b%23%3F%25.txt file:///tmp/dir/"},
		{"const url = require('url'); ['http://x', 'file://host/x', 'file:///a%2fb'].map((s) => { try { url.fileURLToPath(s); } catch (e) { return e.code + ':' + e.message; } }).join(' | ')",
			"ERR_INVALID_URL_SCHEME:The URL must be of scheme file | ERR_INVALID_FILE_URL_HOST:File URL host must be \"localhost\" or empty on linux | ERR_INVALID_FILE_URL_PATH:File URL path must not include encoded / characters"},
		{"const url = require('url'); JSON.stringify(url.urlToHttpOptions(new URL('https://u:p@a.com:99/x?y#z')))",
			"{\"protocol\":\"https:\",\"hostname\":\"a.com\",\"hash\":\"#z\",\"search\":\"?y\",\"pathname\":\"/x\",\"path\":\"/x?y\",\"href\":\"https://u:p@a.com:99/x?y#z\",\"port\":99,\"auth\":\"u:p\"}"},
		{"typeof URL + typeof URLSearchParams + (URL === require('url').URL) + (require('node:url').URLSearchParams === URLSearchParams)",
			"functionfunctiontruetrue"},
		{"Object.keys(new URL('http://a')).length + ' ' + Object.keys(URL.prototype).join()",
			"0 toString,href,origin,protocol,username,password,host,hostname,port,pathname,search,searchParams,hash,toJSON"},
	}
	for _, tc := range tests {
		if got := run("{" + tc.src + "\n}").String(); got != tc.want {
			t.Errorf("%s\n got  %q\n want %q", tc.src, got, tc.want)
		}
	}
}

// The fast path of the URL parser must give exactly the full parser's record
// wherever it answers, and leave everything unusual to it.
func TestURLFastPathMatchesFullParser(t *testing.T) {
	_, run := newTestHost(t, Options{})
	v := run(`
		const url = require('url');
		const inputs = [
			'http://example.com', 'https://example.com/', 'http://EXAMPLE.com:80/a/b?c=d', 'https://a.b.c:443/x/',
			'http://127.0.0.1:3000/api/hello', 'http://localhost:8080/p?q=1&r=%20', 'https://h/a%2e/b', 'https://h/file.json',
			"http://h/it's?x='y'", 'http://h/a/./b', 'http://h/a/../b', 'http://h/%2E%2E/x', 'http://0x7f.1/', 'http://127.1/',
			'http://010.0.0.1/', 'http://xn--nxasmq6b.com/', 'http://h:99999/', 'http://h:0080/', 'HTTP://h/', 'http://h/#f',
			'http://u:p@h/', 'http://h/a b', 'http://h./', 'http://256.1.1.1/', 'https://h/?a=b?c/d', 'http://h//double',
		];
		const out = [];
		for (const s of inputs) {
			const fast = url._fastParse(s);
			if (fast === undefined) { out.push('full ' + s); continue; }
			const full = url._fullParse(s);
			const a = JSON.stringify(fast), b = JSON.stringify(full);
			out.push((a === b ? 'same ' : 'DIFF ' + a + ' vs ' + b + ' ') + s);
		}
		out.join('\n')`).String()
	if strings.Contains(v, "DIFF") {
		t.Fatalf("fast path differs:\n%s", v)
	}
	for _, want := range []string{"same http://127.0.0.1:3000/api/hello", "same http://EXAMPLE.com:80/a/b?c=d", "full http://h/a/./b",
		"full http://127.1/", "full http://xn--nxasmq6b.com/", "full http://h:99999/", "full http://u:p@h/", "full HTTP://h/"} {
		if !strings.Contains(v, want) {
			t.Errorf("lacks %q:\n%s", want, v)
		}
	}
}
