import { createHash } from 'node:crypto';
import { basename } from 'node:path';
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { GetCommand, PutCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { checkUnitSet, parseUnitsCsv, type Unit } from '../../domain';
import { dynamoDocumentClient, tableName } from './dynamodb-client';

/**
 * The administrative units of the deployment as data (issue 12), loaded with
 * `npm run units:load` without a release. Like the plans they live in the
 * projections table: one item, `UNITS`, holding every loaded units file whole,
 * so a load is checked against the whole set and written in one request (all
 * or nothing), and a function reads the set with one GetItem. It carries no KPI
 * record (it is not in the readModel index); writing it wakes the snapshot
 * recompute through the table's stream, which then reads the new units.
 */
export const UNITS_KEY = 'UNITS';
export const UNITS_KIND = 'units';
/** DynamoDB's item limit is 400 KB; the shipped 133 units take about 37 KB. */
const MAX_ITEM_BYTES = 380_000;

export interface StoredUnitsFile {
  /** The file's name without its folder: loading a file of the same name replaces it. */
  name: string;
  sha256: string;
  loadedAt: string;
  units: Unit[];
}

export interface StoredUnits {
  version: number;
  files: StoredUnitsFile[];
}

export interface UnitsFileText {
  /** The path given to the loader (errors name it); its name identifies the file in the store. */
  path: string;
  text: string;
}

export class UnitsStoreError extends Error {
  override name = 'UnitsStoreError';
}

export const unitsOfStore = (stored: StoredUnits): Unit[] => stored.files.flatMap((file) => file.units);

/** The stored units, or undefined when none were ever loaded. */
export async function readStoredUnits(): Promise<StoredUnits | undefined> {
  const { Item } = await dynamoDocumentClient().send(new GetCommand({ TableName: tableName('projections'), Key: { pk: UNITS_KEY }, ConsistentRead: true }));
  if (!Item) return undefined;
  const state = Item.state as { files?: StoredUnitsFile[] } | undefined;
  if (!Array.isArray(state?.files)) throw new UnitsStoreError(`The ${UNITS_KEY} item of ${tableName('projections')} has no files: it is not a units store item`);
  return { version: Item.version as number, files: state.files };
}

export interface UnitsLoadPlan {
  /** The set as it will be stored: the stored files, with the given ones added or replacing those of the same name. */
  files: StoredUnitsFile[];
  /** The given files whose content differs from what is stored (new or changed). */
  changed: string[];
  unchanged: string[];
  kept: string[];
}

/**
 * Checks the given units files against what is stored: each file alone
 * (parseUnitsCsv: the first bad row, with its line and column), then the set
 * as a whole (checkUnitSet: a code twice in force, a successor that is not a
 * unit). Throws UnitsFileError on the first problem; nothing is written.
 */
export function planUnitsLoad(given: readonly UnitsFileText[], stored: StoredUnits | undefined, now = new Date()): UnitsLoadPlan {
  const names = given.map((file) => basename(file.path));
  const repeated = names.find((name, i) => names.indexOf(name) !== i);
  if (repeated !== undefined) throw new UnitsStoreError(`${repeated} is given twice: a units file is identified by its name`);
  const incoming = given.map((file): StoredUnitsFile => ({
    name: basename(file.path),
    sha256: createHash('sha256').update(file.text).digest('hex'),
    loadedAt: now.toISOString(),
    units: parseUnitsCsv(file.text, file.path),
  }));
  const previous = stored?.files ?? [];
  const kept = previous.filter((file) => !names.includes(file.name));
  const files = [...kept, ...incoming];
  checkUnitSet(
    files.flatMap((file) => file.units),
    kept.length > 0 ? `${names.join(', ')} with the stored ${kept.map((file) => file.name).join(', ')}` : names.join(', '),
  );
  const same = (file: StoredUnitsFile) => previous.some((old) => old.name === file.name && old.sha256 === file.sha256);
  return {
    // An unchanged file keeps its loading time: loading the same files again writes nothing.
    files: [...kept, ...incoming.map((file) => previous.find((old) => old.name === file.name && old.sha256 === file.sha256) ?? file)],
    changed: incoming.filter((file) => !same(file)).map((file) => file.name),
    unchanged: incoming.filter(same).map((file) => file.name),
    kept: kept.map((file) => file.name),
  };
}

/**
 * Writes the planned set, if anything changed, in one conditional put: a concurrent load makes this one fail rather than be lost.
 * `client`: the functions' shared one by default (a test seeding its tables passes its own, so the shared one is created later with the endpoint the test chooses).
 */
export async function storeUnits(plan: UnitsLoadPlan, stored: StoredUnits | undefined, client: DynamoDBDocumentClient = dynamoDocumentClient()): Promise<{ written: boolean }> {
  if (plan.changed.length === 0) return { written: false };
  const now = new Date().toISOString();
  const item = { pk: UNITS_KEY, kind: UNITS_KIND, version: (stored?.version ?? 0) + 1, state: { files: plan.files }, updatedAt: now, changedAt: now };
  const bytes = Buffer.byteLength(JSON.stringify(item), 'utf8');
  if (bytes > MAX_ITEM_BYTES) {
    throw new UnitsStoreError(`The units set would take ${Math.round(bytes / 1000)} KB, more than the ${MAX_ITEM_BYTES / 1000} KB one item holds; shorten the source columns or split the province's data`);
  }
  try {
    await client.send(
      new PutCommand({
        TableName: tableName('projections'),
        Item: item,
        ConditionExpression: stored === undefined ? 'attribute_not_exists(pk)' : 'version = :expected',
        ...(stored !== undefined && { ExpressionAttributeValues: { ':expected': stored.version } }),
      }),
    );
  } catch (error) {
    if (error instanceof ConditionalCheckFailedException) {
      throw new UnitsStoreError('The units were changed by another load meanwhile; run units:load again', { cause: error });
    }
    throw error;
  }
  return { written: true };
}
