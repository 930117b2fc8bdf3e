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
