import { existsSync } from 'node:fs';
import { join } from 'node:path';

/**
 * A module loaded on first use, not when the function starts. In a Lambda
 * asset it is a bundle of its own, `bundleName`, beside index.js (built from
 * `entry` by infra/constructs/ocop-function.ts), so index.js neither carries
 * nor parses it; elsewhere (`npm start`, tests) it is the source module.
 */
export interface LazyModule {
  /** Path from the repository root to the module. */
  entry: string;
  /** Its file in the function's asset. */
  bundleName: string;
}

// In a bundle, __dirname is the asset's directory (where index.js is); here, functions/shared.
const REPOSITORY_ROOT = join(__dirname, '..', '..');

export function loadLazyModule<T>(module: LazyModule): T {
  const bundled = join(__dirname, module.bundleName);
  // A require of a computed path: esbuild leaves it to run time, so the module is not inlined into index.js.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require(existsSync(bundled) ? bundled : join(REPOSITORY_ROOT, module.entry)) as T;
}
