import { DescribeTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import {
  DescribeStreamCommand,
  DynamoDBStreamsClient,
  GetRecordsCommand,
  GetShardIteratorCommand,
  type _Record as StreamRecord,
} from '@aws-sdk/client-dynamodb-streams';
import type { DynamoDBRecord } from 'aws-lambda';
import { LOCAL_AWS } from './dynamodb-local';

/**
 * Reads a table's DynamoDB stream on DynamoDB Local and hands batches of
 * records to a function, the way a Lambda event source mapping does: records
 * gather for up to `maxBatchingWindowMs` (or until `batchSize`), then one
 * invocation; while it runs, new records wait for the next batch. A failed
 * invocation is retried with the same records.
 */
export interface StreamPollerOptions {
  dynamoEndpoint: string;
  tableName: string;
  batchSize: number;
  maxBatchingWindowMs: number;
  pollIntervalMs?: number;
  onBatch(records: DynamoDBRecord[]): Promise<void>;
  onError?(error: unknown): void;
}

export class StreamNotEnabledError extends Error {
  override name = 'StreamNotEnabledError';
}

export class StreamPoller {
  private readonly streams: DynamoDBStreamsClient;
  private readonly iterators = new Map<string, string>();
  private streamArn = '';
  private pending: DynamoDBRecord[] = [];
  private firstPendingAt = 0;
  private running = false;
  private loop: Promise<void> | undefined;
  private lastShardScan = 0;
  private cycles = 0;
  private flushing: Promise<void> | undefined;

  constructor(private readonly options: StreamPollerOptions) {
    this.streams = new DynamoDBStreamsClient({ ...LOCAL_AWS, endpoint: options.dynamoEndpoint });
  }

  /** Starts reading new records (those written from now on). */
  async start(): Promise<void> {
    const dynamo = new DynamoDBClient({ ...LOCAL_AWS, endpoint: this.options.dynamoEndpoint });
    const table = await dynamo.send(new DescribeTableCommand({ TableName: this.options.tableName }));
    dynamo.destroy();
    if (!table.Table?.LatestStreamArn) throw new StreamNotEnabledError(`${this.options.tableName} has no stream`);
    this.streamArn = table.Table.LatestStreamArn;
    await this.discoverShards('LATEST');
    this.running = true;
    this.loop = this.run();
  }

  /** Stops after handing over what was already read. */
  async stop(): Promise<void> {
    this.running = false;
    await this.loop;
    await this.flushing;
    if (this.pending.length > 0) await this.flush();
    this.streams.destroy();
  }

  /** Resolves once every record written before the call has been handed over (two full read cycles with nothing pending). */
  async whenIdle(): Promise<void> {
    const from = this.cycles;
    while (this.running && (this.cycles < from + 2 || this.pending.length > 0 || this.flushing)) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  private async run(): Promise<void> {
    const interval = this.options.pollIntervalMs ?? 250;
    while (this.running) {
      try {
        if (Date.now() - this.lastShardScan > 5_000) await this.discoverShards('TRIM_HORIZON');
        await this.readOnce();
        const windowOver = this.pending.length > 0 && Date.now() - this.firstPendingAt >= this.options.maxBatchingWindowMs;
        if (!this.flushing && (windowOver || this.pending.length >= this.options.batchSize)) {
          this.flushing = this.flush()
            .catch((error: unknown) => this.options.onError?.(error))
            .finally(() => (this.flushing = undefined));
        }
      } catch (error) {
        this.options.onError?.(error);
      }
      this.cycles += 1;
      await new Promise((resolve) => setTimeout(resolve, interval));
    }
  }

  /** Hands the oldest records over; they leave `pending` only once the invocation succeeded. */
  private async flush(): Promise<void> {
    const batch = this.pending.slice(0, this.options.batchSize);
    await this.options.onBatch(batch);
    this.pending = this.pending.slice(batch.length);
    this.firstPendingAt = Date.now();
  }

  private async discoverShards(newShardsFrom: 'LATEST' | 'TRIM_HORIZON'): Promise<void> {
    this.lastShardScan = Date.now();
    const described = await this.streams.send(new DescribeStreamCommand({ StreamArn: this.streamArn }));
    for (const shard of described.StreamDescription?.Shards ?? []) {
      if (!shard.ShardId || this.iterators.has(shard.ShardId) || shard.SequenceNumberRange?.EndingSequenceNumber) continue;
      const iterator = await this.streams.send(
        new GetShardIteratorCommand({ StreamArn: this.streamArn, ShardId: shard.ShardId, ShardIteratorType: newShardsFrom }),
      );
      if (iterator.ShardIterator) this.iterators.set(shard.ShardId, iterator.ShardIterator);
    }
  }

  private async readOnce(): Promise<void> {
    for (const [shardId, iterator] of this.iterators) {
      const page = await this.streams.send(new GetRecordsCommand({ ShardIterator: iterator, Limit: 1000 })).catch(async (error: Error) => {
        if (error.name !== 'TrimmedDataAccessException' && error.name !== 'ExpiredIteratorException') throw error;
        // Records were dropped from the shard before we read them (DynamoDB Local keeps few): start again from the
        // oldest one kept, and since the consumer recomputes from the whole table, a batch still covers what was missed.
        const restarted = await this.streams.send(new GetShardIteratorCommand({ StreamArn: this.streamArn, ShardId: shardId, ShardIteratorType: 'TRIM_HORIZON' }));
        return { NextShardIterator: restarted.ShardIterator, Records: [] };
      });
      if (page.NextShardIterator) this.iterators.set(shardId, page.NextShardIterator);
      else this.iterators.delete(shardId);
      const records = (page.Records ?? []).map((record) => this.toLambdaRecord(record));
      if (records.length > 0 && this.pending.length === 0) this.firstPendingAt = Date.now();
      this.pending.push(...records);
    }
  }

  private toLambdaRecord(record: StreamRecord): DynamoDBRecord {
    return {
      eventID: record.eventID,
      eventName: record.eventName as DynamoDBRecord['eventName'],
      eventVersion: record.eventVersion,
      eventSource: 'aws:dynamodb',
      awsRegion: LOCAL_AWS.region,
      dynamodb: record.dynamodb as DynamoDBRecord['dynamodb'],
      eventSourceARN: this.streamArn,
    };
  }
}
