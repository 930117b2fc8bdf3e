import { DeleteCommand, PutCommand, ScanCommand } from '@aws-sdk/lib-dynamodb';
import { dynamoDocumentClient, tableName } from './dynamodb-client';
import type { Stakeholder } from '../../report/stakeholder';

/** The stakeholder registry: one item per stakeholder in the `stakeholders` table, keyed by stakeholderId. */
export async function putStakeholder(stakeholder: Stakeholder): Promise<void> {
  await dynamoDocumentClient().send(new PutCommand({ TableName: tableName('stakeholders'), Item: stakeholder }));
}

/** Removes one; returns false when there was none with that id. */
export async function removeStakeholder(stakeholderId: string): Promise<boolean> {
  const result = await dynamoDocumentClient().send(
    new DeleteCommand({ TableName: tableName('stakeholders'), Key: { stakeholderId }, ReturnValues: 'ALL_OLD' }),
  );
  return result.Attributes !== undefined;
}

/** Every stakeholder, ordered by id (the registry is small: a province has tens of them). */
export async function listStakeholders(): Promise<Stakeholder[]> {
  const items: Stakeholder[] = [];
  let startKey: Record<string, unknown> | undefined;
  do {
    const page = await dynamoDocumentClient().send(
      new ScanCommand({ TableName: tableName('stakeholders'), ConsistentRead: true, ExclusiveStartKey: startKey }),
    );
    items.push(...((page.Items ?? []) as Stakeholder[]));
    startKey = page.LastEvaluatedKey;
  } while (startKey);
  return items.sort((a, b) => a.stakeholderId.localeCompare(b.stakeholderId));
}

export async function activeStakeholders(): Promise<Stakeholder[]> {
  return (await listStakeholders()).filter((s) => s.active);
}
