import { DescribeTableCommand } from '@aws-sdk/client-dynamodb';
import { createTestTables } from '../support/dynamodb';
import { tables } from '../../functions/storage/tables';

describe('DynamoDB Local bootstrap', () => {
  it('creates every table of the shared definitions with its indexes', async () => {
    // Prepare
    const { client, names } = await createTestTables();

    // Act
    const described = await client.send(new DescribeTableCommand({ TableName: names.projections }));

    // Assess
    expect(described.Table?.GlobalSecondaryIndexes?.map((i) => i.IndexName).sort()).toEqual(
      tables.projections.globalIndexes.map((i) => i.indexName).sort(),
    );
    expect(described.Table?.StreamSpecification?.StreamViewType).toBe(tables.projections.stream);
    client.destroy();
  });
});
