import middy from '@middy/core';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { logMetrics } from '@aws-lambda-powertools/metrics/middleware';
import { MetricUnit } from '@aws-lambda-powertools/metrics';
import type { Context } from 'aws-lambda';
import * as z from 'zod';
import { emailSettingsFromEnvironment, type EmailTransport } from './email-transport';
import { metricNames } from '../metric-names';
import { observability } from '../shared/observability';
import { oncePerPeriod } from './once-per-period';
import { sendKpiReport, type SendKpiReportResult } from './send-kpi-report';

/**
 * `send-kpi-report`: invoked by the `weekly-kpi-report` schedule with
 * `{ source: 'ocop.schedule', schedule: 'weekly-kpi-report' }`, or by hand with
 * `{ period?: 'YYYY-Www', force?: boolean }`. Returns the run's result; when
 * any recipient failed it throws ReportDeliveryError (listing them) after
 * trying everyone, so Lambda's asynchronous retries try again: the others,
 * already emailed for the period, are not emailed twice.
 */
const { logger, metrics } = observability('send-kpi-report');

export const sendKpiReportInputSchema = z.object({
  source: z.string().optional(),
  schedule: z.string().optional(),
  period: z.string().regex(/^\d{4}-W\d{2}$/, { error: 'period must be an ISO week like 2026-W48' }).optional(),
  force: z.boolean().optional(),
});
export type SendKpiReportInput = z.infer<typeof sendKpiReportInputSchema>;

export class InvalidReportRequestError extends Error {
  override name = 'InvalidReportRequestError';
}

export class ReportDeliveryError extends Error {
  override name = 'ReportDeliveryError';
  constructor(readonly result: Extract<SendKpiReportResult, { outcome: 'done' }>) {
    super(
      `${result.failed.length} of ${result.recipients} report emails for ${result.period} failed (the others were sent): ${JSON.stringify(result.failed)}`,
    );
  }
}

/** Builds the handler; tests inject a transport (e.g. one that fails for one address). */
export function createHandler(overrides: { transport?: EmailTransport; senderAddress?: string } = {}) {
  return middy(async (input: unknown, context: Context): Promise<SendKpiReportResult> => {
    const parsed = sendKpiReportInputSchema.safeParse(input ?? {});
    if (!parsed.success) throw new InvalidReportRequestError(`send-kpi-report input: ${z.prettifyError(parsed.error)}`, { cause: parsed.error });
    const settings = overrides.transport && overrides.senderAddress ? undefined : emailSettingsFromEnvironment();
    const transport = overrides.transport ?? settings!.transport;
    const senderAddress = overrides.senderAddress ?? settings!.senderAddress;

    const result = await sendKpiReport(
      { ...(parsed.data.period && { period: parsed.data.period }), ...(parsed.data.force && { force: true }) },
      { transport, senderAddress, logger, oncePerPeriod: (deliver) => oncePerPeriod(deliver, context) },
    );
    if (result.outcome === 'no-snapshot') {
      metrics.addMetric(metricNames.reportRunsWithoutSnapshot, MetricUnit.Count, 1);
      return result;
    }
    metrics.addMetric(metricNames.reportEmailsSent, MetricUnit.Count, result.sent.length);
    metrics.addMetric(metricNames.reportEmailsAlreadySent, MetricUnit.Count, result.alreadySent.length);
    metrics.addMetric(metricNames.reportEmailsFailed, MetricUnit.Count, result.failed.length);
    if (result.failed.length > 0) throw new ReportDeliveryError(result);
    return result;
  })
    .use(injectLambdaContext(logger))
    .use(logMetrics(metrics));
}

export const handler = createHandler();
