import { createHash } from 'node:crypto';
import * as z from 'zod';
import type { Province } from '../../domain';
import { DEFAULT_LANGUAGE, LANGUAGES, PROVINCE_RECIPIENT_SCOPE } from '../../report';

/**
 * A recipient of the KPI email: the provincial steering committee gets the
 * whole province (`scope: "province"`), a district's contacts their district
 * first (`scope`: the district's code). Names and addresses are personal data:
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
 * Validates a stakeholder against the province: the address must be valid and
 * the scope either `province` or one of its units. Messages name the field,
 * never echo the address.
 */
export function parseStakeholder(input: unknown, province: Province, now = new Date()): Stakeholder {
  const parsed = stakeholderInputSchema.safeParse(input);
  if (!parsed.success) {
    const reasons = parsed.error.issues.map((issue) => `${issue.path.join('.') || 'stakeholder'}: ${issue.message}`);
    throw new InvalidStakeholderError(`Stakeholder refused: ${reasons.join('; ')}`, { cause: parsed.error });
  }
  const value = parsed.data;
  if (value.scope !== PROVINCE_RECIPIENT_SCOPE && !province.units.some((unit) => unit.code === value.scope)) {
    const known = province.units.map((unit) => `${unit.code} (${unit.name})`).join(', ');
    throw new InvalidStakeholderError(
      `Stakeholder refused: scope "${value.scope}" is neither "${PROVINCE_RECIPIENT_SCOPE}" nor a ${province.unitLevel} of ${province.name}; known: ${known}`,
    );
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
