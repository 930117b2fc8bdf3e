import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { shippedUnitDirectory } from '../../../domain/data/shipped-units';
import { checkUnitSet, parseUnitsCsv, territoryOn, unitDirectory, unitsInForce, UnitsFileError, type Unit } from '../../../domain/units';

const UNITS_DIR = join(__dirname, '../../../domain/data/units');
const shipped = (file: string): Unit[] => parseUnitsCsv(readFileSync(join(UNITS_DIR, file), 'utf8'), `domain/data/units/${file}`);

const HEADER = 'code,name,kind,validFrom,validTo,successors,formedFrom,province,source';
const csv = (...rows: string[]) => [HEADER, ...rows].join('\n');
const GOOD_ROW = '29242,Phường Trà Vinh,ward,2025-07-01,,,29239;29242;29260,86,test';

function errorOf(act: () => unknown): UnitsFileError {
  try {
    act();
  } catch (caught) {
    if (caught instanceof UnitsFileError) return caught;
    throw caught;
  }
  throw new Error('expected a UnitsFileError');
}

describe('the shipped units files', () => {
  const communes = shipped('vinh-long-2025.units.csv');
  const districts = shipped('tra-vinh-districts.units.csv');

  it('lists the 124 communes and wards of Vĩnh Long (86) from 2025-07-01, as Resolution 1687/NQ-UBTVQH15 counts them', () => {
    // Assess
    expect(communes).toHaveLength(124);
    expect(communes.filter((u) => u.kind === 'commune')).toHaveLength(105);
    expect(communes.filter((u) => u.kind === 'ward')).toHaveLength(19);
    expect(new Set(communes.map((u) => u.province))).toEqual(new Set(['86']));
    expect(communes.every((u) => u.validFrom === '2025-07-01' && u.validTo === undefined && u.successors.length === 0)).toBe(true);
    expect(communes.find((u) => u.code === '29242')).toEqual({
      code: '29242',
      name: 'Phường Trà Vinh',
      kind: 'ward',
      validFrom: '2025-07-01',
      successors: [],
      formedFrom: [
        { code: '29239', part: false },
        { code: '29242', part: false },
        { code: '29260', part: false },
      ],
      province: '86',
      source: '1687/NQ-UBTVQH15 art.1 cl.110; code 1027/CTK-CSCL',
    });
  });

  it('gives every commune its former units, marking as part exactly those split between two new units', () => {
    // Prepare
    const uses = new Map<string, boolean[]>();
    for (const unit of communes) for (const p of unit.formedFrom) uses.set(p.code, [...(uses.get(p.code) ?? []), p.part]);

    // Assess
    expect(communes.every((u) => u.formedFrom.length > 0)).toBe(true);
    // Each new unit kept the code of one of its former units (Decision 19/2025/QĐ-TTg practice).
    expect(communes.filter((u) => !u.formedFrom.some((p) => p.code === u.code)).map((u) => u.code)).toEqual([]);
    for (const [code, parts] of uses) {
      expect([code, parts]).toEqual([code, parts.length > 1 ? parts.map(() => true) : [false]]);
    }
    // 354 pre-reform commune-level units of Bến Tre (148), Trà Vinh (104) and Vĩnh Long (102).
    expect(uses.size).toBe(354);
  });

  it('lists the nine districts of Trà Vinh (84), in force to 2025-06-30, each with at least one successor', () => {
    // Assess
    expect(districts.map((u) => u.code)).toEqual(['842', '844', '845', '846', '847', '848', '849', '850', '851']);
    expect(districts.every((u) => u.province === '84' && u.validTo === '2025-06-30')).toBe(true);
    expect(districts.filter((u) => u.successors.length === 0)).toEqual([]);
    expect(districts.find((u) => u.code === '851')).toMatchObject({ name: 'Thị xã Duyên Hải', kind: 'town', successors: ['29512', '29516', '29518'] });
  });

  it('has every successor of a district among the communes in force on 2025-07-01, and covers the 41 units of former Trà Vinh', () => {
    // Prepare
    const inForce = new Set(unitsInForce(communes, '2025-07-01').map((u) => u.code));
    const successors = new Set(districts.flatMap((u) => u.successors));

    // Act
    const check = () => checkUnitSet([...districts, ...communes], 'shipped units');

    // Assess
    expect(check).not.toThrow();
    expect([...successors].filter((code) => !inForce.has(code))).toEqual([]);
    expect(successors.size).toBe(41);
  });

  it('answers the districts on 2025-06-30 and the communes on 2025-07-01', () => {
    // Prepare
    const all = [...districts, ...communes];

    // Act
    const before = unitsInForce(all, '2025-06-30');
    const after = unitsInForce(all, '2025-07-01');

    // Assess
    expect(before.map((u) => u.code)).toEqual(districts.map((u) => u.code));
    expect(after).toHaveLength(124);
    expect(after.every((u) => u.kind === 'commune' || u.kind === 'ward')).toBe(true);
  });
});

