import { parseInboundEvent, type InboundEvent } from '../../../events';
import {
  activeCertificateOn,
  aggregateKeyOf,
  checkEventRules,
  computeSnapshot,
  endOfVnDay,
  firstRecognition,
  projectHistory,
  type KpiInputs,
  type KpiSnapshot,
  type ProductState,
  type ProductVerdict,
} from '../../../domain';
import { shippedUnitDirectory } from '../../../domain/data/shipped-units';
import { DEMO_LAST_DAY, OWNERS_END_2022, traVinhHistory } from '../../../local/demo/tra-vinh-history';
import { DEPLOYMENT_PROVINCE, PLAN_53_KH_UBND } from '../../support/shipped-data';

interface Folded {
  /** The folded state of every registered product. */
  products: ProductState[];
  /** What computeSnapshot takes. */
  inputs: KpiInputs;
  /** The product aggregates the history speaks of, registered or not. */
  productKeys: string[];
  verdicts: Map<string, ProductVerdict>;
}

/** Folds the history the way the projections do: per aggregate, in the order received (projectHistory). */
function fold(events: readonly InboundEvent[]): Folded {
  const { states, inputs, verdicts } = projectHistory(events, shippedUnitDirectory());
  const products = [...states].filter(([key]) => key.startsWith('PRODUCT#')).map(([, state]) => state as ProductState);
  const productKeys = [...new Set(events.map(aggregateKeyOf).filter((key) => key.startsWith('PRODUCT#')))];
  return { products, inputs, productKeys, verdicts };
}

function snapshotOn(inputs: KpiInputs, day: string): KpiSnapshot {
  return computeSnapshot(inputs, { asOf: endOfVnDay(day), plans: [PLAN_53_KH_UBND], province: DEPLOYMENT_PROVINCE, units: shippedUnitDirectory() });
}

function indicator(snapshot: KpiSnapshot, id: string): number {
  const found = snapshot.indicators.find((i) => i.id === id);
  if (!found) throw new Error(`no indicator ${id}`);
  return found.value;
}

function levels(snapshot: KpiSnapshot): Record<string, number> {
  return Object.fromEntries(Object.entries(snapshot.breakdown.byLevel).map(([level, { active }]) => [level, active]));
}

