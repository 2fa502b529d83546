C = []
def g(prefix, exprs):
    for i, e in enumerate(exprs):
        C.append(('%s/%d' % (prefix, i), e))

g('encoder', ['[te.encoding, Array.from(te.encode("h\\u00e9\\ud800x")), Object.getPrototypeOf(te.encode("a")) === Uint8Array.prototype, te.encode("a") instanceof Buffer, te.encode().length, te.encode(undefined).length]',
  'Array.from(te.encode(123))', 'Array.from(te.encode(null))', 'Array.from(te.encode({toString() { return "\\u00e9"; }}))', 'Array.from(te.encode("\\ud83d\\ude00\\udc00\\ud83d"))',
  '(() => { let s = ""; for (let i = 0; i < 2000; i++) s += String.fromCharCode(i * 37 % 0xd000 + 1); return [te.encode(s).length, Buffer.from(te.encode(s)).equals(Buffer.from(s))]; })()',
  'te.encodeInto("abc", new Uint8Array(2))', 'te.encodeInto("\\u{1f600}a", new Uint8Array(3))', 'te.encodeInto("\\ud800a", new Uint8Array(4))', 'te.encodeInto("abc")', 'te.encodeInto("abc", new Uint16Array(4))', 'te.encodeInto(123, new Uint8Array(4))',
  'te.encodeInto("\\u00e9", Buffer.alloc(3))', 'te.encodeInto("h\\u00e9llo\\u{1f600}", new Uint8Array(4))', 'te.encodeInto("h\\u00e9llo\\u{1f600}", new Uint8Array(10))', 'te.encodeInto("", new Uint8Array(1))',
  '(() => { const u = new Uint8Array([1,2,3,4,5]); return [te.encodeInto("xy", u.subarray(2)), Array.from(u)]; })()',
  'String(te)', 'new TextEncoder("utf-16").encoding', 'Object.getOwnPropertyNames(TextEncoder.prototype)', 'Object.getOwnPropertyDescriptor(TextEncoder.prototype, "encoding").enumerable', 'Object.keys(TextEncoder.prototype)',
  'TextEncoder.prototype.encode.call({}, "a")', '[TextEncoder.length, TextEncoder.prototype.encode.length, TextEncoder.prototype.encodeInto.length]', 'util.inspect(te)',
  'typeof globalThis.TextEncoder'])
g('decoder', ['d.decode(123)', 'd.decode(null)', 'd.decode({})', 'd.decode("abc")', 'new TextDecoder("utf-8", 5).encoding', 'new TextDecoder("utf-8", null).encoding', 'new TextDecoder(undefined).encoding', 'new TextDecoder(null)', 'new TextDecoder("utf-8", {fatal: 1}).fatal',
  'd.decode(new Uint8Array([65]), 5)', 'd.decode(new Uint8Array([65]), null)', 'TextDecoder.prototype.decode.call({}, new Uint8Array(1))', 'Object.getOwnPropertyDescriptor(TextDecoder.prototype, "encoding").get.call({})',
  '[new TextDecoder("ascii").encoding, new TextDecoder(" UTF8 ").encoding, new TextDecoder("unicode-1-1-utf-8").encoding, new TextDecoder("utf-16").encoding, new TextDecoder("utf-16be").encoding, new TextDecoder("\\tLatin1\\n").encoding, new TextDecoder("UTF-16LE").encoding, new TextDecoder("unicodefffe").encoding, new TextDecoder("x-cp1252").encoding]',
  'new TextDecoder("foo")', 'new TextDecoder("utf-7")', 'new TextDecoder("")',
  '[d.fatal, d.ignoreBOM, Object.prototype.toString.call(d), Object.getOwnPropertyNames(TextDecoder.prototype), Object.keys(TextDecoder.prototype)]',
  '[TextDecoder.length, TextDecoder.prototype.decode.length]', 'util.inspect(new TextDecoder("utf-16le", {fatal: true}))', 'util.inspect(new TextDecoder())', 'typeof globalThis.TextDecoder'])
