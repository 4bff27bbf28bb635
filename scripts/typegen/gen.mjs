// Generates schema/report.d.ts from schema/report.schema.json, so that the
// TypeScript declarations shipped with the npm package are never written by
// hand. `node gen.mjs --check` fails when the committed file is stale.
import { compile } from 'json-schema-to-typescript';
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const schemaPath = join(root, 'schema', 'report.schema.json');
const outPath = join(root, 'schema', 'report.d.ts');

const schema = JSON.parse(readFileSync(schemaPath, 'utf8'));
const banner = '/* Generated from schema/report.schema.json by scripts/typegen/gen.mjs. Do not edit. */';
const ts = await compile(schema, 'Report', {
  bannerComment: banner,
  additionalProperties: false,
  strictIndexSignatures: true,
  style: { singleQuote: true },
});

if (process.argv.includes('--check')) {
  const committed = readFileSync(outPath, 'utf8');
  if (committed !== ts) {
    console.error('schema/report.d.ts is stale: run `make types`');
    process.exit(1);
  }
  console.log('schema/report.d.ts is current');
} else {
  writeFileSync(outPath, ts);
  console.log(`wrote ${outPath}`);
}
