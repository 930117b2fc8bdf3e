import ExcelJS from 'exceljs';
import { inertText } from '../inert-text';

/**
 * One table per worksheet, as an officer expects it in Excel: the header row
 * in bold and frozen, an autofilter over the table, numbers and dates stored
 * as numbers and dates with their formats (Excel writes them with the reader's
 * separators: 1.234 and 52,3% in Vietnamese), dates shown dd/mm/yyyy.
 * Every text cell is written inert (report/inert-text.ts): a string cell,
 * never a formula or a link, whatever a producer typed.
 */
export type CellKind = 'text' | 'count' | 'decimal' | 'percent' | 'day' | 'yesNo';

export interface Column<R> {
  header: string;
  kind: CellKind;
  value: (row: R) => string | number | boolean | undefined;
  /** Width in characters (default from the kind). */
  width?: number;
}

export const NUMBER_FORMATS: Record<Exclude<CellKind, 'text' | 'yesNo'>, string> = {
  count: '#,##0',
  decimal: '#,##0.00',
  percent: '0.0%',
  day: 'dd/mm/yyyy',
};

const DEFAULT_WIDTH: Record<CellKind, number> = { text: 24, count: 12, decimal: 14, percent: 12, day: 13, yesNo: 10 };

/** A day YYYY-MM-DD as the Date exceljs stores (midnight UTC, so no time zone shifts it). */
export function excelDay(day: string): Date {
  return new Date(`${day}T00:00:00Z`);
}

export function addTableSheet<R>(workbook: ExcelJS.Workbook, name: string, columns: readonly Column<R>[], rows: readonly R[], yesNo: { yes: string; no: string }): ExcelJS.Worksheet {
  const sheet = workbook.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = columns.map((column) => ({
    header: column.header,
    width: column.width ?? Math.max(DEFAULT_WIDTH[column.kind], Math.min(column.header.length + 2, 40)),
    ...(column.kind !== 'text' && column.kind !== 'yesNo' && { style: { numFmt: NUMBER_FORMATS[column.kind] } }),
  }));
  for (const row of rows) {
    sheet.addRow(
      columns.map((column) => {
        const value = column.value(row);
        if (value === undefined) return null;
        if (column.kind === 'day') return excelDay(String(value));
        if (column.kind === 'yesNo') return value ? yesNo.yes : yesNo.no;
        return typeof value === 'string' ? inertText(value) : value;
      }),
    );
  }
  const header = sheet.getRow(1);
  header.font = { bold: true };
  header.alignment = { vertical: 'middle', wrapText: true };
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: Math.max(rows.length + 1, 1), column: columns.length } };
  return sheet;
}

export async function workbookBuffer(workbook: ExcelJS.Workbook): Promise<Buffer> {
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/**
 * One sheet as CSV: UTF-8 with a byte-order mark (Excel then reads the Vietnamese letters right), comma-separated, dates dd/mm/yyyy, plain numbers.
 * Every field is quoted, as OWASP advises against CSV injection; the cells were written inert (addTableSheet).
 */
export async function sheetCsv(workbook: ExcelJS.Workbook, sheetName: string): Promise<Buffer> {
  const data = await workbook.csv.writeBuffer({ sheetName, dateFormat: 'DD/MM/YYYY', dateUTC: true, formatterOptions: { writeBOM: true, quoteColumns: true, quoteHeaders: true } } as never);
  return Buffer.from(data);
}

export function newWorkbook(): ExcelJS.Workbook {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'ocop-pulse';
  return workbook;
}
