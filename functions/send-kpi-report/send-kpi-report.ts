import { randomUUID } from 'node:crypto';
import type { Logger } from '@aws-lambda-powertools/logger';
import { addMonths, trendDays, trendPoint, vnDayOf, type KpiSnapshot, type TrendPoint } from '../../domain';
import type { EmailChart } from '../../report/charts/email-charts';
import { LAZY_MODULES } from '../lazy-modules';
import { loadLazyModule } from '../shared/lazy-module';
import { snapshotsAsOf } from '../http-api/routes/kpis';
import { parsePeriodId, periodOfInstant, renderKpiReport, type ReportPeriod } from '../../report';
import { composeMime } from './email-message';
import type { EmailTransport } from './email-transport';
import { keepReportSnapshot, previousReportSnapshot, type ReportSnapshotRecord } from '../storage/report-snapshot-store';
import { latestSnapshot } from '../storage/snapshot-store';
import type { Stakeholder } from '../../report/stakeholder';
import { activeStakeholders } from '../storage/stakeholder-store';
import type { Delivered, DeliveryKey } from './once-per-period';

/**
 * Emails the latest KPI snapshot to every active stakeholder, once per period
 * (the ISO week of the report day). One recipient's failure does not stop the
 * others: it is logged (ids only, no names or addresses) and listed in the result.
 */
export interface SendKpiReportRequest {
  /** `YYYY-Www`; default: the week of `now` in Asia/Ho_Chi_Minh. */
  period?: string;
  /** Re-send to everyone, even those already emailed for the period, with the latest snapshot. */
  force?: boolean;
  now?: Date;
}

export interface DeliveryJob {
  stakeholder: Stakeholder;
  period: ReportPeriod;
  reportDay: string;
  report: ReportSnapshotRecord;
  previous?: ReportSnapshotRecord;
  runId: string;
  /** Active products by level at each month end of the two years before the snapshot: the trend chart. */
  trend: TrendPoint[];
}

/** Months of history in the email's trend chart. */
export const EMAIL_TREND_MONTHS = 24;

export interface SendKpiReportDependencies {
  transport: EmailTransport;
  senderAddress: string;
  logger: Logger;
  /** Wraps the delivery so that it runs once per period and stakeholder (see once-per-period.ts). */
  oncePerPeriod: (deliver: (key: DeliveryKey, job: DeliveryJob) => Promise<Delivered>) => (key: DeliveryKey, job: DeliveryJob) => Promise<Delivered>;
}

export interface DeliveryOutcome {
  stakeholderId: string;
  messageId: string;
  /** The .eml file, for the outbox transport. */
  location?: string;
  sentAt: string;
}

export interface DeliveryFailure {
  stakeholderId: string;
  errorName: string;
  /** The error's message with any email address masked. */
  reason: string;
}

export type SendKpiReportResult =
  | { outcome: 'no-snapshot'; period: string; message: string }
  | {
      outcome: 'done';
      period: string;
      snapshotAsOf: string;
      previousPeriod?: string;
      recipients: number;
      sent: DeliveryOutcome[];
      alreadySent: DeliveryOutcome[];
      failed: DeliveryFailure[];
    };

export const NO_SNAPSHOT_MESSAGE = 'No KPI snapshot has been computed yet: no report was sent. Load events (or start the system with demo data) first.';

export async function sendKpiReport(request: SendKpiReportRequest, deps: SendKpiReportDependencies): Promise<SendKpiReportResult> {
  const now = request.now ?? new Date();
  const period = request.period ? parsePeriodId(request.period) : periodOfInstant(now);
  const latest = await latestSnapshot();
  if (!latest) {
    deps.logger.warn('no KPI snapshot yet: nothing sent', { period: period.id });
    return { outcome: 'no-snapshot', period: period.id, message: NO_SNAPSHOT_MESSAGE };
  }

  const report = await keepReportSnapshot(period, latest.snapshot, { replace: request.force === true });
  const previous = await previousReportSnapshot(period);
  const stakeholders = await activeStakeholders();
  const runId = randomUUID();
  const reportDay = vnDayOf(now);
  const deliver = (key: DeliveryKey, job: DeliveryJob) => deliverReport(key, job, deps);
  const deliverOnce = request.force ? deliver : deps.oncePerPeriod(deliver);
  const trend = await trendBefore(report.snapshot, deps);

  const sent: DeliveryOutcome[] = [];
  const alreadySent: DeliveryOutcome[] = [];
  const failed: DeliveryFailure[] = [];
  for (const stakeholder of stakeholders) {
    const key = { period: period.id, stakeholderId: stakeholder.stakeholderId };
    try {
      const delivered = await deliverOnce(key, { stakeholder, period, reportDay, report, ...(previous && { previous }), runId, trend });
      const outcome = { stakeholderId: stakeholder.stakeholderId, messageId: delivered.messageId, sentAt: delivered.sentAt, ...(delivered.location && { location: delivered.location }) };
      (delivered.runId === runId ? sent : alreadySent).push(outcome);
    } catch (error) {
      const failure = describeFailure(stakeholder.stakeholderId, error);
      failed.push(failure);
      deps.logger.error('report email failed', { period: period.id, stakeholderId: failure.stakeholderId, errorName: failure.errorName, reason: failure.reason });
    }
  }

  deps.logger.info('KPI report run finished', {
    period: period.id,
    snapshotAsOf: report.snapshot.asOf,
    previousPeriod: previous?.period.id,
    recipients: stakeholders.length,
    sent: sent.length,
    alreadySent: alreadySent.length,
    failed: failed.length,
    forced: request.force === true,
  });
  return {
    outcome: 'done',
    period: period.id,
    snapshotAsOf: report.snapshot.asOf,
    ...(previous && { previousPeriod: previous.period.id }),
    recipients: stakeholders.length,
    sent,
    alreadySent,
    failed,
  };
}

