/**
 * The demo history `npm start` loads on first start: a plausible Trà Vinh OCOP
 * history from 2019 to November 2026, built from the seed facts of
 * /work/shared/DOMAIN.md. Pure and deterministic: a seeded PRNG, no clock.
 *
 * Reading of the published figures (they are not all mutually consistent):
 * - 2019: 30 products in two provincial decisions (5/9/2019: 6; 20/12/2019: 24).
 * - 2020: 27 new (10 at 4 stars, 16 at 3, 1 five-star potential).
 * - 2021: "28" = 24 new at 3 stars + 4 existing products raised to five-star
 *   potential (1 from 2019, 3 from 2020), so 2021 counts 24 recognitions and
 *   4 re-recognitions.
 * - 22/8/2022: 28 new (7 at 4 stars, 21 at 3). On 22/9/2022 seed 004 counts
 *   104 products: 109 recognised minus the 5 products of the 5/9/2019 decision
 *   whose certificates lapsed on 5/9/2022 (the sixth was raised in 2021).
 * - 30/12/2022: 104 recognised = 82 new + 22 re-recognitions of 2019 products
 *   (their certificates had lapsed); 7 products of 2019 were not re-recognised.
 *   So at 31/12/2022: 191 products ever recognised, 184 active (137 at 3 stars,
 *   38 at 4, 9 five-star potential, 0 at 5) from 118 owners; 2022 counts 110
 *   first recognitions and 22 re-recognitions; 166 dossiers registered in 2022
 *   (seed 004), 56 of them recognised in 2023.
 * - "393 products in mid-January 2025" = products ever recognised by 15/1/2025
 *   (191 + 98 in 2023 + 104 in 2024), not the active count.
 * - From 24/2/2023 (Decision 148/QĐ-TTg) district councils recognise 3 stars
 *   (source ocop.district.<code>), the province 4 stars; before, and after the
 *   reform of 1/7/2025, the province decides. After 1/7/2025 the districts no
 *   longer exist: each product's commune or ward of 2025 publishes its events
 *   (ocop.commune.<code>), and the province its decisions, naming that commune.
 *   Every product is registered in a real former commune of its district (from
 *   the shipped units files) whose 2025 successor was formed from that district
 *   alone, so the commune that takes it over is known (territoryOn).
 * Decision numbers, owners, names, listings, IP titles and dates are illustrative.
 */
import { communeSource, districtSource, PROVINCE_SOURCE, type Council, type InboundEvent, type IpKind, type SubjectKind } from '../../events';
import { addDays, addMonths, TWO_TIER_FROM, type IsoDay, type UnitDirectory } from '../../domain';
import { checkDistrictsKnown, demoUnitDirectory, districtsOf, formerCommunesOf, successorOn } from './demo-units';
import { SeededRandom } from './prng';
import {
  BIRTH_ORDERS,
  COOPERATIVE_GROUP_TRADES,
  COOPERATIVE_TRADES,
  ENTERPRISE_BRANDS,
  ENTERPRISE_FORMS,
  FAMILY_NAMES,
  GIVEN_NAMES,
  MIDDLE_NAMES,
  PLACES,
  PRODUCT_KINDS,
  REVOCATION_REASONS,
  slugOf,
  type ProductKind,
} from './vietnamese-names';

// ---------------------------------------------------------------------------
// Data tables
// ---------------------------------------------------------------------------

export const DEMO_SEED = 840_2022;
/** No event of the demo is dated after this day. */
export const DEMO_LAST_DAY = '2026-11-20';

/** Trà Vinh's GSO province code (domain/product-id.ts FORMER_PROVINCES), the province of this history. */
const TRA_VINH = '84';
/** Trà Vinh's nine district-level units up to 2025-06-30, from the shipped units files (tra-vinh-districts.units.csv). */
export const DISTRICTS: readonly string[] = districtsOf(demoUnitDirectory(), TRA_VINH);
/** A district code of DISTRICTS; the tables below are checked against them when the history is built (checkTables). */
type District = string;

/** Levels of a decision: 2 stars is a dossier not recognised. */
type Level = '2' | '3' | '4' | '4-potential-5' | '5';
/** New products of a round in a district: [3 stars, 4 stars, 4 stars with five-star potential]. */
type LevelCounts = readonly [number, number, number];

/** Who decides: Decision 1048/2019 (province 3-4★), 148/2023 (district 3★, province 4★), 1489/2025 (province 3-4★). */
type Rules = '1048' | '148' | '1489';

type RoundId = '2019a' | '2019b' | '2020' | '2021' | '2022a' | '2022b' | '2023a' | '2023b' | '2024a' | '2024b' | '2025a' | '2025c' | '2025b' | '2026a' | '2026b';

interface Round {
  id: RoundId;
  decisionDate: IsoDay;
  /** The provincial decision (every level under 1048 and 1489; 4 stars under 148). */
  provinceDecisionNo: string;
  rules: Rules;
  /** Products first recognised in this round, by district. */
  newProducts: Partial<Record<District, LevelCounts>>;
  /** When the dossiers of the new products were registered. */
  registered: readonly [IsoDay, IsoDay];
  /** How many of the new products were registered in an earlier window (dossiers carried over). */
  carriedOver?: { count: number; registered: readonly [IsoDay, IsoDay] };
  /** Dossiers rated 2 stars (not recognised), by district. */
  notRecognised?: Partial<Record<District, number>>;
  /** Re-recognition of the products whose certificate comes from these rounds: how many (the rest lapse), or as planned (2019). */
  renews?: { rounds: RoundId[]; keep: number | 'planned' };
  /** Existing products raised to five-star potential in this round (2021). */
  raises?: Array<{ fromRound: RoundId; district: District; level: '3' | '4' }>;
  /** How many active 3-star products are raised to 4 stars. */
  upgrades?: number;
  /** How many active products with five-star potential the central council rates 5 stars (its own decision, relayed by the province). */
  centralFiveStars?: { count: number; decisionNo: string };
}

/** What became of a 2019 product by 31/12/2022. */
type Fate2019 = 'lapsed' | 'raised-2021' | 'renewed-3' | 'renewed-4' | 'renewed-4-potential-5';

