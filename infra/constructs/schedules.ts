import { Duration, RemovalPolicy, Stack, TimeZone, Validations } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import * as scheduler from 'aws-cdk-lib/aws-scheduler';
import * as schedulerTargets from 'aws-cdk-lib/aws-scheduler-targets';
import type * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import type { FunctionId } from '../../functions/catalog';
import type { ScheduleDefinition } from '../../functions/triggers';
import { DeadLetterQueue } from './dead-letter-queue';

export interface OcopSchedulesProps {
  schedules: readonly ScheduleDefinition[];
  /** Per-schedule overrides from the stage config. */
  overrides: Record<string, { expression?: string; enabled?: boolean }>;
  functions: Record<FunctionId, lambda.IFunction>;
  removalPolicy: RemovalPolicy;
}

/**
 * EventBridge Scheduler schedules of the functions' schedule triggers
 * (functions/<name>/trigger.ts: expression, time zone, input, retry policy),
 * each with its own role that may invoke only its target, and a dead-letter queue.
 */
export class OcopSchedules extends Construct {
  readonly schedules: Record<string, scheduler.Schedule> = {};
  readonly deadLetterQueues: Record<string, sqs.Queue> = {};

  constructor(scope: Construct, id: string, props: OcopSchedulesProps) {
    super(scope, id);
    const stack = Stack.of(this);
    for (const definition of props.schedules) {
      const override = props.overrides[definition.id] ?? {};
      const target = props.functions[definition.functionId];
      const deadLetters = new DeadLetterQueue(this, `${definition.id}-dlq`, {
        description: `Invocations of the ${definition.id} schedule that failed`,
        removalPolicy: props.removalPolicy,
      }).queue;
      const role = new iam.Role(this, `${definition.id}-role`, {
        assumedBy: new iam.ServicePrincipal('scheduler.amazonaws.com', { conditions: { StringEquals: { 'aws:SourceAccount': stack.account } } }),
        description: `Lets the ${definition.id} schedule invoke ${definition.functionId}, nothing else`,
      });
      this.schedules[definition.id] = new scheduler.Schedule(this, definition.id, {
        description: definition.description,
        schedule: scheduler.ScheduleExpression.expression(override.expression ?? definition.expression, TimeZone.of(definition.timeZone)),
        enabled: override.enabled ?? true,
        target: new schedulerTargets.LambdaInvoke(target, {
          role,
          input: scheduler.ScheduleTargetInput.fromObject(definition.input),
          deadLetterQueue: deadLetters,
          retryAttempts: definition.retryPolicy.maximumRetryAttempts,
          maxEventAge: Duration.seconds(definition.retryPolicy.maximumEventAgeSeconds),
        }),
      });
      this.deadLetterQueues[definition.id] = deadLetters;
      Validations.of(role).acknowledge({
        id: `AwsSolutions-IAM5[Resource::<${stack.getLogicalId(target.node.defaultChild as never)}.Arn>:*]`,
        reason: `The CDK grants lambda:InvokeFunction on ${definition.functionId} and its versions/aliases (ARN:*); still only that one function`,
      });
    }
  }
}
