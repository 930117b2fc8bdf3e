import { createHash } from 'node:crypto';
import { communeSource, districtSource, parseInboundEvent, PROVINCE_SOURCE, type InboundDetailType, type InboundEvent } from '../../../../events';

/**
 * Builders of valid inbound events for the domain tests. Every event goes
 * through `parseInboundEvent`, so a test can only fold what the catalog accepts.
 * Without an explicit eventId, the id is derived from the content: the same
 * fact built twice is the same event (a duplicate), as a retrying producer sends it.
 */

export const PROVINCE = PROVINCE_SOURCE;
export const fromDistrict = (code: string): string => districtSource(code);

export class InvalidTestEventError extends Error {
  override name = 'InvalidTestEventError';
}

type Detail = Record<string, unknown>;

function eventIdOf(detailType: string, source: string, detail: Detail): string {
  const digest = createHash('sha256').update(JSON.stringify([detailType, source, detail])).digest('hex').slice(0, 16);
  return `evt-${digest}`;
}

/** Parses an event as a consumer would and returns it, or throws with the reasons. */
export function inbound(detailType: InboundDetailType, source: string, detail: Detail): InboundEvent {
  const full = { eventId: eventIdOf(detailType, source, detail), schemaVersion: 1, ...detail };
  const parsed = parseInboundEvent({ source, 'detail-type': detailType, detail: full });
  if (!parsed.ok) throw new InvalidTestEventError(`${detailType} from ${source} is invalid: ${parsed.reasons.join('; ')}`);
  return parsed.event;
}

type Narrow<T extends InboundDetailType> = Extract<InboundEvent, { detailType: T }>;
const as = <T extends InboundDetailType>(event: InboundEvent) => event as Narrow<T>;

/** The source and districtCode of a publisher: a district speaks for itself, the province names the district. */
export interface Publisher {
  source: string;
  districtCode?: string;
  communeCode?: string;
}
export const district = (code: string): Publisher => ({ source: fromDistrict(code), districtCode: code });
export const province = (districtCode?: string): Publisher => ({ source: PROVINCE, ...(districtCode !== undefined && { districtCode }) });
/** A commune or ward of 2025 (ocop.commune.<code>) speaks for itself, with communeCode and no districtCode. */
export const commune = (code: string): Publisher => ({ source: communeSource(code), communeCode: code });

function common(by: Publisher, occurredAt: string, eventId?: string): Detail {
  return {
    occurredAt,
    ...(by.districtCode !== undefined && { districtCode: by.districtCode }),
    ...(by.communeCode !== undefined && { communeCode: by.communeCode }),
    ...(eventId !== undefined && { eventId }),
  };
}

/** Noon in Vietnam on a day, as a date-time with offset. */
export const noonOf = (day: string): string => `${day}T12:00:00+07:00`;

export function registered(
  productId: string,
  by: Publisher,
  options: { day?: string; occurredAt?: string; name?: string; group?: string; subjectKind?: string; eventId?: string; communeCode?: string; productSet?: string } = {},
): Narrow<'ProductRegistered'> {
  return as(
    inbound('ProductRegistered', by.source, {
      ...common(by, options.occurredAt ?? noonOf(options.day ?? '2021-03-01'), options.eventId),
      ...(options.communeCode !== undefined && { communeCode: options.communeCode }),
      productId,
      name: options.name ?? `Sản phẩm ${productId}`,
      group: options.group ?? 'food',
      subject: { name: `Hộ kinh doanh ${productId}`, kind: options.subjectKind ?? 'household' },
      ...(options.productSet !== undefined && { productSet: options.productSet }),
    }),
  );
}

interface DecisionOptions {
  score: number;
  council?: 'district' | 'province' | 'central';
  day: string;
  validUntil?: string;
  fiveStarPotential?: boolean;
  decisionNo?: string;
  eventId?: string;
  /** The rating round (đợt) the decision names. */
  round?: number;
}

export function rated(productId: string, by: Publisher, stars: number, options: DecisionOptions): Narrow<'ProductRated'> {
  return as(
    inbound('ProductRated', by.source, {
      ...common(by, noonOf(options.day), options.eventId),
      productId,
      score: options.score,
      stars,
      council: options.council ?? 'province',
      decisionNo: options.decisionNo ?? `QĐ-${options.day}/UBND`,
      decisionDate: options.day,
      ...(options.validUntil !== undefined && { validUntil: options.validUntil }),
      ...(options.fiveStarPotential !== undefined && { fiveStarPotential: options.fiveStarPotential }),
      ...(options.round !== undefined && { round: options.round }),
    }),
  );
}

