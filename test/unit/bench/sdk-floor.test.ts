import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { buildSdkFloor, sdkPackagesOf, UnknownSdkPackageError } from '../../../bench/cold-starts/sdk-floor';
import { lambdaFunctions } from '../../../functions/catalog';

const REPOSITORY_ROOT = resolve(__dirname, '..', '..', '..');

describe('the SDK-only floor of a function', () => {
  it('reads the AWS SDK packages a function imports from its own module graph', async () => {
    // Act
    const projectEvent = await sdkPackagesOf(REPOSITORY_ROOT, lambdaFunctions['project-event'].entry);
    const sendKpiReport = await sdkPackagesOf(REPOSITORY_ROOT, lambdaFunctions['send-kpi-report'].entry);

    // Assess
    expect(projectEvent).toEqual(expect.arrayContaining(['@aws-sdk/client-dynamodb', '@aws-sdk/client-eventbridge', '@aws-sdk/lib-dynamodb']));
    expect(projectEvent).not.toContain('@aws-sdk/client-sesv2');
    expect(sendKpiReport).toContain('@aws-sdk/client-sesv2');
  });

  it('bundles only those clients, and refuses a package it has no client for', async () => {
    // Prepare
    const dir = mkdtempSync(join(tmpdir(), 'ocop-floor-test-'));
    try {
      // Act
      const dynamoOnly = await buildSdkFloor(['@aws-sdk/lib-dynamodb'], dir);
      const withEmail = await buildSdkFloor(['@aws-sdk/lib-dynamodb', '@aws-sdk/client-sesv2'], dir);

      // Assess
      expect(withEmail).toBeGreaterThan(dynamoOnly);
      await expect(buildSdkFloor(['@aws-sdk/client-s3'], dir)).rejects.toThrow(UnknownSdkPackageError);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
