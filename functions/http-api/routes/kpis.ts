import * as z from 'zod';
import { computeSnapshot, endOfVnDay, vnDayOf, type IsoDay, type KpiSnapshot } from '../../../domain';
import { loadKpiInputs } from '../../shared/kpi-inputs';
import { provinceOfDeployment } from '../../shared/province-config';
import { unitDirectoryOfDeployment } from '../../shared/unit-directory';
import type { ApiRequest } from '../api-request';
import { day } from '../query-schemas';

export const kpisQuery = z.strictObject({
  asOf: day.optional().describe('The day (Asia/Ho_Chi_Minh) whose end the indicators describe; default today'),
});

/** The indicators as of the end of a day, computed from the dated history in the projections. */
export async function getKpis({ query: { asOf } }: ApiRequest<z.infer<typeof kpisQuery>>): Promise<KpiSnapshot> {
  return snapshotAsOf(asOf ?? vnDayOf(new Date()));
}

/** The KPI snapshot as of the end of a day: what GET /v1/kpis answers, the KPI workbook and the trend use. */
export async function snapshotAsOf(day: IsoDay): Promise<KpiSnapshot> {
  const [snapshot] = await snapshotsAsOf([day]);
  return snapshot!;
}

/** The snapshots as of the end of several days, from one read of the projections (the trend). */
export async function snapshotsAsOf(days: readonly IsoDay[]): Promise<KpiSnapshot[]> {
  const [{ inputs, plans }, units] = await Promise.all([loadKpiInputs(), unitDirectoryOfDeployment()]);
  const province = provinceOfDeployment();
  return days.map((day) => computeSnapshot(inputs, { asOf: endOfVnDay(day), plans, province, units }));
}
