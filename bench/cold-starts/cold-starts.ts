import { cpSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { lambdaFunctions, type FunctionId } from '../../functions/catalog';
import { PROVINCE_DATA_DIR_ENV } from '../../functions/shared/province-config';
import { BUNDLED_PROVINCE_DIR } from '../../infra/constructs/ocop-function';
import { summarizeLatencies, type LatencySummary } from '../stats';
import { node24, timeModuleLoad, type ModuleLoad } from './module-load';
import { buildSdkFloor, sdkPackagesOf } from './sdk-floor';
import { synthesizeFunctionAssets } from './synthesized-assets';

const REPOSITORY_ROOT = resolve(__dirname, '..', '..');

export interface ColdStartResult {
  functionId: FunctionId;
  /** Bytes of the asset's index.js, and of the whole asset. */
  indexBytes: number;
  assetBytes: number;
  sdkPackages: string[];
  floorBytes: number;
  moduleLoadMs: LatencySummary;
  moduleLoadCpuMs: LatencySummary;
  floorMs: LatencySummary;
  floorCpuMs: LatencySummary;
}

export interface ColdStartsResult {
  node: string;
  runs: number;
  functions: ColdStartResult[];
}

/**
 * Module load as Lambda pays it: each function's asset from `cdk synth`, alone in a temporary folder, required
 * by Node 24 in a fresh process with the environment its template gives it, `runs` times; beside it, in the
 * same run and interleaved with it, the floor: a bundle of only the AWS SDK clients that function uses.
 */
export async function runColdStarts(options: { runs: number; print?: (line: string) => void }): Promise<ColdStartsResult> {
  const print = options.print ?? ((line: string) => console.log(line));
  const node = node24();
  print('  cdk synth (esbuild bundling of every function)…');
  const work = mkdtempSync(join(tmpdir(), 'ocop-bench-cold-'));
  try {
    const assets = synthesizeFunctionAssets(join(work, 'cdk.out'));
    const prepared = await Promise.all(
      (Object.keys(lambdaFunctions) as FunctionId[]).map(async (functionId) => {
        const asset = assets[functionId];
        const dir = join(work, functionId);
        cpSync(asset.dir, dir, { recursive: true });
        const floorDir = join(work, `${functionId}-floor`);
        mkdirSync(floorDir);
        const sdkPackages = await sdkPackagesOf(REPOSITORY_ROOT, lambdaFunctions[functionId].entry);
        const floorBytes = await buildSdkFloor(sdkPackages, floorDir);
        // As Lambda sets it, the bundled province data where the function finds it in this folder.
        const environment = {
          ...asset.environment,
          AWS_REGION: 'ap-southeast-1',
          AWS_DEFAULT_REGION: 'ap-southeast-1',
          AWS_LAMBDA_FUNCTION_NAME: functionId,
          AWS_LAMBDA_FUNCTION_MEMORY_SIZE: String(lambdaFunctions[functionId].memoryMb),
          LAMBDA_TASK_ROOT: dir,
          [PROVINCE_DATA_DIR_ENV]: join(dir, BUNDLED_PROVINCE_DIR),
        };
        return { functionId, dir, floorDir, environment, sdkPackages, floorBytes, asset };
      }),
    );
    const loads = new Map<string, ModuleLoad[]>();
    const add = (key: string, load: ModuleLoad) => loads.set(key, [...(loads.get(key) ?? []), load]);
    for (let run = 1; run <= options.runs; run++) {
      for (const p of prepared) {
        add(p.functionId, await timeModuleLoad(node, p.dir, p.environment));
        add(`${p.functionId}-floor`, await timeModuleLoad(node, p.floorDir, { ...p.environment, LAMBDA_TASK_ROOT: p.floorDir }));
      }
      print(`  run ${run}/${options.runs} done`);
    }
    const summary = (key: string, field: keyof ModuleLoad) => summarizeLatencies(loads.get(key)!.map((load) => load[field]));
    return {
      node,
      runs: options.runs,
      functions: prepared.map((p) => ({
        functionId: p.functionId,
        indexBytes: p.asset.files['index.js'] ?? 0,
        assetBytes: Object.values(p.asset.files).reduce((sum, bytes) => sum + bytes, 0),
        sdkPackages: p.sdkPackages,
        floorBytes: p.floorBytes,
        moduleLoadMs: summary(p.functionId, 'wallMs'),
        moduleLoadCpuMs: summary(p.functionId, 'cpuMs'),
        floorMs: summary(`${p.functionId}-floor`, 'wallMs'),
        floorCpuMs: summary(`${p.functionId}-floor`, 'cpuMs'),
      })),
    };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
