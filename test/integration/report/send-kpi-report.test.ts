import './support/powertools-dev';
import type { AddressObject } from 'mailparser';
import { createTestTables } from '../../support/dynamodb';
import { createHandler, handler, ReportDeliveryError } from '../../../functions/send-kpi-report/handler';
import { invocationContext } from '../../../local/invocation-context';
import type { SendKpiReportResult } from '../../../functions/send-kpi-report/send-kpi-report';
import { outboxTransport, type EmailTransport } from '../../../functions/send-kpi-report/email-transport';
import { parseStakeholder, type Stakeholder } from '../../../report/stakeholder';
import { putStakeholder } from '../../../functions/storage/stakeholder-store';
import { putSnapshot } from '../../../functions/storage/snapshot-store';
import { type KpiSnapshot } from '../../../domain';
import { LAST_WEEK_AS_OF, sampleSnapshot, THIS_WEEK_AS_OF } from '../../unit/report/support/sample-snapshot';
import { captureConsole } from './support/capture-console';
import { emlFiles, newOutbox, readOutbox, type ParsedEmail } from './support/outbox';
import { shippedUnitDirectory } from '../../../domain/data/shipped-units';

/** A stakeholder of a district registered before the 2025 reform, when the districts were in force. */
const BEFORE_THE_REFORM = new Date('2025-06-01T09:00:00+07:00');

/**
 * The real send-kpi-report handler on DynamoDB Local with the outbox
 * transport; the .eml files are read back with mailparser.
 */
const SENDER = 'bao-cao@ocop.travinh.gov.vn';
const SCHEDULE_INPUT = { source: 'ocop.schedule', schedule: 'weekly-kpi-report' };

const committee = parseStakeholder(
  { name: 'Nguyễn Thị Hồng Nhung', email: 'bcd.ocop@travinh.gov.vn', role: 'Ban Chỉ đạo tỉnh', scope: 'province' },
  shippedUnitDirectory(),
);
const cangLong = parseStakeholder({ name: 'Trần Văn Đức', email: 'ocop.canglong@travinh.gov.vn', role: 'Phòng Kinh tế huyện', scope: '844' }, shippedUnitDirectory(), BEFORE_THE_REFORM);
const advisor = parseStakeholder({ name: 'Jane Doe', email: 'jane.doe@example.org', role: 'Adviser', language: 'en' }, shippedUnitDirectory());
const retired = parseStakeholder({ name: 'Lê Văn Tư', email: 'le.tu@travinh.gov.vn', role: 'Nghỉ hưu', active: false }, shippedUnitDirectory());
const ACTIVE = [committee, cangLong, advisor];

async function run(input: object, outbox: string, send = handler): Promise<SendKpiReportResult> {
  process.env.OUTBOX_DIR = outbox;
  return send(input, invocationContext('send-kpi-report'));
}

/** An indicator value as a Vietnamese reader writes it, computed here independently of report/format.ts. */
function vietnamese(id: string, value: number): string {
  const isShare = /share|coverage/.test(id);
  if (!isShare) return String(value);
  return `${(Math.round(value * 1000) / 10).toString().replace('.', ',')} %`;
}

function indicatorRowHtml(html: string, id: string): string {
  const start = html.indexOf(`<tr data-indicator="${id}">`);
  expect(start).toBeGreaterThan(-1);
  return html.slice(start, html.indexOf('\n</tr>', start));
}

