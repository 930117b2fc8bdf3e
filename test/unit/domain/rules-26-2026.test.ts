import {
  checkEventRules,
  computeSnapshot,
  councilRefusal,
  councilRulesOn,
  decodeKpiRecord,
  DECISION_26_2026,
  encodeKpiRecord,
  GROUPS_OF_APPENDIX_I,
  ONLY_26_2026_FROM,
  productIdProblem,
  productKpiRecord,
  productSetInfo,
  projectHistory,
  roundOf,
  SECTORS,
  type ProductState,
} from '../../../domain';
import { shippedUnitDirectory } from '../../../domain/data/shipped-units';
import { parseInboundEvent, PRODUCT_SETS } from '../../../events';
import { commune, province, rated, registered, upgraded } from './support/events';
import { DEPLOYMENT_PROVINCE, PLAN_53_KH_UBND } from '../../support/shipped-data';

/**
 * The rules of Quyết định 26/2026/QĐ-TTg (docs/sources-and-councils.md, "The rules of 26/2026/QĐ-TTg"): in force from
 * 2026-05-22, the rules it adds checked after the 60 days in which older dossiers may follow the former rules
 * (to 2026-07-20). Units from the shipped units files: Phường Trà Vinh (29242), Phường Long Đức (29263).
 */
const UNITS = shippedUnitDirectory();
const WARD = '29242';

function reasonsFor(source: string, detailType: string, detail: Record<string, unknown>): string[] {
  const parsed = parseInboundEvent({ source, 'detail-type': detailType, detail: { eventId: 'evt-2026-rules-0001', schemaVersion: 1, ...detail } });
  if (!parsed.ok) return parsed.reasons;
  return checkEventRules(parsed.event, UNITS);
}

const rating = (decisionDate: string, council: string, stars: number, score: number, extra: Record<string, unknown> = {}) => ({
  occurredAt: `${decisionDate}T09:00:00+07:00`,
  communeCode: WARD,
  productId: '86-29242-0001',
  score,
  stars,
  council,
  decisionNo: '2460/QĐ-UBND',
  decisionDate,
  ...extra,
});

const registration = (extra: Record<string, unknown>) => ({
  occurredAt: '2026-08-03T09:00:00+07:00',
  communeCode: WARD,
  productId: '86-29242-0001',
  name: 'Bánh tét lá cẩm',
  group: 'food',
  subject: { name: 'HTX Bánh tét Trà Cuôn', kind: 'cooperative' },
  ...extra,
});

describe('councilRulesOn and councilRefusal: 26/2026/QĐ-TTg from its effective date', () => {
  it('applies 1489/QĐ-TTg up to 2026-05-21 and 26/2026/QĐ-TTg from 2026-05-22 (Điều 11 khoản 1)', () => {
    // Act
    const before = councilRulesOn('2026-05-21');
    const from = councilRulesOn('2026-05-22');

    // Assess
    expect(before.decision).toBe('1489/QĐ-TTg (2025)');
    expect(from.decision).toBe('Quyết định 26/2026/QĐ-TTg');
    expect(from.from).toBe(DECISION_26_2026.effectiveFrom);
  });

  it('refuses a district council under 26/2026, citing Điều 4 khoản 1 first', () => {
    // Act
    const refusal = councilRefusal('district', 3, '2026-06-01');

    // Assess
    expect(refusal).toBe(
      'Điều 4 khoản 1 Quyết định 26/2026/QĐ-TTg: rating and recognition have two levels, the province (3 and 4 stars) and the central level, ' +
        'Bộ Nông nghiệp và Môi trường (5 stars); a decision dated 2026-06-01 cannot come from a district council',
    );
  });
});

