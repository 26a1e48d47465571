'use strict';
// Shared plumbing of the REST methods: the callback-or-Promise contract, argument shapes, native
// results to objects, native errors to the official error classes.

const { argumentError, fromNative, isNativeError } = require('./error');

/** Where an `OpenTok` object keeps its native core client. */
const CLIENT = Symbol('opentok-native.client');

/** A result whose callback gets several values (`listArchives`: items and total count). */
class Spread {
  constructor(args, value) {
    this.args = args;
    this.value = value;
  }
}

/**
 * Runs `fn` (which may throw or return a Promise). With a callback, calls `callback(err)` or
 * `callback(null, ...values)` on a later tick and returns undefined; without one, returns a
 * Promise. Argument errors reach the callback / the Promise, never a synchronous throw.
 */
function run(callback, fn) {
  if (callback != null && typeof callback !== 'function') {
    throw argumentError('callback', 'must be a function', callback);
  }
  let p;
  try {
    p = Promise.resolve(fn());
  } catch (e) {
    p = Promise.reject(e);
  }
  if (!callback) return p.then((r) => (r instanceof Spread ? r.value : r));
  p.then(
    (r) => {
      if (r instanceof Spread) process.nextTick(callback, null, ...r.args);
      else if (r === undefined) process.nextTick(callback, null);
      else process.nextTick(callback, null, r);
    },
    (err) => process.nextTick(callback, err),
  );
  return undefined;
}

/** Awaits a native call; a native error becomes the JS error (`area` for the service's refusals). */
async function settle(promise, area) {
  const r = await promise;
  if (isNativeError(r)) throw fromNative(r, area);
  return r == null ? undefined : r;
}

/** The native client of an `OpenTok` object. */
function nativeOf(ot) {
  const c = ot && ot[CLIENT];
  if (!c) throw argumentError('this', 'must be an OpenTok object', typeof ot);
  return c;
}

/** A required string argument (the core checks its content). */
function str(field, v) {
  if (typeof v !== 'string') throw argumentError(field, 'must be a string', v);
  return v;
}

/** An optional string argument (`null`/`undefined` = absent). */
function optStr(field, v) {
  return v == null ? undefined : str(field, v);
}

/** How deep options may nest (objects and arrays inside each other), as in the Python binding:
 * deeper values are a mistake, and walking them must not exhaust the stack. */
const MAX_DEPTH = 64;

/**
 * Checks a value can cross to the core as JSON: no functions, symbols, non-finite numbers,
 * cycles or nesting deeper than MAX_DEPTH (the core then reads field names, types and rules).
 */
function jsonSafe(path, v, seen) {
  const field = path || 'options';
  switch (typeof v) {
    case 'function':
    case 'symbol':
      throw argumentError(field, 'must be a JSON value', typeof v);
    case 'bigint':
      return Number(v);
    case 'number':
      if (!Number.isFinite(v)) throw argumentError(field, 'must be a finite number', v);
      return v;
    case 'object': {
      if (v === null) return v;
      if (seen.has(v)) throw argumentError(field, 'must not contain a cycle', '[circular]');
      if (seen.size >= MAX_DEPTH) throw argumentError(field, `must not nest deeper than ${MAX_DEPTH} levels`, '[deep]');
      seen.add(v);
      let out;
      if (Array.isArray(v)) out = v.map((x, i) => jsonSafe(`${field}[${i}]`, x, seen));
      else {
        out = {};
        for (const k of Object.keys(v)) {
          if (v[k] !== undefined) out[k] = jsonSafe(path ? `${path}.${k}` : k, v[k], seen);
        }
      }
      seen.delete(v);
      return out;
    }
    default:
      return v;
  }
}

/**
 * An optional options object, checked to be JSON-safe and passed to the core, which reads and
 * checks the fields (names, types, enums, rules).
 */
function opts(field, v) {
  if (v == null) return undefined;
  if (typeof v !== 'object' || Array.isArray(v)) throw argumentError(field, 'must be an object', v);
  return jsonSafe('', v, new Set());
}

/** Ids the service sends as JSON numbers, which the official SDK hands out as it got them. */
const NUMERIC_IDS = new Set(['projectId', 'partnerId']);

/**
 * Copies the set (non-null) properties of a native result onto `target`. The core's models hold
 * `projectId`/`partnerId` as strings; the service sends numbers and the official SDK passes the
 * parsed JSON through, so numeric ones become numbers again.
 */
function fill(target, props) {
  if (props) {
    for (const k of Object.keys(props)) {
      const v = props[k];
      if (v == null) continue;
      target[k] = NUMERIC_IDS.has(k) && typeof v === 'string' && /^[0-9]{1,15}$/.test(v) ? Number(v) : v;
    }
  }
  return target;
}

/** Attaches the owning `OpenTok` object to a result without making it enumerable. */
function own(target, ot) {
  Object.defineProperty(target, 'ot', { value: ot, enumerable: false, writable: true, configurable: true });
  return target;
}

/**
 * A core list (`{count, items}`) as the official SDK hands it out: the array of `make(item)` with
 * a non-enumerable `totalCount`; a callback gets `(null, array, totalCount)`.
 */
function counted(list, make) {
  const items = list.items.map(make);
  Object.defineProperty(items, 'totalCount', { value: list.count, enumerable: false });
  return new Spread([items, list.count], items);
}

/** A result object of an `OpenTok` (Archive, Broadcast, Callback): the core's fields and its owner. */
class Owned {
  constructor(ot, props) {
    own(this, ot);
    fill(this, props);
  }
}

/** Moves a trailing callback left: `(a, cb)` → `[undefined, cb]`. */
function shift(options, callback) {
  return typeof options === 'function' && callback === undefined ? [undefined, options] : [options, callback];
}

module.exports = { CLIENT, Owned, counted, run, settle, nativeOf, str, optStr, opts, jsonSafe, fill, own, shift };
