import { ArnFormat, Duration, RemovalPolicy, Stack } from 'aws-cdk-lib';
import * as events from 'aws-cdk-lib/aws-events';
import * as targets from 'aws-cdk-lib/aws-events-targets';
import type * as logs from 'aws-cdk-lib/aws-logs';
import type * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import type { EventPattern, Subscription } from '../../events/subscriptions';
import { DeadLetterQueue } from './dead-letter-queue';

/** How EventBridge retries a target before the event goes to its dead-letter queue: the subscription's own policy, the one the local bus applies too. */
function retryOf(subscription: Subscription): { retryAttempts: number; maxEventAge: Duration } {
  return { retryAttempts: subscription.retryPolicy.maximumRetryAttempts, maxEventAge: Duration.seconds(subscription.retryPolicy.maximumEventAgeSeconds) };
}

export class UnknownSubscriptionTargetError extends Error {
  override name = 'UnknownSubscriptionTargetError';
}

/** Patterns are raw EventBridge JSON (events/subscriptions.ts); the CDK names `detail-type` `detailType`. */
export function toCdkEventPattern(pattern: EventPattern): events.EventPattern {
  const { 'detail-type': detailType, ...rest } = pattern;
  return { ...rest, ...(detailType !== undefined && { detailType }) } as events.EventPattern;
}

/**
 * What the audit log keeps of an event: metadata only (ids, source, detail
 * type, times, product and district), never the detail itself, which may
 * name people (a household's owner). Whole events live only in the encrypted
 * event log table and the bus archive.
 */
export const AUDIT_LOG_FIELDS = {
  id: '$.id',
  source: '$.source',
  detailType: '$.detail-type',
  account: '$.account',
  time: '$.time',
  eventId: '$.detail.eventId',
  schemaVersion: '$.detail.schemaVersion',
  occurredAt: '$.detail.occurredAt',
  productId: '$.detail.productId',
  districtCode: '$.detail.districtCode',
  rejectedEventId: '$.detail.rejectedEventId',
  rejectedSource: '$.detail.rejectedSource',
  rejectedDetailType: '$.detail.rejectedDetailType',
} as const;

/** One log line per event, `name=value` pairs (CloudWatch Logs targets take a string message and a timestamp). */
function auditLogEntry(): events.RuleTargetInput {
  const message = Object.entries(AUDIT_LOG_FIELDS)
    .map(([name, path]) => `${name}=${events.EventField.fromPath(path)}`)
    .join(' ');
  return targets.LogGroupTargetInput.fromObjectV2({ timestamp: events.EventField.time, message });
}

/** A CloudWatch Logs target whose permission is the log group's resource policy (OcopEventBus), not a custom resource. */
class AuditLogTarget implements events.IRuleTarget {
  constructor(
    private readonly logGroup: logs.ILogGroup,
    private readonly deadLetterQueue: sqs.IQueue,
    private readonly retry: ReturnType<typeof retryOf>,
  ) {}

  bind(rule: events.IRule): events.RuleTargetConfig {
    targets.addToDeadLetterQueueResourcePolicy(rule, this.deadLetterQueue);
    return {
      ...targets.bindBaseTargetConfig({ deadLetterQueue: this.deadLetterQueue, ...this.retry }),
      input: auditLogEntry(),
      arn: Stack.of(this.logGroup).formatArn({
        service: 'logs',
        resource: 'log-group',
        arnFormat: ArnFormat.COLON_RESOURCE_NAME,
        resourceName: this.logGroup.logGroupName,
      }),
      targetResource: this.logGroup,
    };
  }
}

export interface SubscriptionRulesProps {
  subscriptions: readonly Subscription[];
  bus: events.IEventBus;
  /** The work queues of the functions' queue triggers (functions/triggers.ts), for targets of kind `queue`. */
  queues: Record<string, sqs.IQueue>;
  auditLogGroup: logs.ILogGroup;
  removalPolicy: RemovalPolicy;
}

/** One EventBridge rule per subscription (functions/triggers.ts: a function's queue trigger, or the audit log), each target with a retry policy and its own dead-letter queue. */
export class SubscriptionRules extends Construct {
  readonly rules: Record<string, events.Rule> = {};
  readonly deadLetterQueues: Record<string, sqs.Queue> = {};

  constructor(scope: Construct, id: string, props: SubscriptionRulesProps) {
    super(scope, id);
    for (const subscription of props.subscriptions) {
      const deadLetters = new DeadLetterQueue(this, `${subscription.id}-dlq`, {
        description: `Events the ${subscription.id} rule could not deliver`,
        removalPolicy: props.removalPolicy,
      }).queue;
      const rule = new events.Rule(this, subscription.id, {
        eventBus: props.bus,
        ruleName: subscription.id,
        description: subscription.description.slice(0, 512),
        eventPattern: toCdkEventPattern(subscription.pattern),
      });
      const { target } = subscription;
      if (target.kind === 'queue') {
        const queue = props.queues[target.queueId];
        if (!queue) throw new UnknownSubscriptionTargetError(`subscription ${subscription.id} targets queue ${target.queueId}, which no function's trigger defines`);
        // The retry policy and dead letters cover delivery to the queue; the queue's own redrive policy covers processing.
        rule.addTarget(new targets.SqsQueue(queue, { deadLetterQueue: deadLetters, ...retryOf(subscription) }));
      } else {
        rule.addTarget(new AuditLogTarget(props.auditLogGroup, deadLetters, retryOf(subscription)));
      }
      this.rules[subscription.id] = rule;
      this.deadLetterQueues[subscription.id] = deadLetters;
    }
  }
}
