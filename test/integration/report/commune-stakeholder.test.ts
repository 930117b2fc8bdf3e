import './support/powertools-dev';
import type { EventBridgeEnvelope } from '../../../events';
import { handler } from '../../../functions/send-kpi-report/handler';
import { recomputeSnapshot } from '../../../functions/recompute-snapshot/recompute';
import { invocationContext } from '../../../local/invocation-context';
import { resetKpiReadModel } from '../../../functions/shared/kpi-inputs';
import { parseStakeholder } from '../../../report/stakeholder';
import { putStakeholder } from '../../../functions/storage/stakeholder-store';
import { unitDirectoryOfDeployment } from '../../../functions/shared/unit-directory';
import type { SendKpiReportResult } from '../../../functions/send-kpi-report/send-kpi-report';
import { createTestTables } from '../../support/dynamodb';
import { details, envelope } from '../../support/envelopes';
import { projectOne } from '../../support/project';
import { captureConsole } from './support/capture-console';
import { newOutbox, readOutbox, type ParsedEmail } from './support/outbox';

/**
 * A commune office registered as a stakeholder (scope = the code of Phường Trà
 * Vinh, 29242) gets its own figures by email: the real project-event writes the
 * products to DynamoDB Local, the real recompute-snapshot stores the snapshot
 * of 6/12/2026, the real send-kpi-report handler writes the .eml files, read
 * back here with a MIME parser.
 */
const DAY = new Date('2026-12-06T08:00:00+07:00');
const fromCommune = (code: string, detailType: string, detail: Record<string, unknown>) => {
  const { districtCode: _none, ...rest } = detail;
  return envelope(`ocop.commune.${code}`, detailType, { ...rest, communeCode: code });
};
const byProvinceFor = (code: string, detailType: string, detail: Record<string, unknown>) => {
  const { districtCode: _none, ...rest } = detail;
  return envelope('ocop.province', detailType, { ...rest, communeCode: code });
};

/**
 * Phường Trà Vinh holds two active products on 6/12/2026: its own "Bánh tét lá cẩm" (3 stars, 2026) and "Mật ong hoa
 * dừa" of Thành phố Trà Vinh, registered in 2022 with its former ward 29239 (4 stars on 2023-12-20, valid to
 * 2026-12-20: expiring in 14 days). Phường Long Đức (29263) has "Chả cá Long Đức" (4 stars), not Phường Trà Vinh's;
 * "Kẹo đậu phộng" of Thành phố Trà Vinh names no commune: it waits for the province, and may be Phường Trà Vinh's.
 */
const history: EventBridgeEnvelope[] = [
  fromCommune('29242', 'ProductRegistered', details.registered('PTV-001', '842', { occurredAt: '2026-01-10T09:00:00+07:00', name: 'Bánh tét lá cẩm' })),
  byProvinceFor('29242', 'ProductRated', details.rated('PTV-001', 62, 3, '2026-02-01')),
  envelope('ocop.district.842', 'ProductRegistered', details.registered('TV842-010', '842', { communeCode: '29239', name: 'Mật ong hoa dừa' })),
  envelope('ocop.district.842', 'ProductRated', details.rated('TV842-010', 76, 4, '2023-12-20', '842')),
  fromCommune('29263', 'ProductRegistered', details.registered('PLD-001', '842', { occurredAt: '2026-01-12T09:00:00+07:00', name: 'Chả cá Long Đức' })),
  byProvinceFor('29263', 'ProductRated', details.rated('PLD-001', 75, 4, '2026-02-01')),
  envelope('ocop.district.842', 'ProductRegistered', details.registered('TV842-011', '842', { name: 'Kẹo đậu phộng' })),
  envelope('ocop.district.842', 'ProductRated', details.rated('TV842-011', 60, 3, '2024-03-01', '842')),
];

describe('the KPI email of a commune office', () => {
  const outbox = newOutbox('commune');
  let result: SendKpiReportResult;
  let email: ParsedEmail;

  beforeAll(async () => {
    // Prepare
    await createTestTables();
    resetKpiReadModel();
    for (const e of history) expect((await projectOne(e)).outcome).toBe('accepted');
    await recomputeSnapshot({ now: DAY, force: true });
    const office = parseStakeholder(
      { name: 'Phòng Kinh tế, Hạ tầng và Đô thị phường Trà Vinh', email: 'ocop.phuongtravinh@example.gov.vn', role: 'Phòng Kinh tế, Hạ tầng và Đô thị phường', scope: '29242' },
      await unitDirectoryOfDeployment(),
      DAY,
    );
    await putStakeholder(office);
    Object.assign(process.env, { EMAIL_TRANSPORT: 'outbox', SENDER_ADDRESS: 'bao-cao@ocop.example.gov.vn', OUTBOX_DIR: outbox });
    const quiet = captureConsole();

    // Act
    result = await handler({ period: '2026-W49' }, invocationContext('send-kpi-report'));
    email = (await readOutbox(outbox)).get('ocop.phuongtravinh@example.gov.vn')!;
    quiet.restore();
  });

  it('is sent to the commune office', () => {
    // Assess
    expect(result).toMatchObject({ outcome: 'done', recipients: 1, failed: [] });
    expect(email).toBeDefined();
  });

  it('puts the ward first, by name then code, with its own figures, in both parts', () => {
    // Prepare
    const text = email.mail.text!;
    const html = email.mail.html as string;
    const own = text.slice(0, text.indexOf('Toàn tỉnh'));

    // Assess
    for (const part of [text, html]) {
      expect(part.indexOf('Số liệu của Phường Trà Vinh (mã 29242)')).toBeGreaterThan(-1);
      expect(part.indexOf('Số liệu của Phường Trà Vinh (mã 29242)')).toBeLessThan(part.indexOf('Toàn tỉnh'));
    }
    expect(own).toContain('- Sản phẩm OCOP còn hiệu lực: 2 ');
    expect(own).toContain('- Công nhận lần đầu trong năm: 1 ');
    expect(own).toContain('- 3 sao: 1 ');
    expect(own).toContain('- 4 sao: 1 ');
    expect(html).toMatch(/<table role="presentation" data-role="district-facts"[\s\S]*?Sản phẩm OCOP còn hiệu lực<\/td><td[^>]*>2<\/td>/);
  });

  it("lists the ward's expiring certificate under its own name, and not another ward's products", () => {
    // Prepare
    const text = email.mail.text!;
    const own = text.slice(0, text.indexOf('Toàn tỉnh'));

    // Assess
    expect(own).toContain('Giấy chứng nhận sắp hết hạn của Phường Trà Vinh (mã 29242)\n- Mật ong hoa dừa (TV842-010), Phường Trà Vinh (mã 29242), 4 sao; Hiệu lực đến: 20/12/2026; Còn lại: 14 ngày');
    expect(own).not.toContain('Chả cá Long Đức');
    expect(own).toContain('1 sản phẩm của Thành phố Trà Vinh (mã 842, đơn vị cũ) có thể thuộc đơn vị này, đang chờ tỉnh giao.');
  });

  it('says in the province part which products of former units wait to be assigned, and how', () => {
    // Prepare
    const text = email.mail.text!;

    // Assess
    expect(text).toContain('- Thành phố Trà Vinh (mã 842, đơn vị cũ): 1 sản phẩm chưa được giao (1 còn hiệu lực). Có thể thuộc: Phường Trà Vinh (mã 29242); ');
    expect(text).toContain('Cách giao: cơ quan cấp tỉnh gửi sự kiện ProductTransferred (nguồn ocop.province)');
    expect(text).not.toMatch(/^- \d{3,5}[,:]/m);
  });
});
