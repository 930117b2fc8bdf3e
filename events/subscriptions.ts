import { OUTBOUND_DETAIL_TYPES } from './catalog';
import { OCOP_SOURCE_PREFIX } from './vocabulary';

/** An EventBridge event pattern, as JSON (https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-event-patterns.html). */
export type EventPattern = { [field: string]: unknown };

/** Where a matching event goes: one of the functions of functions/catalog.ts, or the bus's audit log. */
export type SubscriptionTarget = { kind: 'function'; functionId: string } | { kind: 'audit-log' };

export interface Subscription {
  /** Rule name suffix, stable: renaming it replaces the deployed rule. */
  id: string;
  description: string;
  pattern: EventPattern;
  target: SubscriptionTarget;
}

/**
 * Which consumer receives which events. The CDK app turns each entry into an
 * EventBridge rule; `npm start` routes PutEvents through the same patterns.
 */
export const subscriptions: readonly Subscription[] = [
  {
    id: 'project-inbound-events',
    description:
      'Every event from an ocop.* source except the ones this system announces itself. ' +
      'Unknown detail types are matched on purpose, so a typo becomes a visible rejection instead of vanishing.',
    pattern: {
      source: [{ prefix: OCOP_SOURCE_PREFIX }],
      'detail-type': [{ 'anything-but': [...OUTBOUND_DETAIL_TYPES] }],
    },
    target: { kind: 'function', functionId: 'project-event' },
  },
  {
    id: 'audit-every-event',
    description: 'Catch-all: every event on the bus is written to the audit log, so nothing on the bus is invisible.',
    pattern: { source: [{ prefix: '' }] },
    target: { kind: 'audit-log' },
  },
];
