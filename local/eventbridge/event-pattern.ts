import type { EventPattern } from '../../events/subscriptions';

/**
 * EventBridge event patterns, matched the way EventBridge (its engine is AWS's
 * open-source Event Ruler) matches them:
 * https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-event-patterns.html and
 * https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-create-pattern-operators.html
 *
 * - every field named in the pattern must match (AND); a field matches when any
 *   value of its array matches (OR); `$or: [{...}, {...}]` is an OR of sub-patterns;
 * - a pattern whose wildcards on one field are too complex is refused, as EventBridge
 *   refuses it ("Rule is too complex"): see wildcardComplexity below;
 * - an array in the event matches when any of its elements matches; objects
 *   inside event arrays are matched element by element;
 * - values: exact strings, numbers (by value), booleans and null; `prefix`,
 *   `suffix` (both also `{ equals-ignore-case }`), `equals-ignore-case`,
 *   `wildcard`, `anything-but` (value, list, prefix, suffix, equals-ignore-case,
 *   wildcard, each of the last four with one string or a list), `numeric`,
 *   `cidr` (IPv4 and IPv6), `exists`;
 * - field names join with dots, as in Event Ruler: `{ "a.b": [...] }` and
 *   `{ "a": { "b": [...] } }` are one field, in the pattern and in the event.
 * The cases it is held to, with their sources: test/fixtures/event-patterns/aws-cases.json and
 * localstack-cases.json (LocalStack's 155 AWS-validated templates).
 */

export class InvalidEventPatternError extends Error {
  override name = 'InvalidEventPatternError';
}

const OPERATORS = ['prefix', 'suffix', 'equals-ignore-case', 'wildcard', 'anything-but', 'numeric', 'exists', 'cidr'] as const;
const NUMERIC_LIMIT = 5e9;

type PlainObject = { [key: string]: unknown };

function isPlainObject(value: unknown): value is PlainObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** `$or` is the OR primitive only when it holds objects that are not operators (otherwise Event Ruler reads it as a field name). */
function isOrClause(key: string, value: unknown): value is PlainObject[] {
  return (
    key === '$or' &&
    Array.isArray(value) &&
    value.length > 0 &&
    value.every((alternative) => isPlainObject(alternative) && !Object.keys(alternative).some((k) => (OPERATORS as readonly string[]).includes(k)))
  );
}

// ---------------------------------------------------------------- validation

/** Throws InvalidEventPatternError, naming the faulty field, unless `pattern` is a pattern EventBridge accepts. */
export function validatePattern(pattern: unknown): asserts pattern is EventPattern {
  validateObject(pattern, '');
  refuseRepeatedPaths(pattern as PlainObject, '');
  refuseComplexWildcards(pattern as PlainObject);
}

/** `{ "a": { "b": [...] }, "a.b": [...] }` names one field twice: Event Ruler (so EventBridge) refuses it. */
function refuseRepeatedPaths(pattern: PlainObject, prefix: string, seen = new Set<string>()): void {
  for (const [key, value] of Object.entries(pattern)) {
    if (isOrClause(key, value)) {
      value.forEach((alternative) => refuseRepeatedPaths(alternative, prefix));
      continue;
    }
    const path = prefix ? `${prefix}.${key}` : key;
    if (isPlainObject(value)) refuseRepeatedPaths(value, path, seen);
    else if (seen.has(path)) fail(path, `Path \`${path}\` cannot be allowed multiple times`);
    else seen.add(path);
  }
}

function fail(path: string, reason: string): never {
  throw new InvalidEventPatternError(`Event pattern is not valid${path ? ` at "${path}"` : ''}: ${reason}`);
}

function validateObject(pattern: unknown, path: string): void {
  if (!isPlainObject(pattern)) fail(path, `expected a JSON object, found ${JSON.stringify(pattern)}`);
  if (Object.keys(pattern).length === 0) fail(path, 'empty objects are not allowed');
  for (const [key, value] of Object.entries(pattern)) {
    const fieldPath = path ? `${path}.${key}` : key;
    if (isOrClause(key, value)) {
      if (value.length < 2) fail(fieldPath, '$or needs at least two alternatives');
      value.forEach((alternative, index) => validateObject(alternative, `${fieldPath}[${index}]`));
    } else if (Array.isArray(value)) {
      if (value.length === 0) fail(fieldPath, 'empty arrays are not allowed: list at least one value to match');
      value.forEach((matcher) => validateMatcher(matcher, fieldPath));
    } else if (isPlainObject(value)) {
      validateObject(value, fieldPath);
    } else {
      fail(fieldPath, `a field must hold an array of values to match or a nested object, found ${JSON.stringify(value)}`);
    }
  }
}

