import type { Indicator, KpiSnapshot, Trend } from '../../domain';
import { vnDayOf } from '../../domain/calendar';
import { INDICATORS } from '../../domain/kpi/indicators';
import { LEVELS } from '../../domain/stars';
import { bulletChartOption, bulletRows, trendChartOption } from '../../report/charts/options';
import { numberFormats } from '../../report/format';
import { labelsFor, uiLabelsFor, type Language } from '../../report/labels';
import { noteText, provinceAndPlanLines } from '../../report/plan-lines';
import { bearerToken, loadConfig, signOut, type DashboardConfig } from './auth';
import { disposeCharts, drawChart } from './charts';

/**
 * The steering committee's dashboard: the numbers of GET /v1/kpis (as of the
 * chosen day), the trend, the units with their products, the expiring
 * certificates, the rejections, the forecast, and the spreadsheets. It calls
 * only its own origin (`/v1/…`); the wording is report/labels.ts'.
 */
interface ProductItem {
  productId: string;
  name?: string;
  subject?: { name: string; kind: string };
  group?: string;
  active: boolean;
  certificate?: { level?: string; validUntil: string };
}
interface Rejection {
  rejectionId: string;
  source: string;
  detailType: string;
  reasons: string[];
  rejectedAt: string;
}

const LANGUAGE_KEY = 'ocop-pulse.language';
const DRILL_LIMIT = 100;
const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;

const state: { language: Language; day: string; token?: string; snapshot?: KpiSnapshot; trend?: Trend; rejections?: Rejection[]; config?: DashboardConfig } = {
  language: localStorage.getItem(LANGUAGE_KEY) === 'en' ? 'en' : 'vi',
  day: vnDayOf(new Date()),
};

class ApiFailure extends Error {
  override name = 'ApiFailure';
}

async function api(path: string): Promise<Response> {
  const response = await fetch(path, { headers: { authorization: `Bearer ${state.token}` }, cache: 'no-store' });
  if (!response.ok) {
    const body = (await response.json().catch(() => undefined)) as { error?: { message?: string } } | undefined;
    throw new ApiFailure(`${response.status}: ${body?.error?.message ?? response.statusText}`);
  }
  return response;
}
const apiJson = async <T>(path: string): Promise<T> => (await (await api(path)).json()) as T;

