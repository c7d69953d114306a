#include "transform/TransformRuntime.h"

namespace mysqlsync {

namespace {

const char kRuntime[] = R"js(
(function (global, bridge) {
  'use strict';
  var apply = Reflect.apply;
  var defineProperty = Object.defineProperty;
  var freeze = Object.freeze;
  var getOwnPropertyNames = Object.getOwnPropertyNames;
  var isArray = Array.isArray;
  var arrayFrom = Array.from;
  var jsonParse = JSON.parse;
  var jsonStringify = JSON.stringify;
  var isView = ArrayBuffer.isView;
  var ArrayBufferCtor = ArrayBuffer;
  var arrayBufferSlice = ArrayBuffer.prototype.slice;
  var DateCtor = Date;
  var dateGetTime = Date.prototype.getTime;
  var hasOwn = Object.prototype.hasOwnProperty;
  var ErrorCtor = Error;
  var TypeErrorCtor = TypeError;
  var RangeErrorCtor = RangeError;
  var stringSplit = String.prototype.split;
  var stringLastIndexOf = String.prototype.lastIndexOf;
  var stringIndexOf = String.prototype.indexOf;
  var stringSlice = String.prototype.slice;

  // ---- the job queue ------------------------------------------------------------------
  var jobs = [];
  function enqueue(job) { jobs[jobs.length] = job; }
  function drain() {
    // Batch by batch, in order: jobs queued while a batch runs form the next one, so an
    // endless promise chain meets the time limit with a queue that stays small (a queue
    // grown to millions of entries made V4 crash when the interrupt came).
    while (jobs.length > 0) {
      var batch = jobs;
      jobs = [];
      for (var i = 0; i < batch.length; ++i) {
        var job = batch[i];
        batch[i] = undefined;
        job();
      }
    }
  }

  // ---- Promise ------------------------------------------------------------------------
  var PENDING = 0, FULFILLED = 1, REJECTED = 2;
  // A promise's state lives under a symbol only this closure holds. (A WeakMap was tried
  // first: interrupting an endless promise chain then crashed inside V4's WeakMap lookup,
  // QV4::Value::sameValueZero, in tst_transformer's time-limit test.)
  var STATE = Symbol('promiseState');
  function isObjectLike(x) { return x !== null && (typeof x === 'object' || typeof x === 'function'); }
  function isPromise(x) { return isObjectLike(x) && apply(hasOwn, x, [STATE]); }
  function stateOf(p) {
    if (!isPromise(p)) throw new TypeErrorCtor('not a Promise');
    return p[STATE];
  }
  function settle(p, state, value) {
    var s = stateOf(p);
    if (s.state !== PENDING) return;
    var reactions = s.reactions;
    s.state = state;
    s.value = value;
    s.reactions = undefined;
    for (var i = 0; i < reactions.length; ++i) scheduleReaction(reactions[i], state, value);
  }
  function scheduleReaction(reaction, state, value) {
    enqueue(function () {
      var handler = state === FULFILLED ? reaction.onFulfilled : reaction.onRejected;
      if (typeof handler !== 'function') {
        if (state === FULFILLED) reaction.resolve(value); else reaction.reject(value);
        return;
      }
      var result;
      try { result = handler(value); } catch (e) { reaction.reject(e); return; }
      reaction.resolve(result);
    });
  }
  function resolvePromise(p, x) {
    if (x === p) { settle(p, REJECTED, new TypeErrorCtor('a Promise cannot be resolved with itself')); return; }
    if (!isObjectLike(x)) { settle(p, FULFILLED, x); return; }
    var then;
    try { then = x.then; } catch (e) { settle(p, REJECTED, e); return; }
    if (typeof then !== 'function') { settle(p, FULFILLED, x); return; }
    enqueue(function () {
      var fns = resolvingFunctions(p);
      try { apply(then, x, [fns.resolve, fns.reject]); } catch (e) { fns.reject(e); }
    });
  }
  function resolvingFunctions(p) {
    var done = false;
    return {
      resolve: function (x) { if (done) return; done = true; resolvePromise(p, x); },
      reject: function (e) { if (done) return; done = true; settle(p, REJECTED, e); }
    };
  }
  function Promise(executor) {
    if (!(this instanceof Promise) || isPromise(this))
      throw new TypeErrorCtor("Promise constructor cannot be invoked without 'new'");
    if (typeof executor !== 'function')
      throw new TypeErrorCtor('Promise resolver ' + typeof executor + ' is not a function');
    defineProperty(this, STATE, { value: { state: PENDING, value: undefined, reactions: [] } });
    var fns = resolvingFunctions(this);
    try { executor(fns.resolve, fns.reject); } catch (e) { fns.reject(e); }
  }
  function capability() {
    var cap = {};
    cap.promise = new Promise(function (resolve, reject) { cap.resolve = resolve; cap.reject = reject; });
    return cap;
  }
  function then(onFulfilled, onRejected) {
    var s = stateOf(this);
    var cap = capability();
    var reaction = { onFulfilled: onFulfilled, onRejected: onRejected, resolve: cap.resolve, reject: cap.reject };
    if (s.state === PENDING) s.reactions[s.reactions.length] = reaction;
    else scheduleReaction(reaction, s.state, s.value);
    return cap.promise;
  }
  function toPromise(x) {
    if (isPromise(x)) return x;
    return new Promise(function (resolve) { resolve(x); });
  }
  defineProperty(Promise.prototype, 'then', { value: then, writable: true, configurable: true });
  defineProperty(Promise.prototype, 'catch', { value: function (onRejected) { return this.then(undefined, onRejected); }, writable: true, configurable: true });
  defineProperty(Promise.prototype, 'finally', {
    value: function (onFinally) {
      if (typeof onFinally !== 'function') return this.then(onFinally, onFinally);
      return this.then(
        function (v) { return toPromise(onFinally()).then(function () { return v; }); },
        function (e) { return toPromise(onFinally()).then(function () { throw e; }); });
    }, writable: true, configurable: true });
  defineProperty(Promise.prototype, Symbol.toStringTag, { value: 'Promise', configurable: true });
  Promise.resolve = function resolve(x) { return toPromise(x); };
  Promise.reject = function reject(e) { return new Promise(function (res, rej) { rej(e); }); };
  function combine(iterable, onItem, onEmpty) {
    return new Promise(function (resolve, reject) {
      var items = arrayFrom(iterable);
      var results = [];
      var remaining = items.length;
      if (remaining === 0) { onEmpty(resolve, reject, results); return; }
      for (var i = 0; i < items.length; ++i) {
        (function (index) {
          onItem(toPromise(items[index]), function (value) {
            results[index] = value;
            if (--remaining === 0) return true;
            return false;
          }, resolve, reject, results);
        })(i);
      }
    });
  }
  Promise.all = function all(iterable) {
    return combine(iterable, function (p, store, resolve, reject, results) {
      p.then(function (v) { if (store(v)) resolve(results); }, reject);
    }, function (resolve, reject, results) { resolve(results); });
  };
  Promise.allSettled = function allSettled(iterable) {
    return combine(iterable, function (p, store, resolve, reject, results) {
      p.then(function (v) { if (store({ status: 'fulfilled', value: v })) resolve(results); },
             function (e) { if (store({ status: 'rejected', reason: e })) resolve(results); });
    }, function (resolve, reject, results) { resolve(results); });
  };
  Promise.any = function any(iterable) {
    return combine(iterable, function (p, store, resolve, reject, results) {
      p.then(resolve, function (e) {
        if (store(e)) { var err = new ErrorCtor('All promises were rejected'); err.errors = results; reject(err); }
      });
    }, function (resolve, reject) { var err = new ErrorCtor('All promises were rejected'); err.errors = []; reject(err); });
  };
  Promise.race = function race(iterable) {
    return new Promise(function (resolve, reject) {
      var items = arrayFrom(iterable);
      for (var i = 0; i < items.length; ++i) toPromise(items[i]).then(resolve, reject);
    });
  };
  freeze(Promise.prototype);
  freeze(Promise);

  // ---- async functions (see AsyncTranspiler.h) ------------------------------------------
  function runAsync(generator) {
    return new Promise(function (resolve, reject) {
      function step(method, arg) {
        var r;
        try { r = generator[method](arg); } catch (e) { reject(e); return; }
        if (r.done) { resolve(r.value); return; }
        toPromise(r.value).then(function (v) { step('next', v); }, function (e) { step('throw', e); });
      }
      step('next', undefined);
    });
  }

  // ---- allocation limits ----------------------------------------------------------------
  // V4 allocates what these built-ins are asked for at once, in native code the time limit
  // cannot interrupt, and a failed allocation aborts the process: they are limited here.
  var MAX_CHARS = 1 << 25;       // characters in a string made by repeat/pad/join (64 MiB)
  var MAX_ELEMENTS = 1 << 23;    // elements filled or made at once
  var MAX_BYTES = 1 << 26;       // bytes in one ArrayBuffer or typed array
  var MAX_RESULT_CHARS = 1 << 24; // characters in a returned entity, a query or a message
  var mathMin = Math.min, mathMax = Math.max, mathTrunc = Math.trunc;
  function tooBig(what, n, max) {
    return new RangeErrorCtor(what + ' of ' + n + ' is over the transformer limit of ' + max);
  }
  function toLength(x) { var n = mathTrunc(+x); return n !== n || n < 0 ? 0 : n; }
  function relative(x, len, fallback) {
    if (x === undefined) return fallback;
    var n = mathTrunc(+x);
    if (n !== n) n = 0;
    return n < 0 ? mathMax(len + n, 0) : mathMin(n, len);
  }
  function limit(proto, name, check) {
    var original = proto[name];
    defineProperty(proto, name, {
      value: function () { check(this, arguments); return apply(original, this, arguments); },
      writable: true, configurable: true
    });
  }
  limit(String.prototype, 'repeat', function (self, args) {
    var n = mathTrunc(+args[0]);
    var total = String(self).length * (n === n ? n : 0);
    if (total > MAX_CHARS) throw tooBig('repeat: a string', total, MAX_CHARS);
  });
  function pad(self, args) {
    var n = toLength(args[0]);
    if (n > MAX_CHARS) throw tooBig('pad: a string', n, MAX_CHARS);
  }
  limit(String.prototype, 'padStart', pad);
  limit(String.prototype, 'padEnd', pad);
  limit(Array.prototype, 'fill', function (self, args) {
    var len = toLength(self.length);
    var n = relative(args[2], len, len) - relative(args[1], len, 0);
    if (n > MAX_ELEMENTS) throw tooBig('fill: a range', n, MAX_ELEMENTS);
  });
  limit(Array.prototype, 'join', function (self, args) {
    var len = toLength(self.length);
    if (len > MAX_ELEMENTS) throw tooBig('join: an array', len, MAX_ELEMENTS);
    var sep = args[0] === undefined ? 1 : String(args[0]).length;
    var total = len > 0 ? (len - 1) * sep : 0;
    for (var i = 0; i < len && total <= MAX_CHARS; ++i) {
      var v = self[i];
      total += typeof v === 'string' ? v.length : 24;
    }
    if (total > MAX_CHARS) throw tooBig('join: a string', total, MAX_CHARS);
  });
  var arrayFromOriginal = Array.from;
  defineProperty(Array, 'from', {
    value: function from(items) {
      if (items !== null && items !== undefined && toLength(items.length) > MAX_ELEMENTS)
        throw tooBig('Array.from: a length', toLength(items.length), MAX_ELEMENTS);
      return apply(arrayFromOriginal, this, arguments);
    }, writable: true, configurable: true
  });
  // Buffers and typed arrays: the constructors behind a Proxy that checks the size asked for.
  var sized = ['ArrayBuffer', 'SharedArrayBuffer', 'Int8Array', 'Uint8Array', 'Uint8ClampedArray', 'Int16Array',
    'Uint16Array', 'Int32Array', 'Uint32Array', 'Float32Array', 'Float64Array', 'BigInt64Array', 'BigUint64Array'];
  for (var c = 0; c < sized.length; ++c) {
    var ctor = global[sized[c]];
    if (typeof ctor !== 'function') continue;
    (function (ctorName, original) {
      var unit = original.BYTES_PER_ELEMENT || 1;
      global[ctorName] = new Proxy(original, {
        construct: function (target, args, newTarget) {
          var first = args[0];
          var n = typeof first === 'number' ? toLength(first)
                : first !== null && typeof first === 'object' && !(first instanceof ArrayBufferCtor) ? toLength(first.length) : 0;
          if (n * unit > MAX_BYTES) throw tooBig(ctorName + ': a size', n * unit, MAX_BYTES);
          return Reflect.construct(target, args, newTarget === global[ctorName] ? target : newTarget);
        }
      });
    })(sized[c], ctor);
  }
  // Characters in a value (strings and keys, nested), without flattening any string; more
  // than `max` (or a nesting deeper than 64) throws.
  function checkSize(value, what) {
    var total = 0;
    function walk(v, depth) {
      if (typeof v === 'string') { total += v.length; }
      else if (v !== null && typeof v === 'object') {
        if (depth > 64) throw new RangeErrorCtor(what + ' is nested more than 64 levels deep');
        var keys = getOwnPropertyNames(v);
        for (var k = 0; k < keys.length && total <= MAX_RESULT_CHARS; ++k) {
          total += keys[k].length;
          walk(v[keys[k]], depth + 1);
        }
      }
      if (total > MAX_RESULT_CHARS) throw tooBig(what + ': a size in characters', total, MAX_RESULT_CHARS);
    }
    walk(value, 0);
  }

  // ---- the sandbox ----------------------------------------------------------------------
  var builtins = ['Object', 'String', 'Symbol', 'Number', 'Boolean', 'Array', 'Function', 'Date', 'RegExp',
    'Error', 'EvalError', 'RangeError', 'ReferenceError', 'SyntaxError', 'TypeError', 'URIError', 'AggregateError',
    'Promise', 'SharedArrayBuffer', 'ArrayBuffer', 'DataView', 'WeakSet', 'Set', 'WeakMap', 'Map', 'WeakRef',
    'FinalizationRegistry', 'Int8Array', 'Uint8Array', 'Int16Array', 'Uint16Array', 'Int32Array', 'Uint32Array',
    'Uint8ClampedArray', 'Float32Array', 'Float64Array', 'BigInt', 'BigInt64Array', 'BigUint64Array', 'Atomics',
    'Math', 'JSON', 'Reflect', 'Proxy', 'Intl', 'globalThis', 'undefined', 'NaN', 'Infinity', 'eval', 'parseInt',
    'parseFloat', 'isNaN', 'isFinite', 'decodeURI', 'decodeURIComponent', 'encodeURI', 'encodeURIComponent',
    'escape', 'unescape'];
  var names = getOwnPropertyNames(global);
  for (var i = 0; i < names.length; ++i) {
    if (builtins.indexOf(names[i]) < 0 && !(delete global[names[i]]))
      throw new ErrorCtor('cannot remove the global ' + names[i]);
  }
  defineProperty(global, 'Promise', { value: Promise, writable: false, enumerable: false, configurable: false });
  names = getOwnPropertyNames(global);
  for (var j = 0; j < names.length; ++j)
    defineProperty(global, names[j], { writable: false, configurable: false });

  // ---- context --------------------------------------------------------------------------
  var DROP = freeze(Object.create(null, {
    toString: { value: function () { return 'context.drop'; } }
  }));

  function describe(v) {
    if (v === undefined) return 'undefined';
    if (v === null) return 'null';
    if (isArray(v)) return 'an array';
    var t = typeof v;
    return (t === 'object' || t === 'undefined' ? 'an ' : 'a ') + t;
  }
  function binary(v) {
    if (v instanceof ArrayBufferCtor) return v;
    if (isView(v)) return apply(arrayBufferSlice, v.buffer, [v.byteOffset, v.byteOffset + v.byteLength]);
    return null;
  }
  function sqlValue(v, index) {
    if (v === undefined || v === null) return null;
    var t = typeof v;
    if (t === 'string' && v.length > MAX_RESULT_CHARS) throw tooBig('query: value ' + index + ', a string', v.length, MAX_RESULT_CHARS);
    if (t === 'string' || t === 'boolean') return v;
    if (t === 'number') {
      if (v !== v || v === Infinity || v === -Infinity)
        throw new RangeErrorCtor('query: value ' + index + ' is ' + v + ', which SQL cannot hold');
      return v;
    }
    if (v instanceof DateCtor) {
      var time = apply(dateGetTime, v, []);
      if (time !== time) throw new RangeErrorCtor('query: value ' + index + ' is an invalid Date');
      return v;
    }
    var b = binary(v);
    if (b) return b;
    throw new TypeErrorCtor('query: value ' + index + ' is ' + describe(v) + '; each ? takes one string, number, '
                            + 'boolean, Date, binary value or null');
  }
  var database = freeze({
    query: function query(sql) {
      var args = arguments;
      return new Promise(function (resolve, reject) {
        if (typeof sql !== 'string') throw new TypeErrorCtor('query: the SQL must be a string, got ' + describe(sql));
        if (sql.length > MAX_RESULT_CHARS) throw tooBig('query: the SQL', sql.length, MAX_RESULT_CHARS);
        var values = [];
        for (var k = 1; k < args.length; ++k) values[values.length] = sqlValue(args[k], k);
        var r = bridge.query(sql, values);
        if (r.ok) resolve(r.rows); else reject(new ErrorCtor(r.error));
      });
    }
  });
  var mqtt = freeze({
    publish: function publish(topic, message, options) {
      return new Promise(function (resolve, reject) {
        if (typeof topic !== 'string' || topic === '')
          throw new TypeErrorCtor('publish: the topic must be a non-empty string');
        var payload = typeof message === 'string' ? message : binary(message);
        if (payload === null) throw new TypeErrorCtor('publish: the message must be a string or binary data, got ' + describe(message));
        var size = typeof payload === 'string' ? payload.length : payload.byteLength;
        if (size > MAX_RESULT_CHARS) throw tooBig('publish: a message', size, MAX_RESULT_CHARS);
        var qos = 0, retain = false;
        if (options !== undefined && options !== null) {
          if (typeof options !== 'object') throw new TypeErrorCtor('publish: options must be an object');
          if (options.qos !== undefined) qos = options.qos;
          if (qos !== 0 && qos !== 1 && qos !== 2) throw new RangeErrorCtor('publish: qos must be 0, 1 or 2');
          retain = !!options.retain;
        }
        var r = bridge.publish(topic, payload, qos, retain);
        if (r.ok) resolve({ cmd: 'publish', topic: topic, qos: qos, retain: retain }); else reject(new ErrorCtor(r.error));
      });
    }
  });

  // ---- results --------------------------------------------------------------------------
  // The line of the innermost stack frame in the transformer's own file (V4 frames read
  // "name@file:///path/to/file.js:LINE").
  function lineIn(e, file) {
    var stack;
    try { stack = e !== null && typeof e === 'object' ? e.stack : undefined; } catch (x) { stack = undefined; }
    if (typeof stack !== 'string') return 0;
    var frames = apply(stringSplit, stack, ['\n']);
    for (var f = 0; f < frames.length; ++f) {
      var frame = frames[f];
      var colon = apply(stringLastIndexOf, frame, [':']);
      var at = apply(stringIndexOf, frame, ['@']);
      if (colon < 0 || at < 0) continue;
      var location = apply(stringSlice, frame, [at + 1, colon]);
      if (location === file || apply(stringSlice, location, [-file.length - 1]) === '/' + file)
        return +apply(stringSlice, frame, [colon + 1]) || 0;
    }
    return 0;
  }
  function failure(e, file) {
    var message;
    try {
      var text = e instanceof ErrorCtor ? e.message : e;
      // A huge message is not copied (a string built by doubling is flattened by any copy).
      if (typeof text === 'string' && text.length > 10000) message = 'uncaught error with a message of ' + text.length + ' characters';
      else if (e instanceof ErrorCtor) message = String(e.name) + ': ' + String(e.message);
      else if (typeof e === 'string') message = 'uncaught ' + jsonStringify(e);
      else message = 'uncaught ' + String(e);
    } catch (x) {
      message = 'uncaught ' + describe(e);
    }
    return { ok: false, message: message, line: lineIn(e, file) };
  }
  function isThenable(x) {
    return isObjectLike(x) && typeof x.then === 'function';
  }

  function load(wrapper, file) {
    jobs = [];
    var module = { exports: {} };
    try {
      apply(wrapper, module.exports, [module, module.exports, runAsync]);
      drain();
    } catch (e) {
      jobs = [];
      return failure(e, file);
    }
    if (typeof module.exports !== 'function')
      return { ok: false, message: 'module.exports is ' + describe(module.exports) + ', expected a function', line: 0 };
    return { ok: true, fn: module.exports };
  }

  function invoke(fn, file, entityJson, source, target) {
    jobs = [];
    var context = {
      entity: entityJson === null ? null : jsonParse(entityJson),
      source: source,
      target: target,
      database: database,
      mysql: database,
      mqtt: mqtt,
      drop: DROP
    };
    var result, promise = null;
    try {
      result = fn(context);
      if (isThenable(result)) promise = toPromise(result);
      drain();
    } catch (e) {
      jobs = [];
      return failure(e, file);
    }
    if (promise !== null) {
      var s = stateOf(promise);
      if (s.state === PENDING)
        return { ok: false, line: 0, message: 'returned a Promise that never settled (a transformer has no timers '
                                           + 'or events, so nothing could settle it later)' };
      if (s.state === REJECTED) return failure(s.value, file);
      result = s.value;
    }
    if (result === DROP) return { ok: true, action: 'drop' };
    if (result === null) return { ok: true, action: 'delete' };
    if (typeof result === 'object' && !isArray(result)) {
      var json;
      try { checkSize(result, 'the returned entity'); json = jsonStringify(result); } catch (e) { return failure(e, file); }
      if (typeof json === 'string' && json.charAt(0) === '{') return { ok: true, action: 'entity', json: json };
    }
    return { ok: false, returned: describe(result) };
  }

  return freeze({ load: load, invoke: invoke, drop: DROP });
})
)js";

} // namespace

QString transformRuntimeSource()
{
    return QString::fromUtf8(kRuntime);
}

} // namespace mysqlsync
