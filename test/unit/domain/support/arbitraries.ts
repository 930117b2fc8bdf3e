import fc from 'fast-check';
import { awardableStars } from '../../../../domain';
import type { InboundEvent } from '../../../../events';
import { delisted, district, enrolled, ipGranted, listed, province, rated, registered, revoked, taskApproved, upgraded, type Publisher } from './events';

/**
 * fast-check arbitraries of histories of the catalog's events, shared by the
 * order-independence properties on the pure fold (test/unit) and through the
 * handler on DynamoDB Local (test/integration). Histories mix the owner,
 * another district and the province as publishers.
 */

export const PRODUCT_IDS = ['TV-845-001', 'TV-845-002', 'TV-849-001'] as const;
const DAYS = ['2021-03-15', '2021-12-31', '2022-01-01', '2022-08-22', '2022-12-30', '2023-06-30', '2024-02-29', '2025-01-15'];
const MARKETPLACES = ['postmart', 'voso', 'shopee'];

export const publisher: fc.Arbitrary<Publisher> = fc.oneof(
  fc.constant(district('845')),
  fc.constant(district('849')),
  fc.constant(province()),
  fc.constant(province('849')),
);
/** Registrars from two units: the owner is whichever registration arrives first. */
export const anyRegistrar: fc.Arbitrary<Publisher> = fc.oneof(fc.constant(district('845')), fc.constant(district('849')), fc.constant(province('845')));
/** Registrars of one unit: the product's district or the province naming it. */
export const registrarOf = (unit: string): fc.Arbitrary<Publisher> => fc.oneof(fc.constant(district(unit)), fc.constant(province(unit)));
const day = fc.constantFrom(...DAYS);
/** An instant near a day, sometimes on the Vietnamese day before or after in UTC terms. */
const instant = fc.tuple(day, fc.constantFrom('00:30:00+07:00', '06:59:59+07:00', '12:00:00+07:00', '23:30:00+07:00', '18:30:00Z')).map(([d, time]) => `${d}T${time}`);
const council = fc.constantFrom('district' as const, 'province' as const, 'central' as const);
const score = fc.constantFrom(20, 35, 55, 69, 70, 85, 90, 97);

/** Any product event of the catalog (registration, decisions, revocation, listings, traceability), registered by `registrar`. */
export const productEvent = (productId: string, registrar: fc.Arbitrary<Publisher>): fc.Arbitrary<InboundEvent> =>
  fc.oneof(
    fc.record({ by: registrar, day, name: fc.constantFrom('Dừa sáp Cầu Kè', 'Bánh tét Trà Cuôn'), group: fc.constantFrom('food', 'beverage') }).map((r) =>
      registered(productId, r.by, { day: r.day, name: r.name, group: r.group }),
    ),
    fc.record({ by: publisher, day, score, council }).map((r) =>
      rated(productId, r.by, awardableStars(r.score, r.council).stars, { score: r.score, council: r.council, day: r.day }),
    ),
    fc
      .record({ by: publisher, day, score: fc.constantFrom(55, 75, 92), council, drop: fc.integer({ min: 1, max: 2 }) })
      .map((r) => {
        const toStars = awardableStars(r.score, r.council).stars;
        return upgraded(productId, r.by, toStars - r.drop, toStars, { score: r.score, council: r.council, day: r.day });
      }),
    fc.record({ by: publisher, day }).map((r) => revoked(productId, r.by, r.day)),
    fc.record({ by: publisher, at: instant, marketplace: fc.constantFrom(...MARKETPLACES) }).map((r) => listed(productId, r.by, r.marketplace, r.at)),
    fc.record({ by: publisher, at: instant, marketplace: fc.constantFrom(...MARKETPLACES) }).map((r) => delisted(productId, r.by, r.marketplace, r.at)),
    fc.record({ by: publisher, at: instant }).map((r) => enrolled(productId, r.by, r.at)),
  );

export const factEvent: fc.Arbitrary<InboundEvent> = fc.oneof(
  fc.record({ ipId: fc.constantFrom('IP-1', 'IP-2'), kind: fc.constantFrom('collective_mark', 'geographical_indication'), day }).map((r) => ipGranted(r.ipId, r.kind, r.day)),
  fc.record({ taskId: fc.constantFrom('TASK-1', 'TASK-2'), day }).map((r) => taskApproved(r.taskId, r.day)),
);

/** A history of PRODUCT_IDS and a few facts; each product registered by `registrarFor` of it (one unit per product by default). */
export const historyWith = (registrarFor: (productId: string, unit: string) => fc.Arbitrary<Publisher>): fc.Arbitrary<InboundEvent[]> =>
  fc
    .tuple(
      ...PRODUCT_IDS.map((id) => fc.constantFrom('845', '849').chain((unit) => fc.array(productEvent(id, registrarFor(id, unit)), { maxLength: 10 }))),
      fc.array(factEvent, { maxLength: 4 }),
    )
    .map((lists) => lists.flat());

/** Histories whose registrations each come from one unit (its district or the province naming it). */
export const history = historyWith((_, unit) => registrarOf(unit));

/** A history and one arrival of it: shuffled, with some events delivered more than once. */
export const arrivalOf = (histories: fc.Arbitrary<InboundEvent[]>): fc.Arbitrary<{ events: InboundEvent[]; arrival: InboundEvent[] }> =>
  histories.chain((events) =>
    fc
      .subarray(events)
      .chain((repeats) => fc.shuffledSubarray([...events, ...repeats], { minLength: events.length + repeats.length }))
      .map((arrival) => ({ events, arrival })),
  );
export const historyAndArrival = arrivalOf(history);
export const mixedHistoryAndArrival = arrivalOf(historyWith(() => anyRegistrar));
