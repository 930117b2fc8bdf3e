import fc from 'fast-check';
import {
  addDays,
  awardableStars,
  checkEventRules,
  computeSnapshot,
  decideProduct,
  endOfVnDay,
  foldProduct,
  listedIntervals,
  listingsOn,
  MAX_PRODUCT_STATE_CHARS,
  ownerOf,
  productKpiRecord,
  unitOn,
  type ProductEvent,
  type ProductState,
} from '../../../domain';
import { shippedUnitDirectory } from '../../../domain/data/shipped-units';
import { delisted, district, enrolled, inbound, listed, noonOf, province, rated, registered, revoked, transferred, upgraded } from './support/events';
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

const verdictOf = (decision: ReturnType<typeof foldProduct>, event: ProductEvent) => decision.verdicts.find((v) => v.eventId === event.detail.eventId);

describe('foldProduct: waiting for the registration', () => {
  it('keeps events waiting while the registration has not arrived: no state exists yet (new core)', () => {
    // Prepare
    const rating = rated(P, TRA_CU, 3, { score: 60, day: '2022-12-30' });
    const listing = listed(P, CAU_KE, 'postmart', '2023-01-05T09:00:00+07:00');

    // Act
    const decision = foldProduct(P, [rating, listing]);

    // Assess
    expect(decision.state).toBeUndefined();
    expect(decision.verdicts).toEqual([
      { eventId: rating.detail.eventId, verdict: 'waiting' },
      { eventId: listing.detail.eventId, verdict: 'waiting' },
    ]);
  });

  it("counts the waiting events of the registered district once the registration arrives, and rejects another district's", () => {
    // Prepare
    const fromOwner = rated(P, CAU_KE, 3, { score: 60, day: '2022-12-30' });
    const fromOther = rated(P, TRA_CU, 4, { score: 75, day: '2023-02-01' });
    const registration = registered(P, CAU_KE, { day: '2023-03-01' });

    // Act
    const decision = foldProduct(P, [fromOwner, fromOther, registration]);

    // Assess
    expect(decision.state?.registration).toMatchObject({ districtCode: '845', registeredOn: '2023-03-01' });
    expect(decision.state?.decisions.map((d) => d.eventId)).toEqual([fromOwner.detail.eventId]);
    expect(decision.verdicts).toEqual([
      { eventId: fromOwner.detail.eventId, verdict: 'accepted' },
      {
        eventId: fromOther.detail.eventId,
        verdict: 'rejected',
        reasons: ['productId TV-845-001 belongs to unit 845; unit 849 may only publish for its own products'],
      },
      { eventId: registration.detail.eventId, verdict: 'accepted' },
    ]);
  });

  it('lets the province publish for the product whatever district it names', () => {
    // Prepare
    const events = [
      registered(P, CAU_KE),
      rated(P, province('845'), 4, { score: 80, day: '2022-12-30' }),
      enrolled(P, province(), '2023-01-10T08:00:00+07:00'),
      listed(P, province('849'), 'voso', '2023-01-11T08:00:00+07:00'),
    ];

    // Act
    const { state, verdicts } = foldProduct(P, events);

    // Assess
    expect(verdicts.map((v) => v.verdict)).toEqual(['accepted', 'accepted', 'accepted', 'accepted']);
    expect(state?.decisions).toHaveLength(1);
    expect(state?.enrollments).toHaveLength(1);
    expect(state?.listings.map((l) => l.marketplace)).toEqual(['voso']);
  });

  it('takes the district of a registration by the province from its districtCode', () => {
    // Prepare
    const rating = rated(P, TRA_CU, 3, { score: 60, day: '2022-12-30' });

    // Act
    const decision = foldProduct(P, [registered(P, province('845')), rating]);

    // Assess
    expect(decision.state?.registration.districtCode).toBe('845');
    expect(decision.state?.decisions).toEqual([]);
    expect(verdictOf(decision, rating)?.verdict).toBe('rejected');
  });
});