function validateMatcher(matcher: unknown, path: string): void {
  if (matcher === null || typeof matcher === 'string' || typeof matcher === 'boolean') return;
  if (typeof matcher === 'number') return validateNumber(matcher, path);
  if (Array.isArray(matcher)) fail(path, 'arrays inside a match list are not allowed');
  if (!isPlainObject(matcher)) fail(path, `unsupported match value ${JSON.stringify(matcher)}`);
  const keys = Object.keys(matcher);
  if (keys.length !== 1) fail(path, `a match object holds exactly one operator, found ${JSON.stringify(matcher)}`);
  const operator = keys[0]!;
  const operand = matcher[operator];
  switch (operator) {
    case 'prefix':
    case 'suffix':
      if (typeof operand === 'string') return;
      if (isPlainObject(operand) && Object.keys(operand).length === 1 && typeof operand['equals-ignore-case'] === 'string') return;
      return fail(path, `${operator} takes a string or { "equals-ignore-case": string }`);
    case 'equals-ignore-case':
      if (typeof operand !== 'string') fail(path, 'equals-ignore-case takes a string');
      return;
    case 'wildcard':
      if (typeof operand !== 'string') fail(path, 'wildcard takes a string');
      return validateWildcard(operand, path);
    case 'anything-but':
      return validateAnythingBut(operand, path);
    case 'numeric':
      parseNumericRange(operand, path);
      return;
    case 'exists':
      if (typeof operand !== 'boolean') fail(path, 'exists takes true or false');
      return;
    case 'cidr':
      if (typeof operand !== 'string' || !parseCidr(operand)) fail(path, `cidr takes an IPv4 or IPv6 range such as "10.0.0.0/24" or "2001:db8::/32", found ${JSON.stringify(operand)}`);
      return;
    default:
      return fail(path, `unrecognized match type "${operator}"`);
  }
}

function validateNumber(value: number, path: string): void {
  if (!Number.isFinite(value) || Math.abs(value) > NUMERIC_LIMIT) fail(path, `numbers must lie between -5e9 and 5e9, found ${value}`);
}

function validateAnythingBut(operand: unknown, path: string): void {
  if (typeof operand === 'string') return;
  if (typeof operand === 'number') return validateNumber(operand, path);
  if (Array.isArray(operand)) {
    const allStrings = operand.every((v) => typeof v === 'string');
    const allNumbers = operand.every((v) => typeof v === 'number');
    if (operand.length === 0 || !(allStrings || allNumbers)) fail(path, 'anything-but takes a non-empty list of only strings or only numbers');
    return;
  }
  if (!isPlainObject(operand) || Object.keys(operand).length !== 1) {
    return fail(path, 'anything-but takes a string, a number, a list of them, or one of prefix, suffix, equals-ignore-case, wildcard');
  }
  const [operator, inner] = Object.entries(operand)[0]!;
  const strings = Array.isArray(inner) ? inner : [inner];
  switch (operator) {
    case 'prefix':
    case 'suffix':
      if (strings.length === 0 || !strings.every((s) => typeof s === 'string' && s !== '')) fail(path, `anything-but ${operator} takes a non-empty string or a non-empty list of them`);
      return;
    case 'equals-ignore-case':
    case 'wildcard':
      if (strings.length === 0 || !strings.every((s) => typeof s === 'string')) fail(path, `anything-but ${operator} takes a string or a non-empty list of strings`);
      if (operator === 'wildcard') strings.forEach((s) => validateWildcard(s as string, path));
      return;
    default:
      return fail(path, `anything-but does not take "${operator}"`);
  }
}

