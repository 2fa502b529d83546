package compat

import "testing"

// Generated from Node 20: each want is what node printed for the snippet.

var formDataCases = []jsCase{
	{"formdata basics", `const fd = new FormData(); fd.append('a', '1'); fd.append('a', 2); fd.append('b', 'x'); return [fd.get('a'), fd.getAll('a'), fd.has('b'), fd.has('c'), fd.get('c'), fd.getAll('c'), [...fd], [...fd.keys()], [...fd.values()]];`, `["1",["1","2"],true,false,null,[],[["a","1"],["a","2"],["b","x"]],["a","a","b"],["1","2","x"]]`},
	{"formdata set delete", `const fd = new FormData(); fd.append('a', '1'); fd.append('b', '2'); fd.append('a', '3'); fd.set('a', '4'); const x = [...fd]; fd.delete('a'); fd.set('c', '5'); return [x, [...fd]];`, `[[["a","4"],["b","2"]],[["b","2"],["c","5"]]]`},
	{"formdata blob to file", `const fd = new FormData(); fd.append('b', new Blob(['x'], {type: 'T/x'})); fd.append('f', new File(['y'], 'orig.txt'), 'renamed'); fd.append('s', 5); fd.set('s', 'six'); const f2 = new File(['q'], 'q.txt'); fd.append('f2', f2); const v = fd.get('b'); return [v.constructor.name, v.name, v.type, v.size, fd.get('f').name, fd.get('s'), fd.get('f2') === f2, await fd.get('f').text()];`, `["File","blob","t/x",1,"renamed","six",true,"y"]`},
	{"formdata set blob filename", `const fd = new FormData(); fd.set('b', new Blob(['abc']), 'n.bin'); const f = fd.get('b'); return [f instanceof File, f.name, f.type, f.size];`, `[true,"n.bin","",3]`},
	{"formdata errors 1", `try { new FormData().append('a', {}, 'x'); } catch (e) { return __err(e); }`, `"ERR TypeError: Failed to execute 'append' on 'FormData': parameter 2 is not of type 'Blob'"`},
	{"formdata errors 2", `try { new FormData().append('a'); } catch (e) { return __err(e); }`, `"ERR TypeError: FormData.append: 2 arguments required, but only 1 found."`},
	{"formdata errors 3", `try { new FormData(5); } catch (e) { return __err(e); }`, `"ERR TypeError: FormData constructor: Argument 1 could not be converted to: undefined."`},
	{"formdata errors 4", `try { new FormData().set('a', 'b', 'c'); } catch (e) { return __err(e); }`, `"ERR TypeError: Failed to execute 'set' on 'FormData': parameter 2 is not of type 'Blob'"`},
	{"formdata errors 5", `try { FormData.prototype.get.call({}, 'a'); } catch (e) { return __err(e); }`, `"ERR TypeError: Illegal invocation [ERR_INVALID_THIS]"`},
	{"formdata tags", `const fd = new FormData(); return [Object.prototype.toString.call(fd), Object.prototype.toString.call(fd.keys()), Object.getOwnPropertyNames(FormData.prototype), FormData.length, FormData.prototype[Symbol.iterator] === FormData.prototype.entries];`, `["[object FormData]","[object FormData Iterator]",["constructor","append","delete","get","getAll","has","set","keys","values","entries","forEach"],1,true]`},
	{"formdata forEach", `const fd = new FormData(); fd.append('a', '1'); fd.append('b', '2'); const seen = []; fd.forEach((v, k, o) => seen.push(k + v + (o === fd))); return seen;`, `["a1true","b2true"]`},
	{"formdata usv", `const fd = new FormData(); fd.append('\ud800a', 'b\udc00'); return [...fd].map(([k, v]) => [k.charCodeAt(0), v.charCodeAt(1)]);`, `[[65533,65533]]`},
	{"formdata multipart body", `const fd = new FormData(); fd.append('a', 'x\ny'); fd.append('q\"r', 'z\r'); fd.append('f', new Blob(['abc'], {type: 'text/plain'}), 'n"a\nme.txt'); fd.append('g', new Blob([new Uint8Array([0, 1])])); const r = new Response(fd); const ct = r.headers.get('content-type'); const boundary = ct.split('boundary=')[1]; const text = await r.text(); return [ct.replace(boundary, 'B'), /^----formdata-undici-0\d{11}$/.test(boundary), text.split(boundary).join('B')];`, `["multipart/form-data; boundary=B",true,"--B\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nx\r\ny\r\n--B\r\nContent-Disposition: form-data; name=\"q%22r\"\r\n\r\nz\r\n\r\n--B\r\nContent-Disposition: form-data; name=\"f\"; filename=\"n%22a%0Ame.txt\"\r\nContent-Type: text/plain\r\n\r\nabc\r\n--B\r\nContent-Disposition: form-data; name=\"g\"; filename=\"blob\"\r\nContent-Type: application/octet-stream\r\n\r\n\u0000\u0001\r\n--B--\r\n"]`},
	{"formdata roundtrip", `const fd = new FormData(); fd.append('a', 'héllo'); fd.append('f', new File(['file body'], 'f.txt', {type: 'text/x-thing'})); fd.append('a', 'second'); const back = await new Response(fd).formData(); return [...back].map(([k, v]) => [k, typeof v === 'string' ? v : [v.constructor.name, v.name, v.type, v.size]]);`, `[["a","héllo"],["f",["File","f.txt","text/x-thing",9]],["a","second"]]`},
}

func TestFormData(t *testing.T) { runJSCases(t, formDataCases) }
