import ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';
import { registerLabelsFor, type Language } from '../../../report/labels';
import { REGISTER_COLUMNS, registerColumnOfHeader, registerHeader, type RegisterColumnKey } from '../../../report/register/columns';
import { checkRegisterFile, RegisterFileError } from './file-guard';

/**
 * A register sheet read cell by cell, before any meaning is given to the
 * values: the header row mapped to the register's columns, then one record per
 * non-empty row. Refuses the whole file (RegisterFileError) for what no row
 * can fix: not a workbook, encrypted, too large, a zip bomb, hidden sheets,
 * merged cells, unknown, missing or repeated columns, too many rows.
 * Formulas are never evaluated: such a cell is kept as a formula, for the row
 * to be refused.
 */
export const MAX_IMPORT_ROWS = 20_000;

export type RawValue = string | number | boolean | Date;

export interface RawCell {
  /** The value as stored (a formula's cached result is not used). */
  value?: RawValue;
  formula?: true;
  /** Excel error (#N/A...) or another value the import cannot read. */
  unreadable?: true;
}

export interface RawRow {
  /** 1-based, as the officer sees it in the sheet. */
  rowNumber: number;
  cells: Partial<Record<RegisterColumnKey, RawCell>>;
}

export interface SheetTable {
  sheetName: string;
  /** The headers as written, by column key, and their 1-based column numbers. */
  columns: { key: RegisterColumnKey; header: string; column: number }[];
  rows: RawRow[];
}

export async function readRegisterSheet(file: Buffer, fileName: string, language: Language): Promise<SheetTable> {
  const kind = checkRegisterFile(file, fileName, language);
  const grid = kind === 'csv' ? csvGrid(file, language) : await xlsxGrid(file, language);
  return tableOf(grid, language);
}

interface Grid {
  sheetName: string;
  /** rows[r][c], both 0-based; undefined for an empty cell. */
  rows: (RawCell | undefined)[][];
}

function csvGrid(file: Buffer, language: Language): Grid {
  let records: string[][];
  try {
    records = parse(file, { bom: true, relax_column_count: true, skip_empty_lines: false }) as string[][];
  } catch (error) {
    throw new RegisterFileError('notAWorkbook', registerLabelsFor(language).fileProblems.notAWorkbook, { cause: error });
  }
  return { sheetName: 'CSV', rows: records.map((record) => record.map((text) => (text.trim() === '' ? undefined : { value: text }))) };
}

async function xlsxGrid(file: Buffer, language: Language): Promise<Grid> {
  const labels = registerLabelsFor(language);
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(file as never);
  } catch (error) {
    throw new RegisterFileError('notAWorkbook', labels.fileProblems.notAWorkbook, { cause: error });
  }
  const hidden = workbook.worksheets.find((sheet) => sheet.state !== 'visible' && !isListsSheet(sheet.name));
  if (hidden) throw new RegisterFileError('hiddenSheet', labels.fileProblems.hiddenSheet(hidden.name));
  const sheet = registerSheetOf(workbook);
  if (!sheet) {
    throw new RegisterFileError('noRegisterSheet', labels.fileProblems.noRegisterSheet(workbook.worksheets.map((s) => `"${s.name}"`).join(', ')));
  }
  const merges = (sheet.model as { merges?: string[] }).merges ?? [];
  if (merges.length > 0) throw new RegisterFileError('mergedCells', labels.fileProblems.mergedCells(sheet.name, merges.slice(0, 5).join(', ')));
  if (sheet.actualRowCount > MAX_IMPORT_ROWS + 1) throw new RegisterFileError('tooManyRows', labels.fileProblems.tooManyRows(MAX_IMPORT_ROWS));
  const rows: (RawCell | undefined)[][] = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: (RawCell | undefined)[] = [];
    row.eachCell({ includeEmpty: false }, (cell, column) => {
      cells[column - 1] = rawCell(cell);
    });
    rows[rowNumber - 1] = cells;
  });
  return { sheetName: sheet.name, rows };
}

/** The template's lists sheet (hidden on purpose, read by no one): any other hidden sheet refuses the file. */
const isListsSheet = (name: string) => name === registerLabelsFor('vi').sheets.lists || name === registerLabelsFor('en').sheets.lists;
const INSTRUCTION_SHEETS = new Set([registerLabelsFor('vi').sheets.instructions, registerLabelsFor('en').sheets.instructions]);
const REGISTER_SHEETS = new Set([registerLabelsFor('vi').sheets.register, registerLabelsFor('en').sheets.register]);

