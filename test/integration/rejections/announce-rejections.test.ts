import '../report/support/powertools-dev';
import { GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { EventRejected, type EventBridgeEnvelope } from '../../../events';
import { ANNOUNCEMENT_GRACE_SECONDS, announcePendingRejections } from '../../../functions/announce-rejections/announce-rejections';
import { handler } from '../../../functions/announce-rejections/handler';
import { metricNames } from '../../../functions/metric-names';
import { dynamoDocumentClient } from '../../../functions/storage/dynamodb-client';
import { keepRejection, markAnnounced, newRejection, type RejectionRecord } from '../../../functions/storage/rejection-store';
import { indexOf } from '../../../functions/storage/tables';
import { captureConsole } from '../report/support/capture-console';
import { createTestTables } from '../../support/dynamodb';
import { lambdaContext } from '../../support/lambda';
import { startLocalBus, type RunningLocalBus } from '../../support/local-bus';

/**
 * The announce-rejections sweep on DynamoDB Local and the project's local
 * EventBridge: rejections whose own delivery did not announce them are
 * announced once, the sparse index then forgets them, and what the bus
 * refuses stays pending and is counted.
 */
let names: Awaited<ReturnType<typeof createTestTables>>['names'];
let bus: RunningLocalBus;

beforeAll(async () => {
  ({ names } = await createTestTables());
  bus = await startLocalBus();
});
afterAll(async () => bus.close());

const minutesAgo = (minutes: number) => new Date(Date.now() - minutes * 60_000);
const pastGrace = () => minutesAgo(ANNOUNCEMENT_GRACE_SECONDS / 60 + 5);
let counter = 0;

async function keptRejection(rejectedAt: Date, overrides: Partial<RejectionRecord> = {}): Promise<RejectionRecord> {
  counter += 1;
  const record = newRejection(
    {
      rejectionId: `sweep-${counter}-${rejectedAt.getTime()}`,
      eventId: `sweep-${counter}`,
      source: 'ocop.district.842',
      detailType: 'ProductRated',
      districtCode: '842',
      reasons: ['detail.stars: must be a whole number from 1 to 5'],
      original: { detail: { subject: { name: 'Hộ kinh doanh Nguyễn Văn A' } } },
      ...overrides,
    },
    rejectedAt,
  );
  return keepRejection(record);
}

async function stored(rejectionId: string): Promise<RejectionRecord> {
  const result = await dynamoDocumentClient().send(new GetCommand({ TableName: names.rejections, Key: { rejectionId }, ConsistentRead: true }));
  return result.Item as RejectionRecord;
}

async function pendingInIndex(): Promise<string[]> {
  const result = await dynamoDocumentClient().send(
    new QueryCommand({ TableName: names.rejections, IndexName: indexOf('rejections', 'unannounced').indexName, KeyConditionExpression: 'pendingAnnouncement = :p', ExpressionAttributeValues: { ':p': 'pending' } }),
  );
  return (result.Items ?? []).map((item) => item.rejectionId as string);
}

async function announcementsOf(rejectionId: string): Promise<EventBridgeEnvelope[]> {
  await bus.drain();
  return bus.seen.filter((e) => e['detail-type'] === 'EventRejected' && (e.detail as { eventId?: string }).eventId === `rejected-${rejectionId}`);
}

describe('announcePendingRejections', () => {
  it('announces once every rejection past the grace period, leaves the recent ones to their own delivery, and empties the index of what it announced', async () => {
    // Prepare
    const overdue = [await keptRejection(pastGrace()), await keptRejection(pastGrace())];
    const recent = await keptRejection(minutesAgo(1));
    const alreadyAnnounced = await keptRejection(pastGrace());
    await markAnnounced(alreadyAnnounced.rejectionId);

    // Act
    const first = await announcePendingRejections();
    const second = await announcePendingRejections();

    // Assess
    expect(first).toEqual({ announced: 2, failed: [], left: 0 });
    expect(second).toEqual({ announced: 0, failed: [], left: 0 });
    for (const rejection of overdue) {
      const announced = await announcementsOf(rejection.rejectionId);
      expect(announced).toHaveLength(1);
      expect(announced[0]!.source).toBe('ocop.province');
      expect(EventRejected().parse(announced[0]!.detail)).toMatchObject({ rejectedSource: 'ocop.district.842', rejectedEventId: rejection.eventId, reasons: rejection.reasons });
      expect(await stored(rejection.rejectionId)).toMatchObject({ announced: true });
      expect(await stored(rejection.rejectionId)).not.toHaveProperty('pendingAnnouncement');
    }
    expect(await announcementsOf(recent.rejectionId)).toEqual([]);
    expect(await announcementsOf(alreadyAnnounced.rejectionId)).toEqual([]);
    expect(await pendingInIndex()).toEqual([recent.rejectionId]);
  });

  it('keeps pending and counts a rejection the bus refuses, without holding back the others of its batch', async () => {
    // Prepare: reasons over the 256 KB a PutEvents request may carry, so the bus refuses that entry's request.
    const refused = await keptRejection(pastGrace(), { reasons: ['x'.repeat(300 * 1024)] });
    const fine = await keptRejection(pastGrace());

    // Act
    const result = await announcePendingRejections();

    // Assess
    expect(result.announced).toBe(1);
    expect(result.failed.map((failure) => failure.rejectionId)).toEqual([refused.rejectionId]);
    expect(result.left).toBe(1);
    expect(await announcementsOf(fine.rejectionId)).toHaveLength(1);
    expect(await stored(refused.rejectionId)).toMatchObject({ announced: false, pendingAnnouncement: 'pending' });
  });
});

describe('the announce-rejections handler', () => {
  it('publishes how many are left, names no one in its logs, and fails while the bus refuses some', async () => {
    // Prepare: the refused rejection of the test above is still pending.
    const output = captureConsole();

    // Act
    const run = handler({ source: 'ocop.schedule', schedule: 'announce-rejections' }, lambdaContext('announce-rejections'));
    const outcome = await run.then(
      () => 'succeeded',
      (error: Error) => error.name,
    );
    output.restore();

    // Assess
    expect(outcome).toBe('RejectionsNotAnnouncedError');
    const emf = output
      .text()
      .split('\n')
      .filter((line) => line.includes('"_aws"'))
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(emf.some((metrics) => metrics[metricNames.rejectionsUnannounced] === 1)).toBe(true);
    expect(output.text()).not.toContain('Nguyễn Văn A');
  });
});
