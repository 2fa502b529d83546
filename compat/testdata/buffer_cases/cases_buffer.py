C = []
def g(prefix, exprs):
    for i, e in enumerate(exprs):
        C.append(('%s/%d' % (prefix, i), e))

# ---- encodings: from(string, enc) -> hex, byteLength, and back
encs = ["utf8","utf-8","UTF8","ucs2","ucs-2","utf16le","utf-16le","UTF-16LE","latin1","binary","ascii","hex","base64","base64url","BASE64"]
strs = ["", "f", "fo", "foo", "foob", "fooba", "foobar", "h\\u00e9llo", "\\u20ac\\u{1f600}", "\\ud800", "a\\udc00b", "\\ud83d", "\\ud83d\\ude00\\ud83d", "\\u00ff\\u0100\\uffff", "\\ufeffbom",
        "Zm9vYmFy", "Zm9vYg==", "Zg", "Z", "YQ==YQ==", "Y Q = =", "Y*Q", "-_-_", "+/+/", "Zm9\\nvYg", "Zg===", "Zm9vYg=Zm9v", "=Zm9v", "Zm9v====", "YR==", "Zm9vYmE",
        "abc", "zz12", "12zz34", "1", "ABCD", "0g12", "12 34", "ab\\u0131\\u0132\\u20ac", "\\u0100\\u0141\\u0142\\u0143", "Zm9v\\u00e9YmFy", "Zm9v\\u0141YmFy", "\\u00e9\\u0100\\u20ac"]
for e in encs:
    for i, s in enumerate(strs):
        C.append(('encode/%s/%d' % (e, i), '(() => { const b = Buffer.from("%s", "%s"); return [b.toString("hex"), Buffer.byteLength("%s", "%s"), b.toString("%s")]; })()' % (s, e, s, e, e)))

bytes_ = ["[]", "[0]", "[0x41,0x42]", "[0xe2,0x82,0xac]", "[0xe2,0x82]", "[0xe2,0x82,0x41]", "[0xf0,0x90,0x80,0xf0,0x41,0xc0,0x80,0xed,0xa0,0x80]", "[0xff,0xfe,0xfd]", "[0xf4,0x90,0x80,0x80]", "[0xf0,0x9f,0x98,0x80]", "[0xef,0xbb,0xbf,0x41]", "[0x80,0x80]", "[0xe0,0x80,0x80]", "[0xe0,0xa0,0x80]", "[0xf8,0x88,0x80,0x80,0x80]", "[0xc2]", "[0x41,0xc2]", "[0x00,0xd8,0x41,0x00]", "[0x3d,0xd8,0x00,0xde]", "[0x61,0x00,0x62]", "[0x7f,0x80,0xff]", "[0xf1,0x80,0x80,0xe1,0x80,0xc2,0x61]", "[0xed,0x9f,0xbf,0xee,0x80,0x80]"]
for e in ["utf8","ucs2","latin1","ascii","hex","base64","base64url"]:
    for i, b in enumerate(bytes_):
        C.append(('decode/%s/%d' % (e, i), 'Array.from(Buffer.from(%s).toString("%s")).map((c) => c.codePointAt(0).toString(16)).join(" ")' % (b, e)))

g('rfc4648', ['["", "f", "fo", "foo", "foob", "fooba", "foobar"].map((s) => [Buffer.from(s).toString("base64"), Buffer.from(s).toString("base64url"), Buffer.from(s).toString("hex").toUpperCase(), btoa(s), atob(btoa(s))])',
  '["", "Zg==", "Zm8=", "Zm9v", "Zm9vYg==", "Zm9vYmE=", "Zm9vYmFy"].map((s) => Buffer.from(s, "base64").toString())',
  '["", "66", "666F", "666F6F", "666F6F62", "666F6F6261", "666F6F626172"].map((s) => Buffer.from(s, "hex").toString())'])
g('roundtrip', [
  '(() => { const s = "\\ud800x\\udfff"; const b = Buffer.from(s, "ucs2"); return [b.toString("ucs2") === s, Buffer.from(s).toString("hex")]; })()',
  '(() => { let s = ""; for (let i = 0; i < 256; i++) s += String.fromCharCode(i); const b = Buffer.from(s, "latin1"); return [b.length, b.toString("latin1") === s, b.toString("binary") === s, Buffer.from(s).length]; })()',
  '(() => { let s = ""; for (let i = 0; i < 3000; i++) s += String.fromCharCode((i * 7919) % 0xd7ff + 1); const b = Buffer.from(s); return [b.length, b.toString() === s, Buffer.byteLength(s), Buffer.from(s, "ucs2").toString("ucs2") === s]; })()',
  '(() => { const x = Buffer.alloc(300); for (let i = 0; i < 300; i++) x[i] = i * 31; return [x.toString("base64"), Buffer.from(x.toString("base64"), "base64").equals(x), Buffer.from(x.toString("base64url"), "base64url").equals(x), Buffer.from(x.toString("hex"), "hex").equals(x)]; })()',
  '(() => { const s = "x".repeat(40) + "\\u00e9"; return [Buffer.from(s).length, Buffer.from(s).toString() === s]; })()',
  '(() => { const s = "\\ufeffabc"; return [Buffer.from(s).toString() === s, Buffer.from([0xef,0xbb,0xbf,0x61]).toString().length]; })()',
])
g('atob', ['atob("Zm9v")', 'atob(" Zm 9v\\n")', 'atob("Zg")', 'atob("Zg==")', 'atob("Zg=")', 'atob("Z")', 'atob("Zm9v*")', 'atob("Zg===")', 'atob("Z=g=")', 'atob("-_")', 'atob("/+8=")', 'atob()', 'atob(null)', 'atob(undefined)', 'atob(12)', 'atob("\\u00ff")', 'atob("Zh==")', 'atob("Zm9vYg\\v==")', 'atob("\\u20ac")',
  '(() => { try { atob("*"); } catch (e) { return [e.name, e.code, e.message, e instanceof Error]; } })()',
  'm.atob === atob'])
