import {
  daysInclusive,
  EXPIRING_WITHIN_DAYS,
  INDICATORS,
  LEVELS,
  type DistrictBreakdown,
  type ExpiringCertificate,
  type Indicator,
  type IndicatorId,
  type IndicatorStatus,
  type IsoDay,
  type KpiSnapshot,
} from '../domain';
import { numberFormats, type NumberFormats } from './format';
import { labelsFor, uiLabelsFor, type Language, type ReportLabels } from './labels';
import type { ChartReference } from './charts/email-charts';
import type { ReportPeriod } from './period';
import { unitBreakdown, unitNameIn } from './unit-breakdown';
import { noteText, provinceAndPlanLines } from './plan-lines';

/**
 * The facts of one email, worded and formatted for its recipient. The HTML
 * and the plain-text renderers lay out this one model, so both parts always
 * carry the same facts.
 */
export const PROVINCE_RECIPIENT_SCOPE = 'province';

export interface ReportRecipient {
  language: Language;
  /** `province`, or the code of the district whose figures come first. */
  scope: string;
}

export interface ReportInput {
  snapshot: KpiSnapshot;
  /** The snapshot of the last report sent before this period, if any. */
  previous?: { snapshot: KpiSnapshot; period: ReportPeriod };
  period: ReportPeriod;
  reportDay: IsoDay;
  recipient: ReportRecipient;
  /** The pictures attached to the email (report/charts/email-charts.ts), if any. */
  charts?: readonly ChartReference[];
}

export interface IndicatorRow {
  id: IndicatorId;
  label: string;
  value: string;
  target: string;
  targetNotes: string[];
  status?: IndicatorStatus;
  statusWord: string;
  change: string;
  /** Progress toward the target, 0..1 for the bar (capped), with its label (not capped). */
  progress?: { share: number; label: string };
}

export interface FactRow {
  label: string;
  value: string;
  change: string;
}

export interface ExpiringRow {
  product: string;
  productId: string;
  district: string;
  level: string;
  validUntil: string;
  daysLeft: string;
}

export interface ExpiringSection {
  heading: string;
  rows: ExpiringRow[];
  empty: string;
}

export interface ReportModel {
  language: Language;
  subject: string;
  title: string;
  introLines: string[];
  district?: { heading: string; missing?: string; facts: FactRow[]; byLevel: FactRow[]; expiring: ExpiringSection };
  province: { heading: string; indicators: IndicatorRow[]; byLevel: FactRow[] };
  /** The final results of the latest plan that ended before the day, with the notes of its last day. */
  endedPlan?: { heading: string; notes: string[]; indicators: IndicatorRow[] };
  expiring: ExpiringSection;
  charts: readonly ChartReference[];
  labels: Pick<ReportLabels, 'columns' | 'expiringColumns' | 'byLevel' | 'statusLegend' | 'footer'>;
}

export function buildReportModel(input: ReportInput): ReportModel {
  const { snapshot, previous, period, reportDay, recipient } = input;
  const labels = labelsFor(recipient.language);
  const format = numberFormats(recipient.language);
  const provinceName = snapshot.province.name;
  const before = previous?.snapshot;

  const introLines = [
    labels.periodLine(period.week, period.weekYear, format.day(reportDay)),
    labels.asOfLine(format.day(snapshot.asOfDay)),
    ...provinceAndPlanLines(snapshot, labels, format),
    previous ? labels.comparedWith(previous.period.week, previous.period.weekYear, format.day(previous.snapshot.asOfDay)) : labels.firstReport,
  ];

  const districtName = (code: string) => unitNameIn(snapshot, code);
  const expiringRows = (certificates: readonly ExpiringCertificate[]) =>
    certificates.map((c): ExpiringRow => ({
      product: c.name,
      productId: c.productId,
      district: districtName(c.districtCode),
      level: labels.levels[c.level],
      validUntil: format.day(c.validUntil),
      daysLeft: labels.daysLeft(daysInclusive(snapshot.asOfDay, c.validUntil) - 1),
    }));

  const model: ReportModel = {
    language: recipient.language,
    subject: labels.subject(provinceName, period.week, period.weekYear, format.day(reportDay)),
    title: labels.title(provinceName),
    introLines,
    province: {
      heading: labels.provinceHeading(provinceName),
      indicators: snapshot.indicators.map((indicator) =>
        indicatorRow(indicator as Indicator, before?.indicators.find((i) => i.id === indicator.id) as Indicator | undefined, labels, format, recipient.language),
      ),
      byLevel: LEVELS.map((level) =>
        fact(labels.levels[level], snapshot.breakdown.byLevel[level].active, before?.breakdown.byLevel[level]?.active, labels, format),
      ),
    },
    expiring: { heading: labels.expiringHeading(EXPIRING_WITHIN_DAYS), rows: expiringRows(snapshot.expiring), empty: labels.noExpiring },
    charts: input.charts ?? [],
    labels,
  };
  if (snapshot.endedPlan) {
    const ended = snapshot.endedPlan;
    model.endedPlan = {
      heading: labels.endedPlanHeading(ended.title, format.day(ended.period.end)),
      notes: (ended.notes ?? []).map((note) => noteText(note, labels, format)),
      indicators: ended.indicators.map((indicator) => indicatorRow(indicator as Indicator, undefined, labels, format, recipient.language)),
    };
  }

  if (recipient.scope !== PROVINCE_RECIPIENT_SCOPE) {
    const code = recipient.scope;
    const name = districtName(code);
    const now = unitBreakdown(snapshot, code);
    const then = before && unitBreakdown(before, code);
    model.district = {
      heading: labels.districtHeading(name),
      ...(now === undefined && { missing: labels.districtMissing }),
      facts: now ? districtFacts(now, then, labels, format) : [],
      byLevel: now ? LEVELS.map((level) => fact(labels.levels[level], now.byLevel[level], then?.byLevel[level], labels, format)) : [],
      expiring: {
        heading: labels.districtExpiringHeading(name),
        rows: expiringRows(snapshot.expiring.filter((c) => c.districtCode === code)),
        empty: labels.noExpiring,
      },
    };
  }
  return model;
}

