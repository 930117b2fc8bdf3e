import { parseUnitsCsv, unitDirectory } from '../../../domain';
import { shippedUnitDirectory } from '../../../domain/data/shipped-units';
import { checkDistrictsKnown, DemoUnitsError, districtsOf } from '../../../local/demo/demo-units';
import { DISTRICTS } from '../../../local/demo/tra-vinh-history';

/** The demo's districts come from the units data, not from a list in the demo. */
describe('districtsOf', () => {
  it("reads Trà Vinh's nine district-level units from the shipped units files, and the demo uses them", () => {
    // Act
    const districts = districtsOf(shippedUnitDirectory(), '84');

    // Assess
    expect(districts).toEqual(['842', '844', '845', '846', '847', '848', '849', '850', '851']);
    expect(DISTRICTS).toEqual(districts);
  });

  it('follows the units data it is given: a district added to the file is a district of the demo', () => {
    // Prepare
    const header = 'code,name,kind,validFrom,validTo,successors,formedFrom,province,source';
    const units = parseUnitsCsv(`${header}\n901,Huyện Một,district,,2025-06-30,,,90,test\n902,Thị xã Hai,town,,2025-06-30,,,90,test\n903,Huyện Ba,district,,2025-06-30,,,91,test\n`);

    // Act
    const districts = districtsOf(unitDirectory(units), '90');

    // Assess
    expect(districts).toEqual(['901', '902']);
  });

  it('refuses a province the units files do not know', () => {
    // Act
    const attempt = () => districtsOf(shippedUnitDirectory(), '99');

    // Assess
    expect(attempt).toThrow(DemoUnitsError);
    expect(attempt).toThrow(/province 99: no district-level unit on 2025-06-30/);
  });
});

describe('checkDistrictsKnown', () => {
  it('names a table keyed by a district the units files lack', () => {
    // Act
    const attempt = () => checkDistrictsKnown(['842', '843'], DISTRICTS, 'ROUNDS');

    // Assess
    expect(attempt).toThrow(DemoUnitsError);
    expect(attempt).toThrow(/ROUNDS: district 843 is not a district of the units files/);
  });

  it('accepts tables whose districts are all known', () => {
    // Act
    const attempt = () => checkDistrictsKnown(['842', '851', '842'], DISTRICTS, 'ROUNDS');

    // Assess
    expect(attempt).not.toThrow();
  });
});
