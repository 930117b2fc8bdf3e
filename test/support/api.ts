import { handler } from '../../functions/http-api/handler';
import { apiGatewayEvent } from '../../local/api-gateway-event';
import { lambdaContext } from './lambda';

export const TEST_API_TOKEN = 'test-token-0123456789';

/**
 * Calls the real http-api handler as API Gateway would; returns status and parsed JSON body.
 * `token: null` sends no Authorization header (undefined would mean the default token).
 */
export async function callApi(path: string, { token = TEST_API_TOKEN }: { token?: string | null } = {}): Promise<{ status: number; body: any }> {
  process.env.API_TOKEN = TEST_API_TOKEN;
  const event = apiGatewayEvent({ method: 'GET', url: path, headers: token === null ? {} : { authorization: `Bearer ${token}` } });
  if (!event) return { status: 404, body: { error: { code: 'not_found', message: `no route for ${path}` } } };
  const result = await handler(event, lambdaContext('http-api'));
  const structured = result as { statusCode: number; body: string };
  return { status: structured.statusCode, body: JSON.parse(structured.body) };
}