describe('parseUnitsCsv', () => {
  it('reads comments, a BOM, quoted fields and columns in another order', () => {
    // Prepare
    const text = '\uFEFF# a comment\nname,code,kind,validFrom,validTo,successors,formedFrom,province,source\n"Xã Cái Nhum",29641,commune,2025-07-01,,,"29638;29641",86,"NQ 1687, k.1"\n';

    // Act
    const units = parseUnitsCsv(text);

    // Assess
    expect(units).toEqual([
      {
        code: '29641',
        name: 'Xã Cái Nhum',
        kind: 'commune',
        validFrom: '2025-07-01',
        successors: [],
        formedFrom: [
          { code: '29638', part: false },
          { code: '29641', part: false },
        ],
        province: '86',
        source: 'NQ 1687, k.1',
      },
    ]);
  });

  it.each([
    ['an unknown kind', '29242,Phường Trà Vinh,quarter,2025-07-01,,,,86,test', 3, 'kind', /column 3 \(kind\): must be one of city, town/],
    ['a date that does not exist', '29242,Phường Trà Vinh,ward,2025-02-30,,,,86,test', 3, 'validFrom', /column 4 \(validFrom\): must be a date YYYY-MM-DD/],
    ['an end before its start', '842,Thành phố Trà Vinh,city,2025-07-01,2025-06-30,,,84,test', 3, 'validTo', /must not be before validFrom/],
    ['successors without an end', '842,Thành phố Trà Vinh,city,,,29242,,84,test', 3, 'successors', /column 6 \(successors\): a unit with successors needs a validTo/],
    ['a district with a commune code', '29242,Thành phố Trà Vinh,city,,2025-06-30,,,84,test', 3, 'code', /a city has a code of 3 digits/],
    ['a bad predecessor', '29242,Phường Trà Vinh,ward,2025-07-01,,,29239;half of 29242,86,test', 3, 'formedFrom', /column 7 \(formedFrom\)/],
    ['a 3-digit province', '29242,Phường Trà Vinh,ward,2025-07-01,,,,860,test', 3, 'province', /2-digit GSO province code/],
    ['no source', '29242,Phường Trà Vinh,ward,2025-07-01,,,,86,', 3, 'source', /column 9 \(source\): must name the public source/],
    ['the same code twice', GOOD_ROW, 3, 'code', /code 29242 is already on line 2/],
  ])('rejects %s, naming line and column', (_case, row, line, column, message) => {
    // Prepare: a good row on line 2, the bad one on line 3
    const text = csv(GOOD_ROW, row);

    // Act
    const error = errorOf(() => parseUnitsCsv(text, 'units.csv'));

    // Assess
    expect(error.origin).toBe('units.csv');
    expect(error.line).toBe(line);
    expect(error.column).toBe(column);
    expect(error.message).toMatch(new RegExp(`^units\\.csv: line ${line}, column \\d \\(${column}\\): `));
    expect(error.message).toMatch(message);
  });

  it('rejects a header with an unknown or missing column', () => {
    // Prepare
    const text = 'code,name,kind,validFrom,validTo,successor,formedFrom,province,source\n' + GOOD_ROW;

    // Act
    const error = errorOf(() => parseUnitsCsv(text, 'units.csv'));

    // Assess
    expect(error.line).toBe(1);
    expect(error.message).toMatch(/line 1: header must have the columns code,name,kind.*\(unknown successor; missing successors\)/);
  });

  it('rejects a row with a field too many, naming its line after comments', () => {
    // Prepare
    const text = `# units\n${HEADER}\n${GOOD_ROW}\n842,Thành phố Trà Vinh,city,,2025-06-30,29242,,84,test,extra`;

    // Act
    const error = errorOf(() => parseUnitsCsv(text, 'units.csv'));

    // Assess
    expect(error.line).toBe(4);
    expect(error.message).toBe('units.csv: line 4: has 10 fields, the header has 9');
  });

  it('rejects a quote left open and keeps the CSV error as its cause', () => {
    // Prepare
    const text = csv(GOOD_ROW, '"29254,Phường Nguyệt Hóa,ward,2025-07-01,,,29254,86,test');

    // Act
    const error = errorOf(() => parseUnitsCsv(text, 'units.csv'));

    // Assess
    expect(error.message).toMatch(/^units\.csv: .*not a valid CSV file: /);
    expect(error.cause).toBeInstanceOf(Error);
  });

  it('rejects a file with no header', () => {
    // Act
    const error = errorOf(() => parseUnitsCsv('# only a comment\n', 'units.csv'));

    // Assess
    expect(error.message).toBe('units.csv: no header line; expected code,name,kind,validFrom,validTo,successors,formedFrom,province,source');
  });
});

