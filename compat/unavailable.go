package compat

import (
	"github.com/dop251/goja"
)

// unavailableModule describes a Node module that cannot work inside a
// handler runtime (no sockets, processes, threads or debugger). Requiring it
// succeeds and its exports have their real names, so packages that only
// feature-detect keep working; calling any function throws an Error with
// code ERR_GOJAAPI_UNAVAILABLE naming the module and the alternative.
type unavailableModule struct {
	name      string
	functions []string
	values    string // JS object literal with the non-function exports
	hint      string
	nested    map[string][]string
}

const (
	hintSockets = "handlers cannot open sockets or start servers; use fetch() for HTTP(S) requests"
	hintSpawn   = "handlers cannot spawn processes; have the host program register a Go module (compat.Options.Modules) that does the work"
	hintThreads = "handlers already run in a pool of runtimes managed by gojaapi; there are no threads or processes to start"
)

var unavailableModules = []unavailableModule{
	{
		name:      "child_process",
		functions: []string{"_forkChild", "ChildProcess", "exec", "execFile", "execFileSync", "execSync", "fork", "spawn", "spawnSync"},
		hint:      hintSpawn,
	},
	{
		name: "net",
		functions: []string{"_createServerHandle", "_normalizeArgs", "_setSimultaneousAccepts", "BlockList", "SocketAddress",
			"connect", "createConnection", "createServer", "Server", "Socket", "Stream",
			"getDefaultAutoSelectFamily", "setDefaultAutoSelectFamily",
			"getDefaultAutoSelectFamilyAttemptTimeout", "setDefaultAutoSelectFamilyAttemptTimeout"},
		hint: hintSockets,
	},
	{
		name: "tls",
		functions: []string{"getCiphers", "convertALPNProtocols", "checkServerIdentity", "createSecureContext",
			"SecureContext", "TLSSocket", "Server", "createServer", "connect", "createSecurePair"},
		values: `{ CLIENT_RENEG_LIMIT: 3, CLIENT_RENEG_WINDOW: 600, DEFAULT_CIPHERS: 'TLS_AES_256_GCM_SHA384:TLS_CHACHA20_POLY1305_SHA256:TLS_AES_128_GCM_SHA256:ECDHE-RSA-AES128-GCM-SHA256:ECDHE-ECDSA-AES128-GCM-SHA256:ECDHE-RSA-AES256-GCM-SHA384:ECDHE-ECDSA-AES256-GCM-SHA384:DHE-RSA-AES128-GCM-SHA256:ECDHE-RSA-AES128-SHA256:DHE-RSA-AES128-SHA256:ECDHE-RSA-AES256-SHA384:DHE-RSA-AES256-SHA384:ECDHE-RSA-AES256-SHA256:DHE-RSA-AES256-SHA256:HIGH:!aNULL:!eNULL:!EXPORT:!DES:!RC4:!MD5:!PSK:!SRP:!CAMELLIA', DEFAULT_ECDH_CURVE: 'auto', DEFAULT_MIN_VERSION: 'TLSv1.2', DEFAULT_MAX_VERSION: 'TLSv1.3', rootCertificates: Object.freeze([]) }`,
		hint:   hintSockets,
	},
	{
		name: "dns",
		functions: []string{"lookup", "lookupService", "Resolver", "getDefaultResultOrder", "setDefaultResultOrder",
			"setServers", "getServers", "resolve", "resolve4", "resolve6", "resolveAny", "resolveCaa", "resolveCname",
			"resolveMx", "resolveNaptr", "resolveNs", "resolvePtr", "resolveSoa", "resolveSrv", "resolveTxt", "reverse"},
		values: `{ ADDRCONFIG: 1024, ALL: 256, V4MAPPED: 2048, NODATA: 'ENODATA', FORMERR: 'EFORMERR', SERVFAIL: 'ESERVFAIL', NOTFOUND: 'ENOTFOUND', NOTIMP: 'ENOTIMP', REFUSED: 'EREFUSED', BADQUERY: 'EBADQUERY', BADNAME: 'EBADNAME', BADFAMILY: 'EBADFAMILY', BADRESP: 'EBADRESP', CONNREFUSED: 'ECONNREFUSED', TIMEOUT: 'ETIMEOUT', EOF: 'EOF', FILE: 'EFILE', NOMEM: 'ENOMEM', DESTRUCTION: 'EDESTRUCTION', BADSTR: 'EBADSTR', BADFLAGS: 'EBADFLAGS', NONAME: 'ENONAME', BADHINTS: 'EBADHINTS', NOTINITIALIZED: 'ENOTINITIALIZED', LOADIPHLPAPI: 'ELOADIPHLPAPI', ADDRGETNETWORKPARAMS: 'EADDRGETNETWORKPARAMS', CANCELLED: 'ECANCELLED' }`,
		hint:   "there is no DNS access; fetch() resolves host names itself",
		nested: map[string][]string{"promises": {"lookup", "lookupService", "Resolver", "getDefaultResultOrder",
			"setDefaultResultOrder", "setServers", "getServers", "resolve", "resolve4", "resolve6", "resolveAny",
			"resolveCaa", "resolveCname", "resolveMx", "resolveNaptr", "resolveNs", "resolvePtr", "resolveSoa",
			"resolveSrv", "resolveTxt", "reverse"}},
	},
	{
		name:      "dgram",
		functions: []string{"_createSocketHandle", "createSocket", "Socket"},
		hint:      hintSockets,
	},
	{
		name:      "cluster",
		functions: []string{"Worker", "setupPrimary", "setupMaster", "fork", "disconnect"},
		values:    `{ isWorker: false, isMaster: true, isPrimary: true, workers: {}, settings: {}, SCHED_NONE: 1, SCHED_RR: 2, schedulingPolicy: 2 }`,
		hint:      hintThreads,
	},
	{
		name: "worker_threads",
		functions: []string{"MessagePort", "MessageChannel", "markAsUntransferable", "moveMessagePortToContext",
			"receiveMessageOnPort", "postMessageToThread", "Worker", "BroadcastChannel", "setEnvironmentData", "getEnvironmentData"},
		values: `{ isMainThread: true, resourceLimits: {}, threadId: 0, SHARE_ENV: Symbol.for('nodejs.worker_threads.SHARE_ENV'), parentPort: null, workerData: null }`,
		hint:   hintThreads,
	},
	{
		name: "vm",
		functions: []string{"Script", "createContext", "createScript", "runInContext", "runInNewContext",
			"runInThisContext", "isContext", "compileFunction", "measureMemory"},
		values: `{ constants: Object.freeze({ USE_MAIN_CONTEXT_DEFAULT_LOADER: Symbol('vm_dynamic_import_main_context_default'), DONT_CONTEXTIFY: Symbol('vm_context_no_contextify') }) }`,
		hint:   "code cannot be compiled into separate contexts at run time; bundle it with the handler instead",
	},
	{
		name: "v8",
		functions: []string{"cachedDataVersionTag", "getHeapSnapshot", "getHeapStatistics", "getHeapSpaceStatistics",
			"getHeapCodeStatistics", "setFlagsFromString", "Serializer", "Deserializer", "DefaultSerializer",
			"DefaultDeserializer", "deserialize", "takeCoverage", "stopCoverage", "serialize", "writeHeapSnapshot",
			"queryObjects", "setHeapSnapshotNearHeapLimit", "GCProfiler"},
		values: `{ promiseHooks: {}, startupSnapshot: {} }`,
		hint:   "the JavaScript engine is goja, not V8; use structuredClone() or JSON to copy values",
	},
	{
		name:      "inspector",
		functions: []string{"open", "close", "url", "waitForDebugger", "Session"},
		values:    `{ console: globalThis.console, Network: {} }`,
		hint:      "there is no debugger attached to handler runtimes",
	},
	{
		name:      "repl",
		functions: []string{"start", "writer", "REPLServer", "Recoverable", "isValidSyntax"},
		values:    `{ REPL_MODE_SLOPPY: Symbol('repl-sloppy'), REPL_MODE_STRICT: Symbol('repl-strict'), builtinModules: [] }`,
		hint:      "handlers have no terminal",
	},
	{
		name:      "readline",
		functions: []string{"Interface", "clearLine", "clearScreenDown", "createInterface", "cursorTo", "emitKeypressEvents", "moveCursor"},
		hint:      "handlers have no terminal; read the request body instead",
		nested:    map[string][]string{"promises": {"Interface", "Readline", "createInterface"}},
	},
}