function validateWildcard(value: string, path: string): void {
  if (value.includes('**')) fail(path, `consecutive wildcard characters are not allowed in "${value}"`);
  for (let i = 0; i < value.length; i++) {
    if (value[i] !== '\\') continue;
    const escaped = value[i + 1];
    if (escaped !== '*' && escaped !== '\\') fail(path, `a backslash in a wildcard may only escape * or \\, in "${value}"`);
    i++;
  }
}

// ------------------------------------------------------- wildcard complexity

/**
 * The most wildcard complexity one field may have. EventBridge refuses a rule whose wildcards
 * on a field are too complex, with "Rule is too complex - try using fewer wildcard characters
 * or fewer repeating character sequences after a wildcard character". AWS does not publish the
 * number: 10 is set from patterns AWS is known to refuse (`*:*:*:*:*:event-bus/*`, LocalStack's
 * content_wildcard_complex_EXC, scores 11; four wildcards on one field of the form `*` `/datasync/` `*` `.ext`, 16) and to accept
 * (every wildcard of AWS's guide and of our cases scores 8 or less). docs/local-eventbridge.md.
 */
export const WILDCARD_COMPLEXITY_LIMIT = 10;

/** Safety stop for the search below; patterns within the limit need far fewer sets. */
const COMPLEXITY_SEARCH_CAP = 20_000;

/** One wildcard operator of a field: `wildcard` (one text) or `anything-but` `wildcard` (one or more). */
interface WildcardOperand {
  id: string;
  texts: string[];
}

function refuseComplexWildcards(pattern: PlainObject): void {
  const byPath = new Map<string, WildcardOperand[]>();
  collectWildcards(pattern, '', byPath);
  for (const [path, operands] of byPath) {
    const complexity = wildcardComplexity(operands.map((o) => o.texts.map((text) => ({ id: o.id, text }))).flat(), WILDCARD_COMPLEXITY_LIMIT);
    if (complexity > WILDCARD_COMPLEXITY_LIMIT) {
      fail(
        path,
        'Rule is too complex - try using fewer wildcard characters or fewer repeating character sequences after a wildcard character ' +
          `(wildcard complexity ${complexity} on this field; EventBridge accepts at most ${WILDCARD_COMPLEXITY_LIMIT})`,
      );
    }
  }
}

/** The wildcard operators of each field path; `$or` alternatives add to the same paths (Event Ruler's machine shares them). */
function collectWildcards(pattern: PlainObject, prefix: string, byPath: Map<string, WildcardOperand[]>): void {
  for (const [key, value] of Object.entries(pattern)) {
    if (isOrClause(key, value)) {
      value.forEach((alternative) => collectWildcards(alternative, prefix, byPath));
      continue;
    }
    const path = prefix ? `${prefix}.${key}` : key;
    if (isPlainObject(value)) {
      collectWildcards(value, path, byPath);
      continue;
    }
    for (const matcher of value as unknown[]) {
      const operand = wildcardOperand(matcher);
      if (!operand) continue;
      const list = byPath.get(path) ?? [];
      if (!list.some((known) => known.id === operand.id)) list.push(operand);
      byPath.set(path, list);
    }
  }
}

function wildcardOperand(matcher: unknown): WildcardOperand | undefined {
  if (!isPlainObject(matcher)) return undefined;
  if (typeof matcher.wildcard === 'string') return { id: `wildcard ${JSON.stringify(matcher.wildcard)}`, texts: [matcher.wildcard] };
  const excluded = matcher['anything-but'];
  if (!isPlainObject(excluded) || !('wildcard' in excluded)) return undefined;
  const texts = [...new Set((Array.isArray(excluded.wildcard) ? excluded.wildcard : [excluded.wildcard]) as string[])].sort();
  return { id: `anything-but wildcard ${JSON.stringify(texts)}`, texts };
}

const ANY = Symbol('any run of characters');
type Token = string | typeof ANY;

/**
 * Wildcard complexity as AWS's Event Ruler defines it (its README, "Matching with a Machine",
 * and MachineComplexityEvaluator): the most wildcard-pattern prefixes one worst-case value can
 * match at once, on one field. Each wildcard is read as an automaton over the quoted value
 * (`"` + text + `"`, as Event Ruler stores strings), a `*` being a state that loops on every
 * character; a value in a state just before a `*` is also inside it, since `*` matches nothing
 * too, so that star counts as well. Characters before the first `*` are a prefix shared by the
 * wildcards that have it, counted once per pattern (an anything-but list is one pattern). The
 * search visits every set of states some value reaches, and stops once `limit` is exceeded.
 * Written for this project from that description; no Event Ruler code is copied.
 */
