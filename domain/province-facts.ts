import { PROVINCE_SOURCE, type IpKind } from '../events';
import { compareEvents, unitOfEvent, type IpEvent, type TaskEvent } from './aggregates';
import type { Decider } from './decider';

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

/**
 * The decider of a fact stated, and restated, by statements (IP grants, science tasks):
 * - `decide`: the first statement received is accepted; after it, a statement from another unit
 *   than the first one's is rejected, and the province may restate any;
 * - `evolve`: a fact restated with another eventId is a correction: the latest statement (by
 *   effective day, occurredAt, eventId) wins, whatever the arrival order.
 */
function statementDecider<E extends IpEvent | TaskEvent, S extends { ownerUnit?: string }>(
  what: (state: S) => string,
  stateOf: (event: E, ownerUnit: string | undefined) => S,
  latestOf: (state: S) => E,
): Decider<E, E, S | undefined> {
  const unitOf = (event: E) => (event.source === PROVINCE_SOURCE ? undefined : unitOfEvent(event));
  return {
    initialState: () => undefined,
    decide: (event, state) => {
      const unit = unitOf(event);
      if (state && unit !== undefined && unit !== state.ownerUnit) {
        const owner = state.ownerUnit === undefined ? 'the provincial office' : `unit ${state.ownerUnit}`;
        return { verdict: 'rejected', reasons: [`${what(state)} was first stated by ${owner}; unit ${unit} cannot restate it`] };
      }
      return { verdict: 'accepted', events: [event] };
    },
    evolve: (state, event) => {
      if (!state) return stateOf(event, unitOf(event));
      return compareEvents(event, latestOf(state)) > 0 ? stateOf(event, state.ownerUnit) : state;
    },
  };
}

/** The statement a stored state was built from, as far as ordering statements needs it. */
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

export const ipGrantDecider: Decider<IpEvent, IpEvent, IpGrant | undefined> = statementDecider(
  (grant) => `ipId ${grant.ipId}`,
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

export const scienceTaskDecider: Decider<TaskEvent, TaskEvent, ScienceTask | undefined> = statementDecider(
  (task) => `taskId ${task.taskId}`,
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