/** The 30 products of 2019 and their fate (see the reading above): [district, round, level, fate, name]. */
const PRODUCTS_2019: ReadonlyArray<readonly [District, '2019a' | '2019b', '3' | '4', Fate2019, string]> = [
  ['842', '2019a', '4', 'renewed-4', 'Trà mãng cầu xiêm Sao Mai'],
  ['842', '2019a', '3', 'lapsed', 'Bánh tráng dừa Phường 7'],
  ['845', '2019a', '4', 'raised-2021', 'Dừa sáp Cầu Kè'],
  ['845', '2019a', '3', 'renewed-3', 'Thạch dừa sáp Châu Điền'],
  ['847', '2019a', '3', 'lapsed', 'Bánh da lợn Hưng Mỹ'],
  ['844', '2019a', '3', 'renewed-3', 'Khô cá lóc Đại Phước'],
  ['842', '2019b', '3', 'renewed-3', 'Chù ụ rang me Út Hiền'],
  ['842', '2019b', '3', 'renewed-4', 'Bánh pía sầu riêng Tư Lành'],
  ['842', '2019b', '3', 'renewed-3', 'Nem chua Trà Vinh Bảy Nga'],
  ['842', '2019b', '4', 'renewed-4-potential-5', 'Cà phê rang xay Trà Vinh'],
  ['844', '2019b', '3', 'lapsed', 'Nấm rơm Tân An'],
  ['844', '2019b', '3', 'renewed-3', 'Bưởi da xanh Nhị Long'],
  ['844', '2019b', '4', 'renewed-4', 'Mắm cá lóc Huyền Hội'],
  ['845', '2019b', '3', 'renewed-3', 'Sầu riêng Ri6 Hòa Tân'],
  ['845', '2019b', '4', 'renewed-4', 'Nước cốt dừa sáp Cầu Kè'],
  ['846', '2019b', '3', 'lapsed', 'Bánh tráng nước dừa Tập Ngãi'],
  ['846', '2019b', '3', 'renewed-4', 'Chuối sấy Tiểu Cần'],
  ['846', '2019b', '4', 'renewed-4', 'Khô cá lóc Tiểu Cần'],
  ['847', '2019b', '3', 'renewed-3', 'Bánh tét lá cẩm Song Lộc'],
  ['847', '2019b', '3', 'renewed-3', 'Tôm khô Hòa Thuận'],
  ['847', '2019b', '4', 'renewed-4', 'Dưa lưới Lương Hòa'],
  ['848', '2019b', '3', 'lapsed', 'Ớt hiểm Hiệp Mỹ Đông'],
  ['848', '2019b', '3', 'renewed-3', 'Bánh tét Trà Cuôn'],
  ['848', '2019b', '3', 'renewed-3', 'Mắm bò hóc Cầu Ngang'],
  ['849', '2019b', '3', 'lapsed', 'Đậu phộng rang Tân Hiệp'],
  ['849', '2019b', '3', 'renewed-3', 'Mắm bò hóc Trà Cú'],
  ['850', '2019b', '3', 'lapsed', 'Nghêu hấp Đông Hải'],
  ['850', '2019b', '4', 'renewed-4', 'Tôm khô Long Khánh'],
  ['851', '2019b', '3', 'renewed-3', 'Khô cá dứa Ba Động'],
  ['851', '2019b', '4', 'renewed-4', 'Mực một nắng Long Hữu'],
];

/** The rounds, in date order. Sums per round are in the comments. */
const ROUNDS: readonly Round[] = [
  { id: '2019a', decisionDate: '2019-09-05', provinceDecisionNo: '1712/QĐ-UBND', rules: '1048', newProducts: {}, registered: ['2019-03-01', '2019-07-31'] },
  { id: '2019b', decisionDate: '2019-12-20', provinceDecisionNo: '2745/QĐ-UBND', rules: '1048', newProducts: {}, registered: ['2019-04-01', '2019-10-31'] },
  {
    // 27 new: 16 × 3★, 10 × 4★, 1 five-star potential.
    id: '2020', decisionDate: '2020-11-27', provinceDecisionNo: '2560/QĐ-UBND', rules: '1048', registered: ['2020-03-01', '2020-09-30'],
    newProducts: { '842': [3, 2, 0], '844': [2, 1, 0], '845': [2, 2, 1], '846': [2, 1, 0], '847': [2, 1, 0], '848': [2, 1, 0], '849': [1, 1, 0], '850': [1, 0, 0], '851': [1, 1, 0] },
  },
  {
    // 24 new at 3★, 4 raised to five-star potential.
    id: '2021', decisionDate: '2021-12-24', provinceDecisionNo: '3498/QĐ-UBND', rules: '1048', registered: ['2021-03-01', '2021-10-31'],
    newProducts: { '842': [5, 0, 0], '844': [3, 0, 0], '845': [3, 0, 0], '846': [3, 0, 0], '847': [3, 0, 0], '848': [3, 0, 0], '849': [2, 0, 0], '850': [1, 0, 0], '851': [1, 0, 0] },
    raises: [
      { fromRound: '2019a', district: '845', level: '4' },
      { fromRound: '2020', district: '842', level: '4' },
      { fromRound: '2020', district: '847', level: '4' },
      { fromRound: '2020', district: '844', level: '3' },
    ],
  },
  {
    // 28 new: 21 × 3★, 7 × 4★.
    id: '2022a', decisionDate: '2022-08-22', provinceDecisionNo: '1551/QĐ-UBND', rules: '1048', registered: ['2022-01-10', '2022-06-30'],
    newProducts: { '842': [4, 2, 0], '844': [3, 1, 0], '845': [2, 1, 0], '846': [2, 1, 0], '847': [3, 1, 0], '848': [3, 0, 0], '849': [2, 1, 0], '850': [1, 0, 0], '851': [1, 0, 0] },
  },
  {
    // 104 recognised: 82 new (65 × 3★, 14 × 4★, 3 five-star potential) + 22 re-recognitions of 2019 products
    // (12 × 3★, 9 × 4★, 1 five-star potential). By district 842: 22, 847: 16, 844: 15, 848: 14, 845: 10, 851: 8, 846: 8, 849: 6, 850: 5.
    id: '2022b', decisionDate: '2022-12-30', provinceDecisionNo: '2718/QĐ-UBND', rules: '1048', registered: ['2022-03-01', '2022-10-31'],
    newProducts: { '842': [13, 3, 1], '847': [10, 3, 0], '844': [10, 2, 0], '848': [10, 2, 0], '845': [5, 1, 1], '851': [5, 1, 0], '846': [5, 1, 0], '849': [4, 1, 0], '850': [3, 0, 1] },
    renews: { rounds: ['2019a', '2019b'], keep: 'planned' },
  },
  {
    // 40 new (31 × 3★, 8 × 4★, 1 five-star potential), all dossiers of 2022.
    id: '2023a', decisionDate: '2023-07-14', provinceDecisionNo: '1320/QĐ-UBND', rules: '148', registered: ['2022-08-01', '2022-11-30'],
    newProducts: { '842': [6, 2, 1], '844': [4, 1, 0], '845': [3, 1, 0], '846': [3, 1, 0], '847': [4, 1, 0], '848': [4, 1, 0], '849': [3, 0, 0], '850': [2, 0, 0], '851': [2, 1, 0] },
  },
  {
    // 58 new (47 × 3★, 10 × 4★, 1 five-star potential), 16 of them dossiers of 2022; 22 of the 27 products of 2020 re-recognised.
    id: '2023b', decisionDate: '2023-12-15', provinceDecisionNo: '2890/QĐ-UBND', rules: '148', registered: ['2023-02-01', '2023-10-15'],
    carriedOver: { count: 16, registered: ['2022-09-01', '2022-11-30'] },
    newProducts: { '842': [9, 3, 0], '844': [6, 1, 0], '845': [5, 2, 1], '846': [5, 1, 0], '847': [6, 1, 0], '848': [6, 1, 0], '849': [4, 1, 0], '850': [3, 0, 0], '851': [3, 0, 0] },
    notRecognised: { '844': 1, '848': 1, '849': 1 },
    renews: { rounds: ['2020'], keep: 22 },
  },
  {
    // 45 new (35 × 3★, 9 × 4★, 1 five-star potential); 5 products raised from 3 to 4 stars.
    id: '2024a', decisionDate: '2024-06-25', provinceDecisionNo: '1205/QĐ-UBND', rules: '148', registered: ['2023-11-01', '2024-05-15'],
    newProducts: { '842': [7, 2, 0], '844': [5, 1, 0], '845': [4, 1, 0], '846': [4, 1, 0], '847': [5, 1, 0], '848': [4, 1, 0], '849': [3, 1, 0], '850': [1, 0, 0], '851': [2, 1, 1] },
    upgrades: 5,
  },
  {
    // 59 new (46 × 3★, 12 × 4★, 1 five-star potential); 23 of the 28 products certified in 2021 re-recognised.
    id: '2024b', decisionDate: '2024-12-20', provinceDecisionNo: '2755/QĐ-UBND', rules: '148', registered: ['2024-03-01', '2024-10-31'],
    newProducts: { '842': [9, 3, 1], '844': [6, 2, 0], '845': [5, 1, 0], '846': [5, 1, 0], '847': [6, 2, 0], '848': [6, 1, 0], '849': [4, 1, 0], '850': [2, 0, 0], '851': [3, 1, 0] },
    notRecognised: { '846': 1, '850': 1 },
    renews: { rounds: ['2021'], keep: 23 },
  },
  {
    // 30 new; 23 of the 28 products of 22/8/2022 re-recognised ahead of expiry.
    id: '2025a', decisionDate: '2025-06-20', provinceDecisionNo: '1188/QĐ-UBND', rules: '148', registered: ['2024-12-01', '2025-05-15'],
    newProducts: { '842': [5, 1, 0], '844': [3, 1, 0], '845': [3, 0, 0], '846': [2, 1, 0], '847': [3, 1, 0], '848': [3, 0, 0], '849': [2, 1, 0], '850': [1, 0, 0], '851': [2, 0, 1] },
    renews: { rounds: ['2022a'], keep: 23 },
  },
  {
    // The central council rates 8 of the province's products with five-star potential 5 stars (Decision 1489/QĐ-TTg: the
    // central level awards 5 stars). With them the merged province's published split of 26/11/2025 holds (merged-province.ts).
    id: '2025c', decisionDate: '2025-09-18', provinceDecisionNo: '2085/QĐ-BNNMT', rules: '1489', registered: ['2025-07-01', '2025-07-01'], newProducts: {},
    centralFiveStars: { count: 8, decisionNo: '2085/QĐ-BNNMT' },
  },
  {
    // After the reform: the province rates. 25 new; 88 of the 104 products of 30/12/2022 re-recognised.
    id: '2025b', decisionDate: '2025-12-26', provinceDecisionNo: '3120/QĐ-UBND', rules: '1489', registered: ['2025-07-15', '2025-11-15'],
    newProducts: { '842': [4, 1, 0], '844': [3, 0, 0], '845': [3, 1, 0], '846': [2, 0, 0], '847': [3, 1, 0], '848': [2, 1, 0], '849': [2, 0, 0], '850': [1, 0, 0], '851': [1, 0, 0] },
    renews: { rounds: ['2022b'], keep: 88 },
  },
  {
    // 20 new; 33 of the 40 products of 14/7/2023 re-recognised.
    id: '2026a', decisionDate: '2026-06-30', provinceDecisionNo: '1402/QĐ-UBND', rules: '1489', registered: ['2026-01-05', '2026-05-31'],
    newProducts: { '842': [3, 1, 0], '844': [2, 0, 0], '845': [2, 1, 0], '846': [2, 0, 0], '847': [2, 0, 0], '848': [2, 1, 0], '849': [2, 0, 0], '850': [1, 0, 0], '851': [1, 0, 0] },
    renews: { rounds: ['2023a'], keep: 33 },
  },
  {
    // 15 new; 35 of the 80 certificates of 15/12/2023 re-recognised early, the others expire in December 2026.
    id: '2026b', decisionDate: '2026-10-28', provinceDecisionNo: '2460/QĐ-UBND', rules: '1489', registered: ['2026-05-01', '2026-09-30'],
    newProducts: { '842': [3, 0, 0], '844': [2, 0, 0], '845': [2, 1, 0], '846': [1, 0, 0], '847': [2, 0, 0], '848': [2, 0, 0], '849': [1, 0, 0], '850': [1, 0, 0], '851': [1, 1, 0] },
    renews: { rounds: ['2023b'], keep: 35 },
  },
];

