import * as z from 'zod';
import { PRODUCT_GROUPS } from '../../../events';
import { checkUnitInForce, describeUnitCheck, LEVELS, productsOfRowOn, unitAsOf, vnDayOf, type IsoDay, type ProductState, type UnitDirectory, type UnitRowKey } from '../../../domain';
import { loadKpiInputs } from '../../shared/kpi-inputs';
import { unitDirectoryOfDeployment } from '../../shared/unit-directory';
import { getProjection, getProjections, listProductsPage, productPageKeyAttributes, type ProductFilter, type Projection } from '../../storage/projection-store';
import { countWaiting } from '../../storage/waiting-store';
import { BadRequestError, NotFoundError } from '../api-errors';
import type { ApiRequest, Page } from '../api-request';
import { decodeCursor, encodeCursor, queryFromCursor } from '../cursor';
import { productDetail, productSummary, unregisteredProduct, type ProductDetail, type ProductSummary } from '../product-view';
import { cursor, day, limit } from '../query-schemas';
import type { NoQuery } from '../route';

const unitCode = z.string().regex(/^\d{3,5}$/, { error: 'must be a unit code of 3 to 5 digits, e.g. 29242 or 842' });

export const productsQuery = z.strictObject({
  unit: unitCode
    .optional()
    .describe(
      'Only the products that count under this unit on asOf, as breakdown.byUnit counts them: a unit in force that day (a commune or ward from 2025-07-01, a district before), including the products of a former district its territory holds',
    ),
  unassigned: unitCode
    .optional()
    .describe(
      'Only the products of this former unit that no unit in force on asOf can be given without guessing (its row of breakdown.unassigned): the ones the province assigns with ProductTransferred',
    ),
  district: unitCode.optional().describe('Only the products recorded under this unit (registration, then ProductTransferred), whatever the day: a former district\'s products, or a commune\'s own'),
  asOf: day.optional().describe('The day (Asia/Ho_Chi_Minh) the unit, the level and the certificates are read on; default today. With unit=, only products registered by then'),
  level: z.enum(LEVELS, { error: `must be one of ${LEVELS.join(', ')}` }).optional().describe('Level of the latest certificate'),
  group: z.enum(PRODUCT_GROUPS, { error: `must be one of ${PRODUCT_GROUPS.join(', ')}` }).optional(),
  limit,
  cursor,
});

export type ProductsQuery = z.infer<typeof productsQuery>;

/**
 * Products, paginated. `unit=` lists the products that count under a unit in
 * force on the day (the same placement as breakdown.byUnit, from the KPI read
 * model), `unassigned=` those of a former unit that wait to be assigned (its
 * row of breakdown.unassigned); otherwise the most selective filter picks the index (district, then
 * level, then group, else every product) and the others filter its pages.
 */
export async function listProducts({ query }: ApiRequest<ProductsQuery>): Promise<Page<ProductSummary>> {
  const day = query.asOf ?? vnDayOf(new Date());
  if ([query.unit, query.unassigned, query.district].filter((code) => code !== undefined).length > 1) {
    throw new BadRequestError(
      'query: give one of unit (the products a unit in force holds on asOf), unassigned (the products of a former unit not yet assigned) or district (the products recorded under a unit)',
    );
  }
  if (query.unit !== undefined) return listProductsOfUnit(query, query.unit, day);
  if (query.unassigned !== undefined) return listUnassignedProducts(query, query.unassigned, day);
  if (query.district !== undefined && unitAsOf(await unitDirectoryOfDeployment(), query.district, day) === undefined) {
    throw new BadRequestError(`query.district: ${query.district} is not an administrative unit in the units data (GET /v1/units lists the units of a day)`);
  }
  const filter: ProductFilter = { districtCode: query.district, level: query.level, group: query.group };
  const startKey = decodeCursor(query.cursor, productPageKeyAttributes(filter));
  const page = await queryFromCursor(query.cursor, () => listProductsPage(filter, { day, limit: query.limit, startKey }));
  const nextCursor = encodeCursor(page.lastKey);
  return { items: page.items.map((item) => productSummary(item.state as ProductState, day)), ...(nextCursor && { nextCursor }) };
}

/**
 * The products a unit in force holds on `day`, by product id: the KPI read model says which (every product's
 * units and registered commune, kept in memory), one BatchGetItem brings the page's states. The cursor is the
 * last product's key.
 */
async function listProductsOfUnit(query: ProductsQuery, code: string, day: IsoDay): Promise<Page<ProductSummary>> {
  const units = await unitDirectoryOfDeployment();
  const check = checkUnitInForce(units, code, day);
  if (!check.ok) {
    const hint = check.problem === 'not-in-force' && check.unit.validTo !== undefined && check.unit.validTo < day ? `; for the products recorded under it, use district=${code}` : '';
    throw new BadRequestError(`query.unit: ${describeUnitCheck(check, code, day)}${hint}`);
  }
  return pageOfRow(query, { unit: code }, day, units);
}

/** The products of a former unit that no unit in force on `day` holds yet (its row of breakdown.unassigned). */
async function listUnassignedProducts(query: ProductsQuery, code: string, day: IsoDay): Promise<Page<ProductSummary>> {
  const units = await unitDirectoryOfDeployment();
  if (unitAsOf(units, code, day) === undefined) {
    throw new BadRequestError(`query.unassigned: ${code} is not an administrative unit in the units data (GET /v1/units lists the units of a day)`);
  }
  return pageOfRow(query, { unassigned: code }, day, units);
}

async function pageOfRow(query: ProductsQuery, row: UnitRowKey, day: IsoDay, units: UnitDirectory): Promise<Page<ProductSummary>> {
  const after = decodeCursor(query.cursor, ['pk'])?.pk as string | undefined;
  if (after !== undefined && !after.startsWith('PRODUCT#')) throw new BadRequestError('cursor: not a cursor this API gave out; pass the nextCursor of the previous page unchanged');
  const { inputs } = await loadKpiInputs();
  const held = productsOfRowOn(inputs.products, units, row, day, { ...(query.level && { level: query.level }), ...(query.group && { group: query.group }) });
  const rest = after === undefined ? held : held.filter((product) => `PRODUCT#${product.productId}` > after);
  const page = rest.slice(0, query.limit);
  const keys = page.map((product) => `PRODUCT#${product.productId}` as const);
  const projections = await getProjections(keys);
  const items = keys.flatMap((pk) => {
    const projection = projections.get(pk);
    return projection ? [productSummary(projection.state as ProductState, day)] : [];
  });
  const nextCursor = rest.length > page.length ? encodeCursor({ pk: keys.at(-1) }) : undefined;
  return { items, ...(nextCursor && { nextCursor }) };
}

export async function getProduct(request: ApiRequest<NoQuery>): Promise<ProductDetail> {
  const productId = request.pathParameters.productId ?? '';
  // A product id is at most 128 characters (events/catalog.ts); a longer one is no product, and too long a key for DynamoDB.
  if (productId.length === 0 || productId.length > 128) throw new NotFoundError('No such product: a product id has 1 to 128 characters.');
  const projection: Projection | undefined = await getProjection(`PRODUCT#${productId}`);
  if (!projection) {
    const waiting = await countWaiting(`PRODUCT#${productId}`);
    if (waiting === 0) throw new NotFoundError(`No product ${productId}: no event has named it yet.`);
    return unregisteredProduct(productId, waiting);
  }
  return productDetail(projection.state as ProductState, vnDayOf(new Date()));
}
