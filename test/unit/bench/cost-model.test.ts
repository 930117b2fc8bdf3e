import { loadPrices, monthlyCost, priceFileSchema, PRICE_IDS, type MonthlyUsage, type PriceFile } from '../../../bench/cost/cost-model';
import { formatCostTable } from '../../../bench/cost/cost-report';
import { monthlyUsage, ASSUMPTIONS, type MeasuredRates, type Scenario } from '../../../bench/cost/usage';

/** A price file with round prices, so the example can be worked by hand; usEast1 gives stated us-east-1 fallbacks. */
function pricesWith(usd: Partial<Record<(typeof PRICE_IDS)[number], number | null>>, usEast1: Partial<Record<(typeof PRICE_IDS)[number], number>> = {}): PriceFile {
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
    prices: Object.fromEntries(
      PRICE_IDS.map((id) => [
        id,
        {
          usd: usd[id] ?? null,
          per: per[id],
          unit: id,
          page: 'https://aws.amazon.com/pricing/',
          source: 'test',
          ...(usd[id] != null ? { sourceDate: '2026-12-01' } : {}),
          ...(usEast1[id] !== undefined ? { usEast1Usd: usEast1[id], usEast1Source: 'test us-east-1', usEast1SourceDate: '2026-11-01' } : {}),
        },
      ]),
    ) as PriceFile['prices'],
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

describe('monthlyCost with us-east-1 fallbacks', () => {
  it('prices a line without a region price at its stated us-east-1 price, marks it, and totals that part apart', () => {
    // Prepare: SQS has no ap-southeast-1 price but a us-east-1 one ($0.40 per million); Lambda requests have both
    const prices = pricesWith({ lambdaRequests: 0.2 }, { sqsRequests: 0.4, lambdaRequests: 0.3 });
    const usage = { ...zeroUsage, lambdaRequests: 5_000_000, sqsRequests: 10_000_000, eventBridgeCustomEvents: 1_000 };

    // Act
    const table = monthlyCost(usage, prices);

    // Assess: Lambda at its region price (1 dollar, not 1.5), SQS at the us-east-1 fallback (4 dollars), EventBridge unpriced
    const line = (id: (typeof PRICE_IDS)[number]) => table.lines.find((l) => l.priceId === id)!;
    expect(line('lambdaRequests')).toMatchObject({ basis: 'region', usd: 0.2 });
    expect(line('lambdaRequests').monthlyUsd).toBeCloseTo(1, 10);
    expect(line('sqsRequests')).toMatchObject({ basis: 'us-east-1', usd: 0.4 });
    expect(line('sqsRequests').monthlyUsd).toBeCloseTo(4, 10);
    expect(line('eventBridgeCustomEvents')).toMatchObject({ basis: 'none', usd: null, monthlyUsd: null });
    expect(table.pricedUsd).toBeCloseTo(5, 10);
    expect(table.usEast1Usd).toBeCloseTo(4, 10);
    expect(table.usEast1).toEqual(['sqsRequests']);
    expect(table.unpriced).toEqual(['eventBridgeCustomEvents']);
  });

  it('marks the fallback in the printed table, on its line and in the total', () => {
    // Prepare
    const prices = pricesWith({ lambdaRequests: 0.2 }, { sqsRequests: 0.4 });
    const usage = { ...zeroUsage, lambdaRequests: 5_000_000, sqsRequests: 10_000_000, eventBridgeCustomEvents: 1_000 };
    const scenario = { name: 'example', products: 1200, provinces: 1, eventsPerProductPerYear: 2, apiRequestsPerProvincePerDay: 1000 };

    // Act
    const text = formatCostTable(scenario, monthlyCost(usage, prices), prices);

    // Assess
    const rows = text.split('\n');
    expect(rows.find((row) => row.includes('SQS'))).toContain('$0.40 per 1,000,000 (us-east-1 price, ap-southeast-1 not found)');
    expect(rows.find((row) => row.includes('lambdaRequests'))).not.toContain('us-east-1');
    expect(rows.find((row) => row.includes('EventBridge'))).toContain('no price');
    expect(rows.at(-1)).toContain('priced total $5.00 a month');
    expect(rows.at(-1)).toContain('of which $4.00 at us-east-1 prices (ap-southeast-1 not found): sqsRequests');
    expect(rows.at(-1)).toContain('not priced (no ap-southeast-1 or us-east-1 price in bench/aws-prices.json): eventBridgeCustomEvents');
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

  it('names where each figure was read (a URL or repo@commit:path) and when, the us-east-1 fallbacks apart', () => {
    // Prepare: a source is named by an address or a repository at a full commit and a path
    const named = /https:\/\/\S+|[\w.-]+\/[\w.-]+@[0-9a-f]{40}:\S+/;

    // Act
    const prices = loadPrices();

    // Assess
    for (const id of PRICE_IDS) {
      const price = prices.prices[id];
      if (price.usd !== null) {
        expect(price.source).toMatch(named);
        expect(price.sourceDate).toBeDefined();
      }
      if (price.usEast1Usd !== undefined) {
        expect(price.usd).toBeNull();
        expect(price.usEast1Source).toMatch(named);
      }
      expect(price.source).not.toContain("a public repository's cost analysis");
    }
  });

  it('refuses a us-east-1 price without its own source, and a region price without the date of its source', () => {
    // Prepare
    const file = pricesWith({ lambdaRequests: 0.2 }, { sqsRequests: 0.4 });
    const { usEast1Source: _dropped, ...sqsWithoutSource } = file.prices.sqsRequests;
    const { sourceDate: _undated, ...lambdaUndated } = file.prices.lambdaRequests;

    // Act / Assess
    expect(priceFileSchema.safeParse(file).success).toBe(true);
    expect(priceFileSchema.safeParse({ ...file, prices: { ...file.prices, sqsRequests: sqsWithoutSource } }).success).toBe(false);
    expect(priceFileSchema.safeParse({ ...file, prices: { ...file.prices, lambdaRequests: lambdaUndated } }).success).toBe(false);
  });
});
