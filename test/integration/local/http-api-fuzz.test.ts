import '../../support/quiet-powertools';
import fc from 'fast-check';
import { handler } from '../../../functions/http-api/handler';
import { routeTable } from '../../../functions/http-api/route-table';
import { startHttpApiServer, type HttpApiServer } from '../../../local/http-api-server';
import { TEST_API_TOKEN } from '../../support/api';
import { createTestTables } from '../../support/dynamodb';
import { lambdaContext } from '../../support/lambda';
import { httpRequest, rawRequest, type RawResponse } from '../../support/raw-http';

/**
 * Hostile requests against the local HTTP API (the server of `npm start` in
 * front of the real http-api handler on DynamoDB Local): every route of the
 * route table, with malformed escapes, huge values, odd methods and tokens.
 * No request may crash the server or get a 5xx, and every refusal is the
 * contract's error JSON.
 */
const segment = fc.oneof(
  fc.constantFrom('%E0%A4%A', '%', '%zz', '%0', '%00', '%C0%AF', '%ff', '%2F', '%25', '..', '.', '%D0', '%uD800', '%ED%A0%80', 'TV845-0001', ''),
  fc.stringMatching(/^[A-Za-z0-9._~!$&'()*+,;=:@-]{0,24}$/),
  fc.string({ unit: 'binary', maxLength: 12 }).map((text) => encodeURIComponent(text)),
  fc.constantFrom(1_000, 5_000).map((n) => 'x'.repeat(n)),
);
const queryNames = ['limit', 'cursor', 'from', 'to', 'asOf', 'district', 'level', 'group', 'source', 'nope', '', '%', 'limit%'];
const query = fc.oneof(
  fc.constant(''),
  fc.constantFrom('?', '?&&', '?=', '?=x', '?limit', '?limit=%', '?limit=1e400', '?limit=-1', '?limit=0x10', '?asOf=9999-99-99', '?cursor=%%%', '?cursor=eyJ9'),
  fc.array(fc.tuple(fc.constantFrom(...queryNames), segment), { minLength: 1, maxLength: 4 }).map((pairs) => `?${pairs.map(([name, value]) => `${name}=${value}`).join('&')}`),
);
const authorization = fc.constantFrom(
  undefined,
  '',
  'Bearer',
  'Bearer ',
  `Bearer ${TEST_API_TOKEN}`,
  `bearer   ${TEST_API_TOKEN}`,
  `Bearer ${TEST_API_TOKEN}x`,
  'Bearer wrong',
  'Basic dXNlcjpwYXNz',
  `Bearer ${'a'.repeat(8_000)}`,
  'Bearer %E0%A4%A',
  `Bearer ${TEST_API_TOKEN}, Bearer ${TEST_API_TOKEN}`,
);
const method = fc.constantFrom('GET', 'GET', 'GET', 'get', 'HEAD', 'POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS', 'TRACE', 'FOO', 'CONNECT');
const extraHeaders = fc.subarray(['Accept: */*', 'Content-Type: application/json', 'Upgrade: websocket', 'X-Forwarded-For: %E0%A4%A', `X-Huge: ${'h'.repeat(9_000)}`, 'Expect: 100-continue']);

/** What every answer must be: not a 5xx, and when a refusal (with a body), the contract's error JSON. */
function assertContractAnswer(response: RawResponse | undefined, request: string): void {
  if (!response) throw new Error(`the server closed the connection without an answer to: ${request.slice(0, 300)}`);
  if (response.status >= 500 || !(response.status >= 200)) throw new Error(`status ${response.status} for: ${request.slice(0, 300)}\n${response.body.slice(0, 300)}`);
  if (response.status < 400 || response.body === '') return;
  const body = JSON.parse(response.body) as { error?: { code?: unknown; message?: unknown } };
  if (typeof body.error?.code !== 'string' || typeof body.error.message !== 'string') throw new Error(`not the contract's error JSON: ${response.body.slice(0, 300)}`);
}

describe('the local HTTP API server under hostile requests', () => {
  let server: HttpApiServer;

  beforeAll(async () => {
    await createTestTables();
    process.env.API_TOKEN = TEST_API_TOKEN;
    server = await startHttpApiServer({
      host: '127.0.0.1',
      port: 0,
      rateLimit: { perSecond: 1_000_000, burst: 1_000_000 },
      invoke: async (event) => (await handler(event, lambdaContext('http-api'))) as { statusCode: number; body: string },
    });
  });
  afterAll(() => server.close());

  const health = async () => rawRequest(server.url, httpRequest('GET', '/v1/health'));

  it.each([
    ['the malformed escape that used to kill npm start', httpRequest('GET', '/v1/products/%E0%A4%A')],
    ['a lone percent sign in a product id, with the token', httpRequest('GET', '/v1/products/%', [`Authorization: Bearer ${TEST_API_TOKEN}`])],
    ['a request line that is not HTTP', 'HELLO\r\n\r\n'],
    ['a space inside the target', 'GET /v1/products/a b HTTP/1.1\r\nHost: x\r\n\r\n'],
    ['a control character in a header', 'GET /v1/health HTTP/1.1\r\nHost: x\r\nX-Bad: a\u0001b\r\n\r\n'],
    ['headers larger than the server reads', httpRequest('GET', '/v1/health', [`X-Huge: ${'h'.repeat(40_000)}`])],
    ['a path of 20 000 characters', httpRequest('GET', `/v1/products/${'p'.repeat(20_000)}`)],
    ['an absolute-form target', httpRequest('GET', 'http://elsewhere.example/v1/products/%E0%A4%A')],
    ['an asterisk target', httpRequest('OPTIONS', '*')],
    ['a CONNECT', httpRequest('CONNECT', 'elsewhere.example:443')],
    ['a chunked body that never ends right', 'GET /v1/health HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n'],
    ['both Content-Length and Transfer-Encoding', 'GET /v1/health HTTP/1.1\r\nHost: x\r\nContent-Length: 3\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n'],
  ])('answers %s with a 4xx in the contract shape, and keeps answering', async (_name, request) => {
    // Act
    const response = await rawRequest(server.url, request);
    const after = await health();

    // Assess
    assertContractAnswer(response, request);
    expect(response!.status).toBeGreaterThanOrEqual(400);
    expect(after?.status).toBe(200);
  });

  it.each(routeTable.map((route) => [`${route.method} ${route.path}`, route.path] as const))('survives fuzzed requests on %s', async (_key, path) => {
    // Prepare
    const target = fc.tuple(segment, fc.constantFrom('', '/', '//', '/x')).map(([id, tail]) => path.replace('{productId}', id) + (path.includes('{') ? tail : tail.slice(0, 1)));
    let answered = 0;

    // Act
    await fc.assert(
      fc.asyncProperty(method, target, query, authorization, extraHeaders, async (verb, pathPart, queryPart, token, headers) => {
        const request = httpRequest(verb, `${pathPart}${queryPart}`, [...(token === undefined ? [] : [`Authorization: ${token}`]), ...headers]);
        const response = await rawRequest(server.url, request);
        assertContractAnswer(response, request);
        answered++;
      }),
      { numRuns: 60 },
    );
    const after = await health();

    // Assess
    expect(answered).toBeGreaterThan(0);
    expect(after?.status).toBe(200);
    expect(JSON.parse(after!.body)).toEqual(expect.objectContaining({ status: expect.any(String) }));
  });
});
