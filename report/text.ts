import type { ExpiringSection, FactRow, IndicatorRow, ReportModel } from './model';

/** The plain-text alternative of the KPI email: the same facts as the HTML part, line by line. */
const BAR_WIDTH = 20;

export function renderText(model: ReportModel): string {
  const lines: string[] = [model.title, '='.repeat(model.title.length), ...model.introLines, ''];
  if (model.district) {
    lines.push(...underline(model.district.heading));
    if (model.district.missing) lines.push(model.district.missing);
    else {
      lines.push(...facts(model.district.facts, model));
      lines.push('', `${model.labels.byLevel}:`, ...facts(model.district.byLevel, model));
    }
    lines.push('', ...expiring(model.district.expiring, model), '');
  }
  lines.push(...underline(model.province.heading));
  for (const indicator of model.province.indicators) lines.push(...indicatorLines(indicator, model), '');
  lines.push(model.labels.statusLegend, '', `${model.labels.byLevel}:`, ...facts(model.province.byLevel, model), '');
  if (model.endedPlan) {
    const { columns } = model.labels;
    lines.push(...underline(model.endedPlan.heading), ...model.endedPlan.notes);
    for (const indicator of model.endedPlan.indicators) {
      lines.push(`* ${indicator.label}: ${columns.value} ${indicator.value} | ${columns.target}: ${indicator.target} | ${columns.status}: ${indicator.statusWord}`);
    }
    lines.push('');
  }
  lines.push(...expiring(model.expiring, model), '', '--', model.labels.footer);
  return `${lines.join('\n')}\n`;
}

function underline(text: string): string[] {
  return [text, '-'.repeat(text.length)];
}

function facts(rows: readonly FactRow[], model: ReportModel): string[] {
  return rows.map((f) => `- ${f.label}: ${f.value} (${model.labels.columns.change}: ${f.change})`);
}

function indicatorLines(indicator: IndicatorRow, model: ReportModel): string[] {
  const { columns } = model.labels;
  const target = indicator.targetNotes.length > 0 ? `${indicator.target} (${indicator.targetNotes.join('; ')})` : indicator.target;
  const lines = [
    `* ${indicator.label}`,
    `  ${columns.value}: ${indicator.value} | ${columns.target}: ${target} | ${columns.status}: ${indicator.statusWord} | ${columns.change}: ${indicator.change}`,
  ];
  if (indicator.progress) {
    const filled = Math.round(indicator.progress.share * BAR_WIDTH);
    lines.push(`  [${'#'.repeat(filled)}${'-'.repeat(BAR_WIDTH - filled)}] ${indicator.progress.label}`);
  }
  return lines;
}

function expiring(section: ExpiringSection, model: ReportModel): string[] {
  const { expiringColumns: columns } = model.labels;
  if (section.rows.length === 0) return [section.heading, section.empty];
  return [
    section.heading,
    ...section.rows.map(
      (r) => `- ${r.product} (${r.productId}), ${r.district}, ${r.level}; ${columns.validUntil}: ${r.validUntil}; ${columns.daysLeft}: ${r.daysLeft}`,
    ),
  ];
}