/** The provincial rounds after the reform (the merged province's decisions, which rate every former province's products). */
export const POST_REFORM_PROVINCE_ROUNDS: ReadonlyArray<{ decisionDate: IsoDay; decisionNo: string }> = ROUNDS.filter(
  (round) => round.rules === '1489' && !round.centralFiveStars,
).map((round) => ({ decisionDate: round.decisionDate, decisionNo: round.provinceDecisionNo }));

/** Dossiers registered in 2026 and not yet rated, by district. */
const PENDING_DOSSIERS_2026: Partial<Record<District, number>> = { '842': 3, '844': 2, '845': 2, '847': 2, '848': 1, '849': 1, '851': 1 };

/** Certificates revoked before their term (the product is chosen among the active ones of that day). */
const EARLY_REVOCATIONS: ReadonlyArray<{ decisionDate: IsoDay; decisionNo: string; reason: keyof typeof REVOCATION_REASONS }> = [
  { decisionDate: '2024-03-12', decisionNo: '512/QĐ-UBND', reason: 'foodSafety' },
  { decisionDate: '2025-02-20', decisionNo: '388/QĐ-UBND', reason: 'stopped' },
  { decisionDate: '2026-04-10', decisionNo: '745/QĐ-UBND', reason: 'foodSafety' },
];

/** Owners of the products active at 31/12/2022 (DOMAIN.md). */
export const OWNERS_END_2022: Record<SubjectKind, number> = { household: 72, enterprise: 25, cooperative: 19, cooperative_group: 2 };

/** E-commerce marketplaces: from when they list OCOP products of Trà Vinh, and how likely a product is listed. */
const MARKETPLACES: ReadonlyArray<{ id: string; since: IsoDay; probability: number; url: (slug: string, productId: string) => string }> = [
  { id: 'travinhtrade', since: '2020-06-01', probability: 0.4, url: (slug) => `https://travinhtrade.com.vn/san-pham/${slug}` },
  { id: 'postmart', since: '2020-09-01', probability: 0.3, url: (slug) => `https://postmart.vn/san-pham/${slug}` },
  { id: 'voso', since: '2021-01-15', probability: 0.25, url: (slug) => `https://voso.vn/${slug}` },
  { id: 'shopee', since: '2021-06-01', probability: 0.2, url: (slug) => `https://shopee.vn/${slug}` },
  { id: 'lazada', since: '2021-06-01', probability: 0.1, url: (slug) => `https://www.lazada.vn/products/${slug}.html` },
  { id: 'tiki', since: '2022-01-01', probability: 0.08, url: (slug) => `https://tiki.vn/${slug}.html` },
  { id: 'tiktok-shop', since: '2023-06-01', probability: 0.15, url: (_slug, productId) => `https://shop.tiktok.com/vn/pdp/${productId.toLowerCase()}` },
];

/** Traceability: provincial QR stamps since 2021, the national portal (GS1 codes) since 1/10/2024. */
const TRACEABILITY = { provincialQr: { system: 'travinh-qr', since: '2021-03-01', probability: 0.45 }, nationalPortal: { system: 'national-portal', since: '2024-10-01', probability: 0.5 } } as const;

