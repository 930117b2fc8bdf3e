import { RemovalPolicy, Stack, type StackProps, CfnOutput } from 'aws-cdk-lib';
import type * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import type * as events from 'aws-cdk-lib/aws-events';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { DynamoEventSource, SqsDlq } from 'aws-cdk-lib/aws-lambda-event-sources';
import type * as logs from 'aws-cdk-lib/aws-logs';
import type * as sqs from 'aws-cdk-lib/aws-sqs';
import { Duration } from 'aws-cdk-lib';
import type { Construct } from 'constructs';
import { lambdaFunctions, type FunctionId } from '../../functions/catalog';
import { asynchronouslyInvoked, consumesQueue, httpApi, schedules, streamConsumers, subscriptions } from '../../functions/triggers';
import type { TableId } from '../../functions/storage/tables';
import type { StageConfig } from '../config/stage-config';
import { DeadLetterQueue } from '../constructs/dead-letter-queue';
import { OcopDashboard } from '../constructs/dashboard';
import { DistrictRejections } from '../constructs/district-rejections';
import { OcopHttpApi } from '../constructs/http-api';
import { OcopFunction, type EmailSending } from '../constructs/ocop-function';
import { OcopObservability } from '../constructs/observability';
import { OcopSchedules } from '../constructs/schedules';
import { SubscriptionRules } from '../constructs/subscription-rules';
import { WorkQueues } from '../constructs/work-queues';
import { logRetention, resourcePrefix } from './naming';

export interface StatelessStackProps extends StackProps {
  config: StageConfig;
  bus: events.IEventBus;
  auditLogGroup: logs.ILogGroup;
  tables: Record<TableId, dynamodb.ITable>;
  email: EmailSending;
}

/**
 * What can be replaced at will: the functions, the rules, the HTTP API, the
 * schedules, the dead-letter queues and the alarms. The bus and the tables
 * come in as props from the stateful stack. What invokes each function is its
 * trigger (functions/<name>/trigger.ts, listed in functions/triggers.ts).
 */
export class StatelessStack extends Stack {
  readonly functions: Record<FunctionId, OcopFunction>;
  readonly httpApi: OcopHttpApi;
  readonly dashboard?: OcopDashboard;
  readonly deadLetterQueues: Record<string, sqs.Queue> = {};
  readonly workQueues: WorkQueues;
  readonly districtRejections: DistrictRejections;

