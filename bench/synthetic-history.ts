import { districtSource, PROVINCE_SOURCE, type InboundEvent } from '../events';
import { addDays, councilRefusal, refusalsUnder26of2026, TWO_TIER_FROM, vnDayOf, type IsoDay } from '../domain';
import { shippedUnitDirectory } from '../domain/data/shipped-units';
import { SeededRandom } from '../local/demo/prng';
import { DISTRICTS } from '../local/demo/tra-vinh-history';

/**
 * A synthetic but valid OCOP history for the benchmark: `products` products
 * spread over the Trà Vinh districts, five events each (registration, rating,
 * marketplace listing, traceability enrolment, then an upgrade or a second
 * listing), dated in the 34 months before `today` so most certificates are in
 * force. Deterministic for a seed and a day; returned in date order.
 * Events dated before 2025-07-01 come from the districts; from then on (no
 * districts) from the provincial office, naming the district's first 2025
 * successor in the shipped units as the commune.
 */
export const EVENTS_PER_PRODUCT = 5;

const MARKETPLACES = ['travinhtrade', 'postmart', 'voso', 'shopee', 'lazada', 'tiki', 'tiktok-shop'] as const;
const GROUPS = ['food', 'beverage', 'herbal', 'handicraft', 'ornamental', 'tourism'] as const;
const SUBJECTS = ['household', 'enterprise', 'cooperative', 'cooperative_group'] as const;

const at = (day: IsoDay, hour: number, minute: number) => `${day}T${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}:00+07:00`;

export function syntheticHistory(options: { products: number; today: IsoDay; seed?: number }): InboundEvent[] {
  const random = new SeededRandom(options.seed ?? 20_000);
  const events: InboundEvent[] = [];
  for (let n = 1; n <= options.products; n += 1) events.push(...productEvents(n, options.today, random));
  return events.sort((a, b) => Date.parse(a.detail.occurredAt) - Date.parse(b.detail.occurredAt) || a.detail.eventId.localeCompare(b.detail.eventId));
}

let units: ReturnType<typeof shippedUnitDirectory> | undefined;
/** Who publishes for a district's product on a day, and the unit field the event carries. */
function publisherOn(district: string, day: IsoDay): { source: string; unit: { districtCode: string } | { communeCode: string } } {
  if (day < TWO_TIER_FROM) return { source: districtSource(district), unit: { districtCode: district } };
  const successor = (units ??= shippedUnitDirectory()).unitOn(district, addDays(TWO_TIER_FROM, -1))!.successors[0]!;
  return { source: PROVINCE_SOURCE, unit: { communeCode: successor } };
}

function productEvents(n: number, today: IsoDay, random: SeededRandom): InboundEvent[] {
  const district = DISTRICTS[n % DISTRICTS.length]!;
  const productId = `BENCH-${district}-${String(n).padStart(5, '0')}`;
  const registeredOn = addDays(today, -random.int(120, 1040));
  const decisionDate = addDays(registeredOn, random.int(30, 90));
  const listedOn = addDays(decisionDate, random.int(5, 25));
  const enrolledOn = addDays(decisionDate, random.int(5, 25));
  const laterOn = addDays(decisionDate, random.int(30, 80));
  const id = (what: string) => `bench-${what}-${productId}`;
  const common = (day: IsoDay) => ({ schemaVersion: 1 as const, ...publisherOn(district, day).unit, productId });
  const source = (day: IsoDay) => publisherOn(district, day).source;

  // One product in ten is rated 2 stars (not OCOP) where the rules of the day record such a decision (not after the
  // transition of 26/2026/QĐ-TTg, rules-26-2026.ts: then 3 stars); the others 3 stars by the district, or 4 by the province.
  const roll = random.next();
  const twoStarsRecorded = refusalsUnder26of2026({ council: 'province', stars: 2, decisionDate }, 'stars').length === 0;
  const stars = roll < 0.1 ? (twoStarsRecorded ? 2 : 3) : roll < 0.7 ? 3 : 4;
  const score = stars === 2 ? random.int(35, 49) : stars === 3 ? random.int(50, 69) : random.int(70, 89);
  // The district council rates 3 stars and less where the rules of the day allow it (stars.ts), else the province.
  const council = stars === 4 || councilRefusal('district', stars, decisionDate) !== undefined ? 'province' : 'district';
  const decisionSource = council === 'province' ? PROVINCE_SOURCE : source(decisionDate);
  const decision = { council, decisionNo: `${random.int(100, 4800)}/QĐ-UBND`, decisionDate } as const;
  const [firstMarket, secondMarket] = random.shuffle(MARKETPLACES);

  const listing = (marketplace: string, day: IsoDay, what: string): InboundEvent => {
    const time = at(day, random.int(8, 17), random.int(0, 59));
    return {
      source: source(day),
      detailType: 'ProductListedOnMarketplace',
      detail: { ...common(day), eventId: id(what), occurredAt: time, marketplace, listingUrl: `https://${marketplace}.example.vn/p/${productId.toLowerCase()}`, listedAt: time },
    };
  };
  const enrolledAt = at(enrolledOn, random.int(8, 17), random.int(0, 59));

  const events: InboundEvent[] = [
    {
      source: source(registeredOn),
      detailType: 'ProductRegistered',
      detail: {
        ...common(registeredOn),
        eventId: id('registered'),
        occurredAt: at(registeredOn, random.int(7, 16), random.int(0, 59)),
        name: `Sản phẩm thử tải ${n}`,
        group: random.pick(GROUPS),
        subject: { name: `Chủ thể thử tải ${n % 700}`, kind: random.pick(SUBJECTS) },
      },
    },
    { source: decisionSource, detailType: 'ProductRated', detail: { ...common(decisionDate), ...decision, eventId: id('rated'), occurredAt: at(decisionDate, 9, 0), score, stars } },
    listing(firstMarket!, listedOn, `listed-${firstMarket}`),
    {
      source: source(enrolledOn),
      detailType: 'ProductTraceabilityEnrolled',
      detail: { ...common(enrolledOn), eventId: id('traced'), occurredAt: enrolledAt, system: 'national-portal', traceCode: `893${String(n).padStart(10, '0')}`, enrolledAt },
    },
  ];
  if (stars === 3 && random.chance(0.3)) {
    events.push({
      source: PROVINCE_SOURCE,
      detailType: 'ProductUpgraded',
      detail: { ...common(laterOn), eventId: id('upgraded'), occurredAt: at(laterOn, 9, 0), council: 'province', decisionNo: `${random.int(100, 4800)}/QĐ-UBND`, decisionDate: laterOn, score: random.int(70, 89), fromStars: 3, toStars: 4 },
    });
  } else {
    events.push(listing(secondMarket!, laterOn, `listed-${secondMarket}`));
  }
  return events;
}

/** A new product's registration now: each one adds 1 to the year's dossiers (`dossiers.year`), which the freshness phase watches. */
export function freshRegistration(n: number, now: Date): InboundEvent {
  const district = DISTRICTS[n % DISTRICTS.length]!;
  const productId = `FRESH-${district}-${String(n).padStart(5, '0')}`;
  const { source, unit } = publisherOn(district, vnDayOf(now));
  return {
    source,
    detailType: 'ProductRegistered',
    detail: {
      schemaVersion: 1,
      eventId: `bench-fresh-${productId}`,
      occurredAt: now.toISOString(),
      ...unit,
      productId,
      name: `Hồ sơ mới ${n}`,
      group: 'food',
      subject: { name: `Chủ thể mới ${n}`, kind: 'household' },
    },
  };
}
