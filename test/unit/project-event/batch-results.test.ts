import { resultsOf } from '../../../functions/project-event/batch-results';
import { failuresByMessage } from '../../../functions/project-event/keep-and-announce';
import { newRejection } from '../../../functions/storage/rejection-store';

const messages = ['m1', 'm2', 'm3', 'm4', 'm5'].map((messageId) => ({ messageId, body: {} }));
const rejection = (rejectionId: string) =>
  newRejection({ rejectionId, source: 'ocop.district.845', detailType: 'ProductRated', reasons: ['wrong'], original: {} }, new Date('2026-12-06T08:00:00Z'));

describe('resultsOf: step 5, one result per message', () => {
  it('answers in the batch\'s order; a copy as its first message (a duplicate when taken), a failure of keeping its rejection as an error', () => {
    // Prepare
    const results = [
      { messageId: 'm3', outcome: 'rejected' as const, rejectionId: 'r3', reasons: ['wrong'], eventId: 'evt-00000003', source: 'ocop.district.845', detailType: 'ProductRated', productId: 'P-1' },
      { messageId: 'm1', outcome: 'accepted' as const, eventId: 'evt-00000001', productId: 'P-1' },
    ];
    const error = new Error('the rejections table is down');
    const failures = new Map([['m3', error]]);
    const copies = new Map([
      ['m2', 'm1'],
      ['m4', 'm3'],
      ['m5', 'm1'],
    ]);

    // Act
    const answered = resultsOf(messages, results, failures, copies);

    // Assess
    expect(answered).toEqual([
      { messageId: 'm1', outcome: 'accepted', eventId: 'evt-00000001', productId: 'P-1' },
      { messageId: 'm2', outcome: 'duplicate', eventId: 'evt-00000001', productId: 'P-1' },
      { messageId: 'm3', error, eventId: 'evt-00000003', source: 'ocop.district.845', detailType: 'ProductRated' },
      { messageId: 'm4', error, eventId: 'evt-00000003', source: 'ocop.district.845', detailType: 'ProductRated' },
      { messageId: 'm5', outcome: 'duplicate', eventId: 'evt-00000001', productId: 'P-1' },
    ]);
  });
});

describe('failuresByMessage: which messages fail in step 4', () => {
  it('names the messages whose rejection failed, not those that succeeded nor a waited event\'s (it has no message)', () => {
    // Prepare
    const error = new Error('PutEvents refused');
    const attempts = [
      { pending: { messageId: 'm1', record: rejection('r1') }, error },
      { pending: { messageId: 'm2', record: rejection('r2') } },
      { pending: { record: rejection('r3'), kept: true }, error },
    ];

    // Act
    const failures = failuresByMessage(attempts);

    // Assess
    expect(failures).toEqual(new Map([['m1', error]]));
  });
});
