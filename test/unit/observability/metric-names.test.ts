import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { metricNames } from '../../../functions/metric-names';

/**
 * functions/metric-names.ts defines every custom metric once: the handlers name their
 * metrics through it, never with a plain string, and every name it defines is emitted.
 */
const REPO = join(__dirname, '..', '..', '..');

function sourcesUnder(folder: string): { path: string; text: string }[] {
  return readdirSync(join(REPO, folder), { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.ts'))
    .map((entry) => join(entry.parentPath, entry.name))
    .map((path) => ({ path: relative(REPO, path), text: readFileSync(path, 'utf8') }));
}

const functionSources = sourcesUnder('functions').filter((file) => file.path !== join('functions', 'metric-names.ts'));

describe('metric names', () => {
  it('the functions add metrics only by a name of metric-names.ts, never a string', () => {
    // Act
    const calls = functionSources.flatMap((file) => [...file.text.matchAll(/\.addMetric\(\s*([^,]+),/g)].map((match) => `${file.path}: ${match[1]!.trim()}`));
    const plain = calls.filter((call) => /: ['"`]/.test(call));

    // Assess
    expect(calls.length).toBeGreaterThan(0);
    expect(plain).toEqual([]);
  });

  it('no function spells a metric name as a string', () => {
    // Act
    const spelled = functionSources.flatMap((file) =>
      Object.values(metricNames)
        .filter((name) => new RegExp(`['"\`]${name}['"\`]`).test(file.text))
        .map((name) => `${file.path}: '${name}'`),
    );

    // Assess
    expect(spelled).toEqual([]);
  });

  it('every name metric-names.ts defines is emitted by a function', () => {
    // Act
    const unused = Object.keys(metricNames).filter((key) => !functionSources.some((file) => file.text.includes(`metricNames.${key}`)));

    // Assess
    expect(unused).toEqual([]);
  });
});
