import fc from 'fast-check';
import {
  addDays,
  awardableStars,
  checkEventRules,
  computeSnapshot,
  endOfVnDay,
  foldProduct,
  listedIntervals,
  listingsOn,
  MAX_PRODUCT_STATE_CHARS,
  ownerOf,
  productDecider,
  productKpiRecord,
  unitOn,
  type ProductEvent,
  type ProductState,
} from '../../../domain';
import { shippedUnitDirectory } from '../../../domain/data/shipped-units';
import { delisted, district, enrolled, inbound, listed, noonOf, province, rated, registered, revoked, transferred, upgraded } from './support/events';
import { accepted, DeciderSpecification, rejected } from './support/decider-specification';
import { DEPLOYMENT_PROVINCE, PLAN_53_KH_UBND } from '../../support/shipped-data';

const TP_TRA_VINH = district('842');
const CANG_LONG = district('844');
const CAU_KE = district('845');
const TRA_CU = district('849');
const P = 'TV-845-001';

/** The state of a history, which must have a registration. */
function stateOf(productId: string, events: readonly ProductEvent[]): ProductState {
  const { state } = foldProduct(productId, events);
  if (!state) throw new Error(`${productId} has no state: its registration was not accepted`);
  return state;
}

const given = DeciderSpecification.for(productDecider(P));

describe('productDecider: waiting for the registration', () => {
  it('keeps events waiting while the registration has not arrived: no state exists yet (new core)', () => {
    // Given no registration
    const rating = rated(P, TRA_CU, 3, { score: 60, day: '2022-12-30' });
    const listing = listed(P, CAU_KE, 'postmart', '2023-01-05T09:00:00+07:00');

    // When a rating and a listing arrive, then both wait
    const { state } = given().when(rating, listing).thenWaits();

    expect(state).toBeUndefined();
  });

  it("counts the waiting events of the registered district once the registration arrives, and rejects another district's", () => {
    // Given no registration
    const fromOwner = rated(P, CAU_KE, 3, { score: 60, day: '2022-12-30' });
    const fromOther = rated(P, TRA_CU, 4, { score: 75, day: '2023-02-01' });
    const registration = registered(P, CAU_KE, { day: '2023-03-01' });

    // When two ratings arrive before the registration, then the owner's counts and the other's is rejected
    const { state } = given()
      .when(fromOwner, fromOther, registration)
      .thenDecides([
        accepted(fromOwner),
        rejected(fromOther, 'productId TV-845-001 belongs to unit 845; unit 849 may only publish for its own products'),
        accepted(registration),
      ]);

    expect(state?.registration).toMatchObject({ districtCode: '845', registeredOn: '2023-03-01' });
    expect(state?.decisions.map((d) => d.eventId)).toEqual([fromOwner.detail.eventId]);
  });

  it('lets the province publish for the product whatever district it names', () => {
    // Given no registration
    const events = [
      registered(P, CAU_KE),
      rated(P, province('845'), 4, { score: 80, day: '2022-12-30' }),
      enrolled(P, province(), '2023-01-10T08:00:00+07:00'),
      listed(P, province('849'), 'voso', '2023-01-11T08:00:00+07:00'),
    ];

    // When the registration and the province's events arrive, then all are accepted
    const { state } = given()
      .when(...events)
      .then(events);

    expect(state?.decisions).toHaveLength(1);
    expect(state?.enrollments).toHaveLength(1);
    expect(state?.listings.map((l) => l.marketplace)).toEqual(['voso']);
  });

  it('takes the district of a registration by the province from its districtCode', () => {
    // Given no registration
    const registration = registered(P, province('845'));
    const rating = rated(P, TRA_CU, 3, { score: 60, day: '2022-12-30' });

    // When the province registers the product for 845 and 849 rates it, then 849's rating is rejected
    const { state } = given()
      .when(registration, rating)
      .thenDecides([accepted(registration), rejected(rating, 'productId TV-845-001 belongs to unit 845; unit 849 may only publish for its own products')]);

    expect(state?.registration.districtCode).toBe('845');
    expect(state?.decisions).toEqual([]);
  });
});

