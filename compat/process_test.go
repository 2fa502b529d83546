package compat

import (
	"bytes"
	"log/slog"
	"os"
	"strings"
	"testing"
)

func TestProcess(t *testing.T) {
	t.Setenv("GOJAAPI_SECRET_HOST_VAR", "leak")
	var buf bytes.Buffer
	logger := slog.New(slog.NewTextHandler(&buf, nil))
	_, run := newTestHost(t, Options{Env: map[string]string{"NODE_ENV": "production", "A": "1"}, RootPath: "/srv/app", Logger: logger})
	tests := []struct{ src, want string }{
		{`process === require('process') && process === require('node:process')`, "true"},
		{`JSON.stringify(Object.keys(process.env).sort())`, `["A","NODE_ENV"]`},
		{`String(process.env.GOJAAPI_SECRET_HOST_VAR)`, "undefined"},
		{`process.env.X = 5; process.env.Y = undefined; process.env.Z = null; [typeof process.env.X, process.env.X, process.env.Y, process.env.Z].join()`, "string,5,undefined,null"},
		{`delete process.env.X; 'X' in process.env`, "false"},
		{`try { process.env.S = Symbol(); 'no' } catch (e) { e.message }`, "Cannot convert a Symbol value to a string"},
		{`try { Object.defineProperty(process.env, 'Q', { get() {} }); 'no' } catch (e) { e.code + ' ' + e.message }`, "ERR_INVALID_OBJECT_DEFINE_PROPERTY 'process.env' does not accept an accessor(getter/setter) descriptor"},
		{`process.env.O = { a: 1 }; process.env.O`, "[object Object]"},
		{`typeof process.env.hasOwnProperty`, "function"},
		{`process.cwd()`, "/srv/app"},
		{`[process.platform, process.version, process.versions.node, process.versions.v8, process.arch, process.release.name, process.release.lts].join()`, "linux,v20.20.2,20.20.2,11.3.244.8-node.38,x64,node,Iron"},
		{`process.argv[0] + ' ' + process.argv.length + ' ' + process.execArgv.length`, "/usr/local/bin/node 2 0"},
		{`typeof process.pid === 'number' && process.pid === require('process').pid`, "true"},
		{`const h = process.hrtime(); const d = process.hrtime(h); [h.length, d.length, d[0] >= 0, typeof process.hrtime.bigint()].join()`, "2,2,true,bigint"},
		{`const m = process.memoryUsage(); ['rss', 'heapTotal', 'heapUsed', 'external', 'arrayBuffers'].every((k) => typeof m[k] === 'number') && m.heapUsed > 0`, "true"},
		{`const u = process.uptime(); typeof u === 'number' && u >= 0`, "true"},
		{`process instanceof require('events') && typeof process.on === 'function'`, "true"},
		{`let got; process.once('x', (v) => got = v); process.emit('x', 7); got + ' ' + process.listenerCount('x')`, "7 0"},
		{`try { process.exit(1); 'no' } catch (e) { /not allowed/.test(e.message) && /request handler/.test(e.message) }`, "true"},
		{`try { process.abort(); 'no' } catch (e) { e instanceof Error }`, "true"},
		{`try { process.kill(1); 'no' } catch (e) { e instanceof Error }`, "true"},
		{`String(process.exitCode) + (process.exitCode = 2, process.exitCode)`, "undefined2"},
		{`typeof process.stdout.write + process.stdout.fd + process.stderr.fd + process.stdin.fd`, "function120"},
		{`Object.prototype.toString.call(process)`, "[object process]"},
		{`typeof process.features.inspector + typeof process.config.variables`, "booleanobject"},
		{`process.umask()`, "18"},
	}
	for _, tc := range tests {
		if got := run(tc.src).String(); got != tc.want {
			t.Errorf("%s\n got  %q\n want %q", tc.src, got, tc.want)
		}
	}
	if os.Getenv("GOJAAPI_SECRET_HOST_VAR") == "" {
		t.Fatal("setenv failed")
	}
	run(`
		globalThis.warnings = [];
		process.on('warning', (w) => warnings.push(w.name + '|' + w.message + '|' + w.code));
		process.emitWarning('careful');
		process.emitWarning('dep', 'DeprecationWarning', 'DEP0001');
		process.emitWarning(new Error('err warn'));
		process.emitWarning('obj', { type: 'CustomWarning', code: 'C1', detail: 'more' });
		process.stdout.write('out line\n');
		process.stderr.write('part ');
		process.stderr.write('two\n');
	`)
	if got, want := run(`warnings.join(';')`).String(), "Warning|careful|undefined;DeprecationWarning|dep|DEP0001;Error|err warn|undefined;CustomWarning|obj|C1"; got != want {
		t.Errorf("warnings %q want %q", got, want)
	}
	log := buf.String()
	for _, want := range []string{") Warning: careful", ") [DEP0001] DeprecationWarning: dep", ") Error: err warn", `[C1] CustomWarning: obj\nmore`, `msg="out line"`, `msg="part two"`} {
		if !strings.Contains(log, want) {
			t.Errorf("log lacks %q:\n%s", want, log)
		}
	}
}
