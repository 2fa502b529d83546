package compat

import "testing"

// TestAssertMatchesNode compares assert's pass/fail decisions and AssertionError fields and messages with Node's.
// Every expected value was printed by Node 20 for the same source.
func TestAssertMatchesNode(t *testing.T) {
	runMiscCases(t, []miscCase{
		{
			"const assert = require('assert'); function show(f){ try { f(); return \"no throw\" } catch(e) { return JSON.stringify({name:e.name, code:e.code, msg:e.message, gen:e.generatedMessage, op:e.operator, isAE: e instanceof assert.AssertionError}) } } show(() => assert.ok(false))",
			"{\"name\":\"AssertionError\",\"code\":\"ERR_ASSERTION\",\"msg\":\"false == true\",\"gen\":true,\"op\":\"==\",\"isAE\":true}",
		},
		{
			"const assert = require('assert'); function show(f){ try { f(); return \"no throw\" } catch(e) { return JSON.stringify({name:e.name, code:e.code, msg:e.message, gen:e.generatedMessage, op:e.operator, isAE: e instanceof assert.AssertionError}) } } show(() => assert(0))",
			"{\"name\":\"AssertionError\",\"code\":\"ERR_ASSERTION\",\"msg\":\"0 == true\",\"gen\":true,\"op\":\"==\",\"isAE\":true}",
		},
		{
			"const assert = require('assert'); function show(f){ try { f(); return \"no throw\" } catch(e) { return JSON.stringify({name:e.name, code:e.code, msg:e.message, gen:e.generatedMessage, op:e.operator, isAE: e instanceof assert.AssertionError}) } } show(() => assert.ok(false, \"custom\"))",
			"{\"name\":\"AssertionError\",\"code\":\"ERR_ASSERTION\",\"msg\":\"custom\",\"gen\":false,\"op\":\"==\",\"isAE\":true}",
		},
		{
			"const assert = require('assert'); function show(f){ try { f(); return \"no throw\" } catch(e) { return JSON.stringify({name:e.name, code:e.code, msg:e.message, gen:e.generatedMessage, op:e.operator, isAE: e instanceof assert.AssertionError}) } } show(() => assert.equal(1, 2))",
			"{\"name\":\"AssertionError\",\"code\":\"ERR_ASSERTION\",\"msg\":\"1 == 2\",\"gen\":true,\"op\":\"==\",\"isAE\":true}",
		},
		{
			"const assert = require('assert'); function show(f){ try { f(); return \"no throw\" } catch(e) { return JSON.stringify({name:e.name, code:e.code, msg:e.message, gen:e.generatedMessage, op:e.operator, isAE: e instanceof assert.AssertionError}) } } show(() => assert.strictEqual(1, \"1\"))",
			"{\"name\":\"AssertionError\",\"code\":\"ERR_ASSERTION\",\"msg\":\"Expected values to be strictly equal:\\n\\n1 !== '1'\\n\",\"gen\":true,\"op\":\"strictEqual\",\"isAE\":true}",
		},
		{
			"const assert = require('assert'); function show(f){ try { f(); return \"no throw\" } catch(e) { return JSON.stringify({name:e.name, code:e.code, msg:e.message, gen:e.generatedMessage, op:e.operator, isAE: e instanceof assert.AssertionError}) } } show(() => assert.strictEqual(\"a\\nb\", \"a\\nc\"))",
			"{\"name\":\"AssertionError\",\"code\":\"ERR_ASSERTION\",\"msg\":\"Expected values to be strictly equal:\\n\\n'a\\\\nb' !== 'a\\\\nc'\\n\",\"gen\":true,\"op\":\"strictEqual\",\"isAE\":true}",
		},
		{
			"const assert = require('assert'); function show(f){ try { f(); return \"no throw\" } catch(e) { return JSON.stringify({name:e.name, code:e.code, msg:e.message, gen:e.generatedMessage, op:e.operator, isAE: e instanceof assert.AssertionError}) } } show(() => assert.notStrictEqual(1, 1))",
			"{\"name\":\"AssertionError\",\"code\":\"ERR_ASSERTION\",\"msg\":\"Expected \\\"actual\\\" to be strictly unequal to: 1\",\"gen\":true,\"op\":\"notStrictEqual\",\"isAE\":true}",
		},
		{
			"const assert = require('assert'); function show(f){ try { f(); return \"no throw\" } catch(e) { return JSON.stringify({name:e.name, code:e.code, msg:e.message, gen:e.generatedMessage, op:e.operator, isAE: e instanceof assert.AssertionError}) } } show(() => assert.deepStrictEqual({a:1}, {a:2}))",
			"{\"name\":\"AssertionError\",\"code\":\"ERR_ASSERTION\",\"msg\":\"Expected values to be strictly deep-equal:\\n+ actual - expected\\n\\n  {\\n+   a: 1\\n-   a: 2\\n  }\",\"gen\":true,\"op\":\"deepStrictEqual\",\"isAE\":true}",
		},
		{
			"const assert = require('assert'); function show(f){ try { f(); return \"no throw\" } catch(e) { return JSON.stringify({name:e.name, code:e.code, msg:e.message, gen:e.generatedMessage, op:e.operator, isAE: e instanceof assert.AssertionError}) } } show(() => assert.deepEqual({a:1}, {a:2}))",
			"{\"name\":\"AssertionError\",\"code\":\"ERR_ASSERTION\",\"msg\":\"Expected values to be loosely deep-equal:\\n\\n{\\n  a: 1\\n}\\n\\nshould loosely deep-equal\\n\\n{\\n  a: 2\\n}\",\"gen\":true,\"op\":\"deepEqual\",\"isAE\":true}",
		},
		{
			"const assert = require('assert'); function show(f){ try { f(); return \"no throw\" } catch(e) { return JSON.stringify({name:e.name, code:e.code, msg:e.message, gen:e.generatedMessage, op:e.operator, isAE: e instanceof assert.AssertionError}) } } show(() => assert.notDeepStrictEqual({a:1}, {a:1}))",
			"{\"name\":\"AssertionError\",\"code\":\"ERR_ASSERTION\",\"msg\":\"Expected \\\"actual\\\" not to be strictly deep-equal to:\\n\\n{\\n  a: 1\\n}\\n\",\"gen\":true,\"op\":\"notDeepStrictEqual\",\"isAE\":true}",
		},
		{
			"const assert = require('assert'); function show(f){ try { f(); return \"no throw\" } catch(e) { return JSON.stringify({name:e.name, code:e.code, msg:e.message, gen:e.generatedMessage, op:e.operator, isAE: e instanceof assert.AssertionError}) } } show(() => assert.throws(()=>{}))",
			"{\"name\":\"AssertionError\",\"code\":\"ERR_ASSERTION\",\"msg\":\"Missing expected exception.\",\"gen\":false,\"op\":\"throws\",\"isAE\":true}",
		},
		{
			"const assert = require('assert'); function show(f){ try { f(); return \"no throw\" } catch(e) { return JSON.stringify({name:e.name, code:e.code, msg:e.message, gen:e.generatedMessage, op:e.operator, isAE: e instanceof assert.AssertionError}) } } show(() => assert.throws(()=>{throw new Error(\"x\")}, TypeError))",
			"{\"name\":\"AssertionError\",\"code\":\"ERR_ASSERTION\",\"msg\":\"The error is expected to be an instance of \\\"TypeError\\\". Received \\\"Error\\\"\\n\\nError message:\\n\\nx\",\"gen\":true,\"op\":\"throws\",\"isAE\":true}",
		},
		{
			"const assert = require('assert'); function show(f){ try { f(); return \"no throw\" } catch(e) { return JSON.stringify({name:e.name, code:e.code, msg:e.message, gen:e.generatedMessage, op:e.operator, isAE: e instanceof assert.AssertionError}) } } show(() => assert.throws(()=>{throw new Error(\"x\")}, /y/))",
			"{\"name\":\"AssertionError\",\"code\":\"ERR_ASSERTION\",\"msg\":\"The input did not match the regular expression /y/. Input:\\n\\n'Error: x'\\n\",\"gen\":true,\"op\":\"throws\",\"isAE\":true}",
		},
		{
			"const assert = require('assert'); function show(f){ try { f(); return \"no throw\" } catch(e) { return JSON.stringify({name:e.name, code:e.code, msg:e.message, gen:e.generatedMessage, op:e.operator, isAE: e instanceof assert.AssertionError}) } } show(() => assert.throws(()=>{throw new Error(\"x\")}, {message:\"y\"}))",
			"{\"name\":\"AssertionError\",\"code\":\"ERR_ASSERTION\",\"msg\":\"Expected values to be strictly deep-equal:\\n+ actual - expected\\n\\n  Comparison {\\n+   message: 'x'\\n-   message: 'y'\\n  }\",\"gen\":true,\"op\":\"throws\",\"isAE\":true}",
		},
		{
			"const assert = require('assert'); function show(f){ try { f(); return \"no throw\" } catch(e) { return JSON.stringify({name:e.name, code:e.code, msg:e.message, gen:e.generatedMessage, op:e.operator, isAE: e instanceof assert.AssertionError}) } } show(() => assert.doesNotThrow(()=>{throw new Error(\"x\")}))",
			"{\"name\":\"AssertionError\",\"code\":\"ERR_ASSERTION\",\"msg\":\"Got unwanted exception.\\nActual message: \\\"x\\\"\",\"gen\":false,\"op\":\"doesNotThrow\",\"isAE\":true}",
		},
		{
			"const assert = require('assert'); function show(f){ try { f(); return \"no throw\" } catch(e) { return JSON.stringify({name:e.name, code:e.code, msg:e.message, gen:e.generatedMessage, op:e.operator, isAE: e instanceof assert.AssertionError}) } } show(() => assert.match(\"abc\", /x/))",
			"{\"name\":\"AssertionError\",\"code\":\"ERR_ASSERTION\",\"msg\":\"The input did not match the regular expression /x/. Input:\\n\\n'abc'\\n\",\"gen\":true,\"op\":\"match\",\"isAE\":true}",
		},
		{
			"const assert = require('assert'); function show(f){ try { f(); return \"no throw\" } catch(e) { return JSON.stringify({name:e.name, code:e.code, msg:e.message, gen:e.generatedMessage, op:e.operator, isAE: e instanceof assert.AssertionError}) } } show(() => assert.doesNotMatch(\"abc\", /b/))",
			"{\"name\":\"AssertionError\",\"code\":\"ERR_ASSERTION\",\"msg\":\"The input was expected to not match the regular expression /b/. Input:\\n\\n'abc'\\n\",\"gen\":true,\"op\":\"doesNotMatch\",\"isAE\":true}",
		},
		{
			"const assert = require('assert'); function show(f){ try { f(); return \"no throw\" } catch(e) { return JSON.stringify({name:e.name, code:e.code, msg:e.message, gen:e.generatedMessage, op:e.operator, isAE: e instanceof assert.AssertionError}) } } show(() => assert.fail())",
			"{\"name\":\"AssertionError\",\"code\":\"ERR_ASSERTION\",\"msg\":\"Failed\",\"gen\":true,\"op\":\"fail\",\"isAE\":true}",
		},
		{
			"const assert = require('assert'); function show(f){ try { f(); return \"no throw\" } catch(e) { return JSON.stringify({name:e.name, code:e.code, msg:e.message, gen:e.generatedMessage, op:e.operator, isAE: e instanceof assert.AssertionError}) } } show(() => assert.fail(\"boom\"))",
			"{\"name\":\"AssertionError\",\"code\":\"ERR_ASSERTION\",\"msg\":\"boom\",\"gen\":false,\"op\":\"fail\",\"isAE\":true}",
		},
		{
			"const assert = require('assert'); function show(f){ try { f(); return \"no throw\" } catch(e) { return JSON.stringify({name:e.name, code:e.code, msg:e.message, gen:e.generatedMessage, op:e.operator, isAE: e instanceof assert.AssertionError}) } } show(() => assert.ifError(new Error(\"e\")))",
			"{\"name\":\"AssertionError\",\"code\":\"ERR_ASSERTION\",\"msg\":\"ifError got unwanted exception: e\",\"gen\":false,\"op\":\"ifError\",\"isAE\":true}",
		},
		{
			"const assert = require('assert'); function show(f){ try { f(); return \"no throw\" } catch(e) { return JSON.stringify({name:e.name, code:e.code, msg:e.message, gen:e.generatedMessage, op:e.operator, isAE: e instanceof assert.AssertionError}) } } show(() => assert.ifError(\"str\"))",
			"{\"name\":\"AssertionError\",\"code\":\"ERR_ASSERTION\",\"msg\":\"ifError got unwanted exception: 'str'\",\"gen\":false,\"op\":\"ifError\",\"isAE\":true}",
		},
		{
			"const assert = require('assert'); function show(f){ try { f(); return \"no throw\" } catch(e) { return JSON.stringify({name:e.name, code:e.code, msg:e.message, gen:e.generatedMessage, op:e.operator, isAE: e instanceof assert.AssertionError}) } } show(() => assert.ifError(null))",
			"no throw",
		},
		{
			"const assert = require('assert'); function show(f){ try { f(); return \"no throw\" } catch(e) { return JSON.stringify({name:e.name, code:e.code, msg:e.message, gen:e.generatedMessage, op:e.operator, isAE: e instanceof assert.AssertionError}) } } show(() => assert.notEqual(1, \"1\"))",
			"{\"name\":\"AssertionError\",\"code\":\"ERR_ASSERTION\",\"msg\":\"1 != '1'\",\"gen\":true,\"op\":\"!=\",\"isAE\":true}",
		},
		{
			"const assert = require('assert'); function show(f){ try { f(); return \"no throw\" } catch(e) { return JSON.stringify({name:e.name, code:e.code, msg:e.message, gen:e.generatedMessage, op:e.operator, isAE: e instanceof assert.AssertionError}) } } show(() => assert.strictEqual(1, 2, new TypeError(\"mine\")))",
			"{\"name\":\"TypeError\",\"msg\":\"mine\",\"isAE\":false}",
		},
		{
			"const assert = require('assert'); function show(f){ try { f(); return \"no throw\" } catch(e) { return JSON.stringify({name:e.name, code:e.code, msg:e.message, gen:e.generatedMessage, op:e.operator, isAE: e instanceof assert.AssertionError}) } } show(() => assert.throws(()=>{throw new Error(\"x\")}, (e)=>false))",
			"{\"name\":\"AssertionError\",\"code\":\"ERR_ASSERTION\",\"msg\":\"The validation function is expected to return \\\"true\\\". Received false\\n\\nCaught error:\\n\\nError: x\",\"gen\":true,\"op\":\"throws\",\"isAE\":true}",
		},
		{
			"const assert = require('assert'); function show(f){ try { f(); return \"no throw\" } catch(e) { return JSON.stringify({name:e.name, code:e.code, msg:e.message, gen:e.generatedMessage, op:e.operator, isAE: e instanceof assert.AssertionError}) } } show(() => assert.throws(()=>{throw new Error(\"x\")}, function named(e){ return undefined }))",
			"{\"name\":\"AssertionError\",\"code\":\"ERR_ASSERTION\",\"msg\":\"The \\\"named\\\" validation function is expected to return \\\"true\\\". Received undefined\\n\\nCaught error:\\n\\nError: x\",\"gen\":true,\"op\":\"throws\",\"isAE\":true}",
		},
		{
			"const assert = require('assert'); function show(f){ try { f(); return \"no throw\" } catch(e) { return JSON.stringify({name:e.name, code:e.code, msg:e.message, gen:e.generatedMessage, op:e.operator, isAE: e instanceof assert.AssertionError}) } } show(() => assert.strictEqual(\"aaaaaaaaaaaaaaa\", \"aaaaaaaaaaaaaab\"))",
			"{\"name\":\"AssertionError\",\"code\":\"ERR_ASSERTION\",\"msg\":\"Expected values to be strictly equal:\\n+ actual - expected\\n\\n+ 'aaaaaaaaaaaaaaa'\\n- 'aaaaaaaaaaaaaab'\\n                 ^\",\"gen\":true,\"op\":\"strictEqual\",\"isAE\":true}",
		},
		{
			"const assert = require('assert'); function show(f){ try { f(); return \"no throw\" } catch(e) { return JSON.stringify({name:e.name, code:e.code, msg:e.message, gen:e.generatedMessage, op:e.operator, isAE: e instanceof assert.AssertionError}) } } show(() => assert.strictEqual({a:1}, {a:1}))",
			"{\"name\":\"AssertionError\",\"code\":\"ERR_ASSERTION\",\"msg\":\"Values have same structure but are not reference-equal:\\n\\n{\\n  a: 1\\n}\\n\",\"gen\":true,\"op\":\"strictEqual\",\"isAE\":true}",
		},
		{
			"const assert = require('assert'); function show(f){ try { f(); return \"no throw\" } catch(e) { return JSON.stringify({name:e.name, code:e.code, msg:e.message, gen:e.generatedMessage, op:e.operator, isAE: e instanceof assert.AssertionError}) } } show(() => assert.strictEqual([1,2,3], [1,2,4]))",
			"{\"name\":\"AssertionError\",\"code\":\"ERR_ASSERTION\",\"msg\":\"Expected \\\"actual\\\" to be reference-equal to \\\"expected\\\":\\n+ actual - expected\\n\\n  [\\n    1,\\n    2,\\n+   3\\n-   4\\n  ]\",\"gen\":true,\"op\":\"strictEqual\",\"isAE\":true}",
		},
		{
			"const assert = require('assert'); function show(f){ try { f(); return \"no throw\" } catch(e) { return JSON.stringify({name:e.name, code:e.code, msg:e.message, gen:e.generatedMessage, op:e.operator, isAE: e instanceof assert.AssertionError}) } } show(() => assert.deepStrictEqual([1,2,3,4,5,6,7,8,9,10], [1,2,3,4,5,6,7,8,9,11]))",
			"{\"name\":\"AssertionError\",\"code\":\"ERR_ASSERTION\",\"msg\":\"Expected values to be strictly deep-equal:\\n+ actual - expected ... Lines skipped\\n\\n  [\\n    1,\\n...\\n    8,\\n    9,\\n+   10\\n-   11\\n  ]\",\"gen\":true,\"op\":\"deepStrictEqual\",\"isAE\":true}",
		},
		{
			"const assert = require('assert'); function show(f){ try { f(); return \"no throw\" } catch(e) { return JSON.stringify({name:e.name, code:e.code, msg:e.message, gen:e.generatedMessage, op:e.operator, isAE: e instanceof assert.AssertionError}) } } show(() => assert.deepStrictEqual({a:1,b:2}, {a:1,b:2,c:3}))",
			"{\"name\":\"AssertionError\",\"code\":\"ERR_ASSERTION\",\"msg\":\"Expected values to be strictly deep-equal:\\n+ actual - expected\\n\\n  {\\n    a: 1,\\n    b: 2,\\n-   c: 3\\n  }\",\"gen\":true,\"op\":\"deepStrictEqual\",\"isAE\":true}",
		},
		{
			"const assert = require('assert'); function show(f){ try { f(); return \"no throw\" } catch(e) { return JSON.stringify({name:e.name, code:e.code, msg:e.message, gen:e.generatedMessage, op:e.operator, isAE: e instanceof assert.AssertionError}) } } show(() => assert.deepStrictEqual(1, 2))",
			"{\"name\":\"AssertionError\",\"code\":\"ERR_ASSERTION\",\"msg\":\"Expected values to be strictly deep-equal:\\n\\n1 !== 2\\n\",\"gen\":true,\"op\":\"deepStrictEqual\",\"isAE\":true}",
		},
		{
			"const assert = require('assert'); function show(f){ try { f(); return \"no throw\" } catch(e) { return JSON.stringify({name:e.name, code:e.code, msg:e.message, gen:e.generatedMessage, op:e.operator, isAE: e instanceof assert.AssertionError}) } } show(() => assert.deepStrictEqual({a:1}, {a:\"1\"}, \"my message\"))",
			"{\"name\":\"AssertionError\",\"code\":\"ERR_ASSERTION\",\"msg\":\"my message\\n+ actual - expected\\n\\n  {\\n+   a: 1\\n-   a: '1'\\n  }\",\"gen\":false,\"op\":\"deepStrictEqual\",\"isAE\":true}",
		},
		{
			"const assert = require('assert'); function show(f){ try { f(); return \"no throw\" } catch(e) { return JSON.stringify({name:e.name, code:e.code, msg:e.message, gen:e.generatedMessage, op:e.operator, isAE: e instanceof assert.AssertionError}) } } show(() => assert.notDeepEqual({a:1}, {a:1}))",
			"{\"name\":\"AssertionError\",\"code\":\"ERR_ASSERTION\",\"msg\":\"Expected \\\"actual\\\" not to be loosely deep-equal to:\\n\\n{\\n  a: 1\\n}\",\"gen\":true,\"op\":\"notDeepEqual\",\"isAE\":true}",
		},
		{
			"const assert = require('assert'); function show(f){ try { f(); return \"no throw\" } catch(e) { return JSON.stringify({name:e.name, code:e.code, msg:e.message, gen:e.generatedMessage, op:e.operator, isAE: e instanceof assert.AssertionError}) } } show(() => assert.notEqual(1, 1))",
			"{\"name\":\"AssertionError\",\"code\":\"ERR_ASSERTION\",\"msg\":\"1 != 1\",\"gen\":true,\"op\":\"!=\",\"isAE\":true}",
		},
		{
			"const assert = require('assert'); function show(f){ try { f(); return \"no throw\" } catch(e) { return JSON.stringify({name:e.name, code:e.code, msg:e.message, gen:e.generatedMessage, op:e.operator, isAE: e instanceof assert.AssertionError}) } } show(() => assert.equal({a:1}, {a:1}))",
			"{\"name\":\"AssertionError\",\"code\":\"ERR_ASSERTION\",\"msg\":\"{\\n  a: 1\\n} == {\\n  a: 1\\n}\",\"gen\":true,\"op\":\"==\",\"isAE\":true}",
		},
		{
			"const assert = require('assert'); function show(f){ try { f(); return \"no throw\" } catch(e) { return JSON.stringify({name:e.name, code:e.code, msg:e.message, gen:e.generatedMessage, op:e.operator, isAE: e instanceof assert.AssertionError}) } } show(() => assert.throws(()=>{throw new Error(\"x\")}, Error, \"m\"))",
			"no throw",
		},
		{
			"const assert = require('assert'); function show(f){ try { f(); return \"no throw\" } catch(e) { return JSON.stringify({name:e.name, code:e.code, msg:e.message, gen:e.generatedMessage, op:e.operator, isAE: e instanceof assert.AssertionError}) } } show(() => assert.throws(()=>{}, TypeError, \"expected boom\"))",
			"{\"name\":\"AssertionError\",\"code\":\"ERR_ASSERTION\",\"msg\":\"Missing expected exception (TypeError): expected boom\",\"gen\":false,\"op\":\"throws\",\"isAE\":true}",
		},
		{
			"const assert = require('assert'); function show(f){ try { f(); return \"no throw\" } catch(e) { return JSON.stringify({name:e.name, code:e.code, msg:e.message, gen:e.generatedMessage, op:e.operator, isAE: e instanceof assert.AssertionError}) } } show(() => assert.throws(()=>{}, TypeError))",
			"{\"name\":\"AssertionError\",\"code\":\"ERR_ASSERTION\",\"msg\":\"Missing expected exception (TypeError).\",\"gen\":false,\"op\":\"throws\",\"isAE\":true}",
		},
		{
			"const assert = require('assert'); function show(f){ try { f(); return \"no throw\" } catch(e) { return JSON.stringify({name:e.name, code:e.code, msg:e.message, gen:e.generatedMessage, op:e.operator, isAE: e instanceof assert.AssertionError}) } } show(() => assert.throws(\"nofn\"))",
			"{\"name\":\"TypeError\",\"code\":\"ERR_INVALID_ARG_TYPE\",\"msg\":\"The \\\"fn\\\" argument must be of type function. Received type string ('nofn')\",\"isAE\":false}",
		},
		{
			"const assert = require('assert'); function show(f){ try { f(); return \"no throw\" } catch(e) { return JSON.stringify({name:e.name, code:e.code, msg:e.message, gen:e.generatedMessage, op:e.operator, isAE: e instanceof assert.AssertionError}) } } show(() => assert.doesNotThrow(()=>{throw new Error(\"x\")}, \"msg\"))",
			"{\"name\":\"AssertionError\",\"code\":\"ERR_ASSERTION\",\"msg\":\"Got unwanted exception: msg\\nActual message: \\\"x\\\"\",\"gen\":false,\"op\":\"doesNotThrow\",\"isAE\":true}",
		},
		{
			"const assert = require('assert'); function show(f){ try { f(); return \"no throw\" } catch(e) { return JSON.stringify({name:e.name, code:e.code, msg:e.message, gen:e.generatedMessage, op:e.operator, isAE: e instanceof assert.AssertionError}) } } show(() => assert.doesNotThrow(()=>{throw new Error(\"x\")}, TypeError))",
			"{\"name\":\"Error\",\"msg\":\"x\",\"isAE\":false}",
		},
		{
			"const assert = require('assert'); function show(f){ try { f(); return \"no throw\" } catch(e) { return JSON.stringify({name:e.name, code:e.code, msg:e.message, gen:e.generatedMessage, op:e.operator, isAE: e instanceof assert.AssertionError}) } } show(() => assert.match(1, /x/))",
			"{\"name\":\"AssertionError\",\"code\":\"ERR_ASSERTION\",\"msg\":\"The \\\"string\\\" argument must be of type string. Received type number (1)\",\"gen\":true,\"op\":\"match\",\"isAE\":true}",
		},
		{
			"const assert = require('assert'); function show(f){ try { f(); return \"no throw\" } catch(e) { return JSON.stringify({name:e.name, code:e.code, msg:e.message, gen:e.generatedMessage, op:e.operator, isAE: e instanceof assert.AssertionError}) } } show(() => assert.throws(()=>{throw new TypeError(\"tt\")}, {name:\"TypeError\", message:/t+/}))",
			"no throw",
		},
		{
			"const assert = require('assert'); function show(f){ try { f(); return \"no throw\" } catch(e) { return JSON.stringify({name:e.name, code:e.code, msg:e.message, gen:e.generatedMessage, op:e.operator, isAE: e instanceof assert.AssertionError}) } } show(() => assert.throws(()=>{throw new TypeError(\"tt\")}, {name:\"RangeError\", code: \"X\"}))",
			"{\"name\":\"AssertionError\",\"code\":\"ERR_ASSERTION\",\"msg\":\"Expected values to be strictly deep-equal:\\n+ actual - expected\\n\\n  Comparison {\\n+   name: 'TypeError'\\n-   code: 'X',\\n-   name: 'RangeError'\\n  }\",\"gen\":true,\"op\":\"throws\",\"isAE\":true}",
		},
		{
			"const assert = require('assert'); function show(f){ try { f(); return \"no throw\" } catch(e) { return JSON.stringify({name:e.name, code:e.code, msg:e.message, gen:e.generatedMessage, op:e.operator, isAE: e instanceof assert.AssertionError}) } } show(() => assert.strictEqual(NaN, NaN))",
			"no throw",
		},
		{
			"const assert = require('assert'); function show(f){ try { f(); return \"no throw\" } catch(e) { return JSON.stringify({name:e.name, code:e.code, msg:e.message, gen:e.generatedMessage, op:e.operator, isAE: e instanceof assert.AssertionError}) } } show(() => assert.notStrictEqual(\"abcdefg\", \"abcdefg\"))",
			"{\"name\":\"AssertionError\",\"code\":\"ERR_ASSERTION\",\"msg\":\"Expected \\\"actual\\\" to be strictly unequal to:\\n\\n'abcdefg'\",\"gen\":true,\"op\":\"notStrictEqual\",\"isAE\":true}",
		},
		{
			"const assert = require('assert'); function show(f){ try { f(); return \"no throw\" } catch(e) { return JSON.stringify({name:e.name, code:e.code, msg:e.message, gen:e.generatedMessage, op:e.operator, isAE: e instanceof assert.AssertionError}) } } show(() => assert.deepStrictEqual(new Set([1]), new Set([2])))",
			"{\"name\":\"AssertionError\",\"code\":\"ERR_ASSERTION\",\"msg\":\"Expected values to be strictly deep-equal:\\n+ actual - expected\\n\\n  Set(1) {\\n+   1\\n-   2\\n  }\",\"gen\":true,\"op\":\"deepStrictEqual\",\"isAE\":true}",
		},
		{
			"const assert = require('assert'); function show(f){ try { f(); return \"no throw\" } catch(e) { return JSON.stringify({name:e.name, code:e.code, msg:e.message, gen:e.generatedMessage, op:e.operator, isAE: e instanceof assert.AssertionError}) } } show(() => assert.ok(null))",
			"{\"name\":\"AssertionError\",\"code\":\"ERR_ASSERTION\",\"msg\":\"null == true\",\"gen\":true,\"op\":\"==\",\"isAE\":true}",
		},
		{
			"const assert = require('assert'); function show(f){ try { f(); return \"no throw\" } catch(e) { return JSON.stringify({name:e.name, code:e.code, msg:e.message, gen:e.generatedMessage, op:e.operator, isAE: e instanceof assert.AssertionError}) } } show(() => assert.ok())",
			"{\"name\":\"AssertionError\",\"code\":\"ERR_ASSERTION\",\"msg\":\"No value argument passed to `assert.ok()`\",\"gen\":true,\"op\":\"==\",\"isAE\":true}",
		},
		{
			"const assert = require('assert'); function show(f){ try { f(); return \"no throw\" } catch(e) { return JSON.stringify({name:e.name, code:e.code, msg:e.message, gen:e.generatedMessage, op:e.operator, isAE: e instanceof assert.AssertionError}) } } show(() => assert.strictEqual(1, 2, \"m\"))",
			"{\"name\":\"AssertionError\",\"code\":\"ERR_ASSERTION\",\"msg\":\"m\\n\\n1 !== 2\\n\",\"gen\":false,\"op\":\"strictEqual\",\"isAE\":true}",
		},
		{
			"const assert = require('assert'); function show(f){ try { f(); return \"no throw\" } catch(e) { return JSON.stringify({name:e.name, code:e.code, msg:e.message, gen:e.generatedMessage, op:e.operator, isAE: e instanceof assert.AssertionError}) } } show(() => assert.deepEqual({a:1}, {a:2}, \"m\"))",
			"{\"name\":\"AssertionError\",\"code\":\"ERR_ASSERTION\",\"msg\":\"m\",\"gen\":false,\"op\":\"deepEqual\",\"isAE\":true}",
		},
		{
			"const assert = require('assert'); function show(f){ try { f(); return \"no throw\" } catch(e) { return JSON.stringify({name:e.name, code:e.code, msg:e.message, gen:e.generatedMessage, op:e.operator, isAE: e instanceof assert.AssertionError}) } } show(() => assert.notStrictEqual(1, 1, \"m\"))",
			"{\"name\":\"AssertionError\",\"code\":\"ERR_ASSERTION\",\"msg\":\"m\",\"gen\":false,\"op\":\"notStrictEqual\",\"isAE\":true}",
		},
		{
			"const assert = require('assert'); function show(f){ try { f(); return \"no throw\" } catch(e) { return JSON.stringify({name:e.name, code:e.code, msg:e.message, gen:e.generatedMessage, op:e.operator, isAE: e instanceof assert.AssertionError}) } } show(() => assert.deepStrictEqual({a:{b:[1,2]}}, {a:{b:[1,3]}}))",
			"{\"name\":\"AssertionError\",\"code\":\"ERR_ASSERTION\",\"msg\":\"Expected values to be strictly deep-equal:\\n+ actual - expected\\n\\n  {\\n    a: {\\n      b: [\\n        1,\\n+       2\\n-       3\\n      ]\\n    }\\n  }\",\"gen\":true,\"op\":\"deepStrictEqual\",\"isAE\":true}",
		},
		{
			"const assert = require('assert'); function show(f){ try { f(); return \"no throw\" } catch(e) { return JSON.stringify({name:e.name, code:e.code, msg:e.message, gen:e.generatedMessage, op:e.operator, isAE: e instanceof assert.AssertionError}) } } show(() => assert.deepStrictEqual([1,2,3,4,5,6,7,8,9,10,11,12], [0,2,3,4,5,6,7,8,9,10,11,12]))",
			"{\"name\":\"AssertionError\",\"code\":\"ERR_ASSERTION\",\"msg\":\"Expected values to be strictly deep-equal:\\n+ actual - expected ... Lines skipped\\n\\n  [\\n+   1,\\n-   0,\\n    2,\\n...\\n    11,\\n    12\\n  ]\",\"gen\":true,\"op\":\"deepStrictEqual\",\"isAE\":true}",
		},
		{
			"const assert = require('assert'); function show(f){ try { f(); return \"no throw\" } catch(e) { return JSON.stringify({name:e.name, code:e.code, msg:e.message, gen:e.generatedMessage, op:e.operator, isAE: e instanceof assert.AssertionError}) } } show(() => assert.deepStrictEqual({a:Symbol()}, {a:Symbol()}))",
			"{\"name\":\"AssertionError\",\"code\":\"ERR_ASSERTION\",\"msg\":\"Values have same structure but are not reference-equal:\\n\\n{\\n  a: Symbol()\\n}\\n\",\"gen\":true,\"op\":\"deepStrictEqual\",\"isAE\":true}",
		},
		{
			"const assert = require('assert'); function show(f){ try { f(); return \"no throw\" } catch(e) { return JSON.stringify({name:e.name, code:e.code, msg:e.message, gen:e.generatedMessage, op:e.operator, isAE: e instanceof assert.AssertionError}) } } show(() => assert.deepStrictEqual([1,2], [1,2,3,4,5,6,7]))",
			"{\"name\":\"AssertionError\",\"code\":\"ERR_ASSERTION\",\"msg\":\"Expected values to be strictly deep-equal:\\n+ actual - expected\\n\\n  [\\n    1,\\n    2,\\n-   3,\\n-   4,\\n-   5,\\n-   6,\\n-   7\\n  ]\",\"gen\":true,\"op\":\"deepStrictEqual\",\"isAE\":true}",
		},
		{
			"const assert = require('assert'); function show(f){ try { f(); return \"no throw\" } catch(e) { return JSON.stringify({name:e.name, code:e.code, msg:e.message, gen:e.generatedMessage, op:e.operator, isAE: e instanceof assert.AssertionError}) } } show(() => assert.deepStrictEqual([1,2,3,4,5,6,7], [1,2]))",
			"{\"name\":\"AssertionError\",\"code\":\"ERR_ASSERTION\",\"msg\":\"Expected values to be strictly deep-equal:\\n+ actual - expected\\n\\n  [\\n    1,\\n    2,\\n+   3,\\n+   4,\\n+   5,\\n+   6,\\n+   7\\n  ]\",\"gen\":true,\"op\":\"deepStrictEqual\",\"isAE\":true}",
		},
		{
			"const assert = require('assert'); function show(f){ try { f(); return \"no throw\" } catch(e) { return JSON.stringify({name:e.name, code:e.code, msg:e.message, gen:e.generatedMessage, op:e.operator, isAE: e instanceof assert.AssertionError}) } } show(() => assert.deepStrictEqual(\"a\\nb\\nc\", \"a\\nx\\nc\"))",
			"{\"name\":\"AssertionError\",\"code\":\"ERR_ASSERTION\",\"msg\":\"Expected values to be strictly deep-equal:\\n+ actual - expected\\n\\n+ 'a\\\\nb\\\\nc'\\n- 'a\\\\nx\\\\nc'\\n      ^\",\"gen\":true,\"op\":\"deepStrictEqual\",\"isAE\":true}",
		},
		{
			"const assert = require('assert'); function show(f){ try { f(); return \"no throw\" } catch(e) { return JSON.stringify({name:e.name, code:e.code, msg:e.message, gen:e.generatedMessage, op:e.operator, isAE: e instanceof assert.AssertionError}) } } show(() => assert.deepEqual(1, \"1\"))",
			"no throw",
		},
		{
			"const assert = require('assert'); function show(f){ try { f(); return \"no throw\" } catch(e) { return JSON.stringify({name:e.name, code:e.code, msg:e.message, gen:e.generatedMessage, op:e.operator, isAE: e instanceof assert.AssertionError}) } } show(() => assert.deepEqual([1,,3], [1,undefined,3]))",
			"{\"name\":\"AssertionError\",\"code\":\"ERR_ASSERTION\",\"msg\":\"Expected values to be loosely deep-equal:\\n\\n[\\n  1,\\n  <1 empty item>,\\n  3\\n]\\n\\nshould loosely deep-equal\\n\\n[\\n  1,\\n  undefined,\\n  3\\n]\",\"gen\":true,\"op\":\"deepEqual\",\"isAE\":true}",
		},
		{
			"const assert = require('assert'); function show(f){ try { f(); return \"no throw\" } catch(e) { return JSON.stringify({name:e.name, code:e.code, msg:e.message, gen:e.generatedMessage, op:e.operator, isAE: e instanceof assert.AssertionError}) } } show(() => assert.deepStrictEqual(new Error(\"a\",{cause:1}), new Error(\"a\",{cause:2})))",
			"{\"name\":\"AssertionError\",\"code\":\"ERR_ASSERTION\",\"msg\":\"Values have same structure but are not reference-equal:\\n\\n[Error: a]\\n\",\"gen\":true,\"op\":\"deepStrictEqual\",\"isAE\":true}",
		},
		{
			"const assert = require('assert'); function show(f){ try { f(); return \"no throw\" } catch(e) { return JSON.stringify({name:e.name, code:e.code, msg:e.message, gen:e.generatedMessage, op:e.operator, isAE: e instanceof assert.AssertionError}) } } show(() => assert.deepStrictEqual(-0, 0))",
			"{\"name\":\"AssertionError\",\"code\":\"ERR_ASSERTION\",\"msg\":\"Expected values to be strictly deep-equal:\\n+ actual - expected\\n\\n+ -0\\n- 0\",\"gen\":true,\"op\":\"deepStrictEqual\",\"isAE\":true}",
		},
		{
			"const assert = require('assert'); function show(f){ try { f(); return \"no throw\" } catch(e) { return JSON.stringify({name:e.name, code:e.code, msg:e.message, gen:e.generatedMessage, op:e.operator, isAE: e instanceof assert.AssertionError}) } } show(() => assert.deepStrictEqual(new Map([[{a:1},1]]), new Map([[{a:1},1]])))",
			"no throw",
		},
		{
			"const assert = require('assert'); function show(f){ try { f(); return \"no throw\" } catch(e) { return JSON.stringify({name:e.name, code:e.code, msg:e.message, gen:e.generatedMessage, op:e.operator, isAE: e instanceof assert.AssertionError}) } } show(() => assert.deepEqual(new Set([{a:1},{a:2}]), new Set([{a:2},{a:1}])))",
			"no throw",
		},
		{
			"const assert = require('assert'); function show(f){ try { f(); return \"no throw\" } catch(e) { return JSON.stringify({name:e.name, code:e.code, msg:e.message, gen:e.generatedMessage, op:e.operator, isAE: e instanceof assert.AssertionError}) } } show(() => assert.deepStrictEqual(Object.create(null), {}))",
			"{\"name\":\"AssertionError\",\"code\":\"ERR_ASSERTION\",\"msg\":\"Expected values to be strictly deep-equal:\\n+ actual - expected\\n\\n+ [Object: null prototype] {}\\n- {}\",\"gen\":true,\"op\":\"deepStrictEqual\",\"isAE\":true}",
		},
		{
			"const assert = require('assert'); function show(f){ try { f(); return \"no throw\" } catch(e) { return JSON.stringify({name:e.name, code:e.code, msg:e.message, gen:e.generatedMessage, op:e.operator, isAE: e instanceof assert.AssertionError}) } } show(() => assert.deepEqual(Object.create(null), {}))",
			"no throw",
		},
		{
			"const assert = require('assert'); function show(f){ try { f(); return \"no throw\" } catch(e) { return JSON.stringify({name:e.name, code:e.code, msg:e.message, gen:e.generatedMessage, op:e.operator, isAE: e instanceof assert.AssertionError}) } } show(() => assert.strict.equal(1, \"1\"))",
			"{\"name\":\"AssertionError\",\"code\":\"ERR_ASSERTION\",\"msg\":\"Expected values to be strictly equal:\\n\\n1 !== '1'\\n\",\"gen\":true,\"op\":\"strictEqual\",\"isAE\":true}",
		},
		{
			"const assert = require('assert'); function show(f){ try { f(); return \"no throw\" } catch(e) { return JSON.stringify({name:e.name, code:e.code, msg:e.message, gen:e.generatedMessage, op:e.operator, isAE: e instanceof assert.AssertionError}) } } show(() => assert.strict.deepEqual([1], [\"1\"]))",
			"{\"name\":\"AssertionError\",\"code\":\"ERR_ASSERTION\",\"msg\":\"Expected values to be strictly deep-equal:\\n+ actual - expected\\n\\n  [\\n+   1\\n-   '1'\\n  ]\",\"gen\":true,\"op\":\"deepStrictEqual\",\"isAE\":true}",
		},
		{
			"const assert = require('assert'); function show(f){ try { f(); return \"no throw\" } catch(e) { return JSON.stringify({name:e.name, code:e.code, msg:e.message, gen:e.generatedMessage, op:e.operator, isAE: e instanceof assert.AssertionError}) } } show(() => assert.strict.notEqual(1, 1))",
			"{\"name\":\"AssertionError\",\"code\":\"ERR_ASSERTION\",\"msg\":\"Expected \\\"actual\\\" to be strictly unequal to: 1\",\"gen\":true,\"op\":\"notStrictEqual\",\"isAE\":true}",
		},
		{
			"const assert = require('assert'); function show(f){ try { f(); return \"no throw\" } catch(e) { return JSON.stringify({name:e.name, code:e.code, msg:e.message, gen:e.generatedMessage, op:e.operator, isAE: e instanceof assert.AssertionError}) } } show(() => assert.strict(false))",
			"{\"name\":\"AssertionError\",\"code\":\"ERR_ASSERTION\",\"msg\":\"false == true\",\"gen\":true,\"op\":\"==\",\"isAE\":true}",
		},
		{
			"const assert = require('assert'); function show(f){ try { f(); return \"no throw\" } catch(e) { return JSON.stringify({name:e.name, code:e.code, msg:e.message, gen:e.generatedMessage, op:e.operator, isAE: e instanceof assert.AssertionError}) } } show(() => assert.deepStrictEqual(new Date(0), new Date(1)))",
			"{\"name\":\"AssertionError\",\"code\":\"ERR_ASSERTION\",\"msg\":\"Expected values to be strictly deep-equal:\\n+ actual - expected\\n\\n+ 1970-01-01T00:00:00.000Z\\n- 1970-01-01T00:00:00.001Z\\n                        ^\",\"gen\":true,\"op\":\"deepStrictEqual\",\"isAE\":true}",
		},
		{
			"const assert = require('assert'); function show(f){ try { f(); return \"no throw\" } catch(e) { return JSON.stringify({name:e.name, code:e.code, msg:e.message, gen:e.generatedMessage, op:e.operator, isAE: e instanceof assert.AssertionError}) } } show(() => assert.deepStrictEqual(/a/g, /a/i))",
			"{\"name\":\"AssertionError\",\"code\":\"ERR_ASSERTION\",\"msg\":\"Expected values to be strictly deep-equal:\\n+ actual - expected\\n\\n+ /a/g\\n- /a/i\",\"gen\":true,\"op\":\"deepStrictEqual\",\"isAE\":true}",
		},
		{
			"const assert = require('assert'); function show(f){ try { f(); return \"no throw\" } catch(e) { return JSON.stringify({name:e.name, code:e.code, msg:e.message, gen:e.generatedMessage, op:e.operator, isAE: e instanceof assert.AssertionError}) } } show(() => assert.deepStrictEqual(new Uint8Array([1,2]), new Uint8Array([1,3])))",
			"{\"name\":\"AssertionError\",\"code\":\"ERR_ASSERTION\",\"msg\":\"Expected values to be strictly deep-equal:\\n+ actual - expected\\n\\n  Uint8Array(2) [\\n    1,\\n+   2\\n-   3\\n  ]\",\"gen\":true,\"op\":\"deepStrictEqual\",\"isAE\":true}",
		},
		{
			"const assert = require('assert'); function show(f){ try { f(); return \"no throw\" } catch(e) { return JSON.stringify({name:e.name, code:e.code, msg:e.message, gen:e.generatedMessage, op:e.operator, isAE: e instanceof assert.AssertionError}) } } show(() => assert.deepStrictEqual([1, [2, [3, {x: new Map([[1, 2]])}]]], [1, [2, [3, {x: new Map([[1, 2]])}]]]))",
			"no throw",
		},
		{
			"const assert = require('assert'); function show(f){ try { f(); return \"no throw\" } catch(e) { return JSON.stringify({name:e.name, code:e.code, msg:e.message, gen:e.generatedMessage, op:e.operator, isAE: e instanceof assert.AssertionError}) } } show(() => assert.fail(1, 2))",
			"{\"name\":\"AssertionError\",\"code\":\"ERR_ASSERTION\",\"msg\":\"1 != 2\",\"gen\":true,\"op\":\"!=\",\"isAE\":true}",
		},
		{
			"const assert = require('assert'); function show(f){ try { f(); return \"no throw\" } catch(e) { return JSON.stringify({name:e.name, code:e.code, msg:e.message, gen:e.generatedMessage, op:e.operator, isAE: e instanceof assert.AssertionError}) } } show(() => assert.fail(1, 2, undefined, \">\"))",
			"{\"name\":\"AssertionError\",\"code\":\"ERR_ASSERTION\",\"msg\":\"1 > 2\",\"gen\":true,\"op\":\">\",\"isAE\":true}",
		},
		{
			"const assert = require('assert'); function show(f){ try { f(); return \"no throw\" } catch(e) { return JSON.stringify({name:e.name, code:e.code, msg:e.message, gen:e.generatedMessage, op:e.operator, isAE: e instanceof assert.AssertionError}) } } show(() => assert.throws(() => { throw new Error(\"same\") }, \"same\"))",
			"{\"name\":\"TypeError\",\"code\":\"ERR_AMBIGUOUS_ARGUMENT\",\"msg\":\"The \\\"error/message\\\" argument is ambiguous. The error message \\\"same\\\" is identical to the message.\",\"isAE\":false}",
		},
		{
			"const assert = require('assert'); function show(f){ try { f(); return \"no throw\" } catch(e) { return JSON.stringify({name:e.name, code:e.code, msg:e.message, gen:e.generatedMessage, op:e.operator, isAE: e instanceof assert.AssertionError}) } } show(() => assert.throws(() => { throw 5 }, { a: 1 }))",
			"{\"name\":\"AssertionError\",\"code\":\"ERR_ASSERTION\",\"msg\":\"Expected values to be strictly deep-equal:\\n+ actual - expected\\n\\n+ 5\\n- {\\n-   a: 1\\n- }\",\"gen\":true,\"op\":\"throws\",\"isAE\":true}",
		},
		{
			"const assert = require('assert'); function show(f){ try { f(); return \"no throw\" } catch(e) { return JSON.stringify({name:e.name, code:e.code, msg:e.message, gen:e.generatedMessage, op:e.operator, isAE: e instanceof assert.AssertionError}) } } show(() => assert.throws(() => { throw new Error(\"x\") }, {}))",
			"{\"name\":\"TypeError\",\"code\":\"ERR_INVALID_ARG_VALUE\",\"msg\":\"The argument 'error' may not be an empty object. Received {}\",\"isAE\":false}",
		},
		{
			"const assert = require('assert'); function show(f){ try { f(); return \"no throw\" } catch(e) { return JSON.stringify({name:e.name, code:e.code, msg:e.message, gen:e.generatedMessage, op:e.operator, isAE: e instanceof assert.AssertionError}) } } show(() => assert.throws(() => { throw new Error(\"x\") }, 5))",
			"{\"name\":\"TypeError\",\"code\":\"ERR_INVALID_ARG_TYPE\",\"msg\":\"The \\\"error\\\" argument must be of type function or an instance of Error, RegExp, or Object. Received type number (5)\",\"isAE\":false}",
		},
		{
			"const assert = require('assert'); function show(f){ try { f(); return \"no throw\" } catch(e) { return JSON.stringify({name:e.name, code:e.code, msg:e.message, gen:e.generatedMessage, op:e.operator, isAE: e instanceof assert.AssertionError}) } } show(() => assert.deepEqual(NaN, NaN))",
			"no throw",
		},
		{
			"const assert = require('assert'); function show(f){ try { f(); return \"no throw\" } catch(e) { return JSON.stringify({name:e.name, code:e.code, msg:e.message, gen:e.generatedMessage, op:e.operator, isAE: e instanceof assert.AssertionError}) } } show(() => assert.deepEqual([], {}))",
			"{\"name\":\"AssertionError\",\"code\":\"ERR_ASSERTION\",\"msg\":\"Expected values to be loosely deep-equal:\\n\\n[]\\n\\nshould loosely deep-equal\\n\\n{}\",\"gen\":true,\"op\":\"deepEqual\",\"isAE\":true}",
		},
		{
			"const assert = require('assert'); function show(f){ try { f(); return \"no throw\" } catch(e) { return JSON.stringify({name:e.name, code:e.code, msg:e.message, gen:e.generatedMessage, op:e.operator, isAE: e instanceof assert.AssertionError}) } } show(() => assert.deepEqual(new Date(0), {}))",
			"{\"name\":\"AssertionError\",\"code\":\"ERR_ASSERTION\",\"msg\":\"Expected values to be loosely deep-equal:\\n\\n1970-01-01T00:00:00.000Z\\n\\nshould loosely deep-equal\\n\\n{}\",\"gen\":true,\"op\":\"deepEqual\",\"isAE\":true}",
		},
		{
			"const assert = require('assert'); function show(f){ try { f(); return \"no throw\" } catch(e) { return JSON.stringify({name:e.name, code:e.code, msg:e.message, gen:e.generatedMessage, op:e.operator, isAE: e instanceof assert.AssertionError}) } } show(() => assert.deepEqual(new Error(\"a\"), new Error(\"b\")))",
			"{\"name\":\"AssertionError\",\"code\":\"ERR_ASSERTION\",\"msg\":\"Expected values to be loosely deep-equal:\\n\\n[Error: a]\\n\\nshould loosely deep-equal\\n\\n[Error: b]\",\"gen\":true,\"op\":\"deepEqual\",\"isAE\":true}",
		},
		{
			"const assert = require('assert'); function show(f){ try { f(); return \"no throw\" } catch(e) { return JSON.stringify({name:e.name, code:e.code, msg:e.message, gen:e.generatedMessage, op:e.operator, isAE: e instanceof assert.AssertionError}) } } show(() => assert.deepStrictEqual(new TypeError(\"a\"), new Error(\"a\")))",
			"{\"name\":\"AssertionError\",\"code\":\"ERR_ASSERTION\",\"msg\":\"Expected values to be strictly deep-equal:\\n+ actual - expected\\n\\n+ [TypeError: a]\\n- [Error: a]\",\"gen\":true,\"op\":\"deepStrictEqual\",\"isAE\":true}",
		},
		{
			"const assert = require('assert'); function show(f){ try { f(); return \"no throw\" } catch(e) { return JSON.stringify({name:e.name, code:e.code, msg:e.message, gen:e.generatedMessage, op:e.operator, isAE: e instanceof assert.AssertionError}) } } show(() => assert.deepStrictEqual(new WeakMap(), new WeakMap()))",
			"no throw",
		},
		{
			"const assert = require('assert'); function show(f){ try { f(); return \"no throw\" } catch(e) { return JSON.stringify({name:e.name, code:e.code, msg:e.message, gen:e.generatedMessage, op:e.operator, isAE: e instanceof assert.AssertionError}) } } show(() => assert.deepStrictEqual([-0], [0]))",
			"{\"name\":\"AssertionError\",\"code\":\"ERR_ASSERTION\",\"msg\":\"Expected values to be strictly deep-equal:\\n+ actual - expected\\n\\n  [\\n+   -0\\n-   0\\n  ]\",\"gen\":true,\"op\":\"deepStrictEqual\",\"isAE\":true}",
		},
		{
			"const assert = require('assert'); function show(f){ try { f(); return \"no throw\" } catch(e) { return JSON.stringify({name:e.name, code:e.code, msg:e.message, gen:e.generatedMessage, op:e.operator, isAE: e instanceof assert.AssertionError}) } } show(() => assert.deepStrictEqual({[Symbol.for(\"a\")]:1}, {[Symbol.for(\"a\")]:2}))",
			"{\"name\":\"AssertionError\",\"code\":\"ERR_ASSERTION\",\"msg\":\"Expected values to be strictly deep-equal:\\n+ actual - expected\\n\\n  {\\n+   [Symbol(a)]: 1\\n-   [Symbol(a)]: 2\\n  }\",\"gen\":true,\"op\":\"deepStrictEqual\",\"isAE\":true}",
		},
		{
			"const assert = require('assert'); function show(f){ try { f(); return \"no throw\" } catch(e) { return JSON.stringify({name:e.name, code:e.code, msg:e.message, gen:e.generatedMessage, op:e.operator, isAE: e instanceof assert.AssertionError}) } } show(() => assert.deepEqual({[Symbol.for(\"a\")]:1}, {[Symbol.for(\"a\")]:2}))",
			"no throw",
		},
		{
			"const assert = require('assert'); function show(f){ try { f(); return \"no throw\" } catch(e) { return JSON.stringify({name:e.name, code:e.code, msg:e.message, gen:e.generatedMessage, op:e.operator, isAE: e instanceof assert.AssertionError}) } } show(() => assert.deepStrictEqual(new Number(1), new Number(2)))",
			"{\"name\":\"AssertionError\",\"code\":\"ERR_ASSERTION\",\"msg\":\"Expected values to be strictly deep-equal:\\n+ actual - expected\\n\\n+ [Number: 1]\\n- [Number: 2]\\n           ^\",\"gen\":true,\"op\":\"deepStrictEqual\",\"isAE\":true}",
		},
		{
			"const assert = require('assert'); function show(f){ try { f(); return \"no throw\" } catch(e) { return JSON.stringify({name:e.name, code:e.code, msg:e.message, gen:e.generatedMessage, op:e.operator, isAE: e instanceof assert.AssertionError}) } } show(() => assert.deepEqual(new Map([[1,1]]), new Map([[\"1\",1]])))",
			"no throw",
		},
		{
			"const assert = require('assert'); function show(f){ try { f(); return \"no throw\" } catch(e) { return JSON.stringify({name:e.name, code:e.code, msg:e.message, gen:e.generatedMessage, op:e.operator, isAE: e instanceof assert.AssertionError}) } } show(() => assert.deepEqual(new Set([1]), new Set([\"1\"])))",
			"no throw",
		},
		{
			"const assert = require('assert'); function show(f){ try { f(); return \"no throw\" } catch(e) { return JSON.stringify({name:e.name, code:e.code, msg:e.message, gen:e.generatedMessage, op:e.operator, isAE: e instanceof assert.AssertionError}) } } show(() => assert.deepStrictEqual({a:undefined}, {}))",
			"{\"name\":\"AssertionError\",\"code\":\"ERR_ASSERTION\",\"msg\":\"Expected values to be strictly deep-equal:\\n+ actual - expected\\n\\n+ {\\n+   a: undefined\\n+ }\\n- {}\",\"gen\":true,\"op\":\"deepStrictEqual\",\"isAE\":true}",
		},
		{
			"const assert = require('assert'); function show(f){ try { f(); return \"no throw\" } catch(e) { return JSON.stringify({name:e.name, code:e.code, msg:e.message, gen:e.generatedMessage, op:e.operator, isAE: e instanceof assert.AssertionError}) } } show(() => assert.deepStrictEqual(new Uint8Array([1]), new Int8Array([1])))",
			"{\"name\":\"AssertionError\",\"code\":\"ERR_ASSERTION\",\"msg\":\"Expected values to be strictly deep-equal:\\n+ actual - expected\\n\\n+ Uint8Array(1) [\\n- Int8Array(1) [\\n    1\\n  ]\",\"gen\":true,\"op\":\"deepStrictEqual\",\"isAE\":true}",
		},
		{
			"const assert = require('assert'); function show(f){ try { f(); return \"no throw\" } catch(e) { return JSON.stringify({name:e.name, code:e.code, msg:e.message, gen:e.generatedMessage, op:e.operator, isAE: e instanceof assert.AssertionError}) } } show(() => assert.deepStrictEqual(new Float64Array([-0]), new Float64Array([0])))",
			"{\"name\":\"AssertionError\",\"code\":\"ERR_ASSERTION\",\"msg\":\"Expected values to be strictly deep-equal:\\n+ actual - expected\\n\\n  Float64Array(1) [\\n+   -0\\n-   0\\n  ]\",\"gen\":true,\"op\":\"deepStrictEqual\",\"isAE\":true}",
		},
		{
			"const assert = require('assert'); function show(f){ try { f(); return \"no throw\" } catch(e) { return JSON.stringify({name:e.name, code:e.code, msg:e.message, gen:e.generatedMessage, op:e.operator, isAE: e instanceof assert.AssertionError}) } } show(() => assert.deepEqual(new Float64Array([-0]), new Float64Array([0])))",
			"no throw",
		},
		{
			"const assert = require('assert'); function show(f){ try { f(); return \"no throw\" } catch(e) { return JSON.stringify({name:e.name, code:e.code, msg:e.message, gen:e.generatedMessage, op:e.operator, isAE: e instanceof assert.AssertionError}) } } show(() => assert.deepEqual(null, undefined))",
			"no throw",
		},
		{
			"const assert = require('assert'); function show(f){ try { f(); return \"no throw\" } catch(e) { return JSON.stringify({name:e.name, code:e.code, msg:e.message, gen:e.generatedMessage, op:e.operator, isAE: e instanceof assert.AssertionError}) } } show(() => assert.deepEqual(new String(\"a\"), \"a\"))",
			"{\"name\":\"AssertionError\",\"code\":\"ERR_ASSERTION\",\"msg\":\"Expected values to be loosely deep-equal:\\n\\n[String: 'a']\\n\\nshould loosely deep-equal\\n\\n'a'\",\"gen\":true,\"op\":\"deepEqual\",\"isAE\":true}",
		},
		{
			"const assert = require('assert'); function show(f){ try { f(); return \"no throw\" } catch(e) { return JSON.stringify({name:e.name, code:e.code, msg:e.message, gen:e.generatedMessage, op:e.operator, isAE: e instanceof assert.AssertionError}) } } show(() => assert.deepStrictEqual(Promise.resolve(1), Promise.resolve(1)))",
			"no throw",
		},
		{
			"const assert = require('assert'); function show(f){ try { f(); return \"no throw\" } catch(e) { return JSON.stringify({name:e.name, code:e.code, msg:e.message, gen:e.generatedMessage, op:e.operator, isAE: e instanceof assert.AssertionError}) } } show(() => assert.deepStrictEqual(new ArrayBuffer(2), new ArrayBuffer(2)))",
			"no throw",
		},
		{
			"const assert = require('assert'); function show(f){ try { f(); return \"no throw\" } catch(e) { return JSON.stringify({name:e.name, code:e.code, msg:e.message, gen:e.generatedMessage, op:e.operator, isAE: e instanceof assert.AssertionError}) } } show(() => assert.deepEqual(Object.assign(new Error(\"a\"),{code:1}), new Error(\"a\")))",
			"{\"name\":\"AssertionError\",\"code\":\"ERR_ASSERTION\",\"msg\":\"Expected values to be loosely deep-equal:\\n\\n[Error: a] {\\n  code: 1\\n}\\n\\nshould loosely deep-equal\\n\\n[Error: a]\",\"gen\":true,\"op\":\"deepEqual\",\"isAE\":true}",
		},
		{
			"const assert = require('assert'); function show(f){ try { f(); return \"no throw\" } catch(e) { return JSON.stringify({name:e.name, code:e.code, msg:e.message, gen:e.generatedMessage, op:e.operator, isAE: e instanceof assert.AssertionError}) } } show(() => assert.deepStrictEqual(Object.assign([1], {x: 1}), [1]))",
			"{\"name\":\"AssertionError\",\"code\":\"ERR_ASSERTION\",\"msg\":\"Expected values to be strictly deep-equal:\\n+ actual - expected\\n\\n  [\\n    1,\\n+   x: 1\\n  ]\",\"gen\":true,\"op\":\"deepStrictEqual\",\"isAE\":true}",
		},
		{
			"const assert = require('assert'); const e = new assert.AssertionError({message: \"hi\"}); JSON.stringify([Object.keys(e), e.name, e.code, e.actual, String(e), e instanceof Error])",
			"[[\"generatedMessage\",\"code\",\"actual\",\"expected\",\"operator\"],\"AssertionError\",\"ERR_ASSERTION\",null,\"AssertionError [ERR_ASSERTION]: hi\",true]",
		},
		{
			"const assert = require('assert'); const e = new assert.AssertionError({actual: 1, expected: 2, operator: 'strictEqual'}); JSON.stringify([e.message, e.generatedMessage, e.actual, e.expected, e.operator])",
			"[\"Expected values to be strictly equal:\\n\\n1 !== 2\\n\",true,1,2,\"strictEqual\"]",
		},
		{
			"const assert = require('assert'); JSON.stringify([assert.strict.strict === assert.strict, require(\"assert/strict\") === assert.strict, assert.strict.equal === assert.strictEqual, typeof assert.AssertionError, require('node:assert') === assert, assert.strict.AssertionError === assert.AssertionError])",
			"[true,true,true,\"function\",true,true]",
		},
		{
			"const a = {}; a.a = a; const b = {}; b.a = b; const c = { a: {} }; c.a.a = c; JSON.stringify([require('util').isDeepStrictEqual(a, b), require('util').isDeepStrictEqual(a, c)])",
			"[true,true]",
		},
	})
}

