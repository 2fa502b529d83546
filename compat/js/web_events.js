'use strict';
// Web events: Event, CustomEvent, EventTarget and DOMException, with Node's
// behaviour where it differs from browsers: there is no propagation path (a
// target is alone, so eventPhase is AT_TARGET while dispatching), listeners
// added during a dispatch still run in it, and an exception thrown by a
// listener is reported as uncaught without stopping the dispatch.

const kEvent = Symbol('event');
const kTarget = Symbol('eventTarget');
const kDOMException = Symbol('domException');
const kTrusted = Symbol('trusted');
const kDetail = Symbol('detail');

// --- Node-style argument errors, shared with the other web modules ---------

function describeReceived(v) {
  if (v === null || v === undefined) return 'Received ' + v;
  if (typeof v === 'function') return 'Received function ' + (v.name || '<anonymous>');
  if (typeof v === 'object') {
    const ctor = v.constructor;
    if (ctor && typeof ctor.name === 'string' && ctor.name) return 'Received an instance of ' + ctor.name;
    return 'Received ' + String(v);
  }
  let shown;
  if (typeof v === 'string') {
    shown = v.length > 28 ? v.slice(0, 25) + '...' : v;
    shown = "'" + shown + "'";
  } else if (typeof v === 'bigint') {
    shown = String(v) + 'n';
  } else if (typeof v === 'symbol') {
    shown = String(v);
  } else {
    shown = Object.is(v, -0) ? '-0' : String(v);
  }
  return 'Received type ' + typeof v + ' (' + shown + ')';
}

function codedError(Ctor, code, message) {
  const e = new Ctor(message);
  e.code = code;
  return e;
}

function invalidArgType(name, expected, value) {
  return codedError(TypeError, 'ERR_INVALID_ARG_TYPE',
    'The "' + name + '" argument must be ' + expected + '. ' + describeReceived(value));
}

function invalidThis(type) {
  return codedError(TypeError, 'ERR_INVALID_THIS', 'Value of "this" must be of type ' + type);
}

// reportUncaught rethrows err from a fresh task, so that the loop reports it
// as uncaught while the code that caught it carries on.
function reportUncaught(err) {
  setTimeout(() => { throw err; }, 0);
}

// --- DOMException -----------------------------------------------------------

const legacyCodes = {
  IndexSizeError: 1, DOMStringSizeError: 2, HierarchyRequestError: 3, WrongDocumentError: 4,
  InvalidCharacterError: 5, NoDataAllowedError: 6, NoModificationAllowedError: 7, NotFoundError: 8,
  NotSupportedError: 9, InUseAttributeError: 10, InvalidStateError: 11, SyntaxError: 12,
  InvalidModificationError: 13, NamespaceError: 14, InvalidAccessError: 15, ValidationError: 16,
  TypeMismatchError: 17, SecurityError: 18, NetworkError: 19, AbortError: 20, URLMismatchError: 21,
  QuotaExceededError: 22, TimeoutError: 23, InvalidNodeTypeError: 24, DataCloneError: 25,
};
const legacyConstants = [
  'INDEX_SIZE_ERR', 'DOMSTRING_SIZE_ERR', 'HIERARCHY_REQUEST_ERR', 'WRONG_DOCUMENT_ERR',
  'INVALID_CHARACTER_ERR', 'NO_DATA_ALLOWED_ERR', 'NO_MODIFICATION_ALLOWED_ERR', 'NOT_FOUND_ERR',
  'NOT_SUPPORTED_ERR', 'INUSE_ATTRIBUTE_ERR', 'INVALID_STATE_ERR', 'SYNTAX_ERR',
  'INVALID_MODIFICATION_ERR', 'NAMESPACE_ERR', 'INVALID_ACCESS_ERR', 'VALIDATION_ERR',
  'TYPE_MISMATCH_ERR', 'SECURITY_ERR', 'NETWORK_ERR', 'ABORT_ERR', 'URL_MISMATCH_ERR',
  'QUOTA_EXCEEDED_ERR', 'TIMEOUT_ERR', 'INVALID_NODE_TYPE_ERR', 'DATA_CLONE_ERR',
];

