// www/lib/budget-lint.js, the documented ES-module API (WAVE2-API.md), from a
// portal's page (release build, real Chromium, strict CSP): validate and
// validateFile with progress (a PDF too, told from its bytes), cancel, the
// refusals (too large, binary, empty, undecodable, a damaged PDF), the engine's CSV, the Excel workbook opened and read back,
// and not one request outside the origin.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { inflateRawSync } from 'node:zlib';
import {
  FIXTURES,
  ROOT,
  fixture,
  withServedPage,
} from './harness.mjs';
import { foreignRequests, openHost } from './embed-host.mjs';

let server;
let browser;
withServedPage((s, b) => {
  server = s;
  browser = b;
});

function open() {
  return openHost(browser, server.origin, {
    script: "import * as bl from '/lib/budget-lint.js'; window.bl = bl; window.blReady = true;",
  });
}

async function ready(page) {
  await page.waitForFunction(() => window.blReady === true);
}

/** Entries of a .zip (stored or deflated), read through its central directory. */
function unzip(buf) {
  const eocd = buf.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  assert.ok(eocd >= 0, 'a zip end-of-central-directory record');
  const count = buf.readUInt16LE(eocd + 10);
  let p = buf.readUInt32LE(eocd + 16);
  const files = new Map();
  for (let i = 0; i < count; i++) {
    assert.equal(buf.readUInt32LE(p), 0x02014b50, 'central directory entry');
    const method = buf.readUInt16LE(p + 10);
    const size = buf.readUInt32LE(p + 20);
    const nameLen = buf.readUInt16LE(p + 28);
    const extraLen = buf.readUInt16LE(p + 30);
    const commentLen = buf.readUInt16LE(p + 32);
    const local = buf.readUInt32LE(p + 42);
    const name = buf.subarray(p + 46, p + 46 + nameLen).toString('utf8');
    const start = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
    const data = buf.subarray(start, start + size);
    files.set(name, method === 0 ? data : inflateRawSync(data));
    p += 46 + nameLen + extraLen + commentLen;
  }
  return files;
}

