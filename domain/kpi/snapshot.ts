import * as z from 'zod';
import { memoized } from '../../events/memoized';
import { LEVELS } from '../stars';
import { UNIT_KINDS } from '../units';
import { INDICATOR_IDS, type IndicatorId } from './indicators';

/**
 * The province's indicators at an instant (CONTRACT §2). Plain JSON: stored,
 * served and emailed as is. The zod schema is the definition; the HTTP API's
 * OpenAPI document is generated from it.
 */
const levelCounts = <T extends z.ZodType>(value: T) =>
  z.object(Object.fromEntries(LEVELS.map((level) => [level, value])) as Record<(typeof LEVELS)[number], T>);

/** `not_met` (December 2026): the plan's period is over (its last day included) and the target was not reached. */
export const indicatorStatusSchema = memoized(() =>
  z.enum(['met', 'on_track', 'behind', 'not_met']),
);

export const indicatorSchema = memoized(() =>
  z.object({
    id: z.enum(INDICATOR_IDS as [IndicatorId, ...IndicatorId[]]).describe('Indicator id of CONTRACT §2'),
    value: z.number().describe('A count, or a share from 0 to 1; for certificates.expiring, the count'),
    target: z.number().optional(),
    stretchTarget: z.number().optional().describe('The hoped-for value above the target, when the plan gives one'),
    comparison: z.enum(['atLeast', 'moreThan']).optional().describe('For shares: how value is compared with target'),
    expectedByNow: z.number().optional().describe('For counts with a target: the target prorated to the elapsed days of its period'),
    status: indicatorStatusSchema().optional(),
    final: z
      .boolean()
      .optional()
      .describe('True on the last day of the plan period (and in endedPlan): status is the final result, met or not_met, and there is no forecast'),
    forecast: z
      .object({
        value: z.number().describe('The value projected to the end of the period at the pace so far (value per elapsed day times the days of the period)'),
        periodEnd: z.string().describe('The last day of the period (YYYY-MM-DD): the calendar year, or the plan period'),
        at_risk: z.boolean().describe('True when the projected value falls short of the target'),
      })
      .optional()
      .describe('For counts with a target, once their period has started: where the count is heading'),
  }),
);

export const districtBreakdownSchema = memoized(() =>
  z.object({
    name: z.string().optional().describe('The unit\'s name from the units data (absent only from snapshots stored before names were given to every row)'),
    kind: z.enum(UNIT_KINDS).optional().describe('The kind of the unit (docs/units.md): city, town, district, commune, ward, specialZone'),
    former: z
      .boolean()
      .optional()
      .describe('True on a row of a unit that is not in force on asOf (a former district after the 2025 reform): its products count in byUnit under the units that hold its territory, or in unassigned'),
    active: z.number().int(),
    byLevel: levelCounts(z.number().int()),
    recognizedThisYear: z.number().int(),
    traceable: z.number().int(),
    listed: z.number().int(),
    expiring: z.number().int(),
  }),
);

export const unitBreakdownSchema = memoized(() =>
  districtBreakdownSchema().extend({
    name: z.string(),
    kind: z.enum(UNIT_KINDS).describe('The kind of the unit (docs/units.md)'),
  }),
);

export const unassignedBreakdownSchema = memoized(() =>
  districtBreakdownSchema().extend({
    reason: z
      .enum(['ambiguous', 'unknown'])
      .describe('ambiguous: the former unit has several successors and nothing (communeCode, ProductTransferred) says which; unknown: the unit is not in the units data'),
    candidates: z.array(z.object({ code: z.string(), name: z.string() })).describe('The units in force on asOf that may hold the products (empty when unknown)'),
    products: z
      .number()
      .int()
      .optional()
      .describe('How many registered products (active or not) wait to be assigned to a unit in force, with ProductTransferred from ocop.province'),
  }),
);

export const expiringCertificateSchema = memoized(() =>
  z.object({
    productId: z.string(),
    name: z.string(),
    districtCode: z.string().describe('The unit recorded for the product (registration, then ProductTransferred); kept for compatibility: read unitCode'),
    unitCode: z
      .string()
      .optional()
      .describe('The unit in force on asOf that holds the product (a commune or ward after the 2025 reform, a district before it); when no unit in force can be given without guessing (unassigned), the former unit'),
    unitName: z.string().optional().describe('The name of unitCode\'s unit'),
    unassigned: z.boolean().optional().describe('True when the product waits to be assigned to a unit in force (it is in breakdown.unassigned under unitCode)'),
    validUntil: z.string(),
    level: z.enum(LEVELS),
  }),
);

const planRefSchema = memoized(() =>
  z.object({ id: z.string(), title: z.string(), period: z.object({ start: z.string(), end: z.string() }) }),
);
const provinceRefSchema = memoized(() =>
  z.object({ code: z.string(), name: z.string() }),
);

