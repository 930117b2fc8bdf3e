import { Duration, Validations } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as actions from 'aws-cdk-lib/aws-cloudwatch-actions';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import * as sns from 'aws-cdk-lib/aws-sns';
import type * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { ANNOUNCE_REJECTIONS_SERVICE, EVENTS_ACCEPTED_METRIC, EVENTS_REJECTED_METRIC, METRICS_NAMESPACE, metricNames, PROJECT_EVENT_SERVICE, SERVICE_DIMENSION } from './metric-names';

export interface OcopObservabilityProps {
  dashboardName: string;
  functions: Record<string, lambda.IFunction>;
  /** Every dead-letter queue, by a name an operator recognises. */
  deadLetterQueues: Record<string, sqs.IQueue>;
  /** The work queues of functions/queues.ts with their alarm thresholds: messages waiting, age of the oldest. */
  workQueues: Record<string, { queue: sqs.IQueue; alarms: { visibleMessages: number; oldestMessageAgeSeconds: number } }>;
  rejectionRatePercent: number;
  notifyEmail?: string;
}

/** Below this many inbound events in the period, the rejection rate is not judged (one typo is not a trend). */
export const REJECTION_RATE_MIN_EVENTS = 10;
const PERIOD = Duration.minutes(15);

/**
 * Alarms (each dead-letter queue, each function's errors, the share of
 * rejected events), an SNS topic they notify, and a dashboard.
 * README.md ("Alarms") says what each alarm means and what to do.
 */
export class OcopObservability extends Construct {
  readonly topic: sns.Topic;
  readonly alarms: cloudwatch.Alarm[] = [];
  readonly dashboard: cloudwatch.Dashboard;