/** The trend from the same computation as GET /v1/kpis/trend; without it the email still goes, without its trend chart. */
async function trendBefore(snapshot: KpiSnapshot, deps: SendKpiReportDependencies): Promise<TrendPoint[]> {
  try {
    const to = snapshot.asOfDay;
    return (await snapshotsAsOf(trendDays(addMonths(to, -EMAIL_TREND_MONTHS), to))).map(trendPoint);
  } catch (error) {
    deps.logger.warn('trend not computed: the emails go without the trend chart', { error: error as Error });
    return [];
  }
}

/** The pictures of one email; a chart that cannot be drawn leaves the email with its tables only. */
async function chartsOf(job: DeliveryJob, deps: SendKpiReportDependencies): Promise<EmailChart[]> {
  try {
    // ECharts and resvg: a bundle of their own in the asset (functions/lazy-modules.ts), loaded on the first email, not at cold start.
    const { renderEmailCharts } = loadLazyModule<typeof import('../../report/charts/email-charts')>(LAZY_MODULES.emailCharts);
    return await renderEmailCharts({
      snapshot: job.report.snapshot,
      trend: job.trend,
      recipient: { language: job.stakeholder.language, scope: job.stakeholder.scope },
      cidDomain: deps.senderAddress.split('@')[1] ?? 'ocop-pulse.local',
    });
  } catch (error) {
    deps.logger.warn('charts not rendered: the email goes with its tables only', { stakeholderId: job.stakeholder.stakeholderId, error: error as Error });
    return [];
  }
}

async function deliverReport(key: DeliveryKey, job: DeliveryJob, deps: SendKpiReportDependencies): Promise<Delivered> {
  const { stakeholder, period, reportDay, report, previous } = job;
  const charts = await chartsOf(job, deps);
  const rendered = renderKpiReport({
    charts,
    snapshot: report.snapshot,
    ...(previous && { previous: { snapshot: previous.snapshot, period: previous.period } }),
    period,
    reportDay,
    recipient: { language: stakeholder.language, scope: stakeholder.scope },
  });
  const sentAt = new Date();
  const reference = `${key.period}-${key.stakeholderId}`;
  const raw = await composeMime({
    from: { name: rendered.senderName, address: deps.senderAddress },
    to: { name: stakeholder.name, address: stakeholder.email },
    subject: rendered.subject,
    html: rendered.html,
    text: rendered.text,
    date: sentAt,
    messageId: `<${reference}.${job.runId}@${deps.senderAddress.split('@')[1] ?? 'ocop-pulse.local'}>`,
    headers: { 'X-OCOP-Report-Period': key.period },
    inlineImages: charts,
  });
  const result = await deps.transport.send({ from: deps.senderAddress, to: stakeholder.email, raw, reference });
  deps.logger.info('report email sent', { period: key.period, stakeholderId: key.stakeholderId, language: stakeholder.language, scope: stakeholder.scope, transport: deps.transport.kind });
  return { messageId: result.messageId, ...(result.location && { location: result.location }), sentAt: sentAt.toISOString(), runId: job.runId };
}

const ADDRESS = /[^\s<>"'(),;:]+@[^\s<>"'(),;:]+/g;

/** Masks email addresses (SES puts them in some error messages): logs and results carry no personal data. */
export function maskAddresses(text: string): string {
  return text.replace(ADDRESS, '<address>');
}

function describeFailure(stakeholderId: string, error: unknown): DeliveryFailure {
  const err = error instanceof Error ? error : new Error(String(error));
  return { stakeholderId, errorName: err.name, reason: maskAddresses(err.message) };
}
