import { PROVINCE_SOURCE } from '../../events';
import { unitOfEvent, type ProductEvent } from '../aggregates';
import type { IsoDay } from '../calendar';
import { publishedDayOf } from '../event-rules';
import { territoryOn, type UnitDirectory } from '../units';
import { ownerOf, type ProductState } from './state';

/**
 * Who may publish for a product (the rules of `decide` that read the state):
 * the reasons to reject an event, empty when its unit may publish it.
 *
 * The first registration received makes its unit the owner; a registration or
 * any other event from another unit is rejected, whatever its dates. Only
 * ocop.province may publish for any unit, and only its ProductTransferred moves
 * a product (a stale one, from a unit that no longer owns it, is rejected).
 *
 * Across the 2025 reform: when the owner is a unit no longer in force on an
 * event's day (a district, from 2025-07-01), the unit that holds its territory
 * that day (`territoryOn` in `directory`, narrowed by the registration's
 * commune) speaks for the product too; when several do, the event is rejected
 * until the province assigns the product with ProductTransferred.
 */
export function ownershipReasons(state: ProductState, event: ProductEvent, directory: UnitDirectory): string[] {
  const owner = ownerOf(state);
  const unit = unitOfEvent(event);
  const { productId } = state;
  if (event.source === PROVINCE_SOURCE && event.detailType !== 'ProductRegistered') {
    if (event.detailType === 'ProductTransferred' && event.detail.fromUnitCode !== undefined && event.detail.fromUnitCode !== owner) {
      return [`detail.fromUnitCode: productId ${productId} belongs to unit ${owner}, not ${event.detail.fromUnitCode}; the transfer is stale`];
    }
    return [];
  }
  if (unit === owner) return [];
  const heir = heirOf(state, publishedDayOf(event), directory);
  if (heir?.kind === 'unit' && heir.code === unit) return [];
  if (heir?.kind === 'ambiguous') {
    return [
      `productId ${productId} belongs to unit ${owner}, which ended on ${heir.endedOn}; its territory passed to ${heir.candidates.join(', ')}, ` +
        `and the product's registration does not say which of them holds the product (its communeCode ${state.registration.communeCode ?? 'is not given'}). ` +
        `The provincial office assigns the product to its unit with ProductTransferred (toUnitCode); until then unit ${unit} cannot publish for it.`,
    ];
  }
  const holder = heir?.kind === 'unit' ? ` (on ${publishedDayOf(event)} its territory is held by unit ${heir.code})` : '';
  if (event.detailType === 'ProductRegistered') {
    return [
      `productId ${productId} is already registered by unit ${owner} (since ${state.registration.registeredOn})${holder}; ` +
        `unit ${unit} cannot register it again. If the product really belongs to another unit, the provincial office publishes ProductTransferred.`,
    ];
  }
  return [`productId ${productId} belongs to unit ${owner}${holder}; unit ${unit} may only publish for its own products`];
}

type Heir = { kind: 'unit'; code: string } | { kind: 'ambiguous'; candidates: string[]; endedOn: IsoDay };

/**
 * Who speaks for the owner on `day` when the owner is no longer in force then (the 2025
 * reform ended the districts): the one unit holding its territory, or the candidates.
 * Undefined while the owner is in force, or when the directory does not know it.
 */
function heirOf(state: ProductState, day: IsoDay, directory: UnitDirectory): Heir | undefined {
  const owner = ownerOf(state);
  if (directory.unitOn(owner, day) !== undefined) return undefined;
  const territory = territoryOn(directory, owner, day, state.registration.communeCode);
  if (territory.kind === 'unit') return { kind: 'unit', code: territory.unit.code };
  if (territory.kind === 'ambiguous') {
    const endedOn = directory.units.filter((u) => u.code === owner && u.validTo !== undefined && u.validTo < day).map((u) => u.validTo!).sort().at(-1) ?? day;
    return { kind: 'ambiguous', candidates: territory.candidates.map((c) => `${c.code} (${c.name})`), endedOn };
  }
  return undefined;
}
