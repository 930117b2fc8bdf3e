/**
 * `npm run schemas` writes events/schemas/<DetailType>.json from the zod catalog.
 * `npm run schemas:check` fails when the committed files differ from the catalog.
 */
import { readdirSync, readFileSync, writeFileSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { detailJsonSchemas } from './json-schemas';

const dir = join(__dirname, 'schemas');
const checkOnly = process.argv.includes('--check');
const wanted = new Map(Object.entries(detailJsonSchemas()).map(([type, schema]) => [`${type}.json`, `${JSON.stringify(schema, null, 2)}\n`]));

mkdirSync(dir, { recursive: true });
const present = readdirSync(dir).filter((file) => file.endsWith('.json'));
const stale = [
  ...[...wanted].filter(([file, text]) => !present.includes(file) || readFileSync(join(dir, file), 'utf8') !== text).map(([file]) => file),
  ...present.filter((file) => !wanted.has(file)),
];

if (checkOnly) {
  if (stale.length > 0) {
    console.error(`JSON Schemas in events/schemas are stale: ${stale.join(', ')}. Run \`npm run schemas\` and commit the result.`);
    process.exit(1);
  }
  console.log(`events/schemas: ${wanted.size} JSON Schemas match the catalog.`);
} else {
  for (const file of present.filter((f) => !wanted.has(f))) rmSync(join(dir, file));
  for (const [file, text] of wanted) writeFileSync(join(dir, file), text);
  console.log(`events/schemas: wrote ${wanted.size} JSON Schemas${stale.length ? ` (changed: ${stale.join(', ')})` : ''}.`);
}
