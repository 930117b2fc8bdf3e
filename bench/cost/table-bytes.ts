import { DescribeTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { LOCAL_AWS } from '../../local/dynamodb-local';

/** The bytes DynamoDB reports for these tables (TableSizeBytes), summed. */
export async function tableBytes(endpoint: string, names: readonly string[]): Promise<number> {
  const client = new DynamoDBClient({ ...LOCAL_AWS, endpoint });
  try {
    const sizes = await Promise.all(names.map(async (TableName) => (await client.send(new DescribeTableCommand({ TableName }))).Table?.TableSizeBytes ?? 0));
    return sizes.reduce((sum, bytes) => sum + bytes, 0);
  } finally {
    client.destroy();
  }
}
