import type { UnitDirectory } from '../../domain';
import { shippedUnitDirectory } from '../../domain/data/shipped-units';

let directory: UnitDirectory | undefined;

/**
 * The administrative units of the deployment, by code and day (issue 12).
 * For now the shipped units files; to become the units store (loaded with
 * `npm run units:load`, cached per function instance).
 */
export async function unitDirectoryOfDeployment(): Promise<UnitDirectory> {
  return (directory ??= shippedUnitDirectory());
}
