import type { KpiSnapshot, TrendPoint } from '../../domain';
import { PROVINCE_RECIPIENT_SCOPE, type ReportRecipient } from '../model';
import { uiLabelsFor } from '../labels';
import { unitBreakdown } from '../unit-breakdown';
import { bulletChartHeight, bulletChartOption, bulletRows, districtChartOption, trendChartOption } from './options';
import { chartPng } from './png';

/**
 * The KPI email's pictures: PNG (Gmail and the new Outlook show no SVG),
 * attached inline and named by Content-ID. A district's email starts with
 * its own district's chart; every email has the indicators against their
 * targets and the trend.
 */
export type ChartRole = 'district' | 'indicators' | 'trend';

/** What the HTML needs of a picture: where it goes, its cid, alternative text and display size. */
export interface ChartReference {
  role: ChartRole;
  cid: string;
  alt: string;
  width: number;
  height: number;
}

export interface EmailChart extends ChartReference {
  fileName: string;
  png: Buffer;
}

/** The width of a picture in the 640 px email, inside its 20 px margins. */
export const EMAIL_CHART_WIDTH = 600;
const TREND_HEIGHT = 300;
const DISTRICT_HEIGHT = 280;

export async function renderEmailCharts(input: { snapshot: KpiSnapshot; trend: readonly TrendPoint[]; recipient: ReportRecipient; cidDomain: string }): Promise<EmailChart[]> {
  const { snapshot, trend, recipient } = input;
  const language = recipient.language;
  const ui = uiLabelsFor(language);
  const charts: EmailChart[] = [];
  const add = async (role: ChartRole, option: Parameters<typeof chartPng>[0], height: number, alt: string) => {
    const { png } = await chartPng(option, EMAIL_CHART_WIDTH, height);
    charts.push({ role, cid: `${role}.${snapshot.asOfDay}@${input.cidDomain}`, fileName: `${role}-${snapshot.asOfDay}.png`, alt, width: EMAIL_CHART_WIDTH, height, png });
  };
  const district = recipient.scope !== PROVINCE_RECIPIENT_SCOPE ? unitBreakdown(snapshot, recipient.scope) : undefined;
  if (district) {
    await add('district', districtChartOption(snapshot, recipient.scope, language), DISTRICT_HEIGHT, ui.charts.districtTitle(district.name ?? recipient.scope));
  }
  const rows = bulletRows(snapshot, language);
  if (rows.length > 0) {
    await add('indicators', bulletChartOption(rows, language, { names: true, title: true }), bulletChartHeight(rows.length), ui.charts.bulletTitle);
  }
  if (trend.length > 0) await add('trend', trendChartOption(trend, language, { title: true }), TREND_HEIGHT, ui.charts.trendTitle);
  return charts;
}
