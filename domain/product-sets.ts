import { PRODUCT_SETS, type ProductGroup, type ProductSet } from '../events';
import { DECISION_26_2026 } from './rules-26-2026';

/**
 * The classification of OCOP products of Quyết định 26/2026/QĐ-TTg (22/5/2026): six sectors (Điều 2 khoản 2, the
 * Roman numerals of Appendix I), 17 groups (nhóm) and, where a group is divided, subgroups (phân nhóm). Each leaf is
 * one of the 26 product sets (bộ sản phẩm) of Appendix II, which lists them in the same order, so the n-th leaf of
 * Appendix I is Appendix II's set n. The code of a set is its place in Appendix I (events/vocabulary.ts
 * PRODUCT_SETS); the names below are the decision's own words (a set's name as Appendix II gives it, a group's and a
 * sector's as Appendix I does), and each set carries its lead ministries (cơ quan chủ trì quản lý, Appendix I's last
 * column, which footnote 1 ties to Nghị định 15/2018/NĐ-CP).
 *
 * Read in the transcription of the decision's text named by DECISION_26_2026.source.
 */

export const SECTORS = ['I', 'II', 'III', 'IV', 'V', 'VI'] as const;
export type Sector = (typeof SECTORS)[number];

/** The sectors of Appendix I, and the `group` of ProductRegistered (events/vocabulary.ts) each one is. */
export const SECTOR_OF_APPENDIX_I: Readonly<Record<Sector, { name: string; group: ProductGroup }>> = {
  I: { name: 'Sản phẩm thực phẩm', group: 'food' },
  II: { name: 'Sản phẩm đồ uống', group: 'beverage' },
  III: { name: 'Sản phẩm dược liệu và sản phẩm từ dược liệu', group: 'herbal' },
  IV: { name: 'Sản phẩm hàng thủ công mỹ nghệ', group: 'handicraft' },
  V: { name: 'Sản phẩm sinh vật cảnh', group: 'ornamental' },
  VI: { name: 'Sản phẩm dịch vụ du lịch cộng đồng, du lịch sinh thái và điểm du lịch', group: 'tourism' },
};

/** The 17 groups (nhóm) of Appendix I, by sector and number. */
export const GROUPS_OF_APPENDIX_I = {
  'I.1': 'Thực phẩm tươi sống',
  'I.2': 'Thực phẩm thô, sơ chế',
  'I.3': 'Thực phẩm chế biến',
  'I.4': 'Gia vị',
  'I.5': 'Chè',
  'I.6': 'Cà phê, ca cao',
  'II.1': 'Đồ uống có cồn',
  'II.2': 'Đồ uống không cồn',
  'III.1': 'Thực phẩm chức năng, thuốc dược liệu, thuốc cổ truyền',
  'III.2': 'Mỹ phẩm có thành phần từ dược liệu',
  'III.3': 'Tinh dầu và dược liệu khác',
  'IV.1': 'Thủ công mỹ nghệ gia dụng, trang trí',
  'IV.2': 'Vải, may mặc',
  'V.1': 'Hoa',
  'V.2': 'Cây cảnh',
  'V.3': 'Động vật cảnh',
  'VI.1': 'Dịch vụ du lịch cộng đồng, du lịch sinh thái và điểm du lịch',
} as const;
export type ProductSetGroup = keyof typeof GROUPS_OF_APPENDIX_I;

/** The lead ministries Appendix I names. */
export const MINISTRIES = {
  agriculture: 'Bộ Nông nghiệp và Môi trường',
  industryTrade: 'Bộ Công Thương',
  health: 'Bộ Y tế',
  cultureTourism: 'Bộ Văn hóa, Thể thao và Du lịch',
} as const;
export type Ministry = keyof typeof MINISTRIES;

export interface ProductSetEntry {
  /** The set's name in Appendix II ("Bộ sản phẩm: …"). */
  name: string;
  /** Its lead ministries, in Appendix I's order. */
  leadMinistries: readonly Ministry[];
}

const A: Ministry = 'agriculture';
const T: Ministry = 'industryTrade';
const H: Ministry = 'health';
const C: Ministry = 'cultureTourism';

