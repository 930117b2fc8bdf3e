import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { connectToLocalSystem } from '../../../local/connect';
import { DataDirectoryInUseError } from '../../../local/data-dir-lock';
import { startDynamoDbLocal } from '../../../local/dynamodb-local';
import { writeRuntimeInfo } from '../../../local/runtime-info';

/** One DynamoDB Local per data directory, and local commands that wait for a system still starting instead of opening a second one. */
describe('the data directory lock', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'ocop-lock-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('refuses a second DynamoDB Local on a data directory in use, and allows one once the first has stopped', async () => {
    // Prepare
    const first = await startDynamoDbLocal({ dataDir: join(dir, 'dynamodb') });

    // Act
    const second = startDynamoDbLocal({ dataDir: join(dir, 'dynamodb') });
    await expect(second).rejects.toThrow(DataDirectoryInUseError);
    await first.stop();
    const third = await startDynamoDbLocal({ dataDir: join(dir, 'dynamodb') });
    await third.stop();

    // Assess
    await expect(second).rejects.toThrow(/in use by process \d+/);
    expect(third.endpoint).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  });

  it('makes a local command wait for a system that holds the directory and is still starting, then use it', async () => {
    // Prepare: another live process holds the lock and announces itself a little later.
    const owner = spawn('sleep', ['60']);
    mkdirSync(join(dir, 'dynamodb'));
    writeFileSync(join(dir, 'dynamodb', 'dynamodb-local.lock'), `${JSON.stringify({ pid: owner.pid, startedAt: new Date().toISOString() })}\n`);
    const lines: string[] = [];
    const announce = setTimeout(() => writeRuntimeInfo({ pid: owner.pid!, dataDir: dir, dynamoEndpoint: 'http://127.0.0.1:1', outboxDir: join(dir, 'outbox'), startedAt: new Date().toISOString() }), 1_000);

    // Act
    try {
      const connected = await connectToLocalSystem({ dataDir: dir, say: (line) => lines.push(line) });
      await connected.close();

      // Assess
      expect(connected.running?.pid).toBe(owner.pid);
      expect(process.env.DYNAMODB_ENDPOINT).toBe('http://127.0.0.1:1');
      expect(lines).toEqual([`npm start (process ${owner.pid}) is starting on ${join(dir, 'dynamodb')}; waiting for it…`, `Using the running npm start (process ${owner.pid}, data in ${dir}).`]);
    } finally {
      clearTimeout(announce);
      owner.kill();
    }
  });
});
