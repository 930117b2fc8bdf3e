import type { EChartsOption } from 'echarts';
// Module by module, not through domain/index.ts: the dashboard's bundle takes only what it draws (no zod).
import type { IndicatorStatus, KpiSnapshot, TrendPoint } from '../../domain';
import { INDICATORS } from '../../domain/kpi/indicators';
import { LEVELS } from '../../domain/stars';
import { numberFormats } from '../format';
import { labelsFor, uiLabelsFor, type Language } from '../labels';
import { unitBreakdown } from '../unit-breakdown';

/**
 * The charts of the dashboard and of the KPI email, as Apache ECharts options:
 * one definition, drawn by ECharts in the browser (SVG renderer) and on the
 * server (SVG, then PNG for the email). Pure: no DOM, no I/O.
 */
export const CHART_FONT_FAMILY = "'Be Vietnam Pro', 'Noto Sans', 'DejaVu Sans', Arial, sans-serif";

/** Colours with at least 4.5:1 contrast on white, as the email's badges. */
export const STATUS_COLOURS: Record<IndicatorStatus | 'none', string> = { met: '#15803d', on_track: '#1d4ed8', behind: '#b91c1c', not_met: '#7f1d1d', none: '#4b5563' };
export const LEVEL_COLOURS: Record<(typeof LEVELS)[number], string> = { '3': '#0f766e', '4': '#1d4ed8', '4-potential-5': '#7c3aed', '5': '#b45309' };
const GRID_GREY = '#d1d5db';
const TEXT = '#111827';

/** One row of the bullet chart: an indicator with a target, in percent of its target. */
export interface BulletRow {
  id: string;
  label: string;
  status: IndicatorStatus | 'none';
  valuePercent: number;
  expectedPercent?: number;
  forecastPercent?: number;
  /** The value and target as the reader writes them, e.g. "52,3 % / > 50 %". */
  caption: string;
}

/** Where the bars stop: beyond twice the target a bar is drawn to 200 %, its caption still tells the value. */
const MAX_PERCENT = 200;
const percentOf = (value: number, target: number) => (target === 0 ? (value > 0 ? MAX_PERCENT : 100) : (value / target) * 100);

export function bulletRows(snapshot: KpiSnapshot, language: Language): BulletRow[] {
  const labels = labelsFor(language);
  const format = numberFormats(language);
  return snapshot.indicators
    .filter((indicator) => indicator.target !== undefined)
    .map((indicator) => {
      const target = indicator.target!;
      const isShare = INDICATORS[indicator.id] === 'share';
      const show = (value: number) => (isShare ? format.percent(value) : format.count(value));
      return {
        id: indicator.id,
        label: labels.indicators[indicator.id],
        status: indicator.status ?? 'none',
        valuePercent: percentOf(indicator.value, target),
        ...(indicator.expectedByNow !== undefined && { expectedPercent: percentOf(indicator.expectedByNow, target) }),
        ...(indicator.forecast && { forecastPercent: percentOf(indicator.forecast.value, target) }),
        caption: `${show(indicator.value)} / ${show(target)}`,
      };
    });
}

/** The height of the email's bullet chart image for its rows (three text lines a row at most). */
export const bulletChartHeight = (rowCount: number) => 72 + rowCount * 48;

const capped = (percent: number) => Math.min(percent, MAX_PERCENT);

/**
 * Bullet charts: per row a grey band to the target (100 %), the value as a
 * bar coloured by status, a thin mark at what is expected by now and a
 * diamond at the forecast. `names` puts the indicator names on the axis (the
 * email's one image); without, the page writes them in HTML above each chart.
 */
export function bulletChartOption(rows: readonly BulletRow[], language: Language, options: { names: boolean; title?: boolean }): EChartsOption {
  const ui = uiLabelsFor(language);
  const categories = rows.map((row) => row.label);
  const axisMax = Math.max(150, ...rows.map((row) => Math.ceil(capped(Math.max(row.valuePercent, row.forecastPercent ?? 0)) / 50) * 50));
  return {
    animation: false,
    aria: { enabled: true },
    textStyle: { fontFamily: CHART_FONT_FAMILY, color: TEXT },
    ...(options.title && { title: { text: ui.charts.bulletTitle, left: 8, top: 6, textStyle: { fontSize: 15, fontWeight: 'bold', color: TEXT } } }),
    legend: {
      show: options.names,
      top: options.title ? 32 : 4,
      left: 8,
      itemWidth: 14,
      itemHeight: 10,
      textStyle: { fontSize: 11, color: TEXT },
      data: [ui.charts.value, ui.charts.target, ui.charts.expectedByNow, ui.charts.forecast],
    },
    grid: options.names
      ? { left: 8, right: 24, top: options.title ? 60 : 30, bottom: 8, containLabel: true }
      : { left: 8, right: 16, top: 4, bottom: 22, containLabel: false },
    xAxis: {
      type: 'value',
      min: 0,
      max: axisMax,
      interval: 50,
      axisLabel: { fontSize: 10, color: TEXT, formatter: (value: number) => `${value}%` },
      splitLine: { lineStyle: { color: '#e5e7eb' } },
    },
    yAxis: [0, 1].map((index) => ({
      type: 'category' as const,
      data: categories,
      inverse: true,
      show: index === 0,
      axisTick: { show: false },
      axisLine: { show: false },
      axisLabel:
        options.names && index === 0
          ? {
              interval: 0,
              fontSize: 11,
              align: 'right' as const,
              lineHeight: 13,
              color: TEXT,
              formatter: (name: string, i: number) => `${wrapWords(name, 40).join('\n')}\n{caption|${rows[i]!.caption}}`,
              rich: { caption: { fontSize: 11, fontWeight: 'bold' as const, lineHeight: 14, color: TEXT } },
            }
          : { show: false },
    })),
    series: [
      {
        name: ui.charts.target,
        type: 'bar',
        yAxisIndex: 1,
        barWidth: options.names ? 18 : 22,
        silent: true,
        itemStyle: { color: '#e5e7eb' },
        data: rows.map(() => 100),
        markLine: { silent: true, symbol: 'none', label: { show: false }, lineStyle: { color: TEXT, width: 2, type: 'solid' }, data: [{ xAxis: 100 }] },
      },
      {
        name: ui.charts.value,
        type: 'bar',
        yAxisIndex: 0,
        barWidth: options.names ? 8 : 10,
        itemStyle: { color: STATUS_COLOURS.none },
        data: rows.map((row) => ({ value: capped(row.valuePercent), itemStyle: { color: STATUS_COLOURS[row.status] } })),
      },
      {
        name: ui.charts.expectedByNow,
        type: 'scatter',
        yAxisIndex: 0,
        symbol: 'rect',
        symbolSize: [3, options.names ? 20 : 26],
        itemStyle: { color: TEXT },
        data: rows.map((row) => (row.expectedPercent === undefined ? null : capped(row.expectedPercent))),
      },
      {
        name: ui.charts.forecast,
        type: 'scatter',
        yAxisIndex: 0,
        symbol: 'diamond',
        symbolSize: options.names ? 11 : 13,
        itemStyle: { color: '#ffffff', borderColor: TEXT, borderWidth: 2 },
        data: rows.map((row) => (row.forecastPercent === undefined ? null : capped(row.forecastPercent))),
      },
    ],
    tooltip: { show: false },
  } as EChartsOption;
}

