import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseProvince, PLAN_53_KH_UBND, TRA_VINH, type Plan, type Province } from '../../domain';

/**
 * The province this deployment serves, as data: `OCOP_PROVINCE` names the
 * slug of a `<slug>.province.json` file, read from `OCOP_PROVINCE_DATA_DIR`
 * (default: the repository's domain/data/). The CDK app reads the stage's
 * province with the same loader (`loadProvince`) and ships that one file with
 * each function, pointing `OCOP_PROVINCE_DATA_DIR` at it.
 */
export const PROVINCE_ENV = 'OCOP_PROVINCE';
export const PROVINCE_DATA_DIR_ENV = 'OCOP_PROVINCE_DATA_DIR';
/** The repository's province data files. */
export const DEFAULT_PROVINCE_DATA_DIR = join(__dirname, '..', '..', 'domain', 'data');
const DEFAULT_PROVINCE = 'tra-vinh';
const SLUG = /^[a-z0-9-]+$/;

export class UnknownProvinceError extends Error {
  override name = 'UnknownProvinceError';
}

/** The path of a province's data file. */
export function provinceFile(slug: string, dataDir = DEFAULT_PROVINCE_DATA_DIR): string {
  if (!SLUG.test(slug)) throw new UnknownProvinceError(`"${slug}" is no province slug (lower-case letters, digits and dashes, e.g. tra-vinh)`);
  return join(dataDir, `${slug}.province.json`);
}

/** Reads and validates `<dataDir>/<slug>.province.json`; throws UnknownProvinceError or InvalidProvinceError naming the file. */
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

/** The province of `OCOP_PROVINCE` (default tra-vinh), read once per process and environment. */
export function provinceOfDeployment(): Province {
  const slug = process.env[PROVINCE_ENV] ?? DEFAULT_PROVINCE;
  const dataDir = process.env[PROVINCE_DATA_DIR_ENV] || DEFAULT_PROVINCE_DATA_DIR;
  const key = `${dataDir}\0${slug}`;
  if (deployed?.key !== key) deployed = { key, province: loadProvince(slug, dataDir) };
  return deployed.province;
}

/** The plans a province starts with, until plans are loaded as data (`npm run plan:load`). */
export function defaultPlansOfDeployment(): Plan[] {
  return provinceOfDeployment().code === TRA_VINH.code ? [PLAN_53_KH_UBND] : [];
}
