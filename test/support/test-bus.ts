import { LocalEventBus, startPutEventsServer, type EventBridgeEnvelope } from '../../local/eventbridge';
import { subscriptions } from '../../events/subscriptions';

/**
 * The project's local EventBridge (the one `npm start` serves) with the real
 * subscriptions, for tests of functions that put events: every event on the
 * bus is captured through the catch-all audit rule. Sets EVENTS_ENDPOINT.
 */
export interface TestBus {
  endpoint: string;
  /** Every event the bus accepted (the catch-all rule's deliveries). */
  seen: EventBridgeEnvelope[];
  close(): Promise<void>;
}

export async function startTestBus(): Promise<TestBus> {
  const seen: EventBridgeEnvelope[] = [];
  const bus = new LocalEventBus({
    subscriptions,
    targets: { invokeFunction: async () => undefined, auditLog: (envelope) => void seen.push(envelope) },
    log: () => undefined,
  });
  const server = await startPutEventsServer({ host: '127.0.0.1', port: 0, bus });
  process.env.EVENTS_ENDPOINT = server.url;
  process.env.EVENT_BUS_NAME = 'ocop-pulse';
  return {
    endpoint: server.url,
    seen,
    close: async () => {
      await server.close();
      await bus.close();
    },
  };
}
