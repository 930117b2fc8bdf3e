import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as z from 'zod';
import type { Province } from '../../domain/province';
import { UNIT_LEVEL, type UnitDirectory } from '../../domain/units';
import { shippedUnitDirectory } from '../../domain/data/shipped-units';
import { DEFAULT_PROVINCE_DATA_DIR, loadProvince, provinceFile } from '../../functions/shared/province-config';
import { schedules } from '../../functions/triggers';

/**
 * The deployment configuration of one province at one stage, kept as data in
 * infra/config/<province>.<stage>.json and validated here, so a bad value
 * fails `cdk synth` with a message that names the field. The province's
 * administrative units come from domain/data/<province>.province.json.
 */
export const STAGES = ['dev', 'prod'] as const;
export type Stage = (typeof STAGES)[number];

/** The retention periods CloudWatch Logs accepts (0 is not one of them: logs are never kept forever). */
const LOG_RETENTION_DAYS = [1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653] as const;

const accountId = z.string().regex(/^\d{12}$/, { error: 'must be a 12-digit AWS account id' });
const rejectionsBusArn = z
  .string()
  .regex(/^arn:aws[a-z-]*:events:[a-z]{2}(-[a-z]+)+-\d:\d{12}:event-bus\/[A-Za-z0-9._-]{1,256}$/, {
    error: 'must be the ARN of an EventBridge bus, arn:aws:events:<region>:<account>:event-bus/<name>',
  })
  .optional();
const scheduleIds = schedules.map((schedule) => schedule.id);

