/**
 * Compares two JSON Schemas of one DetailType's Detail (as written to
 * events/schemas/ by `npm run schemas`) and classifies each difference:
 * - breaking: an event valid before may be rejected now, or a consumer loses
 *   a field (property removed, newly required, type changed, enum value
 *   removed, const changed, constraint added or narrowed);
 * - compatible: every event valid before is still valid (optional property
 *   added, field made optional, enum value added, constraint removed or
 *   widened, descriptions).
 * A breaking change needs a new schemaVersion (CONTRACT: "not without a new version").
 */

export type JsonSchema = { [keyword: string]: unknown };

export interface SchemaChange {
  kind: 'breaking' | 'compatible';
  /** Where, as `detail.subject.kind` or `detail.productIds[]`. */
  path: string;
  description: string;
}

/** Lower bounds: a higher value narrows. */
const LOWER_BOUNDS = ['minimum', 'exclusiveMinimum', 'minLength', 'minItems', 'minProperties'] as const;
/** Upper bounds: a lower value narrows. */
const UPPER_BOUNDS = ['maximum', 'exclusiveMaximum', 'maxLength', 'maxItems', 'maxProperties'] as const;
/** Constraints whose change can only be judged as different: any change or addition narrows, removal widens. */
const OPAQUE_CONSTRAINTS = ['pattern', 'format', 'multipleOf'] as const;
/** Keywords that carry no validation. */
const ANNOTATIONS = new Set(['$id', '$schema', 'title', 'description', 'examples', 'default', '$comment']);

export function compareDetailSchemas(previous: JsonSchema, next: JsonSchema, path = 'detail'): SchemaChange[] {
  const changes: SchemaChange[] = [];
  const breaking = (where: string, description: string) => changes.push({ kind: 'breaking', path: where, description });
  const compatible = (where: string, description: string) => changes.push({ kind: 'compatible', path: where, description });

  compareTypes(previous, next, path, breaking, compatible);
  compareEnums(previous, next, path, breaking, compatible);

  if (!sameJson(previous.const, next.const)) {
    if (next.const === undefined) compatible(path, `const ${JSON.stringify(previous.const)} removed`);
    else breaking(path, `const ${previous.const === undefined ? 'added' : 'changed'}: now ${JSON.stringify(next.const)}`);
  }

  for (const keyword of LOWER_BOUNDS) compareBound(keyword, previous[keyword], next[keyword], 'lower', path, breaking, compatible);
  for (const keyword of UPPER_BOUNDS) compareBound(keyword, previous[keyword], next[keyword], 'upper', path, breaking, compatible);
  for (const keyword of OPAQUE_CONSTRAINTS) {
    const [before, after] = [previous[keyword], next[keyword]];
    if (sameJson(before, after)) continue;
    if (after === undefined) compatible(path, `${keyword} ${JSON.stringify(before)} removed`);
    else breaking(path, `${keyword} ${before === undefined ? 'added' : 'changed'}: now ${JSON.stringify(after)}`);
  }

  compareObjects(previous, next, path, changes, breaking, compatible);

  if (isSchema(previous.items) && isSchema(next.items)) changes.push(...compareDetailSchemas(previous.items, next.items, `${path}[]`));
  else if (!sameJson(previous.items, next.items)) {
    if (next.items === undefined) compatible(path, 'item schema removed');
    else breaking(path, 'item schema added or changed');
  }

  for (const keyword of ['anyOf', 'oneOf', 'allOf', 'not', 'if', 'then', 'else']) {
    if (!sameJson(previous[keyword], next[keyword])) breaking(path, `${keyword} changed (not compared in detail: review by hand)`);
  }

  const handled = new Set<string>([
    'type', 'enum', 'const', 'properties', 'required', 'additionalProperties', 'items',
    'anyOf', 'oneOf', 'allOf', 'not', 'if', 'then', 'else',
    ...LOWER_BOUNDS, ...UPPER_BOUNDS, ...OPAQUE_CONSTRAINTS, ...ANNOTATIONS,
  ]);
  for (const keyword of new Set([...Object.keys(previous), ...Object.keys(next)])) {
    if (!handled.has(keyword) && !sameJson(previous[keyword], next[keyword])) breaking(path, `${keyword} changed (not compared in detail: review by hand)`);
  }
  for (const keyword of ['description', 'title']) {
    if (path !== 'detail' && !sameJson(previous[keyword], next[keyword])) compatible(path, `${keyword} changed`);
  }
  return changes;
}

/** Only the breaking changes: empty when the new schema may replace the old under the same schemaVersion. */
export function breakingChanges(previous: JsonSchema, next: JsonSchema): SchemaChange[] {
  return compareDetailSchemas(previous, next).filter((change) => change.kind === 'breaking');
}

