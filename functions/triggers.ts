import { auditSubscription, type Subscription } from '../events/subscriptions';
import { announceRejectionsTriggers } from './announce-rejections/trigger';
import type { FunctionId } from './catalog';
import { httpApiTriggers } from './http-api/trigger';
import { projectEventTriggers } from './project-event/trigger';
import { recomputeSnapshotTriggers } from './recompute-snapshot/trigger';
import { sendKpiReportTriggers } from './send-kpi-report/trigger';
import type { QueueSettings, ScheduleTrigger, StreamTrigger, Trigger } from './trigger-kinds';

export class TriggerDefinitionError extends Error {
  override name = 'TriggerDefinitionError';
}

/**
 * Every function's triggers, each declared beside its function
 * (functions/<name>/trigger.ts), and the views of them the CDK app and
 * `npm start` read: the bus rules, the work queues, the schedules, the stream
 * consumers and the HTTP API's function. Nothing here is defined anew.
 */
// The order is the order of the views below (rules, schedules: the CDK app's resources and dashboard follow it).
export const functionTriggers = {
  'project-event': projectEventTriggers,
  'send-kpi-report': sendKpiReportTriggers,
  'recompute-snapshot': recomputeSnapshotTriggers,
  'http-api': httpApiTriggers,
  'announce-rejections': announceRejectionsTriggers,
} as const satisfies Record<FunctionId, readonly Trigger[]>;

type TriggerOf<K extends Trigger['kind']> = Extract<(typeof functionTriggers)[FunctionId][number], { kind: K }>;

/** Each trigger of a kind, with the function it invokes, in the order of functionTriggers. */
function triggersOfKind<K extends Trigger['kind']>(kind: K): Array<{ functionId: FunctionId; trigger: TriggerOf<K> }> {
  return (Object.entries(functionTriggers) as [FunctionId, readonly Trigger[]][]).flatMap(([functionId, triggers]) =>
    triggers.filter((trigger): trigger is TriggerOf<K> => trigger.kind === kind).map((trigger) => ({ functionId, trigger })),
  );
}

/** A work queue (the queue of a function's queue trigger) and the function that consumes it. */
export type QueueDefinition = Omit<QueueSettings, 'id'> & { consumer: FunctionId };
export type QueueId = TriggerOf<'queue'>['queue']['id'];

/** The work queues, by id: the CDK app builds each with its dead-letter queue and event source mapping, the local bus runs each. */
export const queues = Object.fromEntries(
  triggersOfKind('queue').map(({ functionId, trigger: { queue } }) => {
    const { id, ...settings } = queue;
    return [id, { ...settings, consumer: functionId }];
  }),
) as Record<QueueId, QueueDefinition>;

/** The rules of the bus, in order: one per queue trigger (to its queue), then the audit log's. */
export const subscriptions: readonly Subscription[] = [
  ...triggersOfKind('queue').map(({ trigger: { rule, queue } }) => ({ ...rule, target: { kind: 'queue' as const, queueId: queue.id } })),
  auditSubscription,
];

/** A schedule and the function it invokes. */
export type ScheduleDefinition = ScheduleTrigger & { functionId: FunctionId };

/** The schedules: EventBridge Scheduler in the CDK app, an in-process cron under `npm start`. */
export const schedules: readonly ScheduleDefinition[] = triggersOfKind('schedule').map(({ functionId, trigger }) => ({ ...trigger, functionId }));

/** The functions a table's stream invokes, with their stream settings. */
export const streamConsumers: ReadonlyArray<{ functionId: FunctionId; trigger: StreamTrigger }> = triggersOfKind('stream');

/** The function behind the HTTP API (the one with an `http` trigger), and its routes. */
export const httpApi = (() => {
  const [only, ...others] = triggersOfKind('http');
  if (!only || others.length > 0) throw new TriggerDefinitionError('Exactly one function must have an http trigger');
  return { functionId: only.functionId, routes: only.trigger.routes };
})();

/** Functions invoked asynchronously (by a schedule): Lambda retries them twice, then a dead-letter queue of their own keeps the event. */
export function asynchronouslyInvoked(functionId: FunctionId): boolean {
  return schedules.some((schedule) => schedule.functionId === functionId);
}

/** Functions invoked by the event source mapping of their work queue. */
export function consumesQueue(functionId: FunctionId): boolean {
  return Object.values(queues).some((queue) => queue.consumer === functionId);
}
