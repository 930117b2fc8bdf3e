import { foldProduct, listingsOn } from '../../../domain';
import { delisted, district, enrolled, listed, province, rated, registered } from './support/events';

const CAU_KE = district('845');
const TRA_CU = district('849');
const P = 'TV-845-001';

describe('foldProduct: waiting for the registration', () => {
  it('keeps events waiting while the registration has not arrived', () => {
    // Prepare
    const rating = rated(P, TRA_CU, 3, { score: 60, day: '2022-12-30' });
    const listing = listed(P, CAU_KE, 'postmart', '2023-01-05T09:00:00+07:00');

    // Act
    const state = foldProduct(P, [rating, listing]);

    // Assess
    expect(state.registration).toBeUndefined();
    expect(state.decisions).toEqual([]);
    expect(state.listingChanges).toEqual([]);
    expect(state.awaitingRegistration.sort()).toEqual([rating.detail.eventId, listing.detail.eventId].sort());
    expect(state.rejections).toEqual([]);
  });

  it('counts the waiting events of the registered district once the registration arrives, and rejects another district\'s', () => {
    // Prepare
    const fromOwner = rated(P, CAU_KE, 3, { score: 60, day: '2022-12-30' });
    const fromOther = rated(P, TRA_CU, 4, { score: 75, day: '2023-02-01' });
    const registration = registered(P, CAU_KE, { day: '2023-03-01' });

    // Act
    const state = foldProduct(P, [fromOwner, fromOther, registration]);

    // Assess
    expect(state.registration).toMatchObject({ districtCode: '845', registeredOn: '2023-03-01' });
    expect(state.awaitingRegistration).toEqual([]);
    expect(state.decisions.map((d) => d.eventId)).toEqual([fromOwner.detail.eventId]);
    expect(state.rejections).toEqual([
      {
        eventId: fromOther.detail.eventId,
        detailType: 'ProductRated',
        source: 'ocop.district.849',
        reasons: ['productId TV-845-001 is registered in district 845; district 849 may only publish for its own products'],
      },
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
    const state = foldProduct(P, events);

    // Assess
    expect(state.rejections).toEqual([]);
    expect(state.decisions).toHaveLength(1);
    expect(state.enrollments).toHaveLength(1);
    expect(state.listingChanges).toHaveLength(1);
  });

  it('takes the district of a registration by the province from its districtCode', () => {
    // Act
    const state = foldProduct(P, [registered(P, province('845')), rated(P, TRA_CU, 3, { score: 60, day: '2022-12-30' })]);

    // Assess
    expect(state.registration?.districtCode).toBe('845');
    expect(state.decisions).toEqual([]);
    expect(state.rejections).toHaveLength(1);
  });
});

describe('foldProduct: registrations', () => {
  it('rejects a second registration from another district, whichever arrives first', () => {
    // Prepare
    const first = registered(P, CAU_KE, { day: '2022-01-10' });
    const second = registered(P, TRA_CU, { day: '2022-02-10' });

    // Act
    const inOrder = foldProduct(P, [first, second]);
    const reversed = foldProduct(P, [second, first]);

    // Assess
    expect(inOrder).toEqual(reversed);
    expect(inOrder.registration).toMatchObject({ districtCode: '845', eventId: first.detail.eventId });
    expect(inOrder.rejections).toEqual([
      {
        eventId: second.detail.eventId,
        detailType: 'ProductRegistered',
        source: 'ocop.district.849',
        reasons: ['productId TV-845-001 is already registered by district 845; district 849 cannot register it again'],
      },
    ]);
  });

  it('takes a later registration from the same district as a correction', () => {
    // Prepare
    const first = registered(P, CAU_KE, { day: '2022-01-10', name: 'Dừa sáp' });
    const correction = registered(P, CAU_KE, { day: '2022-01-12', name: 'Dừa sáp Cầu Kè', group: 'beverage' });

    // Act
    const state = foldProduct(P, [correction, first]);

    // Assess
    expect(state.registration).toMatchObject({ name: 'Dừa sáp Cầu Kè', group: 'beverage', districtCode: '845' });
    expect(state.rejections).toEqual([]);
  });

  it('keeps the first registration day through a correction, so the dossier stays in its year', () => {
    // Prepare
    const first = registered(P, CAU_KE, { day: '2023-11-20', name: 'Dừa sáp' });
    const correction = registered(P, CAU_KE, { day: '2024-02-01', name: 'Dừa sáp Cầu Kè' });

    // Act
    const state = foldProduct(P, [correction, first]);

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
    expect(twice).toEqual(once);
    expect(twice.decisions).toHaveLength(1);
  });
});

describe('listingsOn', () => {
  const registration = registered(P, CAU_KE);

  it('lists a product from its listing day until its delisting', () => {
    // Prepare
    const state = foldProduct(P, [
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
    const onDay = listingsOn(foldProduct(P, events), '2023-06-01');
    const reversed = listingsOn(foldProduct(P, [...events].reverse()), '2023-06-01');

    // Assess
    expect(onDay.map((l) => l.marketplace)).toEqual(['postmart', 'tiktok-shop']);
    expect(reversed).toEqual(onDay);
  });

  it('compares instants, not clock readings: a delisting at 08:00+07:00 comes before a listing at 02:00Z', () => {
    // Prepare
    const state = foldProduct(P, [
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

  it('lets a delisting win a tie at the same instant', () => {
    // Prepare
    const state = foldProduct(P, [
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
