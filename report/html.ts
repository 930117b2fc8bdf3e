import type { IndicatorStatus } from '../domain';
import type { ChartReference } from './charts/email-charts';
import type { ExpiringSection, FactRow, IndicatorRow, ReportModel } from './model';

/**
 * The HTML part of the KPI email: email-safe markup only (nested tables,
 * inline CSS, no scripts, no external resources; pictures only as inline
 * PNG parts named by cid:), 640 px wide.
 * A status always shows as a word; its colour only repeats it.
 */
export const EMAIL_WIDTH_PX = 640;

const FONT = 'font-family:Arial,Helvetica,sans-serif;';
const STATUS_STYLE: Record<IndicatorStatus | 'none', { bar: string; badgeBackground: string; badgeText: string }> = {
  met: { bar: '#15803d', badgeBackground: '#dcfce7', badgeText: '#14532d' },
  on_track: { bar: '#1d4ed8', badgeBackground: '#dbeafe', badgeText: '#1e3a8a' },
  behind: { bar: '#b91c1c', badgeBackground: '#fee2e2', badgeText: '#7f1d1d' },
  not_met: { bar: '#7f1d1d', badgeBackground: '#fecaca', badgeText: '#7f1d1d' },
  none: { bar: '#6b7280', badgeBackground: '#f3f4f6', badgeText: '#374151' },
};
const CELL = 'padding:6px 8px;border-bottom:1px solid #e5e7eb;vertical-align:top;';
const HEAD_CELL = `padding:6px 8px;border-bottom:2px solid #9ca3af;text-align:left;font-weight:bold;font-size:12px;color:#374151;`;

export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

export function renderHtml(model: ReportModel): string {
  const sections = [
    header(model),
    model.district ? districtSection(model, model.district) : '',
    provinceSection(model),
    model.endedPlan ? endedPlanSection(model, model.endedPlan) : '',
    expiringSection(model.expiring, model, 'province'),
    footer(model),
  ];
  return `<!DOCTYPE html>
<html lang="${model.language}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light">
<title>${escapeHtml(model.subject)}</title>
</head>
<body style="margin:0;padding:0;background:#f3f4f6;">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="border-collapse:collapse;background:#f3f4f6;">
<tr><td align="center" style="padding:16px 8px;">
<table role="presentation" data-role="report" width="${EMAIL_WIDTH_PX}" cellpadding="0" cellspacing="0" border="0" style="border-collapse:collapse;width:${EMAIL_WIDTH_PX}px;max-width:${EMAIL_WIDTH_PX}px;background:#ffffff;border:1px solid #d1d5db;${FONT}color:#111827;font-size:14px;line-height:1.45;">
${sections.join('\n')}
</table>
</td></tr>
</table>
</body>
</html>
`;
}

function row(content: string, style = 'padding:12px 20px;'): string {
  return `<tr><td style="${style}">${content}</td></tr>`;
}

function heading(text: string): string {
  return `<h2 style="margin:0 0 8px 0;${FONT}font-size:17px;color:#14532d;">${escapeHtml(text)}</h2>`;
}

function header(model: ReportModel): string {
  const title = `<h1 style="margin:0;${FONT}font-size:20px;line-height:1.3;color:#ffffff;">${escapeHtml(model.title)}</h1>`;
  const intro = model.introLines.map((line) => `<p style="margin:0 0 4px 0;">${escapeHtml(line)}</p>`).join('');
  return [row(title, 'padding:16px 20px;background:#14532d;'), row(intro, 'padding:12px 20px 4px 20px;font-size:13px;color:#374151;')].join('\n');
}

function factsTable(facts: readonly FactRow[], model: ReportModel, role: string): string {
  const { columns } = model.labels;
  const body = facts
    .map(
      (f) =>
        `<tr><td style="${CELL}">${escapeHtml(f.label)}</td><td style="${CELL}text-align:right;white-space:nowrap;font-weight:bold;">${escapeHtml(f.value)}</td><td style="${CELL}text-align:right;white-space:nowrap;">${escapeHtml(f.change)}</td></tr>`,
    )
    .join('');
  return `<table role="presentation" data-role="${role}" width="100%" cellpadding="0" cellspacing="0" border="0" style="border-collapse:collapse;width:100%;table-layout:fixed;font-size:13px;">
<tr><th style="${HEAD_CELL}width:60%;">${escapeHtml(columns.indicator)}</th><th style="${HEAD_CELL}width:22%;text-align:right;">${escapeHtml(columns.value)}</th><th style="${HEAD_CELL}width:18%;text-align:right;">${escapeHtml(columns.change)}</th></tr>
${body}
</table>`;
}

