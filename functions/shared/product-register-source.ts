import type { IsoDay, ProductState } from '../../domain';
import type { ProductRegisterRow } from '../../report/register/columns';
import { registerRowOf } from '../../report/register/state-row';
import { allProductStates } from '../storage/projection-store';

/**
 * Every registered product as a row of the product register, as of a day:
 * the one place the register reads the projections (a product with no
 * registration yet is no row).
 */
export async function productRegisterRows(day: IsoDay): Promise<ProductRegisterRow[]> {
  return (await registeredProducts()).flatMap((state) => registerRowOf(state, day) ?? []);
}

/** Every product with a registration, as folded (the import compares its rows with them). */
export async function registeredProducts(): Promise<ProductState[]> {
  return (await allProductStates()).filter((state) => state.registration);
}
