/**
 * The demo after the merger of 1/7/2025: the registers of the former Vĩnh Long (86) and Bến Tre (83)
 * as the provinces kept them (one row per product, with its current certificate), and how the merged
 * province of Vĩnh Long grew afterwards. Pure and deterministic: a seeded PRNG, no clock.
 *
 * The published figures it reproduces (local/demo/README.md names the sources):
 * - former Vĩnh Long, April 2025 (held on 2025-04-30): 230 active, 2 at 5 stars, 79 at 4, 149 at 3, from
 *   133 owners (30 enterprises, 31 cooperatives, 6 cooperative groups, 66 households); 98 recognised in
 *   2024 (63 by the district councils at 3 stars, 35 by the province at 4);
 * - Bến Tre: 316 products recognised by the end of 2024 from 159 owners (39 enterprises, 31 cooperatives,
 *   3 cooperative groups, 86 households), 68 of them certified in 2024 (56 at 3 stars, 11 at 4, 1 at 5);
 *   "about 252" before the merger, read as 252 in force on 2025-06-30;
 * - the merged province on 2025-11-26 (with Trà Vinh's history, tra-vinh-history.ts): 1,137 active (13 at
 *   5 stars, 6 with five-star potential, 202 at 4, 916 at 3), 149 first recognised in 2025 (130 at 3, 18 at
 *   4, 1 with five-star potential).
 * The figures do not add up by themselves (Trà Vinh 404 + former Vĩnh Long 230 + Bến Tre 252 is far from
 * 1,137 even with the 149 new ones); the demo reads the difference as certificates that had lapsed before
 * the merger and that the merged province re-recognised in its first two rounds (26/9 and 14/11/2025).
 * A register holds only each product's current certificate, so no product of the two registers was
 * re-recognised in 2025 before the import: each 2025 certificate in them is a first recognition.
 * Dates, decision numbers, owners, product names and the split by district are generated.
 */
import { communeSource, PROVINCE_SOURCE, type Council, type InboundEvent, type ProductGroup, type SubjectKind } from '../../events';
import { addDays, addMonths, TWO_TIER_FROM, type IsoDay, type OcopLevel } from '../../domain';
import type { ProductRegisterRow } from '../../report/register/columns';
import { demoUnitDirectory, districtsOf, formerCommunesOf, successorOn } from './demo-units';
import { SeededRandom } from './prng';
import { POST_REFORM_PROVINCE_ROUNDS } from './tra-vinh-history';
import {
  FAMILY_NAMES,
  FORMER_PROVINCE_ENTERPRISE_TRADES,
  FORMER_PROVINCE_PRODUCT_KINDS,
  GIVEN_NAMES,
  MIDDLE_NAMES,
  COOPERATIVE_GROUP_TRADES,
  COOPERATIVE_TRADES,
  ENTERPRISE_FORMS,
} from './vietnamese-names';

// ---------------------------------------------------------------------------
// Data tables
// ---------------------------------------------------------------------------

export const MERGED_DEMO_SEED = 86_2025;
/** The day the two registers are imported (as workbooks, through the import): after the merger, before any event of the merged province on their products. */
export const REGISTER_IMPORT_DAY: IsoDay = '2025-07-21';

export type FormerProvince = '86' | '83';
/** The district-level units of each former province up to 2025-06-30, from the shipped units files (vinh-long-districts, ben-tre-districts). */
export const FORMER_PROVINCE_DISTRICTS: Record<FormerProvince, readonly string[]> = {
  '86': districtsOf(demoUnitDirectory(), '86'),
  '83': districtsOf(demoUnitDirectory(), '83'),
};

type Stars = 3 | 4 | 5;

/** A batch of certificates the register shows as current: [decision date, decision number, council, stars, how many]. */
type Cohort = readonly [IsoDay, string, Council, Stars, number];

