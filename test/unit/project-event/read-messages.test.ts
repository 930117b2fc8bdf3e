import { shippedUnitDirectory } from '../../../domain/data/shipped-units';
import { checkMessage, readMessages } from '../../../functions/project-event/read-messages';
import type { InboundMessage } from '../../../functions/project-event/messages';
import { settleRequestEntry } from '../../../functions/project-event/settle-request';
import { details, envelope } from '../../support/envelopes';

const now = new Date('2026-12-06T08:00:00Z');
const directory = shippedUnitDirectory();
const district = (code: string) => `ocop.district.${code}`;
const message = (messageId: string, body: unknown, sentAt?: string): InboundMessage => ({ messageId, body, ...(sentAt && { sentAt }) });

describe('readMessages: step 1, the batch sorted before anything is read or written', () => {
  it('keeps the first message of each eventId as a candidate, a later one with the same content as its copy, and one with other content as a reuse', () => {
    // Prepare
    const registered = envelope(district('845'), 'ProductRegistered', details.registered('P-READ', '845'));
    const rated = envelope(district('845'), 'ProductRated', details.rated('P-READ', 75, 4, '2023-05-10', '845'));
    const reused = { ...rated, detail: { ...(rated.detail as object), score: 62, stars: 3 } };
    const messages = [
      message('m1', registered, '2026-12-06T07:00:00.000Z'),
      message('m2', rated, '2026-12-06T07:00:01.000Z'),
      message('m3', { ...rated, id: 'a-second-delivery' }),
      message('m4', reused),
    ];

    // Act
    const read = readMessages(messages, directory, now);

    // Assess
    expect(read.candidates.map((c) => [c.messageId, c.pk, c.receivedAt, c.redelivered])).toEqual([
      ['m1', 'PRODUCT#P-READ', '2026-12-06T07:00:00.000Z', false],
      ['m2', 'PRODUCT#P-READ', '2026-12-06T07:00:01.000Z', false],
    ]);
    expect(read.copies).toEqual(new Map([['m3', 'm2']]));
    expect(read.resolved.results).toEqual([expect.objectContaining({ messageId: 'm4', outcome: 'rejected', eventId: (rated.detail as { eventId: string }).eventId, productId: 'P-READ' })]);
    expect(read.resolved.results[0]!.reasons).toEqual([expect.stringContaining('reused with different content (the province first received it at 2026-12-06T07:00:01.000Z)')]);
    expect(read.resolved.rejections.map((r) => [r.messageId, r.record.rejectionId])).toEqual([['m4', expect.stringMatching(/#reused-[0-9a-f]{16}$/)]]);
  });

  it('sets follow-up messages apart by the product they ask to settle, and takes the time of the batch for a message without SentTimestamp', () => {
    // Prepare
    const entry = settleRequestEntry('PRODUCT#P-FOLLOW', 'ocop-pulse');
    const followUp = envelope(entry.Source, entry.DetailType, JSON.parse(entry.Detail));
    const listed = envelope(district('845'), 'ProductListedOnMarketplace', details.listed('P-FOLLOW', 'postmart', '2024-03-10T09:00:00+07:00', '845'));

    // Act
    const read = readMessages([message('f1', followUp), message('f2', followUp), message('l1', listed)], directory, now);

    // Assess
    expect(read.followUps).toEqual(new Map([['PRODUCT#P-FOLLOW', ['f1', 'f2']]]));
    expect(read.candidates.map((c) => [c.messageId, c.receivedAt])).toEqual([['l1', now.toISOString()]]);
    expect(read.resolved).toEqual({ results: [], rejections: [] });
  });
});

describe('checkMessage: one message, a candidate or its rejection', () => {
  it('rejects a body that is not an EventBridge event, keeping the body as it came', () => {
    // Prepare
    const body = 'not json at all';

    // Act
    const checked = checkMessage(message('x1', body), directory, now);

    // Assess
    expect(checked).toEqual({
      results: [{ messageId: 'x1', outcome: 'rejected', rejectionId: expect.stringMatching(/^eb-/), reasons: [expect.stringMatching(/^event: .*expected object/)] }],
      rejections: [{ messageId: 'x1', record: expect.objectContaining({ original: body, source: 'unknown', detailType: 'unknown', rejectedAt: now.toISOString() }) }],
    });
  });

  it('rejects an event against the rules (another district\'s code in the detail), with its source and type for the logs', () => {
    // Prepare
    const foreign = envelope(district('844'), 'ProductRegistered', details.registered('P-FOREIGN', '845'));

    // Act
    const checked = checkMessage(message('x2', foreign), directory, now);

    // Assess
    expect(checked).toMatchObject({
      results: [{ messageId: 'x2', outcome: 'rejected', source: district('844'), detailType: 'ProductRegistered', reasons: [expect.stringContaining('845 does not match Source ocop.district.844')] }],
      rejections: [{ messageId: 'x2', record: { districtCode: '845', original: foreign } }],
    });
  });
});
