import { PROVINCE_SOURCE, type InboundEvent, type IpKind } from '../events';
import { compareEvents } from './aggregates';
import { unitOfEvent, type ProductVerdict } from './product';

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
  occurredAt: string;
  /** The unit whose statement came first (absent: the province's); only it and the province may restate the fact. */
  ownerUnit?: string;
}

export interface ScienceTask {
  taskId: string;
  title: string;
  approvedAt: string;
  districtCode?: string;
  eventId: string;
  occurredAt: string;
  ownerUnit?: string;
}

type IpEvent = Extract<InboundEvent, { detailType: 'IntellectualPropertyGranted' }>;
type TaskEvent = Extract<InboundEvent, { detailType: 'ScienceTaskApproved' }>;

export interface FactDecision<S> {
  state: S | undefined;
  verdicts: ProductVerdict[];
}

/**
 * A fact restated with another eventId is a correction: the latest statement
 * (by effective day, occurredAt, eventId) wins, whatever the arrival order.
 * The unit of the first statement received owns it: another unit's statement
 * is rejected; the province may restate any.
 */
function decideStatements<E extends IpEvent | TaskEvent, S extends { ownerUnit?: string }>(
  what: string,
  current: S | undefined,
  events: readonly E[],
  stateOf: (event: E, ownerUnit: string | undefined) => S,
  latestOf: (state: S) => E,
): FactDecision<S> {
  let state = current;
  const verdicts: ProductVerdict[] = [];
  for (const event of events) {
    const eventId = event.detail.eventId;
    const unit = event.source === PROVINCE_SOURCE ? undefined : unitOfEvent(event);
    if (!state) {
      state = stateOf(event, unit);
      verdicts.push({ eventId, verdict: 'accepted' });
      continue;
    }
    if (unit !== undefined && unit !== state.ownerUnit) {
      const owner = state.ownerUnit === undefined ? 'the provincial office' : `unit ${state.ownerUnit}`;
      verdicts.push({ eventId, verdict: 'rejected', reasons: [`${what} was first stated by ${owner}; unit ${unit} cannot restate it`] });
      continue;
    }
    if (compareEvents(event, latestOf(state)) > 0) state = stateOf(event, state.ownerUnit);
    verdicts.push({ eventId, verdict: 'accepted' });
  }
  return { state, verdicts };
}

const ipEventOf = (grant: IpGrant): IpEvent => ({
  detailType: 'IntellectualPropertyGranted',
  source: PROVINCE_SOURCE,
  detail: { eventId: grant.eventId, schemaVersion: 1, occurredAt: grant.occurredAt, ipId: grant.ipId, kind: grant.kind, title: grant.title, grantedAt: grant.grantedAt },
});

const taskEventOf = (task: ScienceTask): TaskEvent => ({
  detailType: 'ScienceTaskApproved',
  source: PROVINCE_SOURCE,
  detail: { eventId: task.eventId, schemaVersion: 1, occurredAt: task.occurredAt, taskId: task.taskId, title: task.title, approvedAt: task.approvedAt },
});

export function decideIpGrant(current: IpGrant | undefined, events: readonly IpEvent[]): FactDecision<IpGrant> {
  return decideStatements(
    `ipId ${events[0]?.detail.ipId ?? current?.ipId}`,
    current,
    events,
    ({ detail }, ownerUnit): IpGrant => ({
      ipId: detail.ipId,
      kind: detail.kind,
      title: detail.title,
      ...(detail.certificateNo !== undefined && { certificateNo: detail.certificateNo }),
      grantedAt: detail.grantedAt,
      productIds: [...(detail.productIds ?? [])].sort(),
      ...(detail.districtCode !== undefined && { districtCode: detail.districtCode }),
      eventId: detail.eventId,
      occurredAt: detail.occurredAt,
      ...(ownerUnit !== undefined && { ownerUnit }),
    }),
    ipEventOf,
  );
}

export function decideScienceTask(current: ScienceTask | undefined, events: readonly TaskEvent[]): FactDecision<ScienceTask> {
  return decideStatements(
    `taskId ${events[0]?.detail.taskId ?? current?.taskId}`,
    current,
    events,
    ({ detail }, ownerUnit): ScienceTask => ({
      taskId: detail.taskId,
      title: detail.title,
      approvedAt: detail.approvedAt,
      ...(detail.districtCode !== undefined && { districtCode: detail.districtCode }),
      eventId: detail.eventId,
      occurredAt: detail.occurredAt,
      ...(ownerUnit !== undefined && { ownerUnit }),
    }),
    taskEventOf,
  );
}
