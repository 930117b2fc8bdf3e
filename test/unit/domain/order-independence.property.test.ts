import fc from 'fast-check';
import { aggregateKeyOf, computeSnapshot, endOfVnDay, foldProduct, unitOfEvent, type ProductVerdict } from '../../../domain';
import type { InboundEvent } from '../../../events';
import { PROVINCE } from './support/events';
import { history, historyAndArrival, mixedHistoryAndArrival, PRODUCT_IDS } from './support/arbitraries';
import { project } from './support/project';
import { shippedUnitDirectory } from '../../../domain/data/shipped-units';
import { DEPLOYMENT_PROVINCE, PLAN_53_KH_UBND } from '../../support/shipped-data';

/**
 * CONTRACT §1: "Events may arrive in any order; the final state must not depend
 * on arrival order" and "Duplicates (same eventId) change nothing". Histories
 * mix the owner, another district and the province as publishers.
 *
 * New core (issue 9): a product belongs to the unit of the first registration
 * received, so registrations from two units are the one thing whose arrival
 * order matters. The order-independence properties register each product from
 * one unit (its district or the province naming it); every other event may
 * come from anyone. The accounting property mixes registrars on purpose.
 */

const ARRIVAL_RUNS = 60;

/** Verdicts by eventId, sorted: what was decided of each distinct event, whatever the order and repeats of the list. */
const verdictsById = (verdicts: readonly ProductVerdict[]) =>
  [...new Map(verdicts.map((v) => [v.eventId, v])).values()].sort((a, b) => a.eventId.localeCompare(b.eventId));

type ProductEvent = Parameters<typeof foldProduct>[1][number];

describe('foldProduct', () => {
  it('gives the same state and verdicts for any arrival order and any duplicates, registrations coming from one unit (new core)', () => {
    fc.assert(
      fc.property(historyAndArrival, ({ events, arrival }) => {
        // Prepare
        const productEvents = (id: string, list: InboundEvent[]) => list.filter((e) => aggregateKeyOf(e) === `PRODUCT#${id}`) as ProductEvent[];

        for (const productId of PRODUCT_IDS) {
          // Act
          const inOrder = foldProduct(productId, productEvents(productId, events));
          const asArrived = foldProduct(productId, productEvents(productId, arrival));

          // Assess
          expect(asArrived.state).toEqual(inOrder.state);
          expect(verdictsById(asArrived.verdicts)).toEqual(verdictsById(inOrder.verdicts));
          expect(asArrived.verdicts).toHaveLength(productEvents(productId, arrival).length);
        }
      }),
      { numRuns: ARRIVAL_RUNS },
    );
  });

  it('decides each event once, by the first registration received: accepted from the owner or the province, rejected from another unit, waiting without a registration (new core)', () => {
    fc.assert(
      fc.property(mixedHistoryAndArrival, ({ arrival }) => {
        for (const productId of PRODUCT_IDS) {
          // Prepare
          const events = arrival.filter((e) => aggregateKeyOf(e) === `PRODUCT#${productId}`) as ProductEvent[];
          const firstRegistration = events.find((e) => e.detailType === 'ProductRegistered');
          const owner = firstRegistration && unitOfEvent(firstRegistration);
          const expectedVerdict = (event: ProductEvent): ProductVerdict['verdict'] => {
            if (owner === undefined) return 'waiting';
            if (event.detailType === 'ProductRegistered') return unitOfEvent(event) === owner ? 'accepted' : 'rejected';
            return event.source === PROVINCE || unitOfEvent(event) === owner ? 'accepted' : 'rejected';
          };

          // Act
          const { state, verdicts } = foldProduct(productId, events);

          // Assess
          expect(verdicts.map((v) => v.eventId)).toEqual(events.map((e) => e.detail.eventId));
          expect(verdicts.map((v) => v.verdict)).toEqual(events.map(expectedVerdict));
          expect(state?.registration.districtCode).toBe(owner);
          const accepted = new Set(verdicts.filter((v) => v.verdict === 'accepted').map((v) => v.eventId));
          const acceptedOf = (...types: ProductEvent['detailType'][]) =>
            [...new Set(events.filter((e) => types.includes(e.detailType) && accepted.has(e.detail.eventId)).map((e) => e.detail.eventId))].sort();
          expect((state?.decisions ?? []).map((d) => d.eventId).sort()).toEqual(acceptedOf('ProductRated', 'ProductUpgraded'));
          expect((state?.revocations ?? []).map((r) => r.eventId).sort()).toEqual(acceptedOf('ProductCertificateRevoked'));
          for (const verdict of verdicts) if (verdict.verdict === 'rejected') expect(verdict.reasons.join(' ')).toContain(`unit ${owner}`);
        }
      }),
      { numRuns: ARRIVAL_RUNS },
    );
  });
});

describe('computeSnapshot', () => {
  const AS_OF = ['2021-06-30T12:00:00+07:00', endOfVnDay('2022-12-30'), '2023-12-31T18:30:00Z', endOfVnDay('2025-06-30')];

  it('gives the same snapshot for any arrival order and any duplicates, on several days', () => {
    fc.assert(
      fc.property(historyAndArrival, ({ events, arrival }) => {
        // Prepare
        const inOrder = project(events);
        const asArrived = project(arrival);

        for (const asOf of AS_OF) {
          // Act
          const expected = computeSnapshot(inOrder, { asOf, plans: [PLAN_53_KH_UBND], province: DEPLOYMENT_PROVINCE, units: shippedUnitDirectory() });
          const actual = computeSnapshot(asArrived, { asOf, plans: [PLAN_53_KH_UBND], province: DEPLOYMENT_PROVINCE, units: shippedUnitDirectory() });

          // Assess
          expect(JSON.stringify(actual)).toBe(JSON.stringify(expected));
        }
      }),
      { numRuns: ARRIVAL_RUNS },
    );
  });

  it('does not depend on the order of the products given to it', () => {
    fc.assert(
      fc.property(history, fc.boolean(), (events, reverse) => {
        // Prepare
        const inputs = project(events);
        const reordered = { ...inputs, products: reverse ? [...inputs.products].reverse() : inputs.products.slice(1).concat(inputs.products.slice(0, 1)) };

        // Act
        const expected = computeSnapshot(inputs, { asOf: AS_OF[2]!, plans: [PLAN_53_KH_UBND], province: DEPLOYMENT_PROVINCE, units: shippedUnitDirectory() });
        const actual = computeSnapshot(reordered, { asOf: AS_OF[2]!, plans: [PLAN_53_KH_UBND], province: DEPLOYMENT_PROVINCE, units: shippedUnitDirectory() });

        // Assess: the same JSON, key order included (snapshots are stored and emailed as JSON)
        expect(JSON.stringify(actual)).toBe(JSON.stringify(expected));
      }),
      { numRuns: 30 },
    );
  });
});
