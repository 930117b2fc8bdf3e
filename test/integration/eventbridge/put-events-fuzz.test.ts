import { EventBridgeClient, PutEventsCommand } from '@aws-sdk/client-eventbridge';
import fc from 'fast-check';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, LOCAL_AWS } from '../../../local/dynamodb-local';
import { LocalEventBus } from '../../../local/eventbridge/bus';
import type { BusEvent } from '../../../local/eventbridge/entries';
import { startPutEventsServer, type PutEventsServer } from '../../../local/eventbridge/put-events-server';
import { httpRequest, rawRequest, type RawResponse } from '../../support/raw-http';
import type { SQSEvent } from 'aws-lambda';
import { queues, subscriptions } from '../../../functions/triggers';

/**
 * Malformed requests against the local PutEvents endpoint (journaled bus, as
 * `npm start` runs it): every answer is a 200 or a 4xx with AWS's error JSON,
 * never a 5xx or a closed socket, and the endpoint still accepts a good
 * PutEvents from the AWS SDK afterwards.
 */
const target = (operation: string) => `X-Amz-Target: AWSEvents.${operation}`;
const json = 'Content-Type: application/x-amz-json-1.1';
const deep = (depth: number) => `${'['.repeat(depth)}${']'.repeat(depth)}`;
const deepObject = (depth: number) => `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;
const goodEntry = { EventBusName: 'ocop-pulse', Source: 'ocop.district.842', DetailType: 'ProductRegistered', Detail: '{"eventId":"fuzz-1"}' };

const entryValue = fc.oneof(
  fc.constantFrom(null, '', 0, -1, 1e308, true, [], {}, 'ocop-pulse', 'x'.repeat(300_000), '\u0000', '\ud800', deep(5_000), deepObject(5_000), '{"a":', '[1]', '{}'),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.jsonValue({ maxDepth: 3 }),
);
const entry = fc.record(
  { EventBusName: entryValue, Source: entryValue, DetailType: entryValue, Detail: entryValue, Time: entryValue, Resources: entryValue, TraceHeader: entryValue },
  { requiredKeys: [] },
);
const body = fc.oneof(
  fc.constantFrom('', '{', 'null', '[]', '"x"', '1', '{"Entries":null}', '{"Entries":{}}', '{"Entries":[]}', `{"Entries":${deep(50_000)}}`, deepObject(50_000), '\u00ff\u00fe', '{"Entries":[null]}'),
  fc.string({ unit: 'binary', maxLength: 60 }),
  fc.array(fc.oneof(entry, fc.jsonValue({ maxDepth: 2 })), { maxLength: 12 }).map((entries) => JSON.stringify({ Entries: entries, EventBusName: 'ocop-pulse' })),
  fc.jsonValue({ maxDepth: 4 }).map((value) => JSON.stringify(value)),
);
const operation = fc.constantFrom('PutEvents', 'PutEvents', 'PutEvents', 'DescribeEventBus', 'ListRules', 'DeleteRule', '', '%E0%A4%A');
const method = fc.constantFrom('POST', 'POST', 'POST', 'GET', 'PUT', 'DELETE', 'OPTIONS', 'FOO');

function assertAwsAnswer(response: RawResponse | undefined, request: string): void {
  if (!response) throw new Error(`the endpoint closed the connection without an answer to: ${request.slice(0, 300)}`);
  if (response.status >= 500 || !(response.status >= 200)) throw new Error(`status ${response.status} for: ${request.slice(0, 300)}\n${response.body.slice(0, 300)}`);
  if (response.status < 400) return;
  const error = JSON.parse(response.body) as { __type?: unknown; message?: unknown };
  if (typeof error.__type !== 'string' || typeof error.message !== 'string') throw new Error(`not AWS's error JSON: ${response.body.slice(0, 300)}`);
}

describe('the PutEvents endpoint under malformed requests', () => {
  let bus: LocalEventBus;
  let server: PutEventsServer;
  let journal: string;
  const delivered: BusEvent[] = [];

  beforeAll(async () => {
    journal = mkdtempSync(join(tmpdir(), 'ocop-fuzz-bus-'));
    bus = new LocalEventBus({
      subscriptions,
      queues,
      queueTimeScale: 0.001,
      dataDir: journal,
      retryBaseDelayMs: 1,
      // The projector's queue hands over SQS batches, whose bodies are the envelopes.
      targets: { invokeFunction: async (_id, event) => void delivered.push(...(event as SQSEvent).Records.map((r) => JSON.parse(r.body) as BusEvent)), auditLog: () => {} },
    });
    server = await startPutEventsServer({ host: '127.0.0.1', port: await freePort(), bus });
  });
  afterAll(async () => {
    await server.close();
    await bus.close({ drain: false });
    rmSync(journal, { recursive: true, force: true });
  });

  it.each([
    ['a body that is not JSON', httpRequest('POST', '/', [target('PutEvents'), json], '{"Entries": [')],
    ['a request line that is not HTTP', 'HELLO\r\n\r\n'],
    ['headers larger than the server reads', httpRequest('POST', '/', [target('PutEvents'), `X-Huge: ${'h'.repeat(40_000)}`], '{}')],
    ['a body over 4 MiB', httpRequest('POST', '/', [target('PutEvents'), json], `{"Entries":"${'x'.repeat(4 * 1024 * 1024 + 10)}"}`)],
    ['a Detail nested 40 000 deep (within the size limit)', httpRequest('POST', '/', [target('PutEvents'), json], JSON.stringify({ Entries: [{ ...goodEntry, Detail: deepObject(40_000) }] }))],
    ['a body nested 1 000 000 deep', httpRequest('POST', '/', [target('PutEvents'), json], deep(1_000_000))],
    ['a chunked body that never ends right', `POST / HTTP/1.1\r\nHost: x\r\n${target('PutEvents')}\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n`],
  ])('answers %s with a 4xx in AWS error JSON, or accepts it', async (_name, request) => {
    // Act
    const response = await rawRequest(server.url, request);

    // Assess
    assertAwsAnswer(response, request);
  });

  it('survives fuzzed PutEvents requests, then still accepts and delivers a good event sent with the AWS SDK', async () => {
    // Prepare
    const client = new EventBridgeClient({ endpoint: server.url, region: LOCAL_AWS.region, credentials: LOCAL_AWS.credentials, maxAttempts: 1 });
    let answered = 0;

    // Act
    await fc.assert(
      fc.asyncProperty(method, operation, body, async (verb, op, text) => {
        const request = httpRequest(verb, '/', [target(op), json], text);
        assertAwsAnswer(await rawRequest(server.url, request), request);
        answered++;
      }),
      { numRuns: 300 },
    );
    await bus.drain();
    const before = delivered.length;
    const result = await client.send(new PutEventsCommand({ Entries: [{ ...goodEntry, Detail: '{"eventId":"after-the-fuzz"}' }] }));
    await bus.drain();
    client.destroy();

    // Assess
    expect(answered).toBe(300);
    expect(result.FailedEntryCount).toBe(0);
    expect(delivered.slice(before).map((envelope) => envelope.detail)).toContainEqual({ eventId: 'after-the-fuzz' });
  });
});
