/**
 * The size of a value as JSON, in UTF-8 bytes (what `JSON.stringify` then a
 * UTF-8 encoder give), measured without building the text.
 *
 * A sizer remembers the size of every object and array it measured, by
 * identity. A product's evolve (product/evolve.ts) keeps the parts of a state an event does not
 * change by reference, so measuring the next state costs only what changed
 * (the new top-level object, the array that got an element, the element
 * itself), not the whole state again: the size check of a batch is linear in
 * the batch, not quadratic. Values must not be mutated after being measured
 * (the domain's states never are).
 */
export interface JsonSizer {
  bytes(value: unknown): number;
}

export function jsonSizer(): JsonSizer {
  const known = new WeakMap<object, number>();
  const measure = (value: unknown): number => {
    if (value === null || typeof value !== 'object') return primitiveBytes(value);
    const cached = known.get(value);
    if (cached !== undefined) return cached;
    let size: number;
    if (Array.isArray(value)) {
      // `[a,b]`: an element JSON cannot hold (undefined, a function) is written `null`.
      size = 2 + Math.max(0, value.length - 1);
      for (const element of value) size += isOmitted(element) ? 4 : measure(element);
    } else {
      // `{"a":1,"b":2}`: members JSON cannot hold are left out, with their comma.
      size = 2;
      let members = 0;
      for (const key of Object.keys(value)) {
        const member = (value as Record<string, unknown>)[key];
        if (isOmitted(member)) continue;
        size += primitiveBytes(key) + 1 + measure(member);
        members += 1;
      }
      size += Math.max(0, members - 1);
    }
    known.set(value, size);
    return size;
  };
  return { bytes: measure };
}

/** One value's size, nothing remembered. */
export function jsonBytes(value: unknown): number {
  return jsonSizer().bytes(value);
}

const isOmitted = (value: unknown): boolean => value === undefined || typeof value === 'function' || typeof value === 'symbol';

function primitiveBytes(value: unknown): number {
  switch (typeof value) {
    case 'string':
      return stringBytes(value);
    case 'number':
      return Number.isFinite(value) ? String(value).length : 4;
    case 'boolean':
      return value ? 4 : 5;
    case 'bigint':
      throw new TypeError('Do not know how to serialize a BigInt');
    default:
      return value === null ? 4 : 0;
  }
}

/** A string as JSON.stringify writes it (quoted, escaped; a lone surrogate as \uXXXX), in UTF-8 bytes. */
function stringBytes(text: string): number {
  let length = 2;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 0x22 || code === 0x5c || code === 0x08 || code === 0x09 || code === 0x0a || code === 0x0c || code === 0x0d) length += 2;
    else if (code < 0x20) length += 6;
    else if (code < 0x80) length += 1;
    else if (code < 0x800) length += 2;
    else if (code >= 0xd800 && code <= 0xdbff) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        length += 4;
        i += 1;
      } else length += 6;
    } else if (code >= 0xdc00 && code <= 0xdfff) length += 6;
    else length += 3;
  }
  return length;
}
