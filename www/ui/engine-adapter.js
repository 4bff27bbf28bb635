// The page's one door to the engine: the documented API of ../lib/budget-lint.js
// (the same one portals use), plus what only the page needs — the engine's
// own time for the status line, and refusals worded in the interface
// language. Cancel, the refusals themselves and the Worker live in the lib;
// nothing here re-implements them.
import * as lib from '../lib/budget-lint.js';

export const MAX_BYTES = lib.MAX_BYTES;
export const InputError = lib.InputError;
export const isHtml = lib.isHtml;
export const isOfficeFile = lib.isOfficeFile;
export const isPdfFile = lib.isPdfFile;

/**
 * Why a report checked nothing (summary.recognised false): 'unverified' when
 * its template was recognised but the text's reading is not verified for it
 * (document.reading_unverified, S107), else 'unrecognised'. Keys the
 * interface's words: status., summary., memo.
 */
export function unchecked(report) {
  return report.document && report.document.reading_unverified ? 'unverified' : 'unrecognised';
}

/** A feature the loaded engine does not offer (the single file has no Excel). */
export class NeedsEngine extends Error {
  constructor(feature) {
    super('此功能需要更新的引擎');
    this.name = 'NeedsEngine';
    this.feature = feature;
  }
}

export function isAbort(err) {
  return err && (err.name === 'AbortError' || err.code === 20);
}

export class EngineAdapter {
  constructor() {
    this.ready = lib.init().then(() => lib.version());
  }

  /**
   * `source`: how the text was obtained (the engine's options `pdf`,
   * `pages`, `tablesOnly`), so that it is checked as its file was.
   * @returns {Promise<{report: object, ms: number}>} the report and the engine's own time
   */
  async validate(text, { signal, onProgress, source } = {}) {
    await this.ready;
    const started = performance.now();
    let ms;
    const report = await lib.validate(text, {
      ...source,
      signal,
      onProgress: (p) => {
        if (p.stage === 'done' && typeof p.ms === 'number') ms = p.ms;
        onProgress?.(p);
      },
    });
    return { report, ms: ms ?? performance.now() - started };
  }

  /** A web page or a text/html paste as the TAB text the engine reads. */
  async htmlToText(html) {
    await this.ready;
    return lib.htmlToText(html);
  }

  /** A PDF's layout as the lines the engine reads, not checked: {text, places}. */
  async pdfText(layout, { signal } = {}) {
    await this.ready;
    return lib.pdfText(layout, { signal });
  }

  /** A PDF file's ruling lines, by the engine's own reader (www/pdf/read.js says why); rejects when it cannot parse the file. */
  async pdfRules(bytes, { signal } = {}) {
    await this.ready;
    return lib.pdfRules(bytes, { signal });
  }

  /** The engine's PDF module loaded ahead of a PDF being dragged over the page; never rejects. */
  warmPdf() {
    return this.ready.then(() => lib.warmPdf()).catch(() => {});
  }

  /** A PDF's layout checked: {report, text, places, ms}. */
  async validatePdf(layout, { signal, onProgress } = {}) {
    await this.ready;
    const started = performance.now();
    let ms;
    const got = await lib.validatePdf(layout, {
      signal,
      onProgress: (p) => {
        if (p.stage === 'done' && typeof p.ms === 'number') ms = p.ms;
        onProgress?.(p);
      },
    });
    return { ...got, ms: ms ?? performance.now() - started };
  }

  /**
   * A Word/Excel file read and checked by the engine's office module.
   * @returns {Promise<{report: object, text: string, kind: string, ms: number}>}
   *   text: what the engine read from the file, shown as the source
   */
  async checkFile(bytes, { signal, onProgress } = {}) {
    await this.ready;
    const started = performance.now();
    let ms;
    const { report, text, kind, tables_only: tablesOnly } = await lib.checkFile(bytes, {
      signal,
      onProgress: (p) => {
        if (p.stage === 'done' && typeof p.ms === 'number') ms = p.ms;
        onProgress?.(p);
      },
    });
    return { report, text, kind, tablesOnly, ms: ms ?? performance.now() - started };
  }

  /** The rules' ids and titles (no docs: those would be a 16 KB fetch). */
  async ruleTitles() {
    await this.ready;
    return lib.rules({ docs: false });
  }

  has(feature) {
    if (feature === 'exportXlsx') return lib.capabilities().xlsx !== false;
    return typeof lib[feature] === 'function';
  }

  /** The engine's own CSV of the findings (never rebuilt in JS); `source` as for validate. */
  async findingsCsv(text, name, source) {
    await this.ready;
    return lib.findingsCsv(text, name, { ...source });
  }

  /** .xlsx bytes from the engine's lazily loaded export module; `source` as for validate. */
  async exportXlsx(text, source) {
    if (!this.has('exportXlsx')) throw new NeedsEngine('exportXlsx');
    await this.ready;
    return lib.exportXlsx(text, { ...source });
  }
}

/**
 * Bytes → {text, encoding} through the lib's decoder; its refusal (code
 * 'empty'|'binary'|'too_large'|'encoding') is re-worded in the interface
 * language from `messages`.
 */
export function decodeBytes(bytes, messages) {
  try {
    return lib.decodeBytes(bytes);
  } catch (err) {
    if (!(err instanceof lib.InputError)) throw err;
    const size = bytes.byteLength ?? bytes.length;
    const message = {
      too_large: () => messages.tooLarge(size),
      empty: () => messages.empty,
      binary: () => messages.binary,
      encoding: () => messages.encoding,
    }[err.code];
    throw new lib.InputError(err.code, message ? message() : err.message);
  }
}