/** Notable IP grants; ordinary marks of owners' brands are generated besides. `products`: a text the linked product names contain. */
const IP_GRANTS: ReadonlyArray<{ ipId: string; kind: IpKind; title: string; certificateNo: string; grantedAt: IsoDay; district?: District; products?: string }> = [
  { ipId: 'CM-BANH-TET-TRA-CUON', kind: 'collective_mark', title: 'Nhãn hiệu tập thể "Bánh tét Trà Cuôn"', certificateNo: '4-0352114-000', grantedAt: '2020-07-15', district: '848', products: 'Bánh tét Trà Cuôn' },
  { ipId: 'CM-MAM-BO-HOC-TRA-CU', kind: 'collective_mark', title: 'Nhãn hiệu tập thể "Mắm bò hóc Trà Cú"', certificateNo: '4-0398761-000', grantedAt: '2021-09-08', district: '849', products: 'Mắm bò hóc' },
  { ipId: 'CM-DUA-SAP-CAU-KE', kind: 'collective_mark', title: 'Nhãn hiệu tập thể "Dừa sáp Cầu Kè"', certificateNo: '4-0298812-000', grantedAt: '2018-05-21', district: '845', products: 'Dừa sáp' },
  { ipId: 'CM-KHO-CA-LOC-TIEU-CAN', kind: 'collective_mark', title: 'Nhãn hiệu tập thể "Khô cá lóc Tiểu Cần"', certificateNo: '4-0451230-000', grantedAt: '2022-11-18', district: '846', products: 'Khô cá lóc' },
  { ipId: 'CM-CHUOI-SAY-TIEU-CAN', kind: 'collective_mark', title: 'Nhãn hiệu tập thể "Chuối sấy Tiểu Cần"', certificateNo: '4-0467702-000', grantedAt: '2023-03-09', district: '846', products: 'Chuối sấy' },
  { ipId: 'CM-TOM-KHO-DUYEN-HAI', kind: 'collective_mark', title: 'Nhãn hiệu tập thể "Tôm khô Duyên Hải"', certificateNo: '4-0472219-000', grantedAt: '2023-05-26', district: '850', products: 'Tôm khô' },
  { ipId: 'CM-BUOI-DA-XANH-CANG-LONG', kind: 'collective_mark', title: 'Nhãn hiệu tập thể "Bưởi da xanh Càng Long"', certificateNo: '4-0489930-000', grantedAt: '2023-10-12', district: '844', products: 'Bưởi da xanh' },
  { ipId: 'CM-DUA-LUOI-CHAU-THANH', kind: 'collective_mark', title: 'Nhãn hiệu tập thể "Dưa lưới Châu Thành"', certificateNo: '4-0501187-000', grantedAt: '2024-01-19', district: '847', products: 'Dưa lưới' },
  { ipId: 'CM-MUOI-HOT-LONG-VINH', kind: 'collective_mark', title: 'Nhãn hiệu tập thể "Muối hột Long Vĩnh"', certificateNo: '4-0518840-000', grantedAt: '2024-07-30', district: '850', products: 'Muối hột' },
  { ipId: 'CM-KHO-CA-DUA-BA-DONG', kind: 'collective_mark', title: 'Nhãn hiệu tập thể "Khô cá dứa Ba Động"', certificateNo: '4-0530056-000', grantedAt: '2025-03-14', district: '851', products: 'Khô cá dứa' },
  { ipId: 'CM-COM-DEP-TRA-CU', kind: 'collective_mark', title: 'Nhãn hiệu tập thể "Cốm dẹp Trà Cú"', certificateNo: '4-0541672-000', grantedAt: '2025-09-05', district: '849', products: 'Cốm dẹp' },
  { ipId: 'CERT-TOM-TRA-VINH', kind: 'certification_mark', title: 'Nhãn hiệu chứng nhận "Tôm Trà Vinh"', certificateNo: '4-0478345-000', grantedAt: '2023-08-17', products: 'Tôm khô' },
  { ipId: 'CERT-CUA-TRA-VINH', kind: 'certification_mark', title: 'Nhãn hiệu chứng nhận "Cua biển Trà Vinh"', certificateNo: '4-0496021-000', grantedAt: '2023-12-05', district: '850', products: 'Cua biển' },
  { ipId: 'CERT-SAU-RIENG-CAU-KE', kind: 'certification_mark', title: 'Nhãn hiệu chứng nhận "Sầu riêng Cầu Kè"', certificateNo: '4-0509413-000', grantedAt: '2024-04-22', district: '845', products: 'Sầu riêng' },
  { ipId: 'CERT-GAO-TRA-VINH', kind: 'certification_mark', title: 'Nhãn hiệu chứng nhận "Gạo Trà Vinh"', certificateNo: '4-0522764-000', grantedAt: '2024-10-09', products: 'Gạo' },
  { ipId: 'CERT-BANH-TET-TRA-VINH', kind: 'certification_mark', title: 'Nhãn hiệu chứng nhận "Bánh tét Trà Vinh"', certificateNo: '4-0537290-000', grantedAt: '2025-06-27', products: 'Bánh tét' },
  { ipId: 'GI-DUA-SAP-TRA-VINH', kind: 'geographical_indication', title: 'Chỉ dẫn địa lý "Trà Vinh" cho sản phẩm dừa sáp', certificateNo: '00142', grantedAt: '2024-03-28', products: 'dừa sáp' },
  { ipId: 'ID-HOP-DUA-SAP', kind: 'industrial_design', title: 'Kiểu dáng công nghiệp "Hộp đựng dừa sáp"', certificateNo: '3-0098215-000', grantedAt: '2023-06-12', district: '845' },
  { ipId: 'ID-CHAI-NUOC-MAM-BA-DONG', kind: 'industrial_design', title: 'Kiểu dáng công nghiệp "Chai nước mắm Ba Động"', certificateNo: '3-0101447-000', grantedAt: '2023-11-30', district: '851' },
  { ipId: 'ID-GIO-LUC-BINH', kind: 'industrial_design', title: 'Kiểu dáng công nghiệp "Giỏ lục bình đan tay"', certificateNo: '3-0105520-000', grantedAt: '2024-09-18', district: '842' },
  { ipId: 'ID-HOP-BANH-TET', kind: 'industrial_design', title: 'Kiểu dáng công nghiệp "Hộp quà bánh tét Trà Cuôn"', certificateNo: '3-0109034-000', grantedAt: '2025-05-07', district: '848' },
  { ipId: 'PAT-SAY-LANH-CHUOI', kind: 'patent', title: 'Giải pháp hữu ích "Quy trình sấy lạnh chuối giữ màu tự nhiên"', certificateNo: '2-0003187-000', grantedAt: '2024-02-06', district: '846' },
  { ipId: 'PAT-THACH-DUA-SAP', kind: 'patent', title: 'Sáng chế "Quy trình sản xuất thạch dừa sáp đóng hộp"', certificateNo: '1-0041275-000', grantedAt: '2025-08-21', district: '845' },
  { ipId: 'INT-DUA-SAP-CAU-KE', kind: 'international_mark', title: 'Nhãn hiệu "Dừa sáp Cầu Kè" đăng ký quốc tế theo Hệ thống Madrid', certificateNo: '1765432', grantedAt: '2024-11-14', district: '845', products: 'Dừa sáp' },
];
/** Ordinary marks of owners' brands: how many granted in each year. */
const ORDINARY_MARKS_PER_YEAR: Record<number, number> = { 2020: 3, 2021: 4, 2022: 9, 2023: 12, 2024: 14, 2025: 11, 2026: 6 };