export function upgraded(productId: string, by: Publisher, fromStars: number, toStars: number, options: DecisionOptions): Narrow<'ProductUpgraded'> {
  return as(
    inbound('ProductUpgraded', by.source, {
      ...common(by, noonOf(options.day), options.eventId),
      productId,
      fromStars,
      toStars,
      score: options.score,
      council: options.council ?? 'province',
      decisionNo: options.decisionNo ?? `QĐ-${options.day}/UBND`,
      decisionDate: options.day,
      ...(options.validUntil !== undefined && { validUntil: options.validUntil }),
      ...(options.fiveStarPotential !== undefined && { fiveStarPotential: options.fiveStarPotential }),
      ...(options.round !== undefined && { round: options.round }),
    }),
  );
}

export function revoked(productId: string, by: Publisher, day: string, options: { eventId?: string } = {}): Narrow<'ProductCertificateRevoked'> {
  return as(
    inbound('ProductCertificateRevoked', by.source, {
      ...common(by, noonOf(day), options.eventId),
      productId,
      decisionNo: `QĐ-TH-${day}`,
      decisionDate: day,
      reason: 'Chủ thể không duy trì chất lượng sản phẩm',
    }),
  );
}

export function listed(productId: string, by: Publisher, marketplace: string, at: string, options: { eventId?: string } = {}): Narrow<'ProductListedOnMarketplace'> {
  return as(
    inbound('ProductListedOnMarketplace', by.source, {
      ...common(by, at, options.eventId),
      productId,
      marketplace,
      listingUrl: `https://${marketplace}.vn/san-pham/${productId}`,
      listedAt: at,
    }),
  );
}

export function delisted(productId: string, by: Publisher, marketplace: string, at: string, options: { eventId?: string } = {}): Narrow<'ProductDelistedFromMarketplace'> {
  return as(inbound('ProductDelistedFromMarketplace', by.source, { ...common(by, at, options.eventId), productId, marketplace, delistedAt: at }));
}

export function enrolled(productId: string, by: Publisher, at: string, options: { eventId?: string } = {}): Narrow<'ProductTraceabilityEnrolled'> {
  return as(
    inbound('ProductTraceabilityEnrolled', by.source, {
      ...common(by, at, options.eventId),
      productId,
      system: 'national-portal',
      traceCode: `893${productId.replace(/\D/g, '').padStart(10, '0')}`,
      enrolledAt: at,
    }),
  );
}

export function ipGranted(ipId: string, kind: string, grantedAt: string, options: { by?: Publisher; productIds?: string[] } = {}): Narrow<'IntellectualPropertyGranted'> {
  const by = options.by ?? province();
  return as(
    inbound('IntellectualPropertyGranted', by.source, {
      ...common(by, noonOf(grantedAt)),
      ipId,
      kind,
      title: `Nhãn hiệu ${ipId}`,
      grantedAt,
      ...(options.productIds !== undefined && { productIds: options.productIds }),
    }),
  );
}

export function taskApproved(taskId: string, approvedAt: string, by: Publisher = province()): Narrow<'ScienceTaskApproved'> {
  return as(inbound('ScienceTaskApproved', by.source, { ...common(by, noonOf(approvedAt)), taskId, title: `Nhiệm vụ khoa học ${taskId}`, approvedAt }));
}

export function transferred(
  productId: string,
  toUnitCode: string,
  options: { fromUnitCode?: string; day?: string; effectiveDate?: string; source?: string; eventId?: string } = {},
): Narrow<'ProductTransferred'> {
  return as(
    inbound('ProductTransferred', options.source ?? PROVINCE, {
      occurredAt: noonOf(options.day ?? '2023-02-06'),
      ...(options.eventId !== undefined && { eventId: options.eventId }),
      productId,
      toUnitCode,
      ...(options.fromUnitCode !== undefined && { fromUnitCode: options.fromUnitCode }),
      reason: 'Điều chỉnh đơn vị đăng ký theo hồ sơ của chủ thể',
      ...(options.effectiveDate !== undefined && { effectiveDate: options.effectiveDate }),
    }),
  );
}
