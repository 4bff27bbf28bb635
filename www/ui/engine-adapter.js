// The page's one door to the engine. Every call the page makes to the
// engine's JS API (WAVE2-API: validate with {signal, onProgress},
// decodeBytes/InputError, findingsCsv, exportXlsx) goes through here, so the
// names are reconciled in one place. Methods the loaded engine lacks are
// detected and answered with NeedsEngine ("此功能需要更新的引擎"), never a crash.
//
// Until the engine's own cancel and input checks land, this module supplies
// them page-side: cancel terminates the Worker and starts a fresh one; the
// size / empty / binary / encoding checks run before decoding.
import * as engineModule from '../engine.js';
import * as decodeModule from '../decode.js';

export const MAX_BYTES = engineModule.MAX_BYTES ?? decodeModule.MAX_BYTES ?? 20 * 1024 * 1024;

/** A feature the loaded engine does not offer yet. */
export class NeedsEngine extends Error {
  constructor(feature) {
    super('此功能需要更新的引擎');
    this.name = 'NeedsEngine';
    this.feature = feature;
  }
}

/** A file the page will not check: code 'empty'|'binary'|'too_large'|'encoding'. */
export class InputError extends Error {
  constructor(code, message) {
    super(message);
    this.name = 'InputError';
    this.code = code;
  }
}

export function isAbort(err) {
  return err && (err.name === 'AbortError' || err.code === 20);
}

function abortError() {
  return new DOMException('已取消', 'AbortError');
}

/**
 * The engine as the page uses it. Works with the Engine class of the first
 * page (engine.js) and with the function API of the contract.
 */
export class EngineAdapter {
  constructor() {
    this.fnApi = typeof engineModule.validate === 'function';
    this.engine = null;
    this.ready = this.start();
  }

  start() {
    if (this.fnApi) {
      return Promise.resolve(engineModule.init ? engineModule.init() : undefined).then(() =>
        engineModule.version ? engineModule.version() : '',
      );
    }
    this.engine = new engineModule.Engine();
    return this.engine.ready;
  }

  /** @returns {Promise<{report: object, ms: number}>} */
  async validate(text, { signal, onProgress } = {}) {
    if (signal?.aborted) throw abortError();
    await this.ready;
    onProgress?.({ stage: 'check' });
    const started = performance.now();
    if (this.fnApi) {
      let ms;
      const report = await engineModule.validate(text, {
        signal,
        onProgress: (p) => {
          if (p.stage === 'done' && typeof p.ms === 'number') ms = p.ms; // the engine's own time
          onProgress?.(p);
        },
      });
      return { report, ms: ms ?? performance.now() - started };
    }
    // The first page's Engine has no cancel: terminating its Worker is the
    // cancel, and a fresh Engine serves the next request.
    const engine = this.engine;
    const work = engine.validate(text);
    const aborted = new Promise((_, reject) => {
      signal?.addEventListener(
        'abort',
        () => {
          engine.worker.terminate();
          this.engine = new engineModule.Engine();
          this.ready = this.engine.ready;
          reject(abortError());
        },
        { once: true },
      );
    });
    const { result, ms } = await Promise.race([work, aborted]);
    onProgress?.({ stage: 'done' });
    return { report: result, ms: ms ?? performance.now() - started };
  }

  async rules() {
    await this.ready;
    if (this.fnApi) return engineModule.rules ? engineModule.rules() : [];
    return (await this.engine.rules()).result;
  }

  has(feature) {
    const source = this.fnApi ? engineModule : this.engine || {};
    if (typeof source[feature] !== 'function') return false;
    // The single-file build leaves the Excel module out and says so.
    if (feature === 'exportXlsx' && typeof engineModule.capabilities === 'function') {
      return engineModule.capabilities().xlsx !== false;
    }
    return true;
  }

  /** The engine's own CSV of the findings (never rebuilt in JS). */
  async findingsCsv(text, name) {
    if (!this.has('findingsCsv')) throw new NeedsEngine('findingsCsv');
    await this.ready;
    return this.fnApi ? engineModule.findingsCsv(text, name) : this.engine.findingsCsv(text, name);
  }

  /** .xlsx bytes from the engine's lazily loaded export module. */
  async exportXlsx(text) {
    if (!this.has('exportXlsx')) throw new NeedsEngine('exportXlsx');
    await this.ready;
    return this.fnApi ? engineModule.exportXlsx(text) : this.engine.exportXlsx(text);
  }
}

/**
 * Bytes → {text, encoding}. Uses the engine's decodeBytes; the refusals
 * (too large, empty, binary, undecodable) are checked here first so that the
 * page says the same thing whichever decoder is loaded.
 */
export function decodeBytes(bytes, messages) {
  const b = bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes);
  if (b.length > MAX_BYTES) throw new InputError('too_large', messages.tooLarge(b.length));
  if (b.length === 0) throw new InputError('empty', messages.empty);
  if (looksBinary(b)) throw new InputError('binary', messages.binary);
  let decoded;
  try {
    decoded = decodeModule.decodeBytes(b);
  } catch (err) {
    if (err && err.code) throw new InputError(err.code, err.message);
    throw new InputError('encoding', messages.encoding);
  }
  const { text } = decoded;
  if (!text.trim()) throw new InputError('empty', messages.empty);
  if (replacementShare(text) > 0.01) throw new InputError('encoding', messages.encoding);
  return decoded;
}

// A text file has no NUL outside UTF-16, and few C0 controls other than
// tab / CR / LF / form feed. Looks at the head only: enough for any real file.
function looksBinary(b) {
  if ((b[0] === 0xff && b[1] === 0xfe) || (b[0] === 0xfe && b[1] === 0xff)) return false;
  const n = Math.min(b.length, 64 * 1024);
  let controls = 0;
  for (let i = 0; i < n; i++) {
    const c = b[i];
    if (c === 0) return true;
    if (c < 0x20 && c !== 9 && c !== 10 && c !== 13 && c !== 12) controls++;
  }
  return controls > n / 100;
}

function replacementShare(text) {
  const n = Math.min(text.length, 200000);
  let bad = 0;
  for (let i = 0; i < n; i++) if (text.charCodeAt(i) === 0xfffd) bad++;
  return n ? bad / n : 0;
}
