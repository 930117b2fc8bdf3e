import type { CfnElement } from 'aws-cdk-lib';
import { lambdaFunctions, type FunctionId } from '../../functions/catalog';
import { asynchronouslyInvoked, queues, schedules, subscriptions, type QueueId } from '../../functions/triggers';
import { resourcePrefix, workDeadLetterQueueName, workQueueName } from '../../infra/stacks/naming';
import { resourcesOfType, synthesizeOcopApp, type SynthesizedApp } from './support/synthesized-app';

/** The work queues of the functions' queue triggers in the prod template: queue, dead letters, event source mapping, alarms, rule target. */
const QUEUE_IDS = Object.keys(queues) as QueueId[];

let synthesized: SynthesizedApp;
beforeAll(() => {
  synthesized = synthesizeOcopApp('prod', { bundling: false });
});

const logicalIdOf = (construct: { node: { defaultChild?: unknown } }) => synthesized.logicalId(construct.node.defaultChild as CfnElement);

describe('the work queues', () => {
  it('builds the queue of each queue trigger with its visibility, retention, encryption and a redrive policy into its own dead-letter queue', () => {
    for (const queueId of QUEUE_IDS) {
      // Prepare
      const definition = queues[queueId];
      const built = synthesized.stateless.workQueues.queues[queueId];
      const sqsQueues = resourcesOfType(synthesized.statelessTemplate, 'AWS::SQS::Queue');

      // Act
      const queue = sqsQueues[logicalIdOf(built.queue)]!.Properties!;
      const deadLetters = sqsQueues[logicalIdOf(built.deadLetterQueue)]!.Properties!;

      // Assess
      const prefix = resourcePrefix(synthesized.config);
      expect(queue).toMatchObject({
        QueueName: workQueueName(prefix, queueId),
        VisibilityTimeout: definition.visibilityTimeoutSeconds,
        MessageRetentionPeriod: definition.retentionSeconds,
        SqsManagedSseEnabled: true,
        RedrivePolicy: { deadLetterTargetArn: { 'Fn::GetAtt': [logicalIdOf(built.deadLetterQueue), 'Arn'] }, maxReceiveCount: definition.maxReceiveCount },
      });
      expect(deadLetters).toMatchObject({
        QueueName: workDeadLetterQueueName(prefix, queueId),
        MessageRetentionPeriod: definition.deadLetterRetentionSeconds,
        SqsManagedSseEnabled: true,
      });
      expect(definition.visibilityTimeoutSeconds).toBeGreaterThanOrEqual(lambdaFunctions[definition.consumer].timeoutSeconds);
    }
  });

  it('feeds each queue to its consumer in batches that report their failed items, with the window and maximum concurrency of the definition', () => {
    for (const queueId of QUEUE_IDS) {
      // Prepare
      const definition = queues[queueId];
      const queueLogicalId = logicalIdOf(synthesized.stateless.workQueues.queues[queueId].queue);
      const consumerLogicalId = logicalIdOf(synthesized.stateless.functions[definition.consumer].function);

      // Act
      const mappings = Object.values(resourcesOfType(synthesized.statelessTemplate, 'AWS::Lambda::EventSourceMapping')).filter(
        (mapping) => JSON.stringify(mapping.Properties!.EventSourceArn) === JSON.stringify({ 'Fn::GetAtt': [queueLogicalId, 'Arn'] }),
      );

      // Assess
      expect(mappings).toHaveLength(1);
      expect(mappings[0]!.Properties).toMatchObject({
        FunctionName: { Ref: consumerLogicalId },
        BatchSize: definition.batchSize,
        MaximumBatchingWindowInSeconds: definition.maximumBatchingWindowSeconds,
        ScalingConfig: { MaximumConcurrency: definition.maximumConcurrency },
        FunctionResponseTypes: ['ReportBatchItemFailures'],
      });
    }
  });

  it('lets only the bus rule that targets a queue send to it, and only its consumer receive from it', () => {
    for (const queueId of QUEUE_IDS) {
      // Prepare
      const queueLogicalId = logicalIdOf(synthesized.stateless.workQueues.queues[queueId].queue);
      const feeding = subscriptions.filter((subscription) => subscription.target.kind === 'queue' && subscription.target.queueId === queueId);

      // Act
      const policy = Object.values(resourcesOfType(synthesized.statelessTemplate, 'AWS::SQS::QueuePolicy')).find((candidate) =>
        JSON.stringify(candidate.Properties!.Queues).includes(`"${queueLogicalId}"`),
      )!;
      const statements = (policy.Properties!.PolicyDocument as { Statement: Array<Record<string, any>> }).Statement;
      const allowed = statements.filter((statement) => statement.Effect === 'Allow');
      const receivers = Object.values(resourcesOfType(synthesized.statelessTemplate, 'AWS::IAM::Policy')).filter((iamPolicy) =>
        JSON.stringify(iamPolicy.Properties!.PolicyDocument).match(new RegExp(`"sqs:ReceiveMessage".*"${queueLogicalId}"|"${queueLogicalId}".*"sqs:ReceiveMessage"`)),
      );

      // Assess
      expect(feeding.length).toBeGreaterThan(0);
      expect(allowed.map((statement) => statement.Principal)).toEqual(feeding.map(() => ({ Service: 'events.amazonaws.com' })));
      for (const [index, subscription] of feeding.entries()) {
        const rule = synthesized.stateless.node.findChild('Subscriptions').node.findChild(subscription.id) as unknown as { node: { defaultChild: unknown } };
        expect(allowed[index]!.Condition).toEqual({ ArnEquals: { 'aws:SourceArn': { 'Fn::GetAtt': [logicalIdOf(rule), 'Arn'] } } });
      }
      expect(receivers.map((iamPolicy) => JSON.stringify(iamPolicy.Properties!.Roles))).toEqual([
        JSON.stringify([{ Ref: logicalIdOf(synthesized.stateless.functions[queues[queueId].consumer].role) }]),
      ]);
    }
  });

  it("alarms on each queue's backlog and the age of its oldest message at the definition's thresholds, and on its dead letters", () => {
    for (const queueId of QUEUE_IDS) {
      // Prepare
      const { alarms } = queues[queueId];
      const built = synthesized.stateless.workQueues.queues[queueId];

      // Act
      const onQueue = (queue: typeof built.queue, metricName: string) =>
        Object.values(resourcesOfType(synthesized.statelessTemplate, 'AWS::CloudWatch::Alarm'))
          .map((alarm) => alarm.Properties!)
          .filter((alarm) => alarm.MetricName === metricName && JSON.stringify(alarm.Dimensions).includes(`"${logicalIdOf(queue)}"`));

      // Assess
      expect(onQueue(built.queue, 'ApproximateNumberOfMessagesVisible').map((alarm) => alarm.Threshold)).toEqual([alarms.visibleMessages]);
      expect(onQueue(built.queue, 'ApproximateAgeOfOldestMessage').map((alarm) => alarm.Threshold)).toEqual([alarms.oldestMessageAgeSeconds]);
      expect(onQueue(built.deadLetterQueue, 'ApproximateNumberOfMessagesVisible').map((alarm) => alarm.Threshold)).toEqual([1]);
    }
  });

  it('leaves a queue consumer without an asynchronous dead-letter queue, and keeps one for scheduled functions', () => {
    // Prepare
    const consumers = new Set<FunctionId>(Object.values(queues).map((queue) => queue.consumer));
    const functions = resourcesOfType(synthesized.statelessTemplate, 'AWS::Lambda::Function');

    for (const functionId of Object.keys(lambdaFunctions) as FunctionId[]) {
      // Act
      const deadLetterConfig = functions[logicalIdOf(synthesized.stateless.functions[functionId].function)]!.Properties!.DeadLetterConfig;

      // Assess
      const scheduled = schedules.some((schedule) => schedule.functionId === functionId);
      expect(deadLetterConfig !== undefined).toBe(scheduled);
      expect(asynchronouslyInvoked(functionId)).toBe(scheduled);
      if (consumers.has(functionId)) expect(scheduled).toBe(false);
    }
  });
});
