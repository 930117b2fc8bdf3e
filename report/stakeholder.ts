import { createHash } from 'node:crypto';
import * as z from 'zod';
import { checkUnitInForce, describeUnitCheck, vnDayOf, type UnitDirectory } from '../domain';
import { DEFAULT_LANGUAGE, LANGUAGES } from './labels';
import { PROVINCE_RECIPIENT_SCOPE } from './model';

/**
 * A recipient of the KPI email: the provincial steering committee gets the
 * whole province (`scope: "province"`), a unit's contacts their unit first
 * (`scope`: the code of a commune or ward, or of a district before the 2025 reform). Names and addresses are personal data:
 * never logged; logs carry `stakeholderId` only.
 */
export interface Stakeholder {
  stakeholderId: string;
  name: string;
  email: string;
  role: string;
  scope: string;
  language: (typeof LANGUAGES)[number];
  active: boolean;
  updatedAt: string;
}

export const stakeholderInputSchema = z.object({
  stakeholderId: z
    .string()
    .regex(/^[A-Za-z0-9][A-Za-z0-9._-]{2,63}$/, { error: 'stakeholderId must be 3..64 letters, digits, dots, dashes or underscores' })
    .optional(),
  name: z.string().trim().min(1, { error: 'name is required' }).max(200),
  email: z.email({ error: 'email is not a valid email address' }),
  role: z.string().trim().min(1, { error: 'role is required (e.g. "Ban Chỉ đạo tỉnh", "Phòng Kinh tế huyện")' }).max(200),
  scope: z.string().trim().default(PROVINCE_RECIPIENT_SCOPE),
  language: z.enum(LANGUAGES, { error: `language must be one of ${LANGUAGES.join(', ')}` }).default(DEFAULT_LANGUAGE),
  active: z.boolean().default(true),
});

export type StakeholderInput = z.input<typeof stakeholderInputSchema>;

export class InvalidStakeholderError extends Error {
  override name = 'InvalidStakeholderError';
}

/** A stable id from the address, so seeding the same person twice updates them instead of adding a copy. */
export function stakeholderIdOf(email: string): string {
  return `sh-${createHash('sha256').update(email.trim().toLowerCase()).digest('hex').slice(0, 12)}`;
}

/**
 * Validates a stakeholder against the units data: the address must be valid
 * and the scope either `province` or a unit in force on the day of `now`
 * (Asia/Ho_Chi_Minh): a commune or ward after the 2025 reform, a district
 * before it. Messages name the field, never echo the address.
 */
export function parseStakeholder(input: unknown, units: UnitDirectory, now = new Date()): Stakeholder {
  const parsed = stakeholderInputSchema.safeParse(input);
  if (!parsed.success) {
    const reasons = parsed.error.issues.map((issue) => `${issue.path.join('.') || 'stakeholder'}: ${issue.message}`);
    throw new InvalidStakeholderError(`Stakeholder refused: ${reasons.join('; ')}`, { cause: parsed.error });
  }
  const value = parsed.data;
  if (value.scope !== PROVINCE_RECIPIENT_SCOPE) {
    const day = vnDayOf(now);
    const check = checkUnitInForce(units, value.scope, day);
    if (!check.ok) {
      throw new InvalidStakeholderError(
        `Stakeholder refused: scope "${value.scope}" must be "${PROVINCE_RECIPIENT_SCOPE}" or the code of a unit in force on ${day} (a commune or ward; GET /v1/units lists them): ${describeUnitCheck(check, value.scope, day)}`,
      );
    }
  }
  const email = value.email.trim();
  return {
    stakeholderId: value.stakeholderId ?? stakeholderIdOf(email),
    name: value.name,
    email,
    role: value.role,
    scope: value.scope,
    language: value.language,
    active: value.active,
    updatedAt: now.toISOString(),
  };
}
