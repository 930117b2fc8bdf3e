/**
 * Publishes OCOP events to the bus with the unmodified AWS SDK, as a commune
 * system and the provincial office would (since 2025-07-01 there are no district
 * systems: docs/sources-and-councils.md). Against `npm start` only the endpoint differs from AWS.
 *
 *   npm run events:publish                       # a small example: a product registered in Xã Cầu Kè (29308) and rated by the province
 *   npm run events:publish -- my-events.json     # your own: a JSON array of { Source, DetailType, Detail }
 *
 * EVENTS_ENDPOINT (default: the running `npm start`, else http://127.0.0.1:4010), EVENT_BUS_NAME (default ocop-pulse).
 */
import { EventBridgeClient, PutEventsCommand, type PutEventsRequestEntry } from '@aws-sdk/client-eventbridge';
import { readFileSync } from 'node:fs';
import { readRuntimeInfo, runningInMemorySystems } from '../local/runtime-info';

const endpoint = process.env.EVENTS_ENDPOINT ?? readRuntimeInfo()?.eventsUrl ?? runningInMemorySystems()[0]?.eventsUrl ?? 'http://127.0.0.1:4010';
const eventBusName = process.env.EVENT_BUS_NAME ?? 'ocop-pulse';

function exampleEntries(): PutEventsRequestEntry[] {
  // The merged province's id scheme: 86-<commune>-<number>.
  const productId = `86-29308-EX${Date.now().toString(36).toUpperCase()}`;
  const now = new Date().toISOString();
  const today = now.slice(0, 10);
  return [
    {
      Source: 'ocop.commune.29308',
      DetailType: 'ProductRegistered',
      Detail: JSON.stringify({
        eventId: `example-registered-${productId}`,
        schemaVersion: 1,
        occurredAt: now,
        communeCode: '29308',
        productId,
        name: 'Mứt dừa sáp Cầu Kè',
        group: 'food',
        subject: { name: 'Hợp tác xã Dừa sáp Cầu Kè', kind: 'cooperative' },
      }),
    },
    {
      Source: 'ocop.province',
      DetailType: 'ProductRated',
      Detail: JSON.stringify({
        eventId: `example-rated-${productId}`,
        schemaVersion: 1,
        occurredAt: now,
        communeCode: '29308',
        productId,
        score: 74,
        stars: 4,
        council: 'province',
        decisionNo: '123/QĐ-UBND',
        decisionDate: today,
      }),
    },
  ];
}

async function main(): Promise<number> {
  const file = process.argv[2];
  const entries: PutEventsRequestEntry[] = file ? (JSON.parse(readFileSync(file, 'utf8')) as PutEventsRequestEntry[]) : exampleEntries();
  const client = new EventBridgeClient({ endpoint, region: 'ap-southeast-1', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } });
  let failed = 0;
  for (let i = 0; i < entries.length; i += 10) {
    const batch = entries.slice(i, i + 10).map((entry) => ({ EventBusName: eventBusName, ...entry }));
    const result = await client.send(new PutEventsCommand({ Entries: batch }));
    // Always check FailedEntryCount: PutEvents answers 200 even when some entries were refused.
    failed += result.FailedEntryCount ?? 0;
    result.Entries?.forEach((entry, j) => {
      const sent = batch[j]!;
      console.log(entry.EventId ? `accepted  ${sent.DetailType} from ${sent.Source} → ${entry.EventId}` : `REFUSED   ${sent.DetailType} from ${sent.Source}: ${entry.ErrorCode} ${entry.ErrorMessage}`);
    });
  }
  console.log(`\n${entries.length - failed} of ${entries.length} accepted by ${endpoint} (bus ${eventBusName}).`);
  console.log('Accepted is not yet valid: rejections appear at GET /v1/rejections, and as EventRejected events on the bus.');
  return failed > 0 ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (error: Error) => {
    console.error(`Could not publish to ${endpoint}: ${error.message}. Is \`npm start\` running?`);
    process.exit(1);
  },
);
