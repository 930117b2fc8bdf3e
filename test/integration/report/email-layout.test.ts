import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { renderKpiReport } from '../../../report';
import { periodOfDay } from '../../../report/period';
import { LAST_WEEK_AS_OF, REPORT_DAY, sampleSnapshot } from '../../unit/report/support/sample-snapshot';

/**
 * The KPI email's HTML in headless Chromium (Debian's `chromium` package):
 * the layout must hold at email width. Screenshots go to test-output/ for a
 * human to look at.
 */
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const LAUNCH_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
const OUTPUT_DIR = join(__dirname, '../../../test-output');

/** The browser globals the page function uses: this project compiles without the DOM library. */
interface PageElement {
  scrollWidth: number;
  clientWidth: number;
  textContent: string | null;
  getBoundingClientRect(): { width: number };
}
declare const document: {
  documentElement: PageElement;
  querySelector(selector: string): PageElement | null;
  querySelectorAll(selector: string): ArrayLike<PageElement> & Iterable<PageElement>;
};

interface LayoutFacts {
  reportWidth: number;
  pageScrollWidth: number;
  indicatorRows: number;
  overflowingCells: string[];
}

describe('KPI email layout in Chromium', () => {
  let browser: Browser;
  const thisWeek = sampleSnapshot();
  const previous = { snapshot: sampleSnapshot(LAST_WEEK_AS_OF), period: periodOfDay('2025-11-17') };

  beforeAll(async () => {
    browser = await chromium.launch({ executablePath: CHROMIUM, args: LAUNCH_FLAGS });
    mkdirSync(OUTPUT_DIR, { recursive: true });
  });
  afterAll(async () => browser?.close());

  it.each([
    ['vi', '844'],
    ['en', 'province'],
  ] as const)('lays out the %s email for %s within 600-700 px, one row per indicator, no text overflowing its cell', async (language, scope) => {
    // Prepare
    const { html } = renderKpiReport({ snapshot: thisWeek, previous, period: periodOfDay(REPORT_DAY), reportDay: REPORT_DAY, recipient: { language, scope } });
    const page = await browser.newPage({ viewport: { width: 700, height: 900 } });
    let externalRequests = 0;
    await page.route('**/*', (route) => {
      externalRequests += 1;
      return route.abort();
    });

    // Act
    await page.setContent(html, { waitUntil: 'load' });
    const facts: LayoutFacts = await page.evaluate(() => {
      const report = document.querySelector('table[data-role="report"]')!;
      const overflowing = [...document.querySelectorAll('td, th')]
        .filter((cell) => cell.scrollWidth > cell.clientWidth + 1)
        .map((cell) => (cell.textContent ?? '').trim().slice(0, 60));
      return {
        reportWidth: report.getBoundingClientRect().width,
        pageScrollWidth: document.documentElement.scrollWidth,
        indicatorRows: document.querySelectorAll('table[data-role="indicators"] tr[data-indicator]').length,
        overflowingCells: overflowing,
      };
    });
    const screenshot = join(OUTPUT_DIR, `kpi-email-${language}-${scope}.png`);
    writeFileSync(screenshot, await page.screenshot({ fullPage: true }));
    await page.close();

    // Assess
    expect(facts.indicatorRows).toBe(thisWeek.indicators.length);
    expect(facts.overflowingCells).toEqual([]);
    expect(facts.reportWidth).toBeGreaterThanOrEqual(600);
    expect(facts.reportWidth).toBeLessThanOrEqual(700);
    expect(facts.pageScrollWidth).toBeLessThanOrEqual(700);
    expect(externalRequests).toBe(0);
  });
});
