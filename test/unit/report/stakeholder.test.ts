
import { InvalidStakeholderError, parseStakeholder, stakeholderIdOf } from '../../../functions/shared/stakeholder';
import { DEPLOYMENT_PROVINCE } from '../../support/shipped-data';

describe('parseStakeholder', () => {
  it('defaults to Vietnamese, the whole province and active, with an id stable for the address', () => {
    // Act
    const stakeholder = parseStakeholder({ name: 'Nguyễn Văn An', email: 'an.nguyen@travinh.gov.vn', role: 'Ban Chỉ đạo tỉnh' }, DEPLOYMENT_PROVINCE);

    // Assess
    expect(stakeholder).toMatchObject({ language: 'vi', scope: 'province', active: true, stakeholderId: stakeholderIdOf('AN.Nguyen@travinh.gov.vn') });
  });

  it('accepts a district of the province and English', () => {
    // Act
    const stakeholder = parseStakeholder({ name: 'Thạch Sang', email: 'sang@travinh.gov.vn', role: 'Phòng Kinh tế', scope: '849', language: 'en' }, DEPLOYMENT_PROVINCE);

    // Assess
    expect(stakeholder).toMatchObject({ scope: '849', language: 'en' });
  });

  it('refuses an invalid address without echoing it', () => {
    // Act
    const attempt = () => parseStakeholder({ name: 'Lê Thị Bé', email: 'le.thi.be(at)travinh', role: 'Cán bộ' }, DEPLOYMENT_PROVINCE);

    // Assess
    expect(attempt).toThrow(InvalidStakeholderError);
    expect(attempt).toThrow(/email: email is not a valid email address/);
    expect(attempt).not.toThrow(/le\.thi\.be/);
  });

  it('refuses a district that is not a unit of the province, listing the known ones', () => {
    // Act
    const attempt = () => parseStakeholder({ name: 'Lê Thị Bé', email: 'be@travinh.gov.vn', role: 'Cán bộ', scope: '999' }, DEPLOYMENT_PROVINCE);

    // Assess
    expect(attempt).toThrow(/scope "999" is neither "province" nor a district of Vĩnh Long; known: 842 \(Thành phố Trà Vinh\)/);
  });
});
