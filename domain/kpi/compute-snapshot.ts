import { IP_KINDS, PRODUCT_GROUPS } from '../../events';
import { addDays, endOfVnDay, vnDayOf, yearOf, type IsoDay } from '../calendar';
import { activeCertificateOn, firstRecognition, isListedOn } from '../certificate';
import { plansOn, type Plan } from '../plan';
import type { IpGrant, ScienceTask } from '../province-facts';
import type { Province } from '../province';
import { territoryOn, type TerritoryOn, type Unit, type UnitDirectory } from '../units';
import { LEVELS, MIN_OCOP_STARS, type OcopLevel } from '../stars';
import { EXPIRING_WITHIN_DAYS, INDICATORS, type IndicatorId } from './indicators';
import { recordUnitOn, type ProductKpiRecord } from './kpi-record';
import type { DistrictBreakdown, EndedPlan, ExpiringCertificate, Indicator, KpiSnapshot, UnassignedBreakdown, UnitBreakdown } from './snapshot';
import { share } from './status';
import { judgeIndicator } from './plan-targets';
import { belongsTo, notesOfDay, provinceOfDay } from './province-scope';

export interface KpiInputs {
  /** The products' KPI records (kpi-record.ts). */
  products: readonly ProductKpiRecord[];
  ipGrants: readonly IpGrant[];
  scienceTasks: readonly ScienceTask[];
}

export interface KpiContext {
  /** The instant to describe; indicators are counted on its Vietnamese day. */
  asOf: string;
  /** Every plan loaded: the one in force on the day gives the targets (plansOn); none may be. */
  plans: readonly Plan[];
  /** The deployment's province over time: the day's province names the snapshot and bounds what it counts. */
  province: Province;
  /** The administrative units over time (the units store; domain/data/units/ in tests): byUnit is by those in force on asOf. */
  units: UnitDirectory;
}

const zeroLevels = (): Record<OcopLevel, number> => ({ '3': 0, '4': 0, '4-potential-5': 0, '5': 0 });

/**
 * The province's KPI snapshot at `asOf`, from the KPI records (CONTRACT §2).
 * Pure, and in memory: 20,000 products take milliseconds.
 */