function domSlots(self) {
  const s = self != null ? self[kDOMException] : undefined;
  if (s === undefined) throw invalidThis('DOMException');
  return s;
}

class DOMException extends Error {
  constructor(message = '', options = 'Error') {
    super();
    let name = 'Error';
    if (options !== null && typeof options === 'object') {
      if ('cause' in options) {
        Object.defineProperty(this, 'cause', { value: options.cause, writable: true, configurable: true, enumerable: false });
      }
      if ('name' in options) name = String(options.name);
    } else {
      name = String(options);
    }
    Object.defineProperty(this, kDOMException, { value: { message: String(message), name } });
  }
  get name() { return domSlots(this).name; }
  get message() { return domSlots(this).message; }
  get code() {
    const c = legacyCodes[domSlots(this).name];
    return c === undefined ? 0 : c;
  }
}
Object.defineProperty(DOMException.prototype, Symbol.toStringTag, { value: 'DOMException', configurable: true });
legacyConstants.forEach((name, i) => {
  const d = { value: i + 1, enumerable: true };
  Object.defineProperty(DOMException, name, d);
  Object.defineProperty(DOMException.prototype, name, d);
});

// --- Event ------------------------------------------------------------------

function eventSlots(self) {
  const s = self != null ? self[kEvent] : undefined;
  if (s === undefined) throw invalidThis('Event');
  return s;
}

class Event {
  constructor(type, options = undefined) {
    if (arguments.length === 0) {
      throw codedError(TypeError, 'ERR_MISSING_ARGS', 'The "type" argument must be specified');
    }
    if (options != null && typeof options !== 'object') {
      throw invalidArgType('options', 'of type object', options);
    }
    const o = options || {};
    Object.defineProperty(this, kEvent, {
      value: {
        type: String(type),
        bubbles: !!o.bubbles,
        cancelable: !!o.cancelable,
        composed: !!o.composed,
        canceled: false,
        timeStamp: typeof performance !== 'undefined' ? performance.now() : Date.now(),
        target: null,
        currentTarget: null,
        phase: 0,
        dispatching: false,
        stopped: false,
        stoppedImmediately: false,
        trusted: false,
      },
    });
  }
  initEvent(type, bubbles = false, cancelable = false) {
    const s = eventSlots(this);
    if (arguments.length === 0) {
      throw codedError(TypeError, 'ERR_MISSING_ARGS', 'The "type" argument must be specified');
    }
    if (s.dispatching) return;
    s.type = String(type);
    s.bubbles = !!bubbles;
    s.cancelable = !!cancelable;
  }
  stopImmediatePropagation() {
    const s = eventSlots(this);
    s.stopped = true;
    s.stoppedImmediately = true;
  }
  preventDefault() {
    const s = eventSlots(this);
    if (s.cancelable) s.canceled = true;
  }
  get target() { return eventSlots(this).target; }
  get currentTarget() { return eventSlots(this).currentTarget; }
  get srcElement() { return eventSlots(this).target; }
  get type() { return eventSlots(this).type; }
  get cancelable() { return eventSlots(this).cancelable; }
  get defaultPrevented() { const s = eventSlots(this); return s.cancelable && s.canceled; }
  get timeStamp() { return eventSlots(this).timeStamp; }
  composedPath() {
    const s = eventSlots(this);
    return s.dispatching ? [s.currentTarget] : [];
  }
  get returnValue() { const s = eventSlots(this); return !(s.cancelable && s.canceled); }
  get bubbles() { return eventSlots(this).bubbles; }
  get composed() { return eventSlots(this).composed; }
  get eventPhase() { return eventSlots(this).phase; }
  get cancelBubble() { return eventSlots(this).stopped; }
  set cancelBubble(v) { if (v) eventSlots(this).stopped = true; }
  stopPropagation() { eventSlots(this).stopped = true; }
  get isTrusted() { return eventSlots(this).trusted; }
}
Object.defineProperty(Event.prototype, Symbol.toStringTag, { value: 'Event', configurable: true });
[['NONE', 0], ['CAPTURING_PHASE', 1], ['AT_TARGET', 2], ['BUBBLING_PHASE', 3]].forEach(([k, v]) => {
  Object.defineProperty(Event, k, { value: v, enumerable: true });
});

