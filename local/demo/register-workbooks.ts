import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { InboundEvent } from '../../events';
import { readRegisterSheet } from '../../functions/shared/register-import/read-sheet';
import { parseRow } from '../../functions/shared/register-import/parse-row';
import { rowEvents } from '../../functions/shared/register-import/row-events';
import { productRegisterWorkbook } from '../../report/workbooks/product-register';
import { demoUnitDirectory } from './demo-units';
import { DEMO_REGISTERS } from './demo-history';
import { formerRegister } from './merged-province';
import type { IsoDay } from '../../domain';

export class DemoRegisterError extends Error {
  override name = 'DemoRegisterError';
}

/**
 * Writes a former province's register as the workbook an officer would bring (the columns the import
 * reads, Vietnamese headers) into `dir`, and returns its path. Generated at first start rather than
 * shipped: the rows follow the code (merged-province.ts and the register columns), and no binary file
 * drifts from them in git; the files stay in the data directory for anyone to open.
 */
export async function writeDemoRegister(dir: string, register: (typeof DEMO_REGISTERS)[number]): Promise<string> {
  mkdirSync(dir, { recursive: true });
  const units = demoUnitDirectory().units.map((unit) => ({ code: unit.code, name: unit.name }));
  const { workbook } = productRegisterWorkbook(formerRegister(register.province), units, 'vi');
  const path = join(dir, register.file);
  await workbook.xlsx.writeFile(path);
  return path;
}

/**
 * The events the import publishes for a register workbook: read, checked and turned into events by the
 * import's own steps (file guard and sheet reader, row parser, row events). A row with a problem stops
 * the demo (its data is generated: a problem is a bug).
 */
export async function registerWorkbookEvents(path: string, importDay: IsoDay): Promise<InboundEvent[]> {
  const table = await readRegisterSheet(readFileSync(path), path, 'vi');
  const directory = demoUnitDirectory();
  return table.rows.flatMap((raw) => {
    const parsed = parseRow(raw, directory, 'vi');
    if (!parsed.row) throw new DemoRegisterError(`${path} row ${parsed.rowNumber}: ${parsed.problems.map((p) => `${p.key}: ${p.reason}`).join('; ')}`);
    return rowEvents(parsed.row, undefined, importDay).map((rowEvent) => rowEvent.event);
  });
}