describe('productDecider: registrations', () => {
  it("gives the product to the unit of the first registration received and rejects the other's, naming the owner (new core: not the earliest occurredAt)", () => {
    // Given no registration
    const first = registered(P, CAU_KE, { day: '2022-01-10' });
    const second = registered(P, TRA_CU, { day: '2022-02-10' });

    // When both registrations arrive, in either order, then the first received owns the product
    const inOrder = given()
      .when(first, second)
      .thenDecides([
        accepted(first),
        rejected(
          second,
          'productId TV-845-001 is already registered by unit 845 (since 2022-01-10); unit 849 cannot register it again. ' +
            'If the product really belongs to another unit, the provincial office publishes ProductTransferred.',
        ),
      ]);
    const reversed = given()
      .when(second, first)
      .thenDecides([accepted(second), rejected(first, expect.stringContaining('already registered by unit 849'))]);

    expect(inOrder.state?.registration).toMatchObject({ districtCode: '845', eventId: first.detail.eventId });
    expect(reversed.state?.registration).toMatchObject({ districtCode: '849', eventId: second.detail.eventId });
  });

  it('takes a later registration from the same district as a correction', () => {
    // Given no registration
    const first = registered(P, CAU_KE, { day: '2022-01-10', name: 'Dừa sáp' });
    const correction = registered(P, CAU_KE, { day: '2022-01-12', name: 'Dừa sáp Cầu Kè', group: 'beverage' });

    // When the correction arrives before the first registration, then both are accepted
    const { state } = given()
      .when(correction, first)
      .then([correction, first]);

    expect(state?.registration).toMatchObject({ name: 'Dừa sáp Cầu Kè', group: 'beverage', districtCode: '845' });
  });

  it('keeps the first registration day through a correction, so the dossier stays in its year', () => {
    // Given no registration
    const first = registered(P, CAU_KE, { day: '2023-11-20', name: 'Dừa sáp' });
    const correction = registered(P, CAU_KE, { day: '2024-02-01', name: 'Dừa sáp Cầu Kè' });

    // When the correction arrives first, then the product is registered since the first registration's day
    const { state } = given()
      .when(correction, first)
      .then([correction, first]);

    expect(state?.registration).toMatchObject({ name: 'Dừa sáp Cầu Kè', registeredOn: '2023-11-20', registeredAt: '2023-11-20T12:00:00+07:00' });
  });

  it('changes nothing for a duplicate', () => {
    // Given no registration
    const registration = registered(P, CAU_KE);
    const rating = rated(P, CAU_KE, 3, { score: 60, day: '2022-12-30' });

    // When the events arrive once, or twice in another order, then every one is accepted and the states are equal
    const once = given()
      .when(registration, rating)
      .then([registration, rating]);
    // The first rating waits for the registration, and is folded right after it.
    const twice = given()
      .when(rating, registration, rating, registration)
      .then([registration, rating, rating, registration]);

    expect(twice.state).toEqual(once.state);
    expect(twice.state?.decisions).toHaveLength(1);
  });
});

describe('productDecider: ownership cannot be taken by a date or by arrival (issue 9)', () => {
  const ownerHistory = [
    registered(P, TP_TRA_VINH, { day: '2022-03-14', name: 'Mật ong hoa dừa' }),
    rated(P, province('842'), 4, { score: 78, day: '2022-12-30' }),
    listed(P, TP_TRA_VINH, 'postmart', '2023-01-05T09:00:00+07:00'),
  ];

  it('rejects a back-dated ProductRegistered from another district, naming the owner, and changes nothing', () => {
    // Given the owner's history
    const takeover = registered(P, CANG_LONG, { occurredAt: '2020-01-01T08:00:00+07:00', name: 'Mật ong Càng Long' });

    // When another district registers the product with an earlier date, then it is rejected and the state is untouched
    const { state } = given(ownerHistory)
      .when(takeover)
      .thenRejects(expect.stringContaining('is already registered by unit 842 (since 2022-03-14); unit 844 cannot register it again'));

    expect(state?.registration).toMatchObject({ districtCode: '842', name: 'Mật ong hoa dừa', registeredOn: '2022-03-14' });
  });

  it("rejects another district's events received before and after the registration, and they change nothing", () => {
    // Given no registration
    const foreignBefore = [
      rated(P, CANG_LONG, 3, { score: 60, day: '2021-06-01' }),
      listed(P, CANG_LONG, 'voso', '2021-07-01T09:00:00+07:00'),
      enrolled(P, CANG_LONG, '2021-08-01T09:00:00+07:00'),
    ];
    const foreignAfter = [
      registered(P, CANG_LONG, { day: '2019-05-05' }),
      revoked(P, CANG_LONG, '2023-01-10'),
      delisted(P, CANG_LONG, 'postmart', '2023-02-01T09:00:00+07:00'),
      upgraded(P, CANG_LONG, 4, 5, { score: 93, council: 'central', day: '2023-03-01' }),
    ];
    const alone = stateOf(P, ownerHistory);
    const foreign = (event: ProductEvent) => rejected(event, expect.stringContaining('unit 842'));

    // When another district's events surround the owner's, then only the owner's are accepted
    const { state } = given()
      .when(...foreignBefore, ...ownerHistory, ...foreignAfter)
      .thenDecides([...foreignBefore.map(foreign), ...ownerHistory.map(accepted), ...foreignAfter.map(foreign)]);

    expect(state).toEqual(alone);
  });
});

