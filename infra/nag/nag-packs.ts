import { Validations, type App } from 'aws-cdk-lib';
import { AwsSolutionsChecks, ServerlessChecks } from 'cdk-nag';

/**
 * cdk-nag v3 runs as a policy-validation plugin: a finding that is not
 * acknowledged (Validations.of(construct).acknowledge, each with its reason,
 * next to the construct it concerns) fails `cdk synth`.
 */
export function addNagPacks(app: App): void {
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app, { verbose: true }), new ServerlessChecks(app, { verbose: true }));
}
