import '../../support/quiet-powertools';
import type { SQSEvent } from 'aws-lambda';
import { addDays, type ProductState } from '../../../domain';
import type { EventBridgeEnvelope } from '../../../events';
import { WAITING_EVENTS_PER_INVOCATION } from '../../../functions/project-event/settle-request';
import { eventBridge } from '../../../functions/shared/clients';
import { dynamoDocumentClient } from '../../../functions/storage/dynamodb-client';
import { getProjection } from '../../../functions/storage/projection-store';
import { countWaiting } from '../../../functions/storage/waiting-store';
import { createTestTables } from '../../support/dynamodb';
import { details, envelope } from '../../support/envelopes';
import { startLocalBus, type RunningLocalBus } from '../../support/local-bus';
import { invokeProjectEvent } from '../../support/project';

/**
 * A registration with a long queue of waiting events (events of the product
 * received before its registration): it settles them in bounded chunks, one
 * per invocation, each next chunk asked for by a follow-up message on the
 * inbound queue (through the bus), and nothing is lost when an invocation
 * fails midway. Every invocation goes through the real handler.
 */
const district = (code: string) => `ocop.district.${code}`;
const stateOf = async (productId: string) => (await getProjection(`PRODUCT#${productId}`))?.state as ProductState | undefined;

let names: Awaited<ReturnType<typeof createTestTables>>['names'];
let bus: RunningLocalBus;
/** Per invocation through the bus (the follow-ups): how many of the product's waiting events it settled. */
let settledPerFollowUp: number[] = [];
let watched = '';
/** Faults the functions' clients meet once each while armed: a removal of waiting events (in a follow-up), a follow-up message. */
const faults = { removeWaiting: false, putFollowUp: false };
let inFollowUp = false;

beforeAll(async () => {
  ({ names } = await createTestTables());
  bus = await startLocalBus({
    functions: {
      'project-event': async (event) => {
        const before = await countWaiting(`PRODUCT#${watched}`);
        inFollowUp = true;
        const answer = await invokeProjectEvent(event as SQSEvent).finally(() => (inFollowUp = false));
        settledPerFollowUp.push(before - (await countWaiting(`PRODUCT#${watched}`)));
        return answer;
      },
    },
  });
  // A removal of waiting events, and a follow-up message, that fail once when armed: an invocation failing midway.
  dynamoDocumentClient().middlewareStack.add(
    (next, context) => async (args) => {
      const input = args.input as { RequestItems?: Record<string, { DeleteRequest?: unknown }[]> };
      if (faults.removeWaiting && inFollowUp && context.commandName === 'BatchWriteItemCommand' && input.RequestItems?.[names.waiting]?.some((r) => r.DeleteRequest)) {
        faults.removeWaiting = false;
        throw new Error('injected: the removal of settled waiting events failed');
      }
      return next(args);
    },
    { step: 'initialize', name: 'waitingFaults' },
  );
  eventBridge().middlewareStack.add(
    (next) => async (args) => {
      const entries = (args.input as { Entries?: { DetailType?: string }[] }).Entries ?? [];
      if (faults.putFollowUp && entries.some((e) => e.DetailType !== 'EventRejected')) {
        faults.putFollowUp = false;
        throw new Error('injected: the follow-up message was not put on the bus');
      }
      return next(args);
    },
    { step: 'initialize', name: 'followUpFaults' },
  );
});
afterAll(async () => bus.close());
beforeEach(() => {
  settledPerFollowUp = [];
});

/** `count` listing changes of a product on distinct days (before the 2025 reform: a district publishes them). */
function listingChanges(productId: string, count: number): EventBridgeEnvelope[] {
  return Array.from({ length: count }, (_, i) => {
    const at = `${addDays('2018-07-01', i)}T09:00:00+07:00`;
    return i % 2 === 0
      ? envelope(district('845'), 'ProductListedOnMarketplace', details.listed(productId, 'postmart', at, '845'))
      : envelope(district('845'), 'ProductDelistedFromMarketplace', details.delisted(productId, 'postmart', at, '845'));
  });
}