g('btoa', ['btoa("foo")', 'btoa("\\u00ff\\u00fe")', 'btoa(null)', 'btoa(12)', 'btoa("")', 'btoa("\\u0100")', 'btoa()', 'm.btoa === btoa'])

# ---- construction
g('from', ['Buffer.from("x", "foo")', 'Buffer.from(123)', 'Buffer.from(null)', 'Buffer.from()', 'Buffer.from({})', 'Buffer.from(Symbol("s"))',
  'Buffer.from("abc", null).toString()', 'Buffer.from("abc", "").toString()', 'Buffer.from("abc", 5).toString()', 'Buffer.from("abc", undefined).toString()', 'Buffer.from("", "nope").length',
  'Buffer.from({type:"Buffer", data:[1,2,3]})', 'Buffer.from({length:2, 0:5, 1:300})', 'Buffer.from(new Uint16Array([0x102, 0x304]))', 'Buffer.from(new Uint16Array([0x102, 0x304]).buffer)',
  'Buffer.from(new ArrayBuffer(8), 2, 3).length', 'Buffer.from(new ArrayBuffer(8), 9)', 'Buffer.from(new ArrayBuffer(8), 2, 7)', 'Buffer.from(new ArrayBuffer(8), "2", "3").length', 'Buffer.from(new ArrayBuffer(8), 8).length', 'Buffer.from(new ArrayBuffer(8), 2, -1).length', 'Buffer.from(new ArrayBuffer(8), NaN).length',
  '(() => { const ab = new ArrayBuffer(4); const b = Buffer.from(ab, 1, 2); b[0] = 9; return [new Uint8Array(ab)[1], b.byteOffset, b.buffer === ab]; })()',
  'Buffer.from(new String("abc"))', 'Buffer.from({valueOf() { return "xy"; }})', 'Buffer.from({[Symbol.toPrimitive]() { return "zz"; }})', 'Buffer.from([1.5, -1, "3", "x"])',
  '(() => { const x = Buffer.from("abc"); const y = Buffer.from(x); y[0] = 0; return [x.toString(), y.length]; })()', 'Buffer.from({length: -1})', 'Buffer.from({length: "2"})', 'Buffer.from(new Float64Array([1.7, 300]))',
  'Buffer.from(new Uint8Array([1, 2, 3]).subarray(1))', 'Buffer.from({type: "Buffer", data: "ab"})'])
g('alloc', ['Buffer.alloc(-1)', 'Buffer.alloc(1.5)', 'Buffer.alloc(NaN)', 'Buffer.alloc(2**32+1)', 'Buffer.alloc("3")', 'Buffer.allocUnsafe(-1)', 'Buffer.allocUnsafeSlow("1")',
  'Buffer.alloc(3)', 'Buffer(3).length', 'new Buffer("ab").toString()', 'Buffer("ab", "hex")', 'Buffer(3, "utf8")', 'Buffer.allocUnsafe(3).length', 'Buffer.allocUnsafeSlow(2).length', 'm.SlowBuffer(3).length',
  'Buffer.alloc(4, "ab")', 'Buffer.alloc(4, "YWJj", "base64")', 'Buffer.alloc(4, 257)', 'Buffer.alloc(4, "", "utf8")', 'Buffer.alloc(4, "zz", "hex")', 'Buffer.alloc(2, "a", "nope")',
  'Buffer.alloc(2, "a", "")', 'Buffer.alloc(2, "a", 5)', 'Buffer.alloc(2, 0, "nope")', 'Buffer.alloc(2, 5, "nope")', 'Buffer.alloc(0, "a", "nope")', 'Buffer.alloc(2, {})', 'Buffer.alloc(2, null)', 'Buffer.alloc(3, "a", null).toString()',
  'Buffer.of(1, 2, 300)', 'Buffer.copyBytesFrom(new Uint16Array([0x102, 0x304, 0x506]), 1, 1)', 'Buffer.copyBytesFrom(new Uint16Array([0x102, 0x304]))', 'Buffer.copyBytesFrom([1])', 'Buffer.copyBytesFrom(new Uint8Array([1, 2]), 5)'])
