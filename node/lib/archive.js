'use strict';
// Archives: the official startArchive, stopArchive, getArchive, listArchives, deleteArchive,
// setArchiveLayout, addArchiveStream, removeArchiveStream.

const { ArchiveError } = require('./error');
const { Owned, counted, run, settle, nativeOf, str, opts, jsonSafe, shift } = require('./rest');

/** An archive: the service's fields (`id`, `status`, `sessionId`, `size`, `duration`, ...), `stop()` and `delete()`. */
class Archive extends Owned {
  /** Stops this archive (callback or Promise of the stopped Archive). */
  stop(callback) {
    return this.ot.stopArchive(this.id, callback);
  }

  /** Deletes this archive (callback or Promise). */
  delete(callback) {
    return this.ot.deleteArchive(this.id, callback);
  }
}

function layoutOf(type, stylesheet, screenshareType) {
  const layout = { type: str('layout.type', type) };
  if (stylesheet != null) layout.stylesheet = stylesheet;
  if (screenshareType != null) layout.screenshareType = screenshareType;
  return jsonSafe('layout', layout, new Set());
}

const methods = {
  /**
   * `startArchive(sessionId, [options], [callback])`: options `name`, `hasAudio`, `hasVideo`,
   * `outputMode`, `resolution`, `streamMode`, `layout`, `multiArchiveTag`, `maxBitrate`,
   * `quantizationParameter`, `hasTranscription`, `transcriptionProperties`.
   */
  startArchive(sessionId, options, callback) {
    [options, callback] = shift(options, callback);
    return run(callback, async () => {
      const r = await settle(nativeOf(this).startArchive(str('sessionId', sessionId), opts('options', options)), ArchiveError);
      return new Archive(this, r);
    });
  },

  /** `stopArchive(archiveId, [callback])` → the stopped Archive. */
  stopArchive(archiveId, callback) {
    return run(callback, async () => new Archive(this, await settle(nativeOf(this).stopArchive(str('archiveId', archiveId)), ArchiveError)));
  },

  /** `getArchive(archiveId, [callback])` → the Archive. */
  getArchive(archiveId, callback) {
    return run(callback, async () => new Archive(this, await settle(nativeOf(this).getArchive(str('archiveId', archiveId)), ArchiveError)));
  },

  /**
   * `listArchives([{offset, count, sessionId}], [callback])`: `callback(null, archives, totalCount)`;
   * the Promise resolves to the array of archives with a `totalCount` property.
   */
  listArchives(options, callback) {
    [options, callback] = shift(options, callback);
    return run(callback, async () => {
      const list = await settle(nativeOf(this).listArchives(opts('options', options)), ArchiveError);
      return counted(list, (a) => new Archive(this, a));
    });
  },

  /** `deleteArchive(archiveId, [callback])`. */
  deleteArchive(archiveId, callback) {
    return run(callback, () => settle(nativeOf(this).deleteArchive(str('archiveId', archiveId)), ArchiveError));
  },

  /** `setArchiveLayout(archiveId, type, [stylesheet], [screenshareType], [callback])`. */
  setArchiveLayout(archiveId, type, stylesheet, screenshareType, callback) {
    if (typeof stylesheet === 'function') [stylesheet, callback] = [undefined, stylesheet];
    else if (typeof screenshareType === 'function') [screenshareType, callback] = [undefined, screenshareType];
    return run(callback, () =>
      settle(nativeOf(this).setArchiveLayout(str('archiveId', archiveId), layoutOf(type, stylesheet, screenshareType)), ArchiveError));
  },

  /** `addArchiveStream(archiveId, streamId, [{hasAudio, hasVideo}], [callback])` (both default true). */
  addArchiveStream(archiveId, streamId, archiveOptions, callback) {
    [archiveOptions, callback] = shift(archiveOptions, callback);
    return run(callback, () => {
      // As the official SDK: a flag given is sent as Boolean(value) (false, 0, '' are false);
      // one not given is true.
      const o = opts('options', archiveOptions) || {};
      const tracks = {};
      for (const k of ['hasAudio', 'hasVideo']) {
        if (archiveOptions && Object.prototype.hasOwnProperty.call(archiveOptions, k)) tracks[k] = Boolean(archiveOptions[k]);
        else if (o[k] !== undefined) tracks[k] = Boolean(o[k]);
      }
      return settle(nativeOf(this).addArchiveStream(str('archiveId', archiveId), str('streamId', streamId), tracks), ArchiveError);
    });
  },

  /** `removeArchiveStream(archiveId, streamId, [callback])`. */
  removeArchiveStream(archiveId, streamId, callback) {
    return run(callback, () =>
      settle(nativeOf(this).removeArchiveStream(str('archiveId', archiveId), str('streamId', streamId)), ArchiveError));
  },
};

module.exports = { Archive, methods, layoutOf };
