import { computeSnapshot, decodeKpiRecord, encodeKpiRecord, unitDirectory, type KpiInputs, type KpiSnapshot, type ProductKpiRecord, type Unit } from '../../../domain';
import { shippedUnitDirectory } from '../../../domain/data/shipped-units';
import { district, province, rated, registered, transferred } from './support/events';
import { project } from './support/project';
import { DEPLOYMENT_PROVINCE, PLAN_53_KH_UBND } from '../../support/shipped-data';

/**
 * byUnit: the products by the units in force on asOf, across the 2025 reform.
 * A product keeps the unit it was registered (or transferred) under; on a day
 * after that unit ended, it counts under the successor that holds its
 * territory, narrowed by its registered commune; when that does not settle it,
 * it is in `unassigned` under its former unit, never guessed, never dropped.
 */
const units = shippedUnitDirectory();
const snapshotOn = (inputs: KpiInputs, day: string): KpiSnapshot =>
  computeSnapshot(inputs, { asOf: `${day}T12:00:00+07:00`, plans: [PLAN_53_KH_UBND], province: DEPLOYMENT_PROVINCE, units });
const TP_TRA_VINH = district('842');
const CHAU_THANH = district('847');
const activeOf = (rows: Record<string, { active: number }> | undefined) => Object.values(rows ?? {}).reduce((sum, row) => sum + row.active, 0);
const indicator = (snapshot: KpiSnapshot, id: string) => snapshot.indicators.find((i) => i.id === id)!.value;

/** 4 stars in 2024 (valid three years, so active through the reform), registered in 2023. */
const recognised = (productId: string, by = TP_TRA_VINH, communeCode?: string) => [
  registered(productId, by, { day: '2023-03-01', ...(communeCode !== undefined && { communeCode }) }),
  rated(productId, province(by.districtCode), 4, { score: 76, day: '2024-05-10' }),
];

describe('byUnit before the reform', () => {
  it('is the nine districts in force, with the same figures as byDistrict', () => {
    // Prepare
    const inputs = project([...recognised('P-1'), ...recognised('P-2', CHAU_THANH, '29395')]);
    // Act
    const snapshot = snapshotOn(inputs, '2024-12-31');
    // Assess
    expect(Object.keys(snapshot.breakdown.byUnit!).sort()).toEqual(['842', '844', '845', '846', '847', '848', '849', '850', '851']);
    expect(snapshot.breakdown.byUnit!['842']).toMatchObject({ name: 'Thành phố Trà Vinh', kind: 'city', active: 1, byLevel: { '4': 1 } });
    for (const [code, row] of Object.entries(snapshot.breakdown.byDistrict)) {
      const { name: _name, kind: _kind, ...figures } = snapshot.breakdown.byUnit![code]!;
      const { name: _districtName, ...districtFigures } = row;
      expect(figures).toEqual(districtFigures);
    }
    expect(snapshot.breakdown.unassigned).toEqual({});
  });
});

