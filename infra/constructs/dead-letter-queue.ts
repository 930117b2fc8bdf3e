import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { Validations } from 'aws-cdk-lib';
import { Construct } from 'constructs';

/**
 * An SQS queue that receives what could not be delivered or processed:
 * encrypted, TLS only, kept 14 days (the SQS maximum) so an operator has time
 * to inspect and redrive. The observability construct alarms on its depth.
 */
export class DeadLetterQueue extends Construct {
  readonly queue: sqs.Queue;

  constructor(
    scope: Construct,
    id: string,
    props: {
      description: string;
      removalPolicy: RemovalPolicy;
      /** A fixed name, for queues an operator's command finds by name (infra/stacks/naming.ts). */
      queueName?: string;
      /** Default 14 days, the SQS maximum. */
      retention?: Duration;
      /** A Lambda function's DeadLetterConfig, which cdk-nag recognises as a dead-letter queue by itself. */
      lambdaDeadLetterConfig?: boolean;
      /** The target of a work queue's redrive policy, which cdk-nag recognises as a dead-letter queue by itself. */
      redriveTarget?: boolean;
    },
  ) {
    super(scope, id);
    this.queue = new sqs.Queue(this, 'Queue', {
      encryption: sqs.QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      retentionPeriod: props.retention ?? Duration.days(14),
      removalPolicy: props.removalPolicy,
      ...(props.queueName && { queueName: props.queueName }),
    });
    this.node.addMetadata('description', props.description);
    if (!props.lambdaDeadLetterConfig && !props.redriveTarget) {
      Validations.of(this.queue).acknowledge({
        id: 'AwsSolutions-SQS3',
        reason: 'This queue is itself a dead-letter queue (of an EventBridge target, a stream event source, a schedule or a work queue), not a work queue',
      });
    }
    Validations.of(this.queue).acknowledge({
      id: 'Serverless-SQSRedrivePolicy',
      reason: 'This queue is itself a dead-letter queue: nothing consumes it automatically, an operator inspects and redrives it',
    });
  }
}