type Report = (path: string, description: string) => void;

function typesOf(schema: JsonSchema): string[] | undefined {
  const { type } = schema;
  if (type === undefined) return undefined;
  const list = Array.isArray(type) ? type.map(String) : [String(type)];
  // Every integer is a number: widening integer to number is compatible.
  return list.includes('number') ? list.filter((t) => t !== 'integer') : list;
}

function compareTypes(previous: JsonSchema, next: JsonSchema, path: string, breaking: Report, compatible: Report): void {
  const [before, after] = [typesOf(previous), typesOf(next)];
  if (sameJson(before, after)) return;
  if (after === undefined) return compatible(path, `type ${JSON.stringify(previous.type)} no longer required`);
  const accepted = (type: string) => after.includes(type) || (type === 'integer' && after.includes('number'));
  const lost = (before ?? ['any']).filter((type) => !accepted(type));
  if (lost.length > 0) breaking(path, `type changed from ${JSON.stringify(previous.type ?? 'any')} to ${JSON.stringify(next.type)}`);
  else compatible(path, `type widened from ${JSON.stringify(previous.type)} to ${JSON.stringify(next.type)}`);
}

function compareEnums(previous: JsonSchema, next: JsonSchema, path: string, breaking: Report, compatible: Report): void {
  const [before, after] = [previous.enum, next.enum];
  if (sameJson(before, after)) return;
  if (!Array.isArray(after)) return compatible(path, 'enum removed: any value of the type is accepted');
  if (!Array.isArray(before)) return breaking(path, `enum added: only ${after.map((v) => JSON.stringify(v)).join(', ')}`);
  const removed = before.filter((value) => !after.some((kept) => sameJson(kept, value)));
  const added = after.filter((value) => !before.some((old) => sameJson(old, value)));
  if (removed.length > 0) breaking(path, `enum values removed: ${removed.map((v) => JSON.stringify(v)).join(', ')}`);
  if (added.length > 0) compatible(path, `enum values added: ${added.map((v) => JSON.stringify(v)).join(', ')}`);
}

function compareBound(
  keyword: string,
  before: unknown,
  after: unknown,
  side: 'lower' | 'upper',
  path: string,
  breaking: Report,
  compatible: Report,
): void {
  if (before === after) return;
  if (typeof after !== 'number') return compatible(path, `${keyword} ${String(before)} removed`);
  if (typeof before !== 'number') return breaking(path, `${keyword} ${after} added`);
  const narrower = side === 'lower' ? after > before : after < before;
  (narrower ? breaking : compatible)(path, `${keyword} ${narrower ? 'narrowed' : 'widened'} from ${before} to ${after}`);
}

function compareObjects(
  previous: JsonSchema,
  next: JsonSchema,
  path: string,
  changes: SchemaChange[],
  breaking: Report,
  compatible: Report,
): void {
  const beforeProps = isSchema(previous.properties) ? previous.properties : {};
  const afterProps = isSchema(next.properties) ? next.properties : {};
  const beforeRequired = new Set(Array.isArray(previous.required) ? previous.required.map(String) : []);
  const afterRequired = new Set(Array.isArray(next.required) ? next.required.map(String) : []);

  for (const name of Object.keys(beforeProps)) {
    const where = `${path}.${name}`;
    const after = afterProps[name];
    if (after === undefined) {
      breaking(where, 'property removed');
      continue;
    }
    const before = beforeProps[name];
    if (isSchema(before) && isSchema(after)) changes.push(...compareDetailSchemas(before, after, where));
  }
  for (const name of Object.keys(afterProps)) {
    if (name in beforeProps) continue;
    if (afterRequired.has(name)) breaking(`${path}.${name}`, 'required property added');
    else compatible(`${path}.${name}`, 'optional property added');
  }
  for (const name of afterRequired) {
    if (!beforeRequired.has(name) && name in beforeProps) breaking(`${path}.${name}`, 'now required');
    if (!(name in afterProps) && !(name in beforeProps) && !beforeRequired.has(name)) breaking(`${path}.${name}`, 'now required');
  }
  for (const name of beforeRequired) {
    if (!afterRequired.has(name) && name in afterProps) compatible(`${path}.${name}`, 'now optional');
  }

  const [closedBefore, closedAfter] = [previous.additionalProperties, next.additionalProperties];
  if (!sameJson(closedBefore, closedAfter)) {
    if (closedAfter === false) breaking(path, 'additional properties no longer allowed');
    else if (closedAfter === undefined || closedAfter === true) compatible(path, 'additional properties now allowed');
    else breaking(path, 'additionalProperties changed');
  }
}

function isSchema(value: unknown): value is JsonSchema {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function sameJson(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
