import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as z from 'zod';

/**
 * The AWS monthly cost of a usage, from the prices of bench/aws-prices.json: a pure function of
 * quantities and prices. A price the file does not give (null) leaves its line unpriced: the total
 * is then the sum of the priced lines, and the table says which are missing.
 */
export const PRICE_IDS = [
  'dynamodbWriteRequestUnits',
  'dynamodbReadRequestUnits',
  'dynamodbStorageGbMonth',
  'lambdaRequests',
  'lambdaArmGbSeconds',
  'eventBridgeCustomEvents',
  'sqsRequests',
  'cloudWatchLogsIngestGb',
  'cloudWatchLogsStorageGbMonth',
  'httpApiRequests',
] as const;
export type PriceId = (typeof PRICE_IDS)[number];

const priceSchema = z.object({ usd: z.number().nonnegative().nullable(), per: z.number().positive(), unit: z.string(), page: z.url(), source: z.string() });
export const priceFileSchema = z.object({
  region: z.string(),
  currency: z.literal('USD'),
  read: z.iso.date(),
  note: z.string().optional(),
  prices: z.object(Object.fromEntries(PRICE_IDS.map((id) => [id, priceSchema])) as Record<PriceId, typeof priceSchema>),
});
export type PriceFile = z.infer<typeof priceFileSchema>;

export class InvalidPriceFileError extends Error {
  override name = 'InvalidPriceFileError';
}

export const PRICE_FILE = join(__dirname, '..', 'aws-prices.json');

export function loadPrices(file = PRICE_FILE): PriceFile {
  const parsed = priceFileSchema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
  if (!parsed.success) throw new InvalidPriceFileError(`${file} is invalid:\n${z.prettifyError(parsed.error)}`, { cause: parsed.error });
  return parsed.data;
}

/** Quantities of a month, each in the unit of its price (requests, units, GB, GB-seconds, GB-months). */
export type MonthlyUsage = Record<PriceId, number>;

export const SERVICE_OF: Record<PriceId, string> = {
  dynamodbWriteRequestUnits: 'DynamoDB',
  dynamodbReadRequestUnits: 'DynamoDB',
  dynamodbStorageGbMonth: 'DynamoDB',
  lambdaRequests: 'Lambda',
  lambdaArmGbSeconds: 'Lambda',
  eventBridgeCustomEvents: 'EventBridge',
  sqsRequests: 'SQS',
  cloudWatchLogsIngestGb: 'CloudWatch Logs',
  cloudWatchLogsStorageGbMonth: 'CloudWatch Logs',
  httpApiRequests: 'API Gateway',
};

export interface CostLine {
  priceId: PriceId;
  service: string;
  quantity: number;
  unit: string;
  /** USD per `per` units, or null when the price file does not give it. */
  usd: number | null;
  per: number;
  monthlyUsd: number | null;
}

export interface CostTable {
  lines: CostLine[];
  /** The sum of the priced lines. */
  pricedUsd: number;
  /** The lines without a price (their cost is not in pricedUsd). */
  unpriced: PriceId[];
}

export function monthlyCost(usage: MonthlyUsage, prices: PriceFile): CostTable {
  const lines = PRICE_IDS.map((priceId): CostLine => {
    const price = prices.prices[priceId];
    const quantity = usage[priceId];
    return { priceId, service: SERVICE_OF[priceId], quantity, unit: price.unit, usd: price.usd, per: price.per, monthlyUsd: price.usd === null ? null : (quantity / price.per) * price.usd };
  });
  return {
    lines,
    pricedUsd: lines.reduce((sum, line) => sum + (line.monthlyUsd ?? 0), 0),
    unpriced: lines.filter((line) => line.usd === null && line.quantity > 0).map((line) => line.priceId),
  };
}
