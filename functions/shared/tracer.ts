import { Tracer } from '@aws-lambda-powertools/tracer';

/**
 * X-Ray tracing with the Powertools Tracer, one per process: the CDK app turns
 * active tracing on for every function; the Tracer adds a subsegment per AWS
 * SDK call (`traced`) and, where a handler uses its middleware, per
 * invocation. Outside Lambda (`npm start`, tests) it does nothing.
 * Responses and errors are not captured as metadata (POWERTOOLS_TRACER_CAPTURE_RESPONSE
 * and _ERROR are false in the CDK app): a response may hold personal data.
 */
export const tracer = new Tracer();

/** The client, with its calls traced. */
export function traced<Client>(client: Client): Client {
  return tracer.captureAWSv3Client(client);
}
