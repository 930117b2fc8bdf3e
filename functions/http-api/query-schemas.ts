import { z } from 'zod';
import { describeIssues, PRODUCT_GROUPS } from '../../events';
import { isIsoDay, LEVELS } from '../../domain';
import { BadRequestError } from './api-errors';

/** Query parameters of each route, validated before anything is read. Unknown parameters are refused, so a typo is not silently ignored. */
const limit = z.coerce
  .number({ error: 'must be a whole number from 1 to 100' })
  .int({ error: 'must be a whole number from 1 to 100' })
  .min(1, { error: 'must be a whole number from 1 to 100' })
  .max(100, { error: 'must be a whole number from 1 to 100' })
  .default(20);
const cursor = z.string().min(1).optional().describe('The nextCursor of the previous page');
const day = z.string().refine(isIsoDay, { error: 'must be a date YYYY-MM-DD' });
const dayOrInstant = z
  .string()
  .refine((value) => isIsoDay(value) || z.iso.datetime({ offset: true }).safeParse(value).success, {
    error: 'must be a date YYYY-MM-DD or an ISO 8601 date-time with offset',
  });

export const snapshotsQuery = z.strictObject({
  from: dayOrInstant.optional().describe('Oldest asOf to include (a day means from its start, Asia/Ho_Chi_Minh)'),
  to: dayOrInstant.optional().describe('Newest asOf to include (a day means to its end, Asia/Ho_Chi_Minh)'),
  limit,
  cursor,
});

export const kpisQuery = z.strictObject({
  asOf: day.optional().describe('The day (Asia/Ho_Chi_Minh) whose end the indicators describe; default today'),
});

export const unitsQuery = z.strictObject({
  asOf: day.optional().describe('The day (Asia/Ho_Chi_Minh) whose units in force are listed; default today'),
});

export const kpiTrendQuery = z.strictObject({
  from: day.optional().describe('The first day of the trend (default: five years before `to`)'),
  to: day.optional().describe('The last day of the trend (Asia/Ho_Chi_Minh); default today'),
});

/** The tables of the KPI workbook; the CSV carries one of them. */
export const KPI_TABLES = ['indicators', 'byLevel', 'byUnit', 'byDistrict', 'byGroup', 'expiring', 'about', 'endedPlan'] as const;

export const kpisCsvQuery = kpisQuery.extend({
  table: z.enum(KPI_TABLES, { error: `must be one of ${KPI_TABLES.join(', ')}` }).default('indicators').describe('Which table of the KPI workbook'),
});

export const registerQuery = z.strictObject({
  asOf: day.optional().describe('The day (Asia/Ho_Chi_Minh) whose certificates and listings the register shows; default today'),
});

export const importTemplateQuery = z.strictObject({
  language: z.enum(['vi', 'en'], { error: 'must be vi or en' }).optional().describe('Language of the headers and instructions; default vi (the import accepts both)'),
});

export const importQuery = z.strictObject({
  dryRun: z.enum(['true', 'false'], { error: 'must be true or false' }).optional().describe('true (the default): check every row and publish nothing; false: publish when every row passes'),
  language: z.enum(['vi', 'en'], { error: 'must be vi or en' }).optional().describe('Language of the reasons; default vi'),
});

export const productsQuery = z.strictObject({
  district: z.string().regex(/^\d{3,5}$/, { error: 'must be a district code of 3 to 5 digits, e.g. 842' }).optional(),
  level: z.enum(LEVELS, { error: `must be one of ${LEVELS.join(', ')}` }).optional().describe('Level of the latest certificate'),
  group: z.enum(PRODUCT_GROUPS, { error: `must be one of ${PRODUCT_GROUPS.join(', ')}` }).optional(),
  limit,
  cursor,
});

export const rejectionsQuery = z.strictObject({
  source: z.string().min(1).optional().describe('Only rejections of events from this Source, e.g. ocop.district.842'),
  limit,
  cursor,
});

export type RejectionsQuery = z.infer<typeof rejectionsQuery>;

/**
 * Validates query parameters; a 400 names each bad parameter and what it must
 * be. The dispatcher (handler.ts) calls it once per request with the route's
 * declared schema; parsing a parsed query again gives the same query.
 */
export function parseQuery<S extends z.ZodType>(schema: S, query: Record<string, unknown> | undefined): z.infer<S> {
  const parsed = schema.safeParse(query ?? {}, { reportInput: true });
  if (!parsed.success) throw new BadRequestError(describeIssues(parsed.error.issues, 'query').join('; '), { cause: parsed.error });
  return parsed.data;
}
