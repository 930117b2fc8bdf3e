import { Logger } from '@aws-lambda-powertools/logger';
import { Metrics } from '@aws-lambda-powertools/metrics';
import type { Tracer } from '@aws-lambda-powertools/tracer';
import { METRICS_NAMESPACE } from '../metric-names';
import { tracer } from './tracer';

/**
 * Powertools logger, metrics and tracer, one set per function. Logs carry ids, types
 * and counts, never names, addresses or other personal data.
 */
export { METRICS_NAMESPACE };

export function observability(serviceName: string): { logger: Logger; metrics: Metrics; tracer: Tracer } {
  return {
    tracer,
    logger: new Logger({ serviceName, logLevel: (process.env.POWERTOOLS_LOG_LEVEL as 'INFO' | undefined) ?? 'INFO' }),
    metrics: new Metrics({ serviceName, namespace: process.env.POWERTOOLS_METRICS_NAMESPACE ?? METRICS_NAMESPACE }),
  };
}
