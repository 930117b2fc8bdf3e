import * as z from 'zod';
import { describeIssues } from '../../events';
import { isIsoDay } from '../../domain';
import { BadRequestError } from './api-errors';

/**
 * The parameters the routes' queries are built of. Each route declares its own
 * query with them, beside its handler (routes/), as a strict object: unknown
 * parameters are refused, so a typo is not silently ignored. route.ts parses a
 * request's query once, before anything is read.
 */
export const limit = z.coerce
  .number({ error: 'must be a whole number from 1 to 100' })
  .int({ error: 'must be a whole number from 1 to 100' })
  .min(1, { error: 'must be a whole number from 1 to 100' })
  .max(100, { error: 'must be a whole number from 1 to 100' })
  .default(20);
export const cursor = z.string().min(1).optional().describe('The nextCursor of the previous page');
export const day = z.string().refine(isIsoDay, { error: 'must be a date YYYY-MM-DD' });
export const dayOrInstant = z
  .string()
  .refine((value) => isIsoDay(value) || z.iso.datetime({ offset: true }).safeParse(value).success, {
    error: 'must be a date YYYY-MM-DD or an ISO 8601 date-time with offset',
  });

/**
 * Validates query parameters; a 400 names each bad parameter and what it must
 * be. route.ts calls it once per request with the route's declared schema.
 */
export function parseQuery<S extends z.ZodType>(schema: S, query: Record<string, unknown> | undefined): z.infer<S> {
  const parsed = schema.safeParse(query ?? {}, { reportInput: true });
  if (!parsed.success) throw new BadRequestError(describeIssues(parsed.error.issues, 'query').join('; '), { cause: parsed.error });
  return parsed.data;
}
