import '../../support/quiet-powertools';
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import type { ProductState } from '../../../domain';
import type { EventBridgeEnvelope } from '../../../events';
import { dynamoDocumentClient } from '../../../functions/storage/dynamodb-client';
import { contentHashOf, type EventLogRecord } from '../../../functions/storage/event-log-store';
import { getProjection } from '../../../functions/storage/projection-store';
import type { RejectionRecord } from '../../../functions/storage/rejection-store';
import { createTestTables } from '../../support/dynamodb';
import { details, envelope } from '../../support/envelopes';
import { startLocalBus, type RunningLocalBus } from '../../support/local-bus';
import { invokeProjectEvent } from '../../support/project';

/**
 * Two writers of one eventId: the event log is the source of truth, so its
 * append must be conditional. Two batches carrying one eventId are made to
 * race deterministically: each one's check of the log (BatchGetItem) is held
 * until both have read, so both see the eventId as new before either appends.
 */
const district = (code: string) => `ocop.district.${code}`;
const eventIdOf = (e: EventBridgeEnvelope) => (e.detail as { eventId: string }).eventId;

let names: Awaited<ReturnType<typeof createTestTables>>['names'];
let bus: RunningLocalBus;
/** SDK calls the functions made, by command and table, since the last reset. */
const calls: { command: string; tables: string[] }[] = [];
/** While set, the first two reads of the log wait for each other. */
let race: { arrived: number; bothRead: Promise<void>; release(): void } | undefined;

function armRace(): void {
  let release!: () => void;
  const bothRead = new Promise<void>((resolve) => (release = resolve));
  race = { arrived: 0, bothRead, release };
}

beforeAll(async () => {
  ({ names } = await createTestTables());
  bus = await startLocalBus();
  dynamoDocumentClient().middlewareStack.add(
    (next, context) => async (args) => {
      const input = args.input as { TableName?: string; RequestItems?: Record<string, unknown>; TransactItems?: unknown[] };
      const touched = input.TableName ? [input.TableName] : Object.keys(input.RequestItems ?? {});
      calls.push({ command: context.commandName ?? '', tables: touched });
      const output = await next(args);
      if (race && race.arrived < 2 && context.commandName?.startsWith('BatchGet') && touched.includes(names.events)) {
        race.arrived += 1;
        if (race.arrived === 2) race.release();
        // Never longer than a few seconds: a reader that does not come must not hang the test.
        let timer: NodeJS.Timeout | undefined;
        await Promise.race([race.bothRead, new Promise((resolve) => (timer = setTimeout(resolve, 5000)))]);
        clearTimeout(timer);
      }
      return output;
    },
    { step: 'initialize', name: 'eventLogRaceProbe' },
  );
});
afterAll(async () => bus.close());
beforeEach(() => {
  calls.length = 0;
  race = undefined;
});

const logged = async (eventId: string) =>
  (await dynamoDocumentClient().send(new GetCommand({ TableName: names.events, Key: { eventId }, ConsistentRead: true }))).Item as EventLogRecord | undefined;
const rejection = async (rejectionId: string) =>
  (await dynamoDocumentClient().send(new GetCommand({ TableName: names.rejections, Key: { rejectionId }, ConsistentRead: true }))).Item as RejectionRecord | undefined;
const writesTo = (table: string, command: string) => calls.filter((c) => c.command === command && c.tables.includes(table)).length;