g('utf8', ['new TextDecoder("utf-8", {fatal: true}).decode(new Uint8Array([0xff]))', 'new TextDecoder("utf-8", {fatal: true}).decode(new Uint8Array([0xe2, 0x82]))', 'new TextDecoder("utf-8", {fatal: true}).decode(new Uint8Array([0xe2, 0x82, 0xac]))',
  '[new TextDecoder().decode(new Uint8Array([0xef,0xbb,0xbf,0x41])), new TextDecoder("utf-8", {ignoreBOM: true}).decode(new Uint8Array([0xef,0xbb,0xbf,0x41])), new TextDecoder().decode(new Uint8Array([0xef,0xbb,0xbf,0xef,0xbb,0xbf]))]',
  '(() => { const d = new TextDecoder(); return [d.decode(new Uint8Array([0xe2,0x82]), {stream: true}), d.decode(new Uint8Array([0xac])), d.decode(new Uint8Array([0xe2,0x82]), {stream: true}), d.decode()]; })()',
  '(() => { const d = new TextDecoder(); return [d.decode(new Uint8Array([0xef, 0xbb]), {stream: true}), d.decode(new Uint8Array([0xbf, 0x41]), {stream: true}), d.decode(new Uint8Array([0xef,0xbb,0xbf]))]; })()',
  '(() => { const d = new TextDecoder(); return [d.decode(new Uint8Array([0x41]), {stream: true}), d.decode(new Uint8Array([0xef,0xbb,0xbf]), {stream: true})]; })()',
  '(() => { const d = new TextDecoder(); const parts = []; const bytes = Buffer.from("h\\u00e9llo \\u20ac \\u{1f600}!"); for (const b of bytes) parts.push(d.decode(new Uint8Array([b]), {stream: true})); parts.push(d.decode()); return parts; })()',
  '(() => { const d = new TextDecoder(); return [d.decode(new Uint8Array([0xf0, 0x9f]), {stream: true}), d.decode(new Uint8Array([0x41]), {stream: true}), d.decode(new Uint8Array([0xf0]), {stream: true}), d.decode(new Uint8Array([0x9f, 0x98]), {stream: true}), d.decode(new Uint8Array([0x80]))]; })()',
  '(() => { const d = new TextDecoder(); return [d.decode(new Uint8Array([0xed]), {stream: true}), d.decode(new Uint8Array([0xa0, 0x80]))]; })()',
  '(() => { const d = new TextDecoder("utf-8", {fatal: true}); try { d.decode(new Uint8Array([0xe2]), {stream: true}); d.decode(new Uint8Array([0x41])); } catch (e) { return [e.code, e.name, d.decode(new Uint8Array([0x42]))]; } })()',
  '(() => { const d = new TextDecoder("utf-8", {fatal: true}); return [d.decode(new Uint8Array([0xe2]), {stream: true}), d.decode(new Uint8Array([0x82, 0xac]))]; })()',
  'Array.from(new TextDecoder().decode(new Uint8Array([0xf0,0x90,0x80,0xf0,0x41,0xc0,0x80,0xed,0xa0,0x80,0xf4,0x90,0x80,0x80,0xe0,0x80,0xff]))).map((c) => c.codePointAt(0).toString(16))',
  '[new TextDecoder().decode(new DataView(new Uint8Array([65,66,67]).buffer, 1)), new TextDecoder().decode(new Uint16Array([0x4241])), new TextDecoder().decode(new Uint8Array([65,66]).buffer), new TextDecoder().decode(undefined), new TextDecoder().decode(), new TextDecoder().decode(Buffer.from("h\\u00e9").subarray(1))]',
  'new TextDecoder().decode(new Float32Array([1]))'])
g('utf16', ['new TextDecoder("utf-16le").decode(new Uint8Array([0x41]))',
  '(() => { const d = new TextDecoder("utf-16le", {fatal: true}); return [d.decode(new Uint8Array([0x41]), {stream: true}), d.decode(new Uint8Array([0x00]))]; })()',
  'new TextDecoder("utf-16le", {fatal: true}).decode(new Uint8Array([0, 0xd8]))', 'new TextDecoder("utf-16le", {fatal: true}).decode(new Uint8Array([0x41]))',
  'new TextDecoder("utf-16be").decode(new Uint8Array([0xfe,0xff,0,0x41]))', 'new TextDecoder("utf-16be", {ignoreBOM: true}).decode(new Uint8Array([0xfe,0xff,0,0x41])).length',
  'new TextDecoder("utf-16le").decode(new Uint8Array([0xff,0xfe,0x41,0,0x00,0xd8,0x42,0]))',
  '(() => { const d = new TextDecoder("utf-16le"); return [d.decode(new Uint8Array([0x3d]), {stream: true}), d.decode(new Uint8Array([0xd8, 0x00]), {stream: true}), d.decode(new Uint8Array([0xde]))]; })()',
  '(() => { const d = new TextDecoder("utf-16le"); return [d.decode(new Uint8Array([0x3d, 0xd8]), {stream: true}), d.decode(new Uint8Array([0x41, 0x00]))]; })()',
  '(() => { const d = new TextDecoder("utf-16le"); return [d.decode(new Uint8Array([0x3d, 0xd8]), {stream: true}), d.decode()]; })()',
  'new TextDecoder("utf-16le").decode(new Uint8Array([0x00, 0xdc, 0x41, 0x00]))', 'new TextDecoder("utf-16le").decode(Buffer.from("h\\u00e9\\u{1f600}", "utf16le"))'])
g('latin1', ['(() => { const td = new TextDecoder("latin1"); return [td.encoding, [...td.decode(new Uint8Array([0x80,0x81,0x9f,0xe9,0x41]))].map((c) => c.charCodeAt(0).toString(16))]; })()',
  '[...new TextDecoder("windows-1252").decode(new Uint8Array([0x80,0x81,0x9f]))].map((c) => c.charCodeAt(0).toString(16))', 'new TextDecoder("latin1", {fatal: true}).decode(new Uint8Array([0xff, 0x41]))',
  '(() => { const d = new TextDecoder("ascii"); return [d.decode(new Uint8Array([0xe9]), {stream: true}), d.decode(new Uint8Array([0x41]))]; })()'])
g('util', ['require("util").TextEncoder === TextEncoder', 'require("util").TextDecoder === TextDecoder'])
PRELUDE = 'const util = require("util"); const te = new TextEncoder(); const d = new TextDecoder();'
