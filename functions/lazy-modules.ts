import type { LazyModule } from './shared/lazy-module';

/**
 * The modules a function loads on first use rather than at its cold start,
 * defined once: the route or step that needs one loads it with
 * `loadLazyModule`, and functions/catalog.ts lists it for the functions that
 * ship it (the CDK bundles each as a file of its own beside index.js).
 */
export const LAZY_MODULES = {
  /** exceljs and the workbooks (about 1 MB minified): only the .xlsx and .csv routes of http-api. */
  workbooks: { entry: 'report/workbooks/index.ts', bundleName: 'workbooks.js' },
  /** ECharts, zrender and resvg: only the weekly report's charts. */
  emailCharts: { entry: 'report/charts/email-charts.ts', bundleName: 'email-charts.js' },
} as const satisfies Record<string, LazyModule>;