  constructor(scope: Construct, id: string, props: StatelessStackProps) {
    super(scope, id, props);
    const { config } = props;
    const removalPolicy = config.stage === 'prod' ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY;
    const queueRemovalPolicy = RemovalPolicy.DESTROY;

    const functionIds = Object.keys(lambdaFunctions) as FunctionId[];
    this.functions = Object.fromEntries(
      functionIds.map((functionId) => {
        const asyncDeadLetterQueue = asynchronouslyInvoked(functionId)
          ? new DeadLetterQueue(this, `${functionId}-async-dlq`, {
              description: `Asynchronous invocations of ${functionId} that failed after Lambda's retries`,
              removalPolicy: queueRemovalPolicy,
              lambdaDeadLetterConfig: true,
            }).queue
          : undefined;
        if (asyncDeadLetterQueue) this.deadLetterQueues[`${functionId}-async`] = asyncDeadLetterQueue;
        const fn = new OcopFunction(this, functionId, {
          functionId,
          definition: lambdaFunctions[functionId],
          tables: props.tables,
          bus: props.bus,
          email: props.email,
          asyncDeadLetterQueue,
          consumesQueue: consumesQueue(functionId),
          provinceSlug: config.provinceSlug,
          provinceFile: config.provinceFile,
          stage: config.stage,
          logRetention: logRetention(config),
          removalPolicy,
        });
        return [functionId, fn];
      }),
    ) as Record<FunctionId, OcopFunction>;
    const lambdas = {} as Record<FunctionId, lambda.IFunction>;
    for (const functionId of functionIds) lambdas[functionId] = this.functions[functionId].function;

    for (const { functionId, trigger } of streamConsumers) {
      const streamFailures = new DeadLetterQueue(this, `${functionId}-stream-dlq`, {
        description: `Batches of the ${trigger.table} stream ${functionId} could not process`,
        removalPolicy: queueRemovalPolicy,
      }).queue;
      this.deadLetterQueues[`${functionId}-stream`] = streamFailures;
      lambdas[functionId].addEventSource(
        new DynamoEventSource(props.tables[trigger.table], {
          startingPosition: lambda.StartingPosition[trigger.startingPosition],
          batchSize: trigger.batchSize,
          maxBatchingWindow: Duration.seconds(trigger.maxBatchingWindowSeconds),
          bisectBatchOnError: trigger.bisectBatchOnError,
          retryAttempts: trigger.retryAttempts,
          maxRecordAge: Duration.seconds(trigger.maximumRecordAgeSeconds),
          onFailure: new SqsDlq(streamFailures),
        }),
      );
    }

    this.workQueues = new WorkQueues(this, 'Queues', { namePrefix: resourcePrefix(config), functions: lambdas, removalPolicy: queueRemovalPolicy });
    for (const [queueId, { deadLetterQueue }] of Object.entries(this.workQueues.queues)) this.deadLetterQueues[`queue-${queueId}`] = deadLetterQueue;

    const rules = new SubscriptionRules(this, 'Subscriptions', {
      subscriptions,
      bus: props.bus,
      queues: Object.fromEntries(Object.entries(this.workQueues.queues).map(([queueId, { queue }]) => [queueId, queue])),
      auditLogGroup: props.auditLogGroup,
      removalPolicy: queueRemovalPolicy,
    });
    for (const [subscriptionId, queue] of Object.entries(rules.deadLetterQueues)) this.deadLetterQueues[`rule-${subscriptionId}`] = queue;

    this.districtRejections = new DistrictRejections(this, 'DistrictRejections', { bus: props.bus, districts: config.districts, communes: config.communes, removalPolicy: queueRemovalPolicy });
    if (this.districtRejections.deadLetterQueue) this.deadLetterQueues['district-rejections'] = this.districtRejections.deadLetterQueue;

    const scheduled = new OcopSchedules(this, 'Schedules', {
      schedules,
      overrides: config.schedules ?? {},
      functions: lambdas,
      removalPolicy: queueRemovalPolicy,
    });
    for (const [scheduleId, queue] of Object.entries(scheduled.deadLetterQueues)) this.deadLetterQueues[`schedule-${scheduleId}`] = queue;

    this.httpApi = new OcopHttpApi(this, 'HttpApi', {
      handler: lambdas[httpApi.functionId],
      routes: httpApi.routes,
      jwtIssuer: config.api.jwtIssuer,
      jwtAudience: config.api.jwtAudience,
      throttle: config.api.throttle,
      logRetention: logRetention(config),
      removalPolicy,
    });

    if (config.dashboard) {
      this.dashboard = new OcopDashboard(this, 'Dashboard', {
        api: this.httpApi.api,
        issuer: config.api.jwtIssuer,
        clientId: config.dashboard.clientId,
        scope: config.dashboard.scope,
        removalPolicy: config.stage === 'prod' ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY,
      });
    }

    new OcopObservability(this, 'Observability', {
      dashboardName: resourcePrefix(config),
      functions: lambdas,
      deadLetterQueues: this.deadLetterQueues,
      workQueues: Object.fromEntries(
        Object.entries(this.workQueues.queues).map(([queueId, { queue, definition }]) => [queueId, { queue, alarms: definition.alarms }]),
      ),
      rejectionRatePercent: config.alarms.rejectionRatePercent,
      notifyEmail: config.alarms.notifyEmail,
    });

    for (const [queueId, { queue, deadLetterQueue, definition }] of Object.entries(this.workQueues.queues)) {
      const id = queueId.replace(/(^|-)(\w)/g, (_m, _dash, letter: string) => letter.toUpperCase());
      new CfnOutput(this, `${id}QueueUrl`, { value: queue.queueUrl, description: `The ${queueId} work queue (functions/${definition.consumer}/trigger.ts)` });
      new CfnOutput(this, `${id}DeadLetterQueueUrl`, { value: deadLetterQueue.queueUrl, description: `Its dead letters: npm run dlq:redrive -- --aws` });
    }
    new CfnOutput(this, 'ApiUrl', { value: this.httpApi.api.apiEndpoint, description: 'Base URL of the HTTP API v1' });
  }
}
