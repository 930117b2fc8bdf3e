import { BarChart, LineChart, ScatterChart } from 'echarts/charts';
import { AriaComponent, GridComponent, LegendComponent, MarkLineComponent, TitleComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { LegacyGridContainLabel } from 'echarts/features';
import { SVGRenderer } from 'echarts/renderers';
import type { EChartsOption } from 'echarts';

/** ECharts, only the parts the page draws, bundled with the page (no CDN), rendering SVG. */
echarts.use([BarChart, LineChart, ScatterChart, AriaComponent, GridComponent, LegendComponent, MarkLineComponent, TitleComponent, TooltipComponent, LegacyGridContainLabel, SVGRenderer]);

const charts = new Set<echarts.ECharts>();

export function drawChart(element: HTMLElement, option: EChartsOption, label: string): void {
  element.setAttribute('role', 'img');
  element.setAttribute('aria-label', label);
  const chart = echarts.init(element, undefined, { renderer: 'svg' });
  chart.setOption(option);
  charts.add(chart);
}

export function disposeCharts(): void {
  for (const chart of charts) chart.dispose();
  charts.clear();
}

addEventListener('resize', () => {
  for (const chart of charts) chart.resize();
});