describe('checkEventRules: decisions under 26/2026/QĐ-TTg', () => {
  it('rejects a district-council decision published by a commune on the effective date, citing Điều 4 khoản 1', () => {
    // Act
    const reasons = reasonsFor(`ocop.commune.${WARD}`, 'ProductRated', rating('2026-05-22', 'district', 3, 64));

    // Assess
    expect(reasons).toEqual([
      'detail.council: Điều 4 khoản 1 Quyết định 26/2026/QĐ-TTg: rating and recognition have two levels, the province (3 and 4 stars) and the central level, ' +
        'Bộ Nông nghiệp và Môi trường (5 stars); a decision dated 2026-05-22 cannot come from a district council',
    ]);
  });

  it('accepts a province decision of 4 stars dated after the transition, with its validity of 36 months', () => {
    // Act
    const reasons = reasonsFor('ocop.province', 'ProductRated', rating('2026-10-28', 'province', 4, 78, { validUntil: '2029-10-28' }));

    // Assess
    expect(reasons).toEqual([]);
  });

  it('accepts a central decision of 5 stars (Điều 4 khoản 1 điểm b)', () => {
    // Act
    const reasons = reasonsFor('ocop.province', 'ProductUpgraded', { ...rating('2026-09-25', 'central', 5, 92), stars: undefined, fromStars: 4, toStars: 5 });

    // Assess
    expect(reasons).toEqual([]);
  });

  it('rejects 5 stars from the province under 26/2026, citing Điều 4 khoản 1 điểm b', () => {
    // Act
    const reasons = reasonsFor('ocop.province', 'ProductRated', rating('2026-06-30', 'province', 5, 92));

    // Assess
    expect(reasons).toEqual([
      'detail.stars: 5 stars disagrees with the score: a score of 92 from the province council is 4 stars with five-star potential; ' +
        'Điều 4 khoản 1 điểm b Quyết định 26/2026/QĐ-TTg: only the central level, Bộ Nông nghiệp và Môi trường, recognises 5 stars',
    ]);
  });

  it('rejects a decision of 2 stars after the transition, citing Điều 4 khoản 1 điểm a', () => {
    // Act
    const reasons = reasonsFor('ocop.province', 'ProductRated', rating(ONLY_26_2026_FROM, 'province', 2, 42));

    // Assess
    expect(ONLY_26_2026_FROM).toBe('2026-07-21');
    expect(reasons).toEqual([
      'detail.stars: Điều 4 khoản 1 điểm a Quyết định 26/2026/QĐ-TTg: a product rated 1 or 2 stars gets no recognition decision and no certificate, ' +
        'so a decision dated 2026-07-21 cannot record 2 stars',
    ]);
  });

  it('accepts a decision of 2 stars on the last day of the transition, when a dossier filed earlier may follow the former rules (Điều 12 khoản 2)', () => {
    // Act
    const reasons = reasonsFor('ocop.province', 'ProductRated', rating('2026-07-20', 'province', 2, 42));

    // Assess
    expect(reasons).toEqual([]);
  });

  it('rejects 4 stars from the central council after the transition, citing Điều 4 khoản 1', () => {
    // Act
    const reasons = reasonsFor('ocop.province', 'ProductRated', rating('2026-09-25', 'central', 4, 86));

    // Assess
    expect(reasons).toEqual([
      'detail.council: Điều 4 khoản 1 Quyết định 26/2026/QĐ-TTg: the central level recognises 5 stars only; a product the central council scores under 90 ' +
        'is recognised at 3 or 4 stars by the province (council: province, Điều 7 khoản 4), so 4 stars dated 2026-09-25 cannot come from the central council',
    ]);
  });

  it('rejects a validity beyond 36 months, citing Điều 4 khoản 3', () => {
    // Act
    const reasons = reasonsFor('ocop.province', 'ProductRated', rating('2026-10-28', 'province', 3, 61, { validUntil: '2029-10-29' }));

    // Assess
    expect(reasons).toEqual([
      'detail.validUntil: Điều 4 khoản 3 Quyết định 26/2026/QĐ-TTg: a certificate is valid 36 months from its decision, ' +
        'so a decision dated 2026-10-28 is valid until 2029-10-28 at the latest, not 2029-10-29',
    ]);
  });

  it('rejects an upgrade to 2 stars from the province after the transition, naming toStars', () => {
    // Act
    const reasons = reasonsFor('ocop.province', 'ProductUpgraded', { ...rating('2026-11-02', 'province', 2, 45), stars: undefined, fromStars: 1, toStars: 2 });

    // Assess
    expect(reasons).toEqual([
      'detail.toStars: Điều 4 khoản 1 điểm a Quyết định 26/2026/QĐ-TTg: a product rated 1 or 2 stars gets no recognition decision and no certificate, ' +
        'so a decision dated 2026-11-02 cannot record 2 stars',
    ]);
  });
});