/** The current certificates of the former Vĩnh Long's register (sums in the comments). */
const VINH_LONG_COHORTS: readonly Cohort[] = [
  // Lapsed before 2025 and not renewed (80, all 3 stars): the pool the merged province re-recognises from.
  ['2019-12-18', '2561/QĐ-UBND', 'province', 3, 25],
  ['2020-12-15', '2702/QĐ-UBND', 'province', 3, 28],
  ['2021-12-20', '2890/QĐ-UBND', 'province', 3, 27],
  // 230 in force on 2025-04-30: 149 at 3 stars, 79 at 4, 2 at 5.
  ['2022-06-15', '1204/QĐ-UBND', 'province', 3, 20], // lapses on 2025-06-15, just before the merger
  ['2022-06-15', '1204/QĐ-UBND', 'province', 4, 6],
  ['2022-12-20', '2911/QĐ-UBND', 'province', 3, 20],
  ['2022-12-20', '2911/QĐ-UBND', 'province', 4, 10],
  ['2023-07-20', 'district', 'district', 3, 22],
  ['2023-12-12', 'district', 'district', 3, 24],
  ['2023-08-25', '1876/QĐ-UBND', 'province', 4, 14],
  ['2023-12-22', '2977/QĐ-UBND', 'province', 4, 14],
  ['2024-06-20', 'district', 'district', 3, 30], // 2024: 63 by the districts, 35 by the province
  ['2024-12-10', 'district', 'district', 3, 33],
  ['2024-07-26', '1590/QĐ-UBND', 'province', 4, 17],
  ['2024-12-18', '2846/QĐ-UBND', 'province', 4, 18],
  ['2024-11-20', '1962/QĐ-BNNPTNT', 'central', 5, 2],
  // First recognised in 2025 before the merger (after April): 18 at 3 stars, 4 at 4.
  ['2025-06-12', 'district', 'district', 3, 18],
  ['2025-06-24', '1435/QĐ-UBND', 'province', 4, 4],
];

/** The current certificates of Bến Tre's register. */
const BEN_TRE_COHORTS: readonly Cohort[] = [
  // Lapsed before 2025 (108, 3 stars): 316 recognised by the end of 2024 = these + the 208 in force.
  ['2019-12-26', '3012/QĐ-UBND', 'province', 3, 30],
  ['2020-12-22', '2988/QĐ-UBND', 'province', 3, 40],
  ['2021-06-18', '1421/QĐ-UBND', 'province', 3, 38],
  // 208 in force at the end of 2024 and on 2025-11-26: 187 at 3 stars, 18 at 4, 3 at 5.
  ['2022-12-28', '2950/QĐ-UBND', 'province', 3, 40],
  ['2022-12-28', '2950/QĐ-UBND', 'province', 4, 3],
  ['2023-06-28', 'district', 'district', 3, 45],
  ['2023-11-30', 'district', 'district', 3, 46],
  ['2023-09-15', '1998/QĐ-UBND', 'province', 4, 4],
  ['2023-08-10', '2010/QĐ-BNNPTNT', 'central', 5, 2],
  ['2024-06-25', 'district', 'district', 3, 27], // 2024: 68 = 56 at 3 stars, 11 at 4, 1 at 5
  ['2024-11-28', 'district', 'district', 3, 29],
  ['2024-08-22', '1785/QĐ-UBND', 'province', 4, 5],
  ['2024-12-16', '2801/QĐ-UBND', 'province', 4, 6],
  ['2024-10-30', '2233/QĐ-BNNPTNT', 'central', 5, 1],
  // First recognised in 2025 before the merger: 40 at 3 stars, 4 at 4 (252 in force on 2025-06-30).
  ['2025-05-28', 'district', 'district', 3, 40],
  ['2025-06-18', '1380/QĐ-UBND', 'province', 4, 4],
];

/** Owners of the products in force on a day, as published (DOMAIN.md and local/demo/README.md). */
const OWNERS: Record<FormerProvince, { day: IsoDay; scope: 'active' | 'recognised'; kinds: Record<SubjectKind, number> }> = {
  '86': { day: '2025-04-30', scope: 'active', kinds: { enterprise: 30, cooperative: 31, cooperative_group: 6, household: 66 } },
  '83': { day: '2024-12-31', scope: 'recognised', kinds: { enterprise: 39, cooperative: 31, cooperative_group: 3, household: 86 } },
};

