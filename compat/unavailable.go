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
		// http2: clients such as axios's http adapter destructure
		// http2.constants when they load, so the constants are Node's.
		name: "http2",
		functions: []string{"connect", "createServer", "createSecureServer", "getDefaultSettings", "getPackedSettings",
			"getUnpackedSettings", "performServerHandshake", "Http2ServerRequest", "Http2ServerResponse"},
		values: `{ sensitiveHeaders: Symbol('nodejs.http2.sensitiveHeaders'), constants: (() => {
			const c = {"NGHTTP2_ERR_FRAME_SIZE_ERROR":-522,"NGHTTP2_SESSION_SERVER":0,"NGHTTP2_SESSION_CLIENT":1,"NGHTTP2_STREAM_STATE_IDLE":1,"NGHTTP2_STREAM_STATE_OPEN":2,"NGHTTP2_STREAM_STATE_RESERVED_LOCAL":3,"NGHTTP2_STREAM_STATE_RESERVED_REMOTE":4,"NGHTTP2_STREAM_STATE_HALF_CLOSED_LOCAL":5,"NGHTTP2_STREAM_STATE_HALF_CLOSED_REMOTE":6,"NGHTTP2_STREAM_STATE_CLOSED":7,"NGHTTP2_FLAG_NONE":0,"NGHTTP2_FLAG_END_STREAM":1,"NGHTTP2_FLAG_END_HEADERS":4,"NGHTTP2_FLAG_ACK":1,"NGHTTP2_FLAG_PADDED":8,"NGHTTP2_FLAG_PRIORITY":32,"DEFAULT_SETTINGS_HEADER_TABLE_SIZE":4096,"DEFAULT_SETTINGS_ENABLE_PUSH":1,"DEFAULT_SETTINGS_MAX_CONCURRENT_STREAMS":4294967295,"DEFAULT_SETTINGS_INITIAL_WINDOW_SIZE":65535,"DEFAULT_SETTINGS_MAX_FRAME_SIZE":16384,"DEFAULT_SETTINGS_MAX_HEADER_LIST_SIZE":65535,"DEFAULT_SETTINGS_ENABLE_CONNECT_PROTOCOL":0,"MAX_MAX_FRAME_SIZE":16777215,"MIN_MAX_FRAME_SIZE":16384,"MAX_INITIAL_WINDOW_SIZE":2147483647,"NGHTTP2_SETTINGS_HEADER_TABLE_SIZE":1,"NGHTTP2_SETTINGS_ENABLE_PUSH":2,"NGHTTP2_SETTINGS_MAX_CONCURRENT_STREAMS":3,"NGHTTP2_SETTINGS_INITIAL_WINDOW_SIZE":4,"NGHTTP2_SETTINGS_MAX_FRAME_SIZE":5,"NGHTTP2_SETTINGS_MAX_HEADER_LIST_SIZE":6,"NGHTTP2_SETTINGS_ENABLE_CONNECT_PROTOCOL":8,"PADDING_STRATEGY_NONE":0,"PADDING_STRATEGY_ALIGNED":1,"PADDING_STRATEGY_MAX":2,"PADDING_STRATEGY_CALLBACK":1,"NGHTTP2_NO_ERROR":0,"NGHTTP2_PROTOCOL_ERROR":1,"NGHTTP2_INTERNAL_ERROR":2,"NGHTTP2_FLOW_CONTROL_ERROR":3,"NGHTTP2_SETTINGS_TIMEOUT":4,"NGHTTP2_STREAM_CLOSED":5,"NGHTTP2_FRAME_SIZE_ERROR":6,"NGHTTP2_REFUSED_STREAM":7,"NGHTTP2_CANCEL":8,"NGHTTP2_COMPRESSION_ERROR":9,"NGHTTP2_CONNECT_ERROR":10,"NGHTTP2_ENHANCE_YOUR_CALM":11,"NGHTTP2_INADEQUATE_SECURITY":12,"NGHTTP2_HTTP_1_1_REQUIRED":13,"NGHTTP2_DEFAULT_WEIGHT":16};
			for (const n of 'STATUS METHOD AUTHORITY SCHEME PATH PROTOCOL'.split(' ')) c['HTTP2_HEADER_' + n] = ':' + n.toLowerCase();
			for (const n of 'ACCEPT_ENCODING ACCEPT_LANGUAGE ACCEPT_RANGES ACCEPT ACCESS_CONTROL_ALLOW_CREDENTIALS ACCESS_CONTROL_ALLOW_HEADERS ACCESS_CONTROL_ALLOW_METHODS ACCESS_CONTROL_ALLOW_ORIGIN ACCESS_CONTROL_EXPOSE_HEADERS ACCESS_CONTROL_REQUEST_HEADERS ACCESS_CONTROL_REQUEST_METHOD AGE AUTHORIZATION CACHE_CONTROL CONNECTION CONTENT_DISPOSITION CONTENT_ENCODING CONTENT_LENGTH CONTENT_TYPE COOKIE DATE ETAG FORWARDED HOST IF_MODIFIED_SINCE IF_NONE_MATCH IF_RANGE LAST_MODIFIED LINK LOCATION RANGE REFERER SERVER SET_COOKIE STRICT_TRANSPORT_SECURITY TRANSFER_ENCODING TE UPGRADE_INSECURE_REQUESTS UPGRADE USER_AGENT VARY X_CONTENT_TYPE_OPTIONS X_FRAME_OPTIONS KEEP_ALIVE PROXY_CONNECTION X_XSS_PROTECTION ALT_SVC CONTENT_SECURITY_POLICY EARLY_DATA EXPECT_CT ORIGIN PURPOSE TIMING_ALLOW_ORIGIN X_FORWARDED_FOR PRIORITY ACCEPT_CHARSET ACCESS_CONTROL_MAX_AGE ALLOW CONTENT_LANGUAGE CONTENT_LOCATION CONTENT_MD5 CONTENT_RANGE DNT EXPECT EXPIRES FROM IF_MATCH IF_UNMODIFIED_SINCE MAX_FORWARDS PREFER PROXY_AUTHENTICATE PROXY_AUTHORIZATION REFRESH RETRY_AFTER TRAILER TK VIA WARNING WWW_AUTHENTICATE HTTP2_SETTINGS'.split(' ')) c['HTTP2_HEADER_' + n] = n.toLowerCase().replace(/_/g, '-');
			for (const n of 'ACL BASELINE_CONTROL BIND CHECKIN CHECKOUT CONNECT COPY DELETE GET HEAD LABEL LINK LOCK MERGE MKACTIVITY MKCALENDAR MKCOL MKREDIRECTREF MKWORKSPACE MOVE OPTIONS ORDERPATCH PATCH POST PRI PROPFIND PROPPATCH PUT REBIND REPORT SEARCH TRACE UNBIND UNCHECKOUT UNLINK UNLOCK UPDATE UPDATEREDIRECTREF VERSION_CONTROL'.split(' ')) c['HTTP2_METHOD_' + n] = n.replace(/_/g, '-');
			for (const s of 'CONTINUE=100 SWITCHING_PROTOCOLS=101 PROCESSING=102 EARLY_HINTS=103 OK=200 CREATED=201 ACCEPTED=202 NON_AUTHORITATIVE_INFORMATION=203 NO_CONTENT=204 RESET_CONTENT=205 PARTIAL_CONTENT=206 MULTI_STATUS=207 ALREADY_REPORTED=208 IM_USED=226 MULTIPLE_CHOICES=300 MOVED_PERMANENTLY=301 FOUND=302 SEE_OTHER=303 NOT_MODIFIED=304 USE_PROXY=305 TEMPORARY_REDIRECT=307 PERMANENT_REDIRECT=308 BAD_REQUEST=400 UNAUTHORIZED=401 PAYMENT_REQUIRED=402 FORBIDDEN=403 NOT_FOUND=404 METHOD_NOT_ALLOWED=405 NOT_ACCEPTABLE=406 PROXY_AUTHENTICATION_REQUIRED=407 REQUEST_TIMEOUT=408 CONFLICT=409 GONE=410 LENGTH_REQUIRED=411 PRECONDITION_FAILED=412 PAYLOAD_TOO_LARGE=413 URI_TOO_LONG=414 UNSUPPORTED_MEDIA_TYPE=415 RANGE_NOT_SATISFIABLE=416 EXPECTATION_FAILED=417 TEAPOT=418 MISDIRECTED_REQUEST=421 UNPROCESSABLE_ENTITY=422 LOCKED=423 FAILED_DEPENDENCY=424 TOO_EARLY=425 UPGRADE_REQUIRED=426 PRECONDITION_REQUIRED=428 TOO_MANY_REQUESTS=429 REQUEST_HEADER_FIELDS_TOO_LARGE=431 UNAVAILABLE_FOR_LEGAL_REASONS=451 INTERNAL_SERVER_ERROR=500 NOT_IMPLEMENTED=501 BAD_GATEWAY=502 SERVICE_UNAVAILABLE=503 GATEWAY_TIMEOUT=504 HTTP_VERSION_NOT_SUPPORTED=505 VARIANT_ALSO_NEGOTIATES=506 INSUFFICIENT_STORAGE=507 LOOP_DETECTED=508 BANDWIDTH_LIMIT_EXCEEDED=509 NOT_EXTENDED=510 NETWORK_AUTHENTICATION_REQUIRED=511'.split(' ')) { const [n, v] = s.split('='); c['HTTP_STATUS_' + n] = +v; }
			return Object.freeze(c);
		})() }`,
		hint: hintSockets,
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
