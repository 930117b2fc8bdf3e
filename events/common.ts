import * as z from 'zod';
import { adminUnitCode, isoDateTime } from './fields';
import { memoized } from './memoized';

/** Fields every event detail carries (CONTRACT §1, "Detail"). */
export const commonDetail = memoized(() =>
  z.object({
    eventId: z
      .string({ error: 'must be the producer-chosen event id, a string' })
      .min(8, { error: 'must be 8 to 128 characters, unique per fact and stable across retries' })
      .max(128, { error: 'must be 8 to 128 characters, unique per fact and stable across retries' })
      .describe('Unique per fact, chosen by the producer, stable across retries: the idempotency key.'),
    schemaVersion: z.literal(1, { error: 'must be 1 (the only schema version of this catalog)' }),
    occurredAt: isoDateTime().describe('When the fact happened (for a decision: its date).'),
    districtCode: adminUnitCode()
      .optional()
      .describe('GSO district code, for events dated before 2025-07-01. From a district it must equal the code in Source; optional from ocop.province. A commune sends none.'),
    communeCode: adminUnitCode()
      .optional()
      .describe(
        'GSO commune or ward code (5 digits). From a commune (ocop.commune.<code>, since 2025-07-01) it must equal the code in Source. ' +
          'From ocop.province on or after 2025-07-01 it names the unit the event belongs to. ' +
          "In a ProductRegistered before 2025-07-01 it is the product's commune within its district (it tells which commune took the product over in the reform).",
      ),
  }),
);

export type CommonDetail = z.infer<ReturnType<typeof commonDetail>>;
