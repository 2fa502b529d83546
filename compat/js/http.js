'use strict';
// node:http and node:https (exported as .https). Handlers cannot open
// sockets or run servers here: the tables, Agent and header validators work,
// while request/get/createServer throw when called and point to fetch().

const EventEmitter = require('events');
const { makeError } = require('internal/util/errors');

const STATUS_CODES = {
  100: 'Continue',
  101: 'Switching Protocols',
  102: 'Processing',
  103: 'Early Hints',
  200: 'OK',
  201: 'Created',
  202: 'Accepted',
  203: 'Non-Authoritative Information',
  204: 'No Content',
  205: 'Reset Content',
  206: 'Partial Content',
  207: 'Multi-Status',
  208: 'Already Reported',
  226: 'IM Used',
  300: 'Multiple Choices',
  301: 'Moved Permanently',
  302: 'Found',
  303: 'See Other',
  304: 'Not Modified',
  305: 'Use Proxy',
  307: 'Temporary Redirect',
  308: 'Permanent Redirect',
  400: 'Bad Request',
  401: 'Unauthorized',
  402: 'Payment Required',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  406: 'Not Acceptable',
  407: 'Proxy Authentication Required',
  408: 'Request Timeout',
  409: 'Conflict',
  410: 'Gone',
  411: 'Length Required',
  412: 'Precondition Failed',
  413: 'Payload Too Large',
  414: 'URI Too Long',
  415: 'Unsupported Media Type',
  416: 'Range Not Satisfiable',
  417: 'Expectation Failed',
  418: "I'm a Teapot",
  421: 'Misdirected Request',
  422: 'Unprocessable Entity',
  423: 'Locked',
  424: 'Failed Dependency',
  425: 'Too Early',
  426: 'Upgrade Required',
  428: 'Precondition Required',
  429: 'Too Many Requests',
  431: 'Request Header Fields Too Large',
  451: 'Unavailable For Legal Reasons',
  500: 'Internal Server Error',
  501: 'Not Implemented',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
  504: 'Gateway Timeout',
  505: 'HTTP Version Not Supported',
  506: 'Variant Also Negotiates',
  507: 'Insufficient Storage',
  508: 'Loop Detected',
  509: 'Bandwidth Limit Exceeded',
  510: 'Not Extended',
  511: 'Network Authentication Required',
};

const METHODS = ['ACL', 'BIND', 'CHECKOUT', 'CONNECT', 'COPY', 'DELETE', 'GET', 'HEAD', 'LINK', 'LOCK', 'M-SEARCH', 'MERGE', 'MKACTIVITY', 'MKCALENDAR', 'MKCOL', 'MOVE', 'NOTIFY', 'OPTIONS', 'PATCH', 'POST', 'PROPFIND', 'PROPPATCH', 'PURGE', 'PUT', 'QUERY', 'REBIND', 'REPORT', 'SEARCH', 'SOURCE', 'SUBSCRIBE', 'TRACE', 'UNBIND', 'UNLINK', 'UNLOCK', 'UNSUBSCRIBE'];