func TestAssertRejects(t *testing.T) {
	_, run := newTestHost(t, Options{})
	run(`
		const assert = require('assert');
		const out = [];
		globalThis.result = out;
		const note = (p) => p.then(() => out.push('ok'), (e) => out.push(e.code + ': ' + e.message));
		(async () => {
			await note(assert.rejects(Promise.reject(new TypeError('t')), TypeError));
			await note(assert.rejects(async () => { throw new Error('x'); }, /x/));
			await note(assert.rejects(Promise.resolve(1)));
			await note(assert.rejects(Promise.resolve(1), TypeError, 'want it'));
			await note(assert.rejects(() => 5));
			await note(assert.rejects(Promise.reject(new Error('x')), { message: 'x' }));
			await note(assert.doesNotReject(Promise.resolve(1)));
			await note(assert.doesNotReject(Promise.reject(new Error('boom'))));
			await note(assert.doesNotReject(async () => { throw new Error('boom'); }, 'msg'));
		})();
	`)
	got := run(`JSON.stringify(globalThis.result)`).String()
	// Each message is what Node 20 gives for the same call.
	want := `["ok","ok","ERR_ASSERTION: Missing expected rejection.","ERR_ASSERTION: Missing expected rejection (TypeError): want it","ERR_INVALID_RETURN_VALUE: Expected instance of Promise to be returned from the \"promiseFn\" function but got type number.","ok","ok","ERR_ASSERTION: Got unwanted rejection.\nActual message: \"boom\"","ERR_ASSERTION: Got unwanted rejection: msg\nActual message: \"boom\""]`
	if got != want {
		t.Fatalf("got  %s\nwant %s", got, want)
	}
}

func TestAssertionErrorToString(t *testing.T) {
	_, run := newTestHost(t, Options{})
	v := run(`
		const assert = require('assert');
		let e;
		try { assert.strictEqual(1, 2); } catch (err) { e = err; }
		[String(e).split('\n')[0], e.stack.split('\n')[0], e.name, e.code].join('|');
	`).String()
	if want := "AssertionError [ERR_ASSERTION]: Expected values to be strictly equal:|AssertionError [ERR_ASSERTION]: Expected values to be strictly equal:|AssertionError|ERR_ASSERTION"; v != want {
		t.Fatalf("got %q", v)
	}
}
