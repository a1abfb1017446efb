/**
 * Build-time check of the SDK catalog: validates src/core/sdk/catalog.json
 * against catalog.schema.json with ajv, then runs the consistency checks.
 * Exits non-zero on any error.  Usage: npx tsx scripts/check-catalog.ts [catalog.json]
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import Ajv from 'ajv';
import { catalogProblems } from '../src/core/sdk/check';
import type { Catalog } from '../src/core/sdk/types';

const dir = fileURLToPath(new URL('../src/core/sdk/', import.meta.url));
const schema = JSON.parse(readFileSync(dir + 'catalog.schema.json', 'utf8')) as object;
const file = process.argv[2] ?? dir + 'catalog.json';
const data = JSON.parse(readFileSync(file, 'utf8')) as Catalog;

const ajv = new Ajv({ allErrors: true });
const validate = ajv.compile(schema);
const errors: string[] = [];
if (!validate(data))
  for (const e of validate.errors ?? [])
    errors.push(`schema: ${e.instancePath} ${e.message ?? ''}`);
else errors.push(...catalogProblems(data.entries));

if (errors.length) {
  for (const e of errors) console.error(e);
  console.error(`${file}: ${errors.length} error(s)`);
  process.exit(1);
}
console.log(`${file} ${data.version}: ${data.entries.length} entries, OK`);
