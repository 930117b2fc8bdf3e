import '../../support/quiet-powertools';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { EventBridgeEnvelope } from '../../../events';
import { putPlan } from '../../../functions/storage/plan-store';
import { readPlanFiles } from '../../../scripts/plan-load';
import { callApi, callApiFile } from '../../support/api';
import { createTestTables } from '../../support/dynamodb';
import { details, envelope } from '../../support/envelopes';
import { startLocalBus, type RunningLocalBus } from '../../support/local-bus';
import { projectOne } from '../../support/project';
import { PLAN_53_KH_UBND } from '../../support/shipped-data';

/**
 * The province over time and plans that begin and end, through the real http-api handler on data the real
 * project-event handler wrote to DynamoDB Local: a day in 2026 names Vĩnh Long and says no plan is in force since
 * 1/1/2026 (the JSON, the workbook, the CSV); 31/12/2022 names Trà Vinh and Plan 53. Plans load from files.
 */
const DAY_2026 = '2026-12-06';
const EXAMPLE_PLAN = join(__dirname, '..', '..', '..', 'examples', 'plan.example.json');

/**
 * District 849 of Trà Vinh: A-1 3★ on 2022-11-10, again 4★ on 2025-03-03. District 829 of Bến Tre (Thành phố Bến Tre,
 * a shipped unit up to 2025-06-30): B-1 3★ on 2025-02-14, first recognised in 2025 before the merger.
 */
const history: EventBridgeEnvelope[] = [
  envelope('ocop.district.849', 'ProductRegistered', details.registered('A-1', '849', { name: 'Mắm cá lóc Cầu Kè' })),
  envelope('ocop.district.849', 'ProductRated', details.rated('A-1', 60, 3, '2022-11-10', '849')),
  envelope('ocop.province', 'ProductRated', details.rated('A-1', 74, 4, '2025-03-03', '849')),
  envelope('ocop.district.829', 'ProductRegistered', details.registered('B-1', '829', { name: 'Kẹo dừa Bến Tre', occurredAt: '2024-10-01T09:00:00+07:00' })),
  envelope('ocop.province', 'ProductRated', details.rated('B-1', 62, 3, '2025-02-14', '829')),
];

let bus: RunningLocalBus;
beforeAll(async () => {
  await createTestTables();
  bus = await startLocalBus();
  for (const e of history) expect((await projectOne(e)).outcome).toBe('accepted');
});
afterAll(async () => bus.close());

const sheetRows = async (file: Buffer, name: string): Promise<unknown[][]> => {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(file as never);
  const rows: unknown[][] = [];
  workbook.getWorksheet(name)!.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
  return rows;
};

describe('GET /v1/kpis over time', () => {
  it('names Vĩnh Long on a day of 2026, with no plan in force since 2026-01-01, no target, and the final results of Plan 53', async () => {
    // Act
    const { status, body } = await callApi(`/v1/kpis?asOf=${DAY_2026}`);

    // Assess
    expect(status).toBe(200);
    expect(body.province).toMatchObject({ code: '86', name: 'Vĩnh Long', since: '2025-07-01' });
    expect(body.province.formedFrom.map((p: { code: string }) => p.code).sort()).toEqual(['83', '84', '86']);
    expect(body.plan).toBeUndefined();
    expect(body.noPlan).toEqual({ since: '2026-01-01' });
    expect(body.indicators.filter((i: { target?: number }) => i.target !== undefined)).toEqual([]);
    expect(body.endedPlan).toMatchObject({ id: PLAN_53_KH_UBND.id, period: { end: '2025-12-31' } });
    for (const indicator of body.endedPlan.indicators) {
      expect(['met', 'not_met']).toContain(indicator.status);
      expect(indicator).toMatchObject({ final: true });
      expect(indicator.forecast).toBeUndefined();
    }
    expect(body.endedPlan.indicators.find((i: { id: string }) => i.id === 'ocop.recognized.year')).toMatchObject({ value: 1, target: 40, status: 'not_met' });
  });

  it("counts a former Bến Tre district's product only from 2025-07-01, and its 2025 recognition in the merged province's year", async () => {
    // Act
    const before = await callApi('/v1/kpis?asOf=2025-06-30');
    const after = await callApi('/v1/kpis?asOf=2025-07-01');
    const units = await callApi('/v1/units?asOf=2025-06-30');

    // Assess
    const value = (body: { indicators: { id: string; value: number }[] }, id: string) => body.indicators.find((i) => i.id === id)!.value;
    expect(before.body.province.name).toBe('Trà Vinh');
    expect([value(before.body, 'ocop.active'), value(before.body, 'ocop.recognized.year')]).toEqual([1, 0]);
    expect(Object.keys(before.body.breakdown.byUnit)).not.toContain('829');
    expect(after.body.province.name).toBe('Vĩnh Long');
    expect([value(after.body, 'ocop.active'), value(after.body, 'ocop.recognized.year')]).toEqual([2, 1]);
    expect(after.body.breakdown.unassigned['829']).toMatchObject({ active: 1, reason: 'ambiguous' });
    expect(units.body.units.map((unit: { code: string }) => unit.code)).toEqual(['842', '844', '845', '846', '847', '848', '849', '850', '851']);
  });

  it('names Trà Vinh and Plan 53 on 2022-12-31, as before', async () => {
    // Act
    const { body } = await callApi('/v1/kpis?asOf=2022-12-31');

    // Assess
    expect(body.province).toEqual({ code: '84', name: 'Trà Vinh' });
    expect(body.plan).toEqual({ id: PLAN_53_KH_UBND.id, title: PLAN_53_KH_UBND.title, period: PLAN_53_KH_UBND.period });
    expect(body.noPlan).toBeUndefined();
    expect(body.endedPlan).toBeUndefined();
    expect(body.indicators.find((i: { id: string }) => i.id === 'ocop.recognized.year')).toMatchObject({ value: 1, target: 40, status: 'behind' });
  });

  it('gives final results on 2025-12-31, the last day of Plan 53: met or not met, no forecast', async () => {
    // Act
    const { body } = await callApi('/v1/kpis?asOf=2025-12-31');

    // Assess
    expect(body.plan.id).toBe(PLAN_53_KH_UBND.id);
    const targeted = body.indicators.filter((i: { target?: number }) => i.target !== undefined);
    expect(targeted).toHaveLength(Object.keys(PLAN_53_KH_UBND.targets).length);
    for (const indicator of targeted) {
      expect(['met', 'not_met']).toContain(indicator.status);
      expect(indicator.forecast).toBeUndefined();
    }
    expect(body.notes).toEqual([expect.objectContaining({ kind: 'merged-province-year', year: 2025, since: '2025-07-01' })]);
  });
});

