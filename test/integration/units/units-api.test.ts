import '../../support/quiet-powertools';
import SwaggerParser from '@apidevtools/swagger-parser';
import { callApi } from '../../support/api';
import { createTestTables } from '../../support/dynamodb';

/**
 * GET /v1/units through the real http-api handler, on the units store of
 * DynamoDB Local loaded with the shipped units files as `npm start` loads them.
 */
beforeAll(async () => {
  await createTestTables();
});

describe('GET /v1/units', () => {
  it('answers the nine districts of Trà Vinh in force on 2024-06-01', async () => {
    // Prepare: the shipped files are in the store (createTestTables).
    // Act
    const { status, body } = await callApi('/v1/units?asOf=2024-06-01');
    // Assess
    expect(status).toBe(200);
    expect(body.asOf).toBe('2024-06-01');
    expect(body.units.map((unit: { code: string }) => unit.code)).toEqual(['842', '844', '845', '846', '847', '848', '849', '850', '851']);
    expect(body.units[0]).toMatchObject({ code: '842', name: 'Thành phố Trà Vinh', kind: 'city', validTo: '2025-06-30', province: '84' });
    expect(body.units[0].successors).toEqual(['29242', '29254', '29263', '29398']);
    expect(body.units[0]).not.toHaveProperty('validFrom');
  });

  it('answers the 124 communes and wards of Vĩnh Long in force on 2026-06-01', async () => {
    // Act
    const { status, body } = await callApi('/v1/units?asOf=2026-06-01');
    // Assess
    expect(status).toBe(200);
    expect(body.units).toHaveLength(124);
    const kinds: Record<string, number> = {};
    for (const unit of body.units) kinds[unit.kind] = (kinds[unit.kind] ?? 0) + 1;
    expect(kinds).toEqual({ commune: 105, ward: 19 });
    expect(new Set(body.units.map((unit: { province: string }) => unit.province))).toEqual(new Set(['86']));
    const traVinh = body.units.find((unit: { code: string }) => unit.code === '29242');
    expect(traVinh).toMatchObject({ name: 'Phường Trà Vinh', kind: 'ward', validFrom: '2025-07-01', successors: [] });
    expect(traVinh).not.toHaveProperty('validTo');
    expect(traVinh.formedFrom.length).toBeGreaterThan(0);
  });

  it('switches on the day of the reform: 2025-06-30 has the districts, 2025-07-01 the communes', async () => {
    // Act
    const before = await callApi('/v1/units?asOf=2025-06-30');
    const after = await callApi('/v1/units?asOf=2025-07-01');
    // Assess
    expect(before.body.units.every((unit: { code: string }) => unit.code.length === 3)).toBe(true);
    expect(after.body.units.every((unit: { code: string }) => unit.code.length === 5)).toBe(true);
  });

  it('answers today in Vietnam without asOf', async () => {
    // Prepare
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' }).format(new Date());
    // Act
    const { status, body } = await callApi('/v1/units');
    // Assess
    expect(status).toBe(200);
    expect(body.asOf).toBe(today);
  });

  it.each([['asOf=2024-13-01'], ['asOf=yesterday'], ['asOf=2024-06-01&district=842']])('refuses %s with a 400 in the error shape', async (query) => {
    // Act
    const { status, body } = await callApi(`/v1/units?${query}`);
    // Assess
    expect(status).toBe(400);
    expect(body).toEqual({ error: { code: 'bad_request', message: expect.stringMatching(/asOf|district/) } });
  });

  it('is in the OpenAPI document with its asOf parameter and its answer', async () => {
    // Act
    const { body } = await callApi('/v1/openapi.json');
    // Assess
    const operation = body.paths['/v1/units'].get;
    expect(operation.parameters).toEqual([expect.objectContaining({ name: 'asOf', in: 'query', required: false })]);
    expect(Object.keys(operation.responses['200'].content['application/json'].schema.properties)).toEqual(['asOf', 'units']);
    await expect(SwaggerParser.validate(structuredClone(body))).resolves.toBeDefined();
  });
});
