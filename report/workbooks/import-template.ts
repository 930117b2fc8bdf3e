import type ExcelJS from 'exceljs';
import { COUNCILS, PRODUCT_GROUPS, SUBJECT_KINDS } from '../../events';
import { registerLabelsFor, uiLabelsFor, type Language } from '../labels';
import { REGISTER_COLUMNS, REGISTER_INPUT_COLUMNS, registerHeader, type RegisterColumnKey } from '../register/columns';
import { inertText } from '../inert-text';
import { NUMBER_FORMATS, newWorkbook } from './table-sheet';

/**
 * The workbook a province fills to import its register (GET
 * /v1/import-template.xlsx, `npm run import -- --template`): an instructions
 * sheet (every column, what it means, whether it is required), the register
 * sheet with its headers and drop-down lists, and the lists themselves on a
 * hidden sheet (a unit list is too long for an inline list). Pure.
 *
 * The product set of Circular 26/2026 is not a column yet: its vocabulary is
 * not in the event catalog (issue 18); it joins REGISTER_COLUMNS when it is.
 */
export const TEMPLATE_ROWS = 5000;

export function importTemplateWorkbook(units: readonly { code: string; name: string }[], language: Language): { workbook: ExcelJS.Workbook; fileName: string } {
  const labels = registerLabelsFor(language);
  const ui = uiLabelsFor(language);
  const workbook = newWorkbook();

  const instructions = workbook.addWorksheet(labels.sheets.instructions);
  instructions.columns = [{ width: 34 }, { width: 100 }, { width: 18 }];
  labels.instructions.forEach((line, i) => {
    const row = instructions.addRow([line]);
    if (i === 0) row.font = { bold: true, size: 14 };
  });
  instructions.addRow([]);
  const head = instructions.addRow([labels.instructionColumns.column, labels.instructionColumns.meaning, labels.instructionColumns.required]);
  head.font = { bold: true };
  for (const column of REGISTER_COLUMNS) {
    const row = instructions.addRow([registerHeader(column.key, language), labels.meanings[column.key], labels.required[column.requirement]]);
    row.alignment = { wrapText: true, vertical: 'top' };
  }

  const sheet = workbook.addWorksheet(labels.sheets.register, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = REGISTER_INPUT_COLUMNS.map((column) => ({
    header: registerHeader(column.key, language),
    width: column.width,
    ...(column.type === 'day' && { style: { numFmt: NUMBER_FORMATS.day } }),
  }));
  sheet.getRow(1).font = { bold: true };

  // The lists, one column each, on a hidden sheet the import does not read.
  const lists = workbook.addWorksheet(labels.sheets.lists, { state: 'hidden' });
  const listValues: Partial<Record<RegisterColumnKey, string[]>> = {
    group: PRODUCT_GROUPS.map((g) => ui.groups[g]),
    ownerKind: SUBJECT_KINDS.map((k) => ui.subjectKinds[k]),
    stars: ['1', '2', '3', '4', '5'],
    council: COUNCILS.map((c) => labels.councils[c]),
    unit: [...units].sort((a, b) => a.name.localeCompare(b.name, 'vi')).map((u) => u.name),
    fiveStarPotential: [ui.sheets.yes, ui.sheets.no],
  };
  let listColumn = 0;
  const listsName = `'${labels.sheets.lists.replace(/'/g, "''")}'`;
  for (const [key, values] of Object.entries(listValues) as [RegisterColumnKey, string[]][]) {
    listColumn += 1;
    const letter = columnLetter(listColumn);
    lists.getCell(`${letter}1`).value = registerHeader(key, language);
    values.forEach((value, i) => {
      lists.getCell(`${letter}${i + 2}`).value = key === 'stars' ? Number(value) : inertText(value);
    });
    const target = columnLetter(REGISTER_INPUT_COLUMNS.findIndex((c) => c.key === key) + 1);
    const validation: ExcelJS.DataValidation = {
      type: 'list',
      allowBlank: true,
      formulae: [`${listsName}!$${letter}$2:$${letter}$${Math.max(values.length + 1, 2)}`],
      showErrorMessage: true,
    };
    (sheet as unknown as { dataValidations: { add(address: string, validation: ExcelJS.DataValidation): void } }).dataValidations.add(
      `${target}2:${target}${TEMPLATE_ROWS + 1}`,
      validation,
    );
  }
  return { workbook, fileName: `${labels.templateFileName}.xlsx` };
}

export function columnLetter(n: number): string {
  let letters = '';
  for (let k = n; k > 0; k = Math.floor((k - 1) / 26)) letters = String.fromCharCode(65 + ((k - 1) % 26)) + letters;
  return letters;
}
