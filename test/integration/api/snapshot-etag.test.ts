import '../../support/quiet-powertools';
import { computeSnapshot } from '../../../domain';
import { handler } from '../../../functions/http-api/handler';
import { putSnapshot } from '../../../functions/storage/snapshot-store';
import { apiGatewayEvent } from '../../../local/api-gateway-event';
import { TEST_API_TOKEN } from '../../support/api';
import { createTestTables } from '../../support/dynamodb';
import { lambdaContext } from '../../support/lambda';
import { shippedUnitDirectory } from '../../../domain/data/shipped-units';
import { DEPLOYMENT_PROVINCE, PLAN_53_KH_UBND } from '../../support/shipped-data';

async function getLatest(headers: Record<string, string> = {}) {
  process.env.API_TOKEN = TEST_API_TOKEN;
  const event = apiGatewayEvent({ method: 'GET', url: '/v1/snapshots/latest', headers: { authorization: `Bearer ${TEST_API_TOKEN}`, ...headers } })!;
  return (await handler(event, lambdaContext('http-api'))) as { statusCode: number; headers: Record<string, string>; body?: string };
}

beforeAll(async () => {
  await createTestTables();
});

describe('GET /v1/snapshots/latest caching', () => {
  it('sends an ETag and Cache-Control, and answers If-None-Match with 304 and no body', async () => {
    // Prepare
    const asOf = '2022-12-31T10:00:00.000Z';
    await putSnapshot(computeSnapshot({ products: [], ipGrants: [], scienceTasks: [] }, { asOf, plans: [PLAN_53_KH_UBND], province: DEPLOYMENT_PROVINCE, units: shippedUnitDirectory() }));

    // Act
    const first = await getLatest();
    const again = await getLatest({ 'if-none-match': first.headers.etag! });
    const other = await getLatest({ 'if-none-match': '"something-else"' });

    // Assess
    expect(first.statusCode).toBe(200);
    expect(first.headers.etag).toBe(`"${asOf}"`);
    expect(first.headers['cache-control']).toMatch(/must-revalidate/);
    expect(JSON.parse(first.body!).asOf).toBe(asOf);
    expect(again.statusCode).toBe(304);
    expect(again.body).toBeUndefined();
    expect(again.headers.etag).toBe(first.headers.etag);
    expect(other.statusCode).toBe(200);
  });
});
