import '../../support/quiet-powertools';
import fc from 'fast-check';
import { BatchGetCommand } from '@aws-sdk/lib-dynamodb';
import { aggregateKeyOf, checkEventRules, decideAggregate, foldProduct, unitOfEvent, type AggregateKey, type ProductEvent, type ProductState } from '../../../domain';
import { parseInboundEvent, PROVINCE_SOURCE, type EventBridgeEnvelope, type InboundEvent } from '../../../events';
import { dynamoDocumentClient } from '../../../functions/storage/dynamodb-client';
import { getProjection, projectionOf, type Projection } from '../../../functions/storage/projection-store';
import { shippedUnitDirectory } from '../../../domain/data/shipped-units';
import type { RejectionRecord } from '../../../functions/storage/rejection-store';
import { countWaiting } from '../../../functions/storage/waiting-store';
import { tableNameEnvironment } from '../../../local/create-tables';
import { historyAndArrival, mixedHistoryAndArrival } from '../../unit/domain/support/arbitraries';
import { createTestTables } from '../../support/dynamodb';
import { envelope } from '../../support/envelopes';
import { startLocalBus, type RunningLocalBus } from '../../support/local-bus';
import { invokeProjectEvent } from '../../support/project';

/**
 * CONTRACT §1 ("the final state must not depend on arrival order",
 * "duplicates change nothing") through the real project-event handler on
 * DynamoDB Local: the histories of test/unit/domain/order-independence
 * (same arbitraries), delivered once in order and once shuffled, with
 * duplicates, cut into SQS batches of random sizes, several invocations at
 * once. Each run renames its aggregates (and eventIds) with a run suffix,
 * so runs share the tables without sharing products.
 */
const SEED = 9009;
const RUNS = 12;
/** The units the handler checks events against (the shipped files, as the test tables hold). */
const units = shippedUnitDirectory();

let inOrderTables: Awaited<ReturnType<typeof createTestTables>>;
let arrivalTables: Awaited<ReturnType<typeof createTestTables>>;
let bus: RunningLocalBus;
let run = 0;

beforeAll(async () => {
  inOrderTables = await createTestTables();
  arrivalTables = await createTestTables();
  bus = await startLocalBus(); // where EventRejected goes
});
afterAll(async () => bus.close());

/** The functions (and the helpers here) use these tables from now on. */
const use = (tables: typeof inOrderTables) => Object.assign(process.env, tableNameEnvironment(tables.prefix));

/** The events of a history under fresh ids: each distinct event one detail (so a duplicate is the same fact), each delivery its own envelope. */
function renamed(suffix: string) {
  const details = new Map<string, Record<string, unknown>>();
  const detailOf = (event: InboundEvent) => {
    const detail = event.detail as Record<string, unknown>;
    let fresh = details.get(event.detail.eventId);
    if (!fresh) {
      fresh = { ...detail, eventId: `${event.detail.eventId}-${suffix}` };
      for (const key of ['productId', 'ipId', 'taskId']) if (typeof detail[key] === 'string') fresh[key] = `${detail[key]}-${suffix}`;
      details.set(event.detail.eventId, fresh);
    }
    return fresh;
  };
  return (event: InboundEvent): EventBridgeEnvelope => envelope(event.source, event.detailType, detailOf(event));
}

const parsed = (e: EventBridgeEnvelope): InboundEvent => {
  const result = parseInboundEvent(e);
  if (!result.ok) throw new Error(result.reasons.join('; '));
  return result.event;
};

/** Messages in batches of the given sizes (cycled), `inFlight` invocations at once; no message may fail. */
async function deliver(messages: readonly EventBridgeEnvelope[], sizes: readonly number[], inFlight: number): Promise<void> {
  const batches: EventBridgeEnvelope[][] = [];
  for (let i = 0, b = 0; i < messages.length; b++) {
    const size = sizes[b % sizes.length]!;
    batches.push(messages.slice(i, i + size));
    i += size;
  }
  let next = 0;
  await Promise.all(
    Array.from({ length: inFlight }, async () => {
      while (next < batches.length) {
        const answer = await invokeProjectEvent(batches[next++]!);
        expect(answer.batchItemFailures).toEqual([]);
      }
    }),
  );
}

/** What an item says, without its write bookkeeping (version, timestamps). */
function contentOf(item: Projection | undefined): Partial<Projection> | undefined {
  if (!item) return undefined;
  const { version: _version, updatedAt: _updatedAt, changedAt: _changedAt, ...content } = item;
  return JSON.parse(JSON.stringify(content)) as Partial<Projection>;
}

async function rejectionsOf(tableName: string, eventIds: readonly string[]): Promise<Map<string, string[]>> {
  const found = new Map<string, string[]>();
  const unique = [...new Set(eventIds)];
  for (let i = 0; i < unique.length; i += 100) {
    let keys: Array<Record<string, unknown>> = unique.slice(i, i + 100).map((rejectionId) => ({ rejectionId }));
    while (keys.length > 0) {
      const page = await dynamoDocumentClient().send(new BatchGetCommand({ RequestItems: { [tableName]: { Keys: keys, ConsistentRead: true } } }));
      for (const item of (page.Responses?.[tableName] ?? []) as RejectionRecord[]) found.set(item.rejectionId, item.reasons);
      keys = (page.UnprocessedKeys?.[tableName]?.Keys ?? []) as Array<Record<string, unknown>>;
    }
  }
  return new Map([...found].sort(([a], [b]) => a.localeCompare(b)));
}

