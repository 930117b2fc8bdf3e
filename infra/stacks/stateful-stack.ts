import { CfnOutput, RemovalPolicy, Stack, type StackProps } from 'aws-cdk-lib';
import type * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import type * as events from 'aws-cdk-lib/aws-events';
import type * as logs from 'aws-cdk-lib/aws-logs';
import type { Construct } from 'constructs';
import type { TableId } from '../../functions/storage/tables';
import type { StageConfig } from '../config/stage-config';
import { OcopEmail } from '../constructs/email';
import { OcopEventBus } from '../constructs/event-bus';
import type { EmailSending } from '../constructs/ocop-function';
import { OcopTablesConstruct } from '../constructs/tables';
import { logRetention, resourcePrefix } from './naming';

/**
 * What holds data or identity and must outlive a redeploy of the code: the
 * bus (with archive, schema registry, bus policy, audit log), the tables, the
 * SES identity and configuration set. Retained in prod.
 */
export class StatefulStack extends Stack {
  readonly bus: events.EventBus;
  readonly auditLogGroup: logs.LogGroup;
  readonly tables: Record<TableId, dynamodb.Table>;
  readonly email: EmailSending;

  constructor(scope: Construct, id: string, props: StackProps & { config: StageConfig }) {
    super(scope, id, props);
    const { config } = props;
    const retain = config.stage === 'prod';
    const removalPolicy = retain ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY;

    const eventBus = new OcopEventBus(this, 'Events', {
      eventBusName: config.eventBusName,
      archiveRetentionDays: config.archiveRetentionDays,
      logRetention: logRetention(config),
      districts: config.districts,
      communes: config.communes,
      removalPolicy,
    });
    this.bus = eventBus.bus;
    this.auditLogGroup = eventBus.auditLogGroup;
    new CfnOutput(this, 'EventBusArn', {
      value: this.bus.eventBusArn,
      description: 'The bus district systems PutEvents to (cross-account, by ARN)',
    });
    this.tables = new OcopTablesConstruct(this, 'Data', { retain }).tables;
    this.email = new OcopEmail(this, 'Email', {
      senderAddress: config.email.senderAddress,
      identity: config.email.identity,
      configurationSetName: resourcePrefix(config),
    }).sending;
  }
}
