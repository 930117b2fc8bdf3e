import { isDeepStrictEqual } from 'node:util';
import { inboundCatalog, type InboundEvent } from '../events';
import { checkEventRules, computeSnapshot, planInForce, projectHistory, vnDayOf, type KpiSnapshot } from '../domain';
import { shippedUnitDirectory } from '../domain/data/shipped-units';
import { defaultPlansOfDeployment, provinceOfDeployment } from '../functions/shared/province-config';

/**
 * What the province's snapshot must say once every benchmark event is
 * projected, computed with the domain directly from the events (no storage).
 */
export class InvalidBenchEventError extends Error {
  override name = 'InvalidBenchEventError';
}

/** Throws when an event would be rejected: the benchmark measures accepted events. */
export function assertValid(events: readonly InboundEvent[]): void {
  const directory = shippedUnitDirectory();
  for (const event of events) {
    const parsed = inboundCatalog[event.detailType]().safeParse(event.detail);
    const reasons = parsed.success ? checkEventRules(event, directory) : parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    if (reasons.length > 0) throw new InvalidBenchEventError(`${event.detail.eventId} would be rejected: ${reasons.join('; ')}`);
  }
}

export function expectedSnapshot(events: readonly InboundEvent[], asOf: string): KpiSnapshot {
  return computeSnapshot(projectHistory(events, shippedUnitDirectory()).inputs, {
    asOf,
    plans: defaultPlansOfDeployment(),
    province: provinceOfDeployment(),
    // npm start (which the benchmark runs) loads the shipped units files.
    units: shippedUnitDirectory(),
  });
}

/** Same figures, whatever the instant and the key order (a snapshot read back has its maps' keys in another order). */
export function sameFigures(a: KpiSnapshot, b: KpiSnapshot): boolean {
  const figures = (snapshot: KpiSnapshot): unknown => JSON.parse(JSON.stringify({ ...snapshot, asOf: undefined }));
  return isDeepStrictEqual(figures(a), figures(b));
}

/** The value of one indicator. */
export function indicatorValue(snapshot: KpiSnapshot, id: string): number | undefined {
  return snapshot.indicators.find((indicator) => indicator.id === id)?.value;
}