function indicatorRow(indicator: Indicator, before: Indicator | undefined, labels: ReportLabels, format: NumberFormats, language: Language): IndicatorRow {
  const isShare = INDICATORS[indicator.id] === 'share';
  const show = (value: number) => (isShare ? format.percent(value) : format.count(value));
  const { target } = indicator;

  let targetText = labels.noTarget;
  const targetNotes: string[] = [];
  if (target !== undefined) {
    targetText = isShare
      ? indicator.comparison === 'moreThan'
        ? labels.targetMoreThan(show(target))
        : labels.targetAtLeast(show(target))
      : show(target);
    if (indicator.stretchTarget !== undefined) targetNotes.push(labels.stretch(show(indicator.stretchTarget)));
    if (indicator.expectedByNow !== undefined && indicator.status !== 'met') targetNotes.push(labels.expectedByNow(format.count(indicator.expectedByNow)));
    if (indicator.forecast) {
      targetNotes.push(uiLabelsFor(language).forecastNote(format.count(indicator.forecast.value), indicator.forecast.at_risk));
    }
  }

  const ratio = target === undefined ? undefined : target === 0 ? 1 : indicator.value / target;
  return {
    id: indicator.id,
    label: labels.indicators[indicator.id],
    value: show(indicator.value),
    target: targetText,
    targetNotes,
    ...(indicator.status !== undefined && { status: indicator.status }),
    statusWord: indicator.status !== undefined ? labels.status[indicator.status] : labels.noStatus,
    change: before === undefined ? labels.noPrevious : changeText(indicator.value - before.value, isShare, labels, format),
    ...(ratio !== undefined && { progress: { share: Math.min(Math.max(ratio, 0), 1), label: labels.progress(format.percent(ratio)) } }),
  };
}

function changeText(delta: number, isShare: boolean, labels: ReportLabels, format: NumberFormats): string {
  if (Math.abs(delta) < 1e-9) return labels.noChange;
  return isShare ? labels.percentagePoints(format.signedPoints(delta)) : format.signedCount(delta);
}

function fact(label: string, value: number, before: number | undefined, labels: ReportLabels, format: NumberFormats): FactRow {
  return { label, value: format.count(value), change: before === undefined ? labels.noPrevious : changeText(value - before, false, labels, format) };
}

function districtFacts(now: DistrictBreakdown, then: DistrictBreakdown | undefined, labels: ReportLabels, format: NumberFormats): FactRow[] {
  const withShare = (label: string, count: number, countBefore: number | undefined): FactRow => {
    const row = fact(label, count, countBefore, labels, format);
    return { ...row, value: labels.district.countAndShare(row.value, format.percent(now.active === 0 ? 0 : count / now.active)) };
  };
  return [
    fact(labels.district.active, now.active, then?.active, labels, format),
    fact(labels.district.recognizedThisYear, now.recognizedThisYear, then?.recognizedThisYear, labels, format),
    withShare(labels.district.traceable, now.traceable, then?.traceable),
    withShare(labels.district.listed, now.listed, then?.listed),
    fact(labels.district.expiring, now.expiring, then?.expiring, labels, format),
  ];
}
