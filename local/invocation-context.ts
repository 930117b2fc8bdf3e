import type { Context } from 'aws-lambda';
import { lambdaFunctions, type FunctionId } from '../functions/catalog';

/**
 * A Lambda context for calling a handler outside Lambda (`npm start`, local
 * commands, tests). Its remaining time counts down from the function's timeout
 * in the catalog, as Lambda's would (Powertools idempotency reads it).
 */
export function invocationContext(functionId: FunctionId, now = Date.now()): Context {
  const { timeoutSeconds, memoryMb } = lambdaFunctions[functionId];
  const deadline = now + timeoutSeconds * 1000;
  return {
    callbackWaitsForEmptyEventLoop: false,
    functionName: functionId,
    functionVersion: '$LATEST',
    invokedFunctionArn: `arn:aws:lambda:local:000000000000:function:${functionId}`,
    memoryLimitInMB: String(memoryMb),
    awsRequestId: `local-${now.toString(36)}-${Math.random().toString(36).slice(2, 10)}`,
    logGroupName: `/local/${functionId}`,
    logStreamName: 'local',
    getRemainingTimeInMillis: () => Math.max(0, deadline - Date.now()),
    done: () => undefined,
    fail: () => undefined,
    succeed: () => undefined,
  };
}
