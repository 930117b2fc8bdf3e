import type { IsoDay, ProductState } from '../../domain';
import type { ProductRegisterRow } from '../../report/register/columns';
import { registerRowOf } from '../../report/register/state-row';
import { queryProjections } from '../storage/projection-store';

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
  const states: ProductState[] = [];
  let startKey: Record<string, unknown> | undefined;
  do {
    const page = await queryProjections({
      IndexName: 'byKind',
      KeyConditionExpression: '#kind = :kind',
      ExpressionAttributeNames: { '#kind': 'kind' },
      ExpressionAttributeValues: { ':kind': 'product' },
      ExclusiveStartKey: startKey,
    });
    for (const item of page.items) {
      const state = item.state as ProductState;
      if (state.registration) states.push(state);
    }
    startKey = page.lastKey;
  } while (startKey);
  return states;
}