describe('productDecider: ProductTransferred', () => {
  const history = [registered(P, CAU_KE, { day: '2022-03-14' }), rated(P, CAU_KE, 3, { score: 60, day: '2022-12-30' })];

  it('moves the owner from its effective day: the new unit publishes, the old one is rejected', () => {
    // Given no registration
    const move = transferred(P, '849', { fromUnitCode: '845', day: '2023-02-06', effectiveDate: '2023-02-10' });
    const fromNewOwner = listed(P, TRA_CU, 'shopee', '2023-03-01T09:00:00+07:00');
    const fromOldOwner = listed(P, CAU_KE, 'voso', '2023-03-01T09:00:00+07:00');

    // When the history, a transfer to 849 and listings by both units arrive, then the old owner's listing is rejected
    const outcome = given()
      .when(...history, move, fromNewOwner, fromOldOwner)
      .thenDecides([
        ...history.map(accepted),
        accepted(move),
        accepted(fromNewOwner),
        rejected(fromOldOwner, 'productId TV-845-001 belongs to unit 849; unit 845 may only publish for its own products'),
      ]);
    const state = outcome.state!;

    expect(ownerOf(state)).toBe('849');
    expect(state.registration.districtCode).toBe('845');
    expect(unitOn(state, '2023-02-09')).toBe('845');
    expect(unitOn(state, '2023-02-10')).toBe('849');
    expect(productKpiRecord(state).units).toEqual([
      { from: null, unitCode: '845' },
      { from: '2023-02-10', unitCode: '849' },
    ]);
    expect(state.listings.map((l) => l.marketplace)).toEqual(['shopee']);
  });

  it('rejects a transfer whose fromUnitCode is not the owner (stale) and changes nothing', () => {
    // Given the product registered and rated by 845
    const stale = transferred(P, '849', { fromUnitCode: '844' });

    // When a transfer from 844 arrives, then it is rejected as stale and the state is untouched
    const { state } = given(history)
      .when(stale)
      .thenRejects('detail.fromUnitCode: productId TV-845-001 belongs to unit 845, not 844; the transfer is stale');

    expect(ownerOf(state!)).toBe('845');
  });

  it('is for the province only: the rules refuse a transfer published by a district', () => {
    // Prepare
    const byDistrict = transferred(P, '849', { source: CAU_KE.source });

    // Act
    const reasons = checkEventRules(byDistrict, shippedUnitDirectory());

    // Assess
    expect(reasons).toContain('Source: only ocop.province may move a product between units; ocop.district.845 may not');
  });
});

