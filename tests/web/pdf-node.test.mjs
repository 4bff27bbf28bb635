// Every corpus PDF (tests/fixtures/shapes, made from the 13-table texts,
// and tests/fixtures/real, published in other templates) read the page's
// way, under node: pdf.js (the pinned
// scripts/vendor copy, its legacy build) gives the text through the
// page's own www/pdf/runs.js, the release PDF module (www/pkg-pdf) reads
// the ruling lines (`pdf_rules`) and rebuilds the lines, and the core
// module (www/pkg) checks them, as the page's Worker does. Then:
//   - the ruling lines pdf.js's operator lists give (the page's way when
//     the engine cannot parse a file) give the same report;
//   - every line of the rebuilt text has its place on a page, and every
//     figure a finding cites can be boxed there;
//   - the report is the one the engine gives for the rebuilt text itself;
//   - the PDF's report reads the same tables as its TAB original's (for a
//     published PDF, its `.tsv.txt` extraction's or the hand-verified
//     reference's: `reference`), unless the template's PDF reading is not
//     verified and the report says nothing was checked;
//   - the CLI (`budget-lint check X.pdf --format json`, the native reader)
//     gives the same report, once the native reader exists (until then the
//     CLI refuses a PDF and that comparison is skipped, saying so).
import { before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { FIXTURES, ROOT, WASM, assertReleaseBuild } from './harness.mjs';

const VENDOR = path.join(ROOT, 'scripts', 'vendor', 'node_modules', 'pdfjs-dist');
const FOLDERS = ['shapes', 'real'].map((name) => path.join(FIXTURES, name));
/** Every corpus PDF, as its path; named in the tests by folder and file. */
const PDFS = FOLDERS.flatMap((dir) =>
  readdirSync(dir)
    .filter((f) => f.endsWith('.pdf'))
    .sort()
    .map((f) => path.join(dir, f)),
);
const nameOf = (file) => path.relative(FIXTURES, file);

/**
 * The text a PDF's report is compared with, as tests/common/mod.rs
 * `pdf_reference` gives it: the TAB original beside it (`.tsv.txt`); for a
 * published PDF, its hand-verified `.verified.tsv.txt` where the table
 * extractor cut rows (tests/fixtures/real/README.md), and without the page
 * numbers the extractor prints as lines of their own (1–3 digits before
 * the blank line ending a page), which the PDF reader sets aside.
 */
function reference(file) {
  const tsv = file.replace(/\.pdf$/, '.tsv.txt');
  if (path.basename(path.dirname(file)) !== 'real') return readFileSync(tsv, 'utf8');
  const verified = file.replace(/\.pdf$/, '.verified.tsv.txt');
  const lines = readFileSync(existsSync(verified) ? verified : tsv, 'utf8').split('\n');
  return lines.map((l, i) => (/^\d{1,3}$/.test(l.trim()) && lines[i + 1] === '' ? '' : l)).join('\n');
}

let pdfjs;
let engine;
let rebuildEngine;
let geometry;
let extract;

before(async () => {
  assertReleaseBuild();
  // pdf.js's legacy build under node: DOMMatrix only matters to rendering,
  // which this test does not do.
  globalThis.DOMMatrix ??= class DOMMatrix {};
  pdfjs = await import(path.join(VENDOR, 'legacy', 'build', 'pdf.mjs'));
  ({ extract } = await import(path.join(ROOT, 'www', 'pdf', 'runs.js')));
  engine = await import(path.join(ROOT, 'www', 'pkg', 'budget_lint.js'));
  engine.initSync({ module: readFileSync(WASM) });
  rebuildEngine = await import(path.join(ROOT, 'www', 'pkg-rebuild', 'budget_lint.js'));
  rebuildEngine.initSync({ module: readFileSync(path.join(ROOT, 'www', 'pkg-rebuild', 'budget_lint_bg.wasm')) });
  geometry = await import(path.join(ROOT, 'www', 'pkg-pdf', 'budget_lint.js'));
  geometry.initSync({ module: readFileSync(path.join(ROOT, 'www', 'pkg-pdf', 'budget_lint_bg.wasm')) });
});

/**
 * The layout the page reads: pdf.js's text, the PDF module's ruling lines;
 * and `opsSegments`, the lines pdf.js's operator lists give.
 */
async function layoutOf(file) {
  const data = new Uint8Array(readFileSync(file));
  const segments = [];
  const flat = geometry.pdf_rules(data);
  for (let i = 0; i < flat.length; i += 5) {
    const [page, x0, y0, x1, y1] = flat.subarray(i, i + 5);
    segments.push({ page, x0, y0, x1, y1 });
  }
  const pdf = await pdfjs.getDocument({
    data: data.slice(),
    cMapUrl: path.join(VENDOR, 'cmaps') + path.sep,
    cMapPacked: true,
    standardFontDataUrl: path.join(VENDOR, 'standard_fonts') + path.sep,
    verbosity: 0,
  }).promise;
  try {
    const read = await extract(pdfjs, pdf);
    return { ...read, segments, opsSegments: read.segments };
  } finally {
    await pdf.destroy();
  }
}

/** validatePdf as www/lib/budget-lint.js and its Worker do it (flat arrays). */
/**
 * The report of `text` as the page's Worker gets it: from the first-load
 * engine, or, when that says the text needs the rebuild readers, from the
 * module that has them.
 */
function check(text, options) {
  try {
    return engine.validate(text, options);
  } catch (e) {
    if (!String(e.message).startsWith('[rebuild-needed]')) throw e;
    return rebuildEngine.validate(text, options);
  }
}

function validatePdf(layout) {
  const flat = (items, keys) => Float32Array.from(items.flatMap((it) => keys.map((k) => it[k])));
  const got = geometry.pdf_lines(
    flat(layout.pages, ['page', 'width', 'height']),
    flat(layout.runs, ['page', 'x', 'y', 'width', 'height']),
    layout.runs.map((r) => r.text),
    flat(layout.segments, ['page', 'x0', 'y0', 'x1', 'y1']),
  );
  const places = [];
  for (let i = 0; i < got.places.length; i += 5) {
    const [page, x, y, width, height] = got.places.subarray(i, i + 5);
    places.push(page ? { page, x, y, width, height } : null);
  }
  // As the Worker checks them: read from a PDF, each line's page cited.
  const pages = Uint32Array.from(places, (p) => p?.page ?? 0);
  return { report: check(got.text, { pdf: true, pages }), text: got.text, places };
}

function cli(file) {
  const out = spawnSync('cargo', ['run', '--quiet', '--bin', 'budget-lint', '--', 'check', file, '--format', 'json'], {
    cwd: ROOT,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  try {
    return { report: JSON.parse(out.stdout), stderr: out.stderr };
  } catch {
    return { report: null, stderr: out.stderr };
  }
}

/** The report without what differs by run (the engine's version aside, nothing should). */
function comparable(report) {
  return JSON.parse(JSON.stringify(report));
}

describe('every corpus PDF, read as the page reads it', () => {
  for (const file of PDFS) {
    describe(nameOf(file), () => {
      let layout;
      let got;
      before(async () => {
        layout = await layoutOf(file);
        got = validatePdf(layout);
      });

      test('pdf.js gives text on every page poppler reads text on, and ruling lines where tables are', () => {
        // poppler's reading (.layout.txt, pages split by form feeds) says
        // which pages hold text: a published PDF may have a blank page.
        const poppler = readFileSync(file.replace(/\.pdf$/, '.layout.txt'), 'utf8').split('\f');
        const texted = poppler.flatMap((page, i) => (page.trim() ? [i + 1] : []));
        const pages = [...new Set(layout.runs.map((r) => r.page))].sort((a, b) => a - b);
        assert.deepEqual(pages, texted, 'text on the pages poppler reads text on');
        const tables = check(reference(file)).tables;
        if (tables.length > 0) {
          assert.ok(layout.segments.length > 0, 'ruling lines from the PDF module');
          assert.ok(layout.opsSegments.length > 0, 'ruling lines from the operator lists');
        }
        for (const r of layout.runs) {
          const size = layout.pages[r.page - 1];
          assert.ok(r.x >= -1 && r.x + r.width <= size.width + 1 && r.y >= -1 && r.y + r.height <= size.height + 1, `run inside its page: ${JSON.stringify(r)}`);
        }
      });

      test('the ruling lines of pdf.js\'s operator lists give the same report', () => {
        const fallback = validatePdf({ ...layout, segments: layout.opsSegments });
        assert.deepEqual(comparable(fallback.report), comparable(got.report));
      });

      test('every rebuilt line has its place, and every cited line can be boxed', () => {
        const lines = got.text.split('\n');
        if (lines.at(-1) === '') lines.pop();
        assert.equal(got.places.length, lines.length, 'one place per line');
        lines.forEach((line, i) => {
          if (!line.trim()) return;
          const p = got.places[i];
          assert.ok(p, `line ${i + 1} has a place`);
          const size = layout.pages[p.page - 1];
          assert.ok(size && p.width > 0 && p.height > 0 && p.x >= -1 && p.y >= -1 && p.x + p.width <= size.width + 1 && p.y + p.height <= size.height + 1, `line ${i + 1}'s box is on its page`);
        });
        for (const f of got.report.findings) {
          for (const e of f.evidence || []) {
            if (e.line > 0) assert.ok(got.places[e.line - 1], `${f.rule} cites line ${e.line}, which has a place`);
          }
        }
      });

      test('the same tables and rows as the TAB original', (t) => {
        if (got.report.findings.some((f) => f.rule === 'S107')) {
          // Not recognised, or its template's PDF reading not verified: the
          // report says so and nothing is checked (tests/pdf.rs pins which).
          assert.ok(!got.report.findings.some((f) => f.severity === 'error' && f.rule !== 'S107'), 'no error when nothing was checked');
          t.skip('nothing checked (S107)');
          return;
        }
        const tab = check(reference(file));
        // Every table row by its figures, and every error and warning by its
        // rule and the figures it cites (lines differ between shapes).
        const cell = (c) => (c.kind === 'value' ? String(Number(c.value)) : c.kind);
        const rows = (r) => r.tables.flatMap((t) => t.rows.map((row) => `${t.id} ${row.code ?? ''} ${row.cells.map(cell).join(' ')}`));
        assert.deepEqual(rows(got.report), rows(tab));
        // The 决算's extraction puts the prose's figures on lines of their
        // own, so its 情况说明 is hardly read there: then only the table and
        // structure findings are compared (tests/shanghai_final.rs pins the
        // prose's).
        const sentences = (r) => (r.narrative?.sections ?? []).reduce((n, s) => n + (s.sentences?.length ?? 0), 0);
        const proseLost = sentences(tab) * 2 < sentences(got.report);
        const findings = (r) =>
          r.findings
            .filter((f) => f.severity !== 'info')
            .filter((f) => !proseLost || /^[TS]/.test(f.rule))
            .map((f) => `${f.severity} ${f.rule} ${(f.evidence ?? []).map((e) => e.value ?? '').sort().join(',')}`)
            .sort();
        assert.deepEqual(findings(got.report), findings(tab));
      });

      let native;
      const cliReport = (t) => {
        native ??= cli(file);
        if (!native.report) t.skip(`the CLI does not read PDFs: ${native.stderr.trim().split('\n').at(-1)}`);
        return native.report;
      };

      // Both readers end in the same geometry (src/read/pdf/geometry.rs),
      // which writes no space beside a CJK character (pdf.js puts one into
      // an item where glyphs are 0.1 em apart, "受理 、社区"; the native
      // reader gives runs apart), reads leader dots drawn a glyph a run as
      // pdf.js's one item, and keeps a table's rows in the order of its
      // bands; runs.js takes the ruling lines the native reader takes.
      // So the CLI gives the page's report, to the noise line count.
      test('the CLI finds the same: findings, checks, tables, narrative, summary', (t) => {
        const report = cliReport(t);
        if (!report) return;
        for (const key of ['findings', 'checks', 'tables', 'narrative', 'summary']) {
          assert.deepEqual(comparable(got.report[key]), comparable(report[key]), key);
        }
      });

      test('the CLI gives the same report, to the noise line count', (t) => {
        const report = cliReport(t);
        if (!report) return;
        assert.deepEqual(comparable(got.report), comparable(report));
      });
    });
  }
});

/** A report's errors and warnings, by rule and the figures they cite. */
function findingKeys(report) {
  return report.findings
    .filter((f) => f.severity === 'error' || f.severity === 'warning')
    .map((f) => `${f.rule} ${(f.evidence || []).map((e) => e.value ?? '').sort().join(',')}`)
    .sort();
}

// A corpus document printed otherwise (tests/fixtures/pdf-variants): in Noto
// Sans CJK SC, whose text layer names the radicals sharing the ideographs'
// glyphs (⽀ for 支). pdf.js gives them as they stand; the geometry reads
// them as the ideographs, so the page finds what the TAB original says.
describe('PDFs printed otherwise, read as the page reads them', () => {
  const dir = path.join(FIXTURES, 'pdf-variants');
  for (const name of readdirSync(dir).filter((f) => f.endsWith('.pdf')).sort()) {
    test(name, async () => {
      const { report, text } = validatePdf(await layoutOf(path.join(dir, name)));
      assert.ok(!/[\u2e80-\u2ef3\u2f00-\u2fd5]/u.test(text), 'no radical left in the lines');
      const tab = check(readFileSync(path.join(FIXTURES, `${name.split('.')[0]}.txt`), 'utf8'));
      assert.deepEqual(findingKeys(report), findingKeys(tab));
    });
  }
});
