import { randomUUID } from 'node:crypto';
import { addDays, TWO_TIER_FROM, vnDayOf } from '../../domain';
import { shippedUnitDirectory } from '../../domain/data/shipped-units';
import { districtCodeOfSource, PROVINCE_SOURCE, type EventBridgeEnvelope } from '../../events';

/** A real EventBridge envelope, as a rule delivers it to a Lambda target. */
export function envelope(source: string, detailType: string, detail: unknown, overrides: Partial<EventBridgeEnvelope> = {}): EventBridgeEnvelope {
  return {
    version: '0',
    id: randomUUID(),
    'detail-type': detailType,
    source,
    account: '123456789012',
    time: new Date().toISOString(),
    region: 'ap-southeast-1',
    resources: [],
    detail,
    ...overrides,
  };
}

/**
 * An event of a district's product as it is published on its day (decisionDate, else occurredAt):
 * by the district (or the province naming it) before 2025-07-01; from then on, when there are no
 * districts, by the provincial office, naming no district (a registration names the district's first 2025 successor in the
 * shipped units as its commune). Tests whose dates follow the clock use it, so they pass in any year.
 */
export function onItsDay(source: string, detailType: string, detail: Record<string, unknown>): EventBridgeEnvelope {
  const day = typeof detail.decisionDate === 'string' ? detail.decisionDate : vnDayOf(String(detail.occurredAt));
  const district = districtCodeOfSource(source) ?? (typeof detail.districtCode === 'string' ? detail.districtCode : undefined);
  if (district === undefined || day < TWO_TIER_FROM) return envelope(source, detailType, detail);
  const { districtCode: _none, ...rest } = detail;
  const successor = shippedUnitDirectory().unitOn(district, addDays(TWO_TIER_FROM, -1))?.successors[0];
  return envelope(PROVINCE_SOURCE, detailType, detailType === 'ProductRegistered' && successor !== undefined ? { ...rest, communeCode: successor } : rest);
}

let counter = 0;
/** A fresh, valid eventId. */
export const newEventId = (prefix = 'evt') => `${prefix}-${Date.now().toString(36)}-${(counter += 1).toString().padStart(5, '0')}`;

/** Detail builders for the nine inbound types, with sensible Trà Vinh defaults. */
export const details = {
  registered: (productId: string, districtCode = '842', extra: Record<string, unknown> = {}) => ({
    eventId: newEventId('reg'),
    schemaVersion: 1,
    occurredAt: '2022-03-01T09:00:00+07:00',
    districtCode,
    productId,
    name: `Sản phẩm ${productId}`,
    group: 'food',
    subject: { name: 'HTX Nông nghiệp Cầu Kè', kind: 'cooperative' },
    ...extra,
  }),
  rated: (productId: string, score: number, stars: number, decisionDate: string, districtCode = '842', extra: Record<string, unknown> = {}) => ({
    eventId: newEventId('rat'),
    schemaVersion: 1,
    occurredAt: `${decisionDate}T10:00:00+07:00`,
    districtCode,
    productId,
    score,
    stars,
    council: 'province',
    decisionNo: `QĐ-${decisionDate}`,
    decisionDate,
    ...extra,
  }),
  listed: (productId: string, marketplace: string, listedAt: string, districtCode = '842') => ({
    eventId: newEventId('lst'),
    schemaVersion: 1,
    occurredAt: listedAt,
    districtCode,
    productId,
    marketplace,
    listingUrl: `https://${marketplace}.example.vn/p/${productId}`,
    listedAt,
  }),
  delisted: (productId: string, marketplace: string, delistedAt: string, districtCode = '842') => ({
    eventId: newEventId('dls'),
    schemaVersion: 1,
    occurredAt: delistedAt,
    districtCode,
    productId,
    marketplace,
    delistedAt,
  }),
  enrolled: (productId: string, enrolledAt: string, districtCode = '842') => ({
    eventId: newEventId('trc'),
    schemaVersion: 1,
    occurredAt: enrolledAt,
    districtCode,
    productId,
    system: 'national-portal',
    traceCode: `893-${productId}`,
    enrolledAt,
  }),
  upgraded: (productId: string, fromStars: number, toStars: number, score: number, decisionDate: string, districtCode = '842') => ({
    eventId: newEventId('upg'),
    schemaVersion: 1,
    occurredAt: `${decisionDate}T10:00:00+07:00`,
    districtCode,
    productId,
    fromStars,
    toStars,
    score,
    council: 'province',
    decisionNo: `QĐ-up-${decisionDate}`,
    decisionDate,
  }),
  revoked: (productId: string, decisionDate: string, districtCode = '842') => ({
    eventId: newEventId('rev'),
    schemaVersion: 1,
    occurredAt: `${decisionDate}T10:00:00+07:00`,
    districtCode,
    productId,
    decisionNo: `QĐ-thu-hồi-${decisionDate}`,
    decisionDate,
    reason: 'Chủ thể ngừng sản xuất',
  }),
  ipGranted: (ipId: string, kind: string, grantedAt: string) => ({
    eventId: newEventId('ip'),
    schemaVersion: 1,
    occurredAt: `${grantedAt}T08:00:00+07:00`,
    ipId,
    kind,
    title: `Nhãn hiệu ${ipId}`,
    grantedAt,
  }),
  taskApproved: (taskId: string, approvedAt: string) => ({
    eventId: newEventId('task'),
    schemaVersion: 1,
    occurredAt: `${approvedAt}T08:00:00+07:00`,
    taskId,
    title: `Nhiệm vụ ${taskId}`,
    approvedAt,
  }),
};
