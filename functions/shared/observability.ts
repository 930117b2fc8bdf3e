import { Logger } from '@aws-lambda-powertools/logger';
import { Metrics } from '@aws-lambda-powertools/metrics';
import { METRICS_NAMESPACE } from '../metric-names';

/**
 * Powertools logger and metrics, one set per function. Logs carry ids, types
 * and counts, never names, addresses or other personal data.
 *
 * Tracing is Lambda's active tracing alone (infra/constructs/ocop-function.ts):
 * no X-Ray SDK in the functions, as it cost about a third of a cold start (README,
 * "Part 1: cold starts"). The AWS SDK itself still sends the invocation's trace
 * id (X-Amzn-Trace-Id) with every call.
 */
export { METRICS_NAMESPACE };

export function observability(serviceName: string): { logger: Logger; metrics: Metrics } {
  return {
    logger: new Logger({ serviceName, logLevel: (process.env.POWERTOOLS_LOG_LEVEL as 'INFO' | undefined) ?? 'INFO' }),
    metrics: new Metrics({ serviceName, namespace: process.env.POWERTOOLS_METRICS_NAMESPACE ?? METRICS_NAMESPACE }),
  };
}