class CustomEvent extends Event {
  constructor(type, options = undefined) {
    if (arguments.length === 0) {
      throw codedError(TypeError, 'ERR_MISSING_ARGS', 'The "type" argument must be specified');
    }
    super(type, options);
    const detail = options != null && options.detail !== undefined ? options.detail : null;
    Object.defineProperty(this, kDetail, { value: detail });
  }
  get detail() {
    if (this == null || !(kDetail in this)) throw invalidThis('CustomEvent');
    return this[kDetail];
  }
}
Object.defineProperty(CustomEvent.prototype, Symbol.toStringTag, { value: 'CustomEvent', configurable: true });

// --- EventTarget ------------------------------------------------------------

// Listeners of one type form a linked list. A removed record keeps its next
// pointer, so a dispatch standing on it carries on; records appended during a
// dispatch are reached by it, as in Node.
function targetSlots(self) {
  const s = self != null ? self[kTarget] : undefined;
  if (s === undefined) throw invalidThis('EventTarget');
  return s;
}

function flattenOptions(options) {
  if (typeof options === 'boolean') return { capture: options, once: false, passive: false, signal: undefined };
  if (options == null || typeof options !== 'object') return { capture: false, once: false, passive: false, signal: undefined };
  return { capture: !!options.capture, once: !!options.once, passive: !!options.passive, signal: options.signal };
}

function findListener(list, listener, capture) {
  for (let r = list.head; r; r = r.next) {
    if (!r.removed && r.listener === listener && r.capture === capture) return r;
  }
  return null;
}

function unlink(map, type, list, rec) {
  rec.removed = true;
  if (rec.prev) rec.prev.next = rec.next; else list.head = rec.next;
  if (rec.next) rec.next.prev = rec.prev; else list.tail = rec.prev;
  if (list.head === null) map.delete(type);
  if (rec.onRemove) rec.onRemove();
}

