import { checkEventRules, decideProduct, vnDayOf, type IsoDay, type ProductEvent, type ProductState, type UnitDirectory } from '../../../domain';
import { parseInboundEvent, type InboundEvent } from '../../../events';
import { DEFAULT_LANGUAGE, registerLabelsFor, type Language } from '../../../report/labels';
import type { RegisterColumnKey } from '../../../report/register/columns';
import { eventBridge, eventBusName } from '../clients';
import { registeredProducts } from '../product-register-source';
import { unitDirectoryOfDeployment } from '../unit-directory';
import { parseRow, type CellProblem, type ImportedRow } from './parse-row';
import { publishEvents, type PutEventsSender } from './publish';
import { readRegisterSheet, type RawRow, type SheetTable } from './read-sheet';
import { rowEvents } from './row-events';

/**
 * `importRegister`: a province's register (a workbook, a CSV, or rows) into
 * the catalog's events, checked first with the pipeline's own rules, published
 * only when every row passes (nothing half-imported). The command
 * (scripts/import-register.ts), the dashboard's route and the demo call it.
 *
 * Each row is read (parse-row.ts), turned into the events it stands for minus
 * what the system holds (row-events.ts), and each event checked as the
 * pipeline would: the zod catalog (events/), the rules without history
 * (domain/event-rules.ts, with the units in force on the event's day), and
 * the product's fold (ownership, against the product as stored).
 */
export type ImportInput = { file: Buffer; fileName: string } | { rows: readonly ImportedRow[] };

export interface ImportProgress {
  phase: 'check' | 'publish';
  done: number;
  total: number;
}

export interface ImportOptions {
  /** Check every row, publish nothing (default false). */
  dryRun?: boolean;
  /** Where to publish: default the bus of the environment (EVENTS_ENDPOINT locally, EVENT_BUS_NAME). */
  target?: { client?: PutEventsSender; eventBusName?: string };
  /** Language of the reasons (default Vietnamese). */
  language?: Language;
  onProgress?: (progress: ImportProgress) => void;
  /** The day "listed now" is judged on (default today in Vietnam). */
  today?: IsoDay;
  /** The system's products and units; default read from the store (projections table of the environment). */
  products?: readonly ProductState[];
  directory?: UnitDirectory;
}

export interface RejectedRow {
  rowNumber: number;
  productId?: string;
  problems: CellProblem[];
}

export interface ImportSummary {
  rowsRead: number;
  /** Events the rows stand for that the system does not hold yet. */
  eventsToPublish: number;
  /** Published by this call (0 on a dry run or when a row was rejected). */
  eventsPublished: number;
  /** Rows the system already holds as they are. */
  rowsUnchanged: number;
  rejected: RejectedRow[];
  dryRun: boolean;
  /** The sheet as read (a file input), for the dry-run report. */
  table?: SheetTable;
}

export async function importRegister(input: ImportInput, options: ImportOptions = {}): Promise<ImportSummary> {
  const language = options.language ?? DEFAULT_LANGUAGE;
  const labels = registerLabelsFor(language).problems;
  const table = 'file' in input ? await readRegisterSheet(input.file, input.fileName, language) : undefined;
  const [directory, products] = await Promise.all([options.directory ?? unitDirectoryOfDeployment(), options.products ?? registeredProducts()]);
  const byId = new Map(products.map((state) => [state.productId, state]));
  const today = options.today ?? vnDayOf(new Date());

  const parsed: { rowNumber: number; row?: ImportedRow; productId?: string; problems: CellProblem[] }[] = table
    ? table.rows.map((raw) => parseRow(raw, directory, language))
    : (input as { rows: readonly ImportedRow[] }).rows.map((row, i) => ({ rowNumber: i + 2, row, problems: [] }));
  const rejected: RejectedRow[] = [];
  const toPublish: InboundEvent[] = [];
  let rowsUnchanged = 0;

  const firstRowOf = new Map<string, number[]>();
  for (const { rowNumber, row } of parsed) if (row) firstRowOf.set(row.productId, [...(firstRowOf.get(row.productId) ?? []), rowNumber]);

  parsed.forEach((result, index) => {
    const problems: CellProblem[] = [...result.problems];
    const row = result.row;
    if (row) {
      const same = firstRowOf.get(row.productId)!;
      if (same.length > 1) problems.push({ rowNumber: result.rowNumber, key: 'productId', reason: labels.duplicateId(same.join(', ')) });
      else problems.push(...checkRowEvents(row, result.rowNumber, byId.get(row.productId), directory, today, labels.rule, toPublish, () => (rowsUnchanged += 1)));
    }
    const productId = row?.productId ?? result.productId;
    if (problems.length > 0) rejected.push({ rowNumber: result.rowNumber, ...(productId !== undefined && { productId }), problems });
    if (index % 200 === 199 || index === parsed.length - 1) options.onProgress?.({ phase: 'check', done: index + 1, total: parsed.length });
  });

  const summary: ImportSummary = {
    rowsRead: parsed.length,
    eventsToPublish: toPublish.length,
    eventsPublished: 0,
    rowsUnchanged,
    rejected,
    dryRun: options.dryRun === true,
    ...(table && { table }),
  };
  if (options.dryRun || rejected.length > 0 || toPublish.length === 0) return summary;

  // Registrations first: the other events of a product would otherwise wait for theirs.
  const ordered = [...toPublish.filter((e) => e.detailType === 'ProductRegistered'), ...toPublish.filter((e) => e.detailType !== 'ProductRegistered')];
  summary.eventsPublished = await publishEvents(ordered, {
    client: options.target?.client ?? eventBridge(),
    eventBusName: options.target?.eventBusName ?? eventBusName(),
    onProgress: (done, total) => options.onProgress?.({ phase: 'publish', done, total }),
  });
  return summary;
}

