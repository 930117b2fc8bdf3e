import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { INBOUND_DETAIL_TYPES } from '../../events/catalog';
import { communeSource, districtSource } from '../../events/vocabulary';
import { parseStageConfig } from '../../infra/config/stage-config';
import { communeRejectionsRuleName } from '../../infra/constructs/district-rejections';
import { resourcesOfType, synthesizeOcopApp, type SynthesizedApp } from './support/synthesized-app';
import { DEPLOYMENT_PROVINCE } from '../support/shipped-data';

/**
 * Since the 2025 reform commune and ward systems publish from their own accounts, each only as
 * ocop.commune.<code> (docs/sources-and-councils.md). The dev stage config lists two: 29242
 * (Phường Trà Vinh, with a rejections bus) and 29308 (Xã Cầu Kè).
 */
let synthesized: SynthesizedApp;
beforeAll(() => {
  synthesized = synthesizeOcopApp('dev', { bundling: false });
});

const devConfigFile = (): Record<string, unknown> =>
  JSON.parse(readFileSync(join(__dirname, '..', '..', 'infra', 'config', 'tra-vinh.dev.json'), 'utf8')) as Record<string, unknown>;

function errorOf(action: () => unknown): Error {
  try {
    action();
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected an error');
}

describe('the bus policy for commune accounts', () => {
  it('lets each commune account put only catalog events, only as ocop.commune.<its code>', () => {
    // Prepare
    const policies = Object.values(resourcesOfType(synthesized.statefulTemplate, 'AWS::Events::EventBusPolicy'));
    const statements = policies.map((policy) => policy.Properties!.Statement as Record<string, any>);

    // Act
    const ofAccount = (accountId: string) => statements.filter((candidate) => JSON.stringify(candidate.Principal).includes(`:iam::${accountId}:root`));

    // Assess
    expect(synthesized.config.communes.map((c) => [c.code, c.name])).toEqual([
      ['29242', 'Phường Trà Vinh'],
      ['29308', 'Xã Cầu Kè'],
    ]);
    expect(statements).toHaveLength(synthesized.config.districts.length + synthesized.config.communes.length);
    for (const commune of synthesized.config.communes) {
      const own = ofAccount(commune.accountId);
      expect(own).toHaveLength(1);
      expect(own[0]).toMatchObject({
        Effect: 'Allow',
        Action: 'events:PutEvents',
        Condition: {
          'ForAllValues:StringEquals': { 'events:source': [communeSource(commune.code)] },
          StringEquals: { 'events:detail-type': [...INBOUND_DETAIL_TYPES] },
        },
      });
    }
    for (const district of synthesized.config.districts) {
      expect(ofAccount(district.accountId)[0]!.Condition['ForAllValues:StringEquals']['events:source']).toEqual([districtSource(district.code)]);
    }
  });

  it("forwards a commune's own EventRejected to the bus it names, and makes no rule for a commune without one", () => {
    // Prepare
    const rules = Object.values(resourcesOfType(synthesized.statelessTemplate, 'AWS::Events::Rule')).map((rule) => rule.Properties!);

    // Act
    const forWard = rules.filter((rule) => rule.Name === communeRejectionsRuleName('29242'));
    const forCommune = rules.filter((rule) => rule.Name === communeRejectionsRuleName('29308'));

    // Assess
    expect(forWard).toHaveLength(1);
    expect(forWard[0]).toMatchObject({
      EventPattern: { source: ['ocop.province'], 'detail-type': ['EventRejected'], detail: { rejectedSource: ['ocop.commune.29242'] } },
      Targets: [{ Arn: 'arn:aws:events:ap-southeast-1:333333329242:event-bus/ocop-rejections' }],
    });
    expect(forCommune).toEqual([]);
  });
});

describe('parseStageConfig: communes', () => {
  it('refuses a code that is not a commune or ward in force in the units files, naming the field', () => {
    // Prepare: 29239 was a ward of Thành phố Trà Vinh until 2025-06-30 (it went into 29242); 842 is a district.
    const former = { ...devConfigFile(), communes: [{ code: '29239', accountId: '333333329239' }] };
    const district = { ...devConfigFile(), communes: [{ code: '842', accountId: '333333333842' }] };

    // Act
    const formerError = errorOf(() => parseStageConfig(former, DEPLOYMENT_PROVINCE, 'x.json'));
    const districtError = errorOf(() => parseStageConfig(district, DEPLOYMENT_PROVINCE, 'x.json'));

    // Assess
    expect(formerError.message).toMatch(/29239 is no commune or ward in force in the units files.*\s+→ at communes\[0\]\.code/);
    expect(districtError.message).toMatch(/5-digit GSO code of a commune or ward.*\s+→ at communes\[0\]\.code/);
  });

  it('refuses a commune listed twice and a commune sharing an account with a district', () => {
    // Prepare
    const twice = {
      ...devConfigFile(),
      communes: [
        { code: '29242', accountId: '333333329242' },
        { code: '29242', accountId: '333333329243' },
      ],
    };
    const shared = { ...devConfigFile(), communes: [{ code: '29242', accountId: '222222222842' }] };

    // Act
    const twiceError = errorOf(() => parseStageConfig(twice, DEPLOYMENT_PROVINCE, 'x.json'));
    const sharedError = errorOf(() => parseStageConfig(shared, DEPLOYMENT_PROVINCE, 'x.json'));

    // Assess
    expect(twiceError.message).toMatch(/commune 29242 is listed twice\s+→ at communes\[1\]\.code/);
    expect(sharedError.message).toMatch(/each commune publishes from its own account\s+→ at communes\[0\]\.accountId/);
  });

  it('accepts a config without communes (before the reform there were none)', () => {
    // Prepare
    const { communes: _none, ...withoutCommunes } = devConfigFile();

    // Act
    const config = parseStageConfig(withoutCommunes, DEPLOYMENT_PROVINCE, 'x.json');

    // Assess
    expect(config.communes).toEqual([]);
  });
});