const escape = (text: unknown) =>
  String(text ?? '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

function setStatus(message: string, error = false): void {
  const status = $('status');
  status.textContent = message;
  status.className = error ? 'error' : '';
}

async function load(): Promise<void> {
  const ui = uiLabelsFor(state.language);
  setStatus(ui.dashboard.loading);
  try {
    const [snapshot, trend, rejections] = await Promise.all([
      apiJson<KpiSnapshot>(`/v1/kpis?asOf=${state.day}`),
      apiJson<Trend>(`/v1/kpis/trend?to=${state.day}`),
      apiJson<{ items: Rejection[] }>('/v1/rejections?limit=50'),
    ]);
    Object.assign(state, { snapshot, trend, rejections: rejections.items });
    render();
    setStatus('');
  } catch (error) {
    setStatus(ui.dashboard.failed((error as Error).message), true);
  }
}

function showValue(indicator: Pick<Indicator, 'id'>, value: number): string {
  const format = numberFormats(state.language);
  return INDICATORS[indicator.id] === 'share' ? format.percent(value) : format.count(value);
}

function render(): void {
  const snapshot = state.snapshot!;
  const labels = labelsFor(state.language);
  const ui = uiLabelsFor(state.language);
  const d = ui.dashboard;
  const format = numberFormats(state.language);
  disposeCharts();
  document.title = d.title(snapshot.province.name);
  $('title').textContent = d.title(snapshot.province.name);

  const withTarget = snapshot.indicators.filter((i) => i.target !== undefined);
  const without = snapshot.indicators.filter((i) => i.target === undefined);
  const indicatorItem = (i: Indicator) => {
    const status = i.status ?? 'none';
    const target = i.target === undefined ? '' : `<span>${escape(labels.columns.target)}: <span class="target">${escape(targetText(i))}</span></span>`;
    const expected = i.expectedByNow !== undefined && i.status !== 'met' ? `<span>${escape(labels.expectedByNow(format.count(i.expectedByNow)))}</span>` : '';
    const forecast = i.forecast ? `<span class="forecast">${escape(ui.forecastLine(format.count(i.forecast.value), format.day(i.forecast.periodEnd)))}</span>` : '';
    return `<li class="indicator" data-indicator="${escape(i.id)}">
<div class="name" id="name-${escape(i.id)}">${escape(labels.indicators[i.id])}</div>
<div class="figures"><span>${escape(labels.columns.value)}: <span class="value">${escape(showValue(i, i.value))}</span></span>${target}
<span class="badge ${status}">${escape(i.status ? labels.status[i.status] : labels.noStatus)}</span>${expected}${forecast}</div>
${i.target !== undefined ? `<div class="bullet" data-bullet="${escape(i.id)}"></div>` : ''}</li>`;
  };

  const forecastRows = withTarget.filter((i) => i.forecast);
  const districts = Object.entries(snapshot.breakdown.byDistrict);
  const c = d.districtColumns;
  const trend = state.trend!;

  $('content').innerHTML = `
<div class="plan" data-role="province-and-plan">${planLines(snapshot)
    .map((line) => `<p>${escape(line)}</p>`)
    .join('')}</div>
<section aria-labelledby="h-indicators"><h2 id="h-indicators">${escape(d.sections.indicators)}</h2>
<ul class="indicators">${withTarget.map(indicatorItem).join('')}${without.map(indicatorItem).join('')}</ul>
<p class="plan">${escape(labels.statusLegend)}</p></section>
<section aria-labelledby="h-forecast"><h2 id="h-forecast">${escape(d.sections.forecast)}</h2>
${forecastRows.length === 0 ? `<p>${escape(d.noForecast)}</p>` : `<div class="scroll" tabindex="0" role="region" aria-labelledby="h-forecast"><table data-table="forecast">
<thead><tr><th scope="col">${escape(d.forecastColumns.indicator)}</th><th scope="col" class="num">${escape(d.forecastColumns.value)}</th><th scope="col" class="num">${escape(d.forecastColumns.target)}</th><th scope="col" class="num">${escape(d.forecastColumns.forecast)}</th><th scope="col">${escape(d.forecastColumns.periodEnd)}</th><th scope="col">${escape(d.forecastColumns.outlook)}</th></tr></thead>
<tbody>${forecastRows
    .map(
      (i) => `<tr data-indicator="${escape(i.id)}"><th scope="row">${escape(labels.indicators[i.id])}</th><td class="num">${escape(showValue(i, i.value))}</td><td class="num">${escape(showValue(i, i.target!))}</td><td class="num forecast">${escape(format.count(i.forecast!.value))}</td><td>${escape(format.day(i.forecast!.periodEnd))}</td><td><span class="badge ${i.forecast!.at_risk ? 'risk' : 'course'}">${escape(i.forecast!.at_risk ? ui.atRisk : ui.onCourse)}</span></td></tr>`,
    )
    .join('')}</tbody></table></div>`}</section>
<section aria-labelledby="h-trend"><h2 id="h-trend">${escape(d.sections.trend)}</h2>
<div class="chart" id="trend-chart"></div>
<details><summary>${escape(d.trendTableCaption)}</summary><div class="scroll" tabindex="0"><table data-table="trend"><caption>${escape(d.trendTableCaption)}</caption>
<thead><tr><th scope="col">${escape(d.trendColumns.day)}</th>${LEVELS.map((l) => `<th scope="col" class="num">${escape(labels.levels[l])}</th>`).join('')}<th scope="col" class="num">${escape(d.trendColumns.total)}</th></tr></thead>
<tbody>${trend.points.map((p) => `<tr><td>${escape(format.day(p.asOfDay))}</td>${LEVELS.map((l) => `<td class="num">${escape(format.count(p.byLevel[l]))}</td>`).join('')}<td class="num">${escape(format.count(p.active))}</td></tr>`).join('')}</tbody></table></div></details></section>
<section aria-labelledby="h-districts"><h2 id="h-districts">${escape(d.sections.districts)}</h2>
<div class="scroll" tabindex="0" role="region" aria-labelledby="h-districts"><table data-table="districts">
<thead><tr><th scope="col">${escape(c.unit)}</th><th scope="col" class="num">${escape(c.active)}</th>${LEVELS.map((l) => `<th scope="col" class="num">${escape(labels.levels[l])}</th>`).join('')}<th scope="col" class="num">${escape(c.recognizedThisYear)}</th><th scope="col" class="num">${escape(c.traceable)}</th><th scope="col" class="num">${escape(c.listed)}</th><th scope="col" class="num">${escape(c.expiring)}</th><th scope="col">${escape(c.products)}</th></tr></thead>
<tbody>${districts
    .map(
      ([code, u]) => `<tr data-district="${escape(code)}"><th scope="row">${escape(u.name ?? code)}</th><td class="num active">${escape(format.count(u.active))}</td>${LEVELS.map((l) => `<td class="num">${escape(format.count(u.byLevel[l]))}</td>`).join('')}<td class="num">${escape(format.count(u.recognizedThisYear))}</td><td class="num">${escape(format.count(u.traceable))}</td><td class="num">${escape(format.count(u.listed))}</td><td class="num">${escape(format.count(u.expiring))}</td>
<td><button type="button" data-drill="${escape(code)}" aria-expanded="false" aria-controls="drill-${escape(code)}" aria-label="${escape(d.showProducts(u.name ?? code))}">${escape(d.show)}</button></td></tr>
<tr class="drill" id="drill-${escape(code)}" hidden><td colspan="${LEVELS.length + 7}"></td></tr>`,
    )
    .join('')}</tbody></table></div></section>
${endedPlanSection(snapshot)}
<div class="grid two">
<section aria-labelledby="h-expiring"><h2 id="h-expiring">${escape(d.sections.expiring)}</h2>${expiringTable(snapshot)}</section>
<section aria-labelledby="h-rejections"><h2 id="h-rejections">${escape(d.sections.rejections)}</h2>${rejectionsTable()}</section>
</div>
<section class="downloads" aria-labelledby="h-downloads"><h2 id="h-downloads">${escape(d.sections.downloads)}</h2><ul>
<li><button type="button" data-download="/v1/kpis.xlsx?asOf=${state.day}">${escape(d.downloads.kpisXlsx)}</button></li>
<li><button type="button" data-download="/v1/kpis.csv?asOf=${state.day}">${escape(d.downloads.kpisCsv)}</button></li>
<li><button type="button" data-download="/v1/products.xlsx?asOf=${state.day}">${escape(d.downloads.productsXlsx)}</button></li>
<li><button type="button" data-download="/v1/products.csv?asOf=${state.day}">${escape(d.downloads.productsCsv)}</button></li>
</ul></section>`;

  const rows = bulletRows(snapshot, state.language);
  for (const row of rows) {
    const element = document.querySelector<HTMLElement>(`[data-bullet="${row.id}"]`);
    if (element) drawChart(element, bulletChartOption([row], state.language, { names: false }), `${row.label}: ${row.caption}`);
  }
  drawChart($('trend-chart'), trendChartOption(trend.points, state.language, { title: false }), d.trendTableCaption);
}

/** The province of the day, the plan in force (its period) or that none is and since when, the notes, the day. */
function planLines(snapshot: KpiSnapshot): string[] {
  const labels = labelsFor(state.language);
  const d = uiLabelsFor(state.language).dashboard;
  const format = numberFormats(state.language);
  const lines = provinceAndPlanLines(snapshot, labels, format);
  if (snapshot.plan) {
    // The dashboard words the plan with its period.
    const planLine = labels.planLine(snapshot.plan.title);
    const withPeriod = d.planLine(snapshot.plan.title, format.day(snapshot.plan.period.start), format.day(snapshot.plan.period.end));
    lines.splice(lines.indexOf(planLine), 1, withPeriod);
  }
  return [...lines, labels.asOfLine(format.day(snapshot.asOfDay))];
}

/** The final results of the latest ended plan (value on its last day, target, met or not met). */
function endedPlanSection(snapshot: KpiSnapshot): string {
  const ended = snapshot.endedPlan;
  if (!ended) return '';
  const labels = labelsFor(state.language);
  const format = numberFormats(state.language);
  const notes = (ended.notes ?? []).map((note) => `<p class="plan">${escape(noteText(note, labels, format))}</p>`).join('');
  return `<section aria-labelledby="h-ended-plan" data-role="ended-plan"><h2 id="h-ended-plan">${escape(labels.endedPlanHeading(ended.title, format.day(ended.period.end)))}</h2>${notes}
<div class="scroll" tabindex="0" role="region" aria-labelledby="h-ended-plan"><table data-table="ended-plan">
<thead><tr><th scope="col">${escape(labels.columns.indicator)}</th><th scope="col" class="num">${escape(labels.columns.value)}</th><th scope="col" class="num">${escape(labels.columns.target)}</th><th scope="col">${escape(labels.columns.status)}</th></tr></thead>
<tbody>${ended.indicators
    .map(
      (i) =>
        `<tr data-indicator="${escape(i.id)}"><th scope="row">${escape(labels.indicators[i.id])}</th><td class="num">${escape(showValue(i, i.value))}</td><td class="num">${escape(targetText(i))}</td><td><span class="badge ${i.status ?? 'none'}">${escape(i.status ? labels.status[i.status] : labels.noStatus)}</span></td></tr>`,
    )
    .join('')}</tbody></table></div></section>`;
}

function targetText(i: Indicator): string {
  const labels = labelsFor(state.language);
  const shown = showValue(i, i.target!);
  if (INDICATORS[i.id] !== 'share') return shown;
  return i.comparison === 'moreThan' ? labels.targetMoreThan(shown) : labels.targetAtLeast(shown);
}

function expiringTable(snapshot: KpiSnapshot): string {
  const labels = labelsFor(state.language);
  const format = numberFormats(state.language);
  const c = labels.expiringColumns;
  if (snapshot.expiring.length === 0) return `<p>${escape(labels.noExpiring)}</p>`;
  const unit = (code: string) => snapshot.breakdown.byDistrict[code]?.name ?? code;
  return `<div class="scroll" tabindex="0" role="region" aria-labelledby="h-expiring"><table data-table="expiring"><thead><tr><th scope="col">${escape(c.product)}</th><th scope="col">${escape(c.district)}</th><th scope="col">${escape(c.level)}</th><th scope="col">${escape(c.validUntil)}</th></tr></thead><tbody>
${snapshot.expiring.map((e) => `<tr data-product="${escape(e.productId)}"><td>${escape(e.name)}</td><td>${escape(unit(e.districtCode))}</td><td>${escape(labels.levels[e.level])}</td><td>${escape(format.day(e.validUntil))}</td></tr>`).join('')}</tbody></table></div>`;
}

function rejectionsTable(): string {
  const d = uiLabelsFor(state.language).dashboard;
  const rejections = state.rejections ?? [];
  if (rejections.length === 0) return `<p>${escape(d.noRejections)}</p>`;
  const format = numberFormats(state.language);
  const c = d.rejectionColumns;
  return `<div class="scroll" tabindex="0" role="region" aria-labelledby="h-rejections"><table data-table="rejections"><thead><tr><th scope="col">${escape(c.rejectedAt)}</th><th scope="col">${escape(c.unit)}</th><th scope="col">${escape(c.event)}</th><th scope="col">${escape(c.reasons)}</th></tr></thead><tbody>
${rejections.map((r) => `<tr><td>${escape(format.day(vnDayOf(r.rejectedAt)))}</td><td>${escape(r.source)}</td><td>${escape(r.detailType)}</td><td>${r.reasons.map((reason) => `<div>${escape(reason)}</div>`).join('')}</td></tr>`).join('')}</tbody></table></div>`;
}

async function drill(button: HTMLButtonElement): Promise<void> {
  const code = button.dataset.drill!;
  const row = $(`drill-${code}`);
  const d = uiLabelsFor(state.language).dashboard;
  const labels = labelsFor(state.language);
  const format = numberFormats(state.language);
  const ui = uiLabelsFor(state.language);
  const name = state.snapshot!.breakdown.byDistrict[code]?.name ?? code;
  if (button.getAttribute('aria-expanded') === 'true') {
    row.hidden = true;
    button.setAttribute('aria-expanded', 'false');
    button.textContent = d.show;
    button.setAttribute('aria-label', d.showProducts(name));
    return;
  }
  const cell = row.firstElementChild as HTMLElement;
  cell.textContent = d.loading;
  row.hidden = false;
  button.setAttribute('aria-expanded', 'true');
  button.textContent = d.hideProducts;
  button.setAttribute('aria-label', d.hideProducts);
  try {
    const page = await apiJson<{ items: ProductItem[]; nextCursor?: string }>(`/v1/products?district=${encodeURIComponent(code)}&limit=${DRILL_LIMIT}`);
    const c = d.productColumns;
    cell.innerHTML =
      page.items.length === 0
        ? `<p>${escape(d.noProducts)}</p>`
        : `<table data-table="products" data-district="${escape(code)}"><thead><tr><th scope="col">${escape(c.product)}</th><th scope="col">${escape(c.owner)}</th><th scope="col">${escape(c.group)}</th><th scope="col">${escape(c.level)}</th><th scope="col">${escape(c.validUntil)}</th><th scope="col">${escape(c.active)}</th></tr></thead><tbody>
${page.items
  .map(
    (p) =>
      `<tr data-product="${escape(p.productId)}"><td>${escape(p.name ?? p.productId)}</td><td>${escape(p.subject ? `${p.subject.name} (${ui.subjectKinds[p.subject.kind as keyof typeof ui.subjectKinds] ?? p.subject.kind})` : '')}</td><td>${escape(p.group ? (ui.groups[p.group as keyof typeof ui.groups] ?? p.group) : '')}</td><td>${escape(p.certificate?.level ? labels.levels[p.certificate.level as keyof typeof labels.levels] : '')}</td><td>${escape(p.certificate ? format.day(p.certificate.validUntil) : '')}</td><td>${escape(p.active ? d.activeYes : d.activeNo)}</td></tr>`,
  )
  .join('')}</tbody></table>${page.nextCursor ? `<p>${escape(d.moreProducts(page.items.length))}</p>` : ''}`;
  } catch (error) {
    cell.textContent = d.failed((error as Error).message);
  }
}

async function download(path: string): Promise<void> {
  const d = uiLabelsFor(state.language).dashboard;
  try {
    const response = await api(path);
    const name = /filename="([^"]+)"/.exec(response.headers.get('content-disposition') ?? '')?.[1] ?? 'ocop';
    const url = URL.createObjectURL(await response.blob());
    const link = Object.assign(document.createElement('a'), { href: url, download: name });
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  } catch (error) {
    setStatus(d.failed((error as Error).message), true);
  }
}

