import { RemovalPolicy } from 'aws-cdk-lib';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import { Construct } from 'constructs';
import { tables, TABLE_IDS, type KeyDefinition, type TableId } from '../../functions/storage/tables';

export type OcopTables = Record<TableId, dynamodb.Table>;

const STREAM_VIEW: Record<string, dynamodb.StreamViewType> = {
  KEYS_ONLY: dynamodb.StreamViewType.KEYS_ONLY,
  NEW_IMAGE: dynamodb.StreamViewType.NEW_IMAGE,
  NEW_AND_OLD_IMAGES: dynamodb.StreamViewType.NEW_AND_OLD_IMAGES,
};

function attribute(key: KeyDefinition): dynamodb.Attribute {
  return { name: key.name, type: key.type === 'S' ? dynamodb.AttributeType.STRING : dynamodb.AttributeType.NUMBER };
}

/**
 * The DynamoDB tables of functions/storage/tables.ts (same keys, indexes,
 * stream and TTL): on demand, point-in-time recovery, encrypted with the AWS
 * managed key; kept (and protected from deletion) in prod, destroyed with a
 * dev stack.
 */
export class OcopTablesConstruct extends Construct {
  readonly tables: OcopTables;

  constructor(scope: Construct, id: string, props: { retain: boolean }) {
    super(scope, id);
    const entries = TABLE_IDS.map((tableId) => {
      const definition = tables[tableId];
      const table = new dynamodb.Table(this, definition.suffix, {
        partitionKey: attribute(definition.partitionKey),
        ...('sortKey' in definition && definition.sortKey && { sortKey: attribute(definition.sortKey) }),
        billingMode: dynamodb.BillingMode.PAY_PER_REQUEST,
        pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
        encryption: dynamodb.TableEncryption.AWS_MANAGED,
        ...('stream' in definition && definition.stream && { stream: STREAM_VIEW[definition.stream] }),
        ...('timeToLiveAttribute' in definition && definition.timeToLiveAttribute && { timeToLiveAttribute: definition.timeToLiveAttribute }),
        deletionProtection: props.retain,
        removalPolicy: props.retain ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY,
      });
      for (const index of definition.globalIndexes) {
        table.addGlobalSecondaryIndex({
          indexName: index.indexName,
          partitionKey: attribute(index.partitionKey),
          ...('sortKey' in index && index.sortKey && { sortKey: attribute(index.sortKey) }),
          ...('nonKeyAttributes' in index && index.nonKeyAttributes
            ? { projectionType: dynamodb.ProjectionType.INCLUDE, nonKeyAttributes: index.nonKeyAttributes }
            : { projectionType: dynamodb.ProjectionType.ALL }),
        });
      }
      return [tableId, table] as const;
    });
    this.tables = Object.fromEntries(entries) as OcopTables;
  }
}