describe('foldProduct: registrations', () => {
  it("gives the product to the unit of the first registration received and rejects the other's, naming the owner (new core: not the earliest occurredAt)", () => {
    // Prepare
    const first = registered(P, CAU_KE, { day: '2022-01-10' });
    const second = registered(P, TRA_CU, { day: '2022-02-10' });

    // Act
    const inOrder = foldProduct(P, [first, second]);
    const reversed = foldProduct(P, [second, first]);

    // Assess
    expect(inOrder.state?.registration).toMatchObject({ districtCode: '845', eventId: first.detail.eventId });
    expect(verdictOf(inOrder, second)).toEqual({
      eventId: second.detail.eventId,
      verdict: 'rejected',
      reasons: [
        'productId TV-845-001 is already registered by unit 845 (since 2022-01-10); unit 849 cannot register it again. ' +
          'If the product really belongs to another unit, the provincial office publishes ProductTransferred.',
      ],
    });
    expect(reversed.state?.registration).toMatchObject({ districtCode: '849', eventId: second.detail.eventId });
    expect(verdictOf(reversed, first)).toMatchObject({ verdict: 'rejected', reasons: [expect.stringContaining('already registered by unit 849')] });
  });

  it('takes a later registration from the same district as a correction', () => {
    // Prepare
    const first = registered(P, CAU_KE, { day: '2022-01-10', name: 'Dừa sáp' });
    const correction = registered(P, CAU_KE, { day: '2022-01-12', name: 'Dừa sáp Cầu Kè', group: 'beverage' });

    // Act
    const { state, verdicts } = foldProduct(P, [correction, first]);

    // Assess
    expect(state?.registration).toMatchObject({ name: 'Dừa sáp Cầu Kè', group: 'beverage', districtCode: '845' });
    expect(verdicts.map((v) => v.verdict)).toEqual(['accepted', 'accepted']);
  });

  it('keeps the first registration day through a correction, so the dossier stays in its year', () => {
    // Prepare
    const first = registered(P, CAU_KE, { day: '2023-11-20', name: 'Dừa sáp' });
    const correction = registered(P, CAU_KE, { day: '2024-02-01', name: 'Dừa sáp Cầu Kè' });

    // Act
    const state = stateOf(P, [correction, first]);

    // Assess
    expect(state.registration).toMatchObject({ name: 'Dừa sáp Cầu Kè', registeredOn: '2023-11-20', registeredAt: '2023-11-20T12:00:00+07:00' });
  });

  it('changes nothing for a duplicate', () => {
    // Prepare
    const registration = registered(P, CAU_KE);
    const rating = rated(P, CAU_KE, 3, { score: 60, day: '2022-12-30' });

    // Act
    const once = foldProduct(P, [registration, rating]);
    const twice = foldProduct(P, [rating, registration, rating, registration]);

    // Assess
    expect(twice.state).toEqual(once.state);
    expect(twice.state?.decisions).toHaveLength(1);
    expect(twice.verdicts.map((v) => v.verdict)).toEqual(['accepted', 'accepted', 'accepted', 'accepted']);
  });
});

describe('decideProduct: ownership cannot be taken by a date or by arrival (issue 9)', () => {
  const ownerHistory = [
    registered(P, TP_TRA_VINH, { day: '2022-03-14', name: 'Mật ong hoa dừa' }),
    rated(P, province('842'), 4, { score: 78, day: '2022-12-30' }),
    listed(P, TP_TRA_VINH, 'postmart', '2023-01-05T09:00:00+07:00'),
  ];

  it('rejects a back-dated ProductRegistered from another district, naming the owner, and changes nothing', () => {
    // Prepare
    const current = stateOf(P, ownerHistory);
    const takeover = registered(P, CANG_LONG, { occurredAt: '2020-01-01T08:00:00+07:00', name: 'Mật ong Càng Long' });

    // Act
    const { state, verdicts } = decideProduct(P, current, [takeover]);

    // Assess
    expect(verdicts).toEqual([
      {
        eventId: takeover.detail.eventId,
        verdict: 'rejected',
        reasons: [expect.stringContaining('is already registered by unit 842 (since 2022-03-14); unit 844 cannot register it again')],
      },
    ]);
    expect(state).toBe(current);
    expect(state?.registration).toMatchObject({ districtCode: '842', name: 'Mật ong hoa dừa', registeredOn: '2022-03-14' });
  });

  it("rejects another district's events received before and after the registration, and they change nothing", () => {
    // Prepare
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

    // Act
    const decision = foldProduct(P, [...foreignBefore, ...ownerHistory, ...foreignAfter]);

    // Assess
    expect(decision.state).toEqual(alone);
    for (const event of [...foreignBefore, ...foreignAfter]) {
      expect(verdictOf(decision, event)).toMatchObject({ verdict: 'rejected', reasons: [expect.stringContaining('unit 842')] });
    }
    for (const event of ownerHistory) expect(verdictOf(decision, event)?.verdict).toBe('accepted');
  });
});