function applyLanguage(): void {
  const d = uiLabelsFor(state.language).dashboard;
  document.documentElement.lang = state.language;
  $('skip').textContent = d.skipToContent;
  $('as-of-label').textContent = d.asOfLabel;
  $('show').textContent = d.show;
  const language = $('language');
  language.textContent = d.languageSwitch;
  language.setAttribute('lang', state.language === 'vi' ? 'en' : 'vi');
  $('sign-out').textContent = d.signOut;
}

async function start(): Promise<void> {
  applyLanguage();
  const input = $<HTMLInputElement>('as-of');
  const fromQuery = new URLSearchParams(location.search).get('asOf');
  if (fromQuery && /^\d{4}-\d{2}-\d{2}$/.test(fromQuery)) state.day = fromQuery;
  input.value = state.day;
  input.max = vnDayOf(new Date());

  $('day-form').addEventListener('submit', (event) => {
    event.preventDefault();
    if (!input.value) return;
    state.day = input.value;
    void load();
  });
  $('language').addEventListener('click', () => {
    state.language = state.language === 'vi' ? 'en' : 'vi';
    localStorage.setItem(LANGUAGE_KEY, state.language);
    applyLanguage();
    if (state.snapshot) render();
  });
  $('content').addEventListener('click', (event) => {
    const target = (event.target as HTMLElement).closest('button');
    if (target?.dataset.drill) void drill(target as HTMLButtonElement);
    if (target?.dataset.download) void download(target.dataset.download);
  });

  state.config = await loadConfig();
  state.token = await bearerToken(state.config);
  if (state.config.auth === 'oidc') {
    const signOutButton = $('sign-out');
    signOutButton.hidden = false;
    signOutButton.addEventListener('click', () => {
      signOut();
      location.reload();
    });
  }
  if (!state.token) {
    if (state.config.auth === 'fragment') setStatus(uiLabelsFor(state.language).dashboard.noToken, true);
    return;
  }
  await load();
}

void start();
