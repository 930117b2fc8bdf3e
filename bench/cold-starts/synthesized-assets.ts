import { mkdtempSync, readdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App, Stack, type CfnResource } from 'aws-cdk-lib';
import { loadStageConfig } from '../../infra/config/stage-config';
import { buildOcopApp } from '../../infra/ocop-app';
import { lambdaFunctions, type FunctionId } from '../../functions/catalog';

/** One function's code as `cdk synth` stages it, and the environment the template gives it. */
export interface SynthesizedAsset {
  functionId: FunctionId;
  /** The staged asset directory (index.js, its source map, province data, lazy modules, bundled files). */
  dir: string;
  /** The function's environment variables; values the template resolves at deploy time (table names...) become placeholders. */
  environment: Record<string, string>;
  /** Bytes of each file of the asset. */
  files: Record<string, number>;
}

interface Template {
  Resources: Record<string, { Properties: { Code?: { S3Key?: unknown }; Environment?: { Variables?: Record<string, unknown> } } } | undefined>;
}

export class AssetNotFoundError extends Error {
  override name = 'AssetNotFoundError';
}

/**
 * Synthesizes the CDK app (prod, Trà Vinh, as the infra tests) with esbuild bundling, as `npm run synth`
 * does, into `outdir` (a new temporary directory unless given); returns each function's staged asset.
 */
export function synthesizeFunctionAssets(outdir: string = mkdtempSync(join(tmpdir(), 'ocop-bench-cdk-'))): Record<FunctionId, SynthesizedAsset> {
  process.env.JSII_DEPRECATED ??= 'quiet';
  const app = new App({ outdir });
  const { stateless } = buildOcopApp(loadStageConfig({ stage: 'prod', province: 'tra-vinh' }), app);
  const assembly = app.synth();
  const template = assembly.getStackArtifact(stateless.artifactId).template as Template;
  const entries = (Object.keys(lambdaFunctions) as FunctionId[]).map((functionId): [FunctionId, SynthesizedAsset] => {
    const cfn = stateless.functions[functionId].function.node.defaultChild as CfnResource;
    const resource = template.Resources[Stack.of(cfn).getLogicalId(cfn)];
    const s3Key = resource?.Properties.Code?.S3Key;
    const dir = join(assembly.directory, `asset.${typeof s3Key === 'string' ? s3Key.replace(/\.zip$/, '') : '?'}`);
    if (!statSafe(dir)) throw new AssetNotFoundError(`the staged asset of ${functionId} is not at ${dir}`);
    const variables = resource?.Properties.Environment?.Variables ?? {};
    const environment = Object.fromEntries(Object.entries(variables).map(([name, value]) => [name, typeof value === 'string' ? value : `placeholder-${name.toLowerCase()}`]));
    const files = Object.fromEntries(listFiles(dir).map((file) => [file, statSync(join(dir, file)).size]));
    return [functionId, { functionId, dir, environment, files }];
  });
  return Object.fromEntries(entries) as Record<FunctionId, SynthesizedAsset>;
}

function statSafe(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

function listFiles(dir: string, prefix = ''): string[] {
  return readdirSync(join(dir, prefix), { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? listFiles(dir, join(prefix, entry.name)) : [join(prefix, entry.name)],
  );
}
