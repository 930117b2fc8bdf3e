import type { CfnElement } from 'aws-cdk-lib';
import { districtSource } from '../../events/vocabulary';
import { districtRejectionsRuleName } from '../../infra/constructs/district-rejections';
import { resourcesOfType, synthesizeOcopApp, type SynthesizedApp } from './support/synthesized-app';

/** Each district hears its own EventRejected in its own account: a rule per configured district, to the bus the stage config names. */
let synthesized: SynthesizedApp;
beforeAll(() => {
  synthesized = synthesizeOcopApp('prod', { bundling: false });
});

const logicalIdOf = (construct: { node: { defaultChild?: unknown } }) => synthesized.logicalId(construct.node.defaultChild as CfnElement);

describe("the districts' rejections", () => {
  it("forwards to each configured district's bus only the EventRejected about its own events", () => {
    // Prepare
    const receiving = synthesized.config.districts.filter((district) => district.rejectionsBusArn);
    const rules = Object.values(resourcesOfType(synthesized.statelessTemplate, 'AWS::Events::Rule')).map((rule) => rule.Properties!);
    const roleId = logicalIdOf(synthesized.stateless.districtRejections.role!);
    const deadLettersId = logicalIdOf(synthesized.stateless.districtRejections.deadLetterQueue!);

    for (const district of receiving) {
      // Act
      const forwarding = rules.filter((rule) => JSON.stringify(rule.Targets).includes(`"${district.rejectionsBusArn}"`));

      // Assess
      expect(forwarding).toHaveLength(1);
      expect(forwarding[0]).toMatchObject({
        Name: districtRejectionsRuleName(district.code),
        EventBusName: expect.anything(),
        EventPattern: { source: ['ocop.province'], 'detail-type': ['EventRejected'], detail: { rejectedSource: [districtSource(district.code)] } },
        Targets: [{ Arn: district.rejectionsBusArn, RoleArn: { 'Fn::GetAtt': [roleId, 'Arn'] }, DeadLetterConfig: { Arn: { 'Fn::GetAtt': [deadLettersId, 'Arn'] } } }],
      });
    }
    expect(receiving.length).toBe(synthesized.config.districts.length);
  });

  it("gives the forwarding role PutEvents on the districts' buses and nothing else, assumable by EventBridge of this account only", () => {
    // Prepare
    const roleId = logicalIdOf(synthesized.stateless.districtRejections.role!);
    const role = resourcesOfType(synthesized.statelessTemplate, 'AWS::IAM::Role')[roleId]!;

    // Act
    const statements = Object.values(resourcesOfType(synthesized.statelessTemplate, 'AWS::IAM::Policy'))
      .filter((policy) => JSON.stringify(policy.Properties!.Roles).includes(`"${roleId}"`))
      .flatMap((policy) => (policy.Properties!.PolicyDocument as { Statement: Array<{ Action: string; Resource: string }> }).Statement);

    // Assess
    expect(statements.map((statement) => statement.Action)).toEqual(statements.map(() => 'events:PutEvents'));
    expect(statements.map((statement) => statement.Resource).sort()).toEqual(synthesized.config.districts.map((district) => district.rejectionsBusArn).sort());
    expect(role.Properties!.AssumeRolePolicyDocument).toMatchObject({
      Statement: [{ Principal: { Service: 'events.amazonaws.com' }, Condition: { StringEquals: { 'aws:SourceAccount': synthesized.config.aws.account } } }],
    });
  });

  it('alarms on the dead letters of what a district bus refused', () => {
    // Prepare
    const deadLettersId = logicalIdOf(synthesized.stateless.districtRejections.deadLetterQueue!);

    // Act
    const alarms = Object.values(resourcesOfType(synthesized.statelessTemplate, 'AWS::CloudWatch::Alarm')).filter(
      (alarm) => alarm.Properties!.MetricName === 'ApproximateNumberOfMessagesVisible' && JSON.stringify(alarm.Properties!.Dimensions).includes(`"${deadLettersId}"`),
    );

    // Assess
    expect(alarms).toHaveLength(1);
  });
});
