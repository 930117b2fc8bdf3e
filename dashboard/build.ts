import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';

/**
 * The dashboard as static files: index.html, app.css and app.js (the page's
 * code with ECharts and the shared wording, bundled by esbuild: no CDN).
 * `npm start` serves them from memory; the CDK app uploads them to S3.
 */
export type DashboardFiles = Record<'index.html' | 'app.css' | 'app.js', Buffer>;

const here = __dirname;

export async function buildDashboard(): Promise<DashboardFiles> {
  const result = await build({
    entryPoints: [join(here, 'src', 'main.ts')],
    bundle: true,
    write: false,
    minify: true,
    format: 'iife',
    target: ['chrome110', 'firefox110', 'safari16'],
    platform: 'browser',
    legalComments: 'none',
    logLevel: 'silent',
  });
  return {
    'index.html': readFileSync(join(here, 'index.html')),
    'app.css': readFileSync(join(here, 'app.css')),
    'app.js': Buffer.from(result.outputFiles[0]!.contents),
  };
}
