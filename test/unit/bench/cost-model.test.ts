import { loadPrices, monthlyCost, PRICE_IDS, type MonthlyUsage, type PriceFile } from '../../../bench/cost/cost-model';
import { monthlyUsage, ASSUMPTIONS, type MeasuredRates, type Scenario } from '../../../bench/cost/usage';

/** A price file with round prices, so the example can be worked by hand. */
function pricesWith(usd: Partial<Record<(typeof PRICE_IDS)[number], number | null>>): PriceFile {
  const per: Record<(typeof PRICE_IDS)[number], number> = {
    dynamodbWriteRequestUnits: 1_000_000,
    dynamodbReadRequestUnits: 1_000_000,
    dynamodbStorageGbMonth: 1,
    lambdaRequests: 1_000_000,
    lambdaArmGbSeconds: 1,
    eventBridgeCustomEvents: 1_000_000,
    sqsRequests: 1_000_000,
    cloudWatchLogsIngestGb: 1,
    cloudWatchLogsStorageGbMonth: 1,
    httpApiRequests: 1_000_000,
  };
  return {
    region: 'ap-southeast-1',
    currency: 'USD',
    read: '2026-12-06',
    prices: Object.fromEntries(PRICE_IDS.map((id) => [id, { usd: usd[id] ?? null, per: per[id], unit: id, page: 'https://aws.amazon.com/pricing/', source: 'test' }])) as PriceFile['prices'],
  };
}

const zeroUsage = Object.fromEntries(PRICE_IDS.map((id) => [id, 0])) as MonthlyUsage;

describe('monthlyCost', () => {
  it('prices each line as quantity / per × price and sums the priced lines', () => {
    // Prepare: 3 million WRU at $1 per million, 20 million RRU at $0.25 per million, 2 GB at $0.25, 500,000 GB-s at $0.00001
    const prices = pricesWith({ dynamodbWriteRequestUnits: 1, dynamodbReadRequestUnits: 0.25, dynamodbStorageGbMonth: 0.25, lambdaArmGbSeconds: 0.00001 });
    const usage = { ...zeroUsage, dynamodbWriteRequestUnits: 3_000_000, dynamodbReadRequestUnits: 20_000_000, dynamodbStorageGbMonth: 2, lambdaArmGbSeconds: 500_000 };

    // Act
    const table = monthlyCost(usage, prices);

    // Assess: 3 + 5 + 0.5 + 5 = 13.5 dollars
    const byId = Object.fromEntries(table.lines.map((line) => [line.priceId, line.monthlyUsd]));
    expect(byId.dynamodbWriteRequestUnits).toBeCloseTo(3, 10);
    expect(byId.dynamodbReadRequestUnits).toBeCloseTo(5, 10);
    expect(byId.dynamodbStorageGbMonth).toBeCloseTo(0.5, 10);
    expect(byId.lambdaArmGbSeconds).toBeCloseTo(5, 10);
    expect(table.pricedUsd).toBeCloseTo(13.5, 10);
  });

  it('leaves a line without a price unpriced, out of the total, and names it when it has a quantity', () => {
    // Prepare
    const prices = pricesWith({ lambdaRequests: 0.2 });
    const usage = { ...zeroUsage, lambdaRequests: 5_000_000, sqsRequests: 1_000 };

    // Act
    const table = monthlyCost(usage, prices);

    // Assess
    expect(table.pricedUsd).toBeCloseTo(1, 10);
    expect(table.lines.find((line) => line.priceId === 'sqsRequests')!.monthlyUsd).toBeNull();
    expect(table.unpriced).toEqual(['sqsRequests']);
  });
});

describe('monthlyUsage', () => {
  it('turns the measured rates and a scenario into a month of quantities', () => {
    // Prepare: 1,200 products at 2 events a year = 200 events a month; 1 province reading 1,000 times a day
    const scenario: Scenario = { name: 'example', products: 1200, provinces: 1, eventsPerProductPerYear: 2, apiRequestsPerProvincePerDay: 1000 };
    const measured: MeasuredRates = {
      writeUnitsPerEvent: 5,
      readUnitsPerEvent: 10,
      readUnitsPerApiRequest: 2,
      storageBytesPerProduct: 2 ** 20,
      functions: { 'project-event': { invocationsPerEvent: 1, meanMs: 100 } },
      apiMeanMs: 50,
      eventBytes: 600,
    };

    // Act
    const usage = monthlyUsage(scenario, measured, {});

    // Assess
    const apiRequests = 1000 * ASSUMPTIONS.daysPerMonth;
    expect(usage.dynamodbWriteRequestUnits).toBeCloseTo(200 * 5, 6);
    expect(usage.dynamodbReadRequestUnits).toBeCloseTo(200 * 10 + apiRequests * 2, 6);
    expect(usage.dynamodbStorageGbMonth).toBeCloseTo(1200 / 1024, 6);
    expect(usage.lambdaRequests).toBeCloseTo(200 + apiRequests, 6);
    // project-event: 200 × 0.1 s × 0.5 GB; http-api: apiRequests × 0.05 s × 1 GB
    expect(usage.lambdaArmGbSeconds).toBeCloseTo(200 * 0.1 * 0.5 + apiRequests * 0.05 * 1, 6);
    expect(usage.eventBridgeCustomEvents).toBeCloseTo(200, 6);
    expect(usage.httpApiRequests).toBeCloseTo(apiRequests, 6);
  });
});

describe('bench/aws-prices.json', () => {
  it('names the region, the date read and the public page of every price', () => {
    // Act
    const prices = loadPrices();

    // Assess
    expect(prices.region).toBe('ap-southeast-1');
    for (const id of PRICE_IDS) expect(prices.prices[id].page).toMatch(/^https:\/\/aws\.amazon\.com\//);
  });
});
