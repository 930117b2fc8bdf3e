import * as z from 'zod';
import { memoized } from '../../events/memoized';
import { PRODUCT_GROUPS, SUBJECT_KINDS } from '../../events';
import { certificateOn, firstRecognition, LEVELS, listingsOn, MIN_OCOP_STARS, ownerOf, type ProductState } from '../../domain';

/** What the API shows of a product, on a given day. The schemas document the responses in the OpenAPI document. */
const certificateSchema = memoized(() =>
  z.object({
    stars: z.number().int(),
    level: z.enum(LEVELS).optional().describe('Absent below 3 stars'),
    score: z.number(),
    council: z.string(),
    decisionNo: z.string(),
    decisionDate: z.string(),
    validUntil: z.string(),
    valid: z.boolean().describe('Within validUntil and not revoked'),
    revokedOn: z.string().optional(),
  }),
);

export const productSummarySchema = memoized(() =>
  z.object({
    productId: z.string(),
    registered: z.boolean().describe('False while the registration has not arrived (other events wait for it)'),
    name: z.string().optional(),
    group: z.enum(PRODUCT_GROUPS).optional(),
    districtCode: z.string().optional().describe('The unit the product belongs to now (its registration\'s, or the latest transfer\'s)'),
    communeCode: z.string().optional(),
    subject: z.object({ name: z.string(), kind: z.enum(SUBJECT_KINDS) }).optional(),
    registeredOn: z.string().optional(),
    active: z.boolean().describe('A valid certificate of 3 stars or more today'),
    certificate: certificateSchema().optional().describe('The latest decision, whatever its stars'),
    firstRecognizedOn: z.string().optional(),
    marketplaces: z.array(z.object({ marketplace: z.string(), listingUrl: z.string().optional(), listedAt: z.string() })),
    traceability: z.array(z.object({ system: z.string(), traceCode: z.string().optional(), enrolledAt: z.string() })),
  }),
);

export const productDetailSchema = memoized(() =>
  productSummarySchema().extend({
    ratingHistory: z.array(
      z.object({
        kind: z.enum(['rating', 'upgrade']),
        stars: z.number().int(),
        level: z.enum(LEVELS).optional(),
        fiveStarPotential: z.boolean(),
        score: z.number(),
        council: z.string(),
        decisionNo: z.string(),
        decisionDate: z.string(),
        validUntil: z.string(),
      }),
    ),
    revocations: z.array(z.object({ decisionNo: z.string(), decisionDate: z.string(), reason: z.string() })),
    transfers: z.array(z.object({ toUnitCode: z.string(), fromUnitCode: z.string().optional(), effectiveOn: z.string(), reason: z.string() })),
    awaitingRegistration: z.number().int().describe('Events waiting for the registration (0 once registered: they are decided when it arrives)'),
  }),
);

export type ProductSummary = z.infer<ReturnType<typeof productSummarySchema>>;
export type ProductDetail = z.infer<ReturnType<typeof productDetailSchema>>;

export function productSummary(state: ProductState, day: string): ProductSummary {
  const registration = state.registration;
  const certificate = certificateOn(state, day);
  const first = firstRecognition(state, day);
  return {
    productId: state.productId,
    registered: true,
    ...{
      name: registration.name,
      group: registration.group,
      districtCode: ownerOf(state),
      ...(registration.communeCode !== undefined && { communeCode: registration.communeCode }),
      subject: registration.subject,
      registeredOn: registration.registeredOn,
    },
    active: registration.registeredOn <= day && certificate?.valid === true && certificate.decision.stars >= MIN_OCOP_STARS,
    ...(certificate && {
      certificate: {
        stars: certificate.decision.stars,
        ...(certificate.decision.level && { level: certificate.decision.level }),
        score: certificate.decision.score,
        council: certificate.decision.council,
        decisionNo: certificate.decision.decisionNo,
        decisionDate: certificate.decision.decisionDate,
        validUntil: certificate.decision.validUntil,
        valid: certificate.valid,
        ...(certificate.revokedOn && { revokedOn: certificate.revokedOn }),
      },
    }),
    ...(first && { firstRecognizedOn: first.decisionDate }),
    marketplaces: listingsOn(state, day).map((l) => ({ marketplace: l.marketplace, ...(l.listingUrl && { listingUrl: l.listingUrl }), listedAt: l.at })),
    traceability: state.enrollments.map((e) => ({ system: e.system, ...(e.traceCode && { traceCode: e.traceCode }), enrolledAt: e.enrolledAt })),
  };
}

export function productDetail(state: ProductState, day: string): ProductDetail {
  return {
    ...productSummary(state, day),
    ratingHistory: state.decisions.map((d) => ({
      kind: d.kind,
      stars: d.stars,
      ...(d.level && { level: d.level }),
      fiveStarPotential: d.fiveStarPotential,
      score: d.score,
      council: d.council,
      decisionNo: d.decisionNo,
      decisionDate: d.decisionDate,
      validUntil: d.validUntil,
    })),
    revocations: state.revocations.map((r) => ({ decisionNo: r.decisionNo, decisionDate: r.decisionDate, reason: r.reason })),
    transfers: state.transfers.map((t) => ({ toUnitCode: t.toUnitCode, ...(t.fromUnitCode !== undefined && { fromUnitCode: t.fromUnitCode }), effectiveOn: t.effectiveOn, reason: t.reason })),
    awaitingRegistration: 0,
  };
}

/** A product named by events whose registration has not arrived: only how many of them wait. */
export function unregisteredProduct(productId: string, awaitingRegistration: number): ProductDetail {
  return { productId, registered: false, active: false, marketplaces: [], traceability: [], ratingHistory: [], revocations: [], transfers: [], awaitingRegistration };
}