describe('traVinhHistory', () => {
  let events: InboundEvent[];
  let folded: Folded;

  beforeAll(() => {
    events = traVinhHistory();
    folded = fold(events);
  });

  it('is deterministic: two calls give the same events in the same order', () => {
    // Prepare
    const again = traVinhHistory();

    // Act
    const same = JSON.stringify(again) === JSON.stringify(events);

    // Assess
    expect(same).toBe(true);
    expect(events.length).toBeGreaterThan(2000);
  });

  it('gives every event a unique, stable, readable eventId and dates none after the last demo day', () => {
    // Act
    const ids = events.map((e) => e.detail.eventId);

    // Assess
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toContain('demo-2022-rated-TV842-0001');
    expect(ids.every((id) => /^demo-\d{4}-[a-z]+-[A-Za-z0-9-]+$/.test(id))).toBe(true);
    expect(events.every((e) => e.detail.occurredAt.slice(0, 10) <= DEMO_LAST_DAY)).toBe(true);
  });

  it('publishes events that pass validation and the business rules of Trà Vinh', () => {
    // Act
    const problems = events.flatMap((event) => {
      const parsed = parseInboundEvent({ source: event.source, 'detail-type': event.detailType, detail: JSON.parse(JSON.stringify(event.detail)) });
      if (!parsed.ok) return [`${event.detail.eventId}: ${parsed.reasons.join('; ')}`];
      return checkEventRules(parsed.event, shippedUnitDirectory()).map((reason) => `${event.detail.eventId}: ${reason}`);
    });

    // Assess
    expect(problems).toEqual([]);
  });

  it('folds without a rejection or an event waiting for its registration', () => {
    // Act
    const notAccepted = events.filter((e) => folded.verdicts.get(e.detail.eventId)?.verdict !== 'accepted').map((e) => e.detail.eventId);
    const unregistered = folded.productKeys.filter((key) => !folded.products.some((p) => `PRODUCT#${p.productId}` === key));

    // Assess
    expect(notAccepted).toEqual([]);
    expect(unregistered).toEqual([]);
    expect(folded.products).toHaveLength(folded.productKeys.length);
  });

  it('reports the published figures of 31/12/2022: 184 active, 137 at 3 stars, 38 at 4, 9 five-star potential', () => {
    // Act
    const snapshot = snapshotOn(folded.inputs, '2022-12-31');

    // Assess
    expect(indicator(snapshot, 'ocop.active')).toBe(184);
    expect(levels(snapshot)).toEqual({ '3': 137, '4': 38, '4-potential-5': 9, '5': 0 });
    expect(snapshot.province).toEqual({ code: '84', name: 'Trà Vinh' });
    expect(snapshot.plan?.id).toBe(PLAN_53_KH_UBND.id);
  });

  it('names Vĩnh Long on a day of 2026, with no plan in force since 1/1/2026 and the final results of Plan 53', () => {
    // Act
    const snapshot = snapshotOn(folded.inputs, '2026-11-23');

    // Assess
    expect(snapshot.province).toMatchObject({ code: '86', name: 'Vĩnh Long' });
    expect(snapshot.plan).toBeUndefined();
    expect(snapshot.noPlan).toEqual({ since: '2026-01-01' });
    expect(snapshot.indicators.filter((i) => i.target !== undefined)).toEqual([]);
    expect(snapshot.endedPlan?.indicators.map((i) => i.status).every((status) => status === 'met' || status === 'not_met')).toBe(true);
  });

  it('counts 2022 as 28 + 82 first recognitions and 22 re-recognitions, from 166 dossiers', () => {
    // Act
    const snapshot = snapshotOn(folded.inputs, '2022-12-31');

    // Assess
    expect(indicator(snapshot, 'ocop.recognized.year')).toBe(28 + 82);
    expect(indicator(snapshot, 'ocop.rerecognized.year')).toBe(22);
    expect(indicator(snapshot, 'dossiers.year')).toBe(166);
  });

  it('recognises 28 products on 22/8/2022 (7 at 4 stars, 21 at 3) and counts 104 products on 22/9/2022', () => {
    // Act
    const august = folded.products.flatMap((p) => p.decisions.filter((d) => d.decisionDate === '2022-08-22'));
    const september = snapshotOn(folded.inputs, '2022-09-22');

    // Assess
    expect(august.filter((d) => d.level === '4').length).toBe(7);
    expect(august.filter((d) => d.level === '3').length).toBe(21);
    expect(august.length).toBe(28);
    expect(indicator(september, 'ocop.active')).toBe(104);
  });

  it('recognises 104 products on 30/12/2022, 22 of them again, split by district as published', () => {
    // Prepare
    const byDistrict: Record<string, number> = {};
    let rerecognised = 0;

    // Act
    for (const product of folded.products) {
      const december = product.decisions.find((d) => d.decisionDate === '2022-12-30' && d.stars >= 3);
      if (!december) continue;
      const district = product.registration.districtCode;
      byDistrict[district] = (byDistrict[district] ?? 0) + 1;
      if (firstRecognition(product, '2022-12-30')!.eventId !== december.eventId) rerecognised += 1;
    }

    // Assess
    expect(byDistrict).toEqual({ '842': 22, '847': 16, '844': 15, '848': 14, '845': 10, '851': 8, '846': 8, '849': 6, '850': 5 });
    expect(rerecognised).toBe(22);
  });

  it('has 118 owners of active products at the end of 2022: 72 households, 25 enterprises, 19 cooperatives, 2 cooperative groups', () => {
    // Prepare
    const owners = new Map<string, string>();

    // Act
    for (const product of folded.products) {
      if (activeCertificateOn(product, '2022-12-31')) owners.set(product.registration.subject.name, product.registration.subject.kind);
    }
    const byKind: Record<string, number> = {};
    for (const kind of owners.values()) byKind[kind] = (byKind[kind] ?? 0) + 1;

    // Assess
    expect(owners.size).toBe(118);
    expect(byKind).toEqual(OWNERS_END_2022);
  });

  it('has recognised 393 products by mid-January 2025', () => {
    // Act
    const recognised = folded.products.filter((p) => firstRecognition(p, '2025-01-15')).length;

    // Assess
    expect(recognised).toBe(393);
  });

  it('keeps the story going into 2025-2026: lapses, revocations, re-recognitions and certificates about to expire', () => {
    // Act
    const today = snapshotOn(folded.inputs, '2026-11-23');
    const revoked = events.filter((e) => e.detailType === 'ProductCertificateRevoked');
    const upgraded = events.filter((e) => e.detailType === 'ProductUpgraded');

    // Assess
    expect(indicator(today, 'ocop.rerecognized.year')).toBeGreaterThan(0);
    expect(indicator(today, 'certificates.expiring')).toBeGreaterThan(0);
    // No plan is in force in 2026: Plan 53's final result carries the geographical indication of its period.
    expect(today.endedPlan?.indicators.find((i) => i.id === 'ip.geographical_indication')).toMatchObject({ value: 1, final: true });
    expect(indicator(today, 'traceability.coverage')).toBeGreaterThan(0.5);
    expect(revoked.length).toBeGreaterThan(3);
    expect(upgraded.length).toBeGreaterThan(3);
  });

  it('is published from 2025-07-01 by the communes and wards of 2025 and the province, never by a district', () => {
    // Prepare
    const units = shippedUnitDirectory();
    const after = events.filter((e) => e.detail.occurredAt.slice(0, 10) >= '2025-07-01');

    // Act
    const sources = new Set(after.map((e) => e.source.replace(/\d+$/, '<code>')));
    const communes = new Set(after.filter((e) => e.source.startsWith('ocop.commune.')).map((e) => e.source.slice('ocop.commune.'.length)));
    const notInForce = [...communes].filter((code) => units.unitOn(code, '2025-07-01')?.province !== '86');
    const withDistrict = after.filter((e) => e.detail.districtCode !== undefined).map((e) => e.detail.eventId);

    // Assess
    expect([...sources].sort()).toEqual(['ocop.commune.<code>', 'ocop.province']);
    expect(communes.size).toBeGreaterThan(20);
    expect(notInForce).toEqual([]);
    expect(withDistrict).toEqual([]);
  });

  it('lists products on the marketplaces of the province and enrols them in both traceability systems', () => {
    // Act
    const marketplaces = new Set(events.flatMap((e) => (e.detailType === 'ProductListedOnMarketplace' ? [e.detail.marketplace] : [])));
    const systems = new Set(events.flatMap((e) => (e.detailType === 'ProductTraceabilityEnrolled' ? [e.detail.system] : [])));
    const portal = events.filter((e) => e.detailType === 'ProductTraceabilityEnrolled' && e.detail.system === 'national-portal');

    // Assess
    expect([...marketplaces].sort()).toEqual(['lazada', 'postmart', 'shopee', 'tiki', 'tiktok-shop', 'travinhtrade', 'voso']);
    expect([...systems].sort()).toEqual(['national-portal', 'travinh-qr']);
    expect(portal.every((e) => e.detailType === 'ProductTraceabilityEnrolled' && e.detail.enrolledAt >= '2024-10-01')).toBe(true);
  });
});
