import fc from 'fast-check';
import { addDays, decideProduct, foldProduct, type ProductEvent, type ProductState } from '../../../domain';
import { jsonBytes, jsonSizer } from '../../../domain/json-size';
import { delisted, district, inbound, listed, noonOf, registered, rated } from './support/events';

const CAU_KE = district('845');
const P = 'TV-845-009';
const utf8Bytes = (value: unknown) => new TextEncoder().encode(JSON.stringify(value)).length;

/** Listing changes on `count` distinct days from `firstDay`, alternating listed and delisted. */
function listingChanges(count: number, firstDay: string): ProductEvent[] {
  return Array.from({ length: count }, (_, i) => {
    const at = `${addDays(firstDay, i)}T09:00:00+07:00`;
    return i % 2 === 0 ? listed(P, CAU_KE, 'postmart', at) : delisted(P, CAU_KE, 'postmart', at);
  });
}

const isProductState = (value: unknown): boolean => typeof value === 'object' && value !== null && 'productId' in value && 'registration' in value;

/** Runs `act` and counts the serialisations of a whole product state it made (JSON.stringify of a state). */
function stateSerialisationsOf<T>(act: () => T): { result: T; serialisations: number } {
  const stringify = jest.spyOn(JSON, 'stringify');
  try {
    const result = act();
    return { result, serialisations: stringify.mock.calls.filter(([value]) => isProductState(value)).length };
  } finally {
    stringify.mockRestore();
  }
}

describe('decideProduct: the size check is incremental', () => {
  const registration = registered(P, CAU_KE, { day: '2000-01-01' });

  it('does not serialise the whole state once per event: a batch of 2,000 listing changes folds with at most one whole-state serialisation', () => {
    // Prepare
    const events = [registration, ...listingChanges(2000, '2001-01-01')];

    // Act
    const { result: decision, serialisations } = stateSerialisationsOf(() => foldProduct(P, events));

    // Assess
    expect(decision.verdicts.every((v) => v.verdict === 'accepted')).toBe(true);
    expect(decision.state!.listings[0]!.days).toHaveLength(2000);
    expect(serialisations).toBeLessThanOrEqual(1);
  });

  it('measures a stored state once per batch, whatever the batch length', () => {
    // Prepare
    const stored = foldProduct(P, [registration, ...listingChanges(1000, '2001-01-01')]).state!;
    const short = listingChanges(10, '2010-01-01');
    const long = listingChanges(1000, '2010-01-01');

    // Act
    const ofShort = stateSerialisationsOf(() => decideProduct(P, stored, short));
    const ofLong = stateSerialisationsOf(() => decideProduct(P, stored, long));

    // Assess
    expect(ofLong.result.verdicts.every((v) => v.verdict === 'accepted')).toBe(true);
    expect(ofLong.serialisations).toBeLessThanOrEqual(1);
    expect(ofLong.serialisations).toBe(ofShort.serialisations);
  });
});

describe('jsonBytes: the UTF-8 length of a value as JSON', () => {
  it('equals the length of the encoded JSON text for any JSON-like value (Vietnamese, emoji, escapes, undefined fields)', () => {
    // Prepare
    const text = fc.oneof(fc.string(), fc.string({ unit: 'grapheme' }), fc.string({ unit: 'binary' }), fc.constantFrom('Chủ thể "HTX" \\ Cầu Kè\n\t\b\f\r', '😀 giỏ quà', '\u0001\u001f\u007f', '\ud800 lone', 'tail \udbff', '\udc00 low first'));
    const value = fc.letrec((tie) => ({
      node: fc.oneof(
        { depthSize: 'small' },
        text,
        fc.integer(),
        fc.double({ noNaN: true, noDefaultInfinity: true }),
        fc.boolean(),
        fc.constant(null),
        fc.array(fc.oneof(tie('node'), fc.constant(undefined))),
        fc.dictionary(text, fc.oneof(tie('node'), fc.constant(undefined))),
      ),
    })).node;

    // Act, Assess
    fc.assert(fc.property(value, (v) => jsonBytes(v) === utf8Bytes(v)));
  });

  it('follows a state through a fold exactly, reusing the parts it measured before', () => {
    // Prepare
    const sizer = jsonSizer();
    const events = [registration(), ...listingChanges(50, '2003-01-01'), rated(P, CAU_KE, 4, { score: 80, day: '2004-01-01' })];
    let state: ProductState | undefined;

    // Act
    const measured: [number, number][] = [];
    for (const event of events) {
      state = decideProduct(P, state, [event]).state;
      measured.push([sizer.bytes(state), utf8Bytes(state)]);
    }

    // Assess
    for (const [sized, encoded] of measured) expect(sized).toBe(encoded);
  });

  function registration(): ProductEvent {
    return inbound('ProductRegistered', CAU_KE.source, {
      occurredAt: noonOf('2002-02-02'),
      districtCode: '845',
      productId: P,
      name: 'Bánh tét lá cẩm "Cầu Kè" 😀',
      group: 'food',
      subject: { name: 'Hộ kinh doanh\nNguyễn Văn A', kind: 'household' },
    }) as ProductEvent;
  }
});
