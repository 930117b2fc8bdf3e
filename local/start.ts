/**
 * `npm start`: the whole ocop-pulse system on this machine (CONTRACT §5).
 *
 *   npm start -- [--in-memory] [--no-demo] [--port 3000] [--events-port 4010]
 *                [--host 127.0.0.1] [--data-dir .ocop] [--no-schedules] [--verbose]
 *
 * Environment: PORT, EVENTS_PORT, HOST, OCOP_DATA_DIR, OCOP_API_TOKEN, EVENT_BUS_NAME.
 */
import { parseArgs } from 'node:util';

import { DEFAULT_OPTIONS, startLocalSystem, type LocalSystem } from './system';
import { schedules } from '../functions/triggers';
import { DASHBOARD_PATH } from './dashboard-server';
import { provinceLine } from './province-line';

function options() {
  const { values } = parseArgs({
    options: {
      'in-memory': { type: 'boolean' },
      'no-demo': { type: 'boolean' },
      'no-schedules': { type: 'boolean' },
      verbose: { type: 'boolean' },
      port: { type: 'string' },
      'events-port': { type: 'string' },
      host: { type: 'string' },
      'data-dir': { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    console.log(
      'Usage: npm start -- [--in-memory] [--no-demo] [--no-schedules] [--verbose] [--port N] [--events-port N] [--host H] [--data-dir DIR]',
    );
    process.exit(0);
  }
  const port = (value: string | undefined, fallback: number, name: string) => {
    if (value === undefined) return fallback;
    const n = Number(value);
    if (!Number.isInteger(n) || n < 0 || n > 65535) {
      console.error(`${name} must be a port number from 0 to 65535 (got ${value})`);
      process.exit(2);
    }
    return n;
  };
  return {
    ...DEFAULT_OPTIONS,
    host: values.host ?? process.env.HOST ?? DEFAULT_OPTIONS.host,
    apiPort: port(values.port ?? process.env.PORT, DEFAULT_OPTIONS.apiPort, '--port / PORT'),
    eventsPort: port(values['events-port'] ?? process.env.EVENTS_PORT, DEFAULT_OPTIONS.eventsPort, '--events-port / EVENTS_PORT'),
    busName: process.env.EVENT_BUS_NAME ?? DEFAULT_OPTIONS.busName,
    dataDir: values['data-dir'] ?? process.env.OCOP_DATA_DIR ?? DEFAULT_OPTIONS.dataDir,
    inMemory: values['in-memory'] ?? false,
    demo: !values['no-demo'],
    schedules: !values['no-schedules'],
    verbose: values.verbose ?? false,
    ...(process.env.OCOP_API_TOKEN && { apiToken: process.env.OCOP_API_TOKEN }),
  };
}

async function main(): Promise<void> {
  const chosen = options();
  let system: LocalSystem;
  try {
    system = await startLocalSystem(chosen);
  } catch (error) {
    console.error(`\nocop-pulse could not start: ${(error as Error).message}`);
    if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE') console.error('A port is taken: stop the other process or pass --port / --events-port.');
    process.exit(1);
  }
  console.log(`
ocop-pulse is running${chosen.inMemory ? ' (in memory: nothing is kept)' : ` (data in ${chosen.dataDir}/)`}

  Dashboard         ${system.apiUrl}${DASHBOARD_PATH}#token=${system.apiToken}
  HTTP API          ${system.apiUrl}/v1/health          (OpenAPI: ${system.apiUrl}/v1/openapi.json)
  PutEvents         ${system.eventsUrl}   bus "${system.busName}"
  API token         ${system.apiToken}
  Email outbox      ${system.outboxDir}/*.eml
  Province          ${provinceLine()}
  Schedules         ${chosen.schedules ? schedules.map((s) => `${s.id} ${s.expression} ${s.timeZone}`).join('; ') : 'off'}
${system.demoEvents ? `  Demo data         ${system.demoEvents} events: Trà Vinh's OCOP history, the registers of the former Vĩnh Long and Bến Tre (imported from ${system.demoRegistersDir}/), the merged Vĩnh Long since 2025-07-01\n` : ''}
Try:
  curl -H "Authorization: Bearer ${system.apiToken}" ${system.apiUrl}/v1/snapshots/latest
  curl -H "Authorization: Bearer ${system.apiToken}" "${system.apiUrl}/v1/kpis?asOf=2025-11-26"
  npm run events:publish

Ctrl-C stops cleanly (accepted events are delivered or kept for the next start).
`);
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`\n${signal}: stopping…`);
    await system.stop();
    console.log('Stopped.');
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}

void main();