export const stageConfigSchema = z
  .object({
    $comment: z.string().optional(),
    stage: z.enum(STAGES),
    /** The province data file: domain/data/<province>.province.json. */
    province: z.string().regex(/^[a-z0-9-]+$/, { error: 'must be the lower-case slug of a domain/data/<slug>.province.json file' }),
    /** Where the stacks go. Explicit, so synth needs no credentials and no lookups. */
    aws: z.object({ account: accountId, region: z.string().regex(/^[a-z]{2}(-[a-z]+)+-\d$/, { error: 'must be an AWS region such as ap-southeast-1' }) }),
    eventBusName: z.string().regex(/^[A-Za-z0-9._-]{1,256}$/, { error: 'must be a valid EventBridge bus name' }),
    /** Days the bus archive keeps events; 0 keeps them forever. */
    archiveRetentionDays: z.number().int().min(0),
    logRetentionDays: z
      .number()
      .refine((days) => (LOG_RETENTION_DAYS as readonly number[]).includes(days), { error: `must be one of ${LOG_RETENTION_DAYS.join(', ')}` }),
    /** The district systems allowed to publish, each from its own AWS account. */
    districts: z
      .array(
        z.object({
          code: z.string().regex(/^\d{3,5}$/, { error: 'must be a GSO district code' }),
          accountId,
          /**
           * The district's own bus that receives its EventRejected (docs/deploy.md, "Onboarding a district"):
           * arn:aws:events:<region>:<accountId>:event-bus/<name>. Absent: the district hears of its rejections only through the API.
           */
          rejectionsBusArn,
        }),
      )
      .min(1, { error: 'must list at least one district account' }),
    /**
     * The commune and ward systems allowed to publish since the 2025 reform, each from its own account, as
     * ocop.commune.<code> only (docs/sources-and-councils.md). Each code must be a commune or ward in force in the
     * units files (domain/data/units). rejectionsBusArn as for a district.
     */
    communes: z
      .array(
        z.object({
          code: z.string().regex(/^\d{5}$/, { error: 'must be the 5-digit GSO code of a commune or ward (from 2025-07-01)' }),
          accountId,
          rejectionsBusArn,
        }),
      )
      .default([]),
    email: z.object({
      senderAddress: z.email({ error: 'must be an email address' }),
      /** Verify the sender's whole domain (DKIM, for production) or just the address (quick, for development). */
      identity: z.enum(['domain', 'address']),
    }),
    api: z.object({
      jwtIssuer: z.url({ protocol: /^https$/, error: 'must be an https URL (the OIDC issuer)' }),
      jwtAudience: z.array(z.string().min(1)).min(1, { error: 'must name at least one audience' }),
      throttle: z.object({ rateLimit: z.number().positive(), burstLimit: z.number().int().positive() }),
    }),
    /** The dashboard (S3 + CloudFront), signing in at api.jwtIssuer with this public client; none when absent. */
    dashboard: z
      .object({
        clientId: z.string().min(1),
        scope: z.string().regex(/(^| )openid( |$)/, { error: 'must include openid' }).default('openid'),
      })
      .optional(),
    /** Overrides of the functions' schedule triggers (functions/<name>/trigger.ts), by schedule id (same EventBridge cron/rate syntax). */
    schedules: z
      .record(
        z.string(),
        z.object({
          expression: z.string().regex(/^(cron|rate)\(.+\)$/, { error: 'must be cron(...) or rate(...)' }).optional(),
          enabled: z.boolean().optional(),
        }),
      )
      .optional(),
    alarms: z
      .object({
        /** Alarm when more than this share (in %) of the inbound events of 15 minutes are rejected. */
        rejectionRatePercent: z.number().gt(0).max(100).default(20),
        /** Who receives alarm notifications (an SNS email subscription); none when absent. */
        notifyEmail: z.email({ error: 'must be an email address' }).optional(),
      })
      .prefault({}),
  })
  .strict()
  .superRefine((config, context) => {
    const codes = new Set<string>();
    const accounts = new Set<string>();
    const publishers = [
      ...config.districts.map((unit, index) => ({ unit, index, field: 'districts', what: 'district' })),
      ...config.communes.map((unit, index) => ({ unit, index, field: 'communes', what: 'commune' })),
    ];
    for (const { unit, index, field, what } of publishers) {
      if (codes.has(unit.code)) context.addIssue({ code: 'custom', path: [field, index, 'code'], message: `${what} ${unit.code} is listed twice` });
      if (accounts.has(unit.accountId)) {
        context.addIssue({ code: 'custom', path: [field, index, 'accountId'], message: `each ${what} publishes from its own account` });
      }
      if (unit.rejectionsBusArn && unit.rejectionsBusArn.split(':')[4] !== unit.accountId) {
        context.addIssue({ code: 'custom', path: [field, index, 'rejectionsBusArn'], message: `must be a bus in the ${what}'s own account` });
      }
      if (unit.accountId === config.aws.account) {
        context.addIssue({ code: 'custom', path: [field, index, 'accountId'], message: "must not be the province's own account" });
      }
      codes.add(unit.code);
      accounts.add(unit.accountId);
    }
    if (config.dashboard && !config.api.jwtAudience.includes(config.dashboard.clientId)) {
      context.addIssue({ code: 'custom', path: ['dashboard', 'clientId'], message: 'must be one of api.jwtAudience: the API accepts the ID token whose audience it is' });
    }
    for (const id of Object.keys(config.schedules ?? {})) {
      if (!scheduleIds.includes(id)) {
        context.addIssue({ code: 'custom', path: ['schedules', id], message: `is no schedule of a function's trigger (functions/<name>/trigger.ts; known: ${scheduleIds.join(', ')})` });
      }
    }
  });

export type StageConfigFile = z.infer<typeof stageConfigSchema>;

/** The validated configuration with the province data resolved. */
export interface StageConfig extends Omit<StageConfigFile, 'province' | '$comment'> {
  /** The province slug (file name), also passed to the functions as OCOP_PROVINCE. */
  provinceSlug: string;
  province: Province;
  /** The province data file the functions ship with (read with the same loader as here). */
  provinceFile: string;
  districts: { code: string; name: string; accountId: string; rejectionsBusArn?: string }[];
  /** Commune and ward accounts (since 2025-07-01), with their names from the units files. */
  communes: { code: string; name: string; accountId: string; rejectionsBusArn?: string }[];
}

export class InvalidStageConfigError extends Error {
  override name = 'InvalidStageConfigError';
}

