// Bytes of a picked or dropped file → text, without asking the user which
// encoding: UTF-16 by its BOM, else strict UTF-8, else GB18030 (a superset
// of GBK/GB2312, what Chinese Windows and many portals still produce).
// The browser's TextDecoder does this; the engine needs no encoding tables.

/** @returns {{text: string, encoding: string}} */
export function decodeBytes(bytes) {
  const b = bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes);
  if (b.length >= 2 && b[0] === 0xff && b[1] === 0xfe) {
    return { text: new TextDecoder('utf-16le').decode(b), encoding: 'UTF-16LE' };
  }
  if (b.length >= 2 && b[0] === 0xfe && b[1] === 0xff) {
    return { text: new TextDecoder('utf-16be').decode(b), encoding: 'UTF-16BE' };
  }
  try {
    // ignoreBOM false (default): a UTF-8 BOM is dropped.
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(b), encoding: 'UTF-8' };
  } catch {
    return { text: new TextDecoder('gb18030').decode(b), encoding: 'GB18030' };
  }
}

/** Reads a File and decodes it. */
export async function decodeFile(file) {
  return decodeBytes(new Uint8Array(await file.arrayBuffer()));
}
