import { decideInOrder, type Decider, type Identified, type Outcome, type Verdict } from '../../../../domain';

/**
 * Decision tests that read as given / when / then, like Emmett's DeciderSpecification
 * (event-driven-io/emmett@03657cc5, src/packages/emmett/src/testing/deciderSpecification.ts):
 *
 *   const given = DeciderSpecification.for(productDecider(P));
 *   given([registration]).when(rating).then([rating]);
 *   given([registration]).when(foreignRating).thenRejects('productId … belongs to unit 845; …');
 *
 * - `given(events)`: what the aggregate accepted before, folded with `evolve` from `initialState()`;
 * - `when(...commands)`: one event offered, or a batch in the order the province received it
 *   (decided as the projector does, decideInOrder);
 * - `then(expectedEvents)`: every command is accepted, and the events folded are exactly these, in the
 *   order folded; `thenRejects(...reasons)`: every command is rejected with exactly these reasons (text or
 *   matchers) and the state is the given one, untouched; `thenWaits()`: every command waits and the state is
 *   untouched; `thenDecides(verdicts)`: a batch with mixed verdicts, one per command.
 * Each returns the outcome (`state`, `verdicts`, `folded`, and the `given` state) for assertions on the state.
 */
export type SpecifiedOutcome<Event, State> = Outcome<Event, State> & { given: State };

export interface DecisionSpecification<Event, State> {
  then(expectedEvents: readonly Event[]): SpecifiedOutcome<Event, State>;
  thenRejects(...reasons: string[]): SpecifiedOutcome<Event, State>;
  thenWaits(): SpecifiedOutcome<Event, State>;
  thenDecides(expected: readonly Verdict[]): SpecifiedOutcome<Event, State>;
}

export const DeciderSpecification = {
  for<Command extends Identified, Event, State>(decider: Decider<Command, Event, State>) {
    return (history: readonly Event[] = []) => ({
      when: (...commands: Command[]): DecisionSpecification<Event, State> => {
        const given = history.reduce(decider.evolve, decider.initialState());
        const decide = (): SpecifiedOutcome<Event, State> => ({ ...decideInOrder(decider, given, commands), given });
        return {
          then(expectedEvents) {
            const outcome = decide();
            expect(outcome.verdicts).toEqual(commands.map((command) => accepted(command)));
            expect(outcome.folded).toEqual(expectedEvents);
            return outcome;
          },
          thenRejects(...reasons) {
            const outcome = decide();
            expect(outcome.verdicts).toEqual(commands.map((command) => rejected(command, ...reasons)));
            expect(outcome.state).toBe(given);
            return outcome;
          },
          thenWaits() {
            const outcome = decide();
            expect(outcome.verdicts).toEqual(commands.map((command) => waiting(command)));
            expect(outcome.state).toBe(given);
            return outcome;
          },
          thenDecides(expected) {
            const outcome = decide();
            expect(outcome.verdicts).toEqual(expected);
            return outcome;
          },
        };
      },
    });
  },
};

/** The verdicts of `thenDecides`, one per command. */
export const accepted = (event: Identified): Verdict => ({ eventId: event.detail.eventId, verdict: 'accepted' });
export const waiting = (event: Identified): Verdict => ({ eventId: event.detail.eventId, verdict: 'waiting' });
/** A rejection with exactly these reasons; each a text, or a matcher such as expect.stringContaining. */
export const rejected = (event: Identified, ...reasons: string[]): Verdict => ({ eventId: event.detail.eventId, verdict: 'rejected', reasons });
