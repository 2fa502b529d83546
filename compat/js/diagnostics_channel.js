'use strict';
// node:diagnostics_channel — named pub/sub channels. Libraries publish to
// them whether or not anything listens; tracing channels run the traced
// function and publish start/end/error events around it.

const { argTypeError } = require('internal/util/errors');

function reportLater(err) {
  const rethrow = () => { throw err; };
  if (typeof setImmediate === 'function') setImmediate(rethrow);
  else Promise.resolve().then(rethrow);
}

class Channel {
  constructor(name) {
    this._subscribers = [];
    this._stores = new Map();
    this.name = name;
  }
  get hasSubscribers() { return this._subscribers.length > 0 || this._stores.size > 0; }
  subscribe(subscription) {
    if (typeof subscription !== 'function') throw argTypeError('subscription', 'function', subscription);
    this._subscribers = this._subscribers.concat(subscription);
  }
  unsubscribe(subscription) {
    const i = this._subscribers.indexOf(subscription);
    if (i === -1) return false;
    this._subscribers = this._subscribers.slice(0, i).concat(this._subscribers.slice(i + 1));
    return true;
  }
  publish(data) {
    for (const fn of this._subscribers) {
      try {
        fn(data, this.name);
      } catch (err) {
        reportLater(err);
      }
    }
  }
  bindStore(store, transform) {
    this._stores.set(store, transform);
  }
  unbindStore(store) {
    return this._stores.delete(store);
  }
  runStores(data, fn, thisArg, ...args) {
    let run = () => {
      this.publish(data);
      return Reflect.apply(fn, thisArg, args);
    };
    for (const [store, transform] of this._stores) {
      const next = run;
      run = () => {
        let value = data;
        if (transform) {
          try { value = transform(data); } catch (err) { reportLater(err); return next(); }
        }
        return store.run(value, next);
      };
    }
    return run();
  }
}

const channels = new Map();

function channel(name) {
  if (typeof name !== 'string' && typeof name !== 'symbol') {
    throw argTypeError('channel', 'string or symbol', name);
  }
  let ch = channels.get(name);
  if (ch === undefined) {
    ch = new Channel(name);
    channels.set(name, ch);
  }
  return ch;
}

function subscribe(name, fn) { channel(name).subscribe(fn); }
function unsubscribe(name, fn) { return channel(name).unsubscribe(fn); }
function hasSubscribers(name) {
  const ch = channels.get(name);
  return ch !== undefined && ch.hasSubscribers;
}

const traceEvents = ['start', 'end', 'asyncStart', 'asyncEnd', 'error'];

class TracingChannel {
  constructor(nameOrChannels) {
    for (const ev of traceEvents) {
      let ch;
      if (typeof nameOrChannels === 'string') ch = channel(`tracing:${nameOrChannels}:${ev}`);
      else if (nameOrChannels && typeof nameOrChannels === 'object' && nameOrChannels[ev] instanceof Channel) ch = nameOrChannels[ev];
      else throw argTypeError('nameOrChannels', 'string or an instance of TracingChannel or Object', nameOrChannels);
      Object.defineProperty(this, ev, { value: ch, enumerable: false });
    }
  }
  get hasSubscribers() { return traceEvents.some((ev) => this[ev].hasSubscribers); }
  subscribe(handlers) {
    for (const ev of traceEvents) if (handlers[ev]) this[ev].subscribe(handlers[ev]);
  }
  unsubscribe(handlers) {
    let done = true;
    for (const ev of traceEvents) {
      if (handlers[ev] && !this[ev].unsubscribe(handlers[ev])) done = false;
    }
    return done;
  }
  traceSync(fn, context = {}, thisArg, ...args) {
    if (!this.hasSubscribers) return Reflect.apply(fn, thisArg, args);
    const { start, end, error } = this;
    return start.runStores(context, () => {
      try {
        const result = Reflect.apply(fn, thisArg, args);
        context.result = result;
        return result;
      } catch (err) {
        context.error = err;
        error.publish(context);
        throw err;
      } finally {
        end.publish(context);
      }
    });
  }
  tracePromise(fn, context = {}, thisArg, ...args) {
    if (!this.hasSubscribers) return Reflect.apply(fn, thisArg, args);
    const { start, end, asyncStart, asyncEnd, error } = this;
    const reject = (err) => {
      context.error = err;
      error.publish(context);
      asyncStart.publish(context);
      asyncEnd.publish(context);
      return Promise.reject(err);
    };
    const resolve = (result) => {
      context.result = result;
      asyncStart.publish(context);
      asyncEnd.publish(context);
      return result;
    };
    return start.runStores(context, () => {
      try {
        const p = Reflect.apply(fn, thisArg, args);
        return Promise.resolve(p).then(resolve, reject);
      } catch (err) {
        context.error = err;
        error.publish(context);
        throw err;
      } finally {
        end.publish(context);
      }
    });
  }
  traceCallback(fn, position = -1, context = {}, thisArg, ...args) {
    if (!this.hasSubscribers) return Reflect.apply(fn, thisArg, args);
    const { start, end, asyncStart, asyncEnd, error } = this;
    const at = position < 0 ? args.length + position : position;
    const callback = args[at];
    if (typeof callback !== 'function') throw argTypeError('callback', 'function', callback);
    args[at] = function wrappedCallback(err, res) {
      if (err) {
        context.error = err;
        error.publish(context);
      } else {
        context.result = res;
      }
      asyncStart.publish(context);
      try {
        return Reflect.apply(callback, this, arguments);
      } finally {
        asyncEnd.publish(context);
      }
    };
    return start.runStores(context, () => {
      try {
        return Reflect.apply(fn, thisArg, args);
      } catch (err) {
        context.error = err;
        error.publish(context);
        throw err;
      } finally {
        end.publish(context);
      }
    });
  }
}

function tracingChannel(nameOrChannels) {
  return new TracingChannel(nameOrChannels);
}

module.exports = {
  channel,
  hasSubscribers,
  subscribe,
  tracingChannel,
  unsubscribe,
  Channel,
};
