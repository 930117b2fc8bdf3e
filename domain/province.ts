import * as z from 'zod';
import traVinh from './data/tra-vinh.province.json';

/**
 * A province and its administrative units, as data: Trà Vinh ran on districts
 * (2022-2025); a province after the 2025 reform runs on communes alone.
 */
export const provinceSchema = z.object({
  code: z.string().regex(/^\d{2}$/, { error: 'must be the 2-digit GSO province code' }),
  name: z.string().min(1),
  unitLevel: z.enum(['district', 'commune']),
  units: z
    .array(z.object({ code: z.string().regex(/^\d{3,5}$/), name: z.string().min(1) }))
    .min(1)
    .refine((units) => new Set(units.map((u) => u.code)).size === units.length, { error: 'unit codes must be unique' }),
});

export type Province = z.infer<typeof provinceSchema>;

export class InvalidProvinceError extends Error {
  override name = 'InvalidProvinceError';
}

export function parseProvince(data: unknown, origin = 'province file'): Province {
  const parsed = provinceSchema.safeParse(data);
  if (!parsed.success) {
    throw new InvalidProvinceError(`${origin}: ${z.prettifyError(parsed.error)}`, { cause: parsed.error });
  }
  return parsed.data;
}

/** The first customer, and the default. */
export const TRA_VINH: Province = parseProvince(traVinh, 'domain/data/tra-vinh.province.json');

export function unitName(province: Province, code: string): string | undefined {
  return province.units.find((unit) => unit.code === code)?.name;
}
