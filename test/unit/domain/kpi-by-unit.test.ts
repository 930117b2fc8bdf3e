import { activeCertificateOn, checkUnitInForce, computeSnapshot, productsOfRowOn, type UnitRowKey, decodeKpiRecord, describeUnitCheck, encodeKpiRecord, unitDirectory, type KpiInputs, type KpiSnapshot, type ProductKpiRecord, type Unit } from '../../../domain';
import { shippedUnitDirectory } from '../../../domain/data/shipped-units';
import { commune, district, province, rated, registered, transferred } from './support/events';
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
      const { name: _districtName, kind: _districtKind, ...districtFigures } = row;
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

describe('every breakdown row named from the units data', () => {
  it('gives the rows of byDistrict after the reform their names and kinds, and marks the former units', () => {
    // Prepare: P-1 of Thành phố Trà Vinh (placed in 29242 by its commune); C-1 registered in 2026 by Phường Trà Vinh itself.
    const inputs = project([
      ...recognised('P-1', TP_TRA_VINH, '29239'),
      registered('C-1', commune('29242'), { day: '2026-02-01' }),
      rated('C-1', { ...province(), communeCode: '29242' }, 3, { score: 60, day: '2026-03-01' }),
    ]);
    // Act
    const snapshot = snapshotOn(inputs, '2026-06-01');
    // Assess: no row is a bare code.
    for (const row of Object.values(snapshot.breakdown.byDistrict)) expect(row.name).toEqual(expect.any(String));
    expect(snapshot.breakdown.byDistrict['842']).toMatchObject({ name: 'Thành phố Trà Vinh', kind: 'city', former: true, active: 1 });
    expect(snapshot.breakdown.byDistrict['29242']).toMatchObject({ name: 'Phường Trà Vinh', kind: 'ward', active: 1 });
    expect(snapshot.breakdown.byDistrict['29242']).not.toHaveProperty('former');
    expect(snapshot.breakdown.byUnit!['29242']!.active).toBe(2);
  });

  it('counts in a former unit\'s unassigned row every product waiting to be assigned, active or not, with its kind', () => {
    // Prepare: two products of 842 without a commune, one of them never rated.
    const inputs = project([...recognised('P-3'), registered('P-7', TP_TRA_VINH, { day: '2023-04-01' })]);
    // Act
    const snapshot = snapshotOn(inputs, '2026-06-01');
    // Assess
    expect(snapshot.breakdown.unassigned!['842']).toMatchObject({ name: 'Thành phố Trà Vinh', kind: 'city', former: true, active: 1, products: 2 });
  });

  it('names in expiring[] the unit in force that holds the product, keeping districtCode', () => {
    // Prepare: rated 2023-09-10 (valid to 2026-09-10), so expiring on 2026-06-30; P-E1 placed in 29242 by its commune, P-E2 not placed.
    const expiringProduct = (productId: string, communeCode?: string) => [
      registered(productId, TP_TRA_VINH, { day: '2023-03-01', ...(communeCode !== undefined && { communeCode }) }),
      rated(productId, province('842'), 3, { score: 60, day: '2023-09-10' }),
    ];
    const inputs = project([...expiringProduct('P-E1', '29239'), ...expiringProduct('P-E2')]);
    // Act
    const before = snapshotOn(inputs, '2024-06-30').expiring;
    const after = snapshotOn(inputs, '2026-06-30').expiring;
    // Assess
    expect(before).toEqual([]);
    expect(after).toEqual([
      expect.objectContaining({ productId: 'P-E1', districtCode: '842', unitCode: '29242', unitName: 'Phường Trà Vinh' }),
      expect.objectContaining({ productId: 'P-E2', districtCode: '842', unitCode: '842', unitName: 'Thành phố Trà Vinh', unassigned: true }),
    ]);
    expect(after[0]).not.toHaveProperty('unassigned');
  });

  it('names a district in expiring[] before the reform', () => {
    // Prepare: rated 2022-03-01, valid to 2025-03-01.
    const inputs = project([registered('P-E3', CHAU_THANH, { day: '2022-01-10' }), rated('P-E3', province('847'), 3, { score: 60, day: '2022-03-01' })]);
    // Act
    const [certificate] = snapshotOn(inputs, '2025-01-15').expiring;
    // Assess
    expect(certificate).toMatchObject({ districtCode: '847', unitCode: '847', unitName: 'Huyện Châu Thành' });
  });
});