/** Takes events through the real handler, 10 per batch (the queue's batch size), a few batches at once. */
async function projectInBatches(events: readonly EventBridgeEnvelope[]): Promise<void> {
  const batches = Array.from({ length: Math.ceil(events.length / 10) }, (_, i) => events.slice(i * 10, i * 10 + 10));
  let next = 0;
  await Promise.all(
    Array.from({ length: 4 }, async () => {
      while (next < batches.length) expect(await invokeProjectEvent(batches[next++]!)).toEqual({ batchItemFailures: [] });
    }),
  );
}

describe('project-event: a registration settles a long queue of waiting events in bounded chunks', () => {
  it('settles 2,500 waiting events a chunk per invocation, the rest through follow-up messages, until every one is applied', async () => {
    // Prepare
    watched = 'P-LONGQUEUE';
    const changes = listingChanges(watched, 2500);
    await projectInBatches(changes);
    expect(await countWaiting(`PRODUCT#${watched}`)).toBe(2500);
    const registration = envelope(district('845'), 'ProductRegistered', details.registered(watched, '845', { occurredAt: '2018-06-01T09:00:00+07:00' }));

    // Act
    const answer = await invokeProjectEvent([registration]);
    const waitingAfterRegistration = await countWaiting(`PRODUCT#${watched}`);
    await bus.drain();

    // Assess
    expect(answer).toEqual({ batchItemFailures: [] });
    expect(waitingAfterRegistration).toBeGreaterThan(0);
    expect(waitingAfterRegistration).toBe(2500 - WAITING_EVENTS_PER_INVOCATION);
    expect(settledPerFollowUp).toHaveLength(Math.ceil(2500 / WAITING_EVENTS_PER_INVOCATION) - 1);
    expect(Math.max(...settledPerFollowUp)).toBeLessThanOrEqual(WAITING_EVENTS_PER_INVOCATION);
    expect(await countWaiting(`PRODUCT#${watched}`)).toBe(0);
    const state = await stateOf(watched);
    expect(state?.listings[0]?.days).toHaveLength(2500);
    expect(bus.failedDeliveries).toEqual({});
    expect(bus.deadLetters()).toEqual([]);
  });

  it('loses nothing when an invocation fails midway: when its follow-up is not put, and when its removal of settled events fails', async () => {
    // Prepare
    watched = 'P-MIDWAY';
    const count = 2 * WAITING_EVENTS_PER_INVOCATION + 30;
    await projectInBatches(listingChanges(watched, count));
    const registration = envelope(district('845'), 'ProductRegistered', details.registered(watched, '845', { occurredAt: '2018-06-01T09:00:00+07:00' }));

    // Act: the registration's chunk is settled but its follow-up is not put, so the queue delivers it again;
    // that delivery settles the next chunk, and the follow-up it puts fails to remove its chunk once (the queue delivers it again too)
    faults.putFollowUp = true;
    const answer = await invokeProjectEvent([registration]);
    const waitingAfterFailure = await countWaiting(`PRODUCT#${watched}`);
    faults.removeWaiting = true;
    const again = await invokeProjectEvent([registration]);
    await bus.drain();

    // Assess
    expect(answer.batchItemFailures).toHaveLength(1);
    expect(waitingAfterFailure).toBe(count - WAITING_EVENTS_PER_INVOCATION);
    expect(again).toEqual({ batchItemFailures: [] });
    expect(faults).toEqual({ removeWaiting: false, putFollowUp: false });
    expect(bus.failedDeliveries['project-event']).toBe(1);
    expect(await countWaiting(`PRODUCT#${watched}`)).toBe(0);
    expect((await stateOf(watched))?.listings[0]?.days).toHaveLength(count);
    expect(bus.deadLetters()).toEqual([]);
  });
});
