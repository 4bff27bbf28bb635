// Shared by the page tests: serve www/ (the release build) the way
// `make serve` does, and drive Debian's Chromium through playwright-core.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before } from 'node:test';
import { chromium } from 'playwright-core';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const WWW = path.join(ROOT, 'www');
export const FIXTURES = path.join(ROOT, 'tests', 'fixtures');
export const WASM = path.join(WWW, 'pkg', 'budget_lint_bg.wasm');

export const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
  '--no-first-run',
];

export function fixture(name) {
  return readFileSync(path.join(FIXTURES, name), 'utf8');
}

/** Fails early, with the fix, when the page has no build to load. */
export function assertReleaseBuild() {
  if (!existsSync(WASM)) {
    throw new Error(`${path.relative(ROOT, WASM)} is missing: run \`make web\` first`);
  }
}

/**
 * `python3 -m http.server` on a free port (port 0), bound to 127.0.0.1.
 * @returns {Promise<{origin: string, close: () => Promise<void>}>}
 */
export function serve(dir = WWW) {
  return new Promise((resolve, reject) => {
    const child = spawn('python3', ['-u', '-m', 'http.server', '0', '--bind', '127.0.0.1', '--directory', dir], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    const timer = setTimeout(() => {
      child.kill();
      reject(new Error(`http.server did not start: ${out}`));
    }, 15000);
    child.stdout.on('data', (chunk) => {
      out += chunk;
      const m = /port (\d+)/.exec(out);
      if (!m) return;
      clearTimeout(timer);
      resolve({
        origin: `http://127.0.0.1:${m[1]}`,
        close: () =>
          new Promise((done) => {
            child.once('exit', () => done());
            child.kill();
          }),
      });
    });
    child.stderr.on('data', () => {}); // access log
    child.once('error', (err) => {
      clearTimeout(timer);
      reject(err);
    });
  });
}

export function launch() {
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true });
}

/**
 * A fresh page (its own context: cold cache) that records every request,
 * console error and uncaught exception, including those of its Worker.
 */
export async function openPage(browser, origin) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'zh-CN' });
  const requests = [];
  const problems = [];
  context.on('request', (r) => requests.push(r.url()));
  const page = await context.newPage();
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(`console: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  page.on('worker', (w) => {
    w.on('console', (m) => {
      if (m.type() === 'error') problems.push(`worker console: ${m.text()}`);
    });
  });
  const started = Date.now();
  await page.goto(`${origin}/index.html`);
  return { context, page, requests, problems, started };
}

/**
 * Puts text into #input as a paste does (all at once, then an input event;
 * page.fill types it and takes seconds on 100 KB), presses 校验 once the
 * engine is ready, waits for the result.
 */
export async function validateText(page, text) {
  await page.$eval(
    '#input',
    (el, t) => {
      el.value = t;
      el.dispatchEvent(new Event('input', { bubbles: true }));
    },
    text,
  );
  await page.waitForSelector('#run:not([disabled])');
  await page.evaluate(() => {
    delete document.body.dataset.state;
  });
  await page.click('#run');
  await page.waitForSelector('body[data-state="done"]', { timeout: 30000 });
}

/**
 * Registers the suite's before/after hooks: checks the release build is
 * there, serves www/ and launches Chromium once, closes both at the end.
 * `ready(server, browser)` hands them to the test file.
 */
export function withServedPage(ready) {
  let server;
  let browser;
  before(async () => {
    assertReleaseBuild();
    server = await serve();
    browser = await launch();
    ready(server, browser);
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });
}
