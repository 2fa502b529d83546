package compat

import "testing"

// TestQuerystringMatchesNode compares querystring parse/stringify/escape with Node's.
// Every expected value was printed by Node 20 for the same source.
func TestQuerystringMatchesNode(t *testing.T) {
	runMiscCases(t, []miscCase{
		{
			"const q=require('querystring'); JSON.stringify([q.unescape(\"é%\"), q.unescape(\"%E9%\"), q.unescape(\"a%zz%41\"), Array.from(q.unescapeBuffer(\"é%41+\")).join(\",\"), q.unescape(\"%F0%9F%98%80%\"), q.unescape(\"%C3%A9 %\", true), q.unescape(\"a+b%\"), q.unescape(\"a+b%\", true), q.unescape(\"%\"), q.unescape(\"%4\"), q.unescape(\"%ED%A0%80\")])",
			"[\"�%\",\"�%\",\"a%zzA\",\"233,65,43\",\"😀%\",\"é %\",\"a+b%\",\"a b%\",\"%\",\"%4\",\"���\"]",
		},
		{
			"const q=require('querystring'); const r = q.parse('a=1&b=2&a=3&c&d=&=e&f=g=h&&x+y=z+w&p=%20%2B&bad=%zz%&u=%C3%A9'); JSON.stringify([r, Object.getPrototypeOf(r) === null])",
			"[{\"a\":[\"1\",\"3\"],\"b\":\"2\",\"c\":\"\",\"d\":\"\",\"\":\"e\",\"f\":\"g=h\",\"x y\":\"z w\",\"p\":\" +\",\"bad\":\"%zz%\",\"u\":\"é\"},true]",
		},
		{
			"const q=require('querystring'); JSON.stringify([q.parse(''), q.parse('&'), q.parse('&&a'), q.parse('a&'), q.parse('='), q.parse('a=b', null, null), q.parse(5), q.parse('a:1;b:2', ';', ':'), q.parse('a=1&&b=2', '&&'), q.parse('a==1', '&', '=='), q.parse('a==1', '&', '==')])",
			"[{},{},{\"a\":\"\"},{\"a\":\"\"},{\"\":\"\"},{\"a\":\"b\"},{},{\"a\":\"1\",\"b\":\"2\"},{\"a\":\"1\",\"b\":\"2\"},{\"a\":\"1\"},{\"a\":\"1\"}]",
		},
		{
			"const q=require('querystring'); JSON.stringify([q.parse('a=1&b=2&c=3', null, null, { maxKeys: 2 }), q.parse('a=1&b=2&c=3', null, null, { maxKeys: 0 }), q.parse('a=%41', null, null, { decodeURIComponent: (s) => s.toLowerCase() }), q.parse('a=%41', null, null, { decodeURIComponent: () => { throw new Error('x'); } })])",
			"[{\"a\":\"1\",\"b\":\"2\"},{\"a\":\"1\",\"b\":\"2\",\"c\":\"3\"},{\"a\":\"%41\"},{\"a\":\"A\"}]",
		},
		{
			"const q=require('querystring'); JSON.stringify([q.stringify({ a: 1, b: [1, 2], c: '', d: null, e: undefined, f: true, g: NaN, h: 10n, i: {x:1}, j: [], 'k y': 'v&w=', l: 'é😀', m: Infinity, n: -0 })])",
			"[\"a=1&b=1&b=2&c=&d=&e=&f=true&g=&h=10&i=&k%20y=v%26w%3D&l=%C3%A9%F0%9F%98%80&m=&n=0\"]",
		},
		{
			"const q=require('querystring'); JSON.stringify([q.stringify({ a: 1, b: 2 }, ';', ':'), q.stringify({ a: 'x y' }, null, null, { encodeURIComponent: (s) => s.toUpperCase() }), q.stringify('str'), q.stringify(null), q.stringify([1, 2]), q.encode === q.stringify, q.decode === q.parse])",
			"[\"a:1;b:2\",\"A=X Y\",\"\",\"\",\"0=1&1=2\",true,true]",
		},
		{
			"const q=require('querystring'); JSON.stringify([q.escape(\"a b&c/d?e=f~!'()*-._\"), q.escape(5), q.escape({ toString() { return 'o k'; } }), q.escape('ü€😀'), q.escape([1,2])])",
			"[\"a%20b%26c%2Fd%3Fe%3Df~!'()*-._\",\"5\",\"o%20k\",\"%C3%BC%E2%82%AC%F0%9F%98%80\",\"1%2C2\"]",
		},
		{
			"try { require('querystring').escape('\\ud800') } catch (e) { e.name + ' ' + e.code + ' ' + e.message }",
			"URIError ERR_INVALID_URI URI malformed",
		},
		{
			"try { require('querystring').stringify({ a: '\\udc00' }) } catch (e) { e.name + ' ' + e.code + ' ' + e.message }",
			"URIError ERR_INVALID_URI URI malformed",
		},
		{
			"const q=require('querystring'); const r = q.parse('__proto__=1&constructor=2&toString=3'); JSON.stringify([r.__proto__, r.constructor, r.toString, Object.keys(r)])",
			"[\"1\",\"2\",\"3\",[\"__proto__\",\"constructor\",\"toString\"]]",
		},
		{
			"const q=require('querystring'); JSON.stringify([q.parse('a[]=1&a[]=2&b[x]=3'), q.parse('a=%41%42&b=%e2%82%ac')])",
			"[{\"a[]\":[\"1\",\"2\"],\"b[x]\":\"3\"},{\"a\":\"AB\",\"b\":\"€\"}]",
		},
	})
}