describe('productDecider: the state-size bound (MAX_PRODUCT_STATE_CHARS)', () => {
  const registration = registered(P, CAU_KE, { day: '2000-01-01' });

  it('still fits 5,000 of its own listing changes on distinct days, and takes the next event', () => {
    // Given no registration
    const changes: ProductEvent[] = [];
    let day = '2001-01-01';
    for (let i = 0; i < 5000; i++) {
      const at = `${day}T09:00:00+07:00`;
      changes.push(i % 2 === 0 ? listed(P, CAU_KE, 'postmart', at) : delisted(P, CAU_KE, 'postmart', at));
      day = addDays(day, 1);
    }
    const next = rated(P, CAU_KE, 4, { score: 80, day });

    // When the registration, 5,000 listing changes and a rating arrive, then all are accepted
    const { state } = given()
      .when(registration, ...changes, next)
      .then([registration, ...changes, next]);

    expect(JSON.stringify(state).length).toBeLessThanOrEqual(MAX_PRODUCT_STATE_CHARS);
    expect(state!.listings[0]!.days).toHaveLength(5000);
    expect(listedIntervals(state!)).toHaveLength(2500);
    expect(state!.decisions).toHaveLength(1);
  });

  it('rejects an event that would grow the state past the bound, keeps the state as it was, and still takes a duplicate', () => {
    // Given revocations with a long reason, which fill the state in a few hundred events
    const reason = 'Chủ thể không duy trì chất lượng sản phẩm; '.repeat(11).slice(0, 480);
    const revocations = Array.from({ length: 700 }, (_, i) =>
      inbound('ProductCertificateRevoked', CAU_KE.source, {
        occurredAt: noonOf('2022-01-01'),
        districtCode: '845',
        productId: P,
        decisionNo: `QĐ-TH-${i}`,
        decisionDate: '2022-01-01',
        reason,
      }) as ProductEvent,
    );

    // When they all arrive, then they are accepted until the bound and rejected from there
    const decision = foldProduct(P, [registration, ...revocations]);
    const full = decision.state!;
    const kinds = decision.verdicts.map((v) => v.verdict);
    const firstRejected = kinds.indexOf('rejected');
    expect(firstRejected).toBeGreaterThan(1);
    expect(kinds.slice(0, firstRejected).every((k) => k === 'accepted')).toBe(true);
    expect(kinds.slice(firstRejected).every((k) => k === 'rejected')).toBe(true);
    expect(decision.verdicts[firstRejected]).toMatchObject({ reasons: [expect.stringContaining("the product's history has reached its size limit")] });
    expect(JSON.stringify(full).length).toBeLessThanOrEqual(MAX_PRODUCT_STATE_CHARS);
    expect(full.revocations).toHaveLength(firstRejected - 1);

    // Given the full product, when the first rejected revocation comes again with a duplicate of an accepted one,
    // then the first is rejected again, the duplicate accepted, and the state kept as it was
    const acceptedRevocations = revocations.slice(0, firstRejected - 1);
    const rejectedRevocation = revocations[firstRejected - 1]!;
    const after = given([registration, ...acceptedRevocations])
      .when(rejectedRevocation, revocations[0]!)
      .thenDecides([rejected(rejectedRevocation, expect.stringContaining("the product's history has reached its size limit")), accepted(revocations[0]!)]);
    expect(after.given).toEqual(full);
    expect(after.state).toBe(after.given);
  });
});

describe('computeSnapshot: a product counts from its registration day', () => {
  it('does not count on asOf a product registered after asOf, even with back-dated decisions', () => {
    // Prepare
    const inputs = {
      products: [
        productKpiRecord(
          stateOf(P, [
            registered(P, CAU_KE, { day: '2023-03-01' }),
            rated(P, province('845'), 4, { score: 80, day: '2022-12-30' }),
            enrolled(P, CAU_KE, noonOf('2022-12-30')),
          ]),
        ),
      ],
      ipGrants: [],
      scienceTasks: [],
    };
    const on = (day: string) => computeSnapshot(inputs, { asOf: endOfVnDay(day), plans: [PLAN_53_KH_UBND], province: DEPLOYMENT_PROVINCE, units: shippedUnitDirectory() });
    const active = (day: string) => on(day).indicators.find((i) => i.id === 'ocop.active')!.value;

    // Act
    const beforeRegistration = active('2023-01-15');
    const dayBefore = active('2023-02-28');
    const onRegistration = active('2023-03-01');

    // Assess
    expect(beforeRegistration).toBe(0);
    expect(dayBefore).toBe(0);
    expect(onRegistration).toBe(1);
    expect(on('2023-01-15').breakdown.byDistrict['845']!.active).toBe(0);
  });
});