describe('budget-lint.js API in a portal page (release build)', () => {
  test('validate and validateFile (GB18030) with progress; rules and version', async () => {
    const { context, page, requests, problems } = await open();
    try {
      await ready(page);
      const text = fixture('yangquan-shangwu-2026.txt');
      const gbk = execFileSync('python3', ['-c', 'import sys; sys.stdout.buffer.write(sys.stdin.read().encode("gb18030"))'], {
        input: text,
      });
      const out = await page.evaluate(
        async ({ text, gbk }) => {
          const { bl } = window;
          const stages = [];
          const onProgress = (p) => stages.push(p.stage);
          const report = await bl.validate(text, { onProgress });
          const file = new File([new Uint8Array(gbk)], 'shangwu-gbk.txt', { type: 'text/plain' });
          const fileStages = [];
          const fromFile = await bl.validateFile(file, { onProgress: (p) => fileStages.push(p.stage) });
          const lean = await bl.validate(text, { tables: false });
          const rules = await bl.rules();
          return {
            stages,
            fileStages,
            tables: report.tables.length,
            findings: report.findings.length,
            fileFindings: fromFile.report.findings.length,
            fileTextSame: fromFile.text === text.replace(/^\uFEFF/, ''),
            encoding: fromFile.encoding,
            name: fromFile.name,
            leanTables: lean.tables.length,
            rules: rules.map((r) => r.id),
            documented: rules.filter((r) => r.docs.includes('## 检查什么') && r.title && r.category_label).length,
            version: await bl.version(),
            reportVersion: report.version,
          };
        },
        { text, gbk: [...gbk] },
      );
      assert.deepEqual(out.stages, ['parse', 'done']);
      assert.deepEqual(out.fileStages, ['decode', 'parse', 'done']);
      assert.equal(out.tables, 13);
      assert.ok(out.findings > 0);
      assert.equal(out.fileFindings, out.findings, 'GB18030 bytes check the same as the UTF-8 text');
      assert.equal(out.fileTextSame, true);
      assert.equal(out.encoding, 'GB18030');
      assert.equal(out.name, 'shangwu-gbk.txt');
      assert.equal(out.leanTables, 0);
      assert.ok(out.rules.includes('T101') && out.rules.every((id) => /^[A-Z]\d{3}$/.test(id)));
      assert.equal(out.documented, out.rules.length, 'rules() joins every rule\'s docs (pkg/rules.js)');
      assert.equal(out.version, out.reportVersion);
      assert.deepEqual(foreignRequests(requests, server.origin), []);
      assert.deepEqual(problems, []);
    } finally {
      await context.close();
    }
  });

  test('validateFile takes a PDF by its bytes, whatever its name: the CLI\'s report, each line placed; a damaged one is refused', async () => {
    const pdf = path.join(FIXTURES, 'shapes', 'yangquan-zhaoshang-2026.pdf');
    const cli = spawnSync('cargo', ['run', '--quiet', '--bin', 'budget-lint', '--', 'check', pdf, '--format', 'json'], {
      cwd: ROOT,
      maxBuffer: 64 * 1024 * 1024,
      encoding: 'utf8',
    });
    assert.ok([0, 1].includes(cli.status), cli.stderr);
    const want = JSON.parse(cli.stdout);
    assert.ok(want.summary.errors > 0, 'a document with errors, so that equal findings say something');
    const bytes = readFileSync(pdf);
    const { context, page, requests, problems } = await open();
    try {
      await ready(page);
      const out = await page.evaluate(
        async ({ bytes }) => {
          const { bl } = window;
          const whole = new Uint8Array(bytes);
          // No .pdf in the name: the kind comes from the bytes.
          const got = await bl.validateFile(new File([whole], 'disclosure.bin'));
          let refused = null;
          try {
            await bl.validateFile(new File([whole.subarray(0, whole.length >> 1)], 'cut.pdf'));
          } catch (err) {
            refused = { name: err.name, code: err.code, message: err.message, isInput: err instanceof bl.InputError };
          }
          const lines = got.text.split('\n');
          return {
            kind: got.kind,
            encoding: got.encoding,
            summary: got.report.summary,
            findings: got.report.findings.map((f) => [f.rule, f.severity, f.line, f.message]),
            placedLines: got.places.filter(Boolean).length,
            lineCount: lines.length,
            pages: [...new Set(got.places.filter(Boolean).map((p) => p.page))].length,
            refused,
          };
        },
        { bytes: [...bytes] },
      );
      assert.equal(out.kind, 'pdf');
      assert.equal(out.encoding, 'UTF-8');
      assert.equal(out.summary.errors, want.summary.errors);
      assert.equal(out.summary.warnings, want.summary.warnings);
      assert.deepEqual(
        out.findings,
        want.findings.map((f) => [f.rule, f.severity, f.line, f.message]),
        'the findings of the CLI reading the same PDF natively',
      );
      assert.ok(out.pages > 1, 'lines placed on the pages');
      assert.ok(out.placedLines > out.lineCount / 2, `${out.placedLines} of ${out.lineCount} lines placed on a page`);
      assert.deepEqual(
        { name: out.refused?.name, code: out.refused?.code, isInput: out.refused?.isInput },
        { name: 'InputError', code: 'pdf-damaged', isInput: true },
      );
      assert.match(out.refused.message, /损坏或不完整/);
      assert.ok(requests.some((u) => u.includes('/vendor/pdfjs/')), 'pdf.js loaded for the PDF');
      assert.deepEqual(foreignRequests(requests, server.origin), []);
      assert.deepEqual(problems, []);
    } finally {
      await context.close();
    }
  });

  test('cancel: the signal terminates the Worker, the promise rejects with AbortError, the next call gets a fresh one', async () => {
    const { context, page, requests, problems } = await open();
    try {
      await ready(page);
      const big = fixture('yangquan-caizheng-2026.txt').repeat(30);
      const out = await page.evaluate(async (big) => {
        const { bl } = window;
        await bl.init();
        const controller = new AbortController();
        const started = performance.now();
        const pending = bl.validate(big, {
          signal: controller.signal,
          onProgress: (p) => {
            if (p.stage === 'parse') controller.abort();
          },
        });
        let error;
        try {
          await pending;
        } catch (e) {
          error = { name: e.name, message: e.message };
        }
        const cancelledAfter = performance.now() - started;
        let already;
        try {
          await bl.validate('x', { signal: AbortSignal.abort() });
        } catch (e) {
          already = e.name;
        }
        const after = await bl.validate('表一 收支总表');
        const t1 = performance.now();
        await bl.validate(big);
        const full = performance.now() - t1;
        return { error, cancelledAfter, full, already, afterOk: typeof after.summary.errors === 'number' };
      }, big);
      assert.deepEqual(out.error, { name: 'AbortError', message: '已取消校验' });
      assert.equal(out.already, 'AbortError');
      assert.equal(out.afterOk, true);
      const workers = requests.filter((u) => u.endsWith('/lib/worker.js'));
      assert.equal(workers.length, 2, 'a fresh Worker after the cancel');
      assert.ok(out.cancelledAfter < out.full / 2, `cancel took ${out.cancelledAfter} ms, a full check ${out.full} ms`);
      console.log(
        `# cancel of a ${big.length}-character document took effect after ${Math.round(out.cancelledAfter)} ms ` +
          `(a full check of it: ${Math.round(out.full)} ms)`,
      );
      assert.deepEqual(problems, []);
    } finally {
      await context.close();
    }
  });

  test('refusals: too large (before reading), binary, empty, undecodable → InputError with a Chinese message', async () => {
    const { context, page, problems } = await open();
    try {
      await ready(page);
      const out = await page.evaluate(async () => {
        const { bl } = window;
        const outcome = async (job) => {
          try {
            await job();
            return 'accepted';
          } catch (e) {
            return { isInputError: e instanceof bl.InputError, code: e.code, message: e.message };
          }
        };
        // A File whose reading would fail: only its size may be looked at.
        const huge = new File(['x'], 'huge.txt');
        Object.defineProperty(huge, 'size', { value: bl.MAX_BYTES + 1 });
        huge.arrayBuffer = () => Promise.reject(new Error('read the whole file'));
        const png = new Uint8Array(64);
        png.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
        return {
          huge: await outcome(() => bl.validateFile(huge)),
          realHuge: await outcome(() => bl.validateFile(new File([new Uint8Array(bl.MAX_BYTES + 1).fill(0x41)], 'a.txt'))),
          binary: await outcome(() => bl.validateFile(new File([png], 'scan.png'))),
          controls: await outcome(() => bl.decodeBytes(new Uint8Array(200).map((_, i) => (i % 3 ? 0x41 : 0x01)))),
          empty: await outcome(() => bl.validateFile(new File([], 'empty.txt'))),
          blank: await outcome(() => bl.decodeBytes(new TextEncoder().encode('\uFEFF \n\t\n'))),
          undecodable: await outcome(() => bl.decodeBytes(new Uint8Array([0x41, 0xff, 0xff, 0x41, 0x0a]))),
          utf16: bl.decodeBytes(new Uint8Array([0xff, 0xfe, 0x68, 0x88, 0x00, 0x4e])),
        };
      });
      for (const [key, code, words] of [
        ['huge', 'too_large', /太大/],
        ['realHuge', 'too_large', /20\.0 MB/],
        ['binary', 'binary', /不是文本文件/],
        ['controls', 'binary', /不是文本文件/],
        ['empty', 'empty', /空/],
        ['blank', 'empty', /空/],
        ['undecodable', 'encoding', /编码/],
      ]) {
        assert.equal(out[key].isInputError, true, `${key}: ${JSON.stringify(out[key])}`);
        assert.equal(out[key].code, code, key);
        assert.match(out[key].message, words, key);
      }
      assert.deepEqual(out.utf16, { text: '表一', encoding: 'UTF-16LE' });
      assert.deepEqual(problems, []);
    } finally {
      await context.close();
    }
  });

  test("findingsCsv is the engine's CSV; exportXlsx loads pkg-xlsx on demand and the workbook reads back", async () => {
    const { context, page, requests, problems } = await open();
    try {
      await ready(page);
      const text = fixture('yangquan-zhaoshang-2026.txt');
      const out = await page.evaluate(async (text) => {
        const { bl } = window;
        const report = await bl.validate(text);
        const csv = await bl.findingsCsv(text, '招商中心.txt');
        const before = performance.getEntriesByType('resource').some((e) => e.name.includes('/pkg-xlsx/'));
        const xlsx = await bl.exportXlsx(text);
        return {
          findings: report.findings.map((f) => [f.rule, f.line]),
          csv,
          before,
          xlsx: [...xlsx],
          isBytes: xlsx instanceof Uint8Array,
          capabilities: bl.capabilities(),
        };
      }, text);
      // CSV: BOM, the header, one row per finding in the engine's order.
      assert.match(out.csv, /^\uFEFF文件,序号,严重程度,规则/);
      const rows = out.csv.trim().split(/\r?\n/);
      assert.equal(rows.length, out.findings.length + 1);
      for (const [i, [rule, line]] of out.findings.entries()) {
        assert.ok(rows[i + 1].startsWith(`招商中心.txt,${i + 1},`), rows[i + 1]);
        assert.ok(rows[i + 1].includes(`,${rule},`) && rows[i + 1].includes(`,${line},`), rows[i + 1]);
      }
      // XLSX: a zip with the workbook, 问题清单 and one sheet per table.
      assert.equal(out.before, false, 'pkg-xlsx is not loaded before an export');
      assert.ok(requests.some((u) => u.endsWith('/pkg-xlsx/budget_lint_bg.wasm')));
      assert.equal(out.isBytes, true);
      assert.deepEqual(out.capabilities, { xlsx: true, office: true, singleFile: false });
      const files = unzip(Buffer.from(out.xlsx));
      const workbook = files.get('xl/workbook.xml').toString('utf8');
      const sheets = [...workbook.matchAll(/<sheet name="([^"]+)"/g)].map((m) => m[1]);
      assert.deepEqual(sheets.slice(0, 3), ['问题清单', '检查情况', '表一']);
      assert.equal(sheets.length, 2 + 13);
      const shared = files.get('xl/sharedStrings.xml').toString('utf8');
      for (const [rule] of out.findings) assert.ok(shared.includes(`>${rule}<`), `finding ${rule} in the workbook`);
      assert.ok(files.get('xl/worksheets/sheet1.xml').length > 1000);
      assert.deepEqual(foreignRequests(requests, server.origin), []);
      assert.deepEqual(problems, []);
    } finally {
      await context.close();
    }
  });
});
