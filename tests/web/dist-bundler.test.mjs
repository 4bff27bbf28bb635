// scripts/build-dist.py's bundler on a made-up module graph using every
// import/export form it promises (and that wasm-bindgen emits): the classic
// script it prints runs in node's vm and gives the same values the modules
// would; assets beside a module become data: URLs; a bare specifier fails.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import vm from 'node:vm';
import { ROOT } from './harness.mjs';

const SCRIPT = path.join(ROOT, 'scripts', 'build-dist.py');

function site(files) {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'budget-lint-bundle-'));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), text);
  }
  return dir;
}

function bundle(dir, entry) {
  return spawnSync('python3', [SCRIPT, '--www', dir, '--bundle', entry], { encoding: 'utf8' });
}

describe('build-dist.py bundler', () => {
  test('every import/export form, live bindings, import.meta.url and assets', async () => {
    const dir = site({
      'pkg/glue.js': `
let wasm;
export function add(a, b) { return a + b + (wasm ?? 0); }
export class Box { constructor(v) { this.v = v; } }
function initSync(n) { wasm = n; }
async function __wbg_init() { return new URL('glue_bg.wasm', import.meta.url).href; }
export { initSync, __wbg_init as default };
`,
      'lib/util.js': `
export const ONE = 1;
export let counter = 0;
export function bump() { counter += 1; }
export default function greet(name) { return \`你好，\${name}\`; }
`,
      'lib/re.js': `export * from './util.js';\nexport { add as plus } from '../pkg/glue.js';\n`,
      'lib/sample.txt': '表一 收支总表\n',
      'lib/lazy.js': "export const lazy = 'loaded';\n",
      'app.js': `
import init, { add, Box, initSync } from './pkg/glue.js';
import greet, { ONE,
  bump, counter as count } from './lib/util.js';
import * as re from "./lib/re.js";
export default { answer: 42 };
initSync(100);
bump();
globalThis.out = {
  sum: add(ONE, 2), box: new Box(7).v, greet: greet('审核员'), plus: re.plus(1, 1),
  liveCounter: re.counter, copiedCounter: count, starOne: re.ONE,
  sample: new URL('lib/sample.txt', import.meta.url).href,
};
globalThis.wasmUrl = init();
globalThis.lazy = import('./lib/lazy.js').then((m) => m.lazy);
`,
    });
    const result = bundle(dir, 'app.js');
    assert.equal(result.status, 0, result.stderr);
    assert.doesNotMatch(result.stdout, /^\s*(import|export)\s/m, 'no module syntax left');
    const context = { URL, document: { baseURI: 'file:///x/budget-lint.html' }, Promise };
    context.globalThis = context;
    vm.runInNewContext(result.stdout, context);
    const out = context.out;
    assert.equal(out.sum, 103, 'the glue sees initSync, in order');
    assert.equal(out.box, 7);
    assert.equal(out.greet, '你好，审核员');
    assert.equal(out.plus, 102);
    assert.equal(out.liveCounter, 1, 'export * keeps live bindings');
    // A named import is a copy taken when the module runs (the one place the
    // bundle differs from ES modules; no module here exports a changing let).
    assert.equal(out.copiedCounter, 0);
    assert.equal(out.starOne, 1);
    assert.equal(out.sample, `data:text/plain;charset=utf-8;base64,${Buffer.from('表一 收支总表\n').toString('base64')}`);
    assert.equal(await context.lazy, 'loaded', 'a literal dynamic import is bundled');
    assert.equal(await context.wasmUrl, 'file:///x/glue_bg.wasm');
  });

  test('a bare specifier or an import outside the folder fails with the file named', () => {
    const bare = bundle(site({ 'app.js': "import x from 'lodash';\nconsole.log(x);\n" }), 'app.js');
    assert.notEqual(bare.status, 0);
    assert.match(bare.stderr, /app\.js: bare import 'lodash'/);
    const missing = bundle(site({ 'app.js': "import { y } from './nope.js';\n" }), 'app.js');
    assert.notEqual(missing.status, 0);
    assert.match(missing.stderr, /missing module .*nope\.js/);
  });
});
