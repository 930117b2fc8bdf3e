import * as z from 'zod';
import { memoized } from './memoized';

/**
 * Field types shared by the event schemas. Each carries the words a district
 * operator reads when a value is wrong, so rejections say what was expected.
 * Each is built on first use (memoized.ts); `identifier` and `text` build one per call.
 */
export const isoDate = memoized(() =>
  z.iso.date({ error: 'must be a calendar date written YYYY-MM-DD, e.g. 2022-12-30' }),
);

export const isoDateTime = memoized(() =>
  z.iso.datetime({
    offset: true,
    error: 'must be an ISO 8601 date-time with a time-zone offset, e.g. 2022-12-30T09:00:00+07:00',
  }),
);

export const identifier = (what: string) =>
  z
    .string({ error: `must be the ${what} as a string` })
    .trim()
    .min(1, { error: `must not be empty: give the ${what}` })
    .max(128, { error: `must be at most 128 characters` });

export const text = (what: string, max = 500) =>
  z
    .string({ error: `must be the ${what} as text` })
    .trim()
    .min(1, { error: `must not be empty: give the ${what}` })
    .max(max, { error: `must be at most ${max} characters` });

export const adminUnitCode = memoized(() =>
  z
    .string({ error: 'must be a GSO administrative unit code as a string of digits, e.g. "842"' })
    .regex(/^\d{3,5}$/, { error: 'must be a GSO administrative unit code of 3 to 5 digits, e.g. "842"' }),
);

export const score = memoized(() =>
  z
    .number({ error: 'must be the council score, a number from 0 to 100' })
    .min(0, { error: 'must be a score from 0 to 100' })
    .max(100, { error: 'must be a score from 0 to 100' }),
);

export const stars = memoized(() =>
  z
    .number({ error: 'must be a whole number of stars from 1 to 5' })
    .int({ error: 'must be a whole number of stars from 1 to 5' })
    .min(1, { error: 'must be a whole number of stars from 1 to 5' })
    .max(5, { error: 'must be a whole number of stars from 1 to 5' }),
);

export const marketplaceId = memoized(() =>
  z
    .string({ error: 'must be the marketplace id as text, e.g. "postmart"' })
    .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, {
      error: 'must be a lower-case marketplace id such as postmart, voso, travinhtrade, lazada, tiki, tiktok-shop, shopee',
    }),
);

export const httpsUrl = memoized(() =>
  z.url({ protocol: /^https$/, error: 'must be an https:// URL' }),
);