export function wildcardComplexity(wildcards: { id: string; text: string }[], limit = Infinity): number {
  const automata = wildcards.map(({ id, text }) => {
    const tokens = wildcardTokens(text);
    const firstStar = tokens.indexOf(ANY);
    const shared = firstStar === -1 ? tokens.length : firstStar + 1;
    // A state's identity for counting: shared prefix states by their text, the rest by pattern text.
    const key = (position: number) =>
      position <= shared ? `${id}\u0000${tokens.slice(0, position).map(String).join('')}\u0000${position}` : `${id}\u0000${text}\u0000${position}`;
    return { tokens, key };
  });
  const alphabet = new Set<string>(['\u0000other']);
  for (const { tokens } of automata) for (const token of tokens) if (token !== ANY) alphabet.add(token);

  const start = automata.map(() => [0]);
  const seen = new Set<string>([JSON.stringify(start)]);
  const queue: number[][][] = [start];
  let highest = 0;
  for (let head = 0; head < queue.length && seen.size <= COMPLEXITY_SEARCH_CAP; head++) {
    const current = queue[head]!;
    if (head > 0) {
      const counted = new Set<string>();
      current.forEach((positions, index) => {
        const { tokens, key } = automata[index]!;
        for (const position of positions) {
          counted.add(key(position));
          if (tokens[position] === ANY) counted.add(key(position + 1));
        }
      });
      highest = Math.max(highest, counted.size);
      if (highest > limit) return highest;
    }
    for (const char of alphabet) {
      const next = current.map((positions, index) => [...new Set(positions.flatMap((position) => wildcardStep(automata[index]!.tokens, position, char)))].sort((a, b) => a - b));
      if (next.every((positions) => positions.length === 0)) continue;
      const id = JSON.stringify(next);
      if (!seen.has(id)) {
        seen.add(id);
        queue.push(next);
      }
    }
  }
  return highest;
}

/** `"`, the characters (`*` as ANY, `\*` and `\\` as themselves), `"`. */
function wildcardTokens(text: string): Token[] {
  const tokens: Token[] = ['"'];
  const chars = Array.from(text);
  for (let i = 0; i < chars.length; i++) {
    if (chars[i] === '\\') tokens.push(chars[++i] ?? '\\');
    else tokens.push(chars[i] === '*' ? ANY : chars[i]!);
  }
  tokens.push('"');
  return tokens;
}

/**
 * Positions: `i` has read tokens before `i`. Before a `*` (tokens[i] is ANY) any character
 * enters the star (i + 1), and the character after the star may be read at once (i + 2);
 * inside a star (tokens[i - 1] is ANY) any character stays, and the next one moves on.
 */
function wildcardStep(tokens: Token[], position: number, char: string): number[] {
  if (position >= tokens.length) return [];
  if (tokens[position] === ANY) return tokens[position + 1] === char ? [position + 1, position + 2] : [position + 1];
  if (position > 0 && tokens[position - 1] === ANY) return tokens[position] === char ? [position, position + 1] : [position];
  return tokens[position] === char ? [position + 1] : [];
}

interface NumericRange {
  lower?: { value: number; inclusive: boolean };
  upper?: { value: number; inclusive: boolean };
}

function parseNumericRange(operand: unknown, path: string): NumericRange {
  const usage = 'numeric takes ["=", n], [op, n] with op one of < <= > >=, or [">" or ">=", low, "<" or "<=", high]';
  if (!Array.isArray(operand) || (operand.length !== 2 && operand.length !== 4)) fail(path, usage);
  const range: NumericRange = {};
  for (let i = 0; i < operand.length; i += 2) {
    const [op, value] = [operand[i], operand[i + 1]];
    if (typeof value !== 'number') fail(path, `${usage}; ${JSON.stringify(value)} is not a number`);
    validateNumber(value, path);
    if (op === '=' && operand.length === 2) return { lower: { value, inclusive: true }, upper: { value, inclusive: true } };
    if ((op === '>' || op === '>=') && !range.lower && !range.upper) range.lower = { value, inclusive: op === '>=' };
    else if ((op === '<' || op === '<=') && !range.upper) range.upper = { value, inclusive: op === '<=' };
    else fail(path, usage);
  }
  if (range.lower && range.upper && range.lower.value >= range.upper.value) fail(path, 'the lower bound of a numeric range must be below its upper bound');
  return range;
}

