import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { build, buildSync, type BuildOptions } from 'esbuild';

/**
 * The dashboard as static files: index.html, app.css and app.js (the page's
 * code with ECharts and the shared wording, bundled by esbuild: no CDN).
 * `npm start` serves them from memory; the CDK app uploads them to S3.
 */
export type DashboardFiles = Record<'index.html' | 'app.css' | 'app.js', Buffer>;

const here = __dirname;

const BUILD_OPTIONS = {
  entryPoints: [join(here, 'src', 'main.ts')],
  bundle: true,
  write: false,
  minify: true,
  format: 'iife',
  target: ['chrome110', 'firefox110', 'safari16'],
  platform: 'browser',
  legalComments: 'none',
  logLevel: 'silent',
} as const satisfies BuildOptions;

export async function buildDashboard(): Promise<DashboardFiles> {
  const result = await build(BUILD_OPTIONS);
  return {
    'index.html': readFileSync(join(here, 'index.html')),
    'app.css': readFileSync(join(here, 'app.css')),
    'app.js': Buffer.from(result.outputFiles[0]!.contents),
  };
}

/** The same files written to a folder, synchronously (the CDK app synthesizes synchronously): what S3 serves. */
export function writeDashboard(dir: string): string {
  const result = buildSync(BUILD_OPTIONS);
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'app.js'), result.outputFiles[0]!.contents);
  copyFileSync(join(here, 'index.html'), join(dir, 'index.html'));
  copyFileSync(join(here, 'app.css'), join(dir, 'app.css'));
  return dir;
}

/** The page's Content-Security-Policy, served by npm start and by CloudFront: its own origin only, plus (in AWS) the sign-in provider's. */
export function contentSecurityPolicy(connectSources: readonly string[] = []): string {
  return [
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    `connect-src 'self'${connectSources.map((source) => ` ${source}`).join('')}`,
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}

