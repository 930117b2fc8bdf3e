import '../../support/quiet-powertools';
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import type { ProductState } from '../../../domain';
import { dynamoDocumentClient } from '../../../functions/storage/dynamodb-client';
import { snapshotAsOf } from '../../../functions/http-api/routes/kpis';
import { getProjection } from '../../../functions/storage/projection-store';
import type { RejectionRecord } from '../../../functions/storage/rejection-store';
import { createTestTables } from '../../support/dynamodb';
import { envelope, newEventId } from '../../support/envelopes';
import { startLocalBus, type RunningLocalBus } from '../../support/local-bus';
import { invokeProjectEvent } from '../../support/project';

/**
 * A product rated under Quyết định 26/2026/QĐ-TTg, through the project-event handler on DynamoDB Local: Phường Trà
 * Vinh (29242) registers it in 2026 with its product set of Appendix I and the decision's product code; the province
 * rates it 4 stars on 2026-10-28 (round 2 of the year, Điều 5), and it counts. Decisions that break the decision's
 * rules are kept as rejections whose reasons cite the article. Fixed dates: a certificate runs 36 months.
 */
const WARD = '29242';
const PRODUCT = '86-29242-0101-2026';
const eventIdOf = (e: { detail: unknown }) => (e.detail as { eventId: string }).eventId;
const stateOf = async (productId: string) => (await getProjection(`PRODUCT#${productId}`))?.state as ProductState | undefined;

let names: Awaited<ReturnType<typeof createTestTables>>['names'];
let bus: RunningLocalBus;
const getRejection = async (rejectionId: string) =>
  (await dynamoDocumentClient().send(new GetCommand({ TableName: names.rejections, Key: { rejectionId }, ConsistentRead: true }))).Item as RejectionRecord | undefined;

const decision = (decisionDate: string, council: string, stars: number, score: number) =>
  envelope('ocop.province', 'ProductRated', {
    eventId: newEventId('qd26'),
    schemaVersion: 1,
    occurredAt: `${decisionDate}T10:00:00+07:00`,
    communeCode: WARD,
    productId: PRODUCT,
    score,
    stars,
    council,
    decisionNo: `QĐ-${decisionDate}/UBND`,
    decisionDate,
  });

beforeAll(async () => {
  ({ names } = await createTestTables());
  bus = await startLocalBus();
});
afterAll(async () => bus.close());

describe('project-event under Quyết định 26/2026/QĐ-TTg', () => {
  it('counts a product the province rated under 26/2026 after its effective date, and rejects decisions that break it, citing the article', async () => {
    // Prepare
    const registered = envelope(`ocop.commune.${WARD}`, 'ProductRegistered', {
      eventId: newEventId('qd26-reg'),
      schemaVersion: 1,
      occurredAt: '2026-08-03T09:00:00+07:00',
      communeCode: WARD,
      productId: PRODUCT,
      name: 'Bánh tét lá cẩm Trà Cuôn',
      group: 'food',
      productSet: 'I.3.b',
      subject: { name: 'HTX Bánh tét Trà Cuôn', kind: 'cooperative' },
    });
    const rated = decision('2026-10-28', 'province', 4, 78);
    const twoStars = decision('2026-11-10', 'province', 2, 44);
    const centralFour = decision('2026-11-12', 'central', 4, 86);

    // Act
    const answer = await invokeProjectEvent([registered, rated, twoStars, centralFour]);
    const before = await snapshotAsOf('2026-10-27');
    const after = await snapshotAsOf('2026-11-30');

    // Assess
    expect(answer.batchItemFailures).toEqual([]);
    expect(await getRejection(eventIdOf(registered))).toBeUndefined();
    expect(await getRejection(eventIdOf(rated))).toBeUndefined();
    expect((await getRejection(eventIdOf(twoStars)))?.reasons).toEqual([
      'detail.stars: Điều 4 khoản 1 điểm a Quyết định 26/2026/QĐ-TTg: a product rated 1 or 2 stars gets no recognition decision and no certificate, ' +
        'so a decision dated 2026-11-10 cannot record 2 stars',
    ]);
    expect((await getRejection(eventIdOf(centralFour)))?.reasons).toEqual([
      'detail.council: Điều 4 khoản 1 Quyết định 26/2026/QĐ-TTg: the central level recognises 5 stars only; a product the central council scores under 90 ' +
        'is recognised at 3 or 4 stars by the province (council: province, Điều 7 khoản 4), so 4 stars dated 2026-11-12 cannot come from the central council',
    ]);
    const state = await stateOf(PRODUCT);
    expect(state?.registration.productSet).toBe('I.3.b');
    expect(state?.decisions.map((d) => ({ stars: d.stars, round: d.round, validUntil: d.validUntil }))).toEqual([{ stars: 4, round: 2, validUntil: '2029-10-28' }]);
    expect(before.breakdown.byUnit?.[WARD]?.active).toBe(0);
    expect(after.breakdown.byUnit?.[WARD]).toMatchObject({ active: 1, byLevel: { '4': 1 } });
    expect(after.breakdown.byProductSet).toEqual({ 'I.3.b': { active: 1 } });
    expect(after.indicators.find((i) => i.id === 'ocop.active')!.value - before.indicators.find((i) => i.id === 'ocop.active')!.value).toBe(1);
    expect(after.indicators.find((i) => i.id === 'ocop.rounds.year')).toEqual({ id: 'ocop.rounds.year', value: 1 });
  });
});
