import * as z from 'zod';
import { inboundCatalog, outboundCatalog } from '../../events/catalog';
import { detailJsonSchemas } from '../../events/json-schemas';
import { PROVINCE_SOURCE } from '../../events/vocabulary';

/**
 * The schema registry's documents: one per DetailType of the catalog, the
 * whole EventBridge event with its `detail`. The registry accepts OpenAPI 3 or
 * JSON Schema draft-04 (not the draft 2020-12 of events/schemas/), so the
 * detail is generated from the same zod schemas with zod's draft-04 target,
 * under the same `$id` and title as `detailJsonSchemas()`.
 */
const catalogs: Record<string, () => z.ZodType> = { ...inboundCatalog, ...outboundCatalog };

export function registrySchemas(): Record<string, object> {
  return Object.fromEntries(
    Object.entries(detailJsonSchemas()).map(([detailType, published]) => {
      const { $schema: _schema, ...detail } = z.toJSONSchema(catalogs[detailType]!(), { io: 'input', unrepresentable: 'any', target: 'draft-04' });
      const { $id } = published as { $id?: string };
      return [
        detailType,
        {
          $schema: 'http://json-schema.org/draft-04/schema#',
          id: $id,
          title: detailType,
          description: `An EventBridge event of detail type ${detailType} on the ocop-pulse bus (CONTRACT §1).`,
          type: 'object',
          properties: {
            version: { type: 'string' },
            id: { type: 'string' },
            'detail-type': { type: 'string', enum: [detailType] },
            source:
              detailType in outboundCatalog
                ? { type: 'string', enum: [PROVINCE_SOURCE] }
                : { type: 'string', pattern: '^ocop\\.(province|district\\.\\d{3,5})$' },
            account: { type: 'string' },
            time: { type: 'string', format: 'date-time' },
            region: { type: 'string' },
            resources: { type: 'array', items: { type: 'string' } },
            detail,
          },
          required: ['detail-type', 'source', 'detail'],
        },
      ];
    }),
  );
}
