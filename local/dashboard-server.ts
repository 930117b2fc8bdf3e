import type { IncomingMessage, ServerResponse } from 'node:http';
import { buildDashboard, contentSecurityPolicy, type DashboardFiles } from '../dashboard/build';

/**
 * The dashboard of `npm start`, at /dashboard/ on the HTTP API's own origin
 * (as CloudFront serves it beside the API in AWS): built once, on its first
 * request, and kept in memory. The page reads its token from the URL
 * fragment (config.json says so), which no request carries.
 */
export const DASHBOARD_PATH = '/dashboard/';

const MEDIA_TYPES: Record<string, string> = {
  'index.html': 'text/html; charset=utf-8',
  'app.css': 'text/css; charset=utf-8',
  'app.js': 'text/javascript; charset=utf-8',
  'config.json': 'application/json; charset=utf-8',
};

let files: Promise<DashboardFiles & { 'config.json': Buffer }> | undefined;

/** Answers the request when it is the dashboard's (true), else leaves it to the API (false). */
export function serveDashboard(request: IncomingMessage, response: ServerResponse): boolean {
  const path = (request.url ?? '/').split('?')[0]!;
  if (path !== '/dashboard' && !path.startsWith(DASHBOARD_PATH)) return false;
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    response.writeHead(405, { allow: 'GET, HEAD', 'content-type': 'text/plain; charset=utf-8' }).end('Method not allowed');
    return true;
  }
  if (path === '/dashboard') {
    response.writeHead(308, { location: DASHBOARD_PATH }).end();
    return true;
  }
  const name = path === DASHBOARD_PATH ? 'index.html' : path.slice(DASHBOARD_PATH.length);
  const mediaType = MEDIA_TYPES[name];
  if (!mediaType) {
    response.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('Not found');
    return true;
  }
  files ??= buildDashboard().then((built) => ({ ...built, 'config.json': Buffer.from(JSON.stringify({ auth: 'fragment' })) }));
  files.then(
    (built) => {
      response.writeHead(200, {
        'content-type': mediaType,
        'cache-control': 'no-cache',
        'content-security-policy': contentSecurityPolicy(),
        'x-content-type-options': 'nosniff',
        'referrer-policy': 'no-referrer',
      });
      response.end(request.method === 'HEAD' ? undefined : built[name as keyof typeof built]);
    },
    (error: Error) => {
      files = undefined;
      response.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' }).end(`The dashboard could not be built: ${error.message}`);
    },
  );
  return true;
}
