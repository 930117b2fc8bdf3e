import type { Indicator, KpiSnapshot, Trend } from '../../domain';
import { vnDayOf } from '../../domain/calendar';
import { INDICATORS } from '../../domain/kpi/indicators';
import { LEVELS } from '../../domain/stars';
import { bulletChartOption, bulletRows, trendChartOption } from '../../report/charts/options';
import { numberFormats } from '../../report/format';
import { labelsFor, registerLabelsFor, uiLabelsFor, type Language } from '../../report/labels';
import { noteText, provinceAndPlanLines } from '../../report/plan-lines';
import { candidatesNote, expiringUnitLabel, waitingProducts } from '../../report/unit-breakdown';
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
  const units = unitRows(snapshot);
  const unassigned = units.filter((row) => row.waiting !== undefined);
  const c = d.districtColumns;
  const columns = LEVELS.length + 7;
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
${unassigned.length > 0 ? `<p class="plan" data-role="unassigned-note">${escape(labels.units.unassignedIntro)} ${escape(labels.units.howToAssign)}</p>` : ''}
<div class="scroll" tabindex="0" role="region" aria-labelledby="h-districts"><table data-table="districts">
<thead><tr><th scope="col">${escape(c.unit)}</th><th scope="col" class="num">${escape(c.active)}</th>${LEVELS.map((l) => `<th scope="col" class="num">${escape(labels.levels[l])}</th>`).join('')}<th scope="col" class="num">${escape(c.recognizedThisYear)}</th><th scope="col" class="num">${escape(c.traceable)}</th><th scope="col" class="num">${escape(c.listed)}</th><th scope="col" class="num">${escape(c.expiring)}</th><th scope="col">${escape(c.products)}</th></tr></thead>
<tbody>${units
    .map(
      (u) => `<tr data-district="${escape(u.code)}"${u.waiting ? ' data-former="true"' : ''}><th scope="row">${escape(u.waiting ? labels.units.withCode(u.name, u.code, true) : u.name)}${u.waiting ? '' : `<span class="code"> ${escape(u.code)}</span>`}</th><td class="num active">${escape(format.count(u.figures.active))}</td>${LEVELS.map((l) => `<td class="num">${escape(format.count(u.figures.byLevel[l]))}</td>`).join('')}<td class="num">${escape(format.count(u.figures.recognizedThisYear))}</td><td class="num">${escape(format.count(u.figures.traceable))}</td><td class="num">${escape(format.count(u.figures.listed))}</td><td class="num">${escape(format.count(u.figures.expiring))}</td>
<td><button type="button" data-drill="${escape(u.code)}" data-filter="${u.filter}" aria-expanded="false" aria-controls="drill-${u.filter}-${escape(u.code)}" aria-label="${escape(d.showProducts(u.waiting ? labels.units.withCode(u.name, u.code, true) : u.name))}">${escape(d.show)}</button></td></tr>
${u.waiting ? `<tr class="waiting" data-waiting="${escape(u.code)}"><td colspan="${columns}">${escape(u.waiting)}</td></tr>` : ''}<tr class="drill" id="drill-${u.filter}-${escape(u.code)}" hidden><td colspan="${columns}"></td></tr>`,
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
</ul></section>
${importSection()}`;

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

/**
 * The rows of the table by unit: the units in force on the day (byUnit, named first, coded second), then each former
 * unit whose products are not yet assigned, said to be one, with how many products wait, where they may belong and how
 * the province assigns them. A snapshot without byUnit (stored before it existed) shows byDistrict.
 */
interface UnitRow {
  code: string;
  name: string;
  figures: KpiSnapshot['breakdown']['byDistrict'][string];
  /** The products' filter of the drill-down: the unit in force on the day, or the unit recorded for the product. */
  filter: 'unit' | 'unassigned' | 'district';
  waiting?: string;
}

function unitRows(snapshot: KpiSnapshot): UnitRow[] {
  const labels = labelsFor(state.language);
  const format = numberFormats(state.language);
  const { byUnit, unassigned, byDistrict } = snapshot.breakdown;
  if (byUnit === undefined) return Object.entries(byDistrict).map(([code, row]) => ({ code, name: row.name ?? code, figures: row, filter: 'district' }));
  return [
    ...Object.entries(byUnit).map(([code, row]): UnitRow => ({ code, name: row.name, figures: row, filter: 'unit' })),
    ...Object.entries(unassigned ?? {}).map(([code, row]): UnitRow => ({
      code,
      name: row.name ?? code,
      figures: row,
      filter: 'unassigned',
      waiting: `${labels.units.unassignedCount(waitingProducts(row), format.count(waitingProducts(row)), format.count(row.active))}. ${candidatesNote(labels, row)}.`,
    })),
  ];
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
  return `<div class="scroll" tabindex="0" role="region" aria-labelledby="h-expiring"><table data-table="expiring"><thead><tr><th scope="col">${escape(c.product)}</th><th scope="col">${escape(c.district)}</th><th scope="col">${escape(c.level)}</th><th scope="col">${escape(c.validUntil)}</th></tr></thead><tbody>
${snapshot.expiring.map((e) => `<tr data-product="${escape(e.productId)}"><td>${escape(e.name)}</td><td>${escape(expiringUnitLabel(labels, snapshot, e))}</td><td>${escape(labels.levels[e.level])}</td><td>${escape(format.day(e.validUntil))}</td></tr>`).join('')}</tbody></table></div>`;
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
  const filter = button.dataset.filter === 'district' || button.dataset.filter === 'unassigned' ? button.dataset.filter : 'unit';
  const row = $(`drill-${filter}-${code}`);
  const d = uiLabelsFor(state.language).dashboard;
  const labels = labelsFor(state.language);
  const format = numberFormats(state.language);
  const ui = uiLabelsFor(state.language);
  const name = unitRows(state.snapshot!).find((u) => u.code === code && u.filter === filter)?.name ?? code;
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
    const page = await apiJson<{ items: ProductItem[]; nextCursor?: string }>(
      `/v1/products?${filter}=${encodeURIComponent(code)}&asOf=${state.day}&limit=${DRILL_LIMIT}`,
    );
    const c = d.productColumns;
    cell.innerHTML =
      page.items.length === 0
        ? `<p>${escape(d.noProducts)}</p>`
        : `<table data-table="products" data-district="${escape(code)}"><thead><tr><th scope="col">${escape(c.product)}</th><th scope="col">${escape(c.owner)}</th><th scope="col">${escape(c.group)}</th><th scope="col">${escape(c.level)}</th><th scope="col">${escape(c.validUntil)}</th><th scope="col">${escape(c.active)}</th></tr></thead><tbody>
${page.items
  .map(
    (p) =>
      `<tr data-product="${escape(p.productId)}"><td>${escape(p.name ?? p.productId)}<span class="code"> ${escape(p.productId)}</span></td><td>${escape(p.subject ? `${p.subject.name} (${ui.subjectKinds[p.subject.kind as keyof typeof ui.subjectKinds] ?? p.subject.kind})` : '')}</td><td>${escape(p.group ? (ui.groups[p.group as keyof typeof ui.groups] ?? p.group) : '')}</td><td>${escape(p.certificate?.level ? labels.levels[p.certificate.level as keyof typeof labels.levels] : '')}</td><td>${escape(p.certificate ? format.day(p.certificate.validUntil) : '')}</td><td>${escape(p.active ? d.activeYes : d.activeNo)}</td></tr>`,
  )
  .join('')}</tbody></table>${page.nextCursor ? `<p>${escape(d.moreProducts(page.items.length))}</p>` : ''}`;
  } catch (error) {
    cell.textContent = d.failed((error as Error).message);
  }
}

interface ImportAnswer {
  dryRun: boolean;
  rowsRead: number;
  rowsUnchanged: number;
  eventsToPublish: number;
  eventsPublished: number;
  rejected: { rowNumber: number; productId?: string; problems: { column: string; reason: string }[] }[];
}

/** Pick a register file, see the dry run's problems (POST /v1/imports), then confirm. */
function importSection(): string {
  const i = registerLabelsFor(state.language).dashboard;
  return `<section class="import" aria-labelledby="h-import"><h2 id="h-import">${escape(i.title)}</h2>
<p><button type="button" data-download="/v1/import-template.xlsx?language=${state.language}">${escape(i.template)}</button></p>
<form id="import-form"><label for="import-file">${escape(i.file)}</label> <input type="file" id="import-file" accept=".xlsx,.csv,${XLSX_TYPE},text/csv" required>
<button type="submit">${escape(i.check)}</button> <button type="button" id="import-confirm" hidden>${escape(i.confirm)}</button></form>
<div id="import-result" role="status" aria-live="polite"></div></section>`;
}

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

async function postImport(file: File, dryRun: boolean): Promise<ImportAnswer> {
  const type = /\.csv$/i.test(file.name) ? 'text/csv' : XLSX_TYPE;
  const response = await fetch(`/v1/imports?dryRun=${dryRun}&language=${state.language}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${state.token}`, 'content-type': type },
    body: file,
    cache: 'no-store',
  });
  const body = (await response.json().catch(() => undefined)) as (ImportAnswer & { error?: { message?: string } }) | undefined;
  if (!response.ok) throw new ApiFailure(`${response.status}: ${body?.error?.message ?? response.statusText}`);
  return body!;
}

async function runImport(dryRun: boolean): Promise<void> {
  const i = registerLabelsFor(state.language).dashboard;
  const d = uiLabelsFor(state.language).dashboard;
  const file = $<HTMLInputElement>('import-file').files?.[0];
  const result = $('import-result');
  const confirm = $<HTMLButtonElement>('import-confirm');
  if (!file) return;
  confirm.hidden = true;
  result.textContent = dryRun ? i.checking : i.publishing;
  try {
    const answer = await postImport(file, dryRun);
    if (!dryRun) {
      result.textContent = answer.rejected.length > 0 ? i.rejectedRows(answer.rejected.length, answer.rowsRead) : i.published(answer.eventsPublished);
      return;
    }
    if (answer.rejected.length > 0) {
      const c = i.columns;
      result.innerHTML = `<p>${escape(i.rejectedRows(answer.rejected.length, answer.rowsRead))}</p><div class="scroll" tabindex="0"><table data-table="import-problems"><thead><tr><th scope="col">${escape(c.row)}</th><th scope="col">${escape(c.productId)}</th><th scope="col">${escape(c.column)}</th><th scope="col">${escape(c.reason)}</th></tr></thead><tbody>
${answer.rejected.flatMap((row) => row.problems.map((p) => `<tr><td class="num">${escape(row.rowNumber)}</td><td>${escape(row.productId ?? '')}</td><td>${escape(p.column)}</td><td>${escape(p.reason)}</td></tr>`)).join('')}</tbody></table></div>`;
      return;
    }
    result.textContent = answer.eventsToPublish > 0 ? i.allValid(answer.rowsRead, answer.eventsToPublish, answer.rowsUnchanged) : i.nothingNew(answer.rowsRead);
    confirm.hidden = answer.eventsToPublish === 0;
  } catch (error) {
    result.textContent = d.failed((error as Error).message);
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
    if (target?.id === 'import-confirm') void runImport(false);
  });
  $('content').addEventListener('submit', (event) => {
    if ((event.target as HTMLElement).id !== 'import-form') return;
    event.preventDefault();
    void runImport(true);
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