describe('roundOf: the rating round of a decision (Điều 5)', () => {
  it.each([
    ['2026-05-22', 1],
    ['2026-06-30', 1],
    ['2026-07-01', 2],
    ['2026-12-30', 2],
  ])('derives the round of a province decision dated %s under 26/2026: %p', (decisionDate, expected) => {
    // Act
    const round = roundOf({ council: 'province', decisionDate });

    // Assess
    expect(round).toBe(expected);
  });

  it('keeps the round a decision names, derives none before 26/2026, and none for the central council', () => {
    // Act
    const named = roundOf({ council: 'province', decisionDate: '2026-12-20', round: 3 });
    const before = roundOf({ council: 'province', decisionDate: '2026-05-21' });
    const central = roundOf({ council: 'central', decisionDate: '2026-09-25' });

    // Assess
    expect([named, before, central]).toEqual([3, undefined, undefined]);
  });
});

describe('product sets of Appendix I', () => {
  it('has 6 sectors, 17 groups and 26 product sets, each set in a group of its sector', () => {
    // Act
    const infos = PRODUCT_SETS.map(productSetInfo);

    // Assess
    expect(SECTORS).toHaveLength(6);
    expect(Object.keys(GROUPS_OF_APPENDIX_I)).toHaveLength(17);
    expect(infos).toHaveLength(26);
    expect(new Set(infos.map((info) => info.group))).toEqual(new Set(Object.keys(GROUPS_OF_APPENDIX_I)));
    expect(infos.map((info) => info.appendixIINumber)).toEqual(Array.from({ length: 26 }, (_, i) => i + 1));
  });

  it('maps a set to its group, sector, registration group and lead ministries', () => {
    // Act
    const info = productSetInfo('I.3.b');

    // Assess
    expect(info).toEqual({
      code: 'I.3.b',
      name: 'Chế biến từ gạo, ngũ cốc',
      leadMinistries: ['agriculture', 'industryTrade'],
      appendixIINumber: 6,
      sector: 'I',
      sectorName: 'Sản phẩm thực phẩm',
      group: 'I.3',
      groupName: 'Thực phẩm chế biến',
      productGroup: 'food',
    });
  });

  it('accepts a registration whose product set is in its group, and rejects one in another sector, citing Phụ lục I', () => {
    // Act
    const fits = reasonsFor(`ocop.commune.${WARD}`, 'ProductRegistered', registration({ productSet: 'I.3.b' }));
    const clash = reasonsFor(`ocop.commune.${WARD}`, 'ProductRegistered', registration({ productSet: 'II.1.a' }));

    // Assess
    expect(fits).toEqual([]);
    expect(clash).toEqual([
      'detail.productSet: Phụ lục I Quyết định 26/2026/QĐ-TTg: product set II.1.a (Rượu trắng) belongs to sector II (Sản phẩm đồ uống), which is group beverage, ' +
        "but the registration's group is food",
    ]);
  });

  it('refuses a code that is not in Appendix I, listing the codes', () => {
    // Act
    const reasons = reasonsFor(`ocop.commune.${WARD}`, 'ProductRegistered', registration({ productSet: 'I.7' }));

    // Assess
    expect(reasons).toHaveLength(1);
    expect(reasons[0]).toContain('detail.productSet: must be a product set of Appendix I of Quyết định 26/2026/QĐ-TTg: one of I.1.a, I.1.b');
  });
});

describe('productIdProblem: the product code of 26/2026/QĐ-TTg, where an id claims it', () => {
  it('accepts (province)-(commune)-(number)-(year) of the registering commune, and the register ids of three segments as before', () => {
    // Act
    const problems = [
      productIdProblem('86-29242-0001-2026', '2026-08-03', WARD),
      productIdProblem('86-29242-0001-2026', '2026-08-03'),
      productIdProblem('86-29242-0001', '2026-08-03', WARD),
      productIdProblem('TV842-0001', '2026-08-03', WARD),
    ];

    // Assess
    expect(problems).toEqual([undefined, undefined, undefined, undefined]);
  });

  it("rejects a code naming another commune than the registration's, and a year not written 20YY", () => {
    // Act
    const otherCommune = reasonsFor(`ocop.commune.${WARD}`, 'ProductRegistered', registration({ productId: '86-29263-0001-2026' }));
    const shortYear = productIdProblem('86-29242-0001-26', '2026-08-03', WARD);

    // Assess
    expect(otherCommune).toEqual([
      "detail.productId: 86-29263-0001-2026 has the form of the product code of Quyết định 26/2026/QĐ-TTg, but names commune 29263 while the registration's communeCode is 29242: " +
        'Appendix II of Quyết định 26/2026/QĐ-TTg numbers a product (province)-(commune)-(number)-(year of evaluation), e.g. 86-29242-0001-2026',
    ]);
    expect(shortYear).toBe(
      '86-29242-0001-26 has the form of the product code of Quyết định 26/2026/QĐ-TTg, but its year 26 is not a year written 20YY: ' +
        'Appendix II of Quyết định 26/2026/QĐ-TTg numbers a product (province)-(commune)-(number)-(year of evaluation), e.g. 86-29242-0001-2026',
    );
  });
});

