import { startHttpApiServer, type HttpApiServer } from '../../../local/http-api-server';

describe('the local HTTP API server', () => {
  let server: HttpApiServer;
  const invoked: string[] = [];

  beforeAll(async () => {
    server = await startHttpApiServer({
      host: '127.0.0.1',
      port: 0,
      rateLimit: { perSecond: 1, burst: 2 },
      invoke: async (event) => {
        invoked.push(event.routeKey);
        return { statusCode: 200, headers: { 'content-type': 'application/json' }, body: JSON.stringify({ routeKey: event.routeKey, pathParameters: event.pathParameters }) };
      },
    });
  });
  afterAll(() => server.close());

  it('hands a matched route to the function as API Gateway would, and throttles a client past its burst with a 429', async () => {
    // Act
    const first = await fetch(`${server.url}/v1/products/TV845-0001`);
    const second = await fetch(`${server.url}/v1/health`);
    const third = await fetch(`${server.url}/v1/health`);

    // Assess
    expect(await first.json()).toEqual({ routeKey: 'GET /v1/products/{productId}', pathParameters: { productId: 'TV845-0001' } });
    expect(second.status).toBe(200);
    expect(third.status).toBe(429);
    expect(third.headers.get('retry-after')).toBe('1');
    expect(await third.json()).toEqual({ error: { code: 'too_many_requests', message: expect.stringContaining('slow down') } });
    expect(invoked).toEqual(['GET /v1/products/{productId}', 'GET /v1/health']);
  });

  it('answers an unknown route with the contract error shape, without invoking the function', async () => {
    // Prepare
    await new Promise((resolve) => setTimeout(resolve, 2_100));
    const before = invoked.length;

    // Act
    const response = await fetch(`${server.url}/v1/nowhere`);

    // Assess
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({ error: { code: 'not_found', message: expect.stringContaining('/v1/openapi.json') } });
    expect(invoked).toHaveLength(before);
  });
});
