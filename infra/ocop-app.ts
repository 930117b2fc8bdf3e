import { App, Tags } from 'aws-cdk-lib';
import type { StageConfig } from './config/stage-config';
import { addNagPacks } from './nag/nag-packs';
import { stackPrefix } from './stacks/naming';
import { StatefulStack } from './stacks/stateful-stack';
import { StatelessStack } from './stacks/stateless-stack';

export interface OcopStacks {
  app: App;
  stateful: StatefulStack;
  stateless: StatelessStack;
}

/** The whole CDK app for one province at one stage: two stacks, checked by cdk-nag. */
/** Cross-stack references as CloudFormation exports: the stateful stack cannot lose what the stateless one uses. */
const CROSS_STACK_REFERENCES_CONTEXT = '@aws-cdk/core:defaultCrossStackReferences';

export function buildOcopApp(config: StageConfig, app: App = new App()): OcopStacks {
  if (app.node.tryGetContext(CROSS_STACK_REFERENCES_CONTEXT) === undefined) app.node.setContext(CROSS_STACK_REFERENCES_CONTEXT, 'strong');
  const env = { account: config.aws.account, region: config.aws.region };
  const prefix = stackPrefix(config);

  const stateful = new StatefulStack(app, `${prefix}-Stateful`, {
    env,
    config,
    description: `OCOP pulse ${config.province.name} (${config.stage}): event bus, tables, SES identity`,
    terminationProtection: config.stage === 'prod',
  });
  const stateless = new StatelessStack(app, `${prefix}-Stateless`, {
    env,
    config,
    description: `OCOP pulse ${config.province.name} (${config.stage}): functions, rules, HTTP API, schedules, alarms`,
    bus: stateful.bus,
    auditLogGroup: stateful.auditLogGroup,
    tables: stateful.tables,
    email: stateful.email,
  });
  stateless.addStackDependency(stateful);

  Tags.of(app).add('project', 'ocop-pulse');
  Tags.of(app).add('stage', config.stage);
  Tags.of(app).add('province', config.provinceSlug);
  addNagPacks(app);
  return { app, stateful, stateless };
}
