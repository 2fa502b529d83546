package compat

// Generated from Node 20: each want is what node printed for the snippet.

var headersCases = []jsCase{
	{"headers basic", `const h = new Headers({'Content-Type': 'text/plain', 'X-A': '1'}); h.append('x-a', '2'); return [h.get('content-type'), h.get('X-A'), h.has('x-a'), h.has('nope'), h.get('nope')];`, `["text/plain","1, 2",true,false,null]`},
	{"headers iteration sorted", `const h = new Headers([['B','2'],['a','1'],['set-cookie','x=1'],['Set-Cookie','y=2'],['b','3']]); return [[...h], [...h.keys()], [...h.values()], h.get('set-cookie'), h.getSetCookie()];`, `[[["a","1"],["b","2, 3"],["set-cookie","x=1"],["set-cookie","y=2"]],["a","b","set-cookie","set-cookie"],["1","2, 3","x=1","y=2"],"x=1, y=2",["x=1","y=2"]]`},
	{"headers set delete", `const h = new Headers(); h.append('x', ' a '); h.append('X', 'b'); h.set('y','1'); h.delete('Y'); h.set('z', '\t v \n'); return [...h];`, `[["x","a, b"],["z","v"]]`},
	{"headers from headers", `const a = new Headers({a: '1'}); a.append('set-cookie', 'p'); a.append('set-cookie', 'q'); const b = new Headers(a); b.set('a', '2'); return [[...a], [...b]];`, `[[["a","1"],["set-cookie","p"],["set-cookie","q"]],[["a","2"],["set-cookie","p"],["set-cookie","q"]]]`},
	{"headers live iterator", `const h = new Headers(); h.append('a', '1'); const it = h.entries(); h.append('b','2'); return [...it];`, `[["a","1"],["b","2"]]`},
	{"headers forEach", `const h = new Headers({b:'2', a:'1'}); const seen = []; h.forEach(function (v, k, o) { seen.push(k + '=' + v + (o === h) + (this === 1)); if (k === 'a') h.set('c', '3'); }, 1); return seen;`, `["a=1truefalse","b=2truefalse","c=3truefalse"]`},
	{"headers invalid name", `try { new Headers({'a b': 'x'}); } catch (e) { return __err(e); }`, `"ERR TypeError: Headers.append: \"a b\" is an invalid header name."`},
	{"headers invalid value", `try { new Headers({'a': 'x\ny'}); } catch (e) { return __err(e); }`, `"ERR TypeError: Headers.append: \"x\ny\" is an invalid header value."`},
	{"headers pair length", `try { new Headers([['a']]); } catch (e) { return __err(e); }`, `"ERR TypeError: Headers constructor: expected name/value pair to be length 2, found 1."`},
	{"headers not iterable pair", `try { new Headers([5]); } catch (e) { return __err(e); }`, `"ERR TypeError: Headers contructor: init[0] (5) is not iterable."`},
	{"headers bad init", `try { new Headers(5); } catch (e) { return __err(e); }`, `"ERR TypeError: Headers constructor: Argument 1 could not be converted to one of: sequence<sequence<ByteString>>, record<ByteString, ByteString>."`},
	{"headers null init", `try { new Headers(null); } catch (e) { return __err(e); }`, `"ERR TypeError: Headers constructor: Argument 1 could not be converted to one of: sequence<sequence<ByteString>>, record<ByteString, ByteString>."`},
	{"headers empty name", `try { new Headers().append('', 'x'); } catch (e) { return __err(e); }`, `"ERR TypeError: Headers.append: \"\" is an invalid header name."`},
	{"headers get invalid", `try { new Headers().get('a b'); } catch (e) { return __err(e); }`, `"ERR TypeError: Headers.get: \"a b\" is an invalid header name."`},
	{"headers set non-latin1 name", `try { new Headers().set('é', 'x'); } catch (e) { return __err(e); }`, `"ERR TypeError: Headers.set: \"é\" is an invalid header name."`},
	{"headers bytestring", `try { new Headers({a: '€'}); } catch (e) { return __err(e); }`, `"ERR TypeError: Cannot convert argument to a ByteString because the character at index 0 has a value of 8364 which is greater than 255."`},
	{"headers set nul", `try { new Headers().set('a', 'b\0c'); } catch (e) { return __err(e); }`, `"ERR TypeError: Headers.set: \"b\u0000c\" is an invalid header value."`},
	{"headers delete invalid", `try { new Headers().delete('a b'); } catch (e) { return __err(e); }`, `"ERR TypeError: Headers.delete: \"a b\" is an invalid header name."`},
	{"headers arg count", `try { new Headers({A: '1'}).has(); } catch (e) { return __err(e); }`, `"ERR TypeError: Headers.has: 1 argument required, but 0 found."`},
	{"headers get arg count", `try { new Headers().get(); } catch (e) { return __err(e); }`, `"ERR TypeError: Headers.get: 1 argument required, but 0 found."`},
	{"headers forEach not fn", `try { new Headers().forEach(5); } catch (e) { return __err(e); }`, `"ERR TypeError: Failed to execute 'forEach' on 'Headers': parameter 1 is not of type 'Function'."`},
	{"headers illegal invocation", `try { Headers.prototype.get.call({}, 'a'); } catch (e) { return __err(e); }`, `"ERR TypeError: Illegal invocation [ERR_INVALID_THIS]"`},
	{"headers conversions", `return [new Headers({a: undefined}).get('a'), new Headers([['a', 1]]).get('a'), [...new Headers({b: null, c: {}})], new Headers({a: 'é'}).get('a')];`, `["undefined","1",[["b","null"],["c","[object Object]"]],"é"]`},
	{"headers tags", `const h = new Headers({a: '1'}); const it = h.keys(); return [Object.prototype.toString.call(h), Object.prototype.toString.call(it), it[Symbol.iterator]() === it, Headers.prototype[Symbol.iterator] === Headers.prototype.entries, Object.getOwnPropertyNames(Object.getPrototypeOf(it)), Object.keys(h), JSON.stringify(h), Headers.length];`, `["[object Headers]","[object Headers Iterator]",true,true,["next"],[],"{}",0]`},
	{"headers prototype", `return Object.getOwnPropertyNames(Headers.prototype);`, `["constructor","append","delete","get","has","set","getSetCookie","keys","values","entries","forEach"]`},
	{"headers empty values", `const h = new Headers({c: '', b: '1'}); h.append('c', 'x'); return [...h];`, `[["b","1"],["c",", x"]]`},
	{"headers record order", `return [...new Headers({z: '1', 'Y': '2', x: '3'})];`, `[["x","3"],["y","2"],["z","1"]]`},
	{"headers sequence of iterables", `return [...new Headers(new Map([['m', 'v'], ['n', 'w']])), ...new Headers([new Set(['s', 't'])])];`, `[["m","v"],["n","w"],["s","t"]]`},
}
