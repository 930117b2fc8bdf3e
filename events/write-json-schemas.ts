/**
 * `npm run schemas` writes events/schemas/<DetailType>.json from the zod catalog.
 * `npm run schemas:check` (part of `npm test`) fails when the committed files differ from the catalog.
 * Both classify each difference (events/schema-compat.ts): a breaking change to a
 * published schema is refused unless `--allow-breaking` is given, because the
 * contract allows it only with a new version.
 */
import { readdirSync, readFileSync, writeFileSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { detailJsonSchemas } from './json-schemas';
import { compareDetailSchemas, type JsonSchema } from './schema-compat';

const dir = join(__dirname, 'schemas');
const checkOnly = process.argv.includes('--check');
const allowBreaking = process.argv.includes('--allow-breaking');
const wanted = new Map(Object.entries(detailJsonSchemas()).map(([type, schema]) => [`${type}.json`, schema as JsonSchema]));
const text = (schema: JsonSchema) => `${JSON.stringify(schema, null, 2)}\n`;

mkdirSync(dir, { recursive: true });
const present = readdirSync(dir).filter((file) => file.endsWith('.json'));
const committed = (file: string) => JSON.parse(readFileSync(join(dir, file), 'utf8')) as JsonSchema;
const stale = [
  ...[...wanted].filter(([file, schema]) => !present.includes(file) || readFileSync(join(dir, file), 'utf8') !== text(schema)).map(([file]) => file),
  ...present.filter((file) => !wanted.has(file)),
];

let breaking = 0;
for (const file of stale) {
  const before = present.includes(file) ? committed(file) : undefined;
  const after = wanted.get(file);
  if (!before) console.log(`  ${file}: new`);
  else if (!after) {
    breaking += 1;
    console.log(`  ${file}: removed (breaking)`);
  } else {
    for (const change of compareDetailSchemas(before, after)) {
      if (change.kind === 'breaking') breaking += 1;
      console.log(`  ${file}: ${change.kind === 'breaking' ? 'BREAKING' : 'compatible'} ${change.path}: ${change.description}`);
    }
  }
}

if (checkOnly) {
  if (stale.length > 0) {
    console.error(`JSON Schemas in events/schemas are stale: ${stale.join(', ')}. Run \`npm run schemas\` and commit the result.`);
    process.exit(1);
  }
  console.log(`events/schemas: ${wanted.size} JSON Schemas match the catalog.`);
} else {
  if (breaking > 0 && !allowBreaking) {
    console.error(`${breaking} breaking change(s) to published event schemas: not written. Publish a new schemaVersion, or pass --allow-breaking if nothing was published yet.`);
    process.exit(1);
  }
  for (const file of present.filter((f) => !wanted.has(f))) rmSync(join(dir, file));
  for (const [file, schema] of wanted) writeFileSync(join(dir, file), text(schema));
  console.log(`events/schemas: wrote ${wanted.size} JSON Schemas${stale.length ? ` (changed: ${stale.join(', ')})` : ''}.`);
}