g('concat', ['Buffer.concat([Buffer.from("ab"), new Uint8Array([99,100]), Buffer.from("e")]).toString()', 'Buffer.concat([Buffer.from("ab"), Buffer.from("cd")], 3).toString()', 'Buffer.concat([Buffer.from("ab")], 5)', 'Buffer.concat([])', 'Buffer.concat([1])', 'Buffer.concat("x")', 'Buffer.concat([Buffer.from("a")], -1)', 'Buffer.concat([Buffer.from("a")], 1.5)', 'Buffer.concat([Buffer.from("ab")]) instanceof Buffer',
  '(() => { const a = Buffer.from("ab"); const c = Buffer.concat([a]); c[0] = 0; return a.toString(); })()'])
g('statics', ['[Buffer.isBuffer(Buffer.alloc(1)), Buffer.isBuffer(new Uint8Array(1)), Buffer.isBuffer("x"), Buffer.isBuffer(null)]',
  '[Buffer.isEncoding("UTF-8"), Buffer.isEncoding("binary"), Buffer.isEncoding("utf16le"), Buffer.isEncoding("x"), Buffer.isEncoding(""), Buffer.isEncoding(1), Buffer.isEncoding("Base64URL"), Buffer.isEncoding("utf-16le"), Buffer.isEncoding("ucs-2"), Buffer.isEncoding("latin-1"), Buffer.isEncoding("ASCII"), Buffer.isEncoding("hex")]',
  '[Buffer.byteLength("h\\u00e9\\ud800"), Buffer.byteLength(new ArrayBuffer(5)), Buffer.byteLength(new Uint16Array(3)), Buffer.byteLength("abc", "ucs2"), Buffer.byteLength("abc", "nope"), Buffer.byteLength("\\u00e9", "latin1"), Buffer.byteLength("abc", "ascii"), Buffer.byteLength(new DataView(new ArrayBuffer(3))), Buffer.byteLength("abc", null), Buffer.byteLength("\\u{1f600}")]',
  'Buffer.byteLength(5)', 'Buffer.compare(Buffer.from("a"), "x")', '[Buffer.compare(Buffer.from("a"), Buffer.from("b")), Buffer.compare(Buffer.from("b"), Buffer.from("a")), Buffer.compare(Buffer.from("ab"), Buffer.from("ab")), Buffer.compare(Buffer.from("ab"), Buffer.from("a"))]',
  'Object.keys(m)', '[m.kMaxLength, m.constants, m.INSPECT_MAX_BYTES, m.kStringMaxLength, m.Buffer === Buffer, require("node:buffer") === m]',
  '[Object.getPrototypeOf(Buffer) === Uint8Array, Buffer.poolSize, Buffer.from("a") instanceof Buffer, Buffer.from("a") instanceof Uint8Array, Object.getPrototypeOf(Buffer.prototype) === Uint8Array.prototype, Buffer.prototype.constructor === Buffer, Buffer[Symbol.species] === Buffer]',
  '[Buffer.name, Buffer.length, Buffer.from.length, Buffer.alloc.length, Buffer.concat.length]',
  '[m.isUtf8(Buffer.from([0xe2,0x82,0xac])), m.isUtf8(Buffer.from([0xe2,0x82])), m.isAscii(Buffer.from("abc")), m.isAscii(Buffer.from([0x80])), m.isUtf8(new ArrayBuffer(2)), m.isUtf8(Buffer.from([0xed,0xa0,0x80])), m.isUtf8(Buffer.from([0xc0,0x80])), m.isUtf8(new Uint16Array([0x41]))]',
  'm.isUtf8("x")', 'm.isAscii(null)',
  '[m.transcode(Buffer.from("h\\u00e9\\u20ac"), "utf8", "latin1"), m.transcode(Buffer.from("h\\u00e9"), "utf8", "ucs2"), m.transcode(Buffer.from("h\\u00e9", "latin1"), "latin1", "utf8"), m.transcode(Buffer.from("h\\u20ac"), "utf8", "ascii"), m.transcode(Buffer.from("h\\u00e9", "ucs2"), "ucs2", "utf8")].map((x) => x.toString("hex"))',
  'm.transcode(Buffer.from("x"), "utf8", "hex")', 'm.transcode("x", "utf8", "latin1")',
  '[typeof m.Blob, typeof m.File, m.resolveObjectURL("blob:nodedata:x")]'])