/** A chart picture by its Content-ID, at the width of the content, scaling down on narrow screens. */
function chart(model: ReportModel, role: ChartReference['role']): string {
  const picture = model.charts.find((c) => c.role === role);
  if (!picture) return '';
  return `<img src="cid:${escapeHtml(picture.cid)}" width="${picture.width}" height="${picture.height}" alt="${escapeHtml(picture.alt)}" data-chart="${role}" style="display:block;width:100%;max-width:${picture.width}px;height:auto;border:0;margin:0 0 12px 0;">`;
}

function districtSection(model: ReportModel, district: NonNullable<ReportModel['district']>): string {
  const parts = [heading(district.heading), chart(model, 'district')];
  if (district.missing) parts.push(`<p style="margin:0;">${escapeHtml(district.missing)}</p>`);
  else {
    parts.push(factsTable(district.facts, model, 'district-facts'));
    parts.push(`<p style="margin:12px 0 4px 0;font-weight:bold;font-size:13px;">${escapeHtml(model.labels.byLevel)}</p>`);
    parts.push(factsTable(district.byLevel, model, 'district-levels'));
  }
  return [row(parts.join('\n'), 'padding:16px 20px 8px 20px;'), expiringSection(district.expiring, model, 'district')].join('\n');
}

function provinceSection(model: ReportModel): string {
  const { columns } = model.labels;
  const head = `<tr>
<th style="${HEAD_CELL}width:38%;">${escapeHtml(columns.indicator)}</th>
<th style="${HEAD_CELL}width:11%;text-align:right;">${escapeHtml(columns.value)}</th>
<th style="${HEAD_CELL}width:15%;text-align:right;">${escapeHtml(columns.target)}</th>
<th style="${HEAD_CELL}width:20%;">${escapeHtml(columns.status)}</th>
<th style="${HEAD_CELL}width:16%;text-align:right;">${escapeHtml(columns.change)}</th>
</tr>`;
  const table = `<table role="presentation" data-role="indicators" width="100%" cellpadding="0" cellspacing="0" border="0" style="border-collapse:collapse;width:100%;table-layout:fixed;font-size:13px;">
${head}
${model.province.indicators.map(indicatorRow).join('\n')}
</table>`;
  const levels = `<p style="margin:14px 0 4px 0;font-weight:bold;font-size:13px;">${escapeHtml(model.labels.byLevel)}</p>\n${factsTable(model.province.byLevel, model, 'province-levels')}`;
  const legend = `<p style="margin:10px 0 0 0;font-size:12px;color:#4b5563;">${escapeHtml(model.labels.statusLegend)}</p>`;
  return row([heading(model.province.heading), chart(model, 'indicators'), table, legend, levels, chart(model, 'trend')].join('\n'), 'padding:16px 20px 8px 20px;');
}

/** The final results of the latest ended plan: value on its last day, target, met or not met. */
function endedPlanSection(model: ReportModel, ended: NonNullable<ReportModel['endedPlan']>): string {
  const { columns } = model.labels;
  const notes = ended.notes.map((note) => `<p style="margin:0 0 6px 0;font-size:12px;color:#4b5563;">${escapeHtml(note)}</p>`).join('');
  const table = `<table role="presentation" data-role="ended-plan" width="100%" cellpadding="0" cellspacing="0" border="0" style="border-collapse:collapse;width:100%;table-layout:fixed;font-size:13px;">
<tr><th style="${HEAD_CELL}width:46%;">${escapeHtml(columns.indicator)}</th><th style="${HEAD_CELL}width:14%;text-align:right;">${escapeHtml(columns.value)}</th><th style="${HEAD_CELL}width:18%;text-align:right;">${escapeHtml(columns.target)}</th><th style="${HEAD_CELL}width:22%;">${escapeHtml(columns.status)}</th></tr>
${ended.indicators
  .map((indicator) => {
    const style = STATUS_STYLE[indicator.status ?? 'none'];
    return `<tr data-indicator="${escapeHtml(indicator.id)}"><td style="${CELL}">${escapeHtml(indicator.label)}</td><td style="${CELL}text-align:right;font-weight:bold;">${escapeHtml(indicator.value)}</td><td style="${CELL}text-align:right;">${escapeHtml(indicator.target)}</td><td style="${CELL}"><span style="display:inline-block;padding:2px 4px;border-radius:3px;background:${style.badgeBackground};color:${style.badgeText};border:1px solid ${style.bar};font-weight:bold;font-size:11px;">${escapeHtml(indicator.statusWord)}</span></td></tr>`;
  })
  .join('\n')}
</table>`;
  return row([heading(ended.heading), notes, table].join('\n'), 'padding:8px 20px;');
}

