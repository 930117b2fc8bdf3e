import { createHash } from 'node:crypto';
import { isAfterReform, listingsOn, type IsoDay, type ProductState } from '../../../domain';
import { PROVINCE_SOURCE, type InboundEvent } from '../../../events';
import type { RegisterColumnKey } from '../../../report/register/columns';
import type { ImportedRow } from './parse-row';

/**
 * The catalog events a register row stands for, published as the provincial
 * office (ocop.province), minus what the system already holds (`current`):
 * a product already registered with the same dossier and unit, a decision
 * already recorded, a marketplace it is listed on, a traceability system it is
 * enrolled in. Each event's id is a hash of its content, so the same row gives
 * the same ids: a second import publishes nothing new, and the pipeline drops
 * what it has seen (it dedupes by eventId).
 */
export interface RowEvent {
  event: InboundEvent;
  /** The column a rejection of this event points at. */
  key: RegisterColumnKey;
}

const at = (day: IsoDay, time = '00:00:00') => `${day}T${time}+07:00`;

export function eventIdOf(detailType: string, detail: Record<string, unknown>): string {
  const digest = createHash('sha256').update(JSON.stringify([detailType, detail])).digest('hex').slice(0, 40);
  return `import-${digest}`;
}

function event<T extends InboundEvent['detailType']>(detailType: T, detail: Omit<Extract<InboundEvent, { detailType: T }>['detail'], 'eventId' | 'schemaVersion'>): InboundEvent {
  const content = { schemaVersion: 1, ...detail } as Record<string, unknown>;
  return { detailType, source: PROVINCE_SOURCE, detail: { eventId: eventIdOf(detailType, content), ...content } } as InboundEvent;
}

export function rowEvents(row: ImportedRow, current: ProductState | undefined, today: IsoDay): RowEvent[] {
  const events: RowEvent[] = [];
  const { productId } = row;
  if (!current || registrationDiffers(row, current)) {
    // A new product is registered on its day; a correction comes later that day, so it is the registration shown.
    const unit = isAfterReform(row.registeredOn)
      ? { communeCode: row.unitCode }
      : { districtCode: row.unitCode, ...(row.communeCode !== undefined && { communeCode: row.communeCode }) };
    events.push({
      key: 'productId',
      event: event('ProductRegistered', {
        occurredAt: at(row.registeredOn, current ? '23:59:59' : '00:00:00'),
        ...unit,
        productId,
        name: row.name,
        group: row.group,
        subject: { name: row.ownerName, kind: row.ownerKind },
      }),
    });
  }
  if (row.stars !== undefined && !hasDecision(row, current)) {
    events.push({
      key: 'stars',
      event: event('ProductRated', {
        occurredAt: at(row.decisionDate!),
        productId,
        score: row.score!,
        stars: row.stars,
        ...(row.fiveStarPotential !== undefined && { fiveStarPotential: row.fiveStarPotential }),
        council: row.council!,
        decisionNo: row.decisionNo!,
        decisionDate: row.decisionDate!,
        ...(row.validUntil !== undefined && { validUntil: row.validUntil }),
      }),
    });
  }
  const listed = new Set(current ? listingsOn(current, today).map((listing) => listing.marketplace) : []);
  for (const listing of row.listings) {
    if (listed.has(listing.marketplace)) continue;
    events.push({
      key: 'marketplaces',
      event: event('ProductListedOnMarketplace', {
        occurredAt: at(listing.listedOn),
        productId,
        marketplace: listing.marketplace,
        listingUrl: listing.listingUrl as string,
        listedAt: at(listing.listedOn),
      }),
    });
  }
  const enrolled = new Set(current?.enrollments.map((enrollment) => enrollment.system) ?? []);
  for (const enrollment of row.traceability) {
    if (enrolled.has(enrollment.system)) continue;
    events.push({
      key: 'traceability',
      event: event('ProductTraceabilityEnrolled', {
        occurredAt: at(enrollment.enrolledOn),
        productId,
        system: enrollment.system,
        ...(enrollment.traceCode !== undefined && { traceCode: enrollment.traceCode }),
        enrolledAt: at(enrollment.enrolledOn),
      }),
    });
  }
  return events;
}

function registrationDiffers(row: ImportedRow, state: ProductState): boolean {
  const r = state.registration;
  return (
    r.name !== row.name ||
    r.group !== row.group ||
    r.subject.name !== row.ownerName ||
    r.subject.kind !== row.ownerKind ||
    r.districtCode !== row.unitCode ||
    (row.communeCode !== undefined && row.communeCode !== r.communeCode)
  );
}

function hasDecision(row: ImportedRow, state: ProductState | undefined): boolean {
  return (
    state?.decisions.some(
      (d) =>
        d.decisionNo === row.decisionNo &&
        d.decisionDate === row.decisionDate &&
        d.stars === row.stars &&
        d.council === row.council &&
        d.score === row.score &&
        (row.validUntil === undefined || d.validUntil === row.validUntil),
    ) ?? false
  );
}