const SCIENCE_TASKS: ReadonlyArray<{ taskId: string; title: string; approvedAt: IsoDay }> = [
  { taskId: 'KHCN-2021-03', title: 'Xây dựng quy trình chế biến các sản phẩm từ dừa sáp Cầu Kè', approvedAt: '2021-04-12' },
  { taskId: 'KHCN-2021-11', title: 'Nghiên cứu bảo quản bánh tét Trà Cuôn bằng công nghệ hút chân không', approvedAt: '2021-10-05' },
  { taskId: 'KHCN-2022-02', title: 'Ứng dụng công nghệ sấy lạnh trong chế biến khô cá lóc', approvedAt: '2022-03-18' },
  { taskId: 'KHCN-2022-09', title: 'Tạo lập, quản lý và phát triển chỉ dẫn địa lý "Trà Vinh" cho sản phẩm dừa sáp', approvedAt: '2022-09-14' },
  { taskId: 'KHCN-2022-12', title: 'Xây dựng nhãn hiệu chứng nhận "Tôm Trà Vinh"', approvedAt: '2022-11-25' },
  { taskId: 'KHCN-2023-01', title: 'Quản lý và phát triển nhãn hiệu tập thể "Chuối sấy Tiểu Cần"', approvedAt: '2023-02-20' },
  { taskId: 'KHCN-2023-04', title: 'Hoàn thiện quy trình sản xuất mắm bò hóc đạt tiêu chuẩn cơ sở', approvedAt: '2023-04-27' },
  { taskId: 'KHCN-2023-08', title: 'Xây dựng hệ thống truy xuất nguồn gốc cho sản phẩm OCOP tỉnh Trà Vinh', approvedAt: '2023-08-09' },
  { taskId: 'KHCN-2023-10', title: 'Nghiên cứu sản xuất thạch dừa sáp đóng hộp quy mô hợp tác xã', approvedAt: '2023-10-23' },
  { taskId: 'KHCN-2024-02', title: 'Xây dựng nhãn hiệu chứng nhận "Cua biển Trà Vinh" cho các xã ven biển', approvedAt: '2024-02-29' },
  { taskId: 'KHCN-2024-05', title: 'Ứng dụng công nghệ sinh học sản xuất nước mắm truyền thống Ba Động', approvedAt: '2024-05-16' },
  { taskId: 'KHCN-2024-09', title: 'Phát triển sản phẩm du lịch cộng đồng gắn với OCOP tại Cồn Chim', approvedAt: '2024-09-10' },
  { taskId: 'KHCN-2025-01', title: 'Nâng cao chất lượng sản phẩm OCOP tiềm năng 5 sao của tỉnh', approvedAt: '2025-01-21' },
  { taskId: 'KHCN-2025-06', title: 'Thiết kế bao bì và bộ nhận diện thương hiệu cho sản phẩm OCOP Khmer', approvedAt: '2025-06-11' },
  { taskId: 'KHCN-2026-03', title: 'Chuyển đổi số quản lý sản phẩm OCOP sau sắp xếp đơn vị hành chính', approvedAt: '2026-03-17' },
];

// ---------------------------------------------------------------------------
// Generation
// ---------------------------------------------------------------------------

interface PlannedDecision {
  kind: 'rating' | 'upgrade';
  round: RoundId;
  level: Level;
  fromLevel?: Level;
  date: IsoDay;
  rules: Rules;
  provinceDecisionNo: string;
}

interface Owner {
  name: string;
  kind: SubjectKind;
  brand: string;
  district: District;
}

interface PlannedProduct {
  productId: string;
  district: District;
  /** The former commune (pre-2025 code) the product was registered in. */
  commune: string;
  registeredOn: IsoDay;
  /** The full name, when fixed by a table (2019). */
  fixedName?: string;
  decisions: PlannedDecision[];
  revocation?: { decisionDate: IsoDay; decisionNo: string; reason: string };
  fate2019?: Fate2019;
  kind?: ProductKind;
  owner?: Owner;
  name?: string;
}

const STARS: Record<Level, number> = { '2': 2, '3': 3, '4': 4, '4-potential-5': 4, '5': 5 };
const LEVEL_OF_COLUMN: readonly Level[] = ['3', '4', '4-potential-5'];
const validUntilOf = (decision: PlannedDecision) => addMonths(decision.date, 36);

export class DemoHistoryError extends Error {
  override name = 'DemoHistoryError';
}

/** The whole demo history, in history order (by date, then eventId). Same output on every call. */
export function traVinhHistory(): InboundEvent[] {
  checkTables();
  const random = new SeededRandom(DEMO_SEED);
  const products = planProducts(random);
  assignOwners(products, random);
  nameProducts(products, random);
  const events = [
    ...products.flatMap((product) => productEvents(product, random)),
    ...ipGrantEvents(products, random),
    ...SCIENCE_TASKS.map(scienceTaskEvent),
  ];
  const ids = new Set<string>();
  for (const event of events) {
    if (ids.has(event.detail.eventId)) throw new DemoHistoryError(`duplicate demo eventId ${event.detail.eventId}`);
    ids.add(event.detail.eventId);
  }
  return events.sort((a, b) => Date.parse(a.detail.occurredAt) - Date.parse(b.detail.occurredAt) || a.detail.eventId.localeCompare(b.detail.eventId));
}

/** Every district the data tables name is one of the units files' (the tables are keyed by hand-typed codes). */
function checkTables(): void {
  checkDistrictsKnown(PRODUCTS_2019.map(([district]) => district), DISTRICTS, 'PRODUCTS_2019');
  checkDistrictsKnown(
    ROUNDS.flatMap((round) => [...Object.keys(round.newProducts), ...Object.keys(round.notRecognised ?? {}), ...(round.raises ?? []).map((raise) => raise.district)]),
    DISTRICTS,
    'ROUNDS',
  );
  checkDistrictsKnown(Object.keys(PENDING_DOSSIERS_2026), DISTRICTS, 'PENDING_DOSSIERS_2026');
  checkDistrictsKnown(IP_GRANTS.flatMap((grant) => grant.district ?? []), DISTRICTS, 'IP_GRANTS');
  const bare = DISTRICTS.filter((district) => !PRODUCT_KINDS[district] || !PLACES[district]);
  if (bare.length > 0) throw new DemoHistoryError(`district ${bare.join(', ')} of the units files has no product kinds or places (vietnamese-names.ts)`);
}

// --- planning: which products, which decisions ------------------------------

