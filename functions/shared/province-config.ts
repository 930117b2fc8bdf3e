import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseProvince, type Plan, type Province } from '../../domain';
import { shippedPlansOf } from '../../domain/data/shipped-plans';

/**
 * The province this deployment serves, as data: `OCOP_PROVINCE` names the
 * slug of a `<slug>.province.json` file, read from `OCOP_PROVINCE_DATA_DIR`
 * (default: the repository's domain/data/), or a former slug a file lists in
 * its `aliases`. Without `OCOP_PROVINCE`, the data directory must hold exactly
 * one province file, and that is the province. The CDK app reads the stage's
 * province with the same loader (`loadProvince`) and ships that one file with
 * each function, pointing `OCOP_PROVINCE_DATA_DIR` at it.
 */
export const PROVINCE_ENV = 'OCOP_PROVINCE';
export const PROVINCE_DATA_DIR_ENV = 'OCOP_PROVINCE_DATA_DIR';
/** The repository's province data files. */
export const DEFAULT_PROVINCE_DATA_DIR = join(__dirname, '..', '..', 'domain', 'data');
const PROVINCE_FILE_SUFFIX = '.province.json';
const SLUG = /^[a-z0-9-]+$/;

export class UnknownProvinceError extends Error {
  override name = 'UnknownProvinceError';
}

/** The province files of a data directory, by slug. */
function provinceFiles(dataDir: string): string[] {
  try {
    return readdirSync(dataDir)
      .filter((name) => name.endsWith(PROVINCE_FILE_SUFFIX))
      .map((name) => name.slice(0, -PROVINCE_FILE_SUFFIX.length))
      .sort();
  } catch {
    return [];
  }
}

/**
 * The path of a province's data file: `<slug>.province.json`, else the file that lists `slug` among its `aliases`
 * (a stage config written before the deployment's province was renamed).
 */
export function provinceFile(slug: string, dataDir = DEFAULT_PROVINCE_DATA_DIR): string {
  if (!SLUG.test(slug)) throw new UnknownProvinceError(`"${slug}" is no province slug (lower-case letters, digits and dashes)`);
  const own = provinceFiles(dataDir);
  if (own.includes(slug)) return join(dataDir, `${slug}${PROVINCE_FILE_SUFFIX}`);
  const aliased = own.find((other) => {
    try {
      const aliases = (JSON.parse(readFileSync(join(dataDir, `${other}${PROVINCE_FILE_SUFFIX}`), 'utf8')) as { aliases?: unknown }).aliases;
      return Array.isArray(aliases) && aliases.includes(slug);
    } catch {
      return false;
    }
  });
  return join(dataDir, `${aliased ?? slug}${PROVINCE_FILE_SUFFIX}`);
}

/** The slug of the one province file of a data directory: the deployment's province when OCOP_PROVINCE is not set. */
export function onlyProvinceSlug(dataDir = DEFAULT_PROVINCE_DATA_DIR): string {
  const slugs = provinceFiles(dataDir);
  if (slugs.length !== 1) {
    throw new UnknownProvinceError(
      `${PROVINCE_ENV} is not set and ${dataDir} holds ${slugs.length === 0 ? 'no province file' : `several province files (${slugs.join(', ')})`}: set ${PROVINCE_ENV} to the slug of one`,
    );
  }
  return slugs[0]!;
}

/** Reads and validates the province file of `slug` (provinceFile); throws UnknownProvinceError or InvalidProvinceError naming the file. */
export function loadProvince(slug: string, dataDir = DEFAULT_PROVINCE_DATA_DIR): Province {
  const file = provinceFile(slug, dataDir);
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new UnknownProvinceError(`province "${slug}": cannot read ${file} (add the province's data file there)`, { cause: error });
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new UnknownProvinceError(`${file} is not valid JSON`, { cause: error });
  }
  return parseProvince(data, file);
}

let deployed: { key: string; province: Province } | undefined;

/** The province of `OCOP_PROVINCE` (else the data directory's one province file), read once per process and environment. */
export function provinceOfDeployment(): Province {
  const dataDir = process.env[PROVINCE_DATA_DIR_ENV] || DEFAULT_PROVINCE_DATA_DIR;
  const slug = process.env[PROVINCE_ENV] || onlyProvinceSlug(dataDir);
  const key = `${dataDir}\0${slug}`;
  if (deployed?.key !== key) deployed = { key, province: loadProvince(slug, dataDir) };
  return deployed.province;
}

/** The plans a province starts with, until plans are loaded as data (`npm run plan:load`): the shipped plans of its provinces over time. */
export function defaultPlansOfDeployment(): Plan[] {
  return shippedPlansOf(provinceOfDeployment());
}
