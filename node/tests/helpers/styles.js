'use strict';
// Runs createSession in both styles so every case is checked with a callback and with a Promise.

/** createSession(opts, callback) wrapped in a Promise, checking the callback contract. */
function viaCallback(ot, opts) {
  return new Promise((resolve, reject) => {
    let calls = 0;
    let sync = true;
    const ret = ot.createSession(opts, (err, session) => {
      calls += 1;
      if (calls > 1) { reject(new Error('callback called twice')); return; }
      if (sync) { reject(new Error('callback called synchronously')); return; }
      if (err) {
        if (session !== undefined) { reject(new Error('callback got an error and a session')); return; }
        reject(err);
      } else resolve(session);
    });
    sync = false;
    if (ret !== undefined) reject(new Error('createSession with a callback must return undefined'));
  });
}

/** createSession(opts) returning a Promise. */
function viaPromise(ot, opts) {
  const p = ot.createSession(opts);
  if (!(p instanceof Promise)) throw new Error('createSession without a callback must return a Promise');
  return p;
}

const STYLES = [['callback', viaCallback], ['promise', viaPromise]];

module.exports = { viaCallback, viaPromise, STYLES };