function planProducts(random: SeededRandom): PlannedProduct[] {
  const products: PlannedProduct[] = [];
  const sequence = new Map<District, number>();
  const newProduct = (district: District, registeredOn: IsoDay): PlannedProduct => {
    const next = (sequence.get(district) ?? 0) + 1;
    sequence.set(district, next);
    const communes = formerCommunesOfDistrict(district);
    const commune = communes[(next - 1) % communes.length]!;
    const product: PlannedProduct = { productId: `TV${district}-${String(next).padStart(4, '0')}`, district, commune, registeredOn, decisions: [] };
    products.push(product);
    return product;
  };
  const latest = (product: PlannedProduct) => product.decisions.at(-1);

  const revocations = [...EARLY_REVOCATIONS];
  const revokeUpTo = (day: IsoDay) => {
    while (revocations.length > 0 && revocations[0]!.decisionDate < day) {
      const revocation = revocations.shift()!;
      const product = random.pick(products.filter((p) => !p.revocation && isActiveOn(p, revocation.decisionDate)));
      product.revocation = { decisionDate: revocation.decisionDate, decisionNo: revocation.decisionNo, reason: REVOCATION_REASONS[revocation.reason] };
    }
  };

  for (const round of ROUNDS) {
    revokeUpTo(round.decisionDate);
    const decide = (product: PlannedProduct, level: Level, kind: PlannedDecision['kind'] = 'rating') => {
      const fromLevel = latest(product)?.level;
      product.decisions.push({ kind, round: round.id, level, ...(fromLevel && { fromLevel }), date: round.decisionDate, rules: round.rules, provinceDecisionNo: round.provinceDecisionNo });
    };

    // Raises and upgrades of products already certified.
    for (const raise of round.raises ?? []) {
      const product = products.find((p) => p.district === raise.district && latest(p)?.round === raise.fromRound && latest(p)?.level === raise.level);
      if (!product) throw new DemoHistoryError(`round ${round.id}: no product of ${raise.fromRound} in ${raise.district} at ${raise.level} stars to raise`);
      decide(product, '4-potential-5', raise.level === '3' ? 'upgrade' : 'rating');
    }
    if (round.centralFiveStars) {
      const candidates = products.filter((p) => latest(p)?.level === '4-potential-5' && isActiveOn(p, round.decisionDate));
      for (const product of random.shuffle(candidates).slice(0, round.centralFiveStars.count)) decide(product, '5', 'upgrade');
    }
    if (round.upgrades) {
      const candidates = products.filter((p) => latest(p)?.level === '3' && isActiveOn(p, round.decisionDate));
      for (const product of random.shuffle(candidates).slice(0, round.upgrades)) decide(product, '4', 'upgrade');
    }

    // Re-recognitions; the products not kept lapse.
    if (round.renews) {
      const candidates = products.filter((p) => !p.revocation && round.renews!.rounds.includes(latest(p)?.round as RoundId) && latest(p)!.level !== '2');
      if (round.renews.keep === 'planned') {
        for (const product of candidates) {
          if (product.fate2019?.startsWith('renewed-')) decide(product, product.fate2019.slice('renewed-'.length) as Level);
        }
      } else {
        const shuffled = random.shuffle(candidates);
        for (const product of shuffled.slice(0, round.renews.keep)) decide(product, renewedLevel(latest(product)!.level, random));
        for (const product of shuffled.slice(round.renews.keep)) maybeRecordLapse(product, random);
      }
    }

    // New products.
    const fresh: PlannedProduct[] = [];
    if (round.id === '2019a' || round.id === '2019b') {
      for (const [district, inRound, level, fate, name] of PRODUCTS_2019) {
        if (inRound !== round.id) continue;
        const product = newProduct(district, randomDay(random, round.registered));
        product.fixedName = name;
        product.fate2019 = fate;
        decide(product, level);
        fresh.push(product);
      }
    }
    for (const district of DISTRICTS) {
      (round.newProducts[district] ?? [0, 0, 0]).forEach((count, column) => {
        for (let i = 0; i < count; i += 1) {
          const product = newProduct(district, randomDay(random, round.registered));
          decide(product, LEVEL_OF_COLUMN[column]!);
          fresh.push(product);
        }
      });
      for (let i = 0; i < (round.notRecognised?.[district] ?? 0); i += 1) decide(newProduct(district, randomDay(random, round.registered)), '2');
    }
    if (round.carriedOver) {
      for (const product of random.shuffle(fresh).slice(0, round.carriedOver.count)) product.registeredOn = randomDay(random, round.carriedOver.registered);
    }

    // Formal revocations of the 2019 products that lapsed.
    if (round.id === '2022b') {
      for (const product of products.filter((p) => p.fate2019 === 'lapsed')) maybeRecordLapse(product, random);
    }
  }

  revokeUpTo(addDays(DEMO_LAST_DAY, 1));
  for (const district of DISTRICTS) {
    for (let i = 0; i < (PENDING_DOSSIERS_2026[district] ?? 0); i += 1) newProduct(district, randomDay(random, ['2026-06-01', '2026-11-15']));
  }
  return products;
}

/** A re-recognition keeps the level, or sometimes rises one step. */
function renewedLevel(level: Level, random: SeededRandom): Level {
  if (level === '3' && random.chance(0.12)) return '4';
  if (level === '4' && random.chance(0.1)) return '4-potential-5';
  return level;
}

/** About half of the lapsed certificates are formally revoked some weeks after they expire. */
function maybeRecordLapse(product: PlannedProduct, random: SeededRandom): void {
  const last = product.decisions.at(-1)!;
  const decisionDate = addDays(validUntilOf(last), random.int(20, 60));
  if (!random.chance(0.5) || decisionDate > DEMO_LAST_DAY) return;
  product.revocation = { decisionDate, decisionNo: `${random.int(100, 2999)}/QĐ-UBND`, reason: REVOCATION_REASONS.lapsed };
}

/** Active on a day: the latest decision on or before it is 3 stars or more, still valid, and not revoked. */
function isActiveOn(product: PlannedProduct, day: IsoDay): boolean {
  const decision = product.decisions.filter((d) => d.date <= day).at(-1);
  if (!decision || STARS[decision.level] < 3 || validUntilOf(decision) < day) return false;
  return !(product.revocation && product.revocation.decisionDate <= day && product.revocation.decisionDate >= decision.date);
}

function randomDay(random: SeededRandom, [from, to]: readonly [IsoDay, IsoDay]): IsoDay {
  const span = Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000);
  return addDays(from, random.int(0, span));
}

// --- owners and names -------------------------------------------------------

/**
 * The products recognised by 31/12/2022 get exactly the 118 owners of DOMAIN.md
 * (every owner has at least one active product); later products go to an
 * existing owner of their district or to a new one.
 */
function assignOwners(products: PlannedProduct[], random: SeededRandom): void {
  const names = new Set<string>();
  const brands = [...random.shuffle(ENTERPRISE_BRANDS)];
  const createOwner = (kind: SubjectKind, district: District) => makeOwner(kind, district, random, names, brands);
  const endOf2022 = '2022-12-31';
  const recognisedBy2022 = products.filter((p) => p.decisions.some((d) => d.date <= endOf2022 && STARS[d.level] >= 3));
  const activeBy2022 = recognisedBy2022.filter((p) => isActiveOn(p, endOf2022));

  // Owners per district in proportion to the active products (largest remainder), kinds dealt at random.
  const totalOwners = Object.values(OWNERS_END_2022).reduce((a, b) => a + b, 0);
  const activeIn = (district: District) => activeBy2022.filter((p) => p.district === district).length;
  const quotas = DISTRICTS.map((district) => ({ district, exact: (totalOwners * activeIn(district)) / activeBy2022.length }));
  const counts = new Map(quotas.map((q) => [q.district, Math.floor(q.exact)]));
  let left = totalOwners - [...counts.values()].reduce((a, b) => a + b, 0);
  for (const q of [...quotas].sort((a, b) => (b.exact % 1) - (a.exact % 1) || a.district.localeCompare(b.district))) {
    if (left-- <= 0) break;
    counts.set(q.district, counts.get(q.district)! + 1);
  }
  const kinds = random.shuffle(Object.entries(OWNERS_END_2022).flatMap(([kind, n]) => Array<SubjectKind>(n).fill(kind as SubjectKind)));
  const ownersOf = new Map<District, Owner[]>();
  for (const district of DISTRICTS) {
    const owners = kinds.splice(0, counts.get(district)!).map((kind) => createOwner(kind, district));
    ownersOf.set(district, owners);
    const active = random.shuffle(activeBy2022.filter((p) => p.district === district));
    active.forEach((product, i) => {
      product.owner = i < owners.length ? owners[i]! : weightedOwner(owners, random);
    });
    for (const product of recognisedBy2022.filter((p) => p.district === district && !p.owner)) product.owner = weightedOwner(owners, random);
  }

  for (const product of products.filter((p) => !p.owner)) {
    const owners = ownersOf.get(product.district)!;
    if (random.chance(0.35)) {
      product.owner = weightedOwner(owners, random);
    } else {
      const roll = random.next();
      const kind: SubjectKind = roll < 0.5 ? 'household' : roll < 0.72 ? 'enterprise' : roll < 0.94 ? 'cooperative' : 'cooperative_group';
      product.owner = createOwner(kind, product.district);
      owners.push(product.owner);
    }
  }
}

/** Enterprises and cooperatives tend to own more products than households. */
function weightedOwner(owners: readonly Owner[], random: SeededRandom): Owner {
  const weight: Record<SubjectKind, number> = { enterprise: 4, cooperative: 3, cooperative_group: 1, household: 1 };
  const total = owners.reduce((sum, owner) => sum + weight[owner.kind], 0);
  let roll = random.next() * total;
  for (const owner of owners) {
    roll -= weight[owner.kind];
    if (roll < 0) return owner;
  }
  return owners.at(-1)!;
}

