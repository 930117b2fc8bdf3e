import { EventBridgeClient, PutEventsCommand, type PutEventsRequestEntry } from '@aws-sdk/client-eventbridge';
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { addDays, territoryOn, TWO_TIER_FROM, vnDayOf } from '../../domain';
import { shippedUnitDirectory } from '../../domain/data/shipped-units';
import { freePort } from '../../local/dynamodb-local';
import { details } from '../support/envelopes';

/**
 * The whole system started as `npm start` starts it (the same command line,
 * `node --import tsx local/start.ts`, as a child process), a multi-district history published with the real
 * EventBridge client, the answers read over HTTP.
 */
const TOKEN = 'e2e-token-abcdefghijklmnop';
/** Days relative to the test's own clock (Vietnam time), so certificates are as valid in two years as today. */
const today = vnDayOf(new Date());
const daysAgo = (days: number) => addDays(today, -days);
const root = resolve(__dirname, '../..');

interface Started {
  child: ChildProcess;
  apiUrl: string;
  eventsUrl: string;
  output: () => string;
}

async function npmStart(args: string[], dataDir: string, env: Record<string, string> = {}, startTimeoutMs = 90_000): Promise<Started> {
  const [apiPort, eventsPort] = [await freePort(), await freePort()];
  const child = spawn(process.execPath, ['--import', 'tsx', 'local/start.ts', '--port', String(apiPort), '--events-port', String(eventsPort), '--data-dir', dataDir, '--no-schedules', ...args], {
    cwd: root,
    env: { ...process.env, OCOP_API_TOKEN: TOKEN, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const deadline = Date.now() + startTimeoutMs;
  while (!output.includes('ocop-pulse is running')) {
    if (child.exitCode !== null || Date.now() > deadline) throw new Error(`npm start did not come up:\n${output}`);
    await new Promise((r) => setTimeout(r, 200));
  }
  return { child, apiUrl: `http://127.0.0.1:${apiPort}`, eventsUrl: `http://127.0.0.1:${eventsPort}`, output: () => output };
}

/** Ctrl-C; resolves with the exit code, and shows the output when the stop was not clean. */
async function stop(started: Started): Promise<number | null> {
  if (started.child.exitCode !== null) return started.child.exitCode;
  const exited = new Promise<number | null>((r) => started.child.once('exit', (code) => r(code)));
  started.child.kill('SIGINT');
  const code = await exited;
  if (code !== 0) console.error(`npm start exited with ${code}:\n${started.output()}`);
  return code;
}

/** A local command (scripts/<name>.ts) as `npm run <name>` runs it, in `cwd`; resolves with its exit code and output. */
function runScript(name: string, args: string[], options: { cwd: string; env?: Record<string, string> }): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const tsx = pathToFileURL(join(root, 'node_modules/tsx/dist/loader.mjs')).href;
  const child = spawn(process.execPath, ['--import', tsx, join(root, 'scripts', `${name}.ts`), ...args], { cwd: options.cwd, env: { ...process.env, ...options.env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let [stdout, stderr] = ['', ''];
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((r) => child.once('close', (code) => r({ code, stdout, stderr })));
}

/** Processes whose command line names `text` (from /proc): how a DynamoDB Local left behind on a data directory is found. */
function processesNaming(text: string): number[] {
  return readdirSync('/proc')
    .filter((name) => /^\d+$/.test(name))
    .filter((pid) => {
      try {
        return readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').some((arg) => arg.includes(text));
      } catch {
        return false;
      }
    })
    .map(Number);
}

async function get(started: Started, path: string, token: string | null = TOKEN): Promise<{ status: number; body: any }> {
  const response = await fetch(`${started.apiUrl}${path}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });
  return { status: response.status, body: await response.json() };
}

async function waitFor<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

async function publish(started: Started, entries: PutEventsRequestEntry[]): Promise<void> {
  const client = new EventBridgeClient({ endpoint: started.eventsUrl, region: 'ap-southeast-1', credentials: { accessKeyId: 'district', secretAccessKey: 'district' } });
  for (let i = 0; i < entries.length; i += 10) {
    const result = await client.send(new PutEventsCommand({ Entries: entries.slice(i, i + 10).map((e) => ({ EventBusName: 'ocop-pulse', ...e })) }));
    expect(result.FailedEntryCount).toBe(0);
  }
  client.destroy();
}

const units = shippedUnitDirectory();
/** The former commune (shipped units) each district's products are registered in: each went whole into one commune of 2025. */
const FORMER_COMMUNE: Record<string, string> = { '842': '29260', '844': '29266', '845': '29308', '846': '29341', '848': '29416' };
const registered = (productId: string, districtCode: string, extra: Record<string, unknown> = {}) =>
  details.registered(productId, districtCode, { communeCode: FORMER_COMMUNE[districtCode], ...extra });

/**
 * An event of a district's product as published on its day (its decisionDate, else occurredAt): by the district
 * before 2025-07-01, and from then on by the commune of 2025 that holds the product's former commune. The dates
 * follow the clock, so which of the two publishes depends on the year the test runs in.
 */
const entry = (districtCode: string | undefined, detailType: string, detail: Record<string, unknown>): PutEventsRequestEntry => {
  if (!districtCode) return { Source: 'ocop.province', DetailType: detailType, Detail: JSON.stringify(detail) };
  const day = typeof detail.decisionDate === 'string' ? detail.decisionDate : vnDayOf(String(detail.occurredAt));
  if (day < TWO_TIER_FROM) return { Source: `ocop.district.${districtCode}`, DetailType: detailType, Detail: JSON.stringify(detail) };
  const territory = territoryOn(units, districtCode, day, FORMER_COMMUNE[districtCode]);
  if (territory.kind !== 'unit') throw new Error(`district ${districtCode}: no single commune on ${day}`);
  const { districtCode: _none, ...rest } = detail;
  return { Source: `ocop.commune.${territory.unit.code}`, DetailType: detailType, Detail: JSON.stringify({ ...rest, communeCode: territory.unit.code }) };
};

const active = (snapshot: { indicators: Array<{ id: string; value: number }> }) => snapshot.indicators.find((i) => i.id === 'ocop.active')!.value;

describe('npm start, end to end', () => {
  let dataDir: string;
  beforeAll(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'ocop-e2e-'));
  });
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('projects a multi-district history published with the AWS SDK and serves it over HTTP', async () => {
    // Prepare
    const memoryDir = join(dataDir, 'memory');
    const privateTmp = mkdtempSync(join(tmpdir(), 'ocop-e2e-tmp-'));
    const elsewhere = mkdtempSync(join(tmpdir(), 'ocop-e2e-cwd-'));
    const started = await npmStart(['--in-memory', '--no-demo'], memoryDir, { TMPDIR: privateTmp });
    const command = { cwd: elsewhere, env: { TMPDIR: privateTmp } };
    const cangLongRating = details.rated('CL-001', 72, 4, daysAgo(200), '844');
    const history = [
      entry('842', 'ProductRegistered', registered('TP-001', '842')),
      entry('842', 'ProductRated', details.rated('TP-001', 55, 3, daysAgo(500), '842')),
      entry('844', 'ProductRegistered', registered('CL-001', '844', { group: 'beverage' })),
      entry('844', 'ProductRated', cangLongRating),
      entry('844', 'ProductRated', cangLongRating),
      entry('845', 'ProductRegistered', registered('CK-001', '845', { group: 'herbal' })),
      entry('845', 'ProductRated', details.rated('CK-001', 93, 4, daysAgo(300), '845', { fiveStarPotential: true })),
      entry('845', 'ProductListedOnMarketplace', details.listed('CK-001', 'postmart', `${daysAgo(290)}T09:00:00+07:00`, '845')),
      entry('842', 'ProductRated', details.rated('CK-001', 80, 4, daysAgo(250), '842')),
      entry('845', 'ProductRated', details.rated('CK-002', 95, 5, daysAgo(250), '845')),
      // Counted only within the plan period (2021-2025): a fixed date inside it, not one relative to the clock.
      entry(undefined, 'IntellectualPropertyGranted', details.ipGranted('GI-DUA-SAP', 'geographical_indication', '2024-04-01')),
    ];

    try {
      // Act
      await publish(started, history);
      // The queue delivers batches concurrently, so the IP grant (another aggregate) may be projected after the products.
      const geographicalIndications = (snapshot: { indicators: { id: string; value: number }[] }) => snapshot.indicators.find((i) => i.id === 'ip.geographical_indication')?.value;
      const latest = await waitFor('a snapshot with 3 active products and the geographical indication', async () => {
        const response = await get(started, '/v1/snapshots/latest');
        return response.status === 200 && active(response.body) === 3 && geographicalIndications(response.body) === 1 ? response.body : undefined;
      });
      const rejections = await waitFor('two rejections', async () => {
        const response = await get(started, '/v1/rejections');
        return response.body.items?.length === 2 ? response.body.items : undefined;
      });
      const asOfBefore = await get(started, `/v1/kpis?asOf=${daysAgo(400)}`);
      const inCauKe = await get(started, '/v1/products?district=845');
      const product = await get(started, '/v1/products/CL-001');
      const unauthorized = await get(started, '/v1/snapshots/latest', null);
      const health = await get(started, '/v1/health', null);
      const added = await runScript('stakeholders', ['add', '--name', 'E2E Tester', '--email', 'e2e@example.org', '--role', 'tester'], command);
      const listed = await runScript('stakeholders', ['list'], command);

      // Assess
      expect(latest.breakdown.byLevel).toMatchObject({ '3': { active: 1 }, '4': { active: 1 }, '4-potential-5': { active: 1 }, '5': { active: 0 } });
      expect(latest.breakdown.byDistrict['845'].active).toBe(1);
      expect(latest.indicators.find((i: { id: string }) => i.id === 'ip.geographical_indication').value).toBe(1);
      expect(rejections.map((r: { source: string; detailType: string }) => `${r.source} ${r.detailType}`).sort()).toEqual(
        [history[8]!, history[9]!].map((e) => `${e.Source} ${e.DetailType}`).sort(),
      );
      expect(asOfBefore.status).toBe(200);
      expect(active(asOfBefore.body)).toBe(1);
      expect(inCauKe.body.items.map((p: { productId: string }) => p.productId)).toEqual(['CK-001']);
      expect(product.body.ratingHistory).toHaveLength(1);
      expect(unauthorized.status).toBe(401);
      expect(health.body.status).toBe('ok');
      // In memory: nothing under the data directory, the outbox in a temporary folder it prints, and local commands reach it.
      expect(existsSync(memoryDir)).toBe(false);
      expect(started.output()).toMatch(new RegExp(`Email outbox +${privateTmp}/ocop-pulse-outbox-`));
      expect(added.code).toBe(0);
      expect(listed.stderr).toContain(`Using the running npm start --in-memory (process ${started.child.pid}`);
      expect(listed.stdout).toContain('E2E Tester <e2e@example.org>');
      expect(existsSync(join(elsewhere, '.ocop'))).toBe(false);
    } finally {
      // Assess: Ctrl-C stops cleanly
      expect(await stop(started)).toBe(0);
      rmSync(privateTmp, { recursive: true, force: true });
      rmSync(elsewhere, { recursive: true, force: true });
    }
  });

  it("loads the demo on first start: Vĩnh Long's published figures of 26/11/2025 and Trà Vinh's of 31/12/2022", async () => {
    // Prepare: the whole demo (Trà Vinh's history, the two registers through the import, the merged province), in memory
    const started = await npmStart(['--in-memory'], join(dataDir, 'demo'), {}, 600_000);

    try {
      // Act
      const merged = await get(started, '/v1/kpis?asOf=2025-11-26');
      const traVinh = await get(started, '/v1/kpis?asOf=2022-12-31');
      const levels = (snapshot: { breakdown: { byLevel: Record<string, { active: number }> } }) =>
        Object.fromEntries(Object.entries(snapshot.breakdown.byLevel).map(([level, { active: n }]) => [level, n]));

      // Assess
      expect(merged.status).toBe(200);
      expect(active(merged.body)).toBe(1137);
      expect(levels(merged.body)).toEqual({ '5': 13, '4-potential-5': 6, '4': 202, '3': 916 });
      expect(merged.body.indicators.find((i: { id: string }) => i.id === 'ocop.recognized.year').value).toBe(149);
      expect(active(traVinh.body)).toBe(184);
      expect(levels(traVinh.body)).toEqual({ '5': 0, '4-potential-5': 9, '4': 38, '3': 137 });
    } finally {
      expect(await stop(started)).toBe(0);
    }
  }, 660_000);

  it('loses no accepted event when stopped with Ctrl-C right after PutEvents, and keeps data across restarts', async () => {
    // Prepare
    const dir = join(dataDir, 'kept');
    const first = await npmStart(['--no-demo'], dir);
    const products = Array.from({ length: 30 }, (_, i) => `CN-${String(i).padStart(3, '0')}`);
    const events = products.flatMap((id) => [
      entry('848', 'ProductRegistered', registered(id, '848')),
      entry('848', 'ProductRated', details.rated(id, 60, 3, daysAgo(100), '848')),
    ]);

    // Act
    await publish(first, events);
    expect(await stop(first)).toBe(0);
    const second = await npmStart(['--no-demo'], dir);
    try {
      const latest = await waitFor('every product active after the restart', async () => {
        const response = await get(second, '/v1/snapshots/latest');
        return response.status === 200 && active(response.body) === products.length ? response.body : undefined;
      });

      // Assess
      expect(latest.breakdown.byDistrict['848'].active).toBe(products.length);
      expect((await get(second, '/v1/products?district=848&limit=100')).body.items).toHaveLength(products.length);
    } finally {
      expect(await stop(second)).toBe(0);
    }
  });

  it('leaves no DynamoDB Local behind after kill -9, and the next start on the same data delivers what the bus journal holds', async () => {
    // Prepare
    const dir = join(dataDir, 'killed');
    const first = await npmStart(['--no-demo'], dir);
    const products = Array.from({ length: 40 }, (_, i) => `KL-${String(i).padStart(3, '0')}`);
    const events = products.flatMap((id) => [
      entry('846', 'ProductRegistered', registered(id, '846')),
      entry('846', 'ProductRated', details.rated(id, 62, 3, daysAgo(30), '846')),
    ]);
    const dynamoDir = join(dir, 'dynamodb');
    const dynamoBefore = processesNaming(dynamoDir);

    // Act
    await publish(first, events);
    const killed = new Promise((r) => first.child.once('exit', r));
    first.child.kill('SIGKILL');
    await killed;
    const orphans = await waitFor('DynamoDB Local to exit after its parent was killed', async () => (processesNaming(dynamoDir).length === 0 ? [] : undefined));
    const second = await npmStart(['--no-demo'], dir);
    try {
      const listed = await runScript('stakeholders', ['list'], { cwd: root, env: { OCOP_DATA_DIR: dir } });
      const latest = await waitFor('every product active after the restart', async () => {
        const response = await get(second, '/v1/snapshots/latest');
        return response.status === 200 && active(response.body) === products.length ? response.body : undefined;
      });

      // Assess
      expect(dynamoBefore.length).toBeGreaterThan(0);
      expect(orphans).toEqual([]);
      expect(latest.breakdown.byDistrict['846'].active).toBe(products.length);
      expect(listed.code).toBe(0);
      expect(listed.stderr).toContain(`Using the running npm start (process ${second.child.pid}`);
      expect(processesNaming(dynamoDir)).toHaveLength(dynamoBefore.length);
    } finally {
      expect(await stop(second)).toBe(0);
    }
  });
});