export const PRODUCT_SETS_OF_APPENDIX_I: Readonly<Record<ProductSet, ProductSetEntry>> = {
  'I.1.a': { name: 'Rau, củ, quả, hạt tươi', leadMinistries: [A] },
  'I.1.b': { name: 'Thịt, thủy sản, trứng, sữa tươi', leadMinistries: [A] },
  'I.2.a': { name: 'Gạo, ngũ cốc, hạt sơ chế khác', leadMinistries: [A] },
  'I.2.b': { name: 'Mật ong, mật khác và nông sản thực phẩm khác', leadMinistries: [A] },
  'I.3.a': { name: 'Đồ ăn nhanh', leadMinistries: [T] },
  'I.3.b': { name: 'Chế biến từ gạo, ngũ cốc', leadMinistries: [A, T] },
  'I.3.c': { name: 'Chế biến từ rau, củ, quả, hạt', leadMinistries: [A] },
  'I.3.d': { name: 'Chế biến từ thịt, thủy sản, trứng, sữa, các sản phẩm từ mật ong, mật khác và nông sản thực phẩm khác', leadMinistries: [A, T] },
  'I.4.a': { name: 'Tương, nước mắm, gia vị dạng lỏng khác', leadMinistries: [A] },
  'I.4.b': { name: 'Gia vị khác (muối, hành, tỏi, tiêu)', leadMinistries: [A] },
  'I.5.a': { name: 'Chè tươi, chè chế biến', leadMinistries: [A] },
  'I.5.b': { name: 'Sản phẩm trà từ thực vật khác', leadMinistries: [A] },
  'I.6': { name: 'Cà phê, cacao', leadMinistries: [A] },
  'II.1.a': { name: 'Rượu trắng', leadMinistries: [T] },
  'II.1.b': { name: 'Đồ uống có cồn khác', leadMinistries: [T] },
  'II.2.a': { name: 'Nước khoáng thiên nhiên, nước uống đóng chai', leadMinistries: [H] },
  'II.2.b': { name: 'Đồ uống không cồn khác', leadMinistries: [T] },
  'III.1': { name: 'Thực phẩm chức năng, thuốc dược liệu, thuốc cổ truyền', leadMinistries: [H] },
  'III.2': { name: 'Mỹ phẩm có thành phần từ dược liệu', leadMinistries: [H] },
  'III.3': { name: 'Tinh dầu và dược liệu khác', leadMinistries: [H, T] },
  'IV.1': { name: 'Thủ công mỹ nghệ', leadMinistries: [T, A] },
  'IV.2': { name: 'Vải, may mặc', leadMinistries: [T] },
  'V.1': { name: 'Hoa', leadMinistries: [A] },
  'V.2': { name: 'Cây cảnh', leadMinistries: [A] },
  'V.3': { name: 'Động vật cảnh', leadMinistries: [A] },
  'VI.1': { name: 'Dịch vụ du lịch cộng đồng, du lịch sinh thái và điểm du lịch', leadMinistries: [C, A] },
};

/** A product set with its place in the classification. */
export interface ProductSetInfo extends ProductSetEntry {
  code: ProductSet;
  /** Its number in Appendix II (1..26). */
  appendixIINumber: number;
  sector: Sector;
  sectorName: string;
  group: ProductSetGroup;
  groupName: string;
  /** The `group` of ProductRegistered its sector is. */
  productGroup: ProductGroup;
}

export function productSetInfo(code: ProductSet): ProductSetInfo {
  const [sector, number] = code.split('.') as [Sector, string];
  const group = `${sector}.${number}` as ProductSetGroup;
  const entry = PRODUCT_SETS_OF_APPENDIX_I[code];
  return {
    code,
    ...entry,
    appendixIINumber: PRODUCT_SETS.indexOf(code) + 1,
    sector,
    sectorName: SECTOR_OF_APPENDIX_I[sector].name,
    group,
    groupName: GROUPS_OF_APPENDIX_I[group],
    productGroup: SECTOR_OF_APPENDIX_I[sector].group,
  };
}

/** Why a registration's product set disagrees with its group, or undefined (Điều 2 khoản 2 and Appendix I). */
export function productSetProblem(productSet: ProductSet, group: ProductGroup): string | undefined {
  const info = productSetInfo(productSet);
  if (info.productGroup === group) return undefined;
  return (
    `Phụ lục I ${DECISION_26_2026.citation}: product set ${productSet} (${info.name}) belongs to sector ${info.sector} (${info.sectorName}), ` +
    `which is group ${info.productGroup}, but the registration's group is ${group}`
  );
}