describe('project-event: appending to the event log under races', () => {
  it('keeps exactly one of two concurrent batches carrying one eventId with different content; the other becomes a kept rejection, nothing overwritten', async () => {
    // Prepare
    const registered = envelope(district('845'), 'ProductRegistered', details.registered('P-RACE', '845'));
    expect(await invokeProjectEvent([registered])).toEqual({ batchItemFailures: [] });
    const first = envelope(district('845'), 'ProductRated', details.rated('P-RACE', 75, 4, '2023-05-10', '845'));
    const second = envelope(district('845'), 'ProductRated', { ...(first.detail as object), score: 62, stars: 3 });
    const eventId = eventIdOf(first);
    armRace();

    // Act
    const answers = await Promise.all([invokeProjectEvent([first]), invokeProjectEvent([second])]);

    // Assess
    expect(answers).toEqual([{ batchItemFailures: [] }, { batchItemFailures: [] }]);
    expect(race?.arrived).toBe(2);
    const kept = await logged(eventId);
    const [winner, loser] = kept?.contentHash === contentHashOf(first) ? [first, second] : [second, first];
    expect(kept?.contentHash).toBe(contentHashOf(winner));
    expect(kept?.envelope.detail).toEqual(winner.detail);
    const product = (await getProjection('PRODUCT#P-RACE'))?.state as ProductState;
    expect(product.decisions).toHaveLength(1);
    expect(product.decisions[0]!.score).toBe((winner.detail as { score: number }).score);
    const refused = await rejection(`${eventId}#reused-${contentHashOf(loser).slice(0, 16)}`);
    expect(refused?.reasons).toEqual([expect.stringContaining(`eventId ${eventId} reused with different content`)]);
    expect((refused?.original as EventBridgeEnvelope).detail).toEqual(loser.detail);
    expect(await rejection(`${eventId}#reused-${contentHashOf(winner).slice(0, 16)}`)).toBeUndefined();
  });

  it('takes the same content from two concurrent batches as one event and a harmless duplicate', async () => {
    // Prepare
    const registered = envelope(district('845'), 'ProductRegistered', details.registered('P-TWICE', '845'));
    expect(await invokeProjectEvent([registered])).toEqual({ batchItemFailures: [] });
    const rated = envelope(district('845'), 'ProductRated', details.rated('P-TWICE', 75, 4, '2023-05-10', '845'));
    armRace();

    // Act
    const answers = await Promise.all([invokeProjectEvent([rated]), invokeProjectEvent([{ ...rated, id: 'a-second-delivery' }])]);

    // Assess
    expect(answers).toEqual([{ batchItemFailures: [] }, { batchItemFailures: [] }]);
    expect(race?.arrived).toBe(2);
    expect((await logged(eventIdOf(rated)))?.contentHash).toBe(contentHashOf(rated));
    expect(((await getProjection('PRODUCT#P-TWICE'))?.state as ProductState).decisions).toHaveLength(1);
    expect(await rejection(`${eventIdOf(rated)}#reused-${contentHashOf(rated).slice(0, 16)}`)).toBeUndefined();
    expect(await rejection(eventIdOf(rated))).toBeUndefined();
  });

  it('appends with one conditional PutItem per new event, and writes nothing to the log for a redelivery', async () => {
    // Prepare
    const registered = envelope(district('845'), 'ProductRegistered', details.registered('P-COUNT', '845'));
    expect(await invokeProjectEvent([registered])).toEqual({ batchItemFailures: [] });
    const listings = Array.from({ length: 10 }, (_, i) =>
      envelope(district('845'), 'ProductListedOnMarketplace', details.listed('P-COUNT', 'postmart', `2024-03-${String(i + 10)}T09:00:00+07:00`, '845')),
    );
    calls.length = 0;

    // Act
    const fresh = await invokeProjectEvent(listings);
    const freshPuts = writesTo(names.events, 'PutItemCommand');
    const freshBatchWrites = writesTo(names.events, 'BatchWriteItemCommand');
    calls.length = 0;
    const again = await invokeProjectEvent(listings);

    // Assess: 10 new events, 10 write requests to the log (BatchWriteItem would take 1, unconditionally)
    expect(fresh).toEqual({ batchItemFailures: [] });
    expect(again).toEqual({ batchItemFailures: [] });
    expect({ freshPuts, freshBatchWrites }).toEqual({ freshPuts: listings.length, freshBatchWrites: 0 });
    expect(writesTo(names.events, 'PutItemCommand') + writesTo(names.events, 'BatchWriteItemCommand')).toBe(0);
    expect(((await getProjection('PRODUCT#P-COUNT'))?.state as ProductState).listings[0]!.days).toHaveLength(10);
  });
});
