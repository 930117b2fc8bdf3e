import { checkUnitInForce, describeUnitCheck, productsOfRowOn, unitAsOf, vnDayOf, type IsoDay, type ProductState, type UnitDirectory, type UnitRowKey } from '../../../domain';
import { loadKpiInputs } from '../../shared/kpi-inputs';
import { getProjection, getProjections, queryProjections, type Projection } from '../../storage/projection-store';
import { unitDirectoryOfDeployment } from '../../shared/unit-directory';
import { BadRequestError, NotFoundError } from '../api-errors';
import type { ApiRequest, Page } from '../api-request';
import { decodeCursor, encodeCursor, queryFromCursor } from '../cursor';
import { productDetail, productSummary, unregisteredProduct, type ProductDetail, type ProductSummary } from '../product-view';
import { countWaiting } from '../../storage/waiting-store';
import { parseQuery, productsQuery, type ProductsQuery } from '../query-schemas';

/**
 * Products, paginated. `unit=` lists the products that count under a unit in
 * force on the day (the same placement as breakdown.byUnit, from the KPI read
 * model), `unassigned=` those of a former unit that wait to be assigned (its
 * row of breakdown.unassigned); otherwise the most selective filter picks the index (district, then
 * level, then group, else every product) and the others filter its pages.
 */
export async function listProducts(request: ApiRequest): Promise<Page<ProductSummary>> {
  const query = parseQuery(productsQuery, request.query);
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
  const filters = { districtCode: query.district, level: query.level, group: query.group };
  const [indexName, keyAttribute, keyValue] = query.district
    ? ['byDistrict', 'districtCode', query.district]
    : query.level
      ? ['byLevel', 'level', query.level]
      : query.group
        ? ['byGroup', 'group', query.group]
        : ['byKind', 'kind', 'product'];
  const rest = Object.entries(filters).filter(([name, value]) => value !== undefined && name !== keyAttribute);
  // A level is the level of a certificate in force on the day: not an expired or revoked one, nor one dated later.
  const inForce = query.level ? ' AND #levelFrom <= :today AND #levelThrough >= :today' : '';
  const conditions = rest.map(([name]) => `#${name} = :${name}`).join(' AND ');
  const filterExpression = conditions ? `${conditions}${inForce}` : inForce.slice(' AND '.length);
  const startKey = decodeCursor(query.cursor, [...new Set([keyAttribute, 'pk'])]);
  const page = await queryFromCursor(query.cursor, () =>
    queryProjections({
      IndexName: indexName,
      KeyConditionExpression: '#key = :key',
      ...(filterExpression && { FilterExpression: filterExpression }),
      ExpressionAttributeNames: {
        '#key': keyAttribute,
        ...Object.fromEntries(rest.map(([name]) => [`#${name}`, name])),
        ...(inForce && { '#levelFrom': 'levelFrom', '#levelThrough': 'levelThrough' }),
      },
      ExpressionAttributeValues: {
        ':key': keyValue,
        ...Object.fromEntries(rest.map(([name, value]) => [`:${name}`, value])),
        ...(inForce && { ':today': day }),
      },
      Limit: query.limit,
      ExclusiveStartKey: startKey,
    }),
  );
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

export async function getProduct(request: ApiRequest): Promise<ProductDetail> {
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
