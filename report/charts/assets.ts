import { existsSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The files the server-side chart renderer reads: resvg's WebAssembly build
 * (any CPU: the functions run on arm64) and Be Vietnam Pro (SIL Open Font
 * License 1.1, from the npm package @expo-google-fonts/be-vietnam-pro), a
 * TrueType font with every letter of Vietnamese; resvg loads TrueType and
 * OpenType, not WOFF. In a Lambda bundle they sit beside the code under
 * `bundleName` (functions/catalog.ts copies them); elsewhere they are read
 * from node_modules.
 */
export interface ChartAsset {
  bundleName: string;
  /** The file in its npm package, as require.resolve takes it. */
  packagePath: string;
}

export const CHART_ASSETS = {
  resvgWasm: { bundleName: 'resvg.wasm', packagePath: '@resvg/resvg-wasm/index_bg.wasm' },
  fontRegular: { bundleName: 'be-vietnam-pro-regular.ttf', packagePath: '@expo-google-fonts/be-vietnam-pro/400Regular/BeVietnamPro_400Regular.ttf' },
  fontBold: { bundleName: 'be-vietnam-pro-bold.ttf', packagePath: '@expo-google-fonts/be-vietnam-pro/700Bold/BeVietnamPro_700Bold.ttf' },
} as const satisfies Record<string, ChartAsset>;

export function chartAssetPath(asset: ChartAsset): string {
  const bundled = join(__dirname, asset.bundleName);
  return existsSync(bundled) ? bundled : require.resolve(asset.packagePath);
}