class EventTarget {
  constructor() {
    Object.defineProperty(this, kTarget, { value: { listeners: new Map() } });
  }
  addEventListener(type, listener, options = undefined) {
    const s = targetSlots(this);
    if (arguments.length < 2) {
      throw codedError(TypeError, 'ERR_MISSING_ARGS', 'The "type" and "listener" arguments must be specified');
    }
    if (listener == null) return; // Node warns that this has no effect.
    if (typeof listener !== 'function' && typeof listener !== 'object') {
      throw invalidArgType('listener', 'an instance of EventListener', listener);
    }
    const o = flattenOptions(options);
    if (o.signal !== undefined && !isAbortSignal(o.signal)) {
      throw codedError(TypeError, 'ERR_INVALID_ARG_TYPE',
        'The "options.signal" property must be an instance of AbortSignal. ' + describeReceived(o.signal));
    }
    if (o.signal && o.signal.aborted) return;
    type = String(type);
    let list = s.listeners.get(type);
    if (!list) {
      list = { head: null, tail: null };
      s.listeners.set(type, list);
    }
    if (findListener(list, listener, o.capture)) return;
    const rec = { listener, capture: o.capture, once: o.once, passive: o.passive, removed: false, prev: list.tail, next: null, onRemove: null };
    if (list.tail) list.tail.next = rec; else list.head = rec;
    list.tail = rec;
    if (o.signal) {
      const signal = o.signal;
      const onAbort = () => { this.removeEventListener(type, listener, { capture: o.capture }); };
      signal.addEventListener('abort', onAbort, { once: true });
      rec.onRemove = () => { signal.removeEventListener('abort', onAbort); };
    }
  }
  removeEventListener(type, listener, options = undefined) {
    const s = targetSlots(this);
    if (arguments.length < 2) {
      throw codedError(TypeError, 'ERR_MISSING_ARGS', 'The "type" and "listener" arguments must be specified');
    }
    type = String(type);
    const list = s.listeners.get(type);
    if (!list) return;
    // Node reads options.capture even when options is a boolean, so a bare
    // true here does not select a capturing listener.
    const capture = options !== null && typeof options === 'object' && !!options.capture;
    const rec = findListener(list, listener, capture);
    if (rec) unlink(s.listeners, type, list, rec);
  }
  dispatchEvent(event) {
    const s = targetSlots(this);
    if (event == null || event[kEvent] === undefined) {
      throw invalidArgType('event', 'an instance of Event', event);
    }
    const e = event[kEvent];
    if (e.dispatching) {
      throw codedError(Error, 'ERR_EVENT_RECURSION', 'The event "' + e.type + '" is already being dispatched');
    }
    if (event[kTrusted]) e.trusted = true;
    e.dispatching = true;
    e.target = this;
    e.currentTarget = this;
    e.phase = 2;
    e.stopped = false;
    e.stoppedImmediately = false;
    const list = s.listeners.get(e.type);
    try {
      for (let r = list ? list.head : null; r; r = r.next) {
        if (r.removed) continue;
        if (r.once) unlink(s.listeners, e.type, list, r);
        const listener = r.listener;
        // Node records passive but still lets such a listener cancel.
        try {
          if (typeof listener === 'function') {
            const ret = listener.call(this, event);
            if (ret && typeof ret.then === 'function') ret.then(undefined, reportUncaught);
          } else {
            const handle = listener.handleEvent;
            if (typeof handle === 'function') {
              const ret = handle.call(listener, event);
              if (ret && typeof ret.then === 'function') ret.then(undefined, reportUncaught);
            }
          }
        } catch (err) {
          reportUncaught(err);
        }
        if (e.stoppedImmediately) break;
      }
    } finally {
      e.dispatching = false;
      e.currentTarget = null;
      e.phase = 0;
    }
    return !(e.cancelable && e.canceled);
  }
}
Object.defineProperty(EventTarget.prototype, Symbol.toStringTag, { value: 'EventTarget', configurable: true });

// isAbortSignal is filled in by web_abort.js, which depends on this module.
let isAbortSignal = (v) => v != null && typeof v === 'object' && typeof v.aborted === 'boolean' &&
  typeof v.addEventListener === 'function';

// defineEventHandler adds an on<type> attribute to a prototype, following
// the HTML rules: the handler keeps the position in the listener list where
// it was first set, and a new value replaces it in place.
function defineEventHandler(proto, type) {
  const kHandler = Symbol('on' + type);
  Object.defineProperty(proto, 'on' + type, {
    enumerable: true,
    configurable: true,
    get() {
      targetSlots(this);
      const h = this[kHandler];
      return h ? h.value : null;
    },
    set(value) {
      targetSlots(this);
      let h = this[kHandler];
      if (!h) {
        h = { value: null, wrapper: null };
        Object.defineProperty(this, kHandler, { value: h });
      }
      h.value = value;
      const callable = typeof value === 'function' || (value !== null && typeof value === 'object');
      if (callable && !h.wrapper) {
        const self = this;
        h.wrapper = function (event) {
          const v = h.value;
          if (typeof v === 'function') return v.call(self, event);
          if (v !== null && typeof v === 'object' && typeof v.handleEvent === 'function') return v.handleEvent(event);
        };
        this.addEventListener(type, h.wrapper);
      } else if (!callable && h.wrapper) {
        this.removeEventListener(type, h.wrapper);
        h.wrapper = null;
      }
    },
  });
}

// makeTrusted marks an event so that dispatching it reports isTrusted true,
// as for events the platform itself fires.
function makeTrusted(event) {
  Object.defineProperty(event, kTrusted, { value: true });
  return event;
}

module.exports = {
  Event,
  EventTarget,
  CustomEvent,
  DOMException,
};
Object.defineProperty(module.exports, 'internals', {
  value: {
    describeReceived,
    codedError,
    invalidArgType,
    invalidThis,
    reportUncaught,
    defineEventHandler,
    makeTrusted,
    setIsAbortSignal(fn) { isAbortSignal = fn; },
  },
});