/**
 * The merged province's rounds on the products of the two registers and on new products of its communes.
 * `renew`: which current certificates it re-recognises (those ending in the window, or lapsed in it), how many, at what stars.
 * `fresh`: new products registered by communes and recognised in the round: [3 stars, 4 stars].
 */
interface MergedRound {
  decisionDate: IsoDay;
  decisionNo: string;
  registered: readonly [IsoDay, IsoDay];
  fresh: readonly [number, number];
  renew: ReadonlyArray<{ province: FormerProvince; validUntil: readonly [IsoDay, IsoDay]; count: number | 'share'; stars?: Stars; share?: number }>;
}

const [DECEMBER_2025, JUNE_2026, OCTOBER_2026] = POST_REFORM_PROVINCE_ROUNDS;

const MERGED_ROUNDS: readonly MergedRound[] = [
  {
    // 26/9/2025: the former Vĩnh Long's round of June 2022 re-recognised (the 20 at 3 stars, 5 of the 6 at 4: the first 25 in the register's order); 29 new.
    decisionDate: '2025-09-26', decisionNo: '2206/QĐ-UBND', registered: ['2025-07-15', '2025-09-05'], fresh: [26, 3],
    renew: [
      { province: '86', validUntil: ['2025-06-15', '2025-06-15'], count: 25 },
    ],
  },
  {
    // 14/11/2025: 177 products whose certificates had lapsed years before (100 of Bến Tre, 77 of the former Vĩnh Long), at 3 stars; 24 new.
    decisionDate: '2025-11-14', decisionNo: '2680/QĐ-UBND', registered: ['2025-08-01', '2025-10-20'], fresh: [22, 2],
    renew: [
      { province: '83', validUntil: ['2019-01-01', '2024-12-31'], count: 100, stars: 3 },
      { province: '86', validUntil: ['2019-01-01', '2024-12-31'], count: 77, stars: 3 },
    ],
  },
  {
    decisionDate: DECEMBER_2025!.decisionDate, decisionNo: DECEMBER_2025!.decisionNo, registered: ['2025-09-15', '2025-11-30'], fresh: [20, 3],
    renew: [
      { province: '86', validUntil: ['2025-11-27', '2026-03-31'], count: 'share', share: 0.85 },
      { province: '83', validUntil: ['2025-11-27', '2026-03-31'], count: 'share', share: 0.85 },
    ],
  },
  {
    decisionDate: JUNE_2026!.decisionDate, decisionNo: JUNE_2026!.decisionNo, registered: ['2026-01-05', '2026-05-31'], fresh: [18, 2],
    renew: [
      { province: '86', validUntil: ['2026-04-01', '2026-09-30'], count: 'share', share: 0.8 },
      { province: '83', validUntil: ['2026-04-01', '2026-09-30'], count: 'share', share: 0.8 },
    ],
  },
  {
    decisionDate: OCTOBER_2026!.decisionDate, decisionNo: OCTOBER_2026!.decisionNo, registered: ['2026-05-01', '2026-09-30'], fresh: [15, 2],
    renew: [
      { province: '86', validUntil: ['2026-10-01', '2027-01-31'], count: 'share', share: 0.6 },
      { province: '83', validUntil: ['2026-10-01', '2027-01-31'], count: 'share', share: 0.6 },
    ],
  },
];

// ---------------------------------------------------------------------------
// The register rows and the plan behind them
// ---------------------------------------------------------------------------

interface PlannedDecision {
  date: IsoDay;
  decisionNo: string;
  council: Council;
  stars: Stars;
  score: number;
}