function makeOwner(kind: SubjectKind, district: District, random: SeededRandom, names: Set<string>, brands: string[]): Owner {
  for (let attempt = 0; ; attempt += 1) {
    const place = random.pick(PLACES[district]!);
    const suffix = attempt > 20 ? ` ${attempt}` : '';
    let owner: Owner;
    if (kind === 'household') {
      const given = random.pick(GIVEN_NAMES);
      owner = { kind, district, name: `Hộ kinh doanh ${random.pick(FAMILY_NAMES)} ${random.pick(MIDDLE_NAMES)} ${given}${suffix}`, brand: `${random.pick(BIRTH_ORDERS)} ${given}` };
    } else if (kind === 'enterprise') {
      const brand = brands.shift() ?? `${random.pick(ENTERPRISE_BRANDS)} ${place}`;
      owner = { kind, district, name: `${random.pick(ENTERPRISE_FORMS)} ${brand}${suffix}`, brand };
    } else if (kind === 'cooperative') {
      owner = { kind, district, name: `Hợp tác xã ${random.pick(COOPERATIVE_TRADES)} ${place}${suffix}`, brand: `HTX ${place}` };
    } else {
      owner = { kind, district, name: `Tổ hợp tác ${random.pick(COOPERATIVE_GROUP_TRADES)} ${place}${suffix}`, brand: `THT ${place}` };
    }
    if (!names.has(owner.name)) {
      names.add(owner.name);
      return owner;
    }
  }
}

function nameProducts(products: PlannedProduct[], random: SeededRandom): void {
  const taken = new Set<string>();
  const pool = (district: District) => PRODUCT_KINDS[district]!;
  for (const product of products) {
    if (product.fixedName) {
      const fixed = product.fixedName;
      product.kind = pool(product.district).find((k) => fixed.startsWith(k.name)) ?? { name: fixed, group: 'food' };
      product.name = fixed;
      taken.add(fixed);
      continue;
    }
    for (let attempt = 0; ; attempt += 1) {
      const kind = random.pick(pool(product.district));
      const name = `${kind.name} ${product.owner!.brand}${attempt > 30 ? ` loại ${attempt}` : ''}`;
      if (taken.has(name)) continue;
      taken.add(name);
      product.kind = kind;
      product.name = name;
      break;
    }
  }
}

// --- events -----------------------------------------------------------------

const at = (day: IsoDay, hour: number, minute = 0) => `${day}T${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}:00+07:00`;
const yearOf = (day: IsoDay) => day.slice(0, 4);

/** The units of the demo: Trà Vinh's districts to 2025-06-30, Vĩnh Long's communes and wards from 2025-07-01 (demo-units.ts). */
const unitsOfDemo = (): UnitDirectory => demoUnitDirectory();

const formerCommunes = new Map<District, string[]>();
/** The former communes of a district with a single 2025 successor (demo-units.ts formerCommunesOf). */
function formerCommunesOfDistrict(district: District): string[] {
  if (!formerCommunes.has(district)) formerCommunes.set(district, formerCommunesOf(unitsOfDemo(), district, DISTRICTS));
  return formerCommunes.get(district)!;
}

/** The commune or ward of 2025 that holds the product's former commune. */
function successorOf(product: Pick<PlannedProduct, 'productId' | 'district' | 'commune'>, day: IsoDay): string {
  return successorOn(unitsOfDemo(), product.district, product.commune, day);
}

/** The unit an event of the product names on a day: its district before the reform, its commune of 2025 from then on. */
function unitFields(product: PlannedProduct, day: IsoDay): { districtCode: string } | { communeCode: string } {
  return day >= TWO_TIER_FROM ? { communeCode: successorOf(product, day) } : { districtCode: product.district };
}

/** Who publishes for the product on a day: its district until the district level was abolished, its commune of 2025 after that. */
function localPublisher(product: PlannedProduct, day: IsoDay): string {
  return day >= TWO_TIER_FROM ? communeSource(successorOf(product, day)) : districtSource(product.district);
}

/** District decision numbers under 148/2023: one per round and district. */
const districtDecisionNumbers = new Map<string, string>();
function districtDecisionNo(round: RoundId, district: District): string {
  const key = `${round}-${district}`;
  if (!districtDecisionNumbers.has(key)) {
    const random = new SeededRandom(DEMO_SEED + Number(district) * 100 + Number(round.slice(0, 4)) + (round.endsWith('b') ? 7 : 0));
    districtDecisionNumbers.set(key, `${random.int(150, 4800)}/QĐ-UBND`);
  }
  return districtDecisionNumbers.get(key)!;
}

/** Who signs a decision: the district council for 3 stars and less under 148/2023, else the province. */
function issuerOf(decision: PlannedDecision, district: District): { source: string; council: Council; decisionNo: string } {
  if (decision.level === '5') return { source: PROVINCE_SOURCE, council: 'central', decisionNo: decision.provinceDecisionNo };
  if (decision.rules === '148' && STARS[decision.level] <= 3) {
    return { source: districtSource(district), council: 'district', decisionNo: districtDecisionNo(decision.round, district) };
  }
  return { source: PROVINCE_SOURCE, council: 'province', decisionNo: decision.provinceDecisionNo };
}

function scoreFor(level: Level, random: SeededRandom): number {
  if (level === '2') return random.int(38, 49);
  if (level === '3') return random.int(52, 69);
  if (level === '4') return random.int(70, 88);
  if (level === '5') return random.int(90, 95);
  return random.int(90, 93);
}

function productEvents(product: PlannedProduct, random: SeededRandom): InboundEvent[] {
  const { productId, district, owner, kind, name } = product;
  const events: InboundEvent[] = [];
  const registeredBeforeReform = product.registeredOn < TWO_TIER_FROM;
  events.push({
    source: localPublisher(product, product.registeredOn),
    detailType: 'ProductRegistered',
    detail: {
      eventId: `demo-${yearOf(product.registeredOn)}-registered-${productId}`,
      schemaVersion: 1,
      occurredAt: at(product.registeredOn, random.int(7, 16), random.int(0, 59)),
      // Before the reform the district registers it in its former commune; from it, the commune of 2025 registers it.
      ...(registeredBeforeReform ? { districtCode: district, communeCode: product.commune } : { communeCode: successorOf(product, product.registeredOn) }),
      productId,
      name: name!,
      group: kind!.group,
      subject: { name: owner!.name, kind: owner!.kind },
    },
  });

  for (const decision of product.decisions) {
    const issuer = issuerOf(decision, district);
    const score = scoreFor(decision.level, random);
    const common = {
      schemaVersion: 1 as const,
      occurredAt: at(decision.date, 9),
      ...unitFields(product, decision.date),
      productId,
      score,
      ...(decision.level === '4-potential-5' && { fiveStarPotential: true }),
      council: issuer.council,
      decisionNo: issuer.decisionNo,
      decisionDate: decision.date,
    };
    if (decision.kind === 'upgrade') {
      events.push({
        source: issuer.source,
        detailType: 'ProductUpgraded',
        detail: { ...common, eventId: `demo-${yearOf(decision.date)}-upgraded-${productId}`, fromStars: STARS[decision.fromLevel!], toStars: STARS[decision.level] },
      });
    } else {
      events.push({
        source: issuer.source,
        detailType: 'ProductRated',
        detail: { ...common, eventId: `demo-${yearOf(decision.date)}-rated-${productId}`, stars: STARS[decision.level] },
      });
    }
  }

  if (product.revocation) {
    const { decisionDate, decisionNo, reason } = product.revocation;
    events.push({
      source: PROVINCE_SOURCE,
      detailType: 'ProductCertificateRevoked',
      detail: { eventId: `demo-${yearOf(decisionDate)}-revoked-${productId}`, schemaVersion: 1, occurredAt: at(decisionDate, 10), ...unitFields(product, decisionDate), productId, decisionNo, decisionDate, reason },
    });
  }

  const firstRecognition = product.decisions.find((d) => STARS[d.level] >= 3)?.date;
  if (firstRecognition) events.push(...marketplaceEvents(product, firstRecognition, random), ...traceabilityEvents(product, firstRecognition, random));
  return events;
}

