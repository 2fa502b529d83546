package compat

import (
	"strings"
	"testing"
)

// TestUnavailableModulesMatchNodeShape checks that the stubbed modules export Node's function names and plain values.
// Every expected value was printed by Node 20 for the same source.
func TestUnavailableModulesMatchNodeShape(t *testing.T) {
	runMiscCases(t, []miscCase{
		{
			"JSON.stringify(['child_process', 'net', 'tls', 'dns', 'dgram', 'cluster', 'worker_threads', 'vm', 'v8', 'inspector', 'repl', 'readline'].map((m) => Object.keys(require(m)).filter((k) => typeof require(m)[k] === 'function').sort()))",
			"[[\"ChildProcess\",\"_forkChild\",\"exec\",\"execFile\",\"execFileSync\",\"execSync\",\"fork\",\"spawn\",\"spawnSync\"],[\"BlockList\",\"Server\",\"Socket\",\"SocketAddress\",\"Stream\",\"_createServerHandle\",\"_normalizeArgs\",\"_setSimultaneousAccepts\",\"connect\",\"createConnection\",\"createServer\",\"getDefaultAutoSelectFamily\",\"getDefaultAutoSelectFamilyAttemptTimeout\",\"isIP\",\"isIPv4\",\"isIPv6\",\"setDefaultAutoSelectFamily\",\"setDefaultAutoSelectFamilyAttemptTimeout\"],[\"SecureContext\",\"Server\",\"TLSSocket\",\"checkServerIdentity\",\"connect\",\"convertALPNProtocols\",\"createSecureContext\",\"createSecurePair\",\"createServer\",\"getCiphers\"],[\"Resolver\",\"getDefaultResultOrder\",\"getServers\",\"lookup\",\"lookupService\",\"resolve\",\"resolve4\",\"resolve6\",\"resolveAny\",\"resolveCaa\",\"resolveCname\",\"resolveMx\",\"resolveNaptr\",\"resolveNs\",\"resolvePtr\",\"resolveSoa\",\"resolveSrv\",\"resolveTxt\",\"reverse\",\"setDefaultResultOrder\",\"setServers\"],[\"Socket\",\"_createSocketHandle\",\"createSocket\"],[\"Worker\",\"disconnect\",\"fork\",\"setupMaster\",\"setupPrimary\"],[\"BroadcastChannel\",\"MessageChannel\",\"MessagePort\",\"Worker\",\"getEnvironmentData\",\"markAsUntransferable\",\"moveMessagePortToContext\",\"postMessageToThread\",\"receiveMessageOnPort\",\"setEnvironmentData\"],[\"Script\",\"compileFunction\",\"createContext\",\"createScript\",\"isContext\",\"measureMemory\",\"runInContext\",\"runInNewContext\",\"runInThisContext\"],[\"DefaultDeserializer\",\"DefaultSerializer\",\"Deserializer\",\"GCProfiler\",\"Serializer\",\"cachedDataVersionTag\",\"deserialize\",\"getHeapCodeStatistics\",\"getHeapSnapshot\",\"getHeapSpaceStatistics\",\"getHeapStatistics\",\"queryObjects\",\"serialize\",\"setFlagsFromString\",\"setHeapSnapshotNearHeapLimit\",\"stopCoverage\",\"takeCoverage\",\"writeHeapSnapshot\"],[\"Session\",\"close\",\"open\",\"url\",\"waitForDebugger\"],[\"REPLServer\",\"Recoverable\",\"isValidSyntax\",\"start\",\"writer\"],[\"Interface\",\"clearLine\",\"clearScreenDown\",\"createInterface\",\"cursorTo\",\"emitKeypressEvents\",\"moveCursor\"]]",
		},
		{
			"const net = require('net'); JSON.stringify([net.isIP('1.2.3.4'), net.isIP('::1'), net.isIP('fe80::1%eth0'), net.isIP('1.2.3.256'), net.isIP('abc'), net.isIPv4('01.2.3.4'), net.isIPv6('2001:db8::8a2e:370:7334'), net.isIP('::ffff:192.168.0.1'), net.isIP(''), net.isIP('1::2::3')])",
			"[4,6,6,0,0,false,true,6,0,0]",
		},
		{
			"const w = require('worker_threads'); JSON.stringify([w.isMainThread, w.threadId, w.parentPort, w.workerData, require('cluster').isPrimary, require('cluster').isWorker, require('dns').NOTFOUND, require('tls').DEFAULT_MIN_VERSION, typeof require('dns').promises.lookup, typeof require('readline').promises.createInterface, typeof require('cluster').on, require('node:net') === require('net')])",
			"[true,0,null,null,true,false,\"ENOTFOUND\",\"TLSv1.2\",\"function\",\"function\",\"function\",true]",
		},
	})
}

func TestUnavailableCallsThrow(t *testing.T) {
	_, run := newTestHost(t, Options{})
	v := run(`
		const out = [];
		for (const f of [
			() => require('child_process').spawn('ls'),
			() => require('net').createConnection(80),
			() => new (require('net').Socket)(),
			() => require('dns').promises.lookup('x'),
			() => require('vm').runInNewContext('1'),
			() => require('worker_threads').Worker(),
			() => require('readline').createInterface({}),
		]) {
			try { f(); out.push('no throw'); } catch (e) { out.push(e.code + ': ' + e.message); }
		}
		out.push(typeof require('net').createConnection, typeof require('child_process').execSync);
		JSON.stringify(out);
	`).String()
	for _, want := range []string{
		`ERR_GOJAAPI_UNAVAILABLE: child_process.spawn() is not available in gojaapi: handlers cannot spawn processes; have the host program register a Go module`,
		`ERR_GOJAAPI_UNAVAILABLE: net.createConnection() is not available in gojaapi: handlers cannot open sockets or start servers; use fetch()`,
		`ERR_GOJAAPI_UNAVAILABLE: net.Socket is not available`,
		`ERR_GOJAAPI_UNAVAILABLE: dns.promises.lookup() is not available`,
		`ERR_GOJAAPI_UNAVAILABLE: vm.runInNewContext() is not available`,
		`ERR_GOJAAPI_UNAVAILABLE: worker_threads.Worker is not available`,
		`ERR_GOJAAPI_UNAVAILABLE: readline.createInterface() is not available`,
		`"function","function"]`,
	} {
		if !strings.Contains(v, want) {
			t.Errorf("%s lacks %q", v, want)
		}
	}
}

func TestClusterIsAnEmitter(t *testing.T) {
	_, run := newTestHost(t, Options{})
	v := run(`
		const cluster = require('cluster');
		let got = 0;
		cluster.on('x', (n) => { got = n; });
		cluster.emit('x', 5);
		got + ' ' + (cluster instanceof require('events'));
	`).String()
	if v != "5 true" {
		t.Fatalf("got %s", v)
	}
}
