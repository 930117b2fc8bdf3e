import { CHART_ASSETS, type ChartAsset } from '../report/charts/assets';
import type { TableId } from './shared/tables';

/**
 * The Lambda functions, defined once: the CDK app builds a NodejsFunction from
 * each entry with exactly the grants listed; `npm start` imports the same
 * handlers and calls them in-process.
 */
export type TableAccess = 'read' | 'readWrite';

export interface FunctionDefinition {
  /** Path from the repository root to the module exporting `handler`. */
  entry: string;
  description: string;
  memoryMb: number;
  timeoutSeconds: number;
  /** The tables it may touch, and how; the CDK grants nothing more. */
  tables: Partial<Record<TableId, TableAccess>>;
  /** Puts events (EventRejected) on the bus. */
  putsEvents?: boolean;
  /** Sends email through SES. */
  sendsEmail?: boolean;
  /** Files copied beside the bundle (e.g. the chart renderer's WebAssembly and font), found there at run time. */
  bundledFiles?: readonly ChartAsset[];
  /** Invoked in batches from the projections table's stream. */
  projectionsStream?: { batchSize: number; maxBatchingWindowSeconds: number };
}

export const lambdaFunctions = {
  'project-event': {
    entry: 'functions/project-event/handler.ts',
    description: 'Validates an inbound event, appends it to the event log and re-folds its aggregate; rejects what it cannot accept',
    memoryMb: 512,
    timeoutSeconds: 30,
    tables: { events: 'readWrite', projections: 'readWrite', rejections: 'readWrite' },
    putsEvents: true,
  },
  'recompute-snapshot': {
    entry: 'functions/recompute-snapshot/handler.ts',
    description: 'Recomputes the provincial KPI snapshot from the projections, coalescing bursts of changes',
    memoryMb: 1024,
    timeoutSeconds: 120,
    tables: { projections: 'read', snapshots: 'readWrite' },
    // No batching window: records gather while the previous recompute runs, which is what keeps
    // freshness under 2 s; a 1 s window halves the scans in a burst (README, "Benchmarks").
    projectionsStream: { batchSize: 1000, maxBatchingWindowSeconds: 0 },
  },
  'send-kpi-report': {
    entry: 'functions/send-kpi-report/handler.ts',
    description: 'Emails the latest KPI snapshot to every active stakeholder, once per period',
    memoryMb: 512,
    timeoutSeconds: 300,
    // projections: read for the trend chart (the computation of GET /v1/kpis/trend).
    tables: { snapshots: 'readWrite', stakeholders: 'read', idempotency: 'readWrite', projections: 'read' },
    sendsEmail: true,
    bundledFiles: Object.values(CHART_ASSETS),
  },
  'http-api': {
    entry: 'functions/http-api/handler.ts',
    description: 'Serves the HTTP API v1: snapshots, KPIs, products, rejections',
    memoryMb: 1024,
    timeoutSeconds: 29,
    tables: { snapshots: 'read', projections: 'read', rejections: 'read' },
  },
} as const satisfies Record<string, FunctionDefinition>;

export type FunctionId = keyof typeof lambdaFunctions;
