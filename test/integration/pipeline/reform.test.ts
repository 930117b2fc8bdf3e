import '../../support/quiet-powertools';
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import type { ProductState } from '../../../domain';
import { dynamoDocumentClient } from '../../../functions/storage/dynamodb-client';
import { snapshotAsOf } from '../../../functions/http-api/routes/kpis';
import { getProjection } from '../../../functions/storage/projection-store';
import type { RejectionRecord } from '../../../functions/storage/rejection-store';
import { createTestTables } from '../../support/dynamodb';
import { details, envelope } from '../../support/envelopes';
import { startLocalBus, type RunningLocalBus } from '../../support/local-bus';
import { invokeProjectEvent } from '../../support/project';

/**
 * Products across the 2025 reform, through the project-event handler on DynamoDB Local:
 * a product of district 842 registered in its former ward 29260 is held, from 2025-07-01,
 * by Phường Trà Vinh (29242), which publishes as ocop.commune.29242; a product whose
 * registration names no commune is refused to the ward until the province transfers it.
 */
const eventIdOf = (e: { detail: unknown }) => (e.detail as { eventId: string }).eventId;
const stateOf = async (productId: string) => (await getProjection(`PRODUCT#${productId}`))?.state as ProductState | undefined;
const fromWard = (detail: Record<string, unknown>) => {
  const { districtCode: _none, ...rest } = detail;
  return envelope('ocop.commune.29242', 'ProductListedOnMarketplace', { ...rest, communeCode: '29242' });
};

let names: Awaited<ReturnType<typeof createTestTables>>['names'];
let bus: RunningLocalBus;
const getRejection = async (rejectionId: string) =>
  (await dynamoDocumentClient().send(new GetCommand({ TableName: names.rejections, Key: { rejectionId }, ConsistentRead: true }))).Item as RejectionRecord | undefined;

beforeAll(async () => {
  ({ names } = await createTestTables());
  bus = await startLocalBus();
});
afterAll(async () => bus.close());

describe('project-event across the 2025 reform', () => {
  it("accepts the ward that holds the product's former ward, and refuses another ward of the same former district", async () => {
    // Prepare
    const registered = envelope('ocop.district.842', 'ProductRegistered', details.registered('P-REFORM-1', '842', { communeCode: '29260' }));
    const listing = fromWard(details.listed('P-REFORM-1', 'postmart', '2025-09-10T09:00:00+07:00'));
    const { districtCode: _none, ...foreignDetail } = details.listed('P-REFORM-1', 'voso', '2025-09-11T09:00:00+07:00');
    const foreign = envelope('ocop.commune.29263', 'ProductListedOnMarketplace', { ...foreignDetail, communeCode: '29263' });

    // Act
    const answer = await invokeProjectEvent([registered, listing, foreign]);

    // Assess
    expect(answer.batchItemFailures).toEqual([]);
    const state = await stateOf('P-REFORM-1');
    expect(state?.listings.map((l) => l.marketplace)).toEqual(['postmart']);
    expect(state?.registration).toMatchObject({ districtCode: '842', communeCode: '29260' });
    const rejection = await getRejection(eventIdOf(foreign));
    expect(rejection?.reasons).toEqual(['productId P-REFORM-1 belongs to unit 842 (on 2025-09-11 its territory is held by unit 29242); unit 29263 may only publish for its own products']);
  });

  it('refuses the ward while the registration names no commune, and accepts it once the province transferred the product', async () => {
    // Prepare
    const registered = envelope('ocop.district.842', 'ProductRegistered', details.registered('P-REFORM-2', '842'));
    const early = fromWard(details.listed('P-REFORM-2', 'postmart', '2025-09-10T09:00:00+07:00'));
    const transfer = envelope('ocop.province', 'ProductTransferred', {
      eventId: 'transfer-P-REFORM-2',
      schemaVersion: 1,
      occurredAt: '2025-09-15T09:00:00+07:00',
      productId: 'P-REFORM-2',
      toUnitCode: '29242',
      fromUnitCode: '842',
      reason: 'Cơ sở sản xuất thuộc địa bàn phường Trà Vinh sau sắp xếp đơn vị hành chính',
      effectiveDate: '2025-07-01',
    });
    const later = fromWard(details.listed('P-REFORM-2', 'voso', '2025-09-20T09:00:00+07:00'));

    // Act
    const first = await invokeProjectEvent([registered, early]);
    const second = await invokeProjectEvent([transfer, later]);

    // Assess
    expect([...first.batchItemFailures, ...second.batchItemFailures]).toEqual([]);
    const refused = await getRejection(eventIdOf(early));
    expect(refused?.reasons).toHaveLength(1);
    expect(refused?.reasons[0]).toMatch(/^productId P-REFORM-2 belongs to unit 842, which ended on 2025-06-30; its territory passed to 29242 \(Phường Trà Vinh\), /);
    expect(refused?.reasons[0]).toContain('The provincial office assigns the product to its unit with ProductTransferred (toUnitCode)');
    const state = await stateOf('P-REFORM-2');
    expect(state?.transfers.map((t) => t.toUnitCode)).toEqual(['29242']);
    expect(state?.listings.map((l) => l.marketplace)).toEqual(['voso']);
  });

  it('rejects a district source for an event dated 2026, with the reason', async () => {
    // Prepare
    const registered = envelope('ocop.district.845', 'ProductRegistered', details.registered('P-REFORM-3', '845'));
    const late = envelope('ocop.district.845', 'ProductRated', details.rated('P-REFORM-3', 64, 3, '2026-03-02', '845'));

    // Act
    const answer = await invokeProjectEvent([registered, late]);

    // Assess
    expect(answer.batchItemFailures).toEqual([]);
    const rejection = await getRejection(eventIdOf(late));
    expect(rejection?.reasons[0]).toMatch(/^Source: ocop\.district\.845 is a district source, and this event is dated 2026-03-02: the district level was abolished on 2025-07-01/);
    expect((await stateOf('P-REFORM-3'))?.decisions).toEqual([]);
  });

  it("counts a product a commune registered after the reform, under that commune in byUnit", async () => {
    // Prepare: Phường Trà Vinh registers a product in 2026; the province rates it 3 stars (fixed dates: a certificate runs 3 years)
    const { districtCode: _none, ...registration } = details.registered('P-COMMUNE-1', '842', { occurredAt: '2026-01-10T09:00:00+07:00', communeCode: '29242' });
    const registered = envelope('ocop.commune.29242', 'ProductRegistered', registration);
    const { districtCode: _neither, ...rating } = details.rated('P-COMMUNE-1', 62, 3, '2026-02-01', '842', { communeCode: '29242' });
    const rated = envelope('ocop.province', 'ProductRated', rating);

    // Act
    const answer = await invokeProjectEvent([registered, rated]);
    const before = await snapshotAsOf('2026-01-31');
    const after = await snapshotAsOf('2026-03-01');

    // Assess
    expect(answer.batchItemFailures).toEqual([]);
    expect(await getRejection(eventIdOf(registered))).toBeUndefined();
    expect(await getRejection(eventIdOf(rated))).toBeUndefined();
    expect((await stateOf('P-COMMUNE-1'))?.registration).toMatchObject({ districtCode: '29242' });
    expect(before.breakdown.byUnit?.['29242']?.active).toBe(0);
    expect(after.breakdown.byUnit?.['29242']).toMatchObject({ active: 1, byLevel: { '3': 1 } });
    expect(after.indicators.find((i) => i.id === 'ocop.active')!.value - before.indicators.find((i) => i.id === 'ocop.active')!.value).toBe(1);
  });
});
