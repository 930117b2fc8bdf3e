import * as z from 'zod';
import { memoized } from '../events/memoized';
import { addDays, isIsoDay } from './calendar';
import { INDICATOR_IDS } from './kpi/indicators';

/**
 * A plan file: its period and the targets of its indicators. Targets are data,
 * so a province loads its next plan (2026..2030) without a release. The plans
 * that ship are listed in domain/data/shipped-plans.ts.
 */
const isoDay = memoized(() =>
  z.string().refine(isIsoDay, { error: 'must be a date YYYY-MM-DD' }),
);

const target = memoized(() =>
  z.object({
    value: z.number().nonnegative(),
    /** A higher, hoped-for value ("40 - 50 sản phẩm"): reported, not used for status. */
    stretch: z.number().nonnegative().optional(),
    /** For shares: `atLeast` (>=) or `moreThan` (>). Counts are always `atLeast`. */
    comparison: z.enum(['atLeast', 'moreThan']).default('atLeast'),
  }),
);

export const planSchema = memoized(() =>
  z
    .object({
      id: z.string().min(1),
      title: z.string().min(1),
      provinceCode: z.string().regex(/^\d{2}$/),
      period: z.object({ start: isoDay(), end: isoDay() }).refine((p) => p.start <= p.end, { error: 'period.start must not be after period.end' }),
      targets: z.record(z.string(), target()),
    })
    .superRefine((plan, ctx) => {
      for (const id of Object.keys(plan.targets)) {
        if (!(INDICATOR_IDS as readonly string[]).includes(id)) {
          ctx.addIssue({ code: 'custom', path: ['targets', id], message: `unknown indicator id; known: ${INDICATOR_IDS.join(', ')}` });
        }
      }
    }),
);

export type Plan = z.infer<ReturnType<typeof planSchema>>;
export type PlanTarget = Plan['targets'][string];

export class InvalidPlanError extends Error {
  override name = 'InvalidPlanError';
}

export function parsePlan(data: unknown, origin = 'plan file'): Plan {
  const parsed = planSchema().safeParse(data);
  if (!parsed.success) throw new InvalidPlanError(`${origin}: ${z.prettifyError(parsed.error)}`, { cause: parsed.error });
  return parsed.data;
}

/**
 * The plans of a day: the one in force (its period holds the day), if any. No
 * plan applies before it begins or after it ends: a day outside every period has
 * none, and then `since` is the day after the latest plan ended before it (absent
 * when none had), `ended` that plan, and `next` the first plan to begin after it.
 * When two periods overlap, the one begun later is in force.
 */
export interface PlansOn {
  inForce?: Plan;
  /** The latest plan whose period ended before the day. */
  ended?: Plan;
  /** With no plan in force: the day since when none is (the day after `ended`'s period). */
  since?: string;
  /** With no plan in force: the first plan that begins after the day. */
  next?: Plan;
}

export function plansOn(plans: readonly Plan[], day: string): PlansOn {
  const sorted = [...plans].sort((a, b) => a.period.start.localeCompare(b.period.start) || a.id.localeCompare(b.id));
  const inForce = [...sorted].reverse().find((p) => p.period.start <= day && day <= p.period.end);
  const ended = [...sorted].filter((p) => p.period.end < day).sort((a, b) => b.period.end.localeCompare(a.period.end))[0];
  if (inForce) return { inForce, ...(ended && { ended }) };
  const next = sorted.find((p) => p.period.start > day);
  return { ...(ended && { ended, since: addDays(ended.period.end, 1) }), ...(next && { next }) };
}

/** The plan in force on a day, if any (plansOn). */
export function planInForce(plans: readonly Plan[], day: string): Plan | undefined {
  return plansOn(plans, day).inForce;
}