  constructor(scope: Construct, id: string, props: OcopObservabilityProps) {
    super(scope, id);
    this.topic = new sns.Topic(this, 'AlarmTopic', { displayName: 'OCOP pulse alarms', enforceSSL: true });
    if (props.notifyEmail) {
      const subscription = new sns.Subscription(this, 'AlarmEmail', {
        topic: this.topic,
        protocol: sns.SubscriptionProtocol.EMAIL,
        endpoint: props.notifyEmail,
      });
      Validations.of(subscription).acknowledge({
        id: 'Serverless-SNSRedrivePolicy',
        reason: 'An email subscription of alarm notifications: the alarm state stays visible in CloudWatch if a message is lost',
      });
    }
    const action = new actions.SnsAction(this.topic);
    const notify = (alarm: cloudwatch.Alarm): cloudwatch.Alarm => {
      alarm.addAlarmAction(action);
      alarm.addOkAction(action);
      this.alarms.push(alarm);
      return alarm;
    };

    for (const [name, queue] of Object.entries(props.deadLetterQueues)) {
      notify(
        new cloudwatch.Alarm(this, `DeadLetters-${name}`, {
          alarmName: `${props.dashboardName}-dead-letters-${name}`,
          alarmDescription: `Messages are waiting in the ${name} dead-letter queue: something was not delivered or not processed (README.md, "Alarms")`,
          metric: queue.metricApproximateNumberOfMessagesVisible({ period: Duration.minutes(5), statistic: cloudwatch.Stats.MAXIMUM }),
          threshold: 1,
          comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
          evaluationPeriods: 1,
          treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
        }),
      );
    }

    for (const [name, { queue, alarms }] of Object.entries(props.workQueues)) {
      notify(
        new cloudwatch.Alarm(this, `Backlog-${name}`, {
          alarmName: `${props.dashboardName}-backlog-${name}`,
          alarmDescription: `More than ${alarms.visibleMessages} messages wait in the ${name} queue: its consumer falls behind or fails (README.md, "Alarms")`,
          metric: queue.metricApproximateNumberOfMessagesVisible({ period: Duration.minutes(5), statistic: cloudwatch.Stats.MAXIMUM }),
          threshold: alarms.visibleMessages,
          comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
          evaluationPeriods: 1,
          treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
        }),
      );
      notify(
        new cloudwatch.Alarm(this, `OldestMessage-${name}`, {
          alarmName: `${props.dashboardName}-oldest-message-${name}`,
          alarmDescription: `A message has waited more than ${alarms.oldestMessageAgeSeconds} s in the ${name} queue: events are late or being retried (README.md, "Alarms")`,
          metric: queue.metricApproximateAgeOfOldestMessage({ period: Duration.minutes(5), statistic: cloudwatch.Stats.MAXIMUM }),
          threshold: alarms.oldestMessageAgeSeconds,
          comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
          evaluationPeriods: 1,
          treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
        }),
      );
    }

    for (const [name, fn] of Object.entries(props.functions)) {
      notify(
        new cloudwatch.Alarm(this, `Errors-${name}`, {
          alarmName: `${props.dashboardName}-errors-${name}`,
          alarmDescription: `The ${name} function failed (threw or timed out) (README.md, "Alarms")`,
          metric: fn.metricErrors({ period: Duration.minutes(5), statistic: cloudwatch.Stats.SUM }),
          threshold: 1,
          comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
          evaluationPeriods: 1,
          treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
        }),
      );
    }

    const eventMetric = (metricName: string): cloudwatch.Metric =>
      new cloudwatch.Metric({
        namespace: METRICS_NAMESPACE,
        metricName,
        dimensionsMap: { [SERVICE_DIMENSION]: PROJECT_EVENT_SERVICE },
        statistic: cloudwatch.Stats.SUM,
        period: PERIOD,
      });
    const rejectionRate = new cloudwatch.MathExpression({
      label: 'Rejected events (% of inbound)',
      expression: `IF((FILL(rejected, 0) + FILL(accepted, 0)) >= ${REJECTION_RATE_MIN_EVENTS}, 100 * FILL(rejected, 0) / (FILL(rejected, 0) + FILL(accepted, 0)), 0)`,
      usingMetrics: { rejected: eventMetric(EVENTS_REJECTED_METRIC), accepted: eventMetric(EVENTS_ACCEPTED_METRIC) },
      period: PERIOD,
    });
    notify(
      new cloudwatch.Alarm(this, 'RejectionRate', {
        alarmName: `${props.dashboardName}-rejection-rate`,
        alarmDescription: `More than ${props.rejectionRatePercent}% of the inbound events of 15 minutes were rejected (README.md, "Alarms")`,
        metric: rejectionRate,
        threshold: props.rejectionRatePercent,
        comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_THRESHOLD,
        evaluationPeriods: 1,
        treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
      }),
    );

    const unannounced = new cloudwatch.Metric({
      namespace: METRICS_NAMESPACE,
      metricName: metricNames.rejectionsUnannounced,
      dimensionsMap: { [SERVICE_DIMENSION]: ANNOUNCE_REJECTIONS_SERVICE },
      statistic: cloudwatch.Stats.MAXIMUM,
      period: PERIOD,
    });
    notify(
      new cloudwatch.Alarm(this, 'RejectionsUnannounced', {
        alarmName: `${props.dashboardName}-rejections-unannounced`,
        alarmDescription: 'Rejections stayed unannounced through two sweeps: the districts do not hear of them (README.md, "Alarms")',
        metric: unannounced,
        threshold: 1,
        comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
        evaluationPeriods: 2,
        treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
      }),
    );

    this.dashboard = new cloudwatch.Dashboard(this, 'Dashboard', { dashboardName: props.dashboardName });
    this.dashboard.addWidgets(
      new cloudwatch.GraphWidget({
        title: 'Inbound events',
        left: [eventMetric(EVENTS_ACCEPTED_METRIC), eventMetric(EVENTS_REJECTED_METRIC)],
        right: [rejectionRate, unannounced],
        width: 12,
      }),
      new cloudwatch.AlarmStatusWidget({ title: 'Alarms', alarms: this.alarms, width: 12 }),
    );
    this.dashboard.addWidgets(
      ...Object.entries(props.functions).map(
        ([name, fn]) =>
          new cloudwatch.GraphWidget({
            title: name,
            left: [fn.metricInvocations(), fn.metricErrors(), fn.metricThrottles()],
            right: [fn.metricDuration({ statistic: cloudwatch.Stats.p(95) })],
            width: 6,
          }),
      ),
    );
    this.dashboard.addWidgets(
      new cloudwatch.GraphWidget({
        title: 'Work queues (messages waiting; age of the oldest, s)',
        left: Object.entries(props.workQueues).map(([name, { queue }]) => queue.metricApproximateNumberOfMessagesVisible({ label: name, statistic: cloudwatch.Stats.MAXIMUM })),
        right: Object.entries(props.workQueues).map(([name, { queue }]) => queue.metricApproximateAgeOfOldestMessage({ label: name, statistic: cloudwatch.Stats.MAXIMUM })),
        width: 24,
      }),
    );
    this.dashboard.addWidgets(
      new cloudwatch.GraphWidget({
        title: 'Dead-letter queues (messages waiting)',
        left: Object.entries(props.deadLetterQueues).map(([name, queue]) =>
          queue.metricApproximateNumberOfMessagesVisible({ label: name, statistic: cloudwatch.Stats.MAXIMUM }),
        ),
        width: 24,
      }),
    );
  }
}