describe('computeSnapshot: product sets and the rounds the province held in the year', () => {
  const WARD_PUBLISHER = commune(WARD);
  const PROVINCE_FOR_WARD = { ...province(), communeCode: WARD };
  const history = [
    registered('86-29242-0001-2026', WARD_PUBLISHER, { day: '2026-02-02', group: 'food', productSet: 'I.3.b' }),
    registered('86-29242-0002-2026', WARD_PUBLISHER, { day: '2026-02-03', group: 'food', productSet: 'I.3.b' }),
    registered('86-29242-0003-2026', WARD_PUBLISHER, { day: '2026-02-04', group: 'beverage', productSet: 'II.1.a' }),
    registered('86-29242-0004-2026', WARD_PUBLISHER, { day: '2026-02-05', group: 'food' }),
    // Before 26/2026: a province decision with no round.
    rated('86-29242-0004-2026', PROVINCE_FOR_WARD, 3, { score: 55, day: '2026-03-10' }),
    // Round 1 (up to 30 June) and round 2 (after), derived; one decision naming round 3.
    rated('86-29242-0001-2026', PROVINCE_FOR_WARD, 3, { score: 60, day: '2026-06-30' }),
    rated('86-29242-0002-2026', PROVINCE_FOR_WARD, 4, { score: 77, day: '2026-10-28' }),
    rated('86-29242-0003-2026', PROVINCE_FOR_WARD, 4, { score: 91, day: '2026-10-28' }),
    upgraded('86-29242-0001-2026', PROVINCE_FOR_WARD, 3, 4, { score: 72, day: '2026-12-01', round: 3 }),
  ];
  const snapshotOn = (day: string) => {
    const { inputs } = projectHistory(history, UNITS);
    return computeSnapshot(inputs, { asOf: `${day}T12:00:00+07:00`, plans: [PLAN_53_KH_UBND], province: DEPLOYMENT_PROVINCE, units: UNITS });
  };
  const roundsOf = (day: string) => snapshotOn(day).indicators.find((i) => i.id === 'ocop.rounds.year');

  it('counts the distinct rounds of the province decisions of the year, up to asOf', () => {
    // Act
    const june = roundsOf('2026-06-30');
    const november = roundsOf('2026-11-30');
    const december = roundsOf('2026-12-05');

    // Assess
    expect([june, november, december]).toEqual([
      { id: 'ocop.rounds.year', value: 1 },
      { id: 'ocop.rounds.year', value: 2 },
      { id: 'ocop.rounds.year', value: 3 },
    ]);
  });

  it('reports 0 rounds in 2026 before any, and no rounds indicator for a year before 26/2026 whose decisions name none', () => {
    // Act
    const may2026 = roundsOf('2026-05-01');
    const end2025 = roundsOf('2025-12-31');

    // Assess
    expect(may2026).toEqual({ id: 'ocop.rounds.year', value: 0 });
    expect(end2025).toBeUndefined();
  });

  it('breaks the active products down by product set, for those whose registration gives one', () => {
    // Act
    const snapshot = snapshotOn('2026-12-05');

    // Assess
    expect(snapshot.breakdown.byProductSet).toEqual({ 'I.3.b': { active: 2 }, 'II.1.a': { active: 1 } });
    expect(snapshot.indicators.find((i) => i.id === 'ocop.active')?.value).toBe(4);
  });

  it('keeps the product set and the province rounds through the compact KPI record', () => {
    // Prepare
    const { states, verdicts } = projectHistory(history, UNITS);
    const record = productKpiRecord(states.get('PRODUCT#86-29242-0001-2026') as ProductState);

    // Act
    const decoded = decodeKpiRecord(encodeKpiRecord({ kind: 'product', product: record }));

    // Assess
    expect([...verdicts.values()].filter((v) => v.verdict !== 'accepted')).toEqual([]);
    expect(decoded).toEqual({ kind: 'product', product: record });
    expect(record.productSet).toBe('I.3.b');
    expect(record.decisions.map((d) => d.provinceRound)).toEqual([1, 3]);
  });
});
