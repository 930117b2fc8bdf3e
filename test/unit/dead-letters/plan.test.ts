import { formatListing, formatMoved, planRedrive, RedriveSelectionError, type DeadLetterView } from '../../../scripts/dead-letters/plan';

const letters: DeadLetterView[] = [
  { id: 'dl-1', queueId: 'inbound-events', reason: 'retries exhausted', receiveCount: 5, error: { name: 'ProvisionedThroughputExceededException', message: 'throttled' }, eventId: 'e-1', source: 'ocop.district.842', detailType: 'ProductRated' },
  { id: 'dl-2', queueId: 'inbound-events', reason: 'retries exhausted', eventId: 'e-2' },
];

function errorOf(action: () => unknown): Error {
  try {
    action();
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected an error');
}

describe('planRedrive', () => {
  it('moves everything with --all and only the named ones with --id', () => {
    // Act
    const all = planRedrive(letters, { all: true });
    const some = planRedrive(letters, { ids: ['dl-2', 'dl-2'] });

    // Assess
    expect(all.map((letter) => letter.id)).toEqual(['dl-1', 'dl-2']);
    expect(some.map((letter) => letter.id)).toEqual(['dl-2']);
  });

  it('moves nothing when an id is not in the dead letters, when nothing is selected, or when both --all and --id are given', () => {
    // Act
    const unknown = errorOf(() => planRedrive(letters, { ids: ['dl-1', 'dl-9'] }));
    const none = errorOf(() => planRedrive(letters, {}));
    const both = errorOf(() => planRedrive(letters, { all: true, ids: ['dl-1'] }));

    // Assess
    expect(unknown).toBeInstanceOf(RedriveSelectionError);
    expect(unknown.message).toBe('not in the dead letters: dl-9 (nothing was moved)');
    expect(none.message).toMatch(/--all, or --id/);
    expect(both.message).toMatch(/not both/);
  });
});

describe('formatListing and formatMoved', () => {
  it('prints each dead letter with its reason and last error, and what was (or would be) moved', () => {
    // Act
    const listing = formatListing(letters);
    const moved = formatMoved([{ id: 'dl-1', queueId: 'inbound-events', eventId: 'e-1' }], { dryRun: false });
    const dry = formatMoved([{ id: 'dl-1', queueId: 'inbound-events' }], { dryRun: true });

    // Assess
    expect(listing).toContain('2 dead letters:');
    expect(listing).toContain('- dl-1  queue inbound-events  ProductRated · ocop.district.842 · eventId e-1');
    expect(listing).toContain('5 receives');
    expect(listing).toContain('reason: retries exhausted (ProvisionedThroughputExceededException: throttled)');
    expect(moved).toBe('Moved 1 back to their queues:\n- dl-1 → inbound-events (eventId e-1)');
    expect(dry).toBe('Dry run: would move 1:\n- dl-1 → inbound-events');
    expect(formatListing([])).toBe('No dead letters.');
  });
});
