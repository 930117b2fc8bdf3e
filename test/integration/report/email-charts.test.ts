import './support/powertools-dev';
import { createTestTables } from '../../support/dynamodb';
import { handler } from '../../../functions/send-kpi-report/handler';
import { invocationContext } from '../../../local/invocation-context';
import { parseStakeholder } from '../../../report/stakeholder';
import { putStakeholder } from '../../../functions/storage/stakeholder-store';
import { putSnapshot } from '../../../functions/storage/snapshot-store';

import { details, envelope } from '../../support/envelopes';
import { decodePng } from '../../support/png';
import { sampleSnapshot, THIS_WEEK_AS_OF } from '../../unit/report/support/sample-snapshot';
import { captureConsole } from './support/capture-console';
import { newOutbox, readOutbox, type ParsedEmail } from './support/outbox';
import { projectOne } from '../../support/project';
import { shippedUnitDirectory } from '../../../domain/data/shipped-units';

/** A stakeholder of a district registered before the 2025 reform, when the districts were in force. */
const BEFORE_THE_REFORM = new Date('2025-06-01T09:00:00+07:00');

/**
 * The KPI email's charts: inline PNG parts named by cid:, drawn on the
 * server; read back with mailparser and decoded here.
 */
const GMAIL_CLIPS_AT = 102 * 1024;
const committee = parseStakeholder({ name: 'Ban Chỉ đạo', email: 'bcd.ocop@travinh.gov.vn', role: 'Ban Chỉ đạo tỉnh', scope: 'province' }, shippedUnitDirectory());
const cangLong = parseStakeholder({ name: 'Phòng Kinh tế', email: 'ocop.canglong@travinh.gov.vn', role: 'Phòng Kinh tế huyện', scope: '844' }, shippedUnitDirectory(), BEFORE_THE_REFORM);
const adviser = parseStakeholder({ name: 'Adviser', email: 'adviser@example.org', role: 'Adviser', language: 'en' }, shippedUnitDirectory());

const imagesIn = (html: string) => [...html.matchAll(/<img src="cid:([^"]+)" width="(\d+)" height="(\d+)" alt="([^"]*)" data-chart="(\w+)"/g)].map(([, cid, width, height, alt, role]) => ({ cid: cid!, width: Number(width), height: Number(height), alt: alt!, role: role! }));

describe('the KPI email charts', () => {
  let emails: Map<string, ParsedEmail>;
  let output: ReturnType<typeof captureConsole>;

  beforeAll(async () => {
    // Prepare: a snapshot, stakeholders, and products in the projections for the trend.
    output = captureConsole();
    await createTestTables();
    const outbox = newOutbox('charts');
    Object.assign(process.env, { EMAIL_TRANSPORT: 'outbox', SENDER_ADDRESS: 'bao-cao@ocop.travinh.gov.vn', OUTBOX_DIR: outbox });
    for (const stakeholder of [committee, cangLong, adviser]) await putStakeholder(stakeholder);
    for (const e of [
      envelope('ocop.district.844', 'ProductRegistered', details.registered('CL-1', '844', { occurredAt: '2024-01-05T09:00:00+07:00' })),
      envelope('ocop.district.844', 'ProductRated', details.rated('CL-1', 72, 4, '2024-06-01', '844')),
    ]) {
      expect((await projectOne(e)).outcome).toBe('accepted');
    }
    await putSnapshot(sampleSnapshot(THIS_WEEK_AS_OF));

    // Act
    const result = await handler({ source: 'ocop.schedule', schedule: 'weekly-kpi-report' }, invocationContext('send-kpi-report'));
    expect(result).toMatchObject({ outcome: 'done', failed: [] });
    emails = await readOutbox(outbox, { keepCidLinks: true });
  });
  afterAll(() => output.restore());

  it('attaches each chart the HTML shows as a PNG part with its Content-ID, and no SVG', () => {
    // Assess
    const { mail, raw } = emails.get(committee.email)!;
    const images = imagesIn(mail.html as string);
    expect(images.map((i) => i.role)).toEqual(['indicators', 'trend']);
    for (const image of images) {
      const part = mail.attachments.find((a) => a.cid === image.cid)!;
      expect(part).toBeDefined();
      expect(part.contentType).toBe('image/png');
      expect(part.contentDisposition).toBe('inline');
    }
    expect(mail.attachments).toHaveLength(images.length);
    expect(raw).not.toMatch(/image\/svg|<svg/i);
  });

  it('draws sharp pictures, twice their display size, that decode whole and stay small', () => {
    // Assess
    for (const { mail } of emails.values()) {
      for (const image of imagesIn(mail.html as string)) {
        const png = mail.attachments.find((a) => a.cid === image.cid)!.content;
        const decoded = decodePng(png);
        expect(decoded).toMatchObject({ width: image.width * 2, height: image.height * 2, bitDepth: 8 });
        expect(image.width).toBe(600);
        expect(png.length).toBeGreaterThan(5_000);
        expect(png.length).toBeLessThan(400 * 1024);
      }
    }
  });

  it('keeps every HTML part under the size at which Gmail clips a message', () => {
    // Assess
    for (const { mail } of emails.values()) expect(Buffer.byteLength(mail.html as string, 'utf8')).toBeLessThan(GMAIL_CLIPS_AT);
  });

  it("shows a district's own chart first, then the province's", () => {
    // Assess
    const images = imagesIn(emails.get(cangLong.email)!.mail.html as string);
    expect(images.map((i) => i.role)).toEqual(['district', 'indicators', 'trend']);
    expect(images[0]!.alt).toBe('Sản phẩm OCOP của Huyện Càng Long');
  });

  it('words the pictures in the language of the recipient', () => {
    // Assess
    expect(imagesIn(emails.get(adviser.email)!.mail.html as string).map((i) => i.alt)).toEqual([
      'Indicators against their targets (% of target)',
      'Active OCOP products by star level',
    ]);
  });
});
