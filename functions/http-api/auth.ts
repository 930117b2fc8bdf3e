import { timingSafeEqual } from 'node:crypto';
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { UnauthorizedError } from './api-errors';

/**
 * In AWS the HTTP API's JWT authorizer has verified the token before the
 * function runs, and puts its claims in the request context. Locally
 * (`npm start`) there is no authorizer: `API_TOKEN` holds the one token
 * accepted. With neither, every private route answers 401.
 */
export function assertAuthorized(event: APIGatewayProxyEventV2): void {
  const authorizer = (event.requestContext as { authorizer?: { jwt?: { claims?: unknown } } }).authorizer;
  if (authorizer?.jwt?.claims) return;
  const expected = process.env.API_TOKEN;
  const header = event.headers?.authorization ?? event.headers?.Authorization;
  const match = header ? /^Bearer\s+(.+)$/i.exec(header.trim()) : null;
  if (!match) throw new UnauthorizedError();
  if (!expected || !sameSecret(match[1]!, expected)) throw new UnauthorizedError('The bearer token is not valid.');
}

function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}
