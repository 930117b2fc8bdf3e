import '../../support/quiet-powertools';
import type { EventBridgeEnvelope } from '../../../events';
import { recomputeSnapshot } from '../../../functions/recompute-snapshot/recompute';
import { resetKpiReadModel } from '../../../functions/shared/kpi-inputs';
import { callApi } from '../../support/api';
import { createTestTables } from '../../support/dynamodb';
import { details, envelope } from '../../support/envelopes';
import { projectOne } from '../../support/project';

/**
 * A product registered under a district before the reform, through the real
 * project-event, counts under its successor commune after 2025-07-01: in
 * GET /v1/kpis and in the snapshot recompute-snapshot stores, with the units
 * of the units store.
 */
const district = (code: string) => `ocop.district.${code}`;

/** Registered by Thành phố Trà Vinh in 2022, the first with its commune (29239, a former ward that went into Phường Trà Vinh), rated 4 stars in 2024. */
const history: EventBridgeEnvelope[] = [
  envelope(district('842'), 'ProductRegistered', details.registered('R-1', '842', { communeCode: '29239' })),
  envelope(district('842'), 'ProductRated', details.rated('R-1', 78, 4, '2024-05-10', '842')),
  envelope(district('842'), 'ProductRegistered', details.registered('R-2', '842')),
  envelope(district('842'), 'ProductRated', details.rated('R-2', 70, 4, '2024-05-10', '842')),
];

beforeAll(async () => {
  await createTestTables();
  resetKpiReadModel();
  for (const e of history) expect((await projectOne(e)).outcome).toBe('accepted');
});

describe('KPIs across the reform, through the HTTP API', () => {
  it('counts the products under district 842 before the reform', async () => {
    // Act
    const { status, body } = await callApi('/v1/kpis?asOf=2024-12-31');
    // Assess
    expect(status).toBe(200);
    expect(body.breakdown.byUnit['842']).toMatchObject({ name: 'Thành phố Trà Vinh', active: 2 });
    expect(body.breakdown.byDistrict['842'].active).toBe(2);
    expect(body.breakdown.unassigned).toEqual({});
  });

  it('counts the product with its commune under Phường Trà Vinh after the reform, the other unassigned under 842', async () => {
    // Act
    const { status, body } = await callApi('/v1/kpis?asOf=2026-06-01');
    // Assess
    expect(status).toBe(200);
    expect(Object.keys(body.breakdown.byUnit)).toHaveLength(124);
    expect(body.breakdown.byUnit['29242']).toMatchObject({ name: 'Phường Trà Vinh', kind: 'ward', active: 1, byLevel: { '4': 1 } });
    expect(body.breakdown.unassigned['842']).toMatchObject({ reason: 'ambiguous', active: 1 });
    expect(body.breakdown.unassigned['842'].candidates.map((c: { code: string }) => c.code)).toEqual(['29242', '29254', '29263', '29398']);
    expect(body.indicators.find((i: { id: string }) => i.id === 'ocop.active').value).toBe(2);
  });

  it('stores the same breakdown in the snapshot recompute-snapshot writes', async () => {
    // Act
    await recomputeSnapshot({ now: new Date('2026-06-01T12:00:00+07:00'), force: true });
    const { status, body } = await callApi('/v1/snapshots/latest');
    // Assess
    expect(status).toBe(200);
    expect(body.asOfDay).toBe('2026-06-01');
    expect(body.breakdown.byUnit['29242'].active).toBe(1);
    expect(body.breakdown.unassigned['842'].active).toBe(1);
  });
});
