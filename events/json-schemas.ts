import * as z from 'zod';
import { inboundCatalog, outboundCatalog } from './catalog';

const catalogs = { ...inboundCatalog, ...outboundCatalog };

/** The JSON Schema (draft 2020-12) of each DetailType's Detail, generated from the zod catalog. */
export function detailJsonSchemas(): Record<string, object> {
  return Object.fromEntries(
    Object.entries(catalogs).map(([detailType, schema]) => [
      detailType,
      {
        $id: `https://ocop-pulse.dev/schemas/v1/${detailType}.json`,
        title: detailType,
        ...z.toJSONSchema(schema(), { io: 'input', unrepresentable: 'any' }),
      },
    ]),
  );
}