describe('byUnit after the reform', () => {
  it('counts a product of district 842 whose registered commune was a ward of 842 under 29242 in 2026', () => {
    // Prepare: 29239, a former ward of Thành phố Trà Vinh, went into Phường Trà Vinh (29242).
    const inputs = project(recognised('P-1', TP_TRA_VINH, '29239'));
    // Act
    const snapshot = snapshotOn(inputs, '2026-06-01');
    // Assess
    expect(Object.keys(snapshot.breakdown.byUnit!)).toHaveLength(124);
    expect(snapshot.breakdown.byUnit!['29242']).toMatchObject({ name: 'Phường Trà Vinh', kind: 'ward', active: 1, byLevel: { '4': 1 } });
    expect(snapshot.breakdown.unassigned).toEqual({});
  });

  it('follows a registered commune into a unit formed from two districts', () => {
    // Prepare: xã Nguyệt Hóa (29395) of Châu Thành went into Phường Nguyệt Hóa (29254), with wards of Thành phố Trà Vinh.
    const inputs = project(recognised('P-2', CHAU_THANH, '29395'));
    // Act
    const snapshot = snapshotOn(inputs, '2026-06-01');
    // Assess
    expect(snapshot.breakdown.byUnit!['29254']!.active).toBe(1);
  });

  it('puts a product without a commune into the unassigned bucket of its former district, with the candidate successors', () => {
    // Prepare
    const inputs = project(recognised('P-3'));
    // Act
    const snapshot = snapshotOn(inputs, '2026-06-01');
    // Assess
    expect(snapshot.breakdown.unassigned).toEqual({
      '842': expect.objectContaining({
        name: 'Thành phố Trà Vinh',
        reason: 'ambiguous',
        active: 1,
        candidates: [
          { code: '29242', name: 'Phường Trà Vinh' },
          { code: '29254', name: 'Phường Nguyệt Hóa' },
          { code: '29263', name: 'Phường Long Đức' },
          { code: '29398', name: 'Phường Hòa Thuận' },
        ],
      }),
    });
    expect(activeOf(snapshot.breakdown.byUnit)).toBe(0);
  });

  it('does not guess from a commune that was not part of the former district', () => {
    // Prepare: 29374 was a commune of Châu Thành (847), not of Thành phố Trà Vinh.
    const inputs = project(recognised('P-4', TP_TRA_VINH, '29374'));
    // Act
    const snapshot = snapshotOn(inputs, '2026-06-01');
    // Assess
    expect(snapshot.breakdown.unassigned!['842']).toMatchObject({ reason: 'ambiguous', active: 1 });
  });

  it('moves a product by a ProductTransferred to a commune, from its effective day', () => {
    // Prepare
    const inputs = project([...recognised('P-5'), transferred('P-5', '29263', { day: '2025-07-15', effectiveDate: '2025-07-01' })]);
    // Act
    const before = snapshotOn(inputs, '2025-06-30');
    const after = snapshotOn(inputs, '2026-06-01');
    // Assess
    expect(before.breakdown.byUnit!['842']!.active).toBe(1);
    expect(after.breakdown.byUnit!['29263']).toMatchObject({ name: 'Phường Long Đức', active: 1 });
    expect(after.breakdown.unassigned).toEqual({});
  });

  it('keeps a product whose unit is in no units data under that code, as unknown', () => {
    // Prepare: a record of a unit the directory does not know (data of another province, or an older record).
    const record: ProductKpiRecord = {
      productId: 'X-1', name: 'Sản phẩm X-1', group: 'food', registeredOn: '2023-03-01', units: [{ from: null, unitCode: '999' }],
      decisions: [{ decisionDate: '2024-05-10', stars: 3, level: '3', validUntil: '2027-05-10' }], revocations: [], listed: [],
    };
    // Act
    const snapshot = snapshotOn({ products: [record], ipGrants: [], scienceTasks: [] }, '2026-06-01');
    // Assess
    expect(snapshot.breakdown.unassigned!['999']).toMatchObject({ reason: 'unknown', candidates: [], active: 1 });
    expect(snapshot.breakdown.unassigned!['999']).not.toHaveProperty('name');
  });

  it('adds up: byUnit and unassigned together hold every active product, on each side of the reform', () => {
    // Prepare
    const inputs = project([
      ...recognised('P-1', TP_TRA_VINH, '29239'),
      ...recognised('P-2', CHAU_THANH, '29395'),
      ...recognised('P-3'),
      ...recognised('P-6', CHAU_THANH),
      ...recognised('P-5'),
      transferred('P-5', '29263', { day: '2025-07-15', effectiveDate: '2025-07-01' }),
    ]);
    for (const day of ['2024-12-31', '2025-06-30', '2025-07-01', '2026-06-01']) {
      // Act
      const snapshot = snapshotOn(inputs, day);
      // Assess
      expect(activeOf(snapshot.breakdown.byUnit) + activeOf(snapshot.breakdown.unassigned)).toBe(indicator(snapshot, 'ocop.active'));
      expect(activeOf(snapshot.breakdown.byDistrict)).toBe(indicator(snapshot, 'ocop.active'));
    }
    expect(indicator(snapshotOn(inputs, '2026-06-01'), 'ocop.active')).toBe(5);
  });

  it("lists in a former unit's bucket the candidates of all its products, when a split commune narrowed some to fewer", () => {
    // Prepare: made-up units (not public data) of the deployment's province of the day (86): district 900 went into 90001..90003; its commune 90010 was split between 90001 and 90002.
    const unit = (code: string, rest: Partial<Unit>): Unit => ({ code, name: `Unit ${code}`, kind: 'commune', successors: [], formedFrom: [], province: '86', source: 'test', ...rest });
    const directory = unitDirectory([
      unit('900', { kind: 'district', validTo: '2025-06-30', successors: ['90001', '90002', '90003'] }),
      unit('90001', { validFrom: '2025-07-01', formedFrom: [{ code: '90010', part: true }] }),
      unit('90002', { validFrom: '2025-07-01', formedFrom: [{ code: '90010', part: true }, { code: '90011', part: false }] }),
      unit('90003', { validFrom: '2025-07-01', formedFrom: [{ code: '90012', part: false }] }),
    ]);
    const record = (productId: string, communeCode?: string): ProductKpiRecord => ({
      productId, name: productId, group: 'food', registeredOn: '2023-03-01', units: [{ from: null, unitCode: '900' }], ...(communeCode !== undefined && { communeCode }),
      decisions: [{ decisionDate: '2024-05-10', stars: 3, level: '3', validUntil: '2027-05-10' }], revocations: [], listed: [],
    });
    // Act
    const snapshot = computeSnapshot(
      { products: [record('S-1', '90010'), record('S-2'), record('S-3', '90012')], ipGrants: [], scienceTasks: [] },
      { asOf: '2026-06-01T12:00:00+07:00', plans: [PLAN_53_KH_UBND], province: DEPLOYMENT_PROVINCE, units: directory },
    );
    // Assess: S-3's commune settles it; S-1 (split commune) and S-2 (no commune) stay with 900.
    expect(snapshot.breakdown.byUnit!['90003']!.active).toBe(1);
    expect(snapshot.breakdown.unassigned!['900']).toMatchObject({ reason: 'ambiguous', active: 2 });
    expect(snapshot.breakdown.unassigned!['900']!.candidates.map((c) => c.code)).toEqual(['90001', '90002', '90003']);
  });

  it('is empty of units on a day no units data covers, and still counts every product', () => {
    // Prepare: a directory with the districts alone (their successors unknown to it).
    const districtsOnly = unitDirectory(units.units.filter((unit) => unit.code.length === 3).map((unit) => ({ ...unit, successors: [] })));
    const inputs = project(recognised('P-1', TP_TRA_VINH, '29239'));
    // Act
    const snapshot = computeSnapshot(inputs, { asOf: '2026-06-01T12:00:00+07:00', plans: [PLAN_53_KH_UBND], province: DEPLOYMENT_PROVINCE, units: districtsOnly });
    // Assess
    expect(snapshot.breakdown.byUnit).toEqual({});
    expect(snapshot.breakdown.unassigned!['842']).toMatchObject({ reason: 'unknown', active: 1 });
  });
});

describe('the KPI record carries the registered commune', () => {
  it('round-trips communeCode through the compact encoding', () => {
    // Prepare
    const [record] = project(recognised('P-1', TP_TRA_VINH, '29239')).products;
    // Act
    const decoded = decodeKpiRecord(encodeKpiRecord({ kind: 'product', product: record! }));
    // Assess
    expect(record!.communeCode).toBe('29239');
    expect(decoded).toEqual({ kind: 'product', product: record });
  });

  it('reads a record encoded before communeCode existed as one without a hint', () => {
    // Prepare: the ten fields of the earlier encoding.
    const older = JSON.stringify(['p', 'P-9', 'Sản phẩm P-9', 'food', '2023-03-01', [[null, '842']], [['2024-05-10', 4, '4', '2027-05-10']], [], null, []]);
    // Act
    const decoded = decodeKpiRecord(older);
    // Assess
    expect(decoded).toEqual({
      kind: 'product',
      product: { productId: 'P-9', name: 'Sản phẩm P-9', group: 'food', registeredOn: '2023-03-01', units: [{ from: null, unitCode: '842' }], decisions: [{ decisionDate: '2024-05-10', stars: 4, level: '4', validUntil: '2027-05-10' }], revocations: [], listed: [] },
    });
  });
});
