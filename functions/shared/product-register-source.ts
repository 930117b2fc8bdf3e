import { certificateOn, isTraceableOn, listingsOn, MIN_OCOP_STARS, type IsoDay, type ProductState } from '../../domain';
import type { ProductRegisterRow } from '../../report/workbooks/product-register';
import { queryProjections } from './projection-store';

/**
 * Every registered product as a row of the product register, as of a day:
 * the one place the register reads the projections (a product with no
 * registration yet is no row).
 */
export async function productRegisterRows(day: IsoDay): Promise<ProductRegisterRow[]> {
  const rows: ProductRegisterRow[] = [];
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
      const row = registerRow(item.state as ProductState, day);
      if (row) rows.push(row);
    }
    startKey = page.lastKey;
  } while (startKey);
  return rows;
}

function registerRow(state: ProductState, day: IsoDay): ProductRegisterRow | undefined {
  const registration = state.registration;
  if (!registration || registration.registeredOn > day) return undefined;
  const certificate = certificateOn(state, day);
  const decision = certificate?.decision;
  return {
    productId: state.productId,
    name: registration.name,
    unitCode: registration.districtCode,
    ownerName: registration.subject.name,
    ownerKind: registration.subject.kind,
    group: registration.group,
    registeredOn: registration.registeredOn,
    ...(decision && {
      stars: decision.stars,
      ...(decision.level && { level: decision.level }),
      decisionNo: decision.decisionNo,
      decisionDate: decision.decisionDate,
      validUntil: decision.validUntil,
    }),
    active: certificate?.valid === true && decision!.stars >= MIN_OCOP_STARS,
    marketplaces: [...new Set(listingsOn(state, day).map((listing) => listing.marketplace))],
    traceability: isTraceableOn(state, day) ? [...new Set(state.enrollments.filter((e) => e.day <= day).map((e) => e.system))] : [],
  };
}
