/**
 * The CDK app: `npx cdk synth -c stage=prod -c province=<slug>` (defaults:
 * dev, and the one province infra/config/ has stage files for). Reads
 * infra/config/<province>.<stage>.json; a bad value stops synth with the file
 * and the field named.
 */
import { App } from 'aws-cdk-lib';
import { defaultStageProvince, InvalidStageConfigError, loadStageConfig } from '../config/stage-config';
import { buildOcopApp } from '../ocop-app';

// aws-cdk-lib's EventBus reads its own deprecated CfnEventBusPolicy#principal: a warning nobody here can act on.
process.env.JSII_DEPRECATED ??= 'quiet';

const app = new App();
const stage = String(app.node.tryGetContext('stage') ?? 'dev');

try {
  const province = String(app.node.tryGetContext('province') ?? defaultStageProvince());
  buildOcopApp(loadStageConfig({ stage, province }), app);
  app.synth();
} catch (error) {
  if (error instanceof InvalidStageConfigError) {
    console.error(error.message);
    process.exit(1);
  }
  throw error;
}
