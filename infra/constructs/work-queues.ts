import { Duration, type RemovalPolicy, Validations } from 'aws-cdk-lib';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import type { FunctionId } from '../../functions/catalog';
import { queues as queueDefinitions, type QueueDefinition, type QueueId } from '../../functions/triggers';
import { workDeadLetterQueueName, workQueueName } from '../stacks/naming';
import { DeadLetterQueue } from './dead-letter-queue';

export interface WorkQueue {
  definition: QueueDefinition;
  queue: sqs.Queue;
  deadLetterQueue: sqs.Queue;
  mapping: lambda.EventSourceMapping;
}

export interface WorkQueuesProps {
  /** `ocop-pulse-<province>-<stage>`: the queue names are derived from it (infra/stacks/naming.ts). */
  namePrefix: string;
  functions: Record<FunctionId, lambda.IFunction>;
  removalPolicy: RemovalPolicy;
}

/**
 * The work queues of the functions' queue triggers (functions/<name>/trigger.ts,
 * listed in functions/triggers.ts), each built from its entry: the queue
 * (SSE, TLS only, its visibility timeout and retention), its dead-letter queue
 * after `maxReceiveCount` receives, and the consumer's event source mapping
 * (batch size, window, maximum concurrency, ReportBatchItemFailures). Their
 * alarms are the observability construct's.
 */
export class WorkQueues extends Construct {
  readonly queues = {} as Record<QueueId, WorkQueue>;

  constructor(scope: Construct, id: string, props: WorkQueuesProps) {
    super(scope, id);
    for (const [queueId, definition] of Object.entries(queueDefinitions) as [QueueId, QueueDefinition][]) {
      const deadLetterQueue = new DeadLetterQueue(this, `${queueId}-dlq`, {
        description: `Messages of ${queueId} that failed ${definition.maxReceiveCount} receives (npm run dlq:redrive moves them back)`,
        removalPolicy: props.removalPolicy,
        queueName: workDeadLetterQueueName(props.namePrefix, queueId),
        retention: Duration.seconds(definition.deadLetterRetentionSeconds),
        redriveTarget: true,
      }).queue;
      const queue = new sqs.Queue(this, queueId, {
        queueName: workQueueName(props.namePrefix, queueId),
        encryption: sqs.QueueEncryption.SQS_MANAGED,
        enforceSSL: true,
        visibilityTimeout: Duration.seconds(definition.visibilityTimeoutSeconds),
        retentionPeriod: Duration.seconds(definition.retentionSeconds),
        deadLetterQueue: { queue: deadLetterQueue, maxReceiveCount: definition.maxReceiveCount },
        removalPolicy: props.removalPolicy,
      });
      queue.node.addMetadata('description', definition.description);
      const consumer = props.functions[definition.consumer];
      const mapping = new lambda.EventSourceMapping(this, `${queueId}-to-${definition.consumer}`, {
        target: consumer,
        eventSourceArn: queue.queueArn,
        batchSize: definition.batchSize,
        maxBatchingWindow: Duration.seconds(definition.maximumBatchingWindowSeconds),
        maxConcurrency: definition.maximumConcurrency,
        reportBatchItemFailures: true,
      });
      queue.grantConsumeMessages(consumer);
      Validations.of(mapping).acknowledge({
        id: 'Serverless-LambdaEventSourceMappingDestination',
        reason: `Lambda offers no on-failure destination for SQS sources: a failed message returns to the queue and after ${definition.maxReceiveCount} receives moves to its dead-letter queue (redrive policy)`,
      });
      this.queues[queueId] = { definition, queue, deadLetterQueue, mapping };
    }
  }
}
