import * as z from 'zod';
import { memoized } from '../../../events/memoized';
import { registerHeader } from '../../../report/register/columns';
import { XLSX_MEDIA_TYPE } from '../../../report/workbooks/media-types';
import { LAZY_MODULES } from '../../lazy-modules';
import { loadLazyModule } from '../../shared/lazy-module';
import { MAX_IMPORT_FILE_BYTES, RegisterFileError } from '../../shared/register-import/file-guard';

// Not a static import: in the Lambda asset the importer (and exceljs) is a bundle of its own (functions/lazy-modules.ts), loaded on the first import request.
const importer = () => loadLazyModule<typeof import('../../shared/register-import/import-register')>(LAZY_MODULES.registerImport);
import { BadRequestError } from '../api-errors';
import type { ApiRequest } from '../api-request';

/**
 * POST /v1/imports: the dashboard's import (README, "Onboarding a province
 * from its spreadsheets"). The body is the workbook or CSV; the same checks
 * as `npm run import`; with dryRun=false the events are published when every
 * row passes, else nothing is. The answer lists each rejected row's problems
 * by column, in the language asked.
 */
export const importQuery = z.strictObject({
  dryRun: z.enum(['true', 'false'], { error: 'must be true or false' }).optional().describe('true (the default): check every row and publish nothing; false: publish when every row passes'),
  language: z.enum(['vi', 'en'], { error: 'must be vi or en' }).optional().describe('Language of the reasons; default vi'),
});

export const IMPORT_MEDIA_TYPES = [XLSX_MEDIA_TYPE, 'text/csv'] as const;
/** API Gateway passes at most 10 MB, Lambda 6 MB (base64: 4.5 MB of file): a register of 20,000 rows is about 2 MB. */
export const MAX_UPLOAD_BYTES = Math.min(MAX_IMPORT_FILE_BYTES, 4 * 1024 * 1024);

export const importAnswerSchema = memoized(() =>
  z.object({
    dryRun: z.boolean(),
    rowsRead: z.number().int(),
    rowsUnchanged: z.number().int().describe('Rows the system already holds as they are'),
    eventsToPublish: z.number().int().describe('Events the rows stand for that the system does not hold yet'),
    eventsPublished: z.number().int().describe('0 on a dry run, and when any row was rejected'),
    rejected: z.array(
      z.object({
        rowNumber: z.number().int().describe('As the spreadsheet numbers it'),
        productId: z.string().optional(),
        problems: z.array(z.object({ column: z.string().describe('The column header, in the language asked'), reason: z.string() })),
      }),
    ),
  }),
);
export type ImportAnswer = z.infer<ReturnType<typeof importAnswerSchema>>;

export async function postImport(request: ApiRequest<z.infer<typeof importQuery>>): Promise<ImportAnswer> {
  const { dryRun, language } = request.query;
  const body = request.body;
  if (!body) throw new BadRequestError('Send the register as the request body (an .xlsx workbook or a CSV file).');
  const fileName = body.mediaType === 'text/csv' ? 'register.csv' : 'register.xlsx';
  let summary;
  try {
    summary = await importer().importRegister({ file: body.data, fileName }, { dryRun: dryRun !== 'false', language: language ?? 'vi' });
  } catch (error) {
    if (error instanceof RegisterFileError) throw new BadRequestError(error.message, { cause: error });
    throw error;
  }
  return {
    dryRun: summary.dryRun,
    rowsRead: summary.rowsRead,
    rowsUnchanged: summary.rowsUnchanged,
    eventsToPublish: summary.eventsToPublish,
    eventsPublished: summary.eventsPublished,
    rejected: summary.rejected.map((row) => ({
      rowNumber: row.rowNumber,
      ...(row.productId !== undefined && { productId: row.productId }),
      problems: row.problems.map((p) => ({ column: registerHeader(p.key, language ?? 'vi'), reason: p.reason })),
    })),
  };
}