# ---- instance methods
P = 'const hw = () => Buffer.from("hello world"); const tb = () => Buffer.from("this is a buffer");'
g('toString', ['[hw().toString("utf8",6), hw().toString("utf8",-3,2), hw().toString("utf8",6,100), hw().toString("utf8",8,6), hw().toString(undefined,1,3), hw().toString("hex",1.5,3.7), hw().toString("utf8","2","4"), hw().toString("utf8",NaN,NaN), hw().toString("utf8",1,NaN), hw().toString("UTF8"), hw().toString("Hex"), hw().toString("utf8", null, null), hw().toString("utf8", {}, 3), hw().toString("utf8", Infinity), hw().toString("utf8", 0, Infinity), hw().toString("latin1",1,-Infinity), hw().toString("utf8", "x", "5"), hw().toString("utf8", -Infinity, 3), hw().toString("utf8", 2**40)]',
  'hw().toString("utf8", 1n)', 'hw().toString("nope")', 'hw().toString("")', 'hw().toString(5)', 'hw().toString(null, 20)', 'Buffer.alloc(0).toString("nope")', 'hw().toString("nope", 20)', 'hw().toString(false)', 'hw().toString(null)', 'Buffer.from("abc").toString(undefined)', 'Buffer.alloc(3).toLocaleString === Buffer.prototype.toString',
  '[hw().utf8Slice(1, 3), hw().hexSlice(0, 2), hw().latin1Slice(), hw().base64Slice(0, 3), hw().ucs2Slice(0, 4), hw().asciiSlice(9)]',
  '(() => { const b = Buffer.alloc(4); return [b.utf8Write("h\\u00e9!"), b.hexWrite("ff", 3), Array.from(b)]; })()'])
g('write', ['(() => { const b = Buffer.alloc(5); return [b.write("ab\\u20ac"), Array.from(b), b.write("\\u20ac\\u20ac", 1), Array.from(b)]; })()',
  '(() => { const c = Buffer.alloc(5); return [c.write("abcdef", 1, "latin1"), Array.from(c), c.write("abcd", 1, 2), Array.from(c), c.write("Zm9vYmFy", "base64"), Array.from(c), c.write("1234567", "ucs2"), Array.from(c), c.write("aabbzz", "hex"), Array.from(c)]; })()',
  'Buffer.alloc(5).write("x", 6)', 'Buffer.alloc(5).write("x", 1, 10)', '[Buffer.alloc(5).write("x", 5), Buffer.alloc(5).write("x", 1, 0)]', 'Buffer.alloc(5).write("x", -1)', 'Buffer.alloc(5).write("x", "utf8", 1)', 'Buffer.alloc(5).write(1)', 'Buffer.alloc(5).write("x", 1.5)', 'Buffer.alloc(5).write("x", 0, 2, "bogus")', '[Buffer.alloc(5).write("xyz", undefined, "latin1"), Buffer.alloc(5).write("q", 0, undefined, "utf8")]',
  'Buffer.alloc(3).write("a", null)', 'Buffer.alloc(3).write("a", 0, 3, null)',
  '(() => { const x = Buffer.alloc(4); return [x.write("\\ud83d\\ude00"), x.write("a\\ud83d\\ude00"), x.write("\\ud800\\ud800"), Array.from(x), x.write("\\u00e9", 3)]; })()',
  '(() => { const x = Buffer.alloc(3); return [x.write("\\u00e9\\u00e9", "ucs2"), Array.from(x), x.write("zz", "hex"), x.write("abc", "hex"), x.write("a", "base64"), x.write("YWJjZA", "base64url"), Array.from(x), x.write("\\u20ac", "ascii"), Array.from(x)]; })()'])
g('fill', ['Buffer.alloc(5).fill("ab")', 'Buffer.alloc(5).fill("\\u20ac")', 'Buffer.alloc(5).fill(0x101)', 'Buffer.alloc(5).fill(-1)', 'Buffer.alloc(5).fill("aabbz","hex")', 'Buffer.alloc(5).fill("zz","hex")',
  'Buffer.alloc(5).fill("")', 'Buffer.alloc(5).fill("a",1,3)', 'Buffer.alloc(5).fill("a",1,"latin1")', 'Buffer.alloc(5).fill("ab", "latin1")', 'Buffer.alloc(5).fill(Buffer.from([1,2]),1)',
  'Buffer.alloc(5).fill(Buffer.alloc(0))', 'Buffer.alloc(5).fill("a",-1)', 'Buffer.alloc(5).fill("a",0,6)', 'Buffer.alloc(5).fill("a",3,1)', 'Buffer.alloc(5).fill(true)', 'Buffer.alloc(5).fill(1.7)', 'Buffer.alloc(5).fill(new Uint16Array([0x102]))',
  'Buffer.alloc(5).fill("a", 0, 5, "nope")', 'Buffer.alloc(5).fill("a", "x")', 'Buffer.alloc(5).fill("a", 1.5)', 'Buffer.alloc(2).fill("a", 0, 2, 5)', 'Buffer.alloc(2).fill("a", 0, 2, "")', 'Buffer.alloc(2).fill("a", 0, 2, "ucs2")', 'Buffer.alloc(3).fill("\\u0101", "latin1")', 'Buffer.alloc(4).fill("\\u0101", "ucs2")',
  'Buffer.alloc(2).fill(5, 0, 2, "nope")', 'Buffer.alloc(2).fill(null)', 'Buffer.alloc(2).fill(undefined)', 'Buffer.alloc(2).fill(5n)', 'Buffer.alloc(2).fill(Symbol())', 'Buffer.alloc(2).fill([1,2])', 'Buffer.alloc(3).fill("a", null)',
  'Buffer.alloc(3).fill("abc", 1, 3, "ucs2")', 'Buffer.alloc(3).fill(Buffer.from("ab"), 1, 3)', 'Buffer.alloc(3).fill(Buffer.from("ab"), 1, 2)', 'Buffer.alloc(3).fill("a", 1, 1)', 'Buffer.alloc(3).fill("a", 1, "x")', 'Buffer.alloc(3).fill("a", 1, 2, "x")',
  'Buffer.alloc(3).fill(300, 1)', 'Buffer.alloc(3).fill(-129.5, 1)', 'Buffer.alloc(3).fill(2.9)', 'Buffer.alloc(3).fill(NaN)', 'Buffer.alloc(3).fill("\\u00e9", "ascii")', 'Buffer.alloc(5).fill("\\u00e9")', 'Buffer.alloc(3).fill("ab", 1)', 'Buffer.alloc(3).fill("ab", 1.5)',
  'Buffer.alloc(3).fill("a", 0, 2**40)', 'Buffer.alloc(3).fill("a", 2**40)', 'Buffer.alloc(3).fill("a", 5)', 'Buffer.alloc(7).fill(new Uint8Array([1,2,3]))', '(() => { const b = Buffer.alloc(2); return b.fill(1) === b; })()'])
