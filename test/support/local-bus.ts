import type { SQSBatchResponse, SQSEvent } from 'aws-lambda';
import { LocalEventBus, startPutEventsServer, type DeadLetter, type BusEvent } from '../../local/eventbridge';
import { queues, subscriptions } from '../../functions/triggers';

/**
 * The project's local EventBridge with the real subscriptions and queues
 * (the functions' queue triggers), routing to the function targets a test gives (by
 * function id; the others do nothing) and capturing every event on the bus
 * through the catch-all audit rule. A queue's consumer receives SQS events.
 * `drain()` waits until every delivery (and every redelivery) has settled.
 * Sets EVENTS_ENDPOINT and EVENT_BUS_NAME.
 */
export type FunctionTarget = (event: SQSEvent) => Promise<unknown>;

export interface RunningLocalBus {
  endpoint: string;
  /** Every event the bus accepted, as the audit rule received it. */
  seen: BusEvent[];
  /** Messages a function target failed, by function id: thrown, or reported in batchItemFailures. */
  failedDeliveries: Record<string, number>;
  drain(): Promise<void>;
  deadLetters(): readonly DeadLetter[];
  close(): Promise<void>;
}

export async function startLocalBus({
  functions = {},
  retryBaseDelayMs = 20,
  queueTimeScale = 0.001,
}: { functions?: Record<string, FunctionTarget>; retryBaseDelayMs?: number; queueTimeScale?: number } = {}): Promise<RunningLocalBus> {
  const seen: BusEvent[] = [];
  const failedDeliveries: Record<string, number> = {};
  const count = (functionId: string, n: number) => void (failedDeliveries[functionId] = (failedDeliveries[functionId] ?? 0) + n);
  const bus = new LocalEventBus({
    subscriptions,
    queues,
    queueTimeScale,
    retryBaseDelayMs,
    retryMaxDelayMs: 20 * retryBaseDelayMs,
    targets: {
      invokeFunction: async (functionId, event) => {
        const target = functions[functionId];
        if (!target) return undefined;
        const messages = (event as SQSEvent).Records.length;
        try {
          const answer = await target(event as SQSEvent);
          const failures = (answer as Partial<SQSBatchResponse> | undefined)?.batchItemFailures?.length ?? 0;
          if (failures > 0) count(functionId, failures);
          return answer;
        } catch (error) {
          count(functionId, messages);
          throw error;
        }
      },
      auditLog: (envelope) => void seen.push(envelope),
    },
    log: () => undefined,
  });
  const server = await startPutEventsServer({ host: '127.0.0.1', port: 0, bus });
  process.env.EVENTS_ENDPOINT = server.url;
  process.env.EVENT_BUS_NAME = 'ocop-pulse';
  return {
    endpoint: server.url,
    seen,
    failedDeliveries,
    drain: () => bus.drain(),
    deadLetters: () => bus.deadLetters(),
    close: async () => {
      await server.close();
      await bus.close();
    },
  };
}
