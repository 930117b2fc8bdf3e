import { IdempotencyConfig, makeIdempotent } from '@aws-lambda-powertools/idempotency';
import type { Context } from 'aws-lambda';
import { idempotencyPersistence } from '../storage/idempotency-store';

/**
 * One email per stakeholder and period, whatever the retries: Powertools
 * idempotency on the `idempotency` table, keyed by `{ period, stakeholderId }`
 * (the first argument, hashed whole). A completed delivery is replayed from
 * its record (so the caller can tell "sent by an earlier run" from its runId);
 * a failed one leaves no record, so the next run tries that recipient again.
 * Records live 35 days: longer than any retry of a weekly schedule, and than
 * a manual re-run of the last period.
 */
export interface DeliveryKey {
  period: string;
  stakeholderId: string;
}

export interface Delivered {
  messageId: string;
  location?: string;
  sentAt: string;
  /** The run that sent it: differs from the current run's when the record was replayed. */
  runId: string;
}

export const DELIVERY_RECORD_SECONDS = 35 * 24 * 60 * 60;

/**
 * Wraps a delivery so it runs at most once per key. The Lambda context gives
 * an in-progress record its expiry, so a run killed mid-send does not block
 * the recipient for the whole period.
 */
export function oncePerPeriod<Job>(
  deliver: (key: DeliveryKey, job: Job) => Promise<Delivered>,
  lambdaContext: Context,
): (key: DeliveryKey, job: Job) => Promise<Delivered> {
  const config = new IdempotencyConfig({ expiresAfterSeconds: DELIVERY_RECORD_SECONDS });
  config.registerLambdaContext(lambdaContext);
  return makeIdempotent(deliver, { persistenceStore: idempotencyPersistence(), config, keyPrefix: 'send-kpi-report' });
}