/** The row's events checked as the pipeline checks them; accepted ones are added to `out`. Returns the problems. */
function checkRowEvents(
  row: ImportedRow,
  rowNumber: number,
  current: ProductState | undefined,
  directory: UnitDirectory,
  today: IsoDay,
  rule: (reason: string) => string,
  out: InboundEvent[],
  unchanged: () => void,
): CellProblem[] {
  const events = rowEvents(row, current, today);
  if (events.length === 0) {
    unchanged();
    return [];
  }
  const problems: CellProblem[] = [];
  const valid: { event: ProductEvent; key: RegisterColumnKey }[] = [];
  for (const { event, key } of events) {
    const parsed = parseInboundEvent({ source: event.source, 'detail-type': event.detailType, detail: event.detail });
    const reasons = parsed.ok ? checkEventRules(parsed.event, directory) : parsed.reasons;
    if (reasons.length > 0) problems.push(...reasons.map((reason) => ({ rowNumber, key: keyOfReason(reason, key), reason: rule(reason) })));
    else valid.push({ event: (parsed as { ok: true; event: InboundEvent }).event as ProductEvent, key });
  }
  if (problems.length === 0) {
    const decision = decideProduct(row.productId, current, valid.map((v) => v.event), directory);
    decision.verdicts.forEach((verdict, i) => {
      if (verdict.verdict === 'rejected') problems.push(...verdict.reasons.map((reason) => ({ rowNumber, key: keyOfReason(reason, valid[i]!.key), reason: rule(reason) })));
    });
  }
  if (problems.length === 0) out.push(...valid.map((v) => v.event));
  return problems;
}

const FIELD_COLUMN: Record<string, RegisterColumnKey> = {
  productId: 'productId',
  name: 'name',
  group: 'group',
  subject: 'ownerName',
  districtCode: 'unitCode',
  communeCode: 'unitCode',
  occurredAt: 'registeredOn',
  stars: 'stars',
  score: 'score',
  council: 'council',
  fiveStarPotential: 'fiveStarPotential',
  decisionNo: 'decisionNo',
  decisionDate: 'decisionDate',
  validUntil: 'validUntil',
  marketplace: 'marketplaces',
  listingUrl: 'marketplaces',
  listedAt: 'marketplaces',
  system: 'traceability',
  traceCode: 'traceability',
  enrolledAt: 'traceability',
};

/** The column a pipeline reason points at (its `detail.<field>`), else the event's own column. */
function keyOfReason(reason: string, fallback: RegisterColumnKey): RegisterColumnKey {
  const field = /^detail\.(\w+)/.exec(reason)?.[1];
  if (field === 'subject') return /subject\.kind/.test(reason) ? 'ownerKind' : 'ownerName';
  if (field === 'occurredAt' && fallback !== 'productId') return fallback;
  return (field !== undefined ? FIELD_COLUMN[field] : undefined) ?? fallback;
}

export type { RawRow };