// A token is one or more of: ! # $ % & ' * + - . ^ _ ` | ~ digits letters
const tokenRe = /^[\^_`a-zA-Z\-0-9!#$%&'*+.|~]+$/;
// Header values may hold TAB, visible ASCII and obs-text, nothing else.
const invalidCharRe = /[^\t\x20-\x7e\x80-\xff]/;

function validateHeaderName(name, label) {
  if (typeof name !== 'string' || !name || !tokenRe.test(name)) {
    throw makeError(TypeError, 'ERR_INVALID_HTTP_TOKEN', `${label || 'Header name'} must be a valid HTTP token ["${name}"]`);
  }
}

function validateHeaderValue(name, value) {
  if (value === undefined) {
    throw makeError(TypeError, 'ERR_HTTP_INVALID_HEADER_VALUE', `Invalid value "${value}" for header "${name}"`);
  }
  if (invalidCharRe.test(String(value))) {
    throw makeError(TypeError, 'ERR_INVALID_CHAR', `Invalid character in header content ["${name}"]`);
  }
}

function unavailable(what) {
  return function () {
    throw makeError(Error, 'ERR_GOJAAPI_UNAVAILABLE',
      `${what} is not available in gojaapi: handlers cannot open sockets or start servers. Use fetch() for outgoing HTTP requests.`);
  };
}

class Agent extends EventEmitter {
  constructor(options) {
    super();
    this.defaultPort = 80;
    this.protocol = 'http:';
    this.options = Object.assign({ __proto__: null, path: null }, options);
    this.requests = Object.create(null);
    this.sockets = Object.create(null);
    this.freeSockets = Object.create(null);
    this.keepAliveMsecs = this.options.keepAliveMsecs || 1000;
    this.keepAlive = this.options.keepAlive || false;
    this.maxSockets = this.options.maxSockets || Agent.defaultMaxSockets;
    this.maxFreeSockets = this.options.maxFreeSockets || 256;
    this.scheduling = this.options.scheduling || 'lifo';
    this.maxTotalSockets = this.options.maxTotalSockets || Infinity;
    this.totalSocketCount = 0;
  }

  getName(options = {}) {
    let name = options.host || 'localhost';
    name += ':';
    if (options.port) name += options.port;
    name += ':';
    if (options.localAddress) name += options.localAddress;
    if (options.family === 4 || options.family === 6) name += `:${options.family}`;
    if (options.socketPath) name += `:${options.socketPath}`;
    return name;
  }

  destroy() {}
}
Agent.defaultMaxSockets = Infinity;
Agent.prototype.createConnection = unavailable('http.Agent.createConnection()');

class HttpsAgent extends Agent {
  constructor(options) {
    super(options);
    this.defaultPort = 443;
    this.protocol = 'https:';
    this.maxCachedSessions = this.options.maxCachedSessions === undefined ? 100 : this.options.maxCachedSessions;
  }

  getName(options = {}) {
    let name = super.getName(options);
    for (const k of ['ca', 'cert', 'clientCertEngine', 'ciphers', 'key', 'pfx', 'rejectUnauthorized',
      'servername', 'minVersion', 'maxVersion', 'secureProtocol', 'crl', 'honorCipherOrder', 'ecdhCurve',
      'dhparam', 'secureOptions', 'sessionIdContext', 'sigalgs', 'privateKeyEngine', 'privateKeyIdentifier']) {
      name += ':';
      if (options[k] !== undefined) name += options[k];
    }
    return name;
  }
}
Object.defineProperty(HttpsAgent, 'name', { value: 'Agent' });

// The message classes exist so that instanceof checks and subclassing work;
// constructing them is allowed, but nothing ever sends or receives data.
class OutgoingMessage extends EventEmitter {
  constructor() {
    super();
    this.headersSent = false;
    this.finished = false;
    this._headers = Object.create(null);
  }
  setHeader(name, value) {
    validateHeaderName(name);
    validateHeaderValue(name, value);
    this._headers[String(name).toLowerCase()] = value;
    return this;
  }
  getHeader(name) { return this._headers[String(name).toLowerCase()]; }
  getHeaders() { return Object.assign(Object.create(null), this._headers); }
  getHeaderNames() { return Object.keys(this._headers); }
  hasHeader(name) { return String(name).toLowerCase() in this._headers; }
  removeHeader(name) { delete this._headers[String(name).toLowerCase()]; }
}
OutgoingMessage.prototype.write = unavailable('http.OutgoingMessage.write()');
OutgoingMessage.prototype.end = unavailable('http.OutgoingMessage.end()');

class ServerResponse extends OutgoingMessage {
  constructor(req) {
    super();
    this.req = req;
    this.statusCode = 200;
    this.statusMessage = undefined;
  }
}
ServerResponse.prototype.writeHead = unavailable('http.ServerResponse.writeHead()');

class ClientRequest extends OutgoingMessage {
  constructor() {
    super();
    unavailable('http.ClientRequest')();
  }
}

class IncomingMessage extends EventEmitter {
  constructor(socket) {
    super();
    this.socket = socket || null;
    this.headers = {};
    this.rawHeaders = [];
    this.trailers = {};
    this.rawTrailers = [];
    this.httpVersion = '1.1';
    this.httpVersionMajor = 1;
    this.httpVersionMinor = 1;
    this.method = null;
    this.url = '';
    this.statusCode = null;
    this.statusMessage = null;
    this.complete = false;
    this.aborted = false;
  }
}

class Server extends EventEmitter {
  constructor() {
    super();
    unavailable('http.Server')();
  }
}

function makeModule(AgentClass, scheme) {
  const mod = {
    Agent: AgentClass,
    globalAgent: new AgentClass({ keepAlive: true, scheduling: 'lifo', timeout: 5000 }),
    Server,
    createServer: unavailable(`${scheme}.createServer()`),
    get: unavailable(`${scheme}.get()`),
    request: unavailable(`${scheme}.request()`),
  };
  return mod;
}

const http = Object.assign(makeModule(Agent, 'http'), {
  METHODS,
  STATUS_CODES,
  ClientRequest,
  IncomingMessage,
  OutgoingMessage,
  ServerResponse,
  validateHeaderName,
  validateHeaderValue,
  setMaxIdleHTTPParsers() {},
  maxHeaderSize: 16384,
});

const https = makeModule(HttpsAgent, 'https');

// https is read by the "https" module registration.
Object.defineProperty(http, 'https', { value: https, enumerable: false });

module.exports = http;
