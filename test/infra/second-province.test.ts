import { join } from 'node:path';
import { AwsSolutionsChecks, ServerlessChecks } from 'cdk-nag';
import { PROVINCE_DATA_DIR_ENV, PROVINCE_ENV } from '../../functions/shared/province-config';
import { BUNDLED_PROVINCE_DIR } from '../../infra/constructs/ocop-function';
import { resourcesOfType, synthesizeOcopApp, type SynthesizedApp } from './support/synthesized-app';

/**
 * A second province's stage, from test fixtures only (a fictional province:
 * test/fixtures/provinces/test-fixture.province.json): the app is not tied to
 * Trà Vinh. Its functions starting with that province is an integration test
 * (test/integration/province/second-province.test.ts).
 */
const FIXTURES = join(__dirname, '..', 'fixtures');

let synthesized: SynthesizedApp;
beforeAll(() => {
  synthesized = synthesizeOcopApp('dev', {
    bundling: false,
    province: 'test-fixture',
    configDir: join(FIXTURES, 'stage-config'),
    provinceDataDir: join(FIXTURES, 'provinces'),
  });
});

describe("a second province's stage", () => {
  it('synthesizes with its own units, bus and district accounts, cdk-nag clean', () => {
    // Prepare
    const packs = [new AwsSolutionsChecks(), new ServerlessChecks()];

    // Act
    const violations = packs.flatMap((pack) => pack.validateScope(synthesized.app).violations);
    const policies = Object.values(resourcesOfType(synthesized.statefulTemplate, 'AWS::Events::EventBusPolicy'));

    // Assess
    expect(violations.map((violation) => violation.ruleName)).toEqual([]);
    expect(synthesized.config.province.code).toBe('99');
    expect(synthesized.stateful.stackName).toBe('OcopPulse-test-fixture-dev-Stateful');
    expect(JSON.stringify(policies)).toContain('ocop.district.99001');
  });

  it("tells every function its province and where the bundled province file is", () => {
    // Act
    const functions = Object.values(resourcesOfType(synthesized.statelessTemplate, 'AWS::Lambda::Function'));

    // Assess
    expect(functions.length).toBeGreaterThan(0);
    for (const fn of functions) {
      expect((fn.Properties!.Environment as { Variables: Record<string, string> }).Variables).toMatchObject({
        [PROVINCE_ENV]: 'test-fixture',
        [PROVINCE_DATA_DIR_ENV]: `/var/task/${BUNDLED_PROVINCE_DIR}`,
      });
    }
  });
});
