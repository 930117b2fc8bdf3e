import { Duration, RemovalPolicy, Stack } from 'aws-cdk-lib';
import * as events from 'aws-cdk-lib/aws-events';
import * as eventschemas from 'aws-cdk-lib/aws-eventschemas';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as logs from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { INBOUND_DETAIL_TYPES } from '../../events/catalog';
import { communeSource, districtSource, OCOP_SOURCE_PREFIX } from '../../events/vocabulary';
import { registrySchemas } from '../events/registry-schemas';

export interface DistrictAccount {
  code: string;
  accountId: string;
}

export interface OcopEventBusProps {
  eventBusName: string;
  /** 0 keeps archived events forever. */
  archiveRetentionDays: number;
  logRetention: logs.RetentionDays;
  districts: DistrictAccount[];
  /** Commune and ward accounts since the 2025 reform: each publishes only as ocop.commune.<code>. */
  communes: DistrictAccount[];
  removalPolicy: RemovalPolicy;
}

/** The statement id of a district's permission in the bus policy. */
export function districtStatementId(code: string): string {
  return `district-${code}-put-events`;
}

/** The statement id of a commune's (or ward's) permission in the bus policy. */
export function communeStatementId(code: string): string {
  return `commune-${code}-put-events`;
}

/**
 * The province's custom bus and what belongs to it: an archive of every ocop.*
 * event (for replay), the schema registry of the catalog, the bus policy that
 * lets each district and commune account publish only as itself
 * (ocop.district.<code>, ocop.commune.<code>) and only catalog events,
 * and the audit log group the catch-all rule writes to.
 */
export class OcopEventBus extends Construct {
  readonly bus: events.EventBus;
  readonly auditLogGroup: logs.LogGroup;
  readonly schemaRegistry: eventschemas.CfnRegistry;

  constructor(scope: Construct, id: string, props: OcopEventBusProps) {
    super(scope, id);
    const stack = Stack.of(this);

    this.bus = new events.EventBus(this, 'Bus', {
      eventBusName: props.eventBusName,
      description: 'OCOP events from the district systems and the provincial office (CONTRACT §1)',
    });

    this.bus.archive('Archive', {
      description: 'Every ocop.* event on the bus, for replay',
      eventPattern: { source: events.Match.prefix(OCOP_SOURCE_PREFIX) },
      retention: Duration.days(props.archiveRetentionDays),
    });

    const publishers = [
      ...props.districts.map((unit) => ({ sid: districtStatementId(unit.code), source: districtSource(unit.code), accountId: unit.accountId })),
      ...props.communes.map((unit) => ({ sid: communeStatementId(unit.code), source: communeSource(unit.code), accountId: unit.accountId })),
    ];
    for (const publisher of publishers) {
      this.bus.addToResourcePolicy(
        new iam.PolicyStatement({
          sid: publisher.sid,
          effect: iam.Effect.ALLOW,
          principals: [new iam.AccountPrincipal(publisher.accountId)],
          actions: ['events:PutEvents'],
          resources: [this.bus.eventBusArn],
          conditions: {
            'ForAllValues:StringEquals': { 'events:source': [publisher.source] },
            StringEquals: { 'events:detail-type': [...INBOUND_DETAIL_TYPES] },
          },
        }),
      );
    }

    this.schemaRegistry = new eventschemas.CfnRegistry(this, 'SchemaRegistry', {
      registryName: `${props.eventBusName}-events`,
      description: 'The OCOP event catalog (events/catalog.ts), one schema per DetailType',
    });
    for (const [detailType, schema] of Object.entries(registrySchemas())) {
      new eventschemas.CfnSchema(this, `Schema${detailType}`, {
        registryName: this.schemaRegistry.attrRegistryName,
        schemaName: `ocop@${detailType}`,
        type: 'JSONSchemaDraft4',
        content: JSON.stringify(schema),
        description: `Event ${detailType} (schemaVersion 1)`,
      });
    }

    this.auditLogGroup = new logs.LogGroup(this, 'AuditLog', {
      logGroupName: `/aws/events/${props.eventBusName}-audit`,
      retention: props.logRetention,
      removalPolicy: props.removalPolicy,
    });
    new logs.ResourcePolicy(this, 'AuditLogPolicy', {
      resourcePolicyName: `${props.eventBusName}-audit-log`,
      policyStatements: [
        new iam.PolicyStatement({
          sid: 'EventBridgeRulesOfTheBusWrite',
          principals: [new iam.ServicePrincipal('events.amazonaws.com'), new iam.ServicePrincipal('delivery.logs.amazonaws.com')],
          actions: ['logs:CreateLogStream', 'logs:PutLogEvents'],
          resources: [this.auditLogGroup.logGroupArn],
          conditions: {
            ArnLike: { 'aws:SourceArn': stack.formatArn({ service: 'events', resource: 'rule', resourceName: `${props.eventBusName}/*` }) },
          },
        }),
      ],
    });
  }
}
