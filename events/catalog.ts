import * as z from 'zod';
import { commonDetail } from './common';
import { httpsUrl, identifier, isoDate, isoDateTime, marketplaceId, score, stars, text, adminUnitCode } from './fields';
import { memoized } from './memoized';
import { COUNCILS, IP_KINDS, PRODUCT_GROUPS, PRODUCT_SETS, SUBJECT_KINDS } from './vocabulary';

/**
 * The v1 event catalog (CONTRACT §1): one zod schema per DetailType, each
 * built on first use (`inboundCatalog[type]()`, memoized.ts).
 * Types, JSON Schemas (events/schemas/), routing rules and docs all come from here.
 */

const productId = memoized(() =>
  identifier('province-unique product id'),
);
const council = memoized(() =>
  z.enum(COUNCILS, { error: `must be one of: ${COUNCILS.join(', ')}` }),
);
const decisionNo = memoized(() =>
  text('decision number', 100),
);
const fiveStarPotential = memoized(() =>
  z.boolean({ error: 'must be true or false' }).optional(),
);
const round = memoized(() =>
  z
    .number({ error: 'must be the rating round (đợt) of the decision in its year, a whole number from 1' })
    .int({ error: 'must be the rating round (đợt) of the decision in its year, a whole number from 1' })
    .min(1, { error: 'must be the rating round (đợt) of the decision in its year, a whole number from 1' })
    .max(12, { error: 'must be a rating round from 1 to 12' })
    .optional()
    .describe(
      'The rating round (đợt) of the decision in the year of decisionDate, as the decision names it (e.g. 2 for "đợt 2 năm 2026"). ' +
        'Default for a province decision dated from 2026-05-22: 1 up to 30 June, 2 after (Điều 5 Quyết định 26/2026/QĐ-TTg).',
    ),
);

const ProductRegistered = memoized(() =>
  commonDetail()
    .extend({
      productId: productId(),
      name: text('product name'),
      group: z.enum(PRODUCT_GROUPS, { error: `must be one of: ${PRODUCT_GROUPS.join(', ')}` }),
      subject: z.object(
        {
          name: text('owner name'),
          kind: z.enum(SUBJECT_KINDS, { error: `must be one of: ${SUBJECT_KINDS.join(', ')}` }),
        },
        { error: 'must be the owner ("subject") as an object with name and kind' },
      ),
      productSet: z
        .enum(PRODUCT_SETS, { error: `must be a product set of Appendix I of Quyết định 26/2026/QĐ-TTg: one of ${PRODUCT_SETS.join(', ')}` })
        .optional()
        .describe('The product set (bộ sản phẩm) by its place in Appendix I of Quyết định 26/2026/QĐ-TTg, e.g. "I.3.b"; its sector must be the one of group.'),
    })
    .describe('A product dossier was registered in the OCOP programme.'),
);

const ProductRated = memoized(() =>
  commonDetail()
    .extend({
      productId: productId(),
      score: score(),
      stars: stars(),
      fiveStarPotential: fiveStarPotential(),
      council: council(),
      decisionNo: decisionNo(),
      decisionDate: isoDate(),
      validUntil: isoDate().optional().describe('Default: decisionDate + 36 months.'),
      round: round(),
    })
    .describe('A council rated the product; the decision is its certificate.'),
);

const ProductUpgraded = memoized(() =>
  commonDetail()
    .extend({
      productId: productId(),
      fromStars: stars(),
      toStars: stars(),
      score: score(),
      fiveStarPotential: fiveStarPotential(),
      council: council(),
      decisionNo: decisionNo(),
      decisionDate: isoDate(),
      validUntil: isoDate().optional().describe('Default: decisionDate + 36 months.'),
      round: round(),
    })
    .describe('The product was raised to a higher star level; same effect as a rating at toStars.'),
);

const ProductCertificateRevoked = memoized(() =>
  commonDetail()
    .extend({ productId: productId(), decisionNo: decisionNo(), decisionDate: isoDate(), reason: text('reason of the revocation') })
    .describe('The product certificate in force on decisionDate was revoked.'),
);

const ProductListedOnMarketplace = memoized(() =>
  commonDetail()
    .extend({ productId: productId(), marketplace: marketplaceId(), listingUrl: httpsUrl(), listedAt: isoDateTime() })
    .describe('The product was listed on an e-commerce marketplace.'),
);