describe('productsOfRowOn', () => {
  it('lists for every row of byUnit and unassigned the products it counts, on each side of the reform', () => {
    // Prepare
    const inputs = project([
      ...recognised('P-1', TP_TRA_VINH, '29239'),
      ...recognised('P-2', CHAU_THANH, '29395'),
      ...recognised('P-3'),
      ...recognised('P-5'),
      transferred('P-5', '29263', { day: '2025-07-15', effectiveDate: '2025-07-01' }),
      registered('P-8', TP_TRA_VINH, { day: '2023-04-01' }),
    ]);
    for (const day of ['2024-12-31', '2026-06-01']) {
      // Act
      const snapshot = snapshotOn(inputs, day);
      const activeIn = (row: UnitRowKey) => productsOfRowOn(inputs.products, units, row, day).filter((p) => activeCertificateOn(p, day) !== undefined).length;
      // Assess
      for (const [code, row] of Object.entries(snapshot.breakdown.byUnit!)) expect([code, activeIn({ unit: code })]).toEqual([code, row.active]);
      for (const [code, row] of Object.entries(snapshot.breakdown.unassigned!)) {
        expect(productsOfRowOn(inputs.products, units, { unassigned: code }, day)).toHaveLength(row.products!);
        expect(activeIn({ unassigned: code })).toBe(row.active);
      }
    }
    expect(productsOfRowOn(inputs.products, units, { unit: '29242' }, '2026-06-01').map((p) => p.productId)).toEqual(['P-1']);
    expect(productsOfRowOn(inputs.products, units, { unassigned: '842' }, '2026-06-01').map((p) => p.productId)).toEqual(['P-3', 'P-8']);
  });
});

describe('checkUnitInForce', () => {
  it('accepts a commune in force, and a district before the reform', () => {
    // Act
    const commune2026 = checkUnitInForce(units, '29242', '2026-12-06');
    const district2024 = checkUnitInForce(units, '845', '2024-06-01');
    // Assess
    expect(commune2026).toMatchObject({ ok: true, unit: { name: 'Phường Trà Vinh', kind: 'ward' } });
    expect(district2024).toMatchObject({ ok: true, unit: { name: 'Huyện Cầu Kè' } });
  });

  it('refuses an unknown code, and a former district after the reform naming the units that hold its territory', () => {
    // Act
    const unknown = checkUnitInForce(units, '29999', '2026-12-06');
    const former = checkUnitInForce(units, '845', '2026-12-06');
    const early = checkUnitInForce(units, '29242', '2024-06-01');
    // Assess
    expect(unknown).toEqual({ ok: false, problem: 'unknown' });
    expect(describeUnitCheck(unknown as Exclude<typeof unknown, { ok: true }>, '29999', '2026-12-06')).toBe(
      '29999 is not an administrative unit in the units data (GET /v1/units lists the units of a day)',
    );
    expect(former).toMatchObject({ ok: false, problem: 'not-in-force' });
    expect(describeUnitCheck(former as Exclude<typeof former, { ok: true }>, '845', '2026-12-06')).toBe(
      '845 (Huyện Cầu Kè) is not a unit in force on 2026-12-06: it ended on 2025-06-30; on 2026-12-06 its territory is held by 29308 (Xã Cầu Kè), 29317 (Xã An Phú Tân), 29329 (Xã Phong Thạnh), 29335 (Xã Tam Ngãi)',
    );
    expect(describeUnitCheck(early as Exclude<typeof early, { ok: true }>, '29242', '2024-06-01')).toBe(
      '29242 (Phường Trà Vinh) is not a unit in force on 2024-06-01: it is in force from 2025-07-01',
    );
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