describe('foldProduct: one district in any order', () => {
  it('gives the same state for any arrival order and any duplicates of one district’s events (property)', () => {
    // Prepare
    const day = fc.constantFrom('2021-03-15', '2021-12-31', '2022-08-22', '2022-12-30', '2023-06-30', '2024-02-29');
    const instant = fc.tuple(day, fc.constantFrom('00:30:00+07:00', '12:00:00+07:00', '23:30:00+07:00', '18:30:00Z')).map(([d, t]) => `${d}T${t}`);
    const marketplace = fc.constantFrom('postmart', 'voso', 'shopee');
    const event: fc.Arbitrary<ProductEvent> = fc.oneof(
      fc.record({ day, name: fc.constantFrom('Dừa sáp', 'Dừa sáp Cầu Kè') }).map((r) => registered(P, CAU_KE, { day: r.day, name: r.name })),
      fc.record({ day, score: fc.constantFrom(55, 75, 92) }).map((r) => rated(P, CAU_KE, awardableStars(r.score, 'province').stars, { score: r.score, day: r.day })),
      day.map((d) => revoked(P, CAU_KE, d)),
      fc.record({ at: instant, marketplace }).map((r) => listed(P, CAU_KE, r.marketplace, r.at)),
      fc.record({ at: instant, marketplace }).map((r) => delisted(P, CAU_KE, r.marketplace, r.at)),
      instant.map((at) => enrolled(P, CAU_KE, at)),
    );
    const historyAndArrival = fc.array(event, { minLength: 1, maxLength: 14 }).chain((events) =>
      fc
        .subarray(events)
        .chain((repeats) => fc.shuffledSubarray([...events, ...repeats], { minLength: events.length + repeats.length }))
        .map((arrival) => ({ events, arrival })),
    );

    fc.assert(
      fc.property(historyAndArrival, ({ events, arrival }) => {
        // Act
        const inOrder = foldProduct(P, events);
        const asArrived = foldProduct(P, arrival);

        // Assess
        expect(asArrived.state).toEqual(inOrder.state);
        expect(asArrived.verdicts.every((v) => v.verdict !== 'rejected')).toBe(true);
        const registeredOnce = events.some((e) => e.detailType === 'ProductRegistered');
        expect(asArrived.verdicts.every((v) => v.verdict === (registeredOnce ? 'accepted' : 'waiting'))).toBe(true);
      }),
      { numRuns: 100 },
    );
  });
});

describe('listingsOn', () => {
  const registration = registered(P, CAU_KE);

  it('lists a product from its listing day until its delisting', () => {
    // Prepare
    const state = stateOf(P, [
      registration,
      listed(P, CAU_KE, 'postmart', '2023-01-05T09:00:00+07:00'),
      delisted(P, CAU_KE, 'postmart', '2023-06-01T09:00:00+07:00'),
    ]);

    // Act
    const before = listingsOn(state, '2023-01-04');
    const during = listingsOn(state, '2023-05-31');
    const after = listingsOn(state, '2023-06-01');

    // Assess
    expect(before).toEqual([]);
    expect(during.map((l) => l.marketplace)).toEqual(['postmart']);
    expect(after).toEqual([]);
  });

  it('keeps the latest change per marketplace, whatever the arrival order', () => {
    // Prepare
    const events = [
      registration,
      listed(P, CAU_KE, 'postmart', '2023-01-05T09:00:00+07:00'),
      delisted(P, CAU_KE, 'postmart', '2023-03-01T09:00:00+07:00'),
      listed(P, CAU_KE, 'postmart', '2023-04-01T09:00:00+07:00'),
      listed(P, CAU_KE, 'voso', '2023-02-01T09:00:00+07:00'),
      delisted(P, CAU_KE, 'voso', '2023-05-01T09:00:00+07:00'),
      listed(P, CAU_KE, 'tiktok-shop', '2023-02-01T09:00:00+07:00'),
    ];

    // Act
    const onDay = listingsOn(stateOf(P, events), '2023-06-01');
    const reversed = listingsOn(stateOf(P, [...events].reverse()), '2023-06-01');

    // Assess
    expect(onDay.map((l) => l.marketplace)).toEqual(['postmart', 'tiktok-shop']);
    expect(reversed).toEqual(onDay);
  });

  it('compares instants, not clock readings: a delisting at 08:00+07:00 comes before a listing at 02:00Z', () => {
    // Prepare
    const state = stateOf(P, [
      registration,
      listed(P, CAU_KE, 'lazada', '2023-02-01T08:00:00+07:00'),
      delisted(P, CAU_KE, 'lazada', '2023-03-01T08:00:00+07:00'),
      listed(P, CAU_KE, 'lazada', '2023-03-01T02:00:00Z'),
    ]);

    // Act
    const listings = listingsOn(state, '2023-03-01');

    // Assess
    expect(listings.map((l) => l.marketplace)).toEqual(['lazada']);
  });

  it('lets a delisting win a tie at the same instant (the day entry too)', () => {
    // Prepare
    const state = stateOf(P, [
      registration,
      listed(P, CAU_KE, 'shopee', '2023-03-01T08:00:00+07:00'),
      delisted(P, CAU_KE, 'shopee', '2023-03-01T01:00:00Z'),
    ]);

    // Act
    const listings = listingsOn(state, '2023-03-01');

    // Assess
    expect(listings).toEqual([]);
  });
});
