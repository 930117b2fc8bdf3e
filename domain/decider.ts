/**
 * A decider, as Emmett's (event-driven-io/emmett@a9461922, src/packages/emmett/src/typing/decider.ts): three pure
 * functions that say what an aggregate does with what it is asked.
 *
 * Adapted to this domain: the province does not send commands, it sends facts that already happened
 * (inbound events). The "command" is such an event, offered to the aggregate; `decide` accepts it (as the
 * events to fold: here the event itself), keeps it waiting for a fact it needs, or rejects it with its
 * reasons; `evolve` folds an accepted event into the state. A rejected event changes nothing and is kept
 * elsewhere with its reasons (the projector), so no data is lost.
 */
export interface Decider<Command, Event, State> {
  /** The state of an aggregate no event has reached yet. */
  initialState: () => State;
  /** The rules that read the current state: accepted (the events to fold), waiting, or rejected and why. */
  decide: (command: Command, state: State) => Ruling<Event>;
  /** Folds one accepted event into the state; returns the same object when nothing changes. */
  evolve: (state: State, event: Event) => State;
  /**
   * A rule on the state an accepted event leads to, when the aggregate has one (a product's size bound):
   * its reasons reject the event, and the state stays as it was. Checked only when the state changes.
   */
  invariant?: (next: State) => string[];
}

/** What `decide` says of one command: its ruling. */
export type Ruling<Event> =
  | { verdict: 'accepted'; events: readonly Event[] }
  /** Decided again after the next accepted command (a product's events wait for its registration). */
  | { verdict: 'waiting' }
  | { verdict: 'rejected'; reasons: string[] };

/** The verdict on one event, as the projector keeps it (the rejection log, the waiting table). */
export type Verdict =
  | { eventId: string; verdict: 'accepted' }
  /** The aggregate's first fact (a product's registration) has not arrived: the event waits for it. */
  | { eventId: string; verdict: 'waiting' }
  | { eventId: string; verdict: 'rejected'; reasons: string[] };

/** The state after a run of commands, and one verdict per command, in the order given. */
export interface Outcome<Event, State> {
  state: State;
  verdicts: Verdict[];
  /** The events folded, in the order folded (an event that waited comes after what it waited for). */
  folded: Event[];
}

/** What the commands of this domain have: an inbound event's id. */
export interface Identified {
  detail: { eventId: string };
}

/**
 * Runs a decider over commands in the order the province received them: each command is decided
 * against the state its predecessors left, and what it accepts is folded at once. Commands that wait
 * are decided again, in their order, right after the next accepted command. A command repeated (the
 * same eventId) has the verdict of its last decision, so a redelivery reads as the original.
 */
export function decideInOrder<Command extends Identified, Event, State>(
  decider: Decider<Command, Event, State>,
  current: State,
  commands: readonly Command[],
): Outcome<Event, State> {
  let state = current;
  const verdicts = new Map<string, Verdict>();
  const folded: Event[] = [];
  const waiting: Command[] = [];
  const decideOne = (command: Command): void => {
    const eventId = command.detail.eventId;
    const decision = decider.decide(command, state);
    if (decision.verdict === 'waiting') {
      verdicts.set(eventId, { eventId, verdict: 'waiting' });
      waiting.push(command);
      return;
    }
    if (decision.verdict === 'rejected') {
      verdicts.set(eventId, { eventId, verdict: 'rejected', reasons: decision.reasons });
      return;
    }
    const next = decision.events.reduce(decider.evolve, state);
    const reasons = next === state ? [] : (decider.invariant?.(next) ?? []);
    if (reasons.length > 0) {
      verdicts.set(eventId, { eventId, verdict: 'rejected', reasons });
      return;
    }
    state = next;
    folded.push(...decision.events);
    verdicts.set(eventId, { eventId, verdict: 'accepted' });
    for (const earlier of waiting.splice(0)) decideOne(earlier);
  };
  for (const command of commands) decideOne(command);
  return { state, verdicts: commands.map((command) => verdicts.get(command.detail.eventId)!), folded };
}