function indicatorRow(indicator: IndicatorRow): string {
  const style = STATUS_STYLE[indicator.status ?? 'none'];
  const notes = indicator.targetNotes.map((note) => `<div style="font-size:11px;color:#4b5563;">${escapeHtml(note)}</div>`).join('');
  const badge = `<span style="display:inline-block;padding:2px 4px;border-radius:3px;white-space:nowrap;background:${style.badgeBackground};color:${style.badgeText};border:1px solid ${style.bar};font-weight:bold;font-size:11px;">${escapeHtml(indicator.statusWord)}</span>`;
  return `<tr data-indicator="${escapeHtml(indicator.id)}">
<td style="${CELL}">${escapeHtml(indicator.label)}${indicator.progress ? bar(indicator.progress, style.bar) : ''}</td>
<td style="${CELL}text-align:right;white-space:nowrap;font-weight:bold;">${escapeHtml(indicator.value)}</td>
<td style="${CELL}text-align:right;"><div>${escapeHtml(indicator.target)}</div>${notes}</td>
<td style="${CELL}">${badge}</td>
<td style="${CELL}text-align:right;white-space:nowrap;font-size:12px;">${escapeHtml(indicator.change)}</td>
</tr>`;
}

/** A progress bar of two table cells, coloured by status, with its percentage written beside it. */
function bar(progress: NonNullable<IndicatorRow['progress']>, colour: string): string {
  const filled = Math.round(progress.share * 100);
  const cell = (width: number, background: string) =>
    `<td width="${width}%" style="width:${width}%;height:8px;background:${background};font-size:0;line-height:0;">&nbsp;</td>`;
  const cells = [filled > 0 ? cell(filled, colour) : '', filled < 100 ? cell(100 - filled, '#e5e7eb') : ''].join('');
  return `<table role="presentation" data-role="bar" width="100%" cellpadding="0" cellspacing="0" border="0" style="border-collapse:collapse;width:100%;margin-top:6px;"><tr>${cells}</tr></table>
<div style="font-size:11px;color:#4b5563;margin-top:2px;">${escapeHtml(progress.label)}</div>`;
}

function expiringSection(section: ExpiringSection, model: ReportModel, scope: 'district' | 'province'): string {
  const { expiringColumns: columns } = model.labels;
  const title = `<h3 style="margin:0 0 6px 0;${FONT}font-size:15px;color:#14532d;">${escapeHtml(section.heading)}</h3>`;
  if (section.rows.length === 0) return row(`${title}<p style="margin:0;font-size:13px;">${escapeHtml(section.empty)}</p>`, 'padding:8px 20px;');
  const body = section.rows
    .map(
      (r) => `<tr>
<td style="${CELL}">${escapeHtml(r.product)}<div style="font-size:11px;color:#6b7280;">${escapeHtml(r.productId)}</div></td>
<td style="${CELL}">${escapeHtml(r.district)}</td>
<td style="${CELL}">${escapeHtml(r.level)}</td>
<td style="${CELL}white-space:nowrap;">${escapeHtml(r.validUntil)}</td>
<td style="${CELL}text-align:right;">${escapeHtml(r.daysLeft)}</td>
</tr>`,
    )
    .join('\n');
  const table = `<table role="presentation" data-role="expiring-${scope}" width="100%" cellpadding="0" cellspacing="0" border="0" style="border-collapse:collapse;width:100%;table-layout:fixed;font-size:13px;">
<tr><th style="${HEAD_CELL}width:32%;">${escapeHtml(columns.product)}</th><th style="${HEAD_CELL}width:22%;">${escapeHtml(columns.district)}</th><th style="${HEAD_CELL}width:18%;">${escapeHtml(columns.level)}</th><th style="${HEAD_CELL}width:15%;">${escapeHtml(columns.validUntil)}</th><th style="${HEAD_CELL}width:13%;text-align:right;">${escapeHtml(columns.daysLeft)}</th></tr>
${body}
</table>`;
  return row(`${title}${table}`, 'padding:8px 20px;');
}

function footer(model: ReportModel): string {
  return row(`<p style="margin:0;font-size:11px;color:#6b7280;">${escapeHtml(model.labels.footer)}</p>`, 'padding:16px 20px;border-top:1px solid #e5e7eb;');
}
