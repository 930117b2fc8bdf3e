import { vnDayOf, type ProductState } from '../../../domain';
import { getProjection, queryProjections, type Projection } from '../../shared/projection-store';
import { provinceOfDeployment } from '../../shared/province-config';
import { BadRequestError, NotFoundError } from '../api-errors';
import type { ApiRequest, Page } from '../api-request';
import { decodeCursor, encodeCursor, queryFromCursor } from '../cursor';
import { productDetail, productSummary, unregisteredProduct, type ProductDetail, type ProductSummary } from '../product-view';
import { countWaiting } from '../../shared/waiting-store';
import { parseQuery, productsQuery } from '../query-schemas';

/**
 * Products, paginated. The most selective filter picks the index (district,
 * then level, then group, else every product); the others filter its pages.
 */
export async function listProducts(request: ApiRequest): Promise<Page<ProductSummary>> {
  const query = parseQuery(productsQuery, request.query);
  const province = provinceOfDeployment();
  if (query.district && !province.units.some((unit) => unit.code === query.district)) {
    throw new BadRequestError(`query.district: ${query.district} is not a unit of ${province.name} (known: ${province.units.map((u) => u.code).join(', ')})`);
  }
  const filters = { districtCode: query.district, level: query.level, group: query.group };
  const [indexName, keyAttribute, keyValue] = query.district
    ? ['byDistrict', 'districtCode', query.district]
    : query.level
      ? ['byLevel', 'level', query.level]
      : query.group
        ? ['byGroup', 'group', query.group]
        : ['byKind', 'kind', 'product'];
  const today = vnDayOf(new Date());
  const rest = Object.entries(filters).filter(([name, value]) => value !== undefined && name !== keyAttribute);
  // A level is the level of a certificate in force today: not an expired or revoked one, nor one dated later.
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
        ...(inForce && { ':today': today }),
      },
      Limit: query.limit,
      ExclusiveStartKey: startKey,
    }),
  );
  const nextCursor = encodeCursor(page.lastKey);
  return { items: page.items.map((item) => productSummary(item.state as ProductState, today)), ...(nextCursor && { nextCursor }) };
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