func init() {
	registerJS("internal/unavailable", "unavailable.js")
	for _, m := range unavailableModules {
		registerGo(m.name, loadUnavailable(m))
	}
	registerGo("readline/promises", reexport("readline", "promises"))
	registerGo("dns/promises", reexport("dns", "promises"))
}

func loadUnavailable(m unavailableModule) Loader {
	return func(h *Host, module *goja.Object) {
		vm := h.VM
		helper, err := h.Require("internal/unavailable")
		if err != nil {
			panic(vm.NewGoError(err))
		}
		hobj := helper.ToObject(vm)
		makeFn, _ := goja.AssertFunction(hobj.Get("make"))
		values := goja.Value(vm.NewObject())
		if m.values != "" {
			v, err := vm.RunString("(" + m.values + ")")
			if err != nil {
				panic(err)
			}
			values = v
		}
		fns := make([]any, len(m.functions))
		for i, f := range m.functions {
			fns[i] = f
		}
		nested := goja.Undefined()
		if m.nested != nil {
			n := vm.NewObject()
			for k, list := range m.nested {
				items := make([]any, len(list))
				for i, f := range list {
					items[i] = f
				}
				_ = n.Set(k, vm.NewArray(items...))
			}
			nested = n
		}
		exports, err := makeFn(goja.Undefined(), vm.ToValue(m.name), vm.NewArray(fns...), values, vm.ToValue(m.hint), nested)
		if err != nil {
			panic(err)
		}
		eo := exports.ToObject(vm)
		switch m.name {
		case "net":
			for _, k := range []string{"isIP", "isIPv4", "isIPv6"} {
				_ = eo.Set(k, hobj.Get(k))
			}
		case "cluster":
			// cluster is an EventEmitter: listening is harmless.
			asEmitter, _ := goja.AssertFunction(hobj.Get("asEmitter"))
			if _, err := asEmitter(goja.Undefined(), eo); err != nil {
				panic(err)
			}
		case "repl":
			names := Builtins()
			items := make([]any, len(names))
			for i, n := range names {
				items[i] = n
			}
			_ = eo.Set("builtinModules", vm.NewArray(items...))
		}
		_ = module.Set("exports", eo)
	}
}
