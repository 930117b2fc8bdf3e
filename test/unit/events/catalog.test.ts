import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkEventRules } from '../../../domain';
import { shippedUnitDirectory } from '../../../domain/data/shipped-units';
import {
  EventRejected,
  eventBridgeEnvelope,
  inboundCatalog,
  INBOUND_DETAIL_TYPES,
  isInboundDetailType,
  OUTBOUND_DETAIL_TYPES,
  parseInboundEvent,
  type CommonDetail,
  type InboundDetail,
  type InboundDetailType,
  type InboundEvent,
} from '../../../events';
import { detailJsonSchemas } from '../../../events/json-schemas';
import { loadEventFixture } from '../../fixtures/events';

const SCHEMAS_DIR = join(__dirname, '../../../events/schemas');
const FIXTURES_DIR = join(__dirname, '../../fixtures/events');

/** Compile-time checks: every DetailType has a detail type carrying the common fields, and the union covers them all. */
type EveryDetailIsCommon = { [T in InboundDetailType]: InboundDetail[T] extends CommonDetail ? true : false }[InboundDetailType];
type UnionCoversCatalog = InboundEvent['detailType'] extends InboundDetailType ? (InboundDetailType extends InboundEvent['detailType'] ? true : false) : false;
const everyDetailIsCommon: EveryDetailIsCommon = true;
const unionCoversCatalog: UnionCoversCatalog = true;

describe('the inbound catalog', () => {
  it('holds the nine DetailTypes of CONTRACT §1 and ProductTransferred (issue 9: the province moves a product between units)', () => {
    // Assess
    expect([...INBOUND_DETAIL_TYPES].sort()).toEqual(
      [
        'ProductRegistered',
        'ProductRated',
        'ProductUpgraded',
        'ProductCertificateRevoked',
        'ProductListedOnMarketplace',
        'ProductDelistedFromMarketplace',
        'ProductTraceabilityEnrolled',
        'ProductTransferred',
        'IntellectualPropertyGranted',
        'ScienceTaskApproved',
      ].sort(),
    );
    expect(everyDetailIsCommon && unionCoversCatalog).toBe(true);
  });

  it('does not take outbound types or inherited names for inbound ones', () => {
    // Assess
    expect(OUTBOUND_DETAIL_TYPES.filter(isInboundDetailType)).toEqual([]);
    expect(isInboundDetailType('toString')).toBe(false);
    expect(isInboundDetailType('constructor')).toBe(false);
  });

  it.each(INBOUND_DETAIL_TYPES)('gives %s a schema that requires the common fields', (detailType) => {
    // Act
    const schema = detailJsonSchemas()[detailType] as { required: string[]; description?: string };

    // Assess
    expect(inboundCatalog[detailType]).toBeDefined();
    expect(schema.required).toEqual(expect.arrayContaining(['eventId', 'schemaVersion', 'occurredAt']));
    expect(schema.required).not.toContain('districtCode');
    expect(schema.description).toEqual(expect.any(String));
  });
});

describe('committed JSON Schemas (events/schemas)', () => {
  const generated = detailJsonSchemas();

  it('are exactly one file per inbound and outbound DetailType', () => {
    // Act
    const files = readdirSync(SCHEMAS_DIR).filter((file) => file.endsWith('.json')).sort();

    // Assess
    expect(files).toEqual([...INBOUND_DETAIL_TYPES, ...OUTBOUND_DETAIL_TYPES].map((type) => `${type}.json`).sort());
  });

  it.each(Object.keys(generated))('%s.json equals the schema generated from the zod catalog (run `npm run schemas` if not)', (detailType) => {
    // Act
    const committed = readFileSync(join(SCHEMAS_DIR, `${detailType}.json`), 'utf8');

    // Assess
    expect(committed).toBe(`${JSON.stringify(generated[detailType], null, 2)}\n`);
  });
});

describe('event fixtures (test/fixtures/events)', () => {
  it('are exactly one envelope per inbound DetailType', () => {
    // Act
    const files = readdirSync(FIXTURES_DIR).filter((file) => file.endsWith('.json')).sort();

    // Assess
    expect(files).toEqual(INBOUND_DETAIL_TYPES.map((type) => `${type}.json`).sort());
  });

  it.each(INBOUND_DETAIL_TYPES)('%s is a full EventBridge envelope that parses and passes the rules', (detailType) => {
    // Prepare
    const raw: unknown = JSON.parse(readFileSync(join(FIXTURES_DIR, `${detailType}.json`), 'utf8'));

    // Act
    const envelope = eventBridgeEnvelope().strict().parse(raw);
    const parsed = parseInboundEvent(envelope);

    // Assess
    expect(envelope['detail-type']).toBe(detailType);
    expect(envelope.version).toBe('0');
    expect(envelope.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect(envelope.account).toMatch(/^\d{12}$/);
    expect(envelope.time).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
    expect(parsed).toEqual({ ok: true, event: expect.objectContaining({ detailType, source: envelope.source }) });
    if (!parsed.ok) return;
    expect(checkEventRules(parsed.event, shippedUnitDirectory())).toEqual([]);
    // Nothing of the detail is dropped by the parser: fixtures carry only catalog fields.
    expect(parsed.event.detail).toEqual(envelope.detail);
  });

  it('gives each fixture its own eventId and EventBridge id', () => {
    // Act
    const envelopes = INBOUND_DETAIL_TYPES.map(loadEventFixture);

    // Assess
    expect(new Set(envelopes.map((e) => e.id)).size).toBe(envelopes.length);
    expect(new Set(envelopes.map((e) => (e.detail as { eventId: string }).eventId)).size).toBe(envelopes.length);
  });

  it('hands out a fresh copy on every load', () => {
    // Prepare
    const first = loadEventFixture('ProductRated');
    (first.detail as { score: number }).score = 10;

    // Act
    const second = loadEventFixture('ProductRated');

    // Assess
    expect((second.detail as { score: number }).score).toBe(92);
  });
});

describe('EventRejected', () => {
  it('accepts the announcement of a rejected fixture', () => {
    // Prepare
    const rejected = loadEventFixture('ProductUpgraded');

    // Act
    const parsed = EventRejected().safeParse({
      eventId: 'rejected-842-upgrade-TV-842-002-2024-03-15',
      schemaVersion: 1,
      occurredAt: '2024-03-15T10:00:01+07:00',
      districtCode: '842',
      rejectedEventId: '842-upgrade-TV-842-002-2024-03-15',
      rejectedSource: rejected.source,
      rejectedDetailType: rejected['detail-type'],
      reasons: ['detail.toStars: an upgrade must raise the level, but toStars 3 is not above fromStars 3'],
    });

    // Assess
    expect(parsed.success).toBe(true);
  });

  it('needs at least one reason', () => {
    // Act
    const parsed = EventRejected().safeParse({
      eventId: 'rejected-x',
      schemaVersion: 1,
      occurredAt: '2024-03-15T10:00:01+07:00',
      rejectedSource: 'ocop.district.842',
      rejectedDetailType: 'ProductUpgraded',
      reasons: [],
    });

    // Assess
    expect(parsed.success).toBe(false);
  });
});
