import * as z from 'zod';
import { memoized } from '../events/memoized';
import { addDays, isIsoDay, type IsoDay } from './calendar';

/**
 * The province a deployment serves, over time, as data (a `<slug>.province.json`
 * file, docs/provinces-and-plans.md): the provinces that held its territory one
 * after the other, each with its GSO code, its name, the days it was in force and
 * the former provinces it was formed from. A deployment that began in Trà Vinh
 * (84) serves the merged Vĩnh Long (86) from 2025-07-01: one file, two periods.
 * No province is named in code; a new province is a new file.
 *
 * `units` keeps the district-level units the deployment started with: the rows of
 * `byDistrict` (the historical view by the districts of the first plan) and the
 * district accounts of the CDK config. The units over time are the units files
 * (domain/data/units/, docs/units.md).
 */
const isoDay = memoized(() =>
  z.string().refine(isIsoDay, { error: 'must be a date YYYY-MM-DD' }),
);
const provinceCode = memoized(() =>
  z.string().regex(/^\d{2}$/, { error: 'must be the 2-digit GSO province code' }),
);

export const provincePeriodSchema = memoized(() =>
  z.object({
    code: provinceCode(),
    name: z.string().min(1),
    /** First day in force; absent: before the data. */
    validFrom: isoDay().optional(),
    /** Last day in force (inclusive); absent: still in force. */
    validTo: isoDay().optional(),
    /** The provinces it was formed from, when it was formed by a merger. */
    formedFrom: z.array(z.object({ code: provinceCode(), name: z.string().min(1) })).default([]),
    /** The public source (document number and clause). */
    source: z.string().min(1).optional(),
  }),
);

const unitsSchema = memoized(() =>
  z
    .array(z.object({ code: z.string().regex(/^\d{3,5}$/), name: z.string().min(1) }))
    .min(1)
    .refine((units) => new Set(units.map((u) => u.code)).size === units.length, { error: 'unit codes must be unique' }),
);

const slug = memoized(() =>
  z.string().regex(/^[a-z0-9-]+$/, { error: 'must be a lower-case slug (letters, digits, dashes)' }),
);

/** A province that never changed may still be written as before: `code` and `name` at the top, no `periods`. */
const fileSchema = memoized(() =>
  z
    .object({
      $comment: z.string().optional(),
      code: provinceCode().optional(),
      name: z.string().min(1).optional(),
      periods: z.array(provincePeriodSchema()).min(1).optional(),
      /** Former slugs of this deployment that still name this file (a stage config written before a rename). */
      aliases: z.array(slug()).default([]),
      unitLevel: z.enum(['district', 'commune']),
      units: unitsSchema(),
    })
    .superRefine((file, ctx) => {
      if (file.periods === undefined && (file.code === undefined || file.name === undefined)) {
        ctx.addIssue({ code: 'custom', path: ['periods'], message: 'give either periods[] or code and name' });
      }
      if (file.periods !== undefined && (file.code !== undefined || file.name !== undefined)) {
        ctx.addIssue({ code: 'custom', path: ['code'], message: 'with periods[], code and name belong to each period' });
      }
      const periods = file.periods ?? [];
      periods.forEach((period, index) => {
        if (period.validFrom !== undefined && period.validTo !== undefined && period.validTo < period.validFrom) {
          ctx.addIssue({ code: 'custom', path: ['periods', index, 'validTo'], message: 'must not be before validFrom' });
        }
        if (index > 0 && period.validFrom === undefined) {
          ctx.addIssue({ code: 'custom', path: ['periods', index, 'validFrom'], message: 'every period but the first needs a validFrom' });
        }
        const previous = periods[index - 1];
        if (previous !== undefined && period.validFrom !== undefined) {
          if (previous.validTo === undefined || addDays(previous.validTo, 1) !== period.validFrom) {
            ctx.addIssue({
              code: 'custom',
              path: ['periods', index, 'validFrom'],
              message: `must be the day after periods[${index - 1}].validTo: periods follow each other without gap or overlap`,
            });
          }
        }
        if (index < periods.length - 1 && period.validTo === undefined) {
          ctx.addIssue({ code: 'custom', path: ['periods', index, 'validTo'], message: 'every period but the last needs a validTo' });
        }
      });
    }),
);

export type ProvincePeriod = z.infer<ReturnType<typeof provincePeriodSchema>>;

export interface Province {
  /** The code and name of the province today (the last period): what messages and the CDK name. */
  code: string;
  name: string;
  /** The provinces over time, in order, without gaps. */
  periods: ProvincePeriod[];
  aliases: string[];
  unitLevel: 'district' | 'commune';
  units: { code: string; name: string }[];
}

export class InvalidProvinceError extends Error {
  override name = 'InvalidProvinceError';
}

export function parseProvince(data: unknown, origin = 'province file'): Province {
  const parsed = fileSchema().safeParse(data);
  if (!parsed.success) {
    throw new InvalidProvinceError(`${origin}: ${z.prettifyError(parsed.error)}`, { cause: parsed.error });
  }
  const { code, name, periods, aliases, unitLevel, units } = parsed.data;
  const timeline = periods ?? [{ code: code!, name: name!, formedFrom: [] }];
  const today = timeline[timeline.length - 1]!;
  return { code: today.code, name: today.name, periods: timeline, aliases, unitLevel, units };
}

/** The province that held the deployment's territory on a day (periods cover every day: the first is open before, the last after). */
export function provinceOn(province: Pick<Province, 'periods'>, day: IsoDay): ProvincePeriod {
  return (
    province.periods.find((period) => (period.validFrom === undefined || period.validFrom <= day) && (period.validTo === undefined || day <= period.validTo)) ??
    (day < (province.periods[0]!.validFrom ?? '') ? province.periods[0]! : province.periods[province.periods.length - 1]!)
  );
}

export function unitName(province: Province, code: string): string | undefined {
  return province.units.find((unit) => unit.code === code)?.name;
}
