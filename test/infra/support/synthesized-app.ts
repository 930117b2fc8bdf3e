import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App, Stack, type CfnElement } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import type { CloudAssembly } from 'aws-cdk-lib/cx-api';
import { loadStageConfig, type Stage, type StageConfig } from '../../../infra/config/stage-config';
import { buildOcopApp, type OcopStacks } from '../../../infra/ocop-app';

// The one deprecation warning of a synth comes from inside aws-cdk-lib (EventBus reads CfnEventBusPolicy#principal).
process.env.JSII_DEPRECATED = 'quiet';

export interface SynthesizedApp extends OcopStacks {
  config: StageConfig;
  assembly: CloudAssembly;
  statefulTemplate: Template;
  statelessTemplate: Template;
  /** The logical id of a construct's CloudFormation resource in its stack. */
  logicalId(element: CfnElement): string;
}

/**
 * Synthesizes the app of a stage (of Trà Vinh unless told) once (call it in `beforeAll`),
 * into a temporary directory. cdk-nag runs during synth as in `cdk synth`: an
 * unacknowledged finding throws. Without `bundling`, esbuild does not run
 * (the functions get placeholder code), which keeps template-only tests fast.
 */
export function synthesizeOcopApp(
  stage: Stage,
  options: { bundling: boolean; province?: string; configDir?: string; provinceDataDir?: string },
): SynthesizedApp {
  const config = loadStageConfig({
    stage,
    province: options.province ?? 'tra-vinh',
    ...(options.configDir && { configDir: options.configDir }),
    ...(options.provinceDataDir && { provinceDataDir: options.provinceDataDir }),
  });
  const app = new App({
    outdir: mkdtempSync(join(tmpdir(), `ocop-cdk-${stage}-`)),
    context: options.bundling ? {} : { 'aws:cdk:bundling-stacks': [] },
  });
  const stacks = buildOcopApp(config, app);
  const assembly = app.synth();
  return {
    ...stacks,
    config,
    assembly,
    statefulTemplate: Template.fromStack(stacks.stateful),
    statelessTemplate: Template.fromStack(stacks.stateless),
    logicalId: (element) => Stack.of(element).getLogicalId(element),
  };
}

export type CfnResourceJson = { Type: string; Properties?: Record<string, unknown>; DeletionPolicy?: string; UpdateReplacePolicy?: string };

export function resourcesOfType(template: Template, type: string): Record<string, CfnResourceJson> {
  return template.findResources(type) as Record<string, CfnResourceJson>;
}