describe('decideProduct: ProductTransferred', () => {
  const history = [registered(P, CAU_KE, { day: '2022-03-14' }), rated(P, CAU_KE, 3, { score: 60, day: '2022-12-30' })];

  it('moves the owner from its effective day: the new unit publishes, the old one is rejected', () => {
    // Prepare
    const move = transferred(P, '849', { fromUnitCode: '845', day: '2023-02-06', effectiveDate: '2023-02-10' });
    const fromNewOwner = listed(P, TRA_CU, 'shopee', '2023-03-01T09:00:00+07:00');
    const fromOldOwner = listed(P, CAU_KE, 'voso', '2023-03-01T09:00:00+07:00');

    // Act
    const decision = foldProduct(P, [...history, move, fromNewOwner, fromOldOwner]);
    const state = decision.state!;

    // Assess
    expect(decision.verdicts.map((v) => v.verdict)).toEqual(['accepted', 'accepted', 'accepted', 'accepted', 'rejected']);
    expect(ownerOf(state)).toBe('849');
    expect(state.registration.districtCode).toBe('845');
    expect(unitOn(state, '2023-02-09')).toBe('845');
    expect(unitOn(state, '2023-02-10')).toBe('849');
    expect(productKpiRecord(state).units).toEqual([
      { from: null, unitCode: '845' },
      { from: '2023-02-10', unitCode: '849' },
    ]);
    expect(state.listings.map((l) => l.marketplace)).toEqual(['shopee']);
    expect(verdictOf(decision, fromOldOwner)).toMatchObject({ reasons: ['productId TV-845-001 belongs to unit 849; unit 845 may only publish for its own products'] });
  });

  it('rejects a transfer whose fromUnitCode is not the owner (stale) and changes nothing', () => {
    // Prepare
    const current = stateOf(P, history);
    const stale = transferred(P, '849', { fromUnitCode: '844' });

    // Act
    const { state, verdicts } = decideProduct(P, current, [stale]);

    // Assess
    expect(verdicts).toEqual([
      { eventId: stale.detail.eventId, verdict: 'rejected', reasons: ['detail.fromUnitCode: productId TV-845-001 belongs to unit 845, not 844; the transfer is stale'] },
    ]);
    expect(state).toBe(current);
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

describe('decideProduct: the state-size bound (MAX_PRODUCT_STATE_CHARS)', () => {
  const registration = registered(P, CAU_KE, { day: '2000-01-01' });

  it('still fits 5,000 of its own listing changes on distinct days, and takes the next event', () => {
    // Prepare
    const changes: ProductEvent[] = [];
    let day = '2001-01-01';
    for (let i = 0; i < 5000; i++) {
      const at = `${day}T09:00:00+07:00`;
      changes.push(i % 2 === 0 ? listed(P, CAU_KE, 'postmart', at) : delisted(P, CAU_KE, 'postmart', at));
      day = addDays(day, 1);
    }
    const next = rated(P, CAU_KE, 4, { score: 80, day });

    // Act
    const decision = foldProduct(P, [registration, ...changes, next]);

    // Assess
    expect(decision.verdicts.every((v) => v.verdict === 'accepted')).toBe(true);
    expect(JSON.stringify(decision.state).length).toBeLessThanOrEqual(MAX_PRODUCT_STATE_CHARS);
    expect(decision.state!.listings[0]!.days).toHaveLength(5000);
    expect(listedIntervals(decision.state!)).toHaveLength(2500);
    expect(decision.state!.decisions).toHaveLength(1);
  });

  it('rejects an event that would grow the state past the bound, keeps the state as it was, and still takes a duplicate', () => {
    // Prepare: revocations with a long reason fill the state in a few hundred events
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

    // Act
    const decision = foldProduct(P, [registration, ...revocations]);
    const full = decision.state!;
    const rejectedRevocation = decision.verdicts.findIndex((v) => v.verdict === 'rejected') - 1;
    const after = decideProduct(P, full, [revocations[rejectedRevocation]!, revocations[0]!]);

    // Assess
    const kinds = decision.verdicts.map((v) => v.verdict);
    const firstRejected = kinds.indexOf('rejected');
    expect(firstRejected).toBeGreaterThan(1);
    expect(kinds.slice(0, firstRejected).every((k) => k === 'accepted')).toBe(true);
    expect(kinds.slice(firstRejected).every((k) => k === 'rejected')).toBe(true);
    expect(decision.verdicts[firstRejected]).toMatchObject({ reasons: [expect.stringContaining("the product's history has reached its size limit")] });
    expect(JSON.stringify(full).length).toBeLessThanOrEqual(MAX_PRODUCT_STATE_CHARS);
    expect(full.revocations).toHaveLength(firstRejected - 1);
    expect(after.verdicts.map((v) => v.verdict)).toEqual(['rejected', 'accepted']);
    expect(after.state).toBe(full);
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