g('indexOf', ['[tb().indexOf("is"), tb().indexOf("is", 3), tb().indexOf("is", -13), tb().indexOf(Buffer.from("a buffer")), tb().indexOf(97), tb().indexOf(97+256), tb().indexOf("xx"), tb().indexOf(""), tb().indexOf("", 20), tb().indexOf("", 5), tb().lastIndexOf("is"), tb().lastIndexOf("is", 4), tb().lastIndexOf(""), tb().lastIndexOf("", 3), tb().includes("buf"), tb().indexOf("is", "utf8"), tb().indexOf("b"), tb().indexOf("is", NaN), tb().lastIndexOf("is", NaN), tb().indexOf("is", {}), tb().indexOf("is", null), tb().lastIndexOf("is", null), tb().indexOf("is", 2.5), tb().lastIndexOf("s", -5), tb().indexOf("is", -100), tb().lastIndexOf("is", -100)]',
  'tb().indexOf({})', 'tb().indexOf("6973","hex")', 'tb().indexOf("is","nope")', 'tb().indexOf(new Uint8Array([105,115]))', 'tb().indexOf(true)', 'tb().indexOf(null)', 'tb().includes(105, 2)', 'tb().indexOf("aGlz", "base64")',
  '(() => { const u = Buffer.from("abcabc", "ucs2"); return [u.indexOf("b", "ucs2"), u.indexOf(Buffer.from([0x62,0,0x63])), u.lastIndexOf("b", "ucs2"), u.indexOf("\\u6200", "ucs2"), u.indexOf("b", 3, "ucs2"), Buffer.from([0x61,0x62,0,0x63,0]).indexOf("b", "ucs2"), u.lastIndexOf("b", 5, "ucs2"), u.lastIndexOf("b", 1, "ucs2"), u.indexOf(Buffer.from([0x63]), 0, "ucs2")]; })()',
  '[tb().indexOf(97.5), tb().indexOf(-159), Buffer.from([0,1]).indexOf(""), Buffer.alloc(0).indexOf(""), Buffer.alloc(0).lastIndexOf(""), Buffer.from("abc").lastIndexOf("c", 1), Buffer.from("abc").lastIndexOf("", 10), Buffer.from("abc").indexOf("", -1)]',
  '[tb().indexOf("is", "latin1"), tb().indexOf("is", undefined, "latin1"), tb().lastIndexOf(Buffer.alloc(0)), tb().indexOf(Buffer.alloc(0), 3), tb().indexOf(Buffer.alloc(0), 30), tb().lastIndexOf("r", 100), tb().indexOf("r", 15), tb().indexOf("r", 16)]',
  '[Buffer.from("ab\\u00e9").indexOf("\\u00e9"), Buffer.from("ab\\u00e9", "latin1").indexOf("\\u00e9", "latin1"), Buffer.from("ab\\u00e9", "latin1").indexOf("\\u00e9"), Buffer.from("abc").indexOf("c", 5), Buffer.from("abc").lastIndexOf("a", -5)]',
  'tb().indexOf(Buffer.from("is"), 0, "nope")', 'tb().indexOf("is", 0, null)', '[tb().indexOf("is", 2**40), tb().lastIndexOf("is", 2**40), tb().indexOf("is", -(2**40)), tb().lastIndexOf("is", Infinity), tb().indexOf("is", -Infinity)]',
  '(() => { const big = Buffer.alloc(5000, "abcdefgh"); big.write("needle", 4321); return [big.indexOf("needle"), big.lastIndexOf("abc"), big.includes("needle", 4322)]; })()'])
