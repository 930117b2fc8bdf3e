import { Cron } from 'croner';
import { lambdaFunctions, type FunctionId } from '../../functions/catalog';
import { schedules } from '../../functions/triggers';
import { toCronerPattern } from '../../local/schedules';
import type { MonthlyUsage } from './cost-model';

/**
 * From what the bench counted per event and per request to a month of AWS usage, for a scenario
 * (products, their event rate, the read load). The measured figures come from the bench's
 * steady-state phase at its largest size; the assumptions, stated here once, are printed with the table.
 */
export interface MeasuredRates {
  /** DynamoDB capacity units per inbound event in the steady state (the readers' GETs taken out). */
  writeUnitsPerEvent: number;
  readUnitsPerEvent: number;
  /** DynamoDB read units per GET /v1/snapshots/latest. */
  readUnitsPerApiRequest: number;
  /** Table bytes (all tables) per product after the backfill. */
  storageBytesPerProduct: number;
  /** Invocations per inbound event and mean duration of the functions the events drive (locally measured). */
  functions: Partial<Record<FunctionId, { invocationsPerEvent: number; meanMs: number }>>;
  /** Mean duration of the http-api function per request (locally measured, the client's latency). */
  apiMeanMs: number;
  /** Mean bytes of an inbound event's JSON. */
  eventBytes: number;
}

export interface Scenario {
  name: string;
  products: number;
  /** Provinces: each has its own deployment, its own schedules and its own readers. */
  provinces: number;
  eventsPerProductPerYear: number;
  /** API requests per province per day. */
  apiRequestsPerProvincePerDay: number;
}

/** What the bench does not measure, stated once (README, "What it costs"). */
export const ASSUMPTIONS = {
  /** Lambda's own log records per invocation (platform.start, platform.report... in JSON). */
  lambdaLogBytesPerInvocation: 1000,
  /** One JSON line of the API's access log (infra/constructs/http-api.ts ACCESS_LOG_FIELDS). */
  accessLogBytesPerRequest: 500,
  /** SQS requests per message: EventBridge's send, the event source mapping's receive and delete, unbatched (an upper bound). */
  sqsRequestsPerEvent: 3,
  /** The audit log keeps each event (its JSON and the envelope, about 400 bytes). */
  auditEnvelopeBytes: 400,
  /** Logs are kept this many months (the prod stage's logRetentionDays 365): the stored volume is this many months of ingest. */
  logRetentionMonths: 12,
  daysPerMonth: 365.25 / 12,
} as const;

/** Invocations of each schedule in a month of 30.44 days, counted from its cron expression. */
export function scheduledInvocationsPerMonth(from = new Date('2027-01-01T00:00:00Z')): Partial<Record<FunctionId, number>> {
  const to = new Date(from.getTime() + ASSUMPTIONS.daysPerMonth * 86_400_000);
  const counts: Partial<Record<FunctionId, number>> = {};
  for (const schedule of schedules) {
    const cron = new Cron(toCronerPattern(schedule.expression), { timezone: schedule.timeZone, paused: true });
    let runs = 0;
    for (let at = cron.nextRun(from); at && at < to; at = cron.nextRun(at)) runs++;
    counts[schedule.functionId] = (counts[schedule.functionId] ?? 0) + runs;
  }
  return counts;
}

export function monthlyUsage(scenario: Scenario, measured: MeasuredRates, scheduled = scheduledInvocationsPerMonth()): MonthlyUsage {
  const events = (scenario.products * scenario.eventsPerProductPerYear) / 12;
  const apiRequests = scenario.provinces * scenario.apiRequestsPerProvincePerDay * ASSUMPTIONS.daysPerMonth;
  let invocations = apiRequests;
  let gbSeconds = apiRequests * (measured.apiMeanMs / 1000) * (lambdaFunctions['http-api'].memoryMb / 1024);
  for (const functionId of Object.keys(lambdaFunctions) as FunctionId[]) {
    if (functionId === 'http-api') continue;
    const driven = measured.functions[functionId];
    const count = events * (driven?.invocationsPerEvent ?? 0) + scenario.provinces * (scheduled[functionId] ?? 0);
    invocations += count;
    gbSeconds += count * ((driven?.meanMs ?? 0) / 1000) * (lambdaFunctions[functionId].memoryMb / 1024);
  }
  const logBytes = invocations * ASSUMPTIONS.lambdaLogBytesPerInvocation + apiRequests * ASSUMPTIONS.accessLogBytesPerRequest + events * (measured.eventBytes + ASSUMPTIONS.auditEnvelopeBytes);
  const gb = (bytes: number) => bytes / 2 ** 30;
  return {
    dynamodbWriteRequestUnits: events * measured.writeUnitsPerEvent,
    dynamodbReadRequestUnits: events * measured.readUnitsPerEvent + apiRequests * measured.readUnitsPerApiRequest,
    dynamodbStorageGbMonth: gb(scenario.products * measured.storageBytesPerProduct),
    lambdaRequests: invocations,
    lambdaArmGbSeconds: gbSeconds,
    eventBridgeCustomEvents: events,
    sqsRequests: events * ASSUMPTIONS.sqsRequestsPerEvent,
    cloudWatchLogsIngestGb: gb(logBytes),
    cloudWatchLogsStorageGbMonth: gb(logBytes) * ASSUMPTIONS.logRetentionMonths,
    httpApiRequests: apiRequests,
  };
}
