import * as z from 'zod';
import plan53 from './data/tra-vinh-plan-53-kh-ubnd.plan.json';
import { isIsoDay } from './calendar';
import { INDICATOR_IDS } from './kpi/indicators';

/**
 * A plan file: its period and the targets of its indicators. Targets are data,
 * so a province loads its next plan (2026..2030) without a release.
 */
const isoDay = z.string().refine(isIsoDay, { error: 'must be a date YYYY-MM-DD' });

const target = z.object({
  value: z.number().nonnegative(),
  /** A higher, hoped-for value ("40 - 50 sản phẩm"): reported, not used for status. */
  stretch: z.number().nonnegative().optional(),
  /** For shares: `atLeast` (>=) or `moreThan` (>). Counts are always `atLeast`. */
  comparison: z.enum(['atLeast', 'moreThan']).default('atLeast'),
});

export const planSchema = z
  .object({
    id: z.string().min(1),
    title: z.string().min(1),
    provinceCode: z.string().regex(/^\d{2}$/),
    period: z.object({ start: isoDay, end: isoDay }).refine((p) => p.start <= p.end, { error: 'period.start must not be after period.end' }),
    targets: z.record(z.string(), target),
  })
  .superRefine((plan, ctx) => {
    for (const id of Object.keys(plan.targets)) {
      if (!(INDICATOR_IDS as readonly string[]).includes(id)) {
        ctx.addIssue({ code: 'custom', path: ['targets', id], message: `unknown indicator id; known: ${INDICATOR_IDS.join(', ')}` });
      }
    }
  });

export type Plan = z.infer<typeof planSchema>;
export type PlanTarget = Plan['targets'][string];

export class InvalidPlanError extends Error {
  override name = 'InvalidPlanError';
}

export function parsePlan(data: unknown, origin = 'plan file'): Plan {
  const parsed = planSchema.safeParse(data);
  if (!parsed.success) throw new InvalidPlanError(`${origin}: ${z.prettifyError(parsed.error)}`, { cause: parsed.error });
  return parsed.data;
}

/** Plan 53/KH-UBND of Trà Vinh (2022-07-29 .. 2025-12-31): the default plan. */
export const PLAN_53_KH_UBND: Plan = parsePlan(plan53, 'domain/data/tra-vinh-plan-53-kh-ubnd.plan.json');

/** The plan in force on a day: the one whose period holds it, else the latest one begun before it, else the earliest. */
export function planInForce(plans: readonly Plan[], day: string): Plan {
  if (plans.length === 0) throw new InvalidPlanError('no plan loaded');
  const sorted = [...plans].sort((a, b) => a.period.start.localeCompare(b.period.start));
  return (
    sorted.find((p) => p.period.start <= day && day <= p.period.end) ??
    [...sorted].reverse().find((p) => p.period.start <= day) ??
    sorted[0]!
  );
}
