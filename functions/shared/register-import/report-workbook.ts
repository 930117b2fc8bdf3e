import type ExcelJS from 'exceljs';
import { inertText } from '../../../report/inert-text';
import { registerLabelsFor, type Language } from '../../../report/labels';
import { registerHeader } from '../../../report/register/columns';
import { NUMBER_FORMATS, newWorkbook, workbookBuffer } from '../../../report/workbooks/table-sheet';
import type { RejectedRow } from './import-register';
import type { SheetTable } from './read-sheet';

/**
 * The dry run's workbook: the sheet as read, its offending cells filled and
 * annotated (a note with the reason), and beside each row the reasons in the
 * officer's language. Every text is written inert (a formula in the input is
 * shown as an empty marked cell, never written back as a formula). The
 * import reads this workbook back: the reason column is ignored.
 */
const MARK: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFC7CE' } };

export async function dryRunReport(table: SheetTable, rejected: readonly RejectedRow[], language: Language): Promise<Buffer> {
  const labels = registerLabelsFor(language);
  const workbook = newWorkbook();
  const sheet = workbook.addWorksheet(labels.sheets.register, { views: [{ state: 'frozen', ySplit: 1 }] });
  const columns = table.columns;
  sheet.addRow([...columns.map((c) => c.header), labels.reasonHeader]).font = { bold: true };
  columns.forEach((_, i) => (sheet.getColumn(i + 1).width = 20));
  sheet.getColumn(columns.length + 1).width = 80;
  const problemsOf = new Map(rejected.map((row) => [row.rowNumber, row.problems]));
  for (const raw of table.rows) {
    const problems = problemsOf.get(raw.rowNumber) ?? [];
    const row = sheet.addRow([
      ...columns.map(({ key }) => {
        const value = raw.cells[key]?.value;
        return typeof value === 'string' ? inertText(value) : (value ?? null);
      }),
      problems.length > 0 ? inertText(problems.map((p) => `${registerHeader(p.key, language)}: ${p.reason}`).join('\n')) : null,
    ]);
    columns.forEach(({ key }, i) => {
      if (raw.cells[key]?.value instanceof Date) row.getCell(i + 1).numFmt = NUMBER_FORMATS.day;
      const here = problems.filter((p) => p.key === key);
      if (here.length === 0) return;
      const cell = row.getCell(i + 1);
      cell.fill = MARK;
      cell.note = inertText(here.map((p) => p.reason).join('\n'));
    });
    // A problem in a column the sheet does not have (e.g. the unit given by name only): mark the reason cell.
    if (problems.some((p) => !columns.some((c) => c.key === p.key))) row.getCell(columns.length + 1).fill = MARK;
    row.getCell(columns.length + 1).alignment = { wrapText: true, vertical: 'top' };
  }
  return workbookBuffer(workbook);
}
