import { shippedUnitDirectory } from '../../../domain/data/shipped-units';
import type { Candidate } from '../../../functions/project-event/messages';
import { asksToSettle, failedAggregate, resolvedByVerdicts } from '../../../functions/project-event/project-aggregate';
import { aggregatesOf } from '../../../functions/project-event/project-aggregates';
import { checkMessage } from '../../../functions/project-event/read-messages';
import { NO_SETTLEMENT, waitedRejections } from '../../../functions/project-event/settle-waiting';
import { details, envelope } from '../../support/envelopes';

const now = new Date('2026-12-06T08:00:00Z');
const district = 'ocop.district.845';

function candidateOf(messageId: string, body: unknown): Candidate {
  const checked = checkMessage({ messageId, body }, shippedUnitDirectory(), now);
  if (!('candidate' in checked)) throw new Error(`not a candidate: ${JSON.stringify(checked.results)}`);
  return checked.candidate;
}

const registeredA = candidateOf('a1', envelope(district, 'ProductRegistered', details.registered('P-A', '845')));
const ratedA = candidateOf('a2', envelope(district, 'ProductRated', details.rated('P-A', 75, 4, '2023-05-10', '845')));
const listedB = candidateOf('b1', envelope(district, 'ProductListedOnMarketplace', details.listed('P-B', 'postmart', '2024-03-10T09:00:00+07:00', '845')));
const granted = candidateOf('i1', envelope('ocop.province', 'IntellectualPropertyGranted', details.ipGranted('CM-UNIT-01', 'collective_mark', '2024-05-22')));

describe('aggregatesOf: the candidates by aggregate', () => {
  it('groups by aggregate in the order first met, keeps each group in the candidates\' order, and adds the products only follow-ups ask for', () => {
    // Prepare
    const followUps = new Map([
      ['PRODUCT#P-A' as const, ['f1']],
      ['PRODUCT#P-C' as const, ['f2', 'f3']],
    ]);

    // Act
    const aggregates = aggregatesOf([ratedA, listedB, registeredA], followUps);

    // Assess
    expect(aggregates.map((a) => [a.pk, a.candidates.map((c) => c.messageId), a.followUps])).toEqual([
      ['PRODUCT#P-A', ['a2', 'a1'], ['f1']],
      ['PRODUCT#P-B', ['b1'], []],
      ['PRODUCT#P-C', [], ['f2', 'f3']],
    ]);
  });
});

describe('asksToSettle: who settles what waited for a product', () => {
  it('is a product\'s registration or a follow-up message, never another event or another aggregate', () => {
    // Prepare
    const asked = [
      { pk: 'PRODUCT#P-A' as const, candidates: [ratedA, registeredA], followUps: [] },
      { pk: 'PRODUCT#P-C' as const, candidates: [], followUps: ['f1'] },
    ];
    const notAsked = [
      { pk: 'PRODUCT#P-A' as const, candidates: [ratedA], followUps: [] },
      { pk: granted.pk, candidates: [granted], followUps: [] },
    ];

    // Act
    const answers = [...asked, ...notAsked].map(asksToSettle);

    // Assess
    expect(answers).toEqual([true, true, false, false]);
  });
});

describe('resolvedByVerdicts: each event\'s result by the domain\'s verdict', () => {
  it('answers accepted, waiting, a duplicate for an accepted redelivery, and a rejection to keep for a rejected one', () => {
    // Prepare
    const redelivered = { ...listedB, redelivered: true };
    const verdicts = new Map([
      [registeredA.event.detail.eventId, { eventId: registeredA.event.detail.eventId, verdict: 'accepted' as const }],
      [ratedA.event.detail.eventId, { eventId: ratedA.event.detail.eventId, verdict: 'rejected' as const, reasons: ['detail.score: out of range'] }],
      [listedB.event.detail.eventId, { eventId: listedB.event.detail.eventId, verdict: 'accepted' as const }],
      [granted.event.detail.eventId, { eventId: granted.event.detail.eventId, verdict: 'waiting' as const }],
    ]);

    // Act
    const resolved = resolvedByVerdicts([registeredA, ratedA, redelivered, granted], verdicts, now);

    // Assess
    expect(resolved.results.map((r) => [r.messageId, r.outcome])).toEqual([
      ['a1', 'accepted'],
      ['a2', 'rejected'],
      ['b1', 'duplicate'],
      ['i1', 'waiting'],
    ]);
    expect(resolved.results[1]).toMatchObject({ rejectionId: ratedA.event.detail.eventId, reasons: ['detail.score: out of range'], productId: 'P-A' });
    expect(resolved.rejections).toEqual([{ messageId: 'a2', record: expect.objectContaining({ rejectionId: ratedA.event.detail.eventId, rejectedAt: now.toISOString() }) }]);
  });
});

describe('failedAggregate: an aggregate that could not be projected', () => {
  it('fails every message of it, its events\' and its follow-ups\', with the error', () => {
    // Prepare
    const error = new Error('DynamoDB is down');

    // Act
    const resolved = failedAggregate({ pk: 'PRODUCT#P-A', candidates: [registeredA, ratedA], followUps: ['f1'] }, error);

    // Assess
    expect(resolved).toEqual({
      results: [
        { messageId: 'a1', error, eventId: registeredA.event.detail.eventId, source: district, detailType: 'ProductRegistered', productId: 'P-A' },
        { messageId: 'a2', error, eventId: ratedA.event.detail.eventId, source: district, detailType: 'ProductRated', productId: 'P-A' },
        { messageId: 'f1', error, source: 'ocop.province', detailType: 'WaitingEventsToSettle', productId: 'P-A' },
      ],
      rejections: [],
    });
  });
});

describe('waitedRejections: what a settlement rejects', () => {
  it('rejects the events that no longer parse and those the domain rejected, nothing else', () => {
    // Prepare
    const settlement = {
      ...NO_SETTLEMENT,
      decided: [ratedA, listedB].map((c) => ({ event: c.event, envelope: c.envelope })),
      unreadable: [{ eventId: 'evt-unreadable-1', envelope: registeredA.envelope, reasons: ['detail.group: no longer in the catalog'] }],
    };
    const verdicts = new Map([
      [ratedA.event.detail.eventId, { eventId: ratedA.event.detail.eventId, verdict: 'rejected' as const, reasons: ['belongs to unit 847'] }],
      [listedB.event.detail.eventId, { eventId: listedB.event.detail.eventId, verdict: 'accepted' as const }],
    ]);

    // Act
    const rejections = waitedRejections(settlement, verdicts, now);

    // Assess
    expect(rejections.map((r) => [r.rejectionId, r.reasons])).toEqual([
      [registeredA.event.detail.eventId, ['detail.group: no longer in the catalog']],
      [ratedA.event.detail.eventId, ['belongs to unit 847']],
    ]);
  });
});
