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
    expect(text.indexOf('Số liệu của Huyện Cầu Kè')).toBeLessThan(text.indexOf('Toàn tỉnh Vĩnh Long'));
    expect(text).toContain('Giấy chứng nhận sắp hết hạn của Huyện Cầu Kè\n- Tinh dầu sả Cầu Kè (TV-845-001)');
    expect(text).toContain(LABELS.vi.firstReport);
    expect(text).toContain('Thay đổi: —');
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
