/// <reference lib="dom" />
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import ExcelJS from 'exceljs';
import { chromium, type Browser, type Page } from 'playwright-core';
import { INDICATORS } from '../../domain';
import { numberFormats } from '../../report/format';
import { productRegisterWorkbook } from '../../report/workbooks/product-register';
import type { ProductRegisterRow } from '../../report/register/columns';
import { workbookBuffer } from '../../report/workbooks/table-sheet';
import { startSystem, type StartedSystem } from './support/start-system';

/**
 * The dashboard as a person sees it: `npm start` with the demo data (a fresh
 * in-memory start), the page in headless Chromium at a phone's and a
 * projector's width. Its numbers are checked against the API's, and the page
 * must log no console error and request nothing off this machine.
 * Screenshots go to test-output/ for a person to look at.
 */
const TOKEN = 'e2e-dashboard-token-0123456789';
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const OUTPUT = resolve(__dirname, '../../test-output');
/** The day Trà Vinh reported 184 active OCOP products (local/demo/README.md). */
const DAY = '2022-12-31';
const vi = numberFormats('vi');

let system: StartedSystem;
let browser: Browser;
let dashboardUrl: string;

async function api(path: string): Promise<any> {
  const response = await fetch(`${system.apiUrl}${path}`, { headers: { authorization: `Bearer ${TOKEN}` } });
  expect(response.status).toBe(200);
  return response.json();
}

beforeAll(async () => {
  mkdirSync(OUTPUT, { recursive: true });
  system = await startSystem(['--in-memory'], TOKEN);
  dashboardUrl = /Dashboard\s+(http:\/\/\S+)/.exec(system.output())![1]!;
  browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu'] });
}, 400_000);

afterAll(async () => {
  await browser?.close();
  expect(await system?.stop()).toBe(0);
});

/** A page that records console errors and every request that leaves 127.0.0.1. */
async function openDashboard(width: number, query = `?asOf=${DAY}`): Promise<{ page: Page; errors: string[]; offMachine: string[] }> {
  const page = await browser.newPage({ viewport: { width, height: 900 }, acceptDownloads: true });
  const errors: string[] = [];
  const offMachine: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (!['data:', 'blob:'].includes(url.protocol) && url.hostname !== '127.0.0.1') offMachine.push(request.url());
  });
  const [base, fragment] = dashboardUrl.split('#');
  await page.goto(`${base}${query}#${fragment}`);
  await page.waitForSelector('[data-table="districts"]');
  await page.waitForSelector('#trend-chart svg');
  return { page, errors, offMachine };
}

describe('npm start', () => {
  it('prints the dashboard address with the token in the fragment', () => {
    // Assess
    expect(dashboardUrl).toBe(`${system.apiUrl}/dashboard/#token=${TOKEN}`);
  });
});

