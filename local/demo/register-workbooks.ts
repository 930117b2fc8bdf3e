import { mkdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { IsoDay, UnitDirectory } from '../../domain';
import { importRegister, type ImportProgress, type ImportSummary, type PutEventsSender } from '../../functions/shared/register-import';
import { productRegisterWorkbook } from '../../report/workbooks/product-register';
import { demoUnitDirectory } from './demo-units';
import type { DEMO_REGISTERS } from './demo-history';
import { formerRegister } from './merged-province';

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
 * Imports a register workbook exactly as `npm run import` does (importRegister: every row checked with the
 * pipeline's rules against the system's units and products, then published as ocop.province when every row
 * passes). `today` is the import day of the demo's story. `directory` and `products` default to the store's.
 */
export async function importDemoRegister(
  path: string,
  options: { client: PutEventsSender; eventBusName: string; today: IsoDay; onProgress?: (progress: ImportProgress) => void; directory?: UnitDirectory },
): Promise<ImportSummary> {
  return importRegister(
    { file: readFileSync(path), fileName: basename(path) },
    {
      target: { client: options.client, eventBusName: options.eventBusName },
      today: options.today,
      ...(options.onProgress && { onProgress: options.onProgress }),
      ...(options.directory && { directory: options.directory, products: [] }),
    },
  );
}
