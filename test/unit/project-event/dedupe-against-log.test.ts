import { shippedUnitDirectory } from '../../../domain/data/shipped-units';
import { logRecordOf, standingInLog } from '../../../functions/project-event/dedupe-against-log';
import type { Candidate } from '../../../functions/project-event/messages';
import { checkMessage } from '../../../functions/project-event/read-messages';
import { details, envelope } from '../../support/envelopes';

const now = new Date('2026-12-06T08:00:00Z');

function candidateOf(messageId: string, body: unknown): Candidate {
  const checked = checkMessage({ messageId, body, sentAt: '2026-12-06T07:59:00.000Z' }, shippedUnitDirectory(), now);
  if (!('candidate' in checked)) throw new Error(`not a candidate: ${JSON.stringify(checked.results)}`);
  return checked.candidate;
}

describe('standingInLog: a candidate against what the log holds for its eventId', () => {
  const rated = envelope('ocop.district.845', 'ProductRated', details.rated('P-LOG', 75, 4, '2023-05-10', '845'));
  const candidate = candidateOf('m1', rated);

  it('is absent when the log has nothing for it, and is then logged as it came', () => {
    // Prepare
    const entry = undefined;

    // Act
    const standing = standingInLog(candidate, entry, now);

    // Assess
    expect(standing).toEqual({ kind: 'absent', candidate });
    expect(logRecordOf(candidate)).toEqual({
      eventId: candidate.event.detail.eventId,
      aggregateKey: 'PRODUCT#P-LOG',
      detailType: 'ProductRated',
      source: 'ocop.district.845',
      contentHash: candidate.contentHash,
      receivedAt: '2026-12-06T07:59:00.000Z',
      envelope: rated,
    });
  });

  it('is a redelivery when the log has the same content: received when it was first logged', () => {
    // Prepare
    const entry = { eventId: candidate.event.detail.eventId, contentHash: candidate.contentHash, receivedAt: '2026-12-01T00:00:00.000Z' };

    // Act
    const standing = standingInLog(candidate, entry, now);

    // Assess
    expect(standing).toEqual({ kind: 'present', candidate: { ...candidate, redelivered: true, receivedAt: '2026-12-01T00:00:00.000Z' } });
  });

  it('is a reused eventId when the log has other content: rejected, keyed by its own content', () => {
    // Prepare
    const entry = { eventId: candidate.event.detail.eventId, contentHash: 'f'.repeat(64), receivedAt: '2026-12-01T00:00:00.000Z' };

    // Act
    const standing = standingInLog(candidate, entry, now);

    // Assess
    expect(standing).toEqual({
      kind: 'reused',
      resolved: {
        results: [expect.objectContaining({ messageId: 'm1', outcome: 'rejected', rejectionId: `${entry.eventId}#reused-${candidate.contentHash.slice(0, 16)}` })],
        rejections: [{ messageId: 'm1', record: expect.objectContaining({ rejectedAt: now.toISOString(), reasons: [expect.stringContaining('first received it at 2026-12-01T00:00:00.000Z')] }) }],
      },
    });
  });
});
