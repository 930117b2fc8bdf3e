import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

/**
 * The storage room holds: only functions/storage/ (the stores and their client)
 * imports the DynamoDB document client, and only the stores query an index,
 * named through the one definition (tables.ts `indexOf`), never by a string.
 */
const REPO = join(__dirname, '..', '..', '..');
const STORAGE = join('functions', 'storage') + sep;

function sourcesUnder(folder: string): { path: string; text: string }[] {
  return readdirSync(join(REPO, folder), { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.ts'))
    .map((entry) => join(entry.parentPath, entry.name))
    .map((path) => ({ path: relative(REPO, path), text: readFileSync(path, 'utf8') }));
}

const sources = ['functions', 'local', 'scripts'].flatMap(sourcesUnder);

describe('the storage boundary', () => {
  it('only the storage folder imports @aws-sdk/lib-dynamodb', () => {
    // Act
    const importers = sources.filter((file) => file.text.includes("'@aws-sdk/lib-dynamodb'")).map((file) => file.path);

    // Assess
    expect(importers.length).toBeGreaterThan(0);
    expect(importers.filter((path) => !path.startsWith(STORAGE))).toEqual([]);
  });

  it('queries name their index through the definition (indexOf), and only the stores query an index', () => {
    // Act
    const literal = sources.filter((file) => /IndexName:\s*['"`]/.test(file.text)).map((file) => file.path);
    const outside = sources.filter((file) => /IndexName:/.test(file.text) && !file.path.startsWith(STORAGE)).map((file) => file.path);
    const throughIndexOf = sources.filter((file) => file.path.startsWith(STORAGE) && /IndexName: index\.indexName/.test(file.text)).map((file) => file.path);

    // Assess
    expect(literal).toEqual([]);
    // The local bootstrap creates the tables with their indexes, from the same definition.
    expect(outside).toEqual([join('local', 'create-tables.ts')]);
    expect(throughIndexOf.length).toBeGreaterThan(0);
  });
});
