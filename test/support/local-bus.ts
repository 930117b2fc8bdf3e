import { LocalEventBus, startPutEventsServer, type DeadLetter, type EventBridgeEnvelope } from '../../local/eventbridge';
import { subscriptions } from '../../events/subscriptions';

/**
 * The project's local EventBridge with the real subscriptions, routing to the
 * function targets a test gives (by function id; the others do nothing) and
 * capturing every event on the bus through the catch-all audit rule.
 * `drain()` waits until every delivery (and every retry) has settled.
 * Sets EVENTS_ENDPOINT and EVENT_BUS_NAME.
 */
export type FunctionTarget = (envelope: EventBridgeEnvelope) => Promise<unknown>;

export interface RunningLocalBus {
  endpoint: string;
  /** Every event the bus accepted, as the audit rule received it. */
  seen: EventBridgeEnvelope[];
  /** Deliveries to function targets that failed, by function id (each one is retried by the bus). */
  failedDeliveries: Record<string, number>;
  drain(): Promise<void>;
  deadLetters(): readonly DeadLetter[];
  close(): Promise<void>;
}

export async function startLocalBus({ functions = {}, retryBaseDelayMs = 20 }: { functions?: Record<string, FunctionTarget>; retryBaseDelayMs?: number } = {}): Promise<RunningLocalBus> {
  const seen: EventBridgeEnvelope[] = [];
  const failedDeliveries: Record<string, number> = {};
  const bus = new LocalEventBus({
    subscriptions,
    retryBaseDelayMs,
    retryMaxDelayMs: 20 * retryBaseDelayMs,
    targets: {
      invokeFunction: async (functionId, envelope) => {
        const target = functions[functionId];
        if (!target) return undefined;
        try {
          return await target(envelope);
        } catch (error) {
          failedDeliveries[functionId] = (failedDeliveries[functionId] ?? 0) + 1;
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