describe('checkUnitSet', () => {
  const district = parseUnitsCsv(csv('842,Thành phố Trà Vinh,city,,2025-06-30,29242;29999,,84,test'));
  const commune = parseUnitsCsv(csv(GOOD_ROW));

  it('names a successor that is not loaded', () => {
    // Act
    const error = errorOf(() => checkUnitSet([...district, ...commune], 'units'));

    // Assess
    expect(error.column).toBe('successors');
    expect(error.message).toBe('units: column 6 (successors): unit 842: successor 29999 is not a unit in force on 2025-07-01');
  });

  it('rejects a successor that starts later than the day after its predecessor ends', () => {
    // Prepare
    const late = parseUnitsCsv(csv('29242,Phường Trà Vinh,ward,2025-08-01,,,29242,86,test', '29999,Xã Mới,commune,2025-07-01,,,29999,86,test'));

    // Act
    const error = errorOf(() => checkUnitSet([...district, ...late], 'units'));

    // Assess
    expect(error.message).toMatch(/successor 29242 is not a unit in force on 2025-07-01/);
  });

  it('rejects one code in force twice on a day, across files', () => {
    // Prepare
    const again = parseUnitsCsv(csv('29242,Phường Trà Vinh,ward,2025-09-01,,,29242,86,test'));

    // Act
    const error = errorOf(() => checkUnitSet([...commune, ...again], 'units'));

    // Assess
    expect(error.message).toBe('units: unit 29242 is listed twice for overlapping periods');
  });
});

describe('territoryOn', () => {
  const directory = shippedUnitDirectory();

  it('answers a unit in force on the day as itself', () => {
    // Act
    const answer = territoryOn(directory, '842', '2024-06-30');

    // Assess
    expect(answer).toMatchObject({ kind: 'unit', unit: { code: '842', name: 'Thành phố Trà Vinh' } });
  });

  it('follows a former district to its successors after the reform, ambiguous when it has several', () => {
    // Act
    const answer = territoryOn(directory, '842', '2026-01-01');

    // Assess
    expect(answer.kind).toBe('ambiguous');
    expect(answer.kind === 'ambiguous' && answer.candidates.map((unit) => unit.code)).toEqual(['29242', '29254', '29263', '29398']);
  });

  it('narrows the successors with a former commune of the district (formedFrom)', () => {
    // Act: 29260 was a ward of Thành phố Trà Vinh that went into Phường Trà Vinh (29242)
    const answer = territoryOn(directory, '842', '2026-01-01', '29260');

    // Assess
    expect(answer).toMatchObject({ kind: 'unit', unit: { code: '29242', name: 'Phường Trà Vinh' } });
  });

  it('knows no unit for a code before it exists or a code that never existed', () => {
    // Act / Assess
    expect(territoryOn(directory, '29242', '2024-01-01').kind).toBe('unknown');
    expect(territoryOn(directory, '999', '2026-01-01').kind).toBe('unknown');
  });
});

describe('the district-level units of the former Vĩnh Long and Bến Tre', () => {
  const communes = shipped('vinh-long-2025.units.csv');
  const formerVinhLong = shipped('vinh-long-districts.units.csv');
  const benTre = shipped('ben-tre-districts.units.csv');

  it('lists the 8 districts of the former Vĩnh Long (86) and the 9 of Bến Tre (83), all ending on 2025-06-30', () => {
    // Assess
    expect(formerVinhLong.map((u) => u.code)).toEqual(['855', '857', '858', '859', '860', '861', '862', '863']);
    expect(benTre.map((u) => u.code)).toEqual(['829', '831', '832', '833', '834', '835', '836', '837', '838']);
    expect(new Set(formerVinhLong.map((u) => u.province))).toEqual(new Set(['86']));
    expect(new Set(benTre.map((u) => u.province))).toEqual(new Set(['83']));
    expect([...formerVinhLong, ...benTre].every((u) => u.validTo === '2025-06-30' && u.successors.length > 0)).toBe(true);
  });

  it('checks together with the other shipped files: every successor is a 2025 commune or ward of Vĩnh Long', () => {
    // Prepare
    const all = [...shipped('tra-vinh-districts.units.csv'), ...formerVinhLong, ...benTre, ...communes];

    // Act
    const check = () => checkUnitSet(all, 'domain/data/units');

    // Assess
    expect(check).not.toThrow();
    const communeCodes = new Set(communes.map((u) => u.code));
    expect([...formerVinhLong, ...benTre].flatMap((u) => u.successors).filter((code) => !communeCodes.has(code))).toEqual([]);
  });

  it('together with Trà Vinh, names as successors exactly the 124 communes and wards of the new Vĩnh Long', () => {
    // Prepare
    const districts = [...shipped('tra-vinh-districts.units.csv'), ...formerVinhLong, ...benTre];

    // Act
    const successors = new Set(districts.flatMap((u) => u.successors));

    // Assess
    expect([...successors].sort()).toEqual(communes.map((u) => u.code).sort());
  });

  it('takes Huyện Trà Ôn (862) on 2025-07-01 to its successors, two of them shared with Huyện Tam Bình (860)', () => {
    // Prepare
    const directory = unitDirectory([...formerVinhLong, ...benTre, ...communes]);

    // Act
    const place = territoryOn(directory, '862', '2025-07-01');

    // Assess
    expect(place.kind).toBe('ambiguous');
    expect(place.kind === 'ambiguous' && place.candidates.map((u) => u.code)).toEqual(['29767', '29821', '29830', '29836', '29845', '29857']);
  });
});
