// Writes tests/fixtures/viewer-copy/: the text a reviewer gets by opening
// each corpus PDF (tests/fixtures/shapes, tests/fixtures/real) in Firefox's
// PDF viewer, selecting all and copying it. That viewer is pdf.js: its text
// layer is the page's text items in the order the PDF draws them, a line
// break where an item ends a line (`hasEOL`), and a space where pdf.js saw
// a gap. Made with the pinned pdf.js of scripts/vendor (its legacy build,
// under node): `node scripts/make-viewer-copies.mjs`.
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const VENDOR = path.join(ROOT, 'scripts', 'vendor', 'node_modules', 'pdfjs-dist');
const FIXTURES = path.join(ROOT, 'tests', 'fixtures');
const OUT = path.join(FIXTURES, 'viewer-copy');

// Only rendering needs DOMMatrix; the text does not.
globalThis.DOMMatrix ??= class DOMMatrix {};
const pdfjs = await import(path.join(VENDOR, 'legacy', 'build', 'pdf.mjs'));

/** The text of every page as the viewer's copy gives it, pages one after another. */
async function copied(file) {
  const pdf = await pdfjs.getDocument({
    data: new Uint8Array(readFileSync(file)),
    cMapUrl: path.join(VENDOR, 'cmaps') + path.sep,
    cMapPacked: true,
    standardFontDataUrl: path.join(VENDOR, 'standard_fonts') + path.sep,
    verbosity: 0,
  }).promise;
  try {
    let text = '';
    for (let n = 1; n <= pdf.numPages; n++) {
      const page = await pdf.getPage(n);
      for (const item of (await page.getTextContent()).items) {
        if (!('str' in item)) continue;
        text += item.str + (item.hasEOL ? '\n' : '');
      }
      text += '\n';
    }
    return text;
  } finally {
    await pdf.destroy();
  }
}

for (const folder of ['shapes', 'real']) {
  const dir = path.join(FIXTURES, folder);
  for (const name of readdirSync(dir).filter((f) => f.endsWith('.pdf')).sort()) {
    const out = path.join(OUT, name.replace(/\.pdf$/, '.txt'));
    writeFileSync(out, await copied(path.join(dir, name)));
    console.log(path.relative(ROOT, out));
  }
}