/** The register sheet: named so, else the only sheet that is neither instructions nor lists. */
function registerSheetOf(workbook: ExcelJS.Workbook): ExcelJS.Worksheet | undefined {
  const named = workbook.worksheets.find((sheet) => REGISTER_SHEETS.has(sheet.name));
  if (named) return named;
  const candidates = workbook.worksheets.filter((sheet) => !INSTRUCTION_SHEETS.has(sheet.name) && !isListsSheet(sheet.name));
  return candidates.length === 1 ? candidates[0] : undefined;
}

function rawCell(cell: ExcelJS.Cell): RawCell | undefined {
  switch (cell.type) {
    case ExcelJS.ValueType.Null:
    case ExcelJS.ValueType.Merge:
      return undefined;
    case ExcelJS.ValueType.Formula:
    case ExcelJS.ValueType.SharedString:
      return cell.type === ExcelJS.ValueType.Formula ? { formula: true } : { value: String(cell.text) };
    case ExcelJS.ValueType.Number:
    case ExcelJS.ValueType.Boolean:
    case ExcelJS.ValueType.Date:
      return { value: cell.value as number | boolean | Date };
    case ExcelJS.ValueType.String:
      return blankToUndefined(cell.value as string);
    case ExcelJS.ValueType.RichText:
      return blankToUndefined((cell.value as ExcelJS.CellRichTextValue).richText.map((run) => run.text).join(''));
    case ExcelJS.ValueType.Hyperlink:
      return blankToUndefined(String((cell.value as ExcelJS.CellHyperlinkValue).text ?? ''));
    default:
      return { unreadable: true };
  }
}

const blankToUndefined = (text: string): RawCell | undefined => (text.trim() === '' ? undefined : { value: text });

/** The reason column the dry run adds: read back without complaint, and ignored. */
const REASON_HEADERS = new Set([registerLabelsFor('vi').reasonHeader, registerLabelsFor('en').reasonHeader].map((h) => h.toLocaleLowerCase('vi')));

function tableOf(grid: Grid, language: Language): SheetTable {
  const problems = registerLabelsFor(language).fileProblems;
  const headerIndex = grid.rows.findIndex((row) => row !== undefined && row.some((cell) => cell?.value !== undefined || cell?.formula));
  if (headerIndex < 0) throw new RegisterFileError('empty', problems.empty);
  const headerRow = grid.rows[headerIndex]!;
  const columns: SheetTable['columns'] = [];
  const unknown: string[] = [];
  const seen = new Map<RegisterColumnKey, string[]>();
  headerRow.forEach((cell, index) => {
    if (cell === undefined) return;
    const header = cell.value === undefined ? '' : String(cell.value).trim();
    if (header === '') return;
    if (REASON_HEADERS.has(header.toLocaleLowerCase('vi'))) return;
    const column = registerColumnOfHeader(header);
    if (!column) {
      unknown.push(`"${header}"`);
      return;
    }
    seen.set(column.key, [...(seen.get(column.key) ?? []), header]);
    columns.push({ key: column.key, header, column: index + 1 });
  });
  if (unknown.length > 0) throw new RegisterFileError('unknownColumns', problems.unknownColumns(unknown.join(', ')));
  const repeated = [...seen.values()].filter((headers) => headers.length > 1).map((headers) => headers.map((h) => `"${h}"`).join(' = '));
  if (repeated.length > 0) throw new RegisterFileError('duplicateColumns', problems.duplicateColumns(repeated.join('; ')));
  const named = (key: RegisterColumnKey) => `"${registerHeader(key, language)}"`;
  const missing = REGISTER_COLUMNS.filter((column) => column.requirement === 'always' && !seen.has(column.key)).map((column) => named(column.key));
  if (!seen.has('unitCode') && !seen.has('unit')) missing.push(`${named('unitCode')} / ${named('unit')}`);
  if (missing.length > 0) throw new RegisterFileError('missingColumns', problems.missingColumns(missing.join(', ')));
  const rows: RawRow[] = [];
  for (let r = headerIndex + 1; r < grid.rows.length; r++) {
    const source = grid.rows[r];
    if (!source) continue;
    const cells: RawRow['cells'] = {};
    let any = false;
    for (const { key, column } of columns) {
      const cell = source[column - 1];
      if (cell) {
        cells[key] = cell;
        any = true;
      }
    }
    if (any) rows.push({ rowNumber: r + 1, cells });
  }
  if (rows.length > MAX_IMPORT_ROWS) throw new RegisterFileError('tooManyRows', problems.tooManyRows(MAX_IMPORT_ROWS));
  if (rows.length === 0) throw new RegisterFileError('empty', problems.empty);
  return { sheetName: grid.sheetName, columns, rows };
}
