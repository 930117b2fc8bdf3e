import { z } from 'zod';
import { adminUnitCode, isoDateTime } from './fields';

/** Fields every event detail carries (CONTRACT §1, "Detail"). */
export const commonDetail = z.object({
  eventId: z
    .string({ error: 'must be the producer-chosen event id, a string' })
    .min(8, { error: 'must be 8 to 128 characters, unique per fact and stable across retries' })
    .max(128, { error: 'must be 8 to 128 characters, unique per fact and stable across retries' })
    .describe('Unique per fact, chosen by the producer, stable across retries: the idempotency key.'),
  schemaVersion: z.literal(1, { error: 'must be 1 (the only schema version of this catalog)' }),
  occurredAt: isoDateTime.describe('When the fact happened (for a decision: its date).'),
  districtCode: adminUnitCode
    .optional()
    .describe('GSO district code. From a district it must equal the code in Source; optional from ocop.province.'),
});

export type CommonDetail = z.infer<typeof commonDetail>;