const ProductDelistedFromMarketplace = memoized(() =>
  commonDetail()
    .extend({ productId: productId(), marketplace: marketplaceId(), delistedAt: isoDateTime() })
    .describe('The product was taken off an e-commerce marketplace.'),
);

const ProductTraceabilityEnrolled = memoized(() =>
  commonDetail()
    .extend({
      productId: productId(),
      system: text('traceability system, e.g. national-portal', 100),
      traceCode: text('trace code', 200).optional(),
      enrolledAt: isoDateTime(),
    })
    .describe('The product joined a traceability system.'),
);

const ProductTransferred = memoized(() =>
  commonDetail()
    .extend({
      productId: productId(),
      toUnitCode: adminUnitCode().describe('The unit (district, or since 2025 commune) the product belongs to from effectiveDate'),
      fromUnitCode: adminUnitCode().optional().describe('The unit it belongs to now; when given, it must be the current owner, so a stale transfer is refused'),
      reason: text('reason of the transfer', 500),
      effectiveDate: isoDate().optional().describe('From when the product is counted under toUnitCode. Default: the day of occurredAt.'),
    })
    .describe('The provincial office moved a product to another unit (source ocop.province only): a correction of a wrong registration, or the 2025 reform.'),
);

const IntellectualPropertyGranted = memoized(() =>
  commonDetail()
    .extend({
      ipId: identifier('intellectual property id'),
      kind: z.enum(IP_KINDS, { error: `must be one of: ${IP_KINDS.join(', ')}` }),
      title: text('title of the protected mark or invention'),
      certificateNo: text('certificate number', 100).optional(),
      grantedAt: isoDate(),
      productIds: z.array(productId(), { error: 'must be a list of product ids' }).optional(),
    })
    .describe('An intellectual property title was granted.'),
);

const ScienceTaskApproved = memoized(() =>
  commonDetail()
    .extend({ taskId: identifier('science task id'), title: text('task title'), approvedAt: isoDate() })
    .describe('A science and technology task was approved.'),
);

/** The events district systems and the provincial office publish. */
export const inboundCatalog = {
  ProductRegistered,
  ProductRated,
  ProductUpgraded,
  ProductCertificateRevoked,
  ProductListedOnMarketplace,
  ProductDelistedFromMarketplace,
  ProductTraceabilityEnrolled,
  ProductTransferred,
  IntellectualPropertyGranted,
  ScienceTaskApproved,
} as const;

export type InboundDetailType = keyof typeof inboundCatalog;
export const INBOUND_DETAIL_TYPES = Object.keys(inboundCatalog) as InboundDetailType[];

export function isInboundDetailType(value: string): value is InboundDetailType {
  return Object.hasOwn(inboundCatalog, value);
}

/** Detail of each inbound type, by DetailType. */
export type InboundDetail = { [T in InboundDetailType]: z.infer<ReturnType<(typeof inboundCatalog)[T]>> };

/** An inbound event after validation: its type, source and detail, as one discriminated union. */
export type InboundEvent = {
  [T in InboundDetailType]: { detailType: T; source: string; detail: InboundDetail[T] };
}[InboundDetailType];

/** Announced by the province (source ocop.province) for every event it could not accept. */
export const EventRejected = memoized(() =>
  z
    .object({
      eventId: z.string().describe('Id of this announcement: "rejected-" + the rejected event\'s eventId (or its EventBridge id when it had none).'),
      schemaVersion: z.literal(1),
      occurredAt: isoDateTime().describe('When the event was rejected.'),
      districtCode: adminUnitCode().optional(),
      rejectedEventId: z.string().optional().describe('The eventId of the rejected event, when it had one.'),
      rejectedSource: z.string().describe('Source of the rejected event: subscribe to your own.'),
      rejectedDetailType: z.string(),
      reasons: z.array(z.string()).min(1).describe('What is wrong, in words an operator can act on.'),
    })
    .describe('An event was not accepted; it is kept as a rejection, visible at GET /v1/rejections.'),
);

export type EventRejectedDetail = z.infer<ReturnType<typeof EventRejected>>;

/** The events this system publishes. */
export const outboundCatalog = { EventRejected } as const;
export type OutboundDetailType = keyof typeof outboundCatalog;
export const OUTBOUND_DETAIL_TYPES = Object.keys(outboundCatalog) as OutboundDetailType[];