interface PlannedProduct {
  productId: string;
  province: FormerProvince | 'merged';
  district?: string;
  /** Former commune (pre-2025) for products of the registers; the commune of 2025 for new ones. */
  commune: string;
  registeredOn: IsoDay;
  /** Decisions in date order: those up to the import day are the register's, the current one last among them. */
  decisions: PlannedDecision[];
  name?: string;
  group?: ProductGroup;
  owner?: Owner;
}

interface Owner {
  name: string;
  kind: SubjectKind;
}

export class MergedProvinceDemoError extends Error {
  override name = 'MergedProvinceDemoError';
}

const validUntil = (decision: PlannedDecision): IsoDay => addMonths(decision.date, 36);

function isActiveOn(product: PlannedProduct, day: IsoDay): boolean {
  const decision = product.decisions.filter((d) => d.date <= day).at(-1);
  return decision !== undefined && validUntil(decision) >= day;
}

let planned: PlannedProduct[] | undefined;

/** The whole plan, once per process (deterministic). */
function plan(): PlannedProduct[] {
  if (planned) return planned;
  const random = new SeededRandom(MERGED_DEMO_SEED);
  const directory = demoUnitDirectory();
  const products: PlannedProduct[] = [];
  const sequence = new Map<string, number>();
  const nextId = (prefix: string) => {
    const next = (sequence.get(prefix) ?? 0) + 1;
    sequence.set(prefix, next);
    return `${prefix}-${String(next).padStart(4, '0')}`;
  };
  const districtDecisionNo = (district: string, date: IsoDay) => `${(Number(district) * 7 + Number(date.slice(5, 7)) * 31 + Number(date.slice(8))) % 1900 + 100}/QĐ-UBND`;

  // The two registers: products spread over the districts, each in a former commune with a single 2025 successor.
  for (const [province, cohorts] of [['86', VINH_LONG_COHORTS], ['83', BEN_TRE_COHORTS]] as const) {
    const districts = FORMER_PROVINCE_DISTRICTS[province];
    for (const [date, decisionNo, council, stars, count] of cohorts) {
      for (let i = 0; i < count; i += 1) {
        const district = random.pick(districts);
        const communes = formerCommunesOf(directory, district, districts);
        const registeredOn = addDays(date, -random.int(60, 240));
        products.push({
          productId: nextId(`${province}-${district}`),
          province,
          district,
          commune: random.pick(communes),
          registeredOn,
          decisions: [{ date, decisionNo: council === 'district' ? districtDecisionNo(district, date) : decisionNo, council, stars, score: scoreFor(stars, random) }],
        });
      }
    }
  }

  // The merged province's rounds: re-recognitions, then new products of its communes.
  const communes = directory.unitsOn(TWO_TIER_FROM).filter((unit) => unit.province === '86').map((unit) => unit.code).sort();
  for (const round of MERGED_ROUNDS) {
    for (const rule of round.renew) {
      const candidates = products.filter((p) => {
        if (p.province !== rule.province) return false;
        const current = p.decisions.filter((d) => d.date < round.decisionDate).at(-1)!;
        // 5 stars is the central council's: the province does not re-rate them.
        if (current.stars === 5) return false;
        const end = validUntil(current);
        return end >= rule.validUntil[0] && end <= rule.validUntil[1];
      });
      const count = rule.count === 'share' ? Math.round(candidates.length * rule.share!) : rule.count;
      if (count > candidates.length) throw new MergedProvinceDemoError(`${round.decisionDate}: ${count} re-recognitions asked of ${candidates.length} candidates in ${rule.province}`);
      const chosen = rule.count === 'share' ? random.shuffle(candidates).slice(0, count) : candidates.slice(0, count);
      for (const product of chosen) {
        // The province awards up to 4 stars: a certificate keeps its stars, or takes the round's.
        const stars = rule.stars ?? product.decisions.at(-1)!.stars;
        product.decisions.push({ date: round.decisionDate, decisionNo: round.decisionNo, council: 'province', stars, score: scoreFor(stars, random) });
      }
    }
    round.fresh.forEach((count, column) => {
      for (let i = 0; i < count; i += 1) {
        const commune = random.pick(communes);
        const stars = (column === 0 ? 3 : 4) as Stars;
        products.push({
          productId: nextId(`86-${commune}`),
          province: 'merged',
          commune,
          registeredOn: randomDay(random, round.registered),
          decisions: [{ date: round.decisionDate, decisionNo: round.decisionNo, council: 'province', stars, score: scoreFor(stars, random) }],
        });
      }
    });
  }

  assignOwners(products, random);
  nameProducts(products, random);
  planned = products;
  return products;
}

