import { readFileSync } from 'node:fs';
import { initWasm, Resvg } from '@resvg/resvg-wasm';
import type { EChartsOption } from 'echarts';
import { BarChart, LineChart, ScatterChart } from 'echarts/charts';
import { AriaComponent, GridComponent, LegendComponent, MarkLineComponent, TitleComponent, TooltipComponent } from 'echarts/components';
import { LegacyGridContainLabel } from 'echarts/features';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { CHART_ASSETS, chartAssetPath } from './assets';

/**
 * Server-side charts: ECharts draws the option as SVG (its SSR mode, no DOM),
 * resvg turns the SVG into PNG with the bundled Vietnamese font (no system
 * font is read, so the picture is the same on every machine).
 */
export class ChartRenderError extends Error {
  override name = 'ChartRenderError';
}

// Only the parts the email draws (the whole of ECharts would double the function's bundle).
echarts.use([BarChart, LineChart, ScatterChart, AriaComponent, GridComponent, LegendComponent, MarkLineComponent, TitleComponent, TooltipComponent, LegacyGridContainLabel, SVGRenderer]);

let ready: Promise<Uint8Array[]> | undefined;

function resvgReady(): Promise<Uint8Array[]> {
  ready ??= initWasm(readFileSync(chartAssetPath(CHART_ASSETS.resvgWasm))).then(() => [
    readFileSync(chartAssetPath(CHART_ASSETS.fontRegular)),
    readFileSync(chartAssetPath(CHART_ASSETS.fontBold)),
  ]);
  return ready;
}

export function chartSvg(option: EChartsOption, width: number, height: number): string {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height });
  try {
    chart.setOption(option);
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}

/** An SVG as PNG, `scale` times its size (2 for sharp pictures on high-density screens). */
export async function svgToPng(svg: string, scale = 2): Promise<{ png: Buffer; width: number; height: number }> {
  try {
    const fontBuffers = await resvgReady();
    const resvg = new Resvg(svg, {
      font: { fontBuffers, loadSystemFonts: false, defaultFontFamily: 'Be Vietnam Pro', sansSerifFamily: 'Be Vietnam Pro' },
      fitTo: { mode: 'zoom', value: scale },
      background: '#ffffff',
    });
    const image = resvg.render();
    const png = Buffer.from(image.asPng());
    const result = { png, width: image.width, height: image.height };
    image.free();
    resvg.free();
    return result;
  } catch (error) {
    throw new ChartRenderError('Could not render a chart to PNG', { cause: error });
  }
}

export async function chartPng(option: EChartsOption, width: number, height: number, scale = 2): Promise<{ png: Buffer; width: number; height: number }> {
  return svgToPng(chartSvg(option, width, height), scale);
}
