import '../../support/quiet-powertools';
import { join } from 'node:path';
import { lambdaFunctions, type FunctionId } from '../../../functions/catalog';
import { PROVINCE_DATA_DIR_ENV, PROVINCE_ENV, provinceOfDeployment } from '../../../functions/shared/province-config';
import { callApi } from '../../support/api';
import { readFileSync } from 'node:fs';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { planUnitsLoad, storeUnits } from '../../../functions/storage/unit-store';
import { resetUnitDirectory } from '../../../functions/shared/unit-directory';
import { createTestTables } from '../../support/dynamodb';

/**
 * The functions of a second province start and serve that province: the
 * environment names a fictional province of the test fixtures (the CDK app
 * sets the same two variables), the handler modules load, and the API checks
 * districts against that province's units on DynamoDB Local.
 */
const FIXTURE_DATA_DIR = join(__dirname, '..', '..', 'fixtures', 'provinces');

beforeAll(async () => {
  process.env[PROVINCE_ENV] = 'test-fixture';
  process.env[PROVINCE_DATA_DIR_ENV] = FIXTURE_DATA_DIR;
  // The second province's own units, loaded as `npm run units:load` would.
  const { client } = await createTestTables({ units: false });
  const units = join(FIXTURE_DATA_DIR, 'test-fixture.units.csv');
  await storeUnits(planUnitsLoad([{ path: units, text: readFileSync(units, 'utf8') }], undefined), undefined, DynamoDBDocumentClient.from(client));
  resetUnitDirectory();
});

afterAll(() => {
  process.env[PROVINCE_ENV] = 'tra-vinh';
  delete process.env[PROVINCE_DATA_DIR_ENV];
});

describe("a second province's functions", () => {
  it('load every handler module of the catalog with that province', () => {
    for (const functionId of Object.keys(lambdaFunctions) as FunctionId[]) {
      // Act
      const module = require(join(__dirname, '..', '..', '..', lambdaFunctions[functionId].entry)) as { handler?: unknown };

      // Assess
      expect(typeof module.handler).toBe('function');
    }
    expect(provinceOfDeployment()).toMatchObject({ code: '99', unitLevel: 'commune' });
  });

  it("serve products of the province's own units and refuse another province's district", async () => {
    // Act
    const own = await callApi('/v1/products?district=99001');
    const foreign = await callApi('/v1/products?district=842');

    // Assess
    expect(own).toEqual({ status: 200, body: { items: [] } });
    expect(foreign.status).toBe(400);
    expect(foreign.body.error.message).toContain('842 is not an administrative unit in the units data');
  });

  it("name the fixture province in the KPIs and count its own units' rows", async () => {
    // Act
    const { status, body } = await callApi('/v1/kpis?asOf=2026-06-01');

    // Assess
    expect(status).toBe(200);
    expect(body.province).toEqual({ code: '99', name: 'Tỉnh Thử Nghiệm (test fixture)' });
    expect(Object.keys(body.breakdown.byUnit)).toEqual(['99001', '99002']);
    expect(body.plan).toBeUndefined();
    expect(body.noPlan).toEqual({});
  });

  it('stop with an error naming the file when the province has no data file', () => {
    // Prepare
    process.env[PROVINCE_ENV] = 'no-such-province';

    // Act
    const start = () => provinceOfDeployment();

    // Assess
    expect(start).toThrow(/no-such-province\.province\.json/);
    process.env[PROVINCE_ENV] = 'test-fixture';
  });
});