function scoreFor(stars: Stars, random: SeededRandom): number {
  if (stars === 3) return random.int(52, 69);
  if (stars === 4) return random.int(70, 88);
  return random.int(90, 95);
}

function randomDay(random: SeededRandom, [from, to]: readonly [IsoDay, IsoDay]): IsoDay {
  const span = Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000);
  return addDays(from, random.int(0, span));
}

/** The place a product's owner takes its name from: its commune of 2025, without "Xã"/"Phường". */
function placeOf(product: PlannedProduct): string {
  const directory = demoUnitDirectory();
  const code = product.province === 'merged' ? product.commune : successorOn(directory, product.district!, product.commune, TWO_TIER_FROM);
  return directory.unitOn(code, TWO_TIER_FROM)!.name.replace(/^(Xã|Phường) /, '');
}

/**
 * Owners: for each register, exactly the published owners (kinds as published) hold the products in its
 * scope (in force on the day, or recognised by it), each at least one; the other products go to one of them
 * or to a new owner.
 */
function assignOwners(products: PlannedProduct[], random: SeededRandom): void {
  const names = new Set<string>();
  const newOwner = (kind: SubjectKind, place: string): Owner => {
    for (let attempt = 0; ; attempt += 1) {
      const suffix = attempt > 20 ? ` ${attempt}` : '';
      const name =
        kind === 'household'
          ? `Hộ kinh doanh ${random.pick(FAMILY_NAMES)} ${random.pick(MIDDLE_NAMES)} ${random.pick(GIVEN_NAMES)}${suffix}`
          : kind === 'enterprise'
            ? `${random.pick(ENTERPRISE_FORMS)} ${random.pick(FORMER_PROVINCE_ENTERPRISE_TRADES)} ${place}${suffix}`
            : kind === 'cooperative'
              ? `Hợp tác xã ${random.pick(COOPERATIVE_TRADES)} ${place}${suffix}`
              : `Tổ hợp tác ${random.pick(COOPERATIVE_GROUP_TRADES)} ${place}${suffix}`;
      if (!names.has(name)) {
        names.add(name);
        return { name, kind };
      }
    }
  };
  const pools = new Map<string, Owner[]>();
  for (const province of ['86', '83'] as const) {
    const { day, scope, kinds } = OWNERS[province];
    const inScope = random.shuffle(
      products.filter((p) => p.province === province && (scope === 'active' ? isActiveOn(p, day) : p.decisions.some((d) => d.date <= day))),
    );
    const ownerKinds = random.shuffle(Object.entries(kinds).flatMap(([kind, n]) => Array<SubjectKind>(n).fill(kind as SubjectKind)));
    if (ownerKinds.length > inScope.length) throw new MergedProvinceDemoError(`${province}: more owners than products in scope`);
    const owners = ownerKinds.map((kind, i) => newOwner(kind, placeOf(inScope[i]!)));
    inScope.forEach((product, i) => (product.owner = owners[i] ?? random.pick(owners)));
    pools.set(province, owners);
  }
  for (const product of products.filter((p) => !p.owner)) {
    const pool = pools.get(product.province === 'merged' ? random.pick(['86', '83']) : product.province)!;
    if (random.chance(0.3)) {
      product.owner = random.pick(pool);
    } else {
      const roll = random.next();
      const kind: SubjectKind = roll < 0.6 ? 'household' : roll < 0.8 ? 'enterprise' : 'cooperative';
      product.owner = newOwner(kind, placeOf(product));
      pool.push(product.owner);
    }
  }
}

