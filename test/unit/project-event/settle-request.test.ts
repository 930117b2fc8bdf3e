import { PROVINCE_SOURCE } from '../../../events';
import { SETTLE_WAITING_DETAIL_TYPE, settleRequestEntry, settleRequestOf } from '../../../functions/project-event/settle-request';

/** The follow-up message as the bus delivers it to the queue: an EventBridge envelope of the entry put. */
function delivered(entry: ReturnType<typeof settleRequestEntry>, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return { version: '0', id: 'e1', 'detail-type': entry.DetailType, source: entry.Source, account: '1', time: '2026-12-06T00:00:00Z', region: 'ap-southeast-1', resources: [], detail: JSON.parse(entry.Detail), ...overrides };
}

describe('settleRequestOf: which messages are follow-ups', () => {
  it('reads back the product of a follow-up it built', () => {
    // Prepare
    const entry = settleRequestEntry('PRODUCT#TV-845-001', 'ocop-pulse');

    // Act
    const aggregateKey = settleRequestOf(delivered(entry));

    // Assess
    expect(entry).toMatchObject({ Source: PROVINCE_SOURCE, DetailType: SETTLE_WAITING_DETAIL_TYPE, EventBusName: 'ocop-pulse' });
    expect(aggregateKey).toBe('PRODUCT#TV-845-001');
  });

  it('takes nothing else for one: another source, another type, another aggregate, extra fields, a key too long, no object', () => {
    // Prepare
    const entry = settleRequestEntry('PRODUCT#TV-845-001', 'ocop-pulse');
    const others: unknown[] = [
      delivered(entry, { source: 'ocop.district.845' }),
      delivered(entry, { 'detail-type': 'ProductRegistered' }),
      delivered(entry, { detail: { aggregateKey: 'IP#VN-1' } }),
      delivered(entry, { detail: { aggregateKey: 'PRODUCT#TV-845-001', productId: 'TV-845-001' } }),
      delivered(entry, { detail: { aggregateKey: `PRODUCT#${'x'.repeat(200)}` } }),
      delivered(entry, { detail: 'PRODUCT#TV-845-001' }),
      'not json',
      null,
    ];

    // Act
    const read = others.map(settleRequestOf);

    // Assess
    expect(read).toEqual(others.map(() => undefined));
  });
});
