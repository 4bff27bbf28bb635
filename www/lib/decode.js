// Bytes of a picked or dropped file → text, without asking the user which
// encoding: UTF-16 by its BOM, else strict UTF-8, else strict GB18030 (a
// superset of GBK/GB2312, what Chinese Windows and many portals still
// produce). The browser's TextDecoder does this; the engine carries no
// encoding tables (encoding_rs would cost ~130 KiB gzip).
//
// What is not a disclosure's text is refused here, with a Chinese message a
// reviewer can act on, before it ever reaches the engine.

/** Larger files are refused (checked on File.size, before reading). */
export const MAX_BYTES = 20 * 1024 * 1024;

/** How much of the start of a file is looked at to tell text from binary. */
const SNIFF_BYTES = 8 * 1024;

/** A file the engine will not be given: `.code` says why, `.message` in Chinese. */
export class InputError extends Error {
  /** @param {'empty'|'binary'|'too_large'|'encoding'} code */
  constructor(code, message) {
    super(message);
    this.name = 'InputError';
    this.code = code;
  }
}

export function tooLarge(size) {
  const mb = (n) => (n / 1024 / 1024).toFixed(1);
  return new InputError('too_large', `文件太大（${mb(size)} MB），超过 ${mb(MAX_BYTES)} MB 上限。请只保留需要校验的预算公开文本。`);
}

/**
 * @param {Uint8Array|ArrayBuffer} bytes
 * @returns {{text: string, encoding: 'UTF-8'|'UTF-16LE'|'UTF-16BE'|'GB18030'}}
 * @throws {InputError}
 */
export function decodeBytes(bytes) {
  const b = bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes);
  if (b.length > MAX_BYTES) throw tooLarge(b.length);
  let decoded;
  if (b.length >= 2 && b[0] === 0xff && b[1] === 0xfe) {
    decoded = { text: strict('utf-16le', b.subarray(2)), encoding: 'UTF-16LE' };
  } else if (b.length >= 2 && b[0] === 0xfe && b[1] === 0xff) {
    decoded = { text: strict('utf-16be', b.subarray(2)), encoding: 'UTF-16BE' };
  } else {
    // Without a BOM, NUL bytes only occur in binary files (or BOM-less
    // UTF-16, which no tool this project meets writes).
    if (looksBinary(b.subarray(0, SNIFF_BYTES))) throw binary();
    const utf8 = tryDecode('utf-8', b);
    decoded = utf8 !== null ? { text: utf8, encoding: 'UTF-8' } : { text: strict('gb18030', b), encoding: 'GB18030' };
  }
  // A UTF-8 BOM is dropped by TextDecoder; a stray one after a UTF-16 BOM is not.
  decoded.text = decoded.text.replace(/^\uFEFF/, '');
  if (decoded.text.trim() === '') {
    throw new InputError('empty', '文件是空的（没有任何文字），没有可校验的内容。');
  }
  if (looksBinaryText(decoded.text.slice(0, SNIFF_BYTES))) throw binary();
  return decoded;
}

/** Reads a File or Blob (refusing a too large one before reading it) and decodes it. */
export async function decodeFile(file) {
  if (typeof file?.size === 'number' && file.size > MAX_BYTES) throw tooLarge(file.size);
  return decodeBytes(new Uint8Array(await file.arrayBuffer()));
}

function binary() {
  return new InputError('binary', '这不是文本文件（含有二进制内容，可能是 PDF、Word、Excel 或图片）。请选择从 PDF 或网页导出的 .txt 文本，或直接粘贴文字。');
}

function tryDecode(label, b) {
  try {
    return new TextDecoder(label, { fatal: true }).decode(b);
  } catch {
    return null;
  }
}

function strict(label, b) {
  const text = tryDecode(label, b);
  if (text === null) {
    throw new InputError(
      'encoding',
      '无法识别文件的编码：它既不是 UTF-8 / UTF-16，也不是 GB18030（GBK）。请在编辑器中另存为 UTF-8 文本后重试。',
    );
  }
  return text;
}

// Control bytes other than TAB, LF, FF, CR (and ESC) are rare in text:
// a NUL, or more than 1 in 100, means a binary file.
function looksBinary(sample) {
  let control = 0;
  for (const byte of sample) {
    if (byte === 0) return true;
    if (byte < 0x20 && byte !== 9 && byte !== 10 && byte !== 12 && byte !== 13 && byte !== 27) control++;
  }
  return control > 4 && control * 100 > sample.length;
}

function looksBinaryText(sample) {
  let control = 0;
  for (let i = 0; i < sample.length; i++) {
    const c = sample.charCodeAt(i);
    if (c === 0) return true;
    if (c < 0x20 && c !== 9 && c !== 10 && c !== 12 && c !== 13 && c !== 27) control++;
  }
  return control > 4 && control * 100 > sample.length;
}
