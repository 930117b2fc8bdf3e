import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { auditSubscription } from '../../../events/subscriptions';
import { lambdaFunctions, type FunctionId } from '../../../functions/catalog';
import { routeTable } from '../../../functions/http-api/route-table';
import { asynchronouslyInvoked, consumesQueue, functionTriggers, httpApi, queues, schedules, streamConsumers, subscriptions } from '../../../functions/triggers';

const REPOSITORY_ROOT = join(__dirname, '..', '..', '..');
const FUNCTION_IDS = Object.keys(lambdaFunctions) as FunctionId[];

describe('functions/triggers.ts: the views of every function\'s trigger', () => {
  it('finds the triggers of each function in its own folder, beside its handler', () => {
    for (const functionId of FUNCTION_IDS) {
      // Prepare
      const folder = join(REPOSITORY_ROOT, 'functions', functionId);

      // Act
      const triggers = functionTriggers[functionId];

      // Assess
      expect(join(REPOSITORY_ROOT, lambdaFunctions[functionId].entry).startsWith(folder)).toBe(true);
      expect(existsSync(join(folder, 'trigger.ts'))).toBe(true);
      expect(triggers.length).toBeGreaterThan(0);
    }
  });

  it('gives the bus one rule per queue trigger, sending to its queue, and the audit rule last', () => {
    // Prepare
    const queueTriggers = FUNCTION_IDS.flatMap((functionId) =>
      functionTriggers[functionId].flatMap((trigger) => (trigger.kind === 'queue' ? [{ functionId, trigger }] : [])),
    );

    // Act
    const ruleIds = subscriptions.map((subscription) => subscription.id);

    // Assess
    expect(ruleIds).toEqual([...queueTriggers.map(({ trigger }) => trigger.rule.id), auditSubscription.id]);
    for (const { functionId, trigger } of queueTriggers) {
      expect(subscriptions.find((subscription) => subscription.id === trigger.rule.id)).toEqual({ ...trigger.rule, target: { kind: 'queue', queueId: trigger.queue.id } });
      const { id, ...settings } = trigger.queue;
      expect(queues[id as keyof typeof queues]).toEqual({ ...settings, consumer: functionId });
    }
    expect(new Set(ruleIds).size).toBe(ruleIds.length);
  });

  it('lists the schedules, the stream consumers and the HTTP function from the triggers', () => {
    // Act
    const scheduled = schedules.map((schedule) => [schedule.id, schedule.functionId]);

    // Assess
    expect(scheduled).toEqual([
      ['weekly-kpi-report', 'send-kpi-report'],
      ['daily-snapshot', 'recompute-snapshot'],
      ['announce-rejections', 'announce-rejections'],
    ]);
    expect(streamConsumers.map(({ functionId, trigger }) => [functionId, trigger.table])).toEqual([['recompute-snapshot', 'projections']]);
    expect(httpApi).toEqual({ functionId: 'http-api', routes: routeTable });
  });

  it('says which functions are invoked asynchronously (a schedule) and which consume a queue, never both', () => {
    // Act
    const invokedBy = FUNCTION_IDS.map((functionId) => [functionId, asynchronouslyInvoked(functionId), consumesQueue(functionId)]);

    // Assess
    expect(invokedBy).toEqual([
      ['project-event', false, true],
      ['recompute-snapshot', true, false],
      ['send-kpi-report', true, false],
      ['http-api', false, false],
      ['announce-rejections', true, false],
    ]);
  });
});