/** The day a product stops trading as OCOP: the end of its last certificate, or its revocation. */
function endOfCertification(product: PlannedProduct): IsoDay {
  const last = product.decisions.at(-1)!;
  const expiry = validUntilOf(last);
  return product.revocation && product.revocation.decisionDate < expiry ? product.revocation.decisionDate : expiry;
}

function marketplaceEvents(product: PlannedProduct, firstRecognition: IsoDay, random: SeededRandom): InboundEvent[] {
  const events: InboundEvent[] = [];
  const slug = `${slugOf(product.name!)}-${product.productId.toLowerCase()}`;
  const end = endOfCertification(product);
  for (const marketplace of MARKETPLACES) {
    if (product.kind!.group === 'tourism' && marketplace.id !== 'travinhtrade') continue;
    if (!random.chance(marketplace.probability)) continue;
    const listedOn = addDays(firstRecognition > marketplace.since ? firstRecognition : marketplace.since, random.int(5, 150));
    if (listedOn > DEMO_LAST_DAY || listedOn > end) continue;
    events.push({
      source: localPublisher(product, listedOn),
      detailType: 'ProductListedOnMarketplace',
      detail: {
        eventId: `demo-${yearOf(listedOn)}-listed-${marketplace.id}-${product.productId}`,
        schemaVersion: 1,
        occurredAt: at(listedOn, random.int(8, 17), random.int(0, 59)),
        ...unitFields(product, listedOn),
        productId: product.productId,
        marketplace: marketplace.id,
        listingUrl: marketplace.url(slug, product.productId),
        listedAt: at(listedOn, random.int(8, 17), random.int(0, 59)),
      },
    });
    // Taken off some weeks after the certificate ends, or now and then for no recorded reason.
    const delistedOn = end < DEMO_LAST_DAY ? addDays(end, random.int(15, 90)) : random.chance(0.06) ? addDays(listedOn, random.int(200, 600)) : undefined;
    if (delistedOn && delistedOn <= DEMO_LAST_DAY) {
      const time = at(delistedOn, random.int(8, 17), random.int(0, 59));
      events.push({
        source: localPublisher(product, delistedOn),
        detailType: 'ProductDelistedFromMarketplace',
        detail: {
          eventId: `demo-${yearOf(delistedOn)}-delisted-${marketplace.id}-${product.productId}`,
          schemaVersion: 1,
          occurredAt: time,
          ...unitFields(product, delistedOn),
          productId: product.productId,
          marketplace: marketplace.id,
          delistedAt: time,
        },
      });
    }
  }
  return events;
}

function traceabilityEvents(product: PlannedProduct, firstRecognition: IsoDay, random: SeededRandom): InboundEvent[] {
  const events: InboundEvent[] = [];
  const end = endOfCertification(product);
  const enrol = (system: string, since: IsoDay, probability: number, lagDays: number, traceCode: string) => {
    if (!random.chance(probability)) return;
    const day = addDays(firstRecognition > since ? firstRecognition : since, random.int(0, lagDays));
    if (day > DEMO_LAST_DAY || day > end) return;
    const time = at(day, random.int(8, 17), random.int(0, 59));
    events.push({
      source: localPublisher(product, day),
      detailType: 'ProductTraceabilityEnrolled',
      detail: { eventId: `demo-${yearOf(day)}-traced-${system}-${product.productId}`, schemaVersion: 1, occurredAt: time, ...unitFields(product, day), productId: product.productId, system, traceCode, enrolledAt: time },
    });
  };
  const { provincialQr, nationalPortal } = TRACEABILITY;
  enrol(provincialQr.system, provincialQr.since, provincialQr.probability, 150, `TV-QR-${product.productId}`);
  enrol(nationalPortal.system, nationalPortal.since, nationalPortal.probability, 240, gtin13(`893${String(random.int(0, 999_999_999)).padStart(9, '0')}`));
  return events;
}

/** A GS1 GTIN-13 from its first 12 digits (Vietnam's prefix is 893). */
function gtin13(first12: string): string {
  const sum = [...first12].reduce((total, digit, i) => total + Number(digit) * (i % 2 === 0 ? 1 : 3), 0);
  return `${first12}${(10 - (sum % 10)) % 10}`;
}

function ipGrantEvents(products: PlannedProduct[], random: SeededRandom): InboundEvent[] {
  const recognisedBy = (day: IsoDay) => products.filter((p) => p.decisions.some((d) => STARS[d.level] >= 3 && d.date <= day));
  const grants = IP_GRANTS.map((grant) => ({
    ...grant,
    productIds: grant.products
      ? recognisedBy(grant.grantedAt)
          .filter((p) => p.name!.toLowerCase().includes(grant.products!.toLowerCase()) && (!grant.district || p.district === grant.district))
          .map((p) => p.productId)
      : [],
  }));

  // Ordinary marks: the brands of owners (enterprises and cooperatives first) with a recognised product.
  const owners = new Map<string, PlannedProduct>();
  for (const year of Object.keys(ORDINARY_MARKS_PER_YEAR).map(Number)) {
    const candidates = random.shuffle(recognisedBy(`${year}-06-30`).filter((p) => p.owner!.kind !== 'household' || random.chance(0.3)));
    let granted = 0;
    for (const product of candidates) {
      if (granted === ORDINARY_MARKS_PER_YEAR[year]) break;
      if (owners.has(product.owner!.name)) continue;
      owners.set(product.owner!.name, product);
      granted += 1;
      const grantedAt = randomDay(random, [`${year}-01-10`, year === 2026 ? '2026-11-10' : `${year}-12-20`]);
      grants.push({
        ipId: `OM-${product.productId}`,
        kind: 'ordinary_mark',
        title: `Nhãn hiệu "${product.owner!.brand}" cho ${product.kind!.name.toLowerCase()}`,
        certificateNo: `4-0${random.int(350_000, 560_000)}-000`,
        grantedAt,
        district: product.district,
        productIds: [product.productId],
      });
    }
  }

  return grants.map((grant) => ({
    source: PROVINCE_SOURCE,
    detailType: 'IntellectualPropertyGranted' as const,
    detail: {
      eventId: `demo-${yearOf(grant.grantedAt)}-ip-${grant.ipId}`,
      schemaVersion: 1 as const,
      occurredAt: at(grant.grantedAt, 14),
      // The district it belongs to, while there were districts; after the reform the grant names no unit.
      ...(grant.district && grant.grantedAt < TWO_TIER_FROM && { districtCode: grant.district }),
      ipId: grant.ipId,
      kind: grant.kind,
      title: grant.title,
      certificateNo: grant.certificateNo,
      grantedAt: grant.grantedAt,
      ...(grant.productIds.length > 0 && { productIds: grant.productIds }),
    },
  }));
}

function scienceTaskEvent(task: (typeof SCIENCE_TASKS)[number]): InboundEvent {
  return {
    source: PROVINCE_SOURCE,
    detailType: 'ScienceTaskApproved',
    detail: { eventId: `demo-${yearOf(task.approvedAt)}-task-${task.taskId}`, schemaVersion: 1, occurredAt: at(task.approvedAt, 15), taskId: task.taskId, title: task.title, approvedAt: task.approvedAt },
  };
}
