import { parsePlan } from '../../../domain';
import { putPlan } from '../../../functions/storage/plan-store';
import { loadKpiInputs } from '../../../functions/shared/kpi-inputs';
import { callApi } from '../../support/api';
import { createTestTables } from '../../support/dynamodb';
import { PLAN_53_KH_UBND } from '../../support/shipped-data';

beforeAll(async () => {
  await createTestTables();
});

describe('plans as data', () => {
  it('uses the bundled Plan 53/KH-UBND until a plan is loaded', async () => {
    // Act
    const { plans } = await loadKpiInputs();

    // Assess
    expect(plans.map((p) => p.id)).toEqual([PLAN_53_KH_UBND.id]);
  });

  it('judges each day by the loaded plan whose period holds it, without a release', async () => {
    // Prepare
    const next = parsePlan({
      id: 'next-plan-2026-2030',
      title: 'Kế hoạch giai đoạn 2026-2030 (thử nghiệm)',
      provinceCode: '84',
      period: { start: '2026-01-01', end: '2030-12-31' },
      targets: { 'ocop.recognized.year': { value: 60 }, 'science.tasks': { value: 20 } },
    });

    // Act
    await putPlan(PLAN_53_KH_UBND);
    await putPlan(next);
    const in2026 = await callApi('/v1/kpis?asOf=2026-06-30');
    const in2024 = await callApi('/v1/kpis?asOf=2024-06-30');

    // Assess
    expect(in2026.body.plan.id).toBe('next-plan-2026-2030');
    expect(in2026.body.indicators.find((i: { id: string }) => i.id === 'ocop.recognized.year').target).toBe(60);
    expect(in2026.body.indicators.find((i: { id: string }) => i.id === 'ip.patent').target).toBeUndefined();
    expect(in2024.body.plan.id).toBe(PLAN_53_KH_UBND.id);
    expect(in2024.body.indicators.find((i: { id: string }) => i.id === 'ocop.recognized.year').target).toBe(40);
  });

  it('refuses an invalid plan with a message naming the field', async () => {
    // Act
    const attempt = putPlan({ ...PLAN_53_KH_UBND, targets: { 'ocop.unknown': { value: 1, comparison: 'atLeast' } } });

    // Assess
    await expect(attempt).rejects.toThrow(/unknown indicator id.*at targets\["ocop\.unknown"\]/s);
  });
});
