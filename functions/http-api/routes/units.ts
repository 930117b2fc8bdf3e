import * as z from 'zod';
import { memoized } from '../../../events/memoized';
import { provinceOn, UNIT_KINDS, vnDayOf, type IsoDay, type Unit } from '../../../domain';
import { provinceOfDeployment } from '../../shared/province-config';
import { unitDirectoryOfDeployment } from '../../shared/unit-directory';
import type { ApiRequest } from '../api-request';
import { day } from '../query-schemas';

export const unitsQuery = z.strictObject({
  asOf: day.optional().describe('The day (Asia/Ho_Chi_Minh) whose units in force are listed; default today'),
});

export const unitViewSchema = memoized(() =>
  z.object({
    code: z.string().describe('GSO code: 3 digits for a district-level unit, 5 for a commune-level one'),
    name: z.string(),
    kind: z.enum(UNIT_KINDS),
    validFrom: z.string().optional().describe('First day in force (YYYY-MM-DD); absent when it predates the data'),
    validTo: z.string().optional().describe('Last day in force (YYYY-MM-DD); absent while in force'),
    successors: z.array(z.string()).describe('The units that took over its territory the day after validTo'),
    formedFrom: z.array(z.object({ code: z.string(), part: z.boolean().describe('Only part of that unit went into this one') })).describe('The former units it was formed from'),
    province: z.string().describe('The 2-digit GSO code of its province'),
    source: z.string().describe('The public source of the row'),
  }),
);

export const unitsAnswerSchema = memoized(() =>
  z.object({
    asOf: z.string().describe('The day asked (YYYY-MM-DD, Asia/Ho_Chi_Minh)'),
    units: z.array(unitViewSchema()).describe("The units in force that day of the deployment's province that day (before 2025-07-01 Trà Vinh's districts, from then the communes and wards of Vĩnh Long), by code"),
  }),
);

export type UnitsAnswer = z.infer<ReturnType<typeof unitsAnswerSchema>>;

/** The administrative units in force on a day (default today in Vietnam) of the province of that day, from the units store. */
export async function listUnits(request: ApiRequest<z.infer<typeof unitsQuery>>): Promise<UnitsAnswer> {
  const asOf = request.query.asOf ?? vnDayOf(new Date());
  const directory = await unitDirectoryOfDeployment();
  const province = provinceOn(provinceOfDeployment(), asOf).code;
  const units = directory
    .unitsOn(asOf)
    .filter((unit) => unit.province === province)
    .sort((a, b) => a.code.localeCompare(b.code));
  return { asOf, units: units.map(unitView) };
}

function unitView(unit: Unit): UnitsAnswer['units'][number] {
  return {
    code: unit.code,
    name: unit.name,
    kind: unit.kind,
    ...(unit.validFrom !== undefined && { validFrom: unit.validFrom }),
    ...(unit.validTo !== undefined && { validTo: unit.validTo }),
    successors: unit.successors,
    formedFrom: unit.formedFrom,
    province: unit.province,
    source: unit.source,
  };
}
