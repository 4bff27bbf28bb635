// The npm package (www/pkg, wasm-pack output) and the static-folder API
// (www/lib/budget-lint.d.ts) are typed: a consumer's TypeScript compiles
// with `tsc --noEmit --strict` against them, `validate` returns a `Report`
// (not `any`: the @ts-expect-error lines would otherwise be unused and fail),
// and a misuse is a compile error.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ROOT, assertReleaseBuild } from './harness.mjs';

const TSC = path.join(ROOT, 'tests', 'web', 'node_modules', 'typescript', 'bin', 'tsc');
// The package's entry (package.json main/types): the engine plus the rule docs.
const PKG = path.join(ROOT, 'www', 'pkg', 'index.js');
const LIB = path.join(ROOT, 'www', 'lib', 'budget-lint.js');

const CONSUMER = `
import init, { validate, findings_csv, rules, version, type Report, type Finding, type RuleDoc } from '${PKG}';
import * as lib from '${LIB}';

export async function npmConsumer(text: string): Promise<string[]> {
  await init();
  const report: Report = validate(text, { tables: false });
  const errors: number = report.summary.errors;
  const first: Finding | undefined = report.findings[0];
  const severity: 'error' | 'warning' | 'info' | undefined = first?.severity;
  const year: number | null | undefined = report.document.year;
  const cells = report.tables.flatMap((t) => t.rows.flatMap((r) => r.cells));
  const printed = cells.map((c) => (c.kind === 'value' ? c.value : ''));
  // @ts-expect-error: the summary has no such count
  report.summary.mistakes;
  // @ts-expect-error: options are checked
  validate(text, { tabels: false });
  const catalogue: RuleDoc[] = rules();
  const csv: string = findings_csv(text, 'a.txt');
  return [String(errors), String(severity), String(year), version(), csv, ...printed, ...catalogue.map((r) => r.id)];
}

export async function staticConsumer(file: File): Promise<number> {
  const controller = new AbortController();
  const { report, encoding } = await lib.validateFile(file, {
    signal: controller.signal,
    onProgress: (p) => console.log(p.stage, p.message),
  });
  const enc: 'UTF-8' | 'UTF-16LE' | 'UTF-16BE' | 'GB18030' = encoding;
  const bytes: Uint8Array = await lib.exportXlsx('text');
  try {
    lib.decodeBytes(new Uint8Array(0));
  } catch (e) {
    if (e instanceof lib.InputError) console.log(e.code satisfies lib.InputErrorCode);
  }
  return report.findings.length + bytes.length + enc.length;
}
`;

const MISUSE = `
import { validate } from '${PKG}';
const n: number = validate('text', null).summary.department;
`;

function tsc(dir, source) {
  writeFileSync(path.join(dir, 'consumer.ts'), source);
  writeFileSync(
    path.join(dir, 'tsconfig.json'),
    JSON.stringify({
      compilerOptions: {
        strict: true,
        noEmit: true,
        target: 'es2022',
        module: 'esnext',
        moduleResolution: 'bundler',
        lib: ['es2022', 'dom'],
        skipLibCheck: false,
        allowJs: false,
      },
      files: ['consumer.ts'],
    }),
  );
  return spawnSync(process.execPath, [TSC, '-p', dir], { encoding: 'utf8' });
}

describe('TypeScript declarations (release build)', () => {
  test('the package declares Report and types validate with it', () => {
    assertReleaseBuild();
    const dts = readFileSync(path.join(ROOT, 'www', 'pkg', 'budget_lint.d.ts'), 'utf8');
    assert.match(dts, /export function validate\(text: string, options\?: ValidateOptions \| null\): Report;/);
    assert.match(dts, /export interface Report \{/);
    const pkg = JSON.parse(readFileSync(path.join(ROOT, 'www', 'pkg', 'package.json'), 'utf8'));
    assert.equal(pkg.name, 'budget-lint');
    // The entry joins the rule docs (rules.js, beside the wasm) to the engine.
    assert.equal(pkg.main, 'index.js');
    assert.equal(pkg.types, 'index.d.ts');
    for (const f of ['budget_lint_bg.wasm', 'budget_lint.js', 'budget_lint.d.ts', 'index.js', 'index.d.ts', 'rules.js', 'rules.d.ts']) {
      assert.ok(pkg.files.includes(f), f);
    }
    assert.match(dts, /export function rules\(\): RuleSummary\[\];/);
    assert.match(readFileSync(path.join(ROOT, 'www', 'pkg', 'index.d.ts'), 'utf8'), /export function rules\(\): RuleDoc\[\];/);
  });

  test('a consumer of the npm package and of www/lib compiles under --strict', () => {
    const result = tsc(mkdtempSync(path.join(os.tmpdir(), 'budget-lint-ts-')), CONSUMER);
    assert.equal(result.status, 0, `tsc failed:\n${result.stdout}${result.stderr}`);
  });

  test('npm pack → npm install in a fresh project → node imports `budget-lint` and checks a document', () => {
    const project = mkdtempSync(path.join(os.tmpdir(), 'budget-lint-consumer-'));
    const npm = (args, cwd) => {
      const r = spawnSync('npm', [...args, '--no-audit', '--no-fund', '--offline'], { cwd, encoding: 'utf8' });
      assert.equal(r.status, 0, `npm ${args.join(' ')}:\n${r.stdout}${r.stderr}`);
      return r.stdout.trim();
    };
    const tarball = npm(['pack', '--pack-destination', project], path.dirname(PKG)).split('\n').pop();
    writeFileSync(path.join(project, 'package.json'), JSON.stringify({ name: 'portal', private: true, type: 'module' }));
    npm(['install', `./${tarball}`], project);
    writeFileSync(
      path.join(project, 'check.mjs'),
      `import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { initSync, validate, findings_csv, rules } from 'budget-lint';
const wasm = createRequire(import.meta.url).resolve('budget-lint/budget_lint_bg.wasm');
initSync({ module: readFileSync(wasm) });
const text = readFileSync(process.argv[2], 'utf8');
const report = validate(text);
console.log(JSON.stringify({ tables: report.tables.length, department: report.document.department,
  findings: report.findings.length, csvRows: findings_csv(text, 'x.txt').trim().split('\\r\\n').length,
  rules: rules().length, documented: rules().filter((r) => r.docs.includes('## 检查什么')).length }));
`,
    );
    const run = spawnSync(process.execPath, ['check.mjs', path.join(ROOT, 'tests', 'fixtures', 'yangquan-shangwu-2026.txt')], {
      cwd: project,
      encoding: 'utf8',
    });
    assert.equal(run.status, 0, run.stderr);
    const out = JSON.parse(run.stdout);
    assert.equal(out.tables, 13);
    assert.equal(out.department, '阳泉市商务局');
    assert.equal(out.csvRows, out.findings + 1);
    assert.ok(out.rules >= 16);
    assert.equal(out.documented, out.rules, 'rules() of the package carries every rule\'s docs');
  });

  test('a misuse of the report is a compile error', () => {
    const result = tsc(mkdtempSync(path.join(os.tmpdir(), 'budget-lint-ts-')), MISUSE);
    assert.notEqual(result.status, 0);
    assert.match(result.stdout, /Property 'department' does not exist on type 'Summary'/);
  });
});
