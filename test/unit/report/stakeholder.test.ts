import { shippedUnitDirectory } from '../../../domain/data/shipped-units';
import { InvalidStakeholderError, parseStakeholder, stakeholderIdOf } from '../../../report/stakeholder';
import { DEPLOYMENT_PROVINCE } from '../../support/shipped-data';

/** The units over time as they ship: Trà Vinh's districts to 2025-06-30, the communes and wards of Vĩnh Long from 2025-07-01. */
const units = shippedUnitDirectory();
const BEFORE_THE_REFORM = new Date('2025-06-01T09:00:00+07:00');
const IN_2026 = new Date('2026-12-06T09:00:00+07:00');

describe('parseStakeholder', () => {
  it('defaults to Vietnamese, the whole province and active, with an id stable for the address', () => {
    // Act
    const stakeholder = parseStakeholder({ name: 'Nguyễn Văn An', email: 'an.nguyen@travinh.gov.vn', role: 'Ban Chỉ đạo tỉnh' }, units, IN_2026);

    // Assess
    expect(stakeholder).toMatchObject({ language: 'vi', scope: 'province', active: true, stakeholderId: stakeholderIdOf('AN.Nguyen@travinh.gov.vn') });
  });

  it('accepts a ward in force (after the reform) and English', () => {
    // Act
    const stakeholder = parseStakeholder({ name: 'Thạch Sang', email: 'sang@travinh.gov.vn', role: 'Phòng Kinh tế, Hạ tầng và Đô thị phường', scope: '29242', language: 'en' }, units, IN_2026);

    // Assess
    expect(stakeholder).toMatchObject({ scope: '29242', language: 'en' });
  });

  it('accepts a district on a day before the reform', () => {
    // Act
    const stakeholder = parseStakeholder({ name: 'Thạch Sang', email: 'sang@travinh.gov.vn', role: 'Phòng Kinh tế huyện', scope: '849' }, units, BEFORE_THE_REFORM);

    // Assess
    expect(stakeholder).toMatchObject({ scope: '849' });
  });

  it('refuses an invalid address without echoing it', () => {
    // Act
    const attempt = () => parseStakeholder({ name: 'Lê Thị Bé', email: 'le.thi.be(at)travinh', role: 'Cán bộ' }, units, IN_2026);

    // Assess
    expect(attempt).toThrow(InvalidStakeholderError);
    expect(attempt).toThrow(/email: email is not a valid email address/);
    expect(attempt).not.toThrow(/le\.thi\.be/);
  });

  it('refuses a code the units data does not know', () => {
    // Act
    const attempt = () => parseStakeholder({ name: 'Lê Thị Bé', email: 'be@travinh.gov.vn', role: 'Cán bộ', scope: '999' }, units, IN_2026);

    // Assess
    expect(attempt).toThrow(
      'Stakeholder refused: scope "999" must be "province" or the code of a unit in force on 2026-12-06 (a commune or ward; GET /v1/units lists them): 999 is not an administrative unit in the units data',
    );
  });

  it('refuses a former district after the reform, naming the communes that hold its territory', () => {
    // Act
    const attempt = () => parseStakeholder({ name: 'Lê Thị Bé', email: 'be@travinh.gov.vn', role: 'Cán bộ', scope: '851' }, units, IN_2026);

    // Assess
    expect(attempt).toThrow(
      /scope "851" .*: 851 \(Thị xã Duyên Hải\) is not a unit in force on 2026-12-06: it ended on 2025-06-30; on 2026-12-06 its territory is held by 29512 \(Phường Duyên Hải\), 29516 \(Phường Trường Long Hòa\), 29518 \(Xã Long Hữu\)$/,
    );
  });
});
