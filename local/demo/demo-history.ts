import { endOfVnDay, type IsoDay } from '../../domain';
import type { InboundEvent } from '../../events';
import { formerRegister, mergedProvinceEvents, REGISTER_IMPORT_DAY, type FormerProvince } from './merged-province';
import { traVinhHistory } from './tra-vinh-history';

/** The registers the demo imports, in this order, with the file name each is written to. */
export const DEMO_REGISTERS: ReadonlyArray<{ province: FormerProvince; file: string; label: string }> = [
  { province: '86', file: 'so-dang-ky-ocop-vinh-long-cu.xlsx', label: 'the former Vĩnh Long' },
  { province: '83', file: 'so-dang-ky-ocop-ben-tre.xlsx', label: 'Bến Tre' },
];

/**
 * The demo in the order `npm start` publishes it: Trà Vinh's events up to the import day, then (between
 * `before` and `after`) the two registers through the import, then every later event by date: Trà Vinh's
 * and the merged province's. An event never comes before the registration of its product.
 */
export function demoHistory(): { before: InboundEvent[]; registers: typeof DEMO_REGISTERS; after: InboundEvent[]; importDay: IsoDay } {
  const cut = Date.parse(endOfVnDay(REGISTER_IMPORT_DAY));
  const traVinh = traVinhHistory();
  const before = traVinh.filter((event) => Date.parse(event.detail.occurredAt) <= cut);
  const after = [...traVinh.filter((event) => Date.parse(event.detail.occurredAt) > cut), ...mergedProvinceEvents()].sort(
    (a, b) => Date.parse(a.detail.occurredAt) - Date.parse(b.detail.occurredAt) || a.detail.eventId.localeCompare(b.detail.eventId),
  );
  return { before, registers: DEMO_REGISTERS, after, importDay: REGISTER_IMPORT_DAY };
}

export { formerRegister };
