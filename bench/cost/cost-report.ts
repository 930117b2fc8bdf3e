import type { FunctionId } from '../../functions/catalog';
import type { SizeResults } from '../report';
import type { CostTable, PriceFile } from './cost-model';
import type { MeasuredRates, Scenario } from './usage';

/** The rates the cost model takes from one size of the bench: its steady-state (freshness) phase, its snapshot reads, its tables after the backfill. */
export function measuredRates(size: SizeResults): MeasuredRates {
  const steady = size.freshness;
  const functions: MeasuredRates['functions'] = {};
  for (const [id, stats] of Object.entries(size.costInputs.freshnessFunctions)) {
    if (stats.invocations > 0) functions[id as FunctionId] = { invocationsPerEvent: stats.invocations / steady.events, meanMs: stats.totalMs / stats.invocations };
  }
  return {
    writeUnitsPerEvent: steady.dynamodb.writeCapacityUnits / steady.events,
    readUnitsPerEvent: steady.dynamodb.readCapacityUnits / steady.events,
    readUnitsPerApiRequest: size.snapshotReads.dynamodb.readCapacityUnits / Math.max(1, size.snapshotReads.requests),
    storageBytesPerProduct: size.costInputs.storageBytes / size.products,
    functions,
    apiMeanMs: size.snapshotReads.latencyMs.mean,
    eventBytes: size.costInputs.eventBytes,
  };
}

const number = (value: number) => (value >= 100 ? Math.round(value).toLocaleString('en') : value.toPrecision(3));
const usd = (value: number) => `$${value < 1 ? value.toFixed(4) : value.toFixed(2)}`;
/** A unit price as stated, not rounded away (0.625 stays 0.625), with at least two decimals. */
const unitPrice = (value: number) => {
  const stated = String(Number(value.toPrecision(6)));
  const decimals = stated.includes('.') ? stated.split('.')[1]!.length : 0;
  return `$${decimals >= 2 || stated.includes('e') ? stated : value.toFixed(2)}`;
};

/** How a line's price is marked when it is the us-east-1 fallback (README, "What it costs"). */
export const usEast1Mark = (region: string) => `(us-east-1 price, ${region} not found)`;

/**
 * One scenario's table: each line's quantity, price and monthly cost, a us-east-1 fallback price
 * marked on its line; the priced total, the part of it at us-east-1 prices, and what is unpriced.
 */
export function formatCostTable(scenario: Scenario, table: CostTable, prices: PriceFile): string {
  const rows = table.lines.map((line) => [
    line.service,
    `${number(line.quantity)} ${line.unit}`,
    line.usd === null ? 'no price' : `${unitPrice(line.usd)} per ${line.per.toLocaleString('en')}${line.basis === 'us-east-1' ? ` ${usEast1Mark(prices.region)}` : ''}`,
    line.monthlyUsd === null ? '—' : usd(line.monthlyUsd),
  ]);
  const widths = [0, 1, 2].map((i) => Math.max(...rows.map((row) => row[i]!.length)));
  const lines = rows.map((row) => `    ${row[0]!.padEnd(widths[0]!)}  ${row[1]!.padEnd(widths[1]!)}  ${row[2]!.padEnd(widths[2]!)}  ${row[3]!.padStart(9)}`);
  const byService = new Map<string, number>();
  for (const line of table.lines) if (line.monthlyUsd !== null) byService.set(line.service, (byService.get(line.service) ?? 0) + line.monthlyUsd);
  const shares = [...byService].sort((a, b) => b[1] - a[1]).map(([service, value]) => `${service} ${table.pricedUsd > 0 ? Math.round((value / table.pricedUsd) * 100) : 0} %`);
  return [
    `  ${scenario.name}: ${number((scenario.products * scenario.eventsPerProductPerYear) / 12)} events a month, ${number(scenario.provinces * scenario.apiRequestsPerProvincePerDay)} API requests a day (${prices.region}, prices read ${prices.read})`,
    ...lines,
    `    priced total ${usd(table.pricedUsd)} a month${shares.length ? ` (${shares.join(', ')})` : ''}` +
      (table.usEast1.length ? `; of which ${usd(table.usEast1Usd)} at us-east-1 prices (${prices.region} not found): ${table.usEast1.join(', ')}` : '') +
      (table.unpriced.length ? `; not priced (no ${prices.region} or us-east-1 price in bench/aws-prices.json): ${table.unpriced.join(', ')}` : ''),
  ].join('\n');
}