/** Validates a parsed config file against a province's data; throws InvalidStageConfigError naming the fields. */
export function parseStageConfig(
  data: unknown,
  province: Province,
  origin: string,
  provinceDataFile?: string,
  units: UnitDirectory = shippedUnitDirectory(),
): StageConfig {
  const parsed = stageConfigSchema.safeParse(data);
  if (!parsed.success) {
    throw new InvalidStageConfigError(`${origin} is invalid:\n${z.prettifyError(parsed.error)}`, { cause: parsed.error });
  }
  const { $comment: _comment, province: provinceSlug, ...config } = parsed.data;
  const unknownCodes = config.districts
    .map((district, index) => ({ district, index }))
    .filter(({ district }) => !province.units.some((unit) => unit.code === district.code));
  if (unknownCodes.length > 0) {
    const lines = unknownCodes.map(
      ({ district, index }) => `✖ ${district.code} is no ${province.unitLevel} of ${province.name} (domain/data)\n  → at districts[${index}].code`,
    );
    throw new InvalidStageConfigError(`${origin} is invalid:\n${lines.join('\n')}`);
  }
  // A commune account is for a commune or ward still in force (no validTo): the units files decide, not the clock, so synth stays reproducible.
  const communeUnitOf = (code: string) => units.units.find((unit) => unit.code === code && UNIT_LEVEL[unit.kind] === 'commune' && unit.validTo === undefined);
  const unknownCommunes = config.communes.map((commune, index) => ({ commune, index })).filter(({ commune }) => communeUnitOf(commune.code) === undefined);
  if (unknownCommunes.length > 0) {
    const lines = unknownCommunes.map(
      ({ commune, index }) => `✖ ${commune.code} is no commune or ward in force in the units files (domain/data/units, docs/units.md)\n  → at communes[${index}].code`,
    );
    throw new InvalidStageConfigError(`${origin} is invalid:\n${lines.join('\n')}`);
  }
  return {
    ...config,
    provinceSlug,
    province,
    provinceFile: provinceDataFile ?? provinceFile(provinceSlug),
    districts: config.districts.map((district) => ({ ...district, name: province.units.find((unit) => unit.code === district.code)!.name })),
    communes: config.communes.map((commune) => ({ ...commune, name: communeUnitOf(commune.code)!.name })),
  };
}

const REPOSITORY_ROOT = join(__dirname, '..', '..');
const CONFIG_DIR = join(REPOSITORY_ROOT, 'infra', 'config');

/**
 * The province slug of the stage configs when `-c province=` is not given: the one province the config folder has
 * files for (no slug is written in code). With files of several provinces, the command must name one.
 */
export function defaultStageProvince(configDir = CONFIG_DIR): string {
  const provinces = [...new Set(readdirSync(configDir).flatMap((name) => /^([a-z0-9-]+)\.(?:dev|prod)\.json$/.exec(name)?.slice(1, 2) ?? []))].sort();
  if (provinces.length !== 1) {
    throw new InvalidStageConfigError(
      `${configDir} has stage configs of ${provinces.length === 0 ? 'no province' : `several provinces (${provinces.join(', ')})`}: name one with -c province=<slug>`,
    );
  }
  return provinces[0]!;
}

/** Reads infra/config/<province>.<stage>.json and domain/data/<province>.province.json (or the given directories'). */
export function loadStageConfig(options: { stage: string; province: string; configDir?: string; provinceDataDir?: string }): StageConfig {
  const stage = z.enum(STAGES).safeParse(options.stage);
  if (!stage.success) throw new InvalidStageConfigError(`context "stage" must be one of ${STAGES.join(', ')}, not "${options.stage}"`);
  if (!/^[a-z0-9-]+$/.test(options.province)) throw new InvalidStageConfigError(`context "province" must be a lower-case slug (the <slug> of infra/config/<slug>.<stage>.json), not "${options.province}"`);

  const configFile = join(options.configDir ?? CONFIG_DIR, `${options.province}.${stage.data}.json`);
  const config = readJson(configFile);
  const dataDir = options.provinceDataDir ?? DEFAULT_PROVINCE_DATA_DIR;
  let province: Province;
  try {
    province = loadProvince(options.province, dataDir);
  } catch (error) {
    throw new InvalidStageConfigError((error as Error).message, { cause: error });
  }
  const parsed = parseStageConfig(config, province, configFile, provinceFile(options.province, dataDir));
  if (parsed.stage !== stage.data) throw new InvalidStageConfigError(`${configFile} is invalid:\n✖ must be "${stage.data}" (the file name's stage)\n  → at stage`);
  if (parsed.provinceSlug !== options.province) {
    throw new InvalidStageConfigError(`${configFile} is invalid:\n✖ must be "${options.province}" (the file name's province)\n  → at province`);
  }
  return parsed;
}

function readJson(file: string): unknown {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new InvalidStageConfigError(`cannot read ${file}: create it (see README.md, "Deploying to AWS")`, { cause: error });
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new InvalidStageConfigError(`${file} is not valid JSON`, { cause: error });
  }
}
