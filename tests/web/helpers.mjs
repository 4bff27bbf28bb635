// Shared by the product-page tests (page-*.test.mjs): the server and browser
// of harness.mjs, plus the page's own moves — wait for the engine, wait for
// the queue to drain, drop files, read downloads, save screenshots.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { ROOT } from './harness.mjs';

export * from './harness.mjs';

export const SHOTS = path.join(ROOT, 'target', 'screenshots');

export function shotPath(name) {
  mkdirSync(SHOTS, { recursive: true });
  return path.join(SHOTS, name);
}

/** Resolves once the engine is loaded (校验 enabled). */
export async function engineReady(page) {
  await page.waitForSelector('#run:not([disabled])', { timeout: 30000 });
}

/** Clears the done marker, runs `action`, waits for the page's queue to drain. */
export async function untilDone(page, action, timeout = 60000) {
  await page.evaluate(() => {
    delete document.body.dataset.state;
  });
  await action();
  await page.waitForSelector('body[data-state="done"]', { timeout });
}

/** Text encoded by Python's codec (gb18030, gbk, utf-16…): bytes the way other tools write them. */
export function encode(text, codec) {
  const script = `import sys; sys.stdout.buffer.write(sys.stdin.buffer.read().decode("utf-8").encode(${JSON.stringify(codec)}))`;
  return execFileSync('python3', ['-c', script], { input: Buffer.from(text, 'utf8'), maxBuffer: 64 * 1024 * 1024 });
}

/**
 * Drops files on the page as a user's drag would arrive: dragenter,
 * dragover, drop on `selector`, carrying a DataTransfer with real Files.
 * @param {{name: string, bytes: Buffer|Uint8Array, type?: string}[]} files
 * @returns {Promise<boolean>} whether the overlay showed during the drag
 */
export async function dropFiles(page, files, selector = 'body') {
  const payload = files.map((f) => ({ name: f.name, type: f.type || 'text/plain', b64: Buffer.from(f.bytes).toString('base64') }));
  const dataTransfer = await page.evaluateHandle((items) => {
    const dt = new DataTransfer();
    for (const { name, type, b64 } of items) {
      const bin = atob(b64);
      const bytes = new Uint8Array(bin.length);
      for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
      dt.items.add(new File([bytes], name, { type }));
    }
    return dt;
  }, payload);
  await page.dispatchEvent(selector, 'dragenter', { dataTransfer });
  await page.dispatchEvent(selector, 'dragover', { dataTransfer });
  const overlay = await page.isVisible('#drop-overlay');
  await page.dispatchEvent(selector, 'drop', { dataTransfer });
  return overlay;
}

/** Clicks `selector`, waits for the download, returns {name, bytes}. */
export async function download(page, selector) {
  const [dl] = await Promise.all([page.waitForEvent('download', { timeout: 30000 }), page.click(selector)]);
  const file = await dl.path();
  return { name: dl.suggestedFilename(), bytes: readFileSync(file) };
}

/** The findings the page lists, read from the DOM the tests are promised. */
export async function listed(page) {
  return page.$$eval('#findings > *', (items) =>
    items.map((li) => ({
      rule: li.dataset.rule,
      severity: li.dataset.severity,
      line: Number(li.dataset.line),
      location: li.dataset.location,
      text: li.textContent,
    })),
  );
}

/**
 * A copy of a corpus document with one table figure changed, so that the
 * engine has a real error to report: the `n`-th number on the line starting
 * with `lineStart` gets `delta` added (two decimals kept).
 */
export function withChangedFigure(text, lineStart, delta) {
  const lines = text.split('\n');
  const i = lines.findIndex((l) => l.startsWith(lineStart));
  if (i < 0) throw new Error(`no line starts with ${lineStart}`);
  const cells = lines[i].split('\t');
  const j = cells.findIndex((c, k) => k > 0 && /^\d+(\.\d+)?$/.test(c.trim()));
  const before = cells[j];
  cells[j] = (Number(before) + delta).toFixed(2);
  lines[i] = cells.join('\t');
  return { text: lines.join('\n'), line: i + 1, before, after: cells[j] };
}