// ------------------------------------------------------------------ matching

/** Whether `event` (an EventBridge envelope, or any JSON object) matches `pattern`. Validate the pattern first. */
export function matchesPattern(pattern: EventPattern, event: unknown): boolean {
  return matchObject(pattern, event);
}

function matchObject(pattern: PlainObject, event: unknown): boolean {
  return Object.entries(pattern).every(([key, expected]) => {
    if (isOrClause(key, expected)) return expected.some((alternative) => matchObject(alternative, event));
    const found = valuesAt(event, key);
    if (Array.isArray(expected)) return matchLeaf(expected, found.flatMap(leafValues));
    const objects = found.flatMap(objectsIn);
    // A nested pattern over a missing object can still match, through { exists: false }.
    return objects.length === 0 ? matchObject(expected as PlainObject, undefined) : objects.some((object) => matchObject(expected as PlainObject, object));
  });
}

/**
 * The values a (possibly dotted) field name reaches in an event object. Event Ruler
 * joins names with dots, so `a.b` is reached through `{ "a.b": v }`, through
 * `{ "a": { "b": v } }` (arrays crossed), and any mix; event keys under `a.` with
 * dots in them join the object at `a`, so a nested pattern sees them too.
 */
function valuesAt(event: unknown, name: string): unknown[] {
  if (!isPlainObject(event)) return [];
  const found: unknown[] = [];
  const under: PlainObject = {};
  for (const [key, value] of Object.entries(event)) {
    if (key === name) continue;
    if (name.startsWith(`${key}.`)) for (const object of objectsIn(value)) found.push(...valuesAt(object, name.slice(key.length + 1)));
    else if (key.startsWith(`${name}.`)) under[key.slice(name.length + 1)] = value;
  }
  const direct = Object.hasOwn(event, name) ? event[name] : undefined;
  const hasUnder = Object.keys(under).length > 0;
  if (isPlainObject(direct) && hasUnder) found.push({ ...direct, ...under });
  else {
    if (direct !== undefined) found.push(direct);
    if (hasUnder) found.push(under);
  }
  return found;
}

/** The scalar values at a path: arrays are flattened, objects are not leaves. */
function leafValues(value: unknown): unknown[] {
  if (value === undefined || isPlainObject(value)) return [];
  if (Array.isArray(value)) return value.flatMap(leafValues);
  return [value];
}

function objectsIn(value: unknown): PlainObject[] {
  if (isPlainObject(value)) return [value];
  if (Array.isArray(value)) return value.flatMap(objectsIn);
  return [];
}

function matchLeaf(matchers: unknown[], values: unknown[]): boolean {
  return matchers.some((matcher) => {
    if (isPlainObject(matcher) && 'exists' in matcher) return matcher.exists === values.length > 0;
    return values.some((value) => matchValue(matcher, value));
  });
}

function matchValue(matcher: unknown, value: unknown): boolean {
  if (!isPlainObject(matcher)) return matcher === value;
  const [operator, operand] = Object.entries(matcher)[0]!;
  switch (operator) {
    case 'prefix':
      return typeof value === 'string' && compareText(operand, (expected, ignoreCase) => fold(value, ignoreCase).startsWith(fold(expected, ignoreCase)));
    case 'suffix':
      return typeof value === 'string' && compareText(operand, (expected, ignoreCase) => fold(value, ignoreCase).endsWith(fold(expected, ignoreCase)));
    case 'equals-ignore-case':
      return typeof value === 'string' && value.toLowerCase() === (operand as string).toLowerCase();
    case 'wildcard':
      return typeof value === 'string' && wildcardRegExp(operand as string).test(value);
    case 'numeric':
      return typeof value === 'number' && inRange(parseNumericRange(operand, ''), value);
    case 'cidr':
      return typeof value === 'string' && inCidr(parseCidr(operand as string)!, value);
    case 'anything-but':
      return !matchesExcluded(operand, value);
    default:
      return false;
  }
}

