import type { Context } from 'aws-lambda';
import { lambdaFunctions } from '../catalog';

/**
 * A Lambda context for calling the handler outside Lambda (`npm run kpi:send`,
 * tests): its remaining time counts down from the function's timeout in the
 * catalog, as Lambda's would, so idempotency records get their in-progress expiry.
 */
export function manualInvocationContext(now = Date.now()): Context {
  const { timeoutSeconds, memoryMb } = lambdaFunctions['send-kpi-report'];
  const deadline = now + timeoutSeconds * 1000;
  return {
    callbackWaitsForEmptyEventLoop: false,
    functionName: 'send-kpi-report',
    functionVersion: '$LATEST',
    invokedFunctionArn: 'arn:aws:lambda:local:000000000000:function:send-kpi-report',
    memoryLimitInMB: String(memoryMb),
    awsRequestId: `manual-${now}`,
    logGroupName: '/local/send-kpi-report',
    logStreamName: 'manual',
    getRemainingTimeInMillis: () => Math.max(0, deadline - Date.now()),
    done: () => undefined,
    fail: () => undefined,
    succeed: () => undefined,
  };
}