g('compare', ['(() => { const a = Buffer.from("abcdef"), b = Buffer.from("abd"); return [a.compare(b), b.compare(a), a.compare(a), a.compare(b,0,2), a.compare(b,0,3,0,3), a.compare(b,0,2,0,2), a.equals(Buffer.from("abcdef")), a.equals(new Uint8Array([97])), a.compare(b,0,3,2,1), a.compare(b,5,2), a.compare(b, 1, 2, 1, 2)]; })()',
  'Buffer.from("a").compare("x")', 'Buffer.from("a").equals("x")', 'Buffer.from("abcdef").compare(Buffer.from("abd"), -1)', 'Buffer.from("abcdef").compare(Buffer.from("abd"), 0, 4)', 'Buffer.from("abcdef").compare(Buffer.from("abd"), 0, 3, 0, 7)', 'Buffer.from("abcdef").compare(Buffer.from("abd"), "1")', 'Buffer.from("abcdef").compare(Buffer.from("abd"), 1.5)',
  'Buffer.from("abc").equals(Buffer.from("abc").buffer)', '[Buffer.alloc(0).equals(Buffer.alloc(0)), Buffer.from("ab").equals(Buffer.from("abc"))]'])
g('copy', ['(() => { const a = Buffer.from("abcdef"), c = Buffer.alloc(6); return [a.copy(c), c.toString(), a.copy(c, 2, 1, 3), c.toString(), a.copy(c, 4), c.toString(), a.copy(c, 6), a.copy(c,0,6), a.copy(c,0,3,1), a.copy(c, 0, 0, 100), a.copy(new Uint8Array(2))]; })()',
  'Buffer.from("ab").copy(Buffer.alloc(2), -1)', 'Buffer.from("ab").copy(Buffer.alloc(2), 0, -1)', 'Buffer.from("ab").copy(Buffer.alloc(2), 0, 0, -1)', 'Buffer.from("ab").copy(Buffer.alloc(2), 10)', 'Buffer.from("ab").copy(Buffer.alloc(2), 0, 10)', 'Buffer.from("ab").copy("x")',
  '(() => { const c = Buffer.alloc(6); return [Buffer.from("abcdef").copy(c, "1"), Buffer.from("abcdef").copy(c, 1.5), Buffer.from("abcdef").copy(c, undefined, 1), c.toString()]; })()',
  '(() => { const d = Buffer.from("abcdef"); return [d.copy(d, 1, 0, 4), d.toString(), d.copy(d, 0, 2), d.toString()]; })()'])
g('slice', ['(() => { const b = hw(); const s = b.slice(1, 3); s[0] = 65; return [b.toString(), s.toString(), s instanceof Buffer, b.slice(-5).toString(), b.slice(5, 2).length, b.slice("1", "3").toString(), b.slice(1.5, 3.5).toString(), b.subarray(-3, -1).toString(), b.slice(undefined, 2).toString(), b.slice(NaN, 2).toString(), b.slice(0, NaN).toString()]; })()',
  '[Buffer.from("abc").subarray().constructor === Buffer, Buffer.from("abcdef").subarray(-100, "3").toString(), Buffer.from("abc").subarray(1.5).toString()]',
  '[Buffer.from("ab").map((x) => x + 1) instanceof Buffer, Buffer.from("abc").filter((x) => x > 97).toString(), Buffer.from("abc").reverse().toString(), Array.from(Buffer.from("ab").entries()), Uint8Array.prototype.slice.call(Buffer.from("abc"), 1).toString()]',
  '(() => { const b = Buffer.from("abcdef"); const s = b.subarray(2, 4); return [s.byteOffset - b.byteOffset, s.buffer === b.buffer, s.parent === b.buffer, s.offset - b.offset]; })()'])
g('swap', ['[Buffer.from([1,2,3,4]).swap16(), Buffer.from([1,2,3,4]).swap32(), Buffer.from([1,2,3,4,5,6,7,8]).swap64()].map((x) => Array.from(x))', 'Buffer.from([1,2,3]).swap16()', 'Buffer.from([1,2]).swap32()', 'Buffer.from([1,2]).swap64()', '(() => { const b = Buffer.from([1,2,3,4,5,6]).subarray(2); b.swap16(); return Array.from(b); })()'])
g('json', ['Buffer.from("abcdef").toJSON()', 'JSON.stringify({x: Buffer.from([1,2])})', 'Buffer.alloc(0).toJSON()', 'Buffer.from(JSON.parse(JSON.stringify(Buffer.from("hi")))).toString()'])
g('inspect', ['[util.inspect(Buffer.from("ab")), util.inspect(Buffer.alloc(60)), util.inspect(Buffer.alloc(51)), util.inspect(Buffer.alloc(0)), util.inspect({b: Buffer.from("x")})]',
  '(() => { const x = Buffer.from("ab"); x.foo = 1; return [util.inspect(x), Object.keys(Buffer.from("ab"))]; })()'])