describe('send-kpi-report handler', () => {
  let output: ReturnType<typeof captureConsole>;

  beforeAll(async () => {
    await createTestTables();
    Object.assign(process.env, { EMAIL_TRANSPORT: 'outbox', SENDER_ADDRESS: SENDER });
    for (const stakeholder of [...ACTIVE, retired]) await putStakeholder(stakeholder);
  });
  beforeEach(() => {
    output = captureConsole();
  });
  afterEach(() => output.restore());

  it('sends nothing and says so when no snapshot exists yet', async () => {
    // Prepare
    const outbox = newOutbox('empty');

    // Act
    const result = await run(SCHEDULE_INPUT, outbox);

    // Assess
    expect(result).toMatchObject({ outcome: 'no-snapshot', message: expect.stringContaining('No KPI snapshot') });
    expect(emlFiles(outbox)).toHaveLength(0);
  });

  describe('with the snapshots of two weeks', () => {
    const lastWeek: KpiSnapshot = sampleSnapshot(LAST_WEEK_AS_OF);
    const thisWeek: KpiSnapshot = sampleSnapshot(THIS_WEEK_AS_OF);
    const outbox = newOutbox('w48');
    let first: SendKpiReportResult;
    let emails: Map<string, ParsedEmail>;
    const emailTo = (stakeholder: Stakeholder) => emails.get(stakeholder.email)!;

    beforeAll(async () => {
      const quiet = captureConsole();
      await putSnapshot(lastWeek);
      await run({ period: '2025-W47' }, newOutbox('w47'));
      await putSnapshot(thisWeek);
      first = await run({ ...SCHEDULE_INPUT, period: '2025-W48' }, outbox);
      emails = await readOutbox(outbox);
      quiet.restore();
    });

    it('emails every active stakeholder once, and not the inactive one', () => {
      // Assess
      expect(first).toMatchObject({ outcome: 'done', period: '2025-W48', recipients: 3, previousPeriod: '2025-W47', failed: [], alreadySent: [] });
      expect([...emails.keys()].sort()).toEqual(ACTIVE.map((s) => s.email).sort());
      expect(first.outcome === 'done' && first.sent.map((s) => s.location).sort()).toEqual(emlFiles(outbox));
    });

    it('writes RFC 5322 messages with encoded UTF-8 headers and both parts', () => {
      // Prepare
      const { mail, raw } = emailTo(cangLong);
      const headerBlock = raw.slice(0, raw.indexOf('\r\n\r\n'));

      // Assess
      expect(headerBlock).toMatch(/^[\x20-\x7e\r\n\t]+$/);
      expect((mail.from as AddressObject).value[0]).toEqual({ name: 'OCOP Vĩnh Long', address: SENDER });
      expect((mail.to as AddressObject).value[0]).toEqual({ name: 'Trần Văn Đức', address: 'ocop.canglong@travinh.gov.vn' });
      expect(mail.subject).toMatch(/^\[OCOP Vĩnh Long\] Báo cáo chỉ số tuần 48\/2025, ngày \d{2}\/\d{2}\/\d{4}$/);
      expect(Number.isNaN(mail.date!.getTime())).toBe(false);
      expect(mail.headers.get('mime-version')).toBe('1.0');
      expect(mail.headers.get('content-type')).toMatchObject({ value: 'multipart/alternative' });
      expect(mail.messageId).toMatch(/^<2025-W48-sh-[0-9a-f]{12}\..+@ocop\.travinh\.gov\.vn>$/);
      expect(typeof mail.html).toBe('string');
      expect(mail.text).toContain('Báo cáo chỉ số Chương trình OCOP tỉnh Vĩnh Long');
      expect(mail.html).not.toMatch(/<script|https?:\/\//i);
      // Pictures only from the message's own parts (cid:, which mailparser inlines as data: URIs).
      for (const [, source] of (mail.html as string).matchAll(/<img src="([^",]{0,22})/g)) expect(source).toBe('data:image/png;base64');
    });

    it('shows every indicator of the snapshot with its figures, in both parts', () => {
      // Prepare
      const { mail } = emailTo(committee);
      const html = mail.html as string;

      // Assess
      for (const indicator of thisWeek.indicators) {
        const value = vietnamese(indicator.id, indicator.value);
        expect(indicatorRowHtml(html, indicator.id)).toContain(`>${value}<`);
        expect(mail.text).toMatch(new RegExp(`Giá trị: ${value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} \\|`));
      }
      expect(thisWeek.indicators).toHaveLength(html.match(/<tr data-indicator=/g)!.length);
      expect(indicatorRowHtml(html, 'traceability.coverage')).toContain('>57,1 %<');
      expect(indicatorRowHtml(html, 'traceability.coverage')).toContain('Đạt');
      expect(indicatorRowHtml(html, 'ecommerce.coverage')).toContain('Chậm tiến độ');
      for (const certificate of thisWeek.expiring) {
        expect(mail.text).toContain(`${certificate.name} (${certificate.productId})`);
        expect(html).toContain(certificate.name);
      }
      expect(mail.text).toContain('Tinh dầu sả Cầu Kè (TV-845-001), Huyện Cầu Kè (mã 845, đơn vị cũ) – chưa giao về xã, phường, 3 sao; Hiệu lực đến: 20/12/2025');
    });

    it('reports the change since the previous period’s email', () => {
      // Prepare
      const { mail } = emailTo(committee);
      const active = (s: KpiSnapshot) => s.indicators.find((i) => i.id === 'ocop.active')!.value;

      // Assess
      expect(active(thisWeek) - active(lastWeek)).toBe(1);
      expect(mail.text).toContain('Cột “Thay đổi” so với báo cáo tuần 47/2025 (số liệu ngày 17/11/2025).');
      expect(mail.text).toMatch(/\* Sản phẩm OCOP còn hiệu lực\n {2}Giá trị: 7 \| .* \| Thay đổi: \+1\n/);
      expect(indicatorRowHtml(mail.html as string, 'ocop.active')).toContain('>+1<');
    });

    it('puts a district recipient’s own district first, then the province', () => {
      // Prepare
      const district = emailTo(cangLong).mail;
      const province = emailTo(committee).mail;

      // Assess
      for (const part of [district.text!, district.html as string]) {
        expect(part.indexOf('Số liệu của Huyện Càng Long')).toBeGreaterThan(-1);
        expect(part.indexOf('Số liệu của Huyện Càng Long')).toBeLessThan(part.indexOf('Toàn tỉnh Vĩnh Long'));
      }
      expect(district.text).toContain('- Sản phẩm OCOP còn hiệu lực: 2 (Thay đổi: +1)');
      expect(province.text).not.toContain('Số liệu của');
    });

    it('writes to an English-speaking recipient in English', () => {
      // Prepare
      const { mail } = emailTo(advisor);

      // Assess
      expect(mail.subject).toMatch(/^\[OCOP Vĩnh Long\] KPI report, week 48\/2025, \d{1,2} \w{3} \d{4}$/);
      expect(mail.text).toContain('Active OCOP products');
      expect(mail.text).toContain('Value: 57.1% | Target: > 50% | Status: Met');
      expect(mail.text).not.toContain('Chỉ tiêu');
      expect(mail.html).toContain('<html lang="en">');
    });

    it('does not email anyone twice when the run is retried', async () => {
      // Prepare
      const before = emlFiles(outbox).length;

      // Act
      const retry = await run({ ...SCHEDULE_INPUT, period: '2025-W48' }, outbox);

      // Assess
      expect(emlFiles(outbox)).toHaveLength(before);
      expect(retry).toMatchObject({ outcome: 'done', sent: [], failed: [] });
      expect(retry.outcome === 'done' && retry.alreadySent.map((s) => s.stakeholderId).sort()).toEqual(ACTIVE.map((s) => s.stakeholderId).sort());
    });
  });

  it('keeps emailing the others when one recipient fails, reports it without personal data, and a retry sends only to that one', async () => {
    // Prepare
    const outbox = newOutbox('w50');
    const outboxWriter = outboxTransport(outbox);
    const failingForCangLong: EmailTransport = {
      kind: 'outbox',
      send: async (email) => {
        if (email.to === cangLong.email) throw new Error(`Mailbox unavailable: ${cangLong.email}`);
        return outboxWriter.send(email);
      },
    };
    const flakyHandler = createHandler({ transport: failingForCangLong, senderAddress: SENDER });

    // Act
    const failure = await run({ period: '2025-W50' }, outbox, flakyHandler).catch((error: unknown) => error);
    const logs = output.text();
    const retry = await run({ period: '2025-W50' }, outbox);

    // Assess
    expect(failure).toBeInstanceOf(ReportDeliveryError);
    const { result } = failure as ReportDeliveryError;
    expect(result.sent.map((s) => s.stakeholderId).sort()).toEqual([committee, advisor].map((s) => s.stakeholderId).sort());
    expect(result.failed).toEqual([{ stakeholderId: cangLong.stakeholderId, errorName: 'Error', reason: 'Mailbox unavailable: <address>' }]);
    expect(logs).toContain(cangLong.stakeholderId);
    expect(logs).toMatch(/"ReportEmailsFailed":\s*1\b/);
    for (const stakeholder of ACTIVE) {
      expect(logs).not.toContain(stakeholder.email);
      expect(logs).not.toContain(stakeholder.name);
    }
    expect(retry).toMatchObject({ outcome: 'done', failed: [], sent: [{ stakeholderId: cangLong.stakeholderId }] });
    expect(retry.outcome === 'done' && retry.alreadySent).toHaveLength(2);
    expect(emlFiles(outbox)).toHaveLength(3);
  });
});
