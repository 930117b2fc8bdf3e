import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { existsSync, readFileSync } from 'node:fs';
import { DeleteCommand, ScanCommand } from '@aws-sdk/lib-dynamodb';
import { projectBatch } from '../../../functions/project-event/project-batch';
import { kpiDiff, rebuildProjections } from '../../../functions/rebuild/rebuild';
import { dynamoDocumentClient } from '../../../functions/storage/dynamodb-client';
import { getProjection } from '../../../functions/storage/projection-store';
import { createTestTables } from '../../support/dynamodb';
import { details, envelope } from '../../support/envelopes';
import { startLocalBus, type RunningLocalBus } from '../../support/local-bus';

let names: Awaited<ReturnType<typeof createTestTables>>['names'];
let bus: RunningLocalBus;
beforeAll(async () => {
  ({ names } = await createTestTables());
  bus = await startLocalBus(); // where EventRejected goes
});
afterAll(async () => bus.close());

describe('rebuildProjections', () => {
  it('replays the event log into the projections: a lost item comes back as it was, and the KPIs do not move', async () => {
    // Prepare: two products through the projector, then one item lost
    const district = 'ocop.district.842';
    const messages = [
      envelope(district, 'ProductRegistered', details.registered('P-REB-1')),
      envelope(district, 'ProductRated', details.rated('P-REB-1', 75, 4, '2022-08-22')),
      envelope(district, 'ProductRegistered', details.registered('P-REB-2')),
      envelope(district, 'ProductRated', details.rated('P-REB-2', 60, 3, '2022-08-22')),
      envelope('ocop.district.844', 'ProductRated', details.rated('P-REB-2', 95, 4, '2022-09-01', '844')),
    ].map((body, i) => ({ messageId: `m${i}`, body, sentAt: new Date(Date.UTC(2022, 8, 1, 0, 0, i)).toISOString() }));
    const results = await projectBatch(messages);
    expect(results.map((r) => r.outcome)).toEqual(['accepted', 'accepted', 'accepted', 'accepted', 'rejected']);
    const kept = await getProjection('PRODUCT#P-REB-1');
    await dynamoDocumentClient().send(new DeleteCommand({ TableName: names.projections, Key: { pk: 'PRODUCT#P-REB-1' } }));
    const checkpointFile = join(tmpdir(), `rebuild-${Date.now()}.json`);
    const progress: number[] = [];

    // Act
    const result = await rebuildProjections({ checkpointFile, onProgress: (done) => progress.push(done), now: new Date('2023-01-15T00:00:00Z') });

    // Assess
    expect(result).toMatchObject({ aggregates: 2, events: 5 });
    expect((await getProjection('PRODUCT#P-REB-1'))?.kpi).toBe(kept?.kpi);
    expect((await getProjection('PRODUCT#P-REB-2'))?.state).toMatchObject({ decisions: [expect.objectContaining({ stars: 3 })] });
    expect(progress.at(-1)).toBe(2);
    expect(existsSync(checkpointFile)).toBe(false);
    expect(kpiDiff(result.before, result.after).map((d) => d.id)).toContain('ocop.active');
    expect(result.after.indicators.find((i) => i.id === 'ocop.active')?.value).toBe(2);
  });

  it('resumes a scan interrupted midway per segment, from where each segment stopped, and gives the same projections', async () => {
    // Prepare: three products through the projector (16 events), their items as it wrote them, then lost
    const district = 'ocop.district.845';
    const products = ['P-SEG-1', 'P-SEG-2', 'P-SEG-3'];
    const bodies = products.flatMap((productId, p) => [
      envelope(district, 'ProductRegistered', details.registered(productId, '845')),
      envelope(district, 'ProductRated', details.rated(productId, 70 + p, 4, '2022-08-22', '845')),
      ...[10, 11, 12].map((day) => envelope(district, 'ProductListedOnMarketplace', details.listed(productId, 'postmart', `2023-03-${day}T09:00:00+07:00`, '845'))),
    ]);
    bodies.push(envelope('ocop.district.842', 'ProductRated', details.rated('P-SEG-1', 95, 4, '2022-09-01', '842')));
    const results = await projectBatch(bodies.map((body, i) => ({ messageId: `s${i}`, body, sentAt: new Date(Date.UTC(2022, 9, 1, 0, 0, i)).toISOString() })));
    expect(results.filter((r) => r.outcome === 'accepted')).toHaveLength(15);
    const expected = await Promise.all(products.map(async (productId) => (await getProjection(`PRODUCT#${productId}`))?.state));
    for (const productId of products) await dynamoDocumentClient().send(new DeleteCommand({ TableName: names.projections, Key: { pk: `PRODUCT#${productId}` } }));
    const logged = (await dynamoDocumentClient().send(new ScanCommand({ TableName: names.events, Select: 'COUNT', ConsistentRead: true }))).Count;
    const checkpointFile = join(tmpdir(), `rebuild-segments-${Date.now()}.json`);
    const options = { checkpointFile, totalSegments: 4, scanPageLimit: 2, now: new Date('2023-06-01T00:00:00Z') };
    // Every Scan request, by segment and start key; the sixth one fails (its segment stops midway, the others go on to their end)
    const scans: { segment: number; startKey?: unknown }[] = [];
    let failAt: number | undefined = 6;
    dynamoDocumentClient().middlewareStack.add(
      (next, context) => async (args) => {
        if (context.commandName === 'ScanCommand') {
          const input = args.input as { Segment?: number; ExclusiveStartKey?: unknown };
          if (input.Segment !== undefined) scans.push({ segment: input.Segment, ...(input.ExclusiveStartKey !== undefined && { startKey: input.ExclusiveStartKey }) });
          if (scans.length === failAt) throw new Error('injected: the rebuild stopped here');
        }
        return next(args);
      },
      { step: 'initialize', name: 'rebuildScanProbe' },
    );

    try {
      // Act
      const interrupted = await rebuildProjections(options).then(
        () => 'finished',
        (error: Error) => error.name,
      );
      const stoppedAt = JSON.parse(readFileSync(checkpointFile, 'utf8')) as { segments: { nextKey?: unknown; done: boolean }[] };
      const scansOfFirstRun = scans.splice(0);
      failAt = undefined;
      const result = await rebuildProjections(options);

      // Assess
      expect(interrupted).toBe('RebuildScanError');
      expect(stoppedAt.segments.some((s) => !s.done && s.nextKey !== undefined)).toBe(true);
      for (const [segment, state] of stoppedAt.segments.entries()) {
        const resumed = scans.filter((s) => s.segment === segment);
        if (state.done) expect(resumed).toEqual([]);
        else expect(resumed[0]?.startKey).toEqual(state.nextKey);
      }
      // Nothing the first run scanned is scanned again: only the request that failed is asked again
      const request = (s: { segment: number; startKey?: unknown }) => JSON.stringify([s.segment, s.startKey ?? null]);
      const failedRequest = scansOfFirstRun[5]!;
      const scannedBefore = new Set(scansOfFirstRun.filter((s) => s !== failedRequest).map(request));
      expect(scans.filter((s) => scannedBefore.has(request(s)))).toEqual([]);
      expect(scans.map(request)).toContain(request(failedRequest));
      expect(result.events).toBe(logged);
      for (const [i, productId] of products.entries()) expect((await getProjection(`PRODUCT#${productId}`))?.state).toEqual(expected[i]);
      expect(existsSync(checkpointFile)).toBe(false);
      expect(existsSync(`${checkpointFile}.segments`)).toBe(false);
    } finally {
      dynamoDocumentClient().middlewareStack.remove('rebuildScanProbe');
    }
  });
});