function nameProducts(products: PlannedProduct[], random: SeededRandom): void {
  const taken = new Set<string>();
  for (const product of products) {
    const kinds = FORMER_PROVINCE_PRODUCT_KINDS[product.province === 'merged' ? random.pick(['86', '83'] as const) : product.province];
    const brand = product.owner!.kind === 'household' ? product.owner!.name.split(' ').at(-1)! : placeOf(product);
    for (let attempt = 0; ; attempt += 1) {
      const kind = random.pick(kinds);
      const name = `${kind.name} ${brand}${attempt > 30 ? ` loại ${attempt}` : ''}`;
      if (taken.has(name)) continue;
      taken.add(name);
      product.name = name;
      product.group = kind.group;
      break;
    }
  }
}

// ---------------------------------------------------------------------------
// What the demo publishes
// ---------------------------------------------------------------------------

/**
 * The register of a former province as the import reads it (report/register/columns.ts), as of the import
 * day: every product it ever recognised, with its current certificate; no listings or traceability.
 */
export function formerRegister(province: FormerProvince): ProductRegisterRow[] {
  return plan()
    .filter((p) => p.province === province)
    .map((product) => {
      const current = product.decisions.filter((d) => d.date <= REGISTER_IMPORT_DAY).at(-1)!;
      return {
        productId: product.productId,
        name: product.name!,
        unitCode: product.district!,
        communeCode: product.commune,
        ownerName: product.owner!.name,
        ownerKind: product.owner!.kind,
        group: product.group!,
        registeredOn: product.registeredOn,
        stars: current.stars,
        level: String(current.stars) as OcopLevel,
        fiveStarPotential: false,
        score: current.score,
        council: current.council,
        decisionNo: current.decisionNo,
        decisionDate: current.date,
        active: isActiveOn(product, REGISTER_IMPORT_DAY),
        listings: [],
        traceability: [],
      };
    });
}

const at = (day: IsoDay, hour: number, minute = 0) => `${day}T${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}:00+07:00`;

/** The commune of 2025 that holds a product on a day after the reform. */
function communeOf(product: PlannedProduct, day: IsoDay): string {
  return product.province === 'merged' ? product.commune : successorOn(demoUnitDirectory(), product.district!, product.commune, day);
}

/**
 * The merged province's events after the import, in date order: registrations by the communes of their new
 * products, and the province's decisions (new products and re-recognitions of the registers' products).
 */
export function mergedProvinceEvents(): InboundEvent[] {
  const events: InboundEvent[] = [];
  for (const product of plan()) {
    if (product.province === 'merged') {
      events.push({
        source: communeSource(product.commune),
        detailType: 'ProductRegistered',
        detail: {
          eventId: `demo-${product.registeredOn.slice(0, 4)}-registered-${product.productId}`,
          schemaVersion: 1,
          occurredAt: at(product.registeredOn, 10),
          communeCode: product.commune,
          productId: product.productId,
          name: product.name!,
          group: product.group!,
          subject: { name: product.owner!.name, kind: product.owner!.kind },
        },
      });
    }
    for (const decision of product.decisions.filter((d) => d.date > REGISTER_IMPORT_DAY)) {
      events.push({
        source: PROVINCE_SOURCE,
        detailType: 'ProductRated',
        detail: {
          eventId: `demo-${decision.date.slice(0, 4)}-rated-${product.productId}-${decision.date}`,
          schemaVersion: 1,
          occurredAt: at(decision.date, 9),
          communeCode: communeOf(product, decision.date),
          productId: product.productId,
          score: decision.score,
          stars: decision.stars,
          council: decision.council,
          decisionNo: decision.decisionNo,
          decisionDate: decision.date,
        },
      });
    }
  }
  return events.sort((a, b) => Date.parse(a.detail.occurredAt) - Date.parse(b.detail.occurredAt) || a.detail.eventId.localeCompare(b.detail.eventId));
}
