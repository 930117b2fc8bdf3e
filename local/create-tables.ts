import {
  CreateTableCommand,
  DescribeTableCommand,
  ResourceInUseException,
  UpdateTimeToLiveCommand,
  type AttributeDefinition,
  type DynamoDBClient,
} from '@aws-sdk/client-dynamodb';
import { tables, TABLE_IDS, type TableDefinition, type TableId } from '../functions/storage/tables';

/** Table names for a prefix: `<prefix>-<suffix>`. */
export function tableNames(prefix: string): Record<TableId, string> {
  return Object.fromEntries(TABLE_IDS.map((id) => [id, `${prefix}-${tables[id].suffix}`])) as Record<TableId, string>;
}

/** The environment variables the functions read their table names from. */
export function tableNameEnvironment(prefix: string): Record<string, string> {
  const names = tableNames(prefix);
  return Object.fromEntries(TABLE_IDS.map((id) => [tables[id].tableNameEnv, names[id]]));
}

/** Creates every table of functions/storage/tables.ts (on-demand, with its indexes, stream and TTL); existing ones are kept. */
export async function createTables(client: DynamoDBClient, prefix: string): Promise<Record<TableId, string>> {
  const names = tableNames(prefix);
  await Promise.all(TABLE_IDS.map((id) => createTable(client, names[id], tables[id])));
  return names;
}

async function createTable(client: DynamoDBClient, tableName: string, definition: TableDefinition): Promise<void> {
  const keys = [definition.partitionKey, definition.sortKey, ...definition.globalIndexes.flatMap((i) => [i.partitionKey, i.sortKey])];
  const attributes = new Map<string, AttributeDefinition>();
  for (const key of keys) if (key) attributes.set(key.name, { AttributeName: key.name, AttributeType: key.type });
  try {
    await client.send(
      new CreateTableCommand({
        TableName: tableName,
        BillingMode: 'PAY_PER_REQUEST',
        AttributeDefinitions: [...attributes.values()],
        KeySchema: [
          { AttributeName: definition.partitionKey.name, KeyType: 'HASH' },
          ...(definition.sortKey ? [{ AttributeName: definition.sortKey.name, KeyType: 'RANGE' as const }] : []),
        ],
        ...(definition.globalIndexes.length > 0 && {
          GlobalSecondaryIndexes: definition.globalIndexes.map((index) => ({
            IndexName: index.indexName,
            KeySchema: [
              { AttributeName: index.partitionKey.name, KeyType: 'HASH' as const },
              ...(index.sortKey ? [{ AttributeName: index.sortKey.name, KeyType: 'RANGE' as const }] : []),
            ],
            Projection: index.nonKeyAttributes
              ? { ProjectionType: 'INCLUDE' as const, NonKeyAttributes: index.nonKeyAttributes }
              : { ProjectionType: 'ALL' as const },
          })),
        }),
        ...(definition.stream && { StreamSpecification: { StreamEnabled: true, StreamViewType: definition.stream } }),
      }),
    );
  } catch (error) {
    if (!(error instanceof ResourceInUseException)) throw error;
  }
  if (definition.timeToLiveAttribute) {
    const described = await client.send(new DescribeTableCommand({ TableName: tableName }));
    if (described.Table) {
      await client
        .send(new UpdateTimeToLiveCommand({ TableName: tableName, TimeToLiveSpecification: { Enabled: true, AttributeName: definition.timeToLiveAttribute } }))
        .catch((error: Error) => {
          if (!/already enabled/i.test(error.message)) throw error;
        });
    }
  }
}
