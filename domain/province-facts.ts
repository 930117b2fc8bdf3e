import type { InboundEvent, IpKind } from '../events';
import { canonicalEvents } from './aggregates';

/** Facts of the province that belong to no product: IP grants and science tasks. */
export interface IpGrant {
  ipId: string;
  kind: IpKind;
  title: string;
  certificateNo?: string;
  grantedAt: string;
  productIds: string[];
  districtCode?: string;
  eventId: string;
}

export interface ScienceTask {
  taskId: string;
  title: string;
  approvedAt: string;
  districtCode?: string;
  eventId: string;
}

type IpEvent = Extract<InboundEvent, { detailType: 'IntellectualPropertyGranted' }>;
type TaskEvent = Extract<InboundEvent, { detailType: 'ScienceTaskApproved' }>;

/** An IP grant restated with another eventId is a correction: the latest statement wins, whatever the arrival order. */
export function foldIpGrant(events: readonly IpEvent[]): IpGrant | undefined {
  const latest = canonicalEvents(events).at(-1);
  if (!latest) return undefined;
  const { detail } = latest;
  return {
    ipId: detail.ipId,
    kind: detail.kind,
    title: detail.title,
    ...(detail.certificateNo !== undefined && { certificateNo: detail.certificateNo }),
    grantedAt: detail.grantedAt,
    productIds: [...(detail.productIds ?? [])].sort(),
    ...(detail.districtCode !== undefined && { districtCode: detail.districtCode }),
    eventId: detail.eventId,
  };
}

export function foldScienceTask(events: readonly TaskEvent[]): ScienceTask | undefined {
  const latest = canonicalEvents(events).at(-1);
  if (!latest) return undefined;
  const { detail } = latest;
  return {
    taskId: detail.taskId,
    title: detail.title,
    approvedAt: detail.approvedAt,
    ...(detail.districtCode !== undefined && { districtCode: detail.districtCode }),
    eventId: detail.eventId,
  };
}
