import { type RemovalPolicy, Stack } from 'aws-cdk-lib';
import * as events from 'aws-cdk-lib/aws-events';
import * as targets from 'aws-cdk-lib/aws-events-targets';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { communeSource, districtSource, PROVINCE_SOURCE } from '../../events/vocabulary';
import { DeadLetterQueue } from './dead-letter-queue';

export interface DistrictRejectionsProps {
  bus: events.IEventBus;
  /** The districts of the stage config; those with a rejectionsBusArn get a rule. */
  districts: ReadonlyArray<{ code: string; rejectionsBusArn?: string }>;
  /** The communes and wards of the stage config (since 2025-07-01), the same way. */
  communes?: ReadonlyArray<{ code: string; rejectionsBusArn?: string }>;
  removalPolicy: RemovalPolicy;
}

/** The rule name that forwards a district's rejections (stable: renaming replaces the rule). */
export function districtRejectionsRuleName(code: string): string {
  return `forward-rejections-to-district-${code}`;
}

/** The pattern of a district's own rejections: the province's EventRejected about events from that district's source. */
export function districtRejectionsPattern(code: string): events.EventPattern {
  return { source: [PROVINCE_SOURCE], detailType: ['EventRejected'], detail: { rejectedSource: [districtSource(code)] } };
}

/** The rule name that forwards a commune's (or ward's) rejections. */
export function communeRejectionsRuleName(code: string): string {
  return `forward-rejections-to-commune-${code}`;
}

/** The pattern of a commune's own rejections: EventRejected about events from `ocop.commune.<code>`. */
export function communeRejectionsPattern(code: string): events.EventPattern {
  return { source: [PROVINCE_SOURCE], detailType: ['EventRejected'], detail: { rejectedSource: [communeSource(code)] } };
}

/**
 * Every configured district (and, since the reform, commune) receives its own EventRejected in its own
 * account: one rule per district on the province's bus, matching
 * `detail.rejectedSource` = `ocop.district.<code>`, forwarding to the bus the
 * stage config names for it, through one role that may put events on those
 * buses only. What the district's bus refuses lands in a dead-letter queue
 * (alarmed). The district's side is in docs/deploy.md ("Onboarding a district").
 */
export class DistrictRejections extends Construct {
  readonly role?: iam.Role;
  readonly rules: Record<string, events.Rule> = {};
  readonly deadLetterQueue?: sqs.Queue;

  constructor(scope: Construct, id: string, props: DistrictRejectionsProps) {
    super(scope, id);
    const receiving = [
      ...props.districts.map((unit) => ({ ...unit, key: unit.code, id: `district-${unit.code}`, source: districtSource(unit.code), ruleName: districtRejectionsRuleName(unit.code), pattern: districtRejectionsPattern(unit.code) })),
      ...(props.communes ?? []).map((unit) => ({ ...unit, key: unit.code, id: `commune-${unit.code}`, source: communeSource(unit.code), ruleName: communeRejectionsRuleName(unit.code), pattern: communeRejectionsPattern(unit.code) })),
    ].filter((unit): unit is typeof unit & { rejectionsBusArn: string } => unit.rejectionsBusArn !== undefined);
    if (receiving.length === 0) return;

    this.role = new iam.Role(this, 'ForwardingRole', {
      assumedBy: new iam.ServicePrincipal('events.amazonaws.com', { conditions: { StringEquals: { 'aws:SourceAccount': Stack.of(this).account } } }),
      description: "Lets the province bus's rules forward each district's EventRejected to that district's bus, nothing else",
    });
    this.deadLetterQueue = new DeadLetterQueue(this, 'dlq', {
      description: "EventRejected the province bus could not deliver to a district's bus",
      removalPolicy: props.removalPolicy,
    }).queue;
    for (const unit of receiving) {
      const rule = new events.Rule(this, unit.id, {
        eventBus: props.bus,
        ruleName: unit.ruleName,
        description: `EventRejected about events of ${unit.source}, to that unit's own bus`,
        eventPattern: unit.pattern,
      });
      rule.addTarget(
        new targets.EventBus(events.EventBus.fromEventBusArn(this, `bus-${unit.code}`, unit.rejectionsBusArn), {
          role: this.role,
          deadLetterQueue: this.deadLetterQueue,
        }),
      );
      this.rules[unit.key] = rule;
    }
  }
}