describe.each([390, 1366])('the dashboard at %i px', (width) => {
  let page: Page;
  let errors: string[];
  let offMachine: string[];
  beforeAll(async () => {
    ({ page, errors, offMachine } = await openDashboard(width));
  });
  afterAll(async () => page.close());

  it('shows the same indicators, forecasts and units as GET /v1/kpis, in Vietnamese', async () => {
    // Prepare
    const kpis = await api(`/v1/kpis?asOf=${DAY}`);

    // Act
    const shown = await page.$$eval('.indicator', (items) => items.map((i): [string | null, string | null] => [i.getAttribute('data-indicator'), i.querySelector('.value')!.textContent]));
    const forecasts = await page.$$eval('[data-table="forecast"] tbody tr', (rows) => rows.map((r) => [r.getAttribute('data-indicator'), r.querySelector('.forecast')!.textContent]));
    const units = await page.$$eval('[data-table="districts"] tbody tr[data-district]', (rows) => rows.map((r) => [r.getAttribute('data-district'), r.querySelector('.active')!.textContent]));

    // Assess
    expect(await page.getAttribute('html', 'lang')).toBe('vi');
    const expected = kpis.indicators.map((i: any): [string, string] => [i.id, INDICATORS[i.id as keyof typeof INDICATORS] === 'share' ? vi.percent(i.value) : vi.count(i.value)]);
    expect(new Map(shown)).toEqual(new Map(expected));
    expect(new Map(shown).get('ocop.active')).toBe('184');
    expect(forecasts).toEqual(kpis.indicators.filter((i: any) => i.target !== undefined && i.forecast).map((i: any) => [i.id, vi.count(i.forecast.value)]));
    const rows = [...Object.entries(kpis.breakdown.byUnit), ...Object.entries(kpis.breakdown.unassigned)];
    expect(units).toEqual(rows.map(([code, d]: [string, any]) => [code, vi.count(d.active)]));
    expect(await page.$$eval('[data-table="districts"] tbody tr[data-district] th', (cells) => cells.filter((c) => /^\d+$/.test(c.textContent ?? '')).length)).toBe(0);
    expect(await page.locator('[data-bullet] svg').count()).toBe(kpis.indicators.filter((i: any) => i.target !== undefined).length);
  });

  it('draws the trend from GET /v1/kpis/trend and lists the expiring certificates', async () => {
    // Prepare
    const [trend, kpis] = await Promise.all([api(`/v1/kpis/trend?to=${DAY}`), api(`/v1/kpis?asOf=${DAY}`)]);

    // Act
    const trendRows = await page.locator('[data-table="trend"] tbody tr').count();
    const lastTotal = await page.locator('[data-table="trend"] tbody tr').last().locator('td').last().textContent({ timeout: 1000 }).catch(() => undefined);
    const expiring = await page.$$eval('[data-table="expiring"] tbody tr', (rows) => rows.map((r) => r.getAttribute('data-product')));

    // Assess
    expect(trendRows).toBe(trend.points.length);
    expect(lastTotal).toBe(vi.count(trend.points.at(-1).active));
    expect(expiring).toEqual(kpis.expiring.map((e: any) => e.productId));
  });

  it('fits the width without sideways scrolling of the page', async () => {
    // Act
    const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);

    // Assess
    expect(scrollWidth).toBeLessThanOrEqual(width);
  });

  it('logs no console error, requests nothing off the machine, and leaves a screenshot', async () => {
    // Act
    await page.screenshot({ path: join(OUTPUT, `dashboard-${width}.png`), fullPage: true });

    // Assess
    expect(errors).toEqual([]);
    expect(offMachine).toEqual([]);
  });
});

describe('the dashboard, used', () => {
  let page: Page;
  let errors: string[];
  let offMachine: string[];
  beforeAll(async () => {
    ({ page, errors, offMachine } = await openDashboard(1366));
  });
  afterAll(async () => {
    expect(errors).toEqual([]);
    expect(offMachine).toEqual([]);
    await page.close();
  });

  it('is reached from the keyboard: the first Tab lands on the skip link, which moves to the content', async () => {
    // Act
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => document.activeElement?.id);
    await page.keyboard.press('Enter');
    const afterSkip = await page.evaluate(() => document.activeElement?.id);

    // Assess
    expect(focused).toBe('skip');
    expect(afterSkip).toBe('main');
  });

  it("drills down from a unit to its products, as GET /v1/products lists them", async () => {
    // Prepare
    const code = await page.getAttribute('[data-drill]', 'data-drill');
    const products = await api(`/v1/products?unit=${code}&asOf=${DAY}&limit=100`);

    // Act
    await page.click(`[data-drill="${code}"]`);
    await page.waitForSelector(`[data-table="products"][data-district="${code}"]`);
    const shown = await page.$$eval(`[data-table="products"][data-district="${code}"] tbody tr`, (rows) => rows.map((r) => r.getAttribute('data-product')));

    // Assess
    expect(await page.getAttribute(`[data-drill="${code}"]`, 'aria-expanded')).toBe('true');
    expect(shown).toEqual(products.items.map((p: any) => p.productId));
  });

  it('shows another day picked in the day picker', async () => {
    // Prepare
    const kpis = await api('/v1/kpis?asOf=2024-12-31');

    // Act
    await page.fill('#as-of', '2024-12-31');
    await page.click('#show');
    await page.waitForFunction(() => document.querySelector('.plan')?.textContent?.includes('31/12/2024'));
    const active = await page.textContent('[data-indicator="ocop.active"] .value');

    // Assess
    expect(active).toBe(vi.count(kpis.indicators.find((i: any) => i.id === 'ocop.active').value));
  });

  it('switches to English and back', async () => {
    // Act
    await page.click('#language');
    const english = { lang: await page.getAttribute('html', 'lang'), title: await page.textContent('#title'), button: await page.textContent('#language') };
    await page.click('#language');

    // Assess
    expect(english).toEqual({ lang: 'en', title: 'OCOP programme, Trà Vinh province', button: 'Tiếng Việt' });
    expect(await page.getAttribute('html', 'lang')).toBe('vi');
  });

  it('downloads the KPI workbook of the day shown, readable by exceljs', async () => {
    // Act
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-download^="/v1/kpis.xlsx"]')]);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await streamToBuffer(await download.createReadStream())) as never);

    // Assess
    expect(download.suggestedFilename()).toBe('ocop-chi-so-2024-12-31.xlsx');
    expect(workbook.worksheets.map((s) => s.name)).toContain('Chỉ số');
  });
});

