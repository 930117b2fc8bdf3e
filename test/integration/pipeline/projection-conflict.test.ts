import '../../support/quiet-powertools';
import { aggregateKeyOf, type ProductState } from '../../../domain';
import { parseInboundEvent, type EventBridgeEnvelope, type InboundEvent } from '../../../events';
import { decideAndPut } from '../../../functions/project-event/decide-and-put';
import { dynamoDocumentClient } from '../../../functions/storage/dynamodb-client';
import { getProjection, projectionOf, putProjection, ProjectionConflictError, type Projection } from '../../../functions/storage/projection-store';
import { unitDirectoryOfDeployment } from '../../../functions/shared/unit-directory';
import { createTestTables } from '../../support/dynamodb';
import { details, envelope } from '../../support/envelopes';

/**
 * Two batches writing one product at once: the later write fails its version
 * check, and DynamoDB returns the item that won with the failure
 * (ReturnValuesOnConditionCheckFailure), so the writer decides again against
 * it without reading the product a second time.
 */
const district = 'ocop.district.842';
const parsed = (e: EventBridgeEnvelope): InboundEvent => {
  const result = parseInboundEvent(e);
  if (!result.ok) throw new Error(result.reasons.join('; '));
  return result.event;
};
const now = new Date('2024-06-01T03:00:00Z');

let names: Awaited<ReturnType<typeof createTestTables>>['names'];
/** Commands the functions' client sent, with the table, since the last reset. */
const sent: { command: string; table: string | undefined }[] = [];

beforeAll(async () => {
  ({ names } = await createTestTables());
  dynamoDocumentClient().middlewareStack.add(
    (next, context) => async (args) => {
      sent.push({ command: context.commandName ?? '', table: (args.input as { TableName?: string }).TableName });
      return next(args);
    },
    { step: 'initialize', name: 'projectionConflictProbe' },
  );
});
beforeEach(() => (sent.length = 0));

/** A registered product (version 1) and the same product after a second batch wrote it (version 2). */
async function productWrittenTwice(productId: string): Promise<{ first: Projection; second: Projection }> {
  const directory = await unitDirectoryOfDeployment();
  const registered = parsed(envelope(district, 'ProductRegistered', details.registered(productId)));
  const pk = aggregateKeyOf(registered);
  const created = await decideAndPut(pk, undefined, [registered], directory);
  if (!created.item) throw new Error('the product was not created');
  const listed = parsed(envelope(district, 'ProductListedOnMarketplace', details.listed(productId, 'postmart', '2023-01-05T09:00:00+07:00')));
  const updated = await decideAndPut(pk, created.item, [listed], directory);
  if (!updated.item) throw new Error('the product was not updated');
  return { first: created.item, second: updated.item };
}

describe('putProjection on a version conflict', () => {
  it('fails with the item that won', async () => {
    // Prepare
    const { first, second } = await productWrittenTwice('84-CONFLICT-1');
    const stale = projectionOf(first.pk, first.state, first.version + 1, now);

    // Act
    const failure = await putProjection(stale, first.version).catch((error: unknown) => error);

    // Assess
    expect(failure).toBeInstanceOf(ProjectionConflictError);
    expect((failure as ProjectionConflictError).current).toEqual(second);
  });
});

describe('decideAndPut from a stale item', () => {
  it('decides again against the item the failed write returned, without reading the product again', async () => {
    // Prepare
    const productId = '84-CONFLICT-2';
    const { first } = await productWrittenTwice(productId);
    const otherListing = parsed(envelope(district, 'ProductListedOnMarketplace', details.listed(productId, 'voso', '2023-02-01T09:00:00+07:00')));
    sent.length = 0;

    // Act
    const written = await decideAndPut(first.pk, first, [otherListing], await unitDirectoryOfDeployment());

    // Assess
    const stored = await getProjection(first.pk);
    expect(written.item?.version).toBe(3);
    expect(stored?.version).toBe(3);
    expect((stored?.state as ProductState).listings.map((l) => l.marketplace)).toEqual(['postmart', 'voso']);
    const projectionCommands = sent.filter((s) => s.table === names.projections).map((s) => s.command);
    expect(projectionCommands).toEqual(['PutItemCommand', 'PutItemCommand', 'GetItemCommand']);
  });
});
