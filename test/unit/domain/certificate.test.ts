import fc from 'fast-check';
import { activeCertificateOn, addDays, addMonths, certificateOn, firstRecognition, foldProduct, isListedOn, listedIntervals, listingsOn, productDecider, type ProductState } from '../../../domain';
import { DeciderSpecification } from './support/decider-specification';
import { delisted, district, listed, province, rated, registered, revoked, upgraded } from './support/events';

const CAU_KE = district('845');
const P = 'TV-845-001';

function productWith(...events: Parameters<typeof foldProduct>[1]): ProductState {
  const { state } = foldProduct(P, [registered(P, CAU_KE, { day: '2020-01-10' }), ...events]);
  if (!state) throw new Error(`${P} has no state: its registration was not accepted`);
  return state;
}

describe('default validity', () => {
  it('runs 36 months from the decision date', () => {
    // Act
    const state = productWith(rated(P, CAU_KE, 3, { score: 62, day: '2022-12-30' }));

    // Assess
    expect(state.decisions[0]!.validUntil).toBe('2025-12-30');
  });

  it('ends on 28 February for a decision of 29 February', () => {
    // Act
    const state = productWith(rated(P, CAU_KE, 3, { score: 62, day: '2024-02-29' }));

    // Assess
    expect(state.decisions[0]!.validUntil).toBe('2027-02-28');
    expect(addMonths('2024-02-29', 48)).toBe('2028-02-29');
  });

  it('keeps a validUntil the decision gives', () => {
    // Act
    const state = productWith(rated(P, CAU_KE, 3, { score: 62, day: '2022-12-30', validUntil: '2024-06-30' }));

    // Assess
    expect(state.decisions[0]!.validUntil).toBe('2024-06-30');
  });
});

describe('certificateOn', () => {
  it('has no certificate before the first decision', () => {
    // Prepare
    const state = productWith(rated(P, CAU_KE, 3, { score: 62, day: '2022-12-30' }));

    // Act
    const before = certificateOn(state, '2022-12-29');

    // Assess
    expect(before).toBeUndefined();
  });

  it('is valid through validUntil inclusive and not a day more', () => {
    // Prepare
    const state = productWith(rated(P, CAU_KE, 3, { score: 62, day: '2022-12-30' }));

    // Act
    const first = certificateOn(state, '2022-12-30');
    const lastDay = certificateOn(state, '2025-12-30');
    const dayAfter = certificateOn(state, '2025-12-31');

    // Assess
    expect(first?.valid).toBe(true);
    expect(lastDay?.valid).toBe(true);
    expect(dayAfter?.valid).toBe(false);
    expect(activeCertificateOn(state, '2025-12-31')).toBeUndefined();
  });

  it('is replaced by a later decision, even one of fewer stars', () => {
    // Prepare
    const state = productWith(
      rated(P, CAU_KE, 4, { score: 80, day: '2021-05-01' }),
      rated(P, CAU_KE, 3, { score: 60, day: '2023-05-01' }),
      rated(P, CAU_KE, 2, { score: 40, day: '2024-05-01' }),
    );

    // Act
    const in2022 = activeCertificateOn(state, '2022-05-01');
    const in2023 = activeCertificateOn(state, '2023-05-01');
    const in2024 = certificateOn(state, '2024-05-01');

    // Assess
    expect(in2022?.stars).toBe(4);
    expect(in2023?.stars).toBe(3);
    expect(in2023?.validUntil).toBe('2026-05-01');
    expect(in2024?.decision.stars).toBe(2);
    expect(in2024?.valid).toBe(true);
    expect(activeCertificateOn(state, '2024-05-01')).toBeUndefined();
  });

  it('takes an upgrade as a decision at its toStars', () => {
    // Prepare
    const state = productWith(
      rated(P, CAU_KE, 3, { score: 60, day: '2021-05-01' }),
      upgraded(P, province(), 3, 4, { score: 91, council: 'province', day: '2022-08-22' }),
    );

    // Act
    const certificate = activeCertificateOn(state, '2022-08-22');

    // Assess
    expect(certificate).toMatchObject({ kind: 'upgrade', stars: 4, fiveStarPotential: true, level: '4-potential-5', validUntil: '2025-08-22' });
  });

  it('is revoked from a revocation dated on the decision day', () => {
    // Prepare
    const state = productWith(rated(P, CAU_KE, 3, { score: 62, day: '2022-12-30' }), revoked(P, CAU_KE, '2022-12-30'));

    // Act
    const certificate = certificateOn(state, '2022-12-30');

    // Assess
    expect(certificate).toMatchObject({ valid: false, revokedOn: '2022-12-30' });
  });

  it('is valid until a later revocation, and revoked from its day on', () => {
    // Prepare
    const state = productWith(rated(P, CAU_KE, 3, { score: 62, day: '2022-12-30' }), revoked(P, CAU_KE, '2023-09-01'));

    // Act
    const before = certificateOn(state, '2023-08-31');
    const on = certificateOn(state, '2023-09-01');

    // Assess
    expect(before?.valid).toBe(true);
    expect(on).toMatchObject({ valid: false, revokedOn: '2023-09-01' });
  });

  it('is not touched by a revocation dated before it', () => {
    // Prepare
    const state = productWith(
      rated(P, CAU_KE, 3, { score: 62, day: '2021-03-01' }),
      revoked(P, CAU_KE, '2022-06-01'),
      rated(P, CAU_KE, 3, { score: 66, day: '2023-02-01' }),
    );

    // Act
    const revokedOne = certificateOn(state, '2022-12-31');
    const laterOne = certificateOn(state, '2023-02-01');

    // Assess
    expect(revokedOne?.valid).toBe(false);
    expect(laterOne).toEqual({ decision: expect.objectContaining({ decisionDate: '2023-02-01' }), valid: true });
  });

  it('is never active for a product whose registration has not arrived: there is no state yet, the rating waits (new core)', () => {
    // Given no registration
    const rating = rated(P, CAU_KE, 3, { score: 62, day: '2022-12-30' });

    // When a rating arrives, then it waits, and there is no certificate
    const { state } = DeciderSpecification.for(productDecider(P))().when(rating).thenWaits();
    const certificate = state && activeCertificateOn(state, '2023-01-01');

    expect(state).toBeUndefined();
    expect(certificate).toBeUndefined();
  });
});