describe('the KPI workbook and CSV over time', () => {
  it('open on a sheet that names Vĩnh Long and says no plan is in force since 01/01/2026', async () => {
    // Act
    const { status, file } = await callApiFile(`/v1/kpis.xlsx?asOf=${DAY_2026}`);
    const csv = await callApiFile(`/v1/kpis.csv?asOf=${DAY_2026}&table=about`);

    // Assess
    expect(status).toBe(200);
    const about = await sheetRows(file!, 'Thông tin');
    expect(about).toContainEqual(['Tỉnh', 'Vĩnh Long (86)']);
    expect(about).toContainEqual(['Ghi chú', 'Không có kế hoạch nào đang có hiệu lực từ 01/01/2026: các chỉ số không có chỉ tiêu.']);
    expect(csv.status).toBe(200);
    const text = csv.file!.toString('utf8');
    expect(text).toContain('Vĩnh Long (86)');
    expect(text).toContain('Không có kế hoạch nào đang có hiệu lực từ 01/01/2026');
  });

  it("carry Plan 53's final results as a table of their own", async () => {
    // Act
    const { file } = await callApiFile(`/v1/kpis.csv?asOf=${DAY_2026}&table=endedPlan`);

    // Assess
    const lines = file!.toString('utf8').replace(/^\uFEFF/, '').trim().split('\n');
    expect(lines).toHaveLength(1 + Object.keys(PLAN_53_KH_UBND.targets).length);
    expect(lines.find((line) => line.includes('ocop.recognized.year'))).toContain('Không đạt');
  });
});

describe('plans loaded as data', () => {
  it('take several files at once, and a loaded plan applies inside its period beside the shipped Plan 53', async () => {
    // Prepare: the example, and a made-up plan that begins in 2032 (a gap year between them).
    const later = join(mkdtempSync(join(tmpdir(), 'plans-')), 'later.plan.json');
    writeFileSync(later, JSON.stringify({ id: 'test-2032', title: 'Kế hoạch thử nghiệm 2032', provinceCode: '86', period: { start: '2032-01-01', end: '2032-12-31' }, targets: { 'science.tasks': { value: 3 } } }));
    const plans = readPlanFiles([EXAMPLE_PLAN, later], ['84', '86']);

    // Act
    for (const plan of plans) await putPlan(plan);
    const in2027 = await callApi('/v1/kpis?asOf=2027-06-30');
    const in2024 = await callApi('/v1/kpis?asOf=2024-06-30');
    const in2031 = await callApi('/v1/kpis?asOf=2031-01-01');
    const in2032 = await callApi('/v1/kpis?asOf=2032-05-01');

    // Assess
    expect(plans.map((plan) => plan.id)).toEqual(['example-2026-2030', 'test-2032']);
    expect(in2027.body.plan.id).toBe('example-2026-2030');
    expect(in2027.body.endedPlan.id).toBe(PLAN_53_KH_UBND.id);
    expect(in2024.body.plan.id).toBe(PLAN_53_KH_UBND.id);
    expect(in2031.body.plan).toBeUndefined();
    expect(in2031.body.noPlan).toEqual({ since: '2031-01-01', next: { id: 'test-2032', title: 'Kế hoạch thử nghiệm 2032', period: { start: '2032-01-01', end: '2032-12-31' } } });
    expect(in2031.body.endedPlan.id).toBe('example-2026-2030');
    expect(in2032.body.plan.id).toBe('test-2032');
    expect(in2032.body.indicators.find((i: { id: string }) => i.id === 'ocop.recognized.year').target).toBeUndefined();
  });

  it("refuse a plan of another province than the deployment's, and the same id twice", () => {
    // Act
    const foreign = () => readPlanFiles([EXAMPLE_PLAN], ['84']);
    const twice = () => readPlanFiles([EXAMPLE_PLAN, EXAMPLE_PLAN], ['84', '86']);

    // Assess
    expect(foreign).toThrow(/plan\.example\.json: provinceCode 86 is none of this deployment's provinces over time \(84\)/);
    expect(twice).toThrow(/plan id example-2026-2030 is in two of the files/);
  });
});