/** What the tables in use hold of a run: each aggregate's item and waiting count, and the rejections. */
async function stored(tables: typeof inOrderTables, keys: readonly AggregateKey[], eventIds: readonly string[]) {
  use(tables);
  const items = new Map<AggregateKey, Partial<Projection> | undefined>();
  const waiting = new Map<AggregateKey, number>();
  for (const pk of keys) {
    items.set(pk, contentOf(await getProjection(pk)));
    waiting.set(pk, await countWaiting(pk));
  }
  return { items, waiting, rejections: await rejectionsOf(tables.names.rejections, eventIds) };
}

/** What the pure domain says of the same events in order: rule checks, then each aggregate's fold. */
function expectedOf(events: readonly InboundEvent[], keys: readonly AggregateKey[]) {
  const rejections = new Map<string, string[]>();
  const valid: InboundEvent[] = [];
  for (const event of events) {
    const reasons = checkEventRules(event, units);
    if (reasons.length > 0) rejections.set(event.detail.eventId, reasons);
    else valid.push(event);
  }
  const items = new Map<AggregateKey, Partial<Projection> | undefined>();
  const waiting = new Map<AggregateKey, number>();
  for (const pk of keys) {
    const own = valid.filter((e) => aggregateKeyOf(e) === pk);
    const decision = decideAggregate(pk, undefined, own, units);
    for (const verdict of decision.verdicts) if (verdict.verdict === 'rejected') rejections.set(verdict.eventId, verdict.reasons);
    items.set(pk, contentOf(decision.state && projectionOf(pk, decision.state, 1)));
    waiting.set(pk, decision.state ? 0 : new Set(own.map((e) => e.detail.eventId)).size);
  }
  return { items, waiting, rejections: new Map([...rejections].sort(([a], [b]) => a.localeCompare(b))) };
}

/** Batch sizes (SQS allows 1 to 10) and how many invocations run at once (the queue's maximumConcurrency is 8). */
const delivery = fc.record({ sizes: fc.array(fc.integer({ min: 1, max: 10 }), { minLength: 1, maxLength: 8 }), inFlight: fc.integer({ min: 2, max: 8 }) });

describe('project-event on DynamoDB Local, for any arrival order', () => {
  it('stores the same items, KPI records, waiting events and rejections as in order, and as the pure fold, with duplicates and concurrent batches', async () => {
    await fc.assert(
      fc.asyncProperty(historyAndArrival, delivery, async ({ events, arrival }, { sizes, inFlight }) => {
        // Prepare
        const toEnvelope = renamed(`r${(run += 1)}`);
        const inOrder = events.map(toEnvelope);
        const asArrived = arrival.map(toEnvelope);
        const eventIds = inOrder.map((e) => (e.detail as { eventId: string }).eventId);
        const keys = [...new Set(inOrder.map((e) => aggregateKeyOf(parsed(e))))].sort();

        // Act
        use(inOrderTables);
        await deliver(inOrder, [10], 1);
        use(arrivalTables);
        await deliver(asArrived, sizes, inFlight);

        // Assess
        const expected = expectedOf(inOrder.map(parsed), keys);
        const fromOrder = await stored(inOrderTables, keys, eventIds);
        const fromArrival = await stored(arrivalTables, keys, eventIds);
        expect(fromOrder).toEqual(expected);
        expect(fromArrival).toEqual(expected);
      }),
      { seed: SEED, numRuns: RUNS, endOnFailure: true },
    );
  });

  it('gives each product to one unit whatever the race between registrations of two units, rejects every event of the other naming the owner, and folds the rest as the pure fold does', async () => {
    use(arrivalTables);
    await fc.assert(
      fc.asyncProperty(mixedHistoryAndArrival, delivery, async ({ arrival }, { sizes, inFlight }) => {
        // Prepare
        const toEnvelope = renamed(`m${(run += 1)}`);
        const asArrived = arrival.map(toEnvelope);
        const events = asArrived.map(parsed).filter((e): e is ProductEvent => aggregateKeyOf(e).startsWith('PRODUCT#') && checkEventRules(e, units).length === 0);
        const productIds = [...new Set(events.map((e) => (e.detail as { productId: string }).productId))].sort();

        // Act
        await deliver(asArrived, sizes, inFlight);

        // Assess
        const rejections = await rejectionsOf(arrivalTables.names.rejections, events.map((e) => e.detail.eventId));
        for (const productId of productIds) {
          const own = events.filter((e) => e.detail.productId === productId);
          const state = (await getProjection(`PRODUCT#${productId}`))?.state as ProductState | undefined;
          const registrations = own.filter((e) => e.detailType === 'ProductRegistered');
          if (registrations.length === 0) {
            expect(state).toBeUndefined();
            continue;
          }
          const owner = state?.registration.districtCode;
          expect(registrations.map(unitOfEvent)).toContain(owner);
          const isForeign = (e: ProductEvent) => unitOfEvent(e) !== owner && (e.detailType === 'ProductRegistered' || e.source !== PROVINCE_SOURCE);
          const foreign = new Set(own.filter(isForeign).map((e) => e.detail.eventId));
          const rejected = own.filter((e) => rejections.has(e.detail.eventId)).map((e) => e.detail.eventId);
          expect(new Set(rejected)).toEqual(foreign);
          for (const eventId of foreign) expect(rejections.get(eventId)!.join(' ')).toContain(`unit ${owner}`);
          // The owner's registration first, then the rest as they arrived: the pure fold of what the handler decided.
          const first = registrations.find((e) => unitOfEvent(e) === owner)!;
          expect(state).toEqual(foldProduct(productId, [first, ...own.filter((e) => e !== first)]).state);
          expect(await countWaiting(`PRODUCT#${productId}`)).toBe(0);
        }
      }),
      { seed: SEED, numRuns: RUNS, endOnFailure: true },
    );
  });
});
