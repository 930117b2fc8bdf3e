import { renderKpiReport } from '../../../report';
import { escapeHtml } from '../../../report/html';
import { LABELS } from '../../../report/labels';
import { periodOfDay } from '../../../report/period';
import { INDICATOR_IDS, type KpiSnapshot } from '../../../domain';
import { LAST_WEEK_AS_OF, REPORT_DAY, sampleSnapshot } from './support/sample-snapshot';

const thisWeek = sampleSnapshot();
const lastWeek = sampleSnapshot(LAST_WEEK_AS_OF);
const period = periodOfDay(REPORT_DAY);
const previous = { snapshot: lastWeek, period: periodOfDay('2025-11-17') };

describe('renderKpiReport', () => {
  it('names the province of the day (Vĩnh Long after 1/7/2025), the ISO week and the date in the subject', () => {
    // Act
    const vi = renderKpiReport({ snapshot: thisWeek, period, reportDay: REPORT_DAY, recipient: { language: 'vi', scope: 'province' } });
    const en = renderKpiReport({ snapshot: thisWeek, period, reportDay: REPORT_DAY, recipient: { language: 'en', scope: 'province' } });

    // Assess
    expect(vi.subject).toBe('[OCOP Vĩnh Long] Báo cáo chỉ số tuần 48/2025, ngày 24/11/2025');
    expect(en.subject).toBe('[OCOP Vĩnh Long] KPI report, week 48/2025, 24 Nov 2025');
    expect(vi.senderName).toBe('OCOP Vĩnh Long');
  });

  it('renders email-safe HTML: one table row per indicator, no scripts, images or external resources', () => {
    // Act
    const { html } = renderKpiReport({ snapshot: thisWeek, previous, period, reportDay: REPORT_DAY, recipient: { language: 'vi', scope: 'province' } });

    // Assess
    expect(html.match(/<tr data-indicator="/g)).toHaveLength(thisWeek.indicators.length);
    expect(html).not.toMatch(/<script|<img|<link|<style|https?:\/\/|url\(/i);
    expect(html).toContain('width="640"');
  });

  it('writes every status as a word next to its colour', () => {
    // Act
    const { html } = renderKpiReport({ snapshot: thisWeek, period, reportDay: REPORT_DAY, recipient: { language: 'vi', scope: 'province' } });

    // Assess
    for (const indicator of thisWeek.indicators.filter((i) => i.status)) {
      const row = html.slice(html.indexOf(`<tr data-indicator="${indicator.id}">`));
      expect(row.slice(0, row.indexOf('\n</tr>'))).toContain(`>${LABELS.vi.status[indicator.status!]}</span>`);
    }
  });

  it('gives the plain-text part the same figures as the HTML part', () => {
    // Act
    const { html, text } = renderKpiReport({ snapshot: thisWeek, previous, period, reportDay: REPORT_DAY, recipient: { language: 'vi', scope: '844' } });

    // Assess
    for (const figure of ['57,1 %', '> 50 %', '+7,1 điểm %', 'cần đạt đến nay: 36', 'Tinh dầu sả Cầu Kè', '20/12/2025', '26 ngày', '1 (50 %)']) {
      expect(text).toContain(figure);
      expect(html).toContain(escapeHtml(figure));
    }
  });

  it('puts a district recipient’s district first and says when there is no earlier report', () => {
    // Act
    const { text } = renderKpiReport({ snapshot: thisWeek, period, reportDay: REPORT_DAY, recipient: { language: 'vi', scope: '845' } });

    // Assess
    expect(text.indexOf('Số liệu của Huyện Cầu Kè (mã 845, đơn vị cũ)')).toBeLessThan(text.indexOf('Toàn tỉnh Vĩnh Long'));
    expect(text).toContain('Giấy chứng nhận sắp hết hạn của Huyện Cầu Kè (mã 845, đơn vị cũ)\n- Tinh dầu sả Cầu Kè (TV-845-001)');
    expect(text).toContain(LABELS.vi.firstReport);
    expect(text).toContain('Thay đổi: —');
  });

  it('says in a former district’s section that it is a former unit, what waits in it and how the province assigns it', () => {
    // Act: 24/11/2025, after the reform; TV-845-001 was registered by Cầu Kè without a commune.
    const { text, html } = renderKpiReport({ snapshot: thisWeek, period, reportDay: REPORT_DAY, recipient: { language: 'vi', scope: '845' } });

    // Assess
    const section = text.slice(0, text.indexOf('Toàn tỉnh Vĩnh Long'));
    expect(section).toContain(LABELS.vi.units.formerNote);
    expect(section).toContain(
      '1 sản phẩm chưa được giao (1 còn hiệu lực). Có thể thuộc: Xã Cầu Kè (mã 29308); Xã An Phú Tân (mã 29317); Xã Phong Thạnh (mã 29329); Xã Tam Ngãi (mã 29335).',
    );
    expect(section).toContain(LABELS.vi.units.howToAssign);
    expect(html).toContain(escapeHtml(LABELS.vi.units.formerNote));
  });

  it('gives a commune recipient its own section by name and code, with the products of a former district that may be its own', () => {
    // Act
    const vi = renderKpiReport({ snapshot: thisWeek, period, reportDay: REPORT_DAY, recipient: { language: 'vi', scope: '29308' } });
    const en = renderKpiReport({ snapshot: thisWeek, period, reportDay: REPORT_DAY, recipient: { language: 'en', scope: '29308' } });

    // Assess
    expect(vi.text.indexOf('Số liệu của Xã Cầu Kè (mã 29308)')).toBeLessThan(vi.text.indexOf('Toàn tỉnh Vĩnh Long'));
    expect(vi.text).toContain('1 sản phẩm của Huyện Cầu Kè (mã 845, đơn vị cũ) có thể thuộc đơn vị này, đang chờ tỉnh giao.');
    expect(vi.text).toContain('- Sản phẩm OCOP còn hiệu lực: 0');
    expect(en.text).toContain('Xã Cầu Kè (code 29308)\n');
    expect(en.text).toContain('1 product of Huyện Cầu Kè (code 845, former unit) may belong to this unit and waits for the province to assign it.');
  });

  it('lists the former units whose products are not yet assigned, by name first, with their candidates and how to assign them', () => {
    // Act
    const { text, html } = renderKpiReport({ snapshot: thisWeek, period, reportDay: REPORT_DAY, recipient: { language: 'vi', scope: 'province' } });
    const en = renderKpiReport({ snapshot: thisWeek, period, reportDay: REPORT_DAY, recipient: { language: 'en', scope: 'province' } });

    // Assess
    expect(text).toContain(`${LABELS.vi.units.unassignedHeading}\n${LABELS.vi.units.unassignedIntro}\n`);
    expect(text).toContain('- Huyện Càng Long (mã 844, đơn vị cũ): 3 sản phẩm chưa được giao (2 còn hiệu lực). Có thể thuộc: Xã Càng Long (mã 29266); ');
    expect(html).toMatch(/<table role="presentation" data-role="unassigned"/);
    expect(html).toContain(escapeHtml(LABELS.vi.units.howToAssign));
    expect(en.text).toContain('- Huyện Càng Long (code 844, former unit): 3 products not yet assigned (2 active). May belong to: Xã Càng Long (code 29266); ');
    expect(en.text).toContain(LABELS.en.units.howToAssign);
    expect(text).not.toMatch(/^- \d{3,5}[,:]/m);
  });

  it('names the unit of each expiring certificate first, its code second, and says when it waits to be assigned', () => {
    // Act
    const { text } = renderKpiReport({ snapshot: thisWeek, period, reportDay: REPORT_DAY, recipient: { language: 'vi', scope: 'province' } });

    // Assess
    expect(text).toContain('- Tinh dầu sả Cầu Kè (TV-845-001), Huyện Cầu Kè (mã 845, đơn vị cũ) – chưa giao về xã, phường, 3 sao;');
  });

  it('escapes names that come from district systems', () => {
    // Prepare
    const hostile: KpiSnapshot = { ...thisWeek, expiring: [{ ...thisWeek.expiring[0]!, name: 'Bánh <script>alert(1)</script> & "mứt"' }] };

    // Act
    const { html } = renderKpiReport({ snapshot: hostile, period, reportDay: REPORT_DAY, recipient: { language: 'vi', scope: 'province' } });

    // Assess
    expect(html).not.toContain('<script>');
    expect(html).toContain('Bánh &lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;mứt&quot;');
  });
});

describe('LABELS', () => {
  it('words every indicator in both languages', () => {
    // Assess
    for (const language of ['vi', 'en'] as const) {
      for (const id of INDICATOR_IDS) expect(LABELS[language].indicators[id].length).toBeGreaterThan(3);
    }
  });
});