/** The trend of active products by level: stacked areas, one point per month end. */
export function trendChartOption(points: readonly TrendPoint[], language: Language, options: { title: boolean }): EChartsOption {
  const labels = labelsFor(language);
  const ui = uiLabelsFor(language);
  const format = numberFormats(language);
  return {
    animation: false,
    aria: { enabled: true },
    textStyle: { fontFamily: CHART_FONT_FAMILY, color: TEXT },
    ...(options.title && { title: { text: ui.charts.trendTitle, left: 8, top: 6, textStyle: { fontSize: 15, fontWeight: 'bold', color: TEXT } } }),
    legend: { top: options.title ? 32 : 4, left: 8, itemWidth: 14, itemHeight: 10, textStyle: { fontSize: 11, color: TEXT } },
    grid: { left: 8, right: 16, top: options.title ? 62 : 34, bottom: 8, containLabel: true },
    xAxis: {
      type: 'category',
      boundaryGap: false,
      data: points.map((point) => format.day(point.asOfDay)),
      axisLabel: { fontSize: 10, color: TEXT, hideOverlap: true },
      axisLine: { lineStyle: { color: GRID_GREY } },
    },
    yAxis: { type: 'value', minInterval: 1, axisLabel: { fontSize: 10, color: TEXT }, splitLine: { lineStyle: { color: '#e5e7eb' } } },
    series: LEVELS.map((level) => ({
      name: labels.levels[level],
      type: 'line' as const,
      stack: 'active',
      symbol: 'none',
      areaStyle: { opacity: 0.85 },
      lineStyle: { width: 1 },
      itemStyle: { color: LEVEL_COLOURS[level] },
      data: points.map((point) => point.byLevel[level]),
    })),
    tooltip: { trigger: 'axis' },
  };
}

/** One unit's products: by level, then traceable, listed and expiring. */
export function districtChartOption(snapshot: KpiSnapshot, districtCode: string, language: Language): EChartsOption {
  const labels = labelsFor(language);
  const ui = uiLabelsFor(language);
  const district = unitBreakdown(snapshot, districtCode);
  const name = district?.name ?? districtCode;
  const bars = [
    ...LEVELS.map((level) => ({ label: labels.levels[level], value: district?.byLevel[level] ?? 0, colour: LEVEL_COLOURS[level] })),
    { label: ui.charts.districtSeries.traceable, value: district?.traceable ?? 0, colour: '#0e7490' },
    { label: ui.charts.districtSeries.listed, value: district?.listed ?? 0, colour: '#4d7c0f' },
    { label: ui.charts.districtSeries.expiring, value: district?.expiring ?? 0, colour: STATUS_COLOURS.behind },
  ];
  return {
    animation: false,
    aria: { enabled: true },
    textStyle: { fontFamily: CHART_FONT_FAMILY, color: TEXT },
    title: {
      text: ui.charts.districtTitle(name),
      subtext: `${ui.charts.districtSeries.active}: ${numberFormats(language).count(district?.active ?? 0)}`,
      left: 8,
      top: 6,
      textStyle: { fontSize: 15, fontWeight: 'bold', color: TEXT },
      subtextStyle: { fontSize: 12, color: TEXT },
    },
    grid: { left: 8, right: 40, top: 58, bottom: 8, containLabel: true },
    xAxis: { type: 'value', minInterval: 1, axisLabel: { fontSize: 10, color: TEXT }, splitLine: { lineStyle: { color: '#e5e7eb' } } },
    yAxis: { type: 'category', inverse: true, data: bars.map((bar) => bar.label), axisTick: { show: false }, axisLabel: { fontSize: 11, color: TEXT } },
    series: [
      {
        type: 'bar',
        barWidth: 14,
        label: { show: true, position: 'right', fontSize: 11, color: TEXT },
        data: bars.map((bar) => ({ value: bar.value, itemStyle: { color: bar.colour } })),
      },
    ],
  };
}

/** Breaks a label into lines of at most `width` characters, at spaces (the axis labels of the email's image). */
export function wrapWords(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/)) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines;
}
