import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';
import { esbuildOptions } from '../../infra/constructs/function-bundling';

/**
 * The floor of a function's cold start: a bundle of only the AWS SDK clients
 * that function uses, built with the functions' own esbuild options
 * (infra/constructs/function-bundling.ts), each client constructed as the
 * functions construct theirs (functions/storage/dynamodb-client.ts, functions/shared/clients.ts, functions/send-kpi-report/email-transport.ts).
 */
const SDK_PACKAGES: Record<string, { imports: string; use: string }> = {
  '@aws-sdk/client-dynamodb': { imports: 'DynamoDBClient', use: 'new DynamoDBClient({})' },
  '@aws-sdk/lib-dynamodb': { imports: 'DynamoDBDocumentClient', use: 'DynamoDBDocumentClient.from(new DynamoDBClient({}))' },
  '@aws-sdk/util-dynamodb': { imports: 'marshall, unmarshall', use: '[marshall, unmarshall]' },
  '@aws-sdk/client-eventbridge': { imports: 'EventBridgeClient', use: 'new EventBridgeClient({})' },
  '@aws-sdk/client-sesv2': { imports: 'SESv2Client', use: 'new SESv2Client({})' },
};

export class UnknownSdkPackageError extends Error {
  override name = 'UnknownSdkPackageError';
}

/** The AWS SDK packages a function's code imports (the entry and everything it bundles), read from esbuild's own module graph. */
export async function sdkPackagesOf(repositoryRoot: string, entry: string): Promise<string[]> {
  const result = await build({ ...esbuildOptions(), entryPoints: [join(repositoryRoot, entry)], external: ['@aws-sdk/*'], write: false, metafile: true, outdir: '/tmp/unused' });
  const packages = new Set<string>();
  for (const input of Object.values(result.metafile.inputs)) {
    for (const imported of input.imports) {
      if (imported.external && imported.path.startsWith('@aws-sdk/')) packages.add(imported.path.split('/').slice(0, 2).join('/'));
    }
  }
  return [...packages].sort();
}

/** Builds the floor of these packages into `dir`/index.js; returns its size in bytes. */
export async function buildSdkFloor(packages: readonly string[], dir: string): Promise<number> {
  const unknown = packages.filter((name) => !SDK_PACKAGES[name]);
  if (unknown.length > 0) throw new UnknownSdkPackageError(`no floor client for ${unknown.join(', ')}: add it to SDK_PACKAGES in bench/cold-starts/sdk-floor.ts`);
  const needs = new Set(packages.includes('@aws-sdk/lib-dynamodb') ? [...packages, '@aws-sdk/client-dynamodb'] : packages);
  const lines = [...needs].map((name) => `import { ${SDK_PACKAGES[name]!.imports} } from '${name}';`);
  lines.push(`export const floor = [${packages.map((name) => SDK_PACKAGES[name]!.use).join(', ')}];`);
  const entry = join(dir, 'floor-entry.mjs');
  writeFileSync(entry, `${lines.join('\n')}\n`);
  const result = await build({ ...esbuildOptions(), entryPoints: [entry], outfile: join(dir, 'index.js'), metafile: true, nodePaths: [join(__dirname, '..', '..', 'node_modules')] });
  return result.metafile.outputs[Object.keys(result.metafile.outputs).find((file) => file.endsWith('index.js'))!]!.bytes;
}