describe('firstRecognition', () => {
  it('is the earliest decision of 3 stars or more, whatever came before or after', () => {
    // Prepare
    const state = productWith(
      rated(P, CAU_KE, 2, { score: 45, day: '2020-06-01' }),
      rated(P, CAU_KE, 3, { score: 55, day: '2021-06-01' }),
      upgraded(P, CAU_KE, 3, 4, { score: 75, day: '2022-06-01' }),
    );

    // Act
    const asOf2020 = firstRecognition(state, '2020-12-31');
    const asOf2023 = firstRecognition(state, '2023-12-31');

    // Assess
    expect(asOf2020).toBeUndefined();
    expect(asOf2023).toMatchObject({ decisionDate: '2021-06-01', stars: 3 });
  });

  it('stays the earliest recognition after a revocation and a new decision', () => {
    // Prepare
    const state = productWith(
      rated(P, CAU_KE, 4, { score: 72, day: '2021-06-01' }),
      revoked(P, CAU_KE, '2022-01-01'),
      rated(P, CAU_KE, 3, { score: 65, day: '2023-06-01' }),
    );

    // Act
    const first = firstRecognition(state, '2023-12-31');

    // Assess
    expect(first).toMatchObject({ decisionDate: '2021-06-01', stars: 4 });
  });
});

describe('listedIntervals', () => {
  const MARKETPLACES = ['postmart', 'voso', 'shopee'];
  const FIRST_DAY = '2023-01-01';
  const SPAN_DAYS = 40;
  /** A listing change on one of SPAN_DAYS days, at one of a few times of day (a same-instant tie included). */
  const change = fc.record({
    listedNotDelisted: fc.boolean(),
    marketplace: fc.constantFrom(...MARKETPLACES),
    day: fc.integer({ min: 0, max: SPAN_DAYS - 1 }),
    time: fc.constantFrom('08:00:00+07:00', '12:00:00+07:00', '23:30:00+07:00'),
  });

  it('says listed on exactly the days on which listingsOn finds a marketplace, for any listing history', () => {
    fc.assert(
      fc.property(fc.array(change, { maxLength: 60 }), (changes) => {
        // Prepare
        const events = changes.map(({ listedNotDelisted, marketplace, day, time }) => {
          const at = `${addDays(FIRST_DAY, day)}T${time}`;
          return listedNotDelisted ? listed(P, CAU_KE, marketplace, at) : delisted(P, CAU_KE, marketplace, at);
        });
        const state = productWith(...events);

        // Act
        const intervals = listedIntervals(state);

        // Assess: every day from before the first change to after the last
        for (let offset = -1; offset <= SPAN_DAYS; offset++) {
          const day = addDays(FIRST_DAY, offset);
          expect([day, isListedOn(intervals, day)]).toEqual([day, listingsOn(state, day).length > 0]);
        }
        for (const [from, until] of intervals) if (until !== null) expect(from < until).toBe(true);
      }),
      { numRuns: 200 },
    );
  });
});