g('proto', ['[typeof Buffer.from("x").readUInt8, Buffer.prototype.readUint8 === Buffer.prototype.readUInt8, Buffer.prototype.readBigUint64LE === Buffer.prototype.readBigUInt64LE, Buffer.prototype.writeUintBE === Buffer.prototype.writeUIntBE]',
  '[Buffer.prototype.subarray.length, Buffer.prototype.slice.length, Buffer.prototype.toString.length, Buffer.prototype.write.length, Buffer.prototype.fill.length, Buffer.prototype.indexOf.length, Buffer.prototype.copy.length, Buffer.prototype.compare.length, Buffer.prototype.readUInt8.length, Buffer.prototype.writeUInt8.length, Buffer.prototype.readIntLE.length, Buffer.prototype.writeIntLE.length]',
  'Object.getOwnPropertyNames(Buffer.prototype).filter((n) => /^(read|write)/.test(n)).sort()',
  'Object.getOwnPropertyNames(Buffer.prototype).filter((n) => !/^(read|write)/.test(n)).sort()',
  'Object.getOwnPropertyNames(Buffer).sort()'])

# ---- numbers
g('read', ['Buffer.alloc(4).readUInt16LE(3)', 'Buffer.alloc(4).readUInt16LE(4)', 'Buffer.alloc(4).readUInt16LE(-1)', 'Buffer.alloc(4).readUInt16LE(1.5)', 'Buffer.alloc(4).readUInt16LE("1")', 'Buffer.alloc(4).readUInt16LE()',
  'Buffer.alloc(1).readUInt16LE(0)', 'Buffer.alloc(0).readUInt8(0)', 'Buffer.alloc(4).readIntBE(0,7)', 'Buffer.alloc(4).readIntBE(0)', 'Buffer.alloc(4).readIntBE(1,4)', 'Buffer.alloc(4).readUIntLE(0, 0)', 'Buffer.alloc(4).readUIntLE()', 'Buffer.alloc(4).readUIntLE(0, 2.5)',
  'Buffer.alloc(8).readUInt8(2**40)', 'Buffer.alloc(8).readUInt8(NaN)', 'Buffer.alloc(8).readUInt8(Infinity)', 'Buffer.alloc(8).readDoubleLE(1)', 'Buffer.alloc(8).readBigInt64LE(1)',
  '(() => { const x = Buffer.from([0xff,0xff,0xff,0xff,0xff,0xff,0xff,0x7f]); return [x.readBigInt64LE(), x.readBigUInt64BE(), x.readIntLE(0,6), x.readIntBE(2,6), x.readInt32LE(4), x.readDoubleLE(), x.readFloatBE(4), x.readInt8(7), x.readInt8(0), x.readInt16BE(0), x.readUInt16BE(6)]; })()',
  '[Buffer.from([0x7f,0xc0,0,0]).readFloatBE(), Buffer.from([0,0,0xc0,0x7f]).readFloatLE(), Buffer.from([0,0,0,0,0,0,0xf0,0x7f]).readDoubleLE(), Buffer.from([0,0,0,0,0,0,0,0x80]).readDoubleLE()]'])
g('write', ['Buffer.alloc(4).writeUInt8(256)', 'Buffer.alloc(4).writeUInt8(-1)', 'Buffer.alloc(4).writeInt8(128)', 'Buffer.alloc(4).writeUInt16LE(1.5)', 'Buffer.alloc(4).writeUInt8(1,4)', 'Buffer.alloc(4).writeUInt32LE(2**32)',
  'Buffer.alloc(4).writeIntBE(2**23, 0, 3)', 'Buffer.alloc(8).writeUIntBE(2**48,0,6)', 'Buffer.alloc(4).writeInt32LE(-(2**31)-1)', 'Buffer.alloc(4).writeUInt8("3")', 'Buffer.alloc(4).writeUInt8(NaN)', 'Buffer.alloc(4).writeFloatLE(1e40)', 'Buffer.alloc(4).writeFloatLE("x")',
  'Buffer.alloc(8).writeBigInt64LE(2n**63n)', 'Buffer.alloc(8).writeBigUInt64LE(-1n)', 'Buffer.alloc(8).writeBigUInt64LE(1)', 'Buffer.alloc(8).writeBigInt64LE(undefined)', 'Buffer.alloc(8).writeBigInt64BE(-(2n**63n)-1n)', 'Buffer.alloc(8).writeBigUInt64BE(2n**64n)', 'Buffer.alloc(8).writeBigUInt64BE(2n**20n, 1)',
  '(() => { const b = Buffer.alloc(4); return [b.writeUInt8(1.7), b.writeInt16BE(-2.5, 2), Array.from(b)]; })()', '(() => { const b = Buffer.alloc(4); return [b.writeUIntBE(0x123456, 1, 3), Array.from(b), b.readUIntBE(1,3), b.readIntLE(1,3)]; })()',
  'Buffer.alloc(4).writeUInt8(5, 1.5)', 'Buffer.alloc(4).writeUInt16LE(5, 3)', 'Buffer.alloc(4).writeIntLE(-1, 0, 6)',
  'Buffer.alloc(8).writeUInt16BE(70000)', 'Buffer.alloc(8).writeInt16BE(-70000)', 'Buffer.alloc(8).writeInt32BE(2**31)', 'Buffer.alloc(8).writeUInt32BE(-1.5)',
  'Buffer.alloc(8).writeUInt8(2**40)', 'Buffer.alloc(8).writeUInt8(1.5e300)', 'Buffer.alloc(8).writeUInt8(-2.5)', 'Buffer.alloc(8).writeUInt8(Infinity)',
  'Buffer.alloc(8).writeDoubleLE(1, 1)', 'Buffer.alloc(8).writeFloatBE(1, 5)', 'Buffer.alloc(8).writeDoubleLE("1.5")', 'Buffer.alloc(8).writeUIntBE(1, 0, 7)', 'Buffer.alloc(8).writeUIntBE(1, 7, 2)', 'Buffer.alloc(8).writeUIntBE(1, 9, 2)', 'Buffer.alloc(8).writeUInt8(1, 8)', 'Buffer.alloc(0).writeUInt8(1, 0)',
  'Buffer.alloc(8).writeUInt8(undefined)', 'Buffer.alloc(8).writeUInt8(null, 0)', 'Buffer.alloc(8).writeUIntLE(1, undefined, 2)'])