describe('the dashboard import', () => {
  const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
  const row = (unitCode: string): ProductRegisterRow => ({
    productId: '86-29242-9001',
    name: 'Bánh tét lá cẩm',
    unitCode,
    ownerName: 'Hộ bà Tư',
    ownerKind: 'household',
    group: 'food',
    registeredOn: '2025-08-01',
    active: false,
    listings: [],
    traceability: [],
  });
  const file = async (unitCode: string) => ({ name: 'so-san-pham.xlsx', mimeType: XLSX, buffer: await workbookBuffer(productRegisterWorkbook([row(unitCode)], [], 'vi').workbook) });

  it('shows the dry run problems of a file, then imports it fixed once confirmed', async () => {
    // Prepare: district 842 ended on 2025-06-30.
    const { page, errors } = await openDashboard(1366);

    // Act
    await page.setInputFiles('#import-file', await file('842'));
    await page.click('#import-form button[type="submit"]');
    await page.waitForSelector('[data-table="import-problems"]');
    const problems = await page.$$eval('[data-table="import-problems"] tbody tr', (rows) => rows.map((r) => Array.from(r.querySelectorAll('td')).map((td) => td.textContent)));
    await page.setInputFiles('#import-file', await file('29242'));
    await page.click('#import-form button[type="submit"]');
    await page.waitForSelector('#import-confirm:not([hidden])');
    await page.click('#import-confirm');
    await page.waitForFunction(() => document.querySelector('#import-result')?.textContent?.startsWith('Đã ghi'));

    // Assess
    expect(problems).toEqual([['2', '86-29242-9001', 'Mã đơn vị', expect.stringContaining('842')]]);
    expect(await page.textContent('#import-result')).toBe('Đã ghi 1 sự kiện.');
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe('the dashboard of the province over time', () => {
  it('names Trà Vinh and Plan 53 on 31/12/2022', async () => {
    // Act
    const { page } = await openDashboard(1366);
    const title = await page.textContent('#title');
    const lines = await page.textContent('[data-role="province-and-plan"]');
    await page.close();

    // Assess
    expect(title).toBe('Chương trình OCOP tỉnh Trà Vinh');
    expect(lines).toContain('Chỉ tiêu theo Kế hoạch số 53/KH-UBND ngày 29/7/2022 của UBND tỉnh Trà Vinh (29/07/2022 – 31/12/2025).');
  });

  it("names Vĩnh Long on a day of 2026, says no plan is in force since 01/01/2026 and shows Plan 53's final results", async () => {
    // Prepare
    const kpis = await api('/v1/kpis?asOf=2026-11-30');

    // Act
    const { page, errors } = await openDashboard(1366, '?asOf=2026-11-30');
    const title = await page.textContent('#title');
    const lines = await page.textContent('[data-role="province-and-plan"]');
    const ended = await page.$$eval('[data-table="ended-plan"] tbody tr', (rows) => rows.map((r) => [r.getAttribute('data-indicator'), r.querySelector('.badge')!.textContent]));
    const bullets = await page.locator('[data-bullet]').count();
    await page.close();

    // Assess
    expect(title).toBe('Chương trình OCOP tỉnh Vĩnh Long');
    expect(lines).toContain('Không có kế hoạch nào đang có hiệu lực từ 01/01/2026: các chỉ số không có chỉ tiêu.');
    expect(lines).toContain('Tỉnh Vĩnh Long (từ 01/07/2025) được thành lập trên cơ sở hợp nhất các tỉnh Bến Tre, Trà Vinh và Vĩnh Long.');
    expect(bullets).toBe(0);
    expect(ended).toEqual(kpis.endedPlan.indicators.map((i: any) => [i.id, i.status === 'met' ? 'Đạt' : 'Không đạt']));
    expect(errors).toEqual([]);
  });
});

async function streamToBuffer(stream: NodeJS.ReadableStream): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.from(chunk as Buffer));
  return Buffer.concat(chunks);
}