export function computeSnapshot(inputs: KpiInputs, context: KpiContext): KpiSnapshot {
  const { asOf, plans, province, units } = context;
  const day = vnDayOf(asOf);
  const { period: provinceToday, ref: provinceRef } = provinceOfDay(province, day);
  const { inForce: plan, ended, since, next } = plansOn(plans, day);
  const year = yearOf(day);
  const yearStart: IsoDay = `${year}-01-01`;
  /** Expiring: valid until at most EXPIRING_WITHIN_DAYS after the day (certificate.ts expiresWithin, computed once). */
  const expiringBy = addDays(day, EXPIRING_WITHIN_DAYS);
  const inYear = (d: IsoDay) => d >= yearStart && d <= day;
  // Counts of the plan period; with no plan in force, of the year.
  const inPlan = plan ? (d: IsoDay) => d >= plan.period.start && d <= plan.period.end && d <= day : inYear;

  const byLevel = zeroLevels();
  const byGroup: Record<string, { active: number }> = Object.fromEntries(PRODUCT_GROUPS.map((group) => [group, { active: 0 }]));
  const byDistrict: Record<string, DistrictBreakdown> = Object.fromEntries(
    province.units.map((unit) => [unit.code, emptyDistrict(unit.name)]),
  );
  const byUnit: Record<string, UnitBreakdown> = Object.fromEntries(units.unitsOn(day).map((unit) => [unit.code, emptyUnit(unit)]));
  const unassigned: Record<string, UnassignedBreakdown> = {};
  const placeOf = territoriesOn(units, day);
  const expiring: ExpiringCertificate[] = [];
  let active = 0;
  let traceable = 0;
  let listed = 0;
  let recognized = 0;
  let recognizedAt4 = 0;
  let recognizedAt5 = 0;
  let rerecognized = 0;
  let dossiers = 0;

  for (const product of inputs.products) {
    // A product counts from its registration on, whatever the dates of its decisions.
    if (product.registeredOn > day) continue;
    const unitCode = recordUnitOn(product, day);
    // The registered commune narrows the registered unit's successors; after a transfer the record's unit is the province's word.
    const place = placeOf(unitCode, unitCode === product.units[0]!.unitCode ? product.communeCode : undefined);
    if (!belongsTo(provinceToday, place)) continue;
    const district = (byDistrict[unitCode] ??= emptyDistrict());
    const unit = place.kind === 'unit' ? (byUnit[place.unit.code] ??= emptyUnit(place.unit)) : unassignedBucket(unassigned, units, unitCode, place);
    const rows = [district, unit];
    if (inYear(product.registeredOn)) dossiers += 1;

    const first = firstRecognition(product, day);
    if (first && inYear(first.decisionDate)) {
      recognized += 1;
      for (const row of rows) row.recognizedThisYear += 1;
      if (first.level === '4' || first.level === '4-potential-5') recognizedAt4 += 1;
      if (first.level === '5') recognizedAt5 += 1;
    }
    if (product.decisions.some((d) => d !== first && d.stars >= MIN_OCOP_STARS && inYear(d.decisionDate))) {
      rerecognized += 1;
    }

    const certificate = activeCertificateOn(product, day);
    if (!certificate?.level) continue;
    active += 1;
    byLevel[certificate.level] += 1;
    for (const row of rows) {
      row.active += 1;
      row.byLevel[certificate.level] += 1;
    }
    (byGroup[product.group] ??= { active: 0 }).active += 1;
    if (product.tracedFrom !== undefined && product.tracedFrom <= day) {
      traceable += 1;
      for (const row of rows) row.traceable += 1;
    }
    if (isListedOn(product.listed, day)) {
      listed += 1;
      for (const row of rows) row.listed += 1;
    }
    if (certificate.validUntil <= expiringBy) {
      for (const row of rows) row.expiring += 1;
      expiring.push({
        productId: product.productId,
        name: product.name,
        districtCode: unitCode,
        validUntil: certificate.validUntil,
        level: certificate.level,
      });
    }
  }

  const factCounts = (fact: { districtCode?: string; ownerUnit?: string }) => {
    const code = fact.ownerUnit ?? fact.districtCode;
    return code === undefined || belongsTo(provinceToday, placeOf(code, undefined));
  };
  const values: Record<IndicatorId, number> = {
    'ocop.active': active,
    'ocop.recognized.year': recognized,
    'ocop.rerecognized.year': rerecognized,
    'ocop.share4.year': share(recognizedAt4, recognized),
    'ocop.share5.year': share(recognizedAt5, recognized),
    'traceability.coverage': share(traceable, active),
    'ecommerce.coverage': share(listed, active),
    ...(Object.fromEntries(
      IP_KINDS.map((kind) => [`ip.${kind}`, inputs.ipGrants.filter((g) => g.kind === kind && inPlan(g.grantedAt) && factCounts(g)).length]),
    ) as Record<`ip.${(typeof IP_KINDS)[number]}`, number>),
    'science.tasks': inputs.scienceTasks.filter((t) => inPlan(t.approvedAt) && factCounts(t)).length,
    'dossiers.year': dossiers,
    'certificates.expiring': expiring.length,
  };

  const indicators = (Object.keys(INDICATORS) as IndicatorId[]).map((id): Indicator => judgeIndicator(id, values[id], plan, day));
  const notes = notesOfDay(provinceToday, day);
  const endedPlan = ended && endedPlanResults(inputs, context, ended);

  expiring.sort((a, b) => a.validUntil.localeCompare(b.validUntil) || a.productId.localeCompare(b.productId));
  return {
    asOf,
    asOfDay: day,
    province: provinceRef,
    ...(plan ? { plan: planRef(plan) } : { noPlan: { ...(since !== undefined && { since }), ...(next && { next: planRef(next) }) } }),
    ...(endedPlan && { endedPlan }),
    ...(notes.length > 0 && { notes }),
    indicators,
    breakdown: { byLevel: mapLevels(byLevel), byDistrict, byGroup, byUnit, unassigned },
    expiring,
  };
}

