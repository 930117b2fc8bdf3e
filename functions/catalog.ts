import type { InboundDetailType } from '../events/catalog';
import { CHART_ASSETS, type ChartAsset } from '../report/charts/assets';
import { LAZY_MODULES } from './lazy-modules';
import type { LazyModule } from './shared/lazy-module';
import { IMPORT_DETAIL_TYPES } from './shared/register-import/import-detail-types';
import { REPORT_SCOPE } from './storage/report-snapshot-store';
import type { TableId } from './storage/tables';
import { SETTLE_WAITING_DETAIL_TYPE } from './project-event/settle-request';

/**
 * The Lambda functions, defined once: the CDK app builds a NodejsFunction from
 * each entry with exactly the grants listed; `npm start` imports the same
 * handlers and calls them in-process. What invokes each is declared beside it,
 * in functions/<name>/trigger.ts (listed in functions/triggers.ts).
 */
/** The DynamoDB actions a function may be granted on a table (and, for Query and Scan, its indexes). */
export const DYNAMODB_READ_ACTIONS = ['GetItem', 'BatchGetItem', 'Query', 'Scan'] as const;
export const DYNAMODB_WRITE_ACTIONS = ['PutItem', 'UpdateItem', 'DeleteItem', 'BatchWriteItem'] as const;
export type DynamoDbAction = (typeof DYNAMODB_READ_ACTIONS)[number] | (typeof DYNAMODB_WRITE_ACTIONS)[number];

export interface FunctionDefinition {
  /** Path from the repository root to the module exporting `handler`. */
  entry: string;
  description: string;
  memoryMb: number;
  timeoutSeconds: number;
  /** The tables it may touch and the exact DynamoDB actions its code calls on each; the CDK grants nothing more. */
  tables: Partial<Record<TableId, readonly DynamoDbAction[]>>;
  /** Writes allowed only on items whose partition key is one of these values (IAM condition dynamodb:LeadingKeys). */
  writableKeys?: Partial<Record<TableId, readonly string[]>>;
  /** Puts events (EventRejected) on the bus. */
  putsEvents?: boolean;
  /** Puts these inbound events on the bus as the province (ocop.province): the register import of POST /v1/imports. */
  putsProvinceEvents?: readonly InboundDetailType[];
  /** Detail types it also puts on the bus for itself, as ocop.province: follow-up messages the inbound rule takes back to its own queue. */
  putsFollowUps?: readonly string[];
  /** Sends email through SES. */
  sendsEmail?: boolean;
  /** Files copied beside the bundle (e.g. the chart renderer's WebAssembly and font), found there at run time. */
  bundledFiles?: readonly ChartAsset[];
  /** Modules loaded on first use (functions/lazy-modules.ts), each bundled as a file of its own beside index.js. */
  lazyModules?: readonly LazyModule[];
}

export const lambdaFunctions = {
  'project-event': {
    entry: 'functions/project-event/handler.ts',
    description: 'Validates an inbound event, appends it to the event log and re-folds its aggregate; rejects what it cannot accept',
    memoryMb: 512,
    timeoutSeconds: 30,
    // event-log-store (append, loggedEnvelope), projection-store (get, put), rejection-store (keep, markAnnounced).
    // event-log-store (findLogged, conditional append, the read after a lost race), projection-store (batch read, read, conditional put; the UNITS item, unit-directory),
    // waiting-store (park, keys of a queue, a chunk, removal), rejection-store.
    tables: {
      events: ['BatchGetItem', 'PutItem', 'GetItem'],
      projections: ['BatchGetItem', 'GetItem', 'PutItem'],
      waiting: ['Query', 'BatchGetItem', 'BatchWriteItem'],
      rejections: ['GetItem', 'PutItem', 'UpdateItem'],
    },
    putsEvents: true,
    // The next chunk of a long queue of waiting events (settle-request.ts).
    putsFollowUps: [SETTLE_WAITING_DETAIL_TYPE],
  },
  'recompute-snapshot': {
    entry: 'functions/recompute-snapshot/handler.ts',
    description: 'Recomputes the provincial KPI snapshot from the projections, coalescing bursts of changes',
    memoryMb: 1024,
    timeoutSeconds: 120,
    // kpi-inputs (scan of the projections), snapshot-store (latest, put).
    // kpi-inputs (the readModel index), unit-directory (the UNITS item), snapshot-store.
    tables: { projections: ['GetItem', 'Query'], snapshots: ['Query', 'PutItem'] },
  },
  'send-kpi-report': {
    entry: 'functions/send-kpi-report/handler.ts',
    description: 'Emails the latest KPI snapshot to every active stakeholder, once per period',
    memoryMb: 512,
    timeoutSeconds: 300,
    // snapshot-store (latest), report-snapshot-store (keep, previous), stakeholder-store (active), Powertools idempotency.
    tables: { snapshots: ['GetItem', 'Query', 'PutItem'], stakeholders: ['Scan'], idempotency: ['GetItem', 'PutItem', 'UpdateItem', 'DeleteItem'], projections: ['GetItem', 'Query'] },
    // projections: the KPI read model (readModel index) and the units (the UNITS item, unit-directory), for the trend chart.
    // Its own report records only (scope "report"): never the province's snapshot history.
    writableKeys: { snapshots: [REPORT_SCOPE] },
    sendsEmail: true,
    bundledFiles: Object.values(CHART_ASSETS),
    lazyModules: [LAZY_MODULES.emailCharts],
  },
  'http-api': {
    entry: 'functions/http-api/handler.ts',
    description: 'Serves the HTTP API v1: snapshots, KPIs, products, rejections, units',
    memoryMb: 1024,
    timeoutSeconds: 29,
    // routes: snapshots (query), products (get, query), kpis (scan, via kpi-inputs), rejections (query).
    // snapshots, products (one, listings, the readModel index), units (the UNITS item, unit-directory), waiting (count of a product not registered), rejections.
    // queryProjections (products, the register export, the import) reads the items a keys-only Query found with BatchGetItem.
    tables: { snapshots: ['Query'], projections: ['GetItem', 'BatchGetItem', 'Query'], waiting: ['Query'], rejections: ['Query'] },
    lazyModules: [LAZY_MODULES.workbooks, LAZY_MODULES.registerImport],
    // POST /v1/imports publishes the register's rows as the province, only the kinds of event an import makes.
    putsProvinceEvents: IMPORT_DETAIL_TYPES,
  },
  'announce-rejections': {
    entry: 'functions/announce-rejections/handler.ts',
    description: 'Announces every rejection its own delivery left unannounced (EventRejected), and reports how many are left',
    memoryMb: 256,
    timeoutSeconds: 120,
    // the sparse `unannounced` index (query), rejection-store (markAnnounced).
    tables: { rejections: ['Query', 'UpdateItem'] },
    putsEvents: true,
  },
} as const satisfies Record<string, FunctionDefinition>;

export type FunctionId = keyof typeof lambdaFunctions;
