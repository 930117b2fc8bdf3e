import { functionStats } from '../local/function-runtime';
import { startLocalSystem, type LocalSystemOptions } from '../local/system';
import type { FromSystem, ToSystem } from './system-client';

/**
 * The system under test in a process of its own (started by bench/system-client.ts), as `npm start` runs it:
 * the bench's driver (its copy of the events, its HTTP clients, the counting proxy) is then not in the resident
 * memory measured for the system. Talks to the driver over IPC.
 */
const send = (message: FromSystem) => process.send!(message);
const options = JSON.parse(process.argv[2]!) as LocalSystemOptions;
const waiting = new Map<string, (value: string) => void>();

process.on('message', (message: ToSystem) => {
  if (message.kind === 'proxy') waiting.get('proxy')?.(message.endpoint);
});
process.on('disconnect', () => process.exit(1));

async function main(): Promise<void> {
  const system = await startLocalSystem({
    ...options,
    // The driver puts its counting proxy between the system and DynamoDB Local.
    dynamoEndpointFor: (endpoint) =>
      new Promise((resolve) => {
        waiting.set('proxy', resolve);
        send({ kind: 'dynamo', endpoint });
      }),
    print: (line) => {
      if (!line.startsWith('  ✓')) console.log(line);
    },
  });
  process.on('message', (message: ToSystem) => {
    if (message.kind === 'settle') void system.settle().then(() => send({ kind: 'settled', id: message.id }));
    if (message.kind === 'stats') send({ kind: 'stats', id: message.id, stats: functionStats() });
    if (message.kind === 'stop') void system.stop().then(() => process.exit(0));
  });
  send({ kind: 'ready', apiUrl: system.apiUrl, eventsUrl: system.eventsUrl, dynamoEndpoint: system.dynamoEndpoint, outboxDir: system.outboxDir, apiToken: system.apiToken, busName: system.busName });
}

main().catch((error: Error) => {
  console.error('The system did not start:', error);
  process.exit(1);
});