/** What the figures of a day need said beside them (the surfaces word it from labels). */
export const snapshotNoteSchema = memoized(() =>
  z
    .object({
      kind: z.literal('merged-province-year'),
      year: z.number().int().describe('The year whose yearly figures count the merged province from 1 January'),
      since: z.string().describe('The day the merged province began (YYYY-MM-DD)'),
      province: provinceRefSchema().describe('The merged province'),
      formedFrom: z.array(provinceRefSchema()).describe('The former provinces whose products the year counts, before that day too'),
    })
    .describe('merged-province-year: the yearly figures count the whole year of the province formed on `since`, its former provinces included'),
);

export const kpiSnapshotSchema = memoized(() =>
  z.object({
    asOf: z.string().describe('The instant the snapshot describes (ISO 8601)'),
    asOfDay: z.string().describe('Its day in Asia/Ho_Chi_Minh: the day indicators are counted on'),
    province: provinceRefSchema()
      .extend({
        since: z.string().optional().describe('The first day of this province, when it began within the data (a merger)'),
        formedFrom: z.array(provinceRefSchema()).optional().describe('The former provinces it was formed from (December 2026)'),
      })
      .describe('The province of asOfDay: before 2025-07-01 Trà Vinh (84), from then the merged Vĩnh Long (86), as the deployment\'s province file says'),
    plan: planRefSchema()
      .optional()
      .describe('The plan in force on asOfDay, whose targets the indicators carry. Absent (December 2026) when no plan is in force: then noPlan says since when'),
    noPlan: z
      .object({
        since: z.string().optional().describe('The day since which no plan is in force (the day after the last plan ended); absent when no plan had begun'),
        next: planRefSchema().optional().describe('The first plan that begins after asOfDay, if one is loaded'),
      })
      .optional()
      .describe('Present when no plan is in force on asOfDay: the indicators carry no target'),
    endedPlan: planRefSchema()
      .extend({
        indicators: z.array(indicatorSchema()).describe('Its indicators with a target, as on the last day of its period: final results (met or not_met)'),
        notes: z.array(snapshotNoteSchema()).optional(),
      })
      .optional()
      .describe('The latest plan whose period ended before asOfDay, with its final results'),
    notes: z.array(snapshotNoteSchema()).optional(),
    indicators: z.array(indicatorSchema()),
    breakdown: z.object({
      byLevel: levelCounts(z.object({ active: z.number().int() })),
      byDistrict: z
        .record(z.string(), districtBreakdownSchema())
        .describe('By the unit recorded for the product (registration, then ProductTransferred), as the province file names its units: the districts of Plan 53. Before 2025-07-01 it equals byUnit; later it is the historical view by former district (docs/reform.md)'),
      byGroup: z.record(z.string(), z.object({ active: z.number().int() })),
      byProductSet: z
        .record(z.string(), z.object({ active: z.number().int() }))
        .optional()
        .describe(
          'Active products by product set of Appendix I of Quyết định 26/2026/QĐ-TTg (the code ProductRegistered.productSet gives, e.g. "I.3.b"), ' +
            'for the products whose registration gives one; absent from snapshots stored before it existed',
        ),
      byUnit: z
        .record(z.string(), unitBreakdownSchema())
        .optional()
        .describe('By the units in force on asOf (GET /v1/units): a product counts under the unit that holds its registered unit\'s territory that day. Absent from snapshots stored before it existed'),
      unassigned: z
        .record(z.string(), unassignedBreakdownSchema())
        .optional()
        .describe('Products no unit in force on asOf can be given without guessing, keyed by the former unit they are recorded under; byUnit plus unassigned add up to the totals'),
    }),
    expiring: z.array(expiringCertificateSchema()),
  }),
);

export type KpiSnapshot = z.infer<ReturnType<typeof kpiSnapshotSchema>>;
export type IndicatorStatus = z.infer<ReturnType<typeof indicatorStatusSchema>>;
export type Indicator = z.infer<ReturnType<typeof indicatorSchema>>;
export type DistrictBreakdown = z.infer<ReturnType<typeof districtBreakdownSchema>>;
export type UnitBreakdown = z.infer<ReturnType<typeof unitBreakdownSchema>>;
export type UnassignedBreakdown = z.infer<ReturnType<typeof unassignedBreakdownSchema>>;
export type ExpiringCertificate = z.infer<ReturnType<typeof expiringCertificateSchema>>;
export type SnapshotNote = z.infer<ReturnType<typeof snapshotNoteSchema>>;
export type PlanRef = z.infer<ReturnType<typeof planRefSchema>>;
export type EndedPlan = NonNullable<KpiSnapshot['endedPlan']>;
