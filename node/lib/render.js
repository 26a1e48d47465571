'use strict';
// Experience Composer: the official startRender, getRender, stopRender, listRenders.

const { argumentError } = require('./error');
const { run, settle, nativeOf, str, opts, fill, shift } = require('./rest');

function render(props) {
  return fill({}, props);
}

const methods = {
  /**
   * `startRender({sessionId, token, url, maxDuration, resolution, properties: {name}, statusCallbackUrl}, [callback])`
   * → the render (`id`, `status`, `sessionId`, ...).
   */
  startRender(options, callback) {
    return run(callback, async () => {
      const o = opts('options', options);
      if (o === undefined) throw argumentError('options', 'must be an object {sessionId, token, url, ...}', options);
      // The official SDK always sends maxDuration (default 1800) and resolution (default 1280x720).
      const { sessionId, token, ...rest } = { maxDuration: 1800, resolution: '1280x720', ...o };
      return render(await settle(nativeOf(this).startRender(str('sessionId', sessionId), str('token', token), rest)));
    });
  },

  /** `getRender(renderId, [callback])` → the render. */
  getRender(renderId, callback) {
    return run(callback, async () => render(await settle(nativeOf(this).getRender(str('renderId', renderId)))));
  },

  /** `stopRender(renderId, [callback])`. */
  stopRender(renderId, callback) {
    return run(callback, () => settle(nativeOf(this).stopRender(str('renderId', renderId))));
  },

  /** `listRenders([{offset, count}], [callback])` → `{count, items}`. */
  listRenders(options, callback) {
    [options, callback] = shift(options, callback);
    return run(callback, async () => {
      const list = await settle(nativeOf(this).listRenders(opts('options', options)));
      return { count: list.count, items: list.items.map(render) };
    });
  },
};

module.exports = { methods };
