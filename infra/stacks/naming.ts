import * as logs from 'aws-cdk-lib/aws-logs';
import type { StageConfig } from '../config/stage-config';

/** `ocop-pulse-<province>-<stage>`: names that must be unique in an account and region. */
export function resourcePrefix(config: StageConfig): string {
  return `ocop-pulse-${config.provinceSlug}-${config.stage}`;
}

/** `OcopPulse-<province>-<stage>`: the prefix of the stack names. */
export function stackPrefix(config: StageConfig): string {
  return `OcopPulse-${config.provinceSlug}-${config.stage}`;
}

export function logRetention(config: StageConfig): logs.RetentionDays {
  return config.logRetentionDays as logs.RetentionDays;
}

/**
 * The names of a work queue (a function's queue trigger) and of its dead-letter
 * queue in a stage: the CDK app names them so, and `npm run dlq:redrive -- --aws`
 * finds them by these names.
 */
export function workQueueName(prefix: string, queueId: string): string {
  return `${prefix}-${queueId}`;
}

export function workDeadLetterQueueName(prefix: string, queueId: string): string {
  return `${prefix}-${queueId}-dlq`;
}
