import { addDays, DECISION_26_2026, levelOf, MERGED_PROVINCE, starsForScore, unitsInForce, type IsoDay, type UnitDirectory } from '../../domain';
import type { Council, SubjectKind } from '../../events';
import { SeededRandom } from '../../local/demo/prng';
import { COOPERATIVE_TRADES, ENTERPRISE_FORMS, FAMILY_NAMES, FORMER_PROVINCE_ENTERPRISE_TRADES, FORMER_PROVINCE_PRODUCT_KINDS, GIVEN_NAMES, MIDDLE_NAMES } from '../../local/demo/vietnamese-names';
import type { ProductRegisterRow } from '../../report/register/columns';

/**
 * The register the bench's import phase imports (bench/phases/import.ts): `rows` products of the new Vĩnh Long
 * (86), each registered in 2026 by a commune or ward in force on its day (the shipped units files), each with one
 * current certificate decided after 26/2026/QĐ-TTg's transition (from the day after `formerRulesUntil`): 3 or 4
 * stars by the province council, 5 stars by the central council (Điều 4 khoản 1), the score in the stars' band
 * (Điều 3 khoản 3). Pure and deterministic: a seeded PRNG, no clock. Synthetic bench data, not a province's
 * register: names are illustrative (common name parts), decision numbers and dates are generated.
 */
export const BENCH_REGISTER_SEED = 19_5000;
export const BENCH_REGISTER_PROVINCE = MERGED_PROVINCE.code;

/** Registrations from the first working day of 2026 to mid-July, before any decision below. */
const REGISTERED_FROM: IsoDay = '2026-01-05';
const REGISTRATION_DAYS = 190;

/** The rounds of decisions, all after the former rules' last day (2026-07-20): [date, number of the province's decision, of the ministry's]. */
const ROUNDS: readonly (readonly [IsoDay, string, string])[] = [
  ['2026-08-14', '1702/QĐ-UBND', '3120/QĐ-BNNMT'],
  ['2026-09-25', '2048/QĐ-UBND', '3655/QĐ-BNNMT'],
  ['2026-10-30', '2391/QĐ-UBND', '4012/QĐ-BNNMT'],
  ['2026-11-20', '2577/QĐ-UBND', '4298/QĐ-BNNMT'],
];

/** Shares of stars, about the merged province's split of 26/11/2025 (916 at 3, 202 at 4, 13 at 5 of 1,137). */
const STARS_SHARE = { 5: 0.012, 4: 0.178 } as const;
const SCORE_BANDS = { 3: [50, 69], 4: [70, 89], 5: [90, 100] } as const;
const OWNER_KINDS: readonly SubjectKind[] = ['enterprise', 'cooperative', 'household', 'household'];

export class BenchRegisterError extends Error {
  override name = 'BenchRegisterError';
}

/** The communes and wards of the province in force on a day, by code. */
export function communesOn(directory: UnitDirectory, day: IsoDay, province = BENCH_REGISTER_PROVINCE): { code: string; name: string }[] {
  const communes = unitsInForce(directory.units, day)
    .filter((unit) => unit.province === province && (unit.kind === 'commune' || unit.kind === 'ward'))
    .map((unit) => ({ code: unit.code, name: unit.name }))
    .sort((a, b) => a.code.localeCompare(b.code));
  if (communes.length === 0) throw new BenchRegisterError(`no commune or ward of province ${province} in force on ${day} in the units`);
  return communes;
}

function ownerName(random: SeededRandom, kind: SubjectKind): string {
  const person = () => `${random.pick(FAMILY_NAMES)} ${random.pick(MIDDLE_NAMES)} ${random.pick(GIVEN_NAMES)}`;
  if (kind === 'enterprise') return `${random.pick(ENTERPRISE_FORMS)} ${random.pick(FORMER_PROVINCE_ENTERPRISE_TRADES)} ${random.pick(FAMILY_NAMES)} ${random.pick(GIVEN_NAMES)}`;
  if (kind === 'cooperative') return `Hợp tác xã ${random.pick(COOPERATIVE_TRADES)} ${random.pick(GIVEN_NAMES)}`;
  return `Hộ kinh doanh ${person()}`;
}

export function benchRegisterRows(options: { rows: number; directory: UnitDirectory; seed?: number }): ProductRegisterRow[] {
  const random = new SeededRandom(options.seed ?? BENCH_REGISTER_SEED);
  const kinds = FORMER_PROVINCE_PRODUCT_KINDS[BENCH_REGISTER_PROVINCE];
  const numbered = new Map<string, number>();
  const communesByDay = new Map<IsoDay, { code: string; name: string }[]>();
  const firstDecision = ROUNDS[0]![0];
  if (firstDecision <= DECISION_26_2026.formerRulesUntil) throw new BenchRegisterError(`the first round (${firstDecision}) must follow ${DECISION_26_2026.formerRulesUntil}`);
  return Array.from({ length: options.rows }, (): ProductRegisterRow => {
    const registeredOn = addDays(REGISTERED_FROM, random.int(0, REGISTRATION_DAYS - 1));
    if (!communesByDay.has(registeredOn)) communesByDay.set(registeredOn, communesOn(options.directory, registeredOn));
    const commune = random.pick(communesByDay.get(registeredOn)!);
    const kind = random.pick(kinds);
    const ownerKind = random.pick(OWNER_KINDS);
    const draw = random.next();
    const stars = draw < STARS_SHARE[5] ? 5 : draw < STARS_SHARE[5] + STARS_SHARE[4] ? 4 : 3;
    const [low, high] = SCORE_BANDS[stars];
    const score = random.int(low, high);
    if (starsForScore(score) !== stars) throw new BenchRegisterError(`score ${score} is not in the band of ${stars} stars`);
    const council: Council = stars === 5 ? 'central' : 'province';
    const [decisionDate, provinceDecision, centralDecision] = random.pick(ROUNDS);
    const number = (numbered.get(commune.code) ?? 0) + 1;
    numbered.set(commune.code, number);
    return {
      // The merged province's scheme (domain/product-id.ts): <province>-<commune>-<the commune's number>.
      productId: `${BENCH_REGISTER_PROVINCE}-${commune.code}-${String(number).padStart(4, '0')}`,
      name: `${kind.name} ${commune.name}`,
      unitCode: commune.code,
      ownerName: ownerName(random, ownerKind),
      ownerKind,
      group: kind.group,
      registeredOn,
      stars,
      level: levelOf(stars, false)!,
      fiveStarPotential: false,
      score,
      council,
      decisionNo: council === 'central' ? centralDecision : provinceDecision,
      decisionDate,
      active: true,
      listings: [],
      traceability: [],
    };
  });
}
