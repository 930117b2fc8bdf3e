import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { existsSync } from 'node:fs';
import { DeleteCommand } from '@aws-sdk/lib-dynamodb';
import { projectBatch } from '../../../functions/project-event/project-batch';
import { kpiDiff, rebuildProjections } from '../../../functions/rebuild/rebuild';
import { dynamoDocumentClient } from '../../../functions/shared/clients';
import { getProjection } from '../../../functions/shared/projection-store';
import { provinceOfDeployment } from '../../../functions/shared/province-config';
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
});
