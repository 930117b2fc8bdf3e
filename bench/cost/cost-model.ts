import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as z from 'zod';

/**
 * The AWS monthly cost of a usage, from the prices of bench/aws-prices.json: a pure function of
 * quantities and prices. Each line is priced at the file's region price (`usd`) when it gives one;
 * otherwise at its stated US East (N. Virginia) price (`usEast1Usd`), a fallback the line carries
 * (`basis`) and the table marks; with neither, the line is unpriced: the total is then the sum of
 * the priced lines, and the table says which are missing.
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

const priceSchema = z
  .object({
    /** The price in the file's region, or null when no public statement of it was found. */
    usd: z.number().nonnegative().nullable(),
    per: z.number().positive(),
    unit: z.string(),
    page: z.url(),
    /** Where the figure was read (a URL, or repo@commit:path), or why there is none. */
    source: z.string().min(1),
    /** When the source's figure dates from. */
    sourceDate: z.iso.date().optional(),
    /** The US East (N. Virginia) price, a stated fallback used only when usd is null; never another region's price in usd. */
    usEast1Usd: z.number().nonnegative().optional(),
    usEast1Source: z.string().min(1).optional(),
    usEast1SourceDate: z.iso.date().optional(),
  })
  .refine((price) => price.usd === null || price.sourceDate !== undefined, { message: 'a price needs the date of its source (sourceDate)' })
  .refine((price) => price.usEast1Usd === undefined || (price.usEast1Source !== undefined && price.usEast1SourceDate !== undefined), {
    message: 'a us-east-1 price needs its own source and date (usEast1Source, usEast1SourceDate)',
  });
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

/** Which price a line uses: the file's region, the stated us-east-1 fallback, or none. */
export type PriceBasis = 'region' | 'us-east-1' | 'none';

export interface CostLine {
  priceId: PriceId;
  service: string;
  quantity: number;
  unit: string;
  /** USD per `per` units used for the line (the region's, else the us-east-1 fallback), or null when the price file gives neither. */
  usd: number | null;
  basis: PriceBasis;
  per: number;
  monthlyUsd: number | null;
}

export interface CostTable {
  lines: CostLine[];
  /** The sum of the priced lines, the us-east-1 fallbacks included. */
  pricedUsd: number;
  /** The part of pricedUsd priced at us-east-1 prices because the region's was not found. */
  usEast1Usd: number;
  /** The lines with a quantity priced at the us-east-1 fallback. */
  usEast1: PriceId[];
  /** The lines with a quantity and no price at all (their cost is not in pricedUsd). */
  unpriced: PriceId[];
}

export function monthlyCost(usage: MonthlyUsage, prices: PriceFile): CostTable {
  const lines = PRICE_IDS.map((priceId): CostLine => {
    const price = prices.prices[priceId];
    const quantity = usage[priceId];
    const [usd, basis]: [number | null, PriceBasis] = price.usd !== null ? [price.usd, 'region'] : price.usEast1Usd !== undefined ? [price.usEast1Usd, 'us-east-1'] : [null, 'none'];
    return { priceId, service: SERVICE_OF[priceId], quantity, unit: price.unit, usd, basis, per: price.per, monthlyUsd: usd === null ? null : (quantity / price.per) * usd };
  });
  const withQuantity = lines.filter((line) => line.quantity > 0);
  return {
    lines,
    pricedUsd: lines.reduce((sum, line) => sum + (line.monthlyUsd ?? 0), 0),
    usEast1Usd: lines.reduce((sum, line) => sum + (line.basis === 'us-east-1' ? line.monthlyUsd! : 0), 0),
    usEast1: withQuantity.filter((line) => line.basis === 'us-east-1').map((line) => line.priceId),
    unpriced: withQuantity.filter((line) => line.basis === 'none').map((line) => line.priceId),
  };
}