for n in range(1, 7):
    g('writerange/%d' % n, ['Buffer.alloc(8).writeIntBE(2**(8*%d), 0, %d)' % (n, n), 'Buffer.alloc(8).writeUIntLE(2**(8*%d), 0, %d)' % (n, n), 'Buffer.alloc(8).writeIntLE(-(2**(8*%d)), 0, %d)' % (n, n)])
rt = [("writeUInt8","readUInt8","200"),("writeInt8","readInt8","-100"),("writeUInt16LE","readUInt16LE","0xbeef"),("writeUInt16BE","readUInt16BE","0xbeef"),("writeInt16LE","readInt16LE","-12345"),("writeInt16BE","readInt16BE","-2"),("writeUInt32LE","readUInt32LE","0xdeadbeef"),("writeUInt32BE","readUInt32BE","0xdeadbeef"),("writeInt32LE","readInt32LE","-123456789"),("writeInt32BE","readInt32BE","-1"),("writeFloatLE","readFloatLE","1.5"),("writeFloatBE","readFloatBE","-0.25"),("writeDoubleLE","readDoubleLE","Math.PI"),("writeDoubleBE","readDoubleBE","-1e300"),("writeBigUInt64LE","readBigUInt64LE","0xfedcba9876543210n"),("writeBigUInt64BE","readBigUInt64BE","0x0123456789abcdefn"),("writeBigInt64LE","readBigInt64LE","-2n"),("writeBigInt64BE","readBigInt64BE","-(2n**63n)"),("writeUint32LE","readUint32LE","7"),("writeBigUint64LE","readBigUint64LE","9n")]
for w, r, v in rt:
    C.append(('roundtrip/%s' % w, '(() => { const b = Buffer.alloc(12); const end = b.%s(%s, 3); return [end, b.%s(3), b.toString("hex")]; })()' % (w, v, r)))
for n in range(1, 7):
    for w, r, v in [("writeUIntLE","readUIntLE","2**(8*%d)-3" % n),("writeUIntBE","readUIntBE","2**(8*%d)-3" % n),("writeIntLE","readIntLE","-(2**(8*%d-1))+1" % n),("writeIntBE","readIntBE","-5")]:
        C.append(('roundtrip/%s/%d' % (w, n), '(() => { const b = Buffer.alloc(10); const end = b.%s(%s, 2, %d); return [end, b.%s(2, %d), b.toString("hex")]; })()' % (w, v, n, r, n)))

PRELUDE = 'const util = require("util"); const m = require("buffer"); ' + P
g('lowlevel', ['Buffer.from("abcdef").latin1Slice(1)', 'Buffer.from("abcdef").latin1Slice(2, 1)', 'Buffer.from("abcdef").latin1Slice(0, 10)', 'Buffer.from("abcdef").latin1Slice(-1)', 'Buffer.from("abcdef").latin1Slice(7)', 'Buffer.from("abcdef").latin1Slice(1.5, 3.5)', 'Buffer.from("abcdef").latin1Slice("1", "3")', 'Buffer.from("abcdef").hexSlice(undefined, 2)', 'Buffer.from("abcdef").utf8Slice(6)',
  '(() => { const x = Buffer.alloc(4); return [x.utf8Write("abcdef"), x.utf8Write("zz", 3), x.latin1Write("q", 1, 1), x.hexWrite("zz11"), x.hexWrite("1122", 1), Array.from(x)]; })()',
  'Buffer.alloc(4).utf8Write("x", 5)', 'Buffer.alloc(4).utf8Write("x", -1)', 'Buffer.alloc(4).utf8Write("x", 0, -1)', 'Buffer.alloc(4).utf8Write(5)', 'Buffer.alloc(4).utf8Write("abc", 4)', 'Buffer.alloc(4).ucs2Write("abc")', 'Buffer.alloc(4).base64Write("YWJj", 1, 2)', 'Buffer.alloc(4).hexWrite("zz")', 'Buffer.alloc(4).hexWrite("a")'])
g('generic', ['Buffer.prototype.readUInt16BE.call(new Uint8Array([1, 2]), 0)', 'Buffer.prototype.equals.call(new Uint8Array([1]), Buffer.from([1]))'])
