import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defaultStageProvince, InvalidStageConfigError, loadStageConfig, parseStageConfig } from '../../infra/config/stage-config';
import { loadProvince } from '../../functions/shared/province-config';
import { DEPLOYMENT_PROVINCE } from '../support/shipped-data';

const CONFIG_DIR = join(__dirname, '..', '..', 'infra', 'config');

function devConfigFile(): Record<string, unknown> {
  return JSON.parse(readFileSync(join(CONFIG_DIR, 'tra-vinh.dev.json'), 'utf8')) as Record<string, unknown>;
}

function errorOf(action: () => unknown): Error {
  try {
    action();
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected an error');
}

describe('defaultStageProvince', () => {
  it('is the one province infra/config has stage files for, so no slug is written in code', () => {
    // Act
    const slug = defaultStageProvince();

    // Assess
    expect(slug).toBe('tra-vinh');
    expect(loadProvince(slug)).toEqual(loadProvince('vinh-long'));
  });

  it('asks for -c province= when the config folder has several provinces', () => {
    // Prepare
    const dir = mkdtempSync(join(tmpdir(), 'stage-configs-'));
    for (const name of ['a.dev.json', 'b.prod.json']) writeFileSync(join(dir, name), '{}');

    // Act
    const attempt = () => defaultStageProvince(dir);

    // Assess
    expect(attempt).toThrow(/several provinces \(a, b\): name one with -c province=<slug>/);
  });
});

describe('loadStageConfig', () => {
  it.each(['dev', 'prod'])('loads the %s config of the tra-vinh stage: the province Vĩnh Long over time (alias tra-vinh), with the district names from the province data', (stage) => {
    // Act
    const config = loadStageConfig({ stage, province: 'tra-vinh' });

    // Assess
    expect(config.stage).toBe(stage);
    expect(config.province.code).toBe(DEPLOYMENT_PROVINCE.code);
    expect(config.province.name).toBe('Vĩnh Long');
    expect(config.province.periods.map((period) => period.name)).toEqual(['Trà Vinh', 'Vĩnh Long']);
    expect(config.provinceSlug).toBe('tra-vinh');
    expect(config.provinceFile).toMatch(/domain\/data\/vinh-long\.province\.json$/);
    for (const district of config.districts) {
      expect(district.name).toBe(DEPLOYMENT_PROVINCE.units.find((unit) => unit.code === district.code)!.name);
      expect(district.accountId).toMatch(/^\d{12}$/);
    }
  });

  it('refuses a stage that is not dev or prod', () => {
    // Act
    const error = errorOf(() => loadStageConfig({ stage: 'staging', province: 'tra-vinh' }));

    // Assess
    expect(error).toBeInstanceOf(InvalidStageConfigError);
    expect(error.message).toContain('"stage" must be one of dev, prod');
  });

  it('names the missing file of an unknown province', () => {
    // Act
    const error = errorOf(() => loadStageConfig({ stage: 'dev', province: 'atlantis' }));

    // Assess
    expect(error).toBeInstanceOf(InvalidStageConfigError);
    expect(error.message).toContain('atlantis.dev.json');
  });
});

describe('parseStageConfig', () => {
  it('names each bad field of a config file', () => {
    // Prepare
    const file = {
      ...devConfigFile(),
      districts: [{ code: '842', accountId: '12345' }],
      api: { jwtIssuer: 'http://insecure.example', jwtAudience: [], throttle: { rateLimit: 10, burstLimit: 20 } },
      logRetentionDays: 42,
    };

    // Act
    const error = errorOf(() => parseStageConfig(file, DEPLOYMENT_PROVINCE, 'tra-vinh.dev.json'));

    // Assess
    expect(error).toBeInstanceOf(InvalidStageConfigError);
    expect(error.message).toContain('tra-vinh.dev.json is invalid');
    expect(error.message).toMatch(/12-digit AWS account id\s+→ at districts\[0\]\.accountId/);
    expect(error.message).toMatch(/https URL \(the OIDC issuer\)\s+→ at api\.jwtIssuer/);
    expect(error.message).toMatch(/at least one audience\s+→ at api\.jwtAudience/);
    expect(error.message).toMatch(/must be one of 1, 3, 5.*\s+→ at logRetentionDays/);
  });

  it("refuses a dashboard client the API's JWT authorizer would not accept, and a scope without openid", () => {
    // Prepare
    const stranger = { ...devConfigFile(), dashboard: { clientId: 'someone-else' } };
    const noOpenId = { ...devConfigFile(), dashboard: { clientId: 'ocop-pulse-dashboard-dev', scope: 'profile' } };

    // Act
    const strangerError = errorOf(() => parseStageConfig(stranger, DEPLOYMENT_PROVINCE, 'x.json'));
    const scopeError = errorOf(() => parseStageConfig(noOpenId, DEPLOYMENT_PROVINCE, 'x.json'));

    // Assess
    expect(strangerError.message).toMatch(/must be one of api\.jwtAudience.*\s+→ at dashboard\.clientId/);
    expect(scopeError.message).toMatch(/must include openid\s+→ at dashboard\.scope/);
  });

  it('refuses a district the province does not have, and a district listed twice', () => {
    // Prepare
    const unknown = { ...devConfigFile(), districts: [{ code: '999', accountId: '222222222999' }] };
    const twice = {
      ...devConfigFile(),
      districts: [
        { code: '842', accountId: '222222222842' },
        { code: '842', accountId: '222222222843' },
      ],
    };

    // Act
    const unknownError = errorOf(() => parseStageConfig(unknown, DEPLOYMENT_PROVINCE, 'x.json'));
    const twiceError = errorOf(() => parseStageConfig(twice, DEPLOYMENT_PROVINCE, 'x.json'));

    // Assess
    expect(unknownError.message).toMatch(/999 is no district of Vĩnh Long.*\s+→ at districts\[0\]\.code/);
    expect(twiceError.message).toMatch(/listed twice\s+→ at districts\[1\]\.code/);
  });

  it("refuses two districts sharing an account and a district using the province's own account", () => {
    // Prepare
    const file = devConfigFile() as { aws: { account: string } };
    const shared = {
      ...file,
      districts: [
        { code: '842', accountId: '222222222842' },
        { code: '844', accountId: '222222222842' },
        { code: '845', accountId: file.aws.account },
      ],
    };

    // Act
    const error = errorOf(() => parseStageConfig(shared, DEPLOYMENT_PROVINCE, 'x.json'));

    // Assess
    expect(error.message).toMatch(/its own account\s+→ at districts\[1\]\.accountId/);
    expect(error.message).toMatch(/province's own account\s+→ at districts\[2\]\.accountId/);
  });

  it('refuses an override of a schedule that does not exist and an unknown field', () => {
    // Prepare
    const file = { ...devConfigFile(), schedules: { 'hourly-report': { enabled: false } }, sender: 'x@y.example' };

    // Act
    const error = errorOf(() => parseStageConfig(file, DEPLOYMENT_PROVINCE, 'x.json'));

    // Assess
    expect(error.message).toMatch(/no schedule of a function's trigger \(functions\/<name>\/trigger\.ts; known: weekly-kpi-report, daily-snapshot, announce-rejections\).*\s+→ at schedules\["hourly-report"\]/);
    expect(error.message).toContain('sender');
  });

  it('applies the alarm defaults when the file gives none', () => {
    // Prepare
    const { alarms: _alarms, ...file } = devConfigFile();

    // Act
    const config = parseStageConfig(file, DEPLOYMENT_PROVINCE, 'x.json');

    // Assess
    expect(config.alarms).toEqual({ rejectionRatePercent: 20 });
  });

  it("refuses a district's rejections bus that is no bus ARN, or is in another account", () => {
    // Prepare
    const notAnArn = devConfigFile();
    (notAnArn.districts as Array<Record<string, unknown>>)[0]!.rejectionsBusArn = 'ocop-rejections';
    const elsewhere = devConfigFile();
    (elsewhere.districts as Array<Record<string, unknown>>)[0]!.rejectionsBusArn = 'arn:aws:events:ap-southeast-1:999999999999:event-bus/ocop-rejections';

    // Act
    const notAnArnError = errorOf(() => parseStageConfig(notAnArn, DEPLOYMENT_PROVINCE, 'x.json'));
    const elsewhereError = errorOf(() => parseStageConfig(elsewhere, DEPLOYMENT_PROVINCE, 'x.json'));

    // Assess
    expect(notAnArnError.message).toContain('districts[0].rejectionsBusArn');
    expect(notAnArnError.message).toContain('must be the ARN of an EventBridge bus');
    expect(elsewhereError.message).toContain("must be a bus in the district's own account");
  });
});
