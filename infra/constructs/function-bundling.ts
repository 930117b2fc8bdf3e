import { join } from 'node:path';
import type { BuildOptions } from 'esbuild';

/**
 * How every function's code is bundled, defined once: OcopFunction hands it to
 * the NodejsFunction (esbuild), builds each lazy module of the catalog with it,
 * and the bench builds the SDK-only floor of each function with it.
 *
 * Everything is bundled, the AWS SDK v3 clients included (AWS recommends a
 * bundled, tree-shaken SDK over the runtime's copy for cold starts); ES module
 * entry points first, as only those tree-shake.
 */
export const FUNCTION_BUNDLING = {
  target: 'node24',
  format: 'cjs',
  minify: true,
  sourceMap: true,
  mainFields: ['module', 'main'],
} as const;

/** The same options for esbuild's own API (the lazy modules and the bench's floor). */
export function esbuildOptions(): BuildOptions {
  return {
    bundle: true,
    platform: 'node',
    target: FUNCTION_BUNDLING.target,
    format: FUNCTION_BUNDLING.format,
    minify: FUNCTION_BUNDLING.minify,
    sourcemap: FUNCTION_BUNDLING.sourceMap,
    sourcesContent: false,
    mainFields: [...FUNCTION_BUNDLING.mainFields],
    logLevel: 'error',
  };
}

/** The esbuild command line that bundles `entry` into `outfile` with these options (a command hook of the CDK's bundling). */
export function esbuildCommand(repositoryRoot: string, entry: string, outfile: string): string {
  const args = [
    `"${join(repositoryRoot, 'node_modules', '.bin', 'esbuild')}"`,
    `"${join(repositoryRoot, entry)}"`,
    '--bundle',
    '--platform=node',
    `--target=${FUNCTION_BUNDLING.target}`,
    `--format=${FUNCTION_BUNDLING.format}`,
    ...(FUNCTION_BUNDLING.minify ? ['--minify'] : []),
    ...(FUNCTION_BUNDLING.sourceMap ? ['--sourcemap', '--sources-content=false'] : []),
    `--main-fields=${FUNCTION_BUNDLING.mainFields.join(',')}`,
    '--log-level=error',
    `--outfile="${outfile}"`,
  ];
  return args.join(' ');
}