/** anything-but matches every value (of any type) that its operand does not match. */
function matchesExcluded(operand: unknown, value: unknown): boolean {
  if (Array.isArray(operand)) return operand.includes(value);
  if (!isPlainObject(operand)) return operand === value;
  const [operator, inner] = Object.entries(operand)[0]!;
  const alternatives = Array.isArray(inner) ? inner : [inner];
  return alternatives.some((alternative) => matchValue({ [operator]: alternative }, value));
}

function compareText(operand: unknown, compare: (expected: string, ignoreCase: boolean) => boolean): boolean {
  return typeof operand === 'string' ? compare(operand, false) : compare((operand as PlainObject)['equals-ignore-case'] as string, true);
}

function fold(text: string, ignoreCase: boolean): string {
  return ignoreCase ? text.toLowerCase() : text;
}

function inRange(range: NumericRange, value: number): boolean {
  const { lower, upper } = range;
  if (lower && (lower.inclusive ? value < lower.value : value <= lower.value)) return false;
  if (upper && (upper.inclusive ? value > upper.value : value >= upper.value)) return false;
  return true;
}

const wildcardCache = new Map<string, RegExp>();

/** `*` matches any run of characters (including none); `\*` is a star, `\\` a backslash. */
function wildcardRegExp(wildcard: string): RegExp {
  let compiled = wildcardCache.get(wildcard);
  if (!compiled) {
    let source = '';
    for (let i = 0; i < wildcard.length; i++) {
      const char = wildcard[i]!;
      if (char === '\\') source += escapeRegExp(wildcard[++i] ?? '\\');
      else source += char === '*' ? '.*' : escapeRegExp(char);
    }
    compiled = new RegExp(`^${source}$`, 's');
    wildcardCache.set(wildcard, compiled);
  }
  return compiled;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

// ---------------------------------------------------------------- IP ranges

interface Cidr {
  version: 4 | 6;
  address: bigint;
  bits: number;
}

/** "a.b.c.d/n" or an IPv6 range "x:y::/n"; a bare address is a range of one. Undefined when not valid. */
function parseCidr(text: string): Cidr | undefined {
  const [ip, length, extra] = text.split('/');
  if (extra !== undefined || ip === undefined) return undefined;
  const parsed = parseIp(ip);
  if (!parsed) return undefined;
  const max = parsed.version === 4 ? 32 : 128;
  if (length !== undefined && !/^\d{1,3}$/.test(length)) return undefined;
  const bits = length === undefined ? max : Number(length);
  if (bits > max) return undefined;
  return { version: parsed.version, address: parsed.address, bits };
}

function parseIp(text: string): { version: 4 | 6; address: bigint } | undefined {
  if (/^\d{1,3}(\.\d{1,3}){3}$/.test(text)) {
    const parts = text.split('.').map(Number);
    if (parts.some((part) => part > 255)) return undefined;
    return { version: 4, address: parts.reduce((sum, part) => (sum << 8n) + BigInt(part), 0n) };
  }
  if (!/^[0-9a-fA-F:]+$/.test(text) || text.split('::').length > 2) return undefined;
  const [head, tail] = text.includes('::') ? text.split('::') : [text, undefined];
  const groups = (part: string | undefined) => (part ? part.split(':') : []);
  const [left, right] = [groups(head), groups(tail)];
  const missing = 8 - left.length - right.length;
  if ((tail === undefined && missing !== 0) || (tail !== undefined && missing < 1)) return undefined;
  const all = [...left, ...Array<string>(tail === undefined ? 0 : missing).fill('0'), ...right];
  if (all.some((group) => !/^[0-9a-fA-F]{1,4}$/.test(group))) return undefined;
  return { version: 6, address: all.reduce((sum, group) => (sum << 16n) + BigInt(parseInt(group, 16)), 0n) };
}

function inCidr(range: Cidr, value: string): boolean {
  const ip = parseIp(value);
  if (!ip || ip.version !== range.version) return false;
  const shift = BigInt((range.version === 4 ? 32 : 128) - range.bits);
  return ip.address >> shift === range.address >> shift;
}
