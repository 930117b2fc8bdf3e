import { handler } from '../../functions/http-api/handler';
import { apiGatewayEvent } from '../../local/api-gateway-event';
import { lambdaContext } from './lambda';

export const TEST_API_TOKEN = 'test-token-0123456789';

/**
 * Calls the real http-api handler as API Gateway would; returns status and parsed JSON body.
 * `token: null` sends no Authorization header (undefined would mean the default token).
 */
export async function callApi(path: string, options: { token?: string | null } = {}): Promise<{ status: number; body: any }> {
  const { status, body } = await callApiFile(path, options);
  return { status, body };
}

/** As callApi, with the headers; a file answer (base64 from the handler) comes back as `file`, its bytes. */
export async function callApiFile(
  path: string,
  { token = TEST_API_TOKEN }: { token?: string | null } = {},
): Promise<{ status: number; body: any; headers: Record<string, string>; file?: Buffer }> {
  process.env.API_TOKEN = TEST_API_TOKEN;
  const event = apiGatewayEvent({ method: 'GET', url: path, headers: token === null ? {} : { authorization: `Bearer ${token}` } });
  if (!event) return { status: 404, body: { error: { code: 'not_found', message: `no route for ${path}` } }, headers: {} };
  const result = await handler(event, lambdaContext('http-api'));
  const structured = result as { statusCode: number; body: string; headers?: Record<string, string>; isBase64Encoded?: boolean };
  const headers = structured.headers ?? {};
  if (structured.isBase64Encoded) return { status: structured.statusCode, body: undefined, headers, file: Buffer.from(structured.body, 'base64') };
  return { status: structured.statusCode, body: JSON.parse(structured.body), headers };
}
