package compat

import "testing"

// Generated from Node 20: each want is what node printed for the snippet.

var blobCases = []jsCase{
	{"blob parts", `const b = new Blob(['héllo', new Uint8Array([1, 2]), new Blob(['z'])], {type: 'Text/HTML;Charset=UTF-8'}); return [b.size, b.type, Object.prototype.toString.call(b), b instanceof Blob];`, `[9,"text/html;charset=utf-8","[object Blob]",true]`},
	{"blob slice", `const b = new Blob(['abcdef']); return [b.slice(2).size, b.slice(-2, -1).size, b.slice(4, 2).size, b.slice(-100).size, b.slice(undefined, 2).size, b.slice(0, 2, 'A\u0100').type, b.slice(1, 3, 'A/B').type, await b.slice(-3, -1).text(), await b.slice(1).slice(1, 3).text()];`, `[4,1,0,6,2,"","a/b","de","cd"]`},
	{"blob slice type dropped", `return [new Blob(['a'], {type: 'x/y'}).slice().type, new Blob([new Blob(['ab'], {type: 'x/y'})]).type];`, `["",""]`},
	{"blob text partial utf8", `const b = new Blob(['héllo']); return [await b.slice(0, 2).text(), await b.text(), await b.slice(2).text()];`, `["h�","héllo","�llo"]`},
	{"blob arrayBuffer bytes", `const b = new Blob(['é', new Uint8Array([0, 255])]); const ab = await b.arrayBuffer(); const by = await b.bytes(); return [ab instanceof ArrayBuffer, Array.from(new Uint8Array(ab)), by instanceof Uint8Array, Array.from(by)];`, `[true,[195,169,0,255],true,[195,169,0,255]]`},
	{"blob buffer sources", `const ab = new ArrayBuffer(4); new Uint8Array(ab).set([1, 2, 3, 4]); const b = new Blob([ab, new DataView(ab, 1, 2), new Uint16Array([258])]); return [b.size, Array.from(await b.bytes())];`, `[8,[1,2,3,4,2,3,2,1]]`},
	{"blob copies input", `const u = new Uint8Array([1, 2]); const b = new Blob([u]); u[0] = 9; return Array.from(await b.bytes());`, `[1,2]`},
	{"blob other parts stringified", `return [await new Blob([{}, 5, null, true]).text(), new Blob(new Set(['a', 'b'])).size];`, `["[object Object]5nulltrue",2]`},
	{"blob type rules", `return [new Blob([], {type: 5}).type, new Blob([], {type: 'a/b\n'}).type, new Blob([], {type: '~'}).type, new Blob(['a'], {type: 'é'}).type, new Blob([], null).type, new Blob().size];`, `["5","","~","","",0]`},
	{"blob endings", `return [new Blob(['a\r\nb\rc\n'], {endings: 'native'}).size, new Blob(['a\r\nb'], {endings: 'transparent'}).size, new Blob(['a\r\nb']).size];`, `[6,4,4]`},
	{"blob bad endings", `try { new Blob(['a'], {endings: 'x'}); } catch (e) { return __err(e); }`, `"ERR TypeError: The property 'options.endings' is invalid. Received 'x' [ERR_INVALID_ARG_VALUE]"`},
	{"blob not sequence", `try { new Blob('abc'); } catch (e) { return __err(e); }`, `"ERR TypeError: The \"sources\" argument must be a sequence. Received type string ('abc') [ERR_INVALID_ARG_TYPE]"`},
	{"blob not sequence long", `try { new Blob('abcdefghijklmnopqrstuvwxyz0123'); } catch (e) { return __err(e); }`, `"ERR TypeError: The \"sources\" argument must be a sequence. Received type string ('abcdefghijklmnopqrstuvwxy...') [ERR_INVALID_ARG_TYPE]"`},
	{"blob null parts", `try { new Blob(null); } catch (e) { return __err(e); }`, `"ERR TypeError: The \"sources\" argument must be a sequence. Received null [ERR_INVALID_ARG_TYPE]"`},
	{"blob object parts", `try { new Blob({length: 1, 0: 'a'}); } catch (e) { return __err(e); }`, `"ERR TypeError: The \"sources\" argument must be a sequence. Received an instance of Object [ERR_INVALID_ARG_TYPE]"`},
	{"blob bad options", `try { new Blob([], 5); } catch (e) { return __err(e); }`, `"ERR TypeError: The \"options\" argument must be a dictionary. Received type number (5) [ERR_INVALID_ARG_TYPE]"`},
	{"blob text wrong this", `return await Blob.prototype.text.call({}).catch(__err);`, `"ERR TypeError: Value of \"this\" must be of type Blob [ERR_INVALID_THIS]"`},
	{"blob stream", `const r = new Blob(['ab', 'c']).stream().getReader(); const chunks = []; for (;;) { const {value, done} = await r.read(); if (done) break; chunks.push(value.constructor.name, ...value); } return chunks.join(',').replace(/,Uint8Array/g, '');`, `"Uint8Array,97,98,99"`},
	{"blob prototype", `return [Object.getOwnPropertyNames(Blob.prototype), Blob.length, Blob.name];`, `[["constructor","type","size","slice","arrayBuffer","text","bytes","stream"],0,"Blob"]`},
	{"file basics", `const f = new File(['ab'], 'n.txt', {type: 'Text/Plain', lastModified: 42}); return [f.name, f.lastModified, f.size, f.type, f instanceof Blob, f instanceof File, Object.prototype.toString.call(f), await f.text()];`, `["n.txt",42,2,"text/plain",true,true,"[object File]","ab"]`},
	{"file conversions", `const now = Date.now(); const f = new File([], 5); return [f.name, typeof f.lastModified, f.lastModified >= now - 1000, new File(['a'], 'x', {lastModified: '12'}).lastModified, new File(['a'], 'x', {lastModified: new Date(5)}).lastModified, File.length, Object.getOwnPropertyNames(File.prototype)];`, `["5","number",true,12,5,2,["constructor","name","lastModified"]]`},
	{"file missing args", `try { new File(['a']); } catch (e) { return __err(e); }`, `"ERR TypeError: The \"fileBits\" and \"fileName\" arguments must be specified [ERR_MISSING_ARGS]"`},
	{"file slice is blob", `const s = new File(['abc'], 'f').slice(1); return [s instanceof File, s instanceof Blob, s.size, s.name];`, `[false,true,2,"<undefined>"]`},
}

func TestBlob(t *testing.T) { runJSCases(t, blobCases) }
