import * as z from 'zod';
import { routeTable, routeKeyOf } from './route-table';
import type { RouteImplementation } from './route';
import type { RouteKey } from './route-table';

const errorSchema = z.object({ error: z.object({ code: z.string(), message: z.string() }) });

function jsonSchema(schema: z.ZodType, io: 'input' | 'output' = 'output'): Record<string, unknown> {
  const { $schema: _dialect, ...rest } = z.toJSONSchema(schema, { io, unrepresentable: 'any' }) as Record<string, unknown>;
  return rest;
}

const errorResponse = (description: string) => ({ description, content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } });

/** The OpenAPI 3.1 document of the API, generated from the route table and the same zod schemas that validate and shape the answers. */
export function openApiDocument(routeHandlers: Record<RouteKey, RouteImplementation>): Record<string, unknown> {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const route of routeTable) {
    const implementation = routeHandlers[routeKeyOf(route)];
    const pathParameters = [...route.path.matchAll(/\{(\w+)\}/g)].map(([, name]) => ({ name, in: 'path', required: true, schema: { type: 'string' } }));
    const queryParameters = Object.entries(implementation.query.shape).map(([name, field]) => {
      const schema = jsonSchema(field as z.ZodType, 'input');
      return { name, in: 'query', required: !(field as z.ZodType).safeParse(undefined).success, schema, ...(schema.description ? { description: schema.description } : {}) };
    });
    paths[route.path] = {
      ...paths[route.path],
      [route.method.toLowerCase()]: {
        summary: route.summary,
        operationId: route.method.toLowerCase() + route.path.replace(/\{(\w+)\}/g, 'By-$1').split(/[/.-]/).filter(Boolean).map((p) => p[0]!.toUpperCase() + p.slice(1)).join(''),
        ...(route.auth ? { security: [{ bearerAuth: [] }] } : { security: [] }),
        parameters: [...pathParameters, ...queryParameters],
        ...(implementation.body && {
          requestBody: {
            required: true,
            description: `${implementation.body.description}. At most ${implementation.body.maxBytes} bytes (else 413); another Content-Type is answered 415.`,
            content: Object.fromEntries(implementation.body.mediaTypes.map((type) => [type, { schema: { type: 'string', contentEncoding: 'binary' } }])),
          },
        }),
        responses: {
          '200': implementation.file
            ? {
                description: `${implementation.file.description}. Sent as an attachment.`,
                headers: { 'Content-Disposition': { schema: { type: 'string' }, description: 'attachment; filename="…"' } },
                content: { [implementation.file.mediaType]: { schema: { type: 'string', contentEncoding: 'binary' } } },
              }
            : { description: 'OK', content: { 'application/json': { schema: jsonSchema(implementation.response()) } } },
          '400': errorResponse('Bad request: the message names each bad parameter'),
          ...(route.auth && { '401': errorResponse('Missing or invalid bearer token') }),
          '404': errorResponse('Not found'),
          '429': errorResponse('Too many requests'),
          '500': errorResponse('Internal error'),
        },
      },
    };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'ocop-pulse HTTP API',
      version: '1.0.0',
      description: "KPI snapshots, products and rejected events of a province's OCOP programme (One Commune One Product).",
    },
    servers: [{ url: '/' }],
    paths,
    components: {
      securitySchemes: { bearerAuth: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } },
      schemas: { Error: jsonSchema(errorSchema) },
    },
  };
}