const planRef = (plan: Plan) => ({ id: plan.id, title: plan.title, period: plan.period });

/** Final results of ended plans, per inputs (the read model's object) and context: a trend asks for many days. */
const endedResults = new WeakMap<KpiInputs, Map<string, { context: Omit<KpiContext, 'asOf' | 'plans'>; result: EndedPlan }>>();

/** A plan's final results: its indicators with a target as on the last day of its period, with that day's notes. */
function endedPlanResults(inputs: KpiInputs, context: KpiContext, plan: Plan): EndedPlan {
  const key = JSON.stringify(plan);
  const known = endedResults.get(inputs)?.get(key);
  if (known && known.context.province === context.province && known.context.units === context.units) return known.result;
  const last = computeSnapshot(inputs, { ...context, asOf: endOfVnDay(plan.period.end), plans: [plan] });
  const result: EndedPlan = {
    ...planRef(plan),
    indicators: last.indicators.filter((indicator) => indicator.target !== undefined),
    ...(last.notes && { notes: last.notes }),
  };
  if (!endedResults.has(inputs)) endedResults.set(inputs, new Map());
  endedResults.get(inputs)!.set(key, { context: { province: context.province, units: context.units }, result });
  return result;
}

function emptyDistrict(name?: string): DistrictBreakdown {
  return { ...(name !== undefined && { name }), active: 0, byLevel: zeroLevels(), recognizedThisYear: 0, traceable: 0, listed: 0, expiring: 0 };
}

function emptyUnit(unit: Unit): UnitBreakdown {
  return { ...emptyDistrict(), name: unit.name, kind: unit.kind };
}

/**
 * The bucket of the products recorded under a former unit that no single unit in force holds: never guessed, never
 * dropped. Its candidates are those of all its products (a registered commune may have narrowed some to fewer).
 */
function unassignedBucket(
  unassigned: Record<string, UnassignedBreakdown>,
  units: UnitDirectory,
  code: string,
  place: Exclude<TerritoryOn, { kind: 'unit' }>,
): UnassignedBreakdown {
  const bucket = (unassigned[code] ??= { ...emptyDistrict(units.units.find((unit) => unit.code === code)?.name), reason: place.kind, candidates: [] });
  if (place.kind === 'ambiguous') {
    const added = place.candidates.filter((candidate) => !bucket.candidates.some((known) => known.code === candidate.code));
    if (added.length > 0) {
      bucket.candidates.push(...added.map((candidate) => ({ code: candidate.code, name: candidate.name })));
      bucket.candidates.sort((a, b) => a.code.localeCompare(b.code));
    }
  }
  return bucket;
}

/** territoryOn for one day, remembered per (unit, commune hint): a province has few units and many products. */
function territoriesOn(units: UnitDirectory, day: IsoDay): (code: string, communeCode: string | undefined) => TerritoryOn {
  const known = new Map<string, TerritoryOn>();
  return (code, communeCode) => {
    const key = `${code}|${communeCode ?? ''}`;
    let place = known.get(key);
    if (place === undefined) known.set(key, (place = territoryOn(units, code, day, communeCode)));
    return place;
  };
}

function mapLevels(counts: Record<OcopLevel, number>): Record<OcopLevel, { active: number }> {
  return Object.fromEntries(LEVELS.map((level) => [level, { active: counts[level] }])) as Record<OcopLevel, { active: number }>;
}
