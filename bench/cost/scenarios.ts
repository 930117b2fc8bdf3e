import { traVinhHistory } from '../../local/demo/tra-vinh-history';
import type { Scenario } from './usage';

/**
 * The event rate the cost model assumes, from the demo history (local/demo: Trà Vinh's OCOP programme
 * from its seed facts): all its events over the product-years it covers, each product counted from its
 * own first event to the history's last. Events that name no product (IP grants, science tasks) are
 * counted too, so the rate is per product of all the province's traffic.
 */
export interface EventRate {
  events: number;
  products: number;
  productYears: number;
  eventsPerProductPerYear: number;
}

const YEAR_MS = 365.25 * 86_400_000;

export function demoEventRate(): EventRate {
  const events = traVinhHistory();
  const times = events.map((event) => Date.parse(event.detail.occurredAt));
  const end = Math.max(...times);
  const firstOf = new Map<string, number>();
  events.forEach((event, i) => {
    const productId = (event.detail as { productId?: string }).productId;
    if (productId) firstOf.set(productId, Math.min(firstOf.get(productId) ?? Infinity, times[i]!));
  });
  const productYears = [...firstOf.values()].reduce((sum, first) => sum + (end - first) / YEAR_MS, 0);
  return { events: events.length, products: firstOf.size, productYears: Math.round(productYears), eventsPerProductPerYear: events.length / productYears };
}

/** API requests per province per day: the stated read load (about 100 officers' dashboard sessions of 20 requests). */
export const API_REQUESTS_PER_PROVINCE_PER_DAY = 2000;

/** The two sizes of issue 20: a province of 1,140 products, and the country at about 18,000 products in 34 provinces. */
export function costScenarios(eventsPerProductPerYear: number): Scenario[] {
  return [
    { name: 'province (1,140 products)', products: 1140, provinces: 1, eventsPerProductPerYear, apiRequestsPerProvincePerDay: API_REQUESTS_PER_PROVINCE_PER_DAY },
    { name: 'country (18,000 products, 34 provinces)', products: 18000, provinces: 34, eventsPerProductPerYear, apiRequestsPerProvincePerDay: API_REQUESTS_PER_PROVINCE_PER_DAY },
  ];
}
