'use strict';
// Streams: the official getStream, listStreams, setStreamClassLists.

const { argumentError } = require('./error');
const { run, settle, nativeOf, str, fill } = require('./rest');

/** A stream: `id`, `videoType`, `name`, `layoutClassList`, `forceMuted`. */
class Stream {
  constructor(props) {
    fill(this, props);
  }
}

function classLists(items) {
  if (!Array.isArray(items)) throw argumentError('items', 'must be an array of {id, layoutClassList}', items);
  return items.map((it, i) => {
    if (it == null || typeof it !== 'object') throw argumentError(`items[${i}]`, 'must be an object {id, layoutClassList}', it);
    const list = it.layoutClassList;
    if (!Array.isArray(list) || !list.every((c) => typeof c === 'string')) {
      throw argumentError(`items[${i}].layoutClassList`, 'must be an array of strings', list);
    }
    return { id: str(`items[${i}].id`, it.id), layoutClassList: list };
  });
}

const methods = {
  /** `getStream(sessionId, streamId, [callback])` → a Stream. */
  getStream(sessionId, streamId, callback) {
    return run(callback, async () =>
      new Stream(await settle(nativeOf(this).getStream(str('sessionId', sessionId), str('streamId', streamId)))));
  },

  /** `listStreams(sessionId, [callback])` → an array of Streams. */
  listStreams(sessionId, callback) {
    return run(callback, async () => {
      const list = await settle(nativeOf(this).listStreams(str('sessionId', sessionId)));
      return list.items.map((s) => new Stream(s));
    });
  },

  /** `setStreamClassLists(sessionId, [{id, layoutClassList}], [callback])`. */
  setStreamClassLists(sessionId, classListArray, callback) {
    return run(callback, () => settle(nativeOf(this).setStreamClassLists(str('sessionId', sessionId), classLists(classListArray))));
  },
};

module.exports = { Stream, methods };
