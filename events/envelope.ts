import * as z from 'zod';
import { describeIssues } from './describe-issues';
import { inboundCatalog, isInboundDetailType, INBOUND_DETAIL_TYPES, type InboundEvent } from './catalog';
import { memoized } from './memoized';
import { COMMUNE_SOURCE_PREFIX, DISTRICT_SOURCE_PREFIX, PROVINCE_SOURCE } from './vocabulary';

/** The envelope EventBridge hands to a target (a Lambda function, an API destination...). */
export const eventBridgeEnvelope = memoized(() =>
  z.object({
    version: z.string(),
    id: z.string(),
    'detail-type': z.string(),
    source: z.string(),
    account: z.string(),
    time: z.string(),
    region: z.string(),
    resources: z.array(z.string()),
    detail: z.unknown(),
  }),
);
export type EventBridgeEnvelope = z.infer<ReturnType<typeof eventBridgeEnvelope>>;

const escaped = (text: string) => text.replace(/\./g, '\\.');
/** `ocop.province`, `ocop.district.<3 to 5 digits>` (as before the reform) or `ocop.commune.<5 digits>`. */
const SOURCE_PATTERN = new RegExp(`^(${escaped(PROVINCE_SOURCE)}|${escaped(DISTRICT_SOURCE_PREFIX)}\\d{3,5}|${escaped(COMMUNE_SOURCE_PREFIX)}\\d{5})$`);

export type ParseResult = { ok: true; event: InboundEvent } | { ok: false; reasons: string[] };

/**
 * Validates the structure of an inbound event: its Source, its DetailType and its
 * Detail against the catalog. Business rules come after, in domain/.
 */
export function parseInboundEvent(envelope: Pick<EventBridgeEnvelope, 'source' | 'detail-type' | 'detail'>): ParseResult {
  const reasons: string[] = [];
  const { source } = envelope;
  const detailType = envelope['detail-type'];
  if (!SOURCE_PATTERN.test(source)) {
    reasons.push(
      `Source: must be "${PROVINCE_SOURCE}", "${COMMUNE_SOURCE_PREFIX}<communeCode>" (5 digits, from 2025-07-01) or "${DISTRICT_SOURCE_PREFIX}<districtCode>" (before 2025-07-01) (got ${JSON.stringify(source)})`,
    );
  }
  if (!isInboundDetailType(detailType)) {
    reasons.push(`DetailType: must be one of ${INBOUND_DETAIL_TYPES.join(', ')} (got ${JSON.stringify(detailType)})`);
    return { ok: false, reasons };
  }
  if (typeof envelope.detail !== 'object' || envelope.detail === null || Array.isArray(envelope.detail)) {
    reasons.push('Detail: must be a JSON object');
    return { ok: false, reasons };
  }
  const parsed = inboundCatalog[detailType]().safeParse(envelope.detail, { reportInput: true });
  if (!parsed.success) reasons.push(...describeIssues(parsed.error.issues));
  if (reasons.length > 0 || !parsed.success) return { ok: false, reasons };
  return { ok: true, event: { detailType, source, detail: parsed.data } as InboundEvent };
}
