/**
 * Draws one `<figure data-chart>` with chart.js; loaded by src/charts/chart-island.ts when the first chart
 * comes near the screen. It reads the chart's spec from the `<script type="application/json">` beside the
 * canvas (no inline script: the CSP forbids it) and registers only the controllers, elements and scales the
 * site uses. chart.js's Tooltip and
 * Legend plugins are left out (8 KB gzipped): the legend is HTML rendered with the chart, and a one-line
 * readout under the canvas names the value under the pointer. Every plotted value is a link: a click opens
 * the quote that states it. Colours come from CSS custom properties, so they follow dark mode and 适老化.
 * The page has already reserved the chart's height (a class), so drawing moves nothing.
 */
import {
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  type ActiveElement,
  type ChartConfiguration,
  type ChartEvent,
} from 'chart.js';
import type { ChartSpec } from './chart-model.ts';

Chart.register(BarController, BarElement, LineController, LineElement, PointElement, CategoryScale, LinearScale);

declare global {
  interface Window {
    /** The drawn charts by id, for the browser tests and for anyone debugging a page. */
    gongkaiCharts?: Map<string, Chart>;
  }
}

const fontFamily = "system-ui, 'PingFang SC', 'Microsoft YaHei', 'Noto Sans CJK SC', sans-serif";
const numberFormat = new Intl.NumberFormat('zh-CN', { maximumFractionDigits: 2 });

function theme() {
  const style = getComputedStyle(document.documentElement);
  return {
    colour: (name: string) => style.getPropertyValue(`--${name}`).trim() || '#0b57a4',
    text: style.getPropertyValue('--text').trim() || '#1d1d1f',
    grid: style.getPropertyValue('--border').trim() || '#d0d0cc',
    size: Math.round(parseFloat(getComputedStyle(document.body).fontSize) * 0.85) || 14,
  };
}

function configOf(spec: ChartSpec, readout: HTMLElement | null, hint: string): ChartConfiguration<'bar' | 'line', (number | null)[], string> {
  const t = theme();
  const font = { family: fontFamily, size: t.size };
  const valueAxis = spec.horizontal ? 'x' : 'y';
  const categoryAxis = spec.horizontal ? 'y' : 'x';
  const urlOf = (hit: ActiveElement | undefined) => (hit ? spec.datasets[hit.datasetIndex]?.urls[hit.index] : null);
  return {
    type: spec.type,
    data: {
      labels: spec.labels,
      datasets: spec.datasets.map((d) => ({
        label: d.label,
        data: d.values,
        backgroundColor: t.colour(d.colour),
        borderColor: t.colour(d.colour),
        borderWidth: spec.type === 'line' ? 2 : 0,
        pointRadius: 5,
        pointHoverRadius: 8,
        spanGaps: true,
      })),
    },
    options: {
      indexAxis: spec.horizontal ? 'y' : 'x',
      responsive: true,
      maintainAspectRatio: false,
      animation: false,
      interaction: spec.type === 'line' ? { mode: 'nearest', intersect: false } : { mode: 'nearest', intersect: true, axis: categoryAxis },
      onClick: (_event: ChartEvent, elements: ActiveElement[]) => {
        const url = urlOf(elements[0]);
        if (url) window.location.assign(url);
      },
      onHover: (event, elements) => {
        const hit = elements[0];
        const target = event.native?.target;
        if (target instanceof HTMLElement) target.style.cursor = urlOf(hit) ? 'pointer' : 'default';
        if (!readout) return;
        const dataset = hit ? spec.datasets[hit.datasetIndex] : undefined;
        const value = hit ? dataset?.values[hit.index] : null;
        readout.textContent =
          hit && dataset && value !== null && value !== undefined
            ? `${spec.labels[hit.index] ?? ''} · ${dataset.label}：${numberFormat.format(value)} ${spec.unit}${urlOf(hit) ? `（${spec.stacked ? '点击查看任务' : '点击查看原文'}）` : ''}`
            : hint;
      },
      font,
      color: t.text,
      scales: {
        // A line over one or two periods would hug the edges: give it the bar charts' half-category margins.
        [categoryAxis]: { type: 'category', stacked: spec.stacked, offset: spec.type === 'bar' || spec.labels.length < 3, ticks: { color: t.text, font }, grid: { color: t.grid } },
        [valueAxis]: {
          type: 'linear',
          beginAtZero: true,
          stacked: spec.stacked,
          title: { display: true, text: spec.unit, color: t.text, font },
          ticks: { color: t.text, font, ...(spec.integer ? { precision: 0 } : {}), callback: (value) => numberFormat.format(Number(value)) },
          grid: { color: t.grid },
        },
      },
    },
  };
}

const darkQuery = window.matchMedia('(prefers-color-scheme: dark)');

export function drawChart(figure: HTMLElement): void {
  const registry: Map<string, Chart> = (window.gongkaiCharts ??= new Map());
  const data = figure.querySelector<HTMLScriptElement>('script[data-chart-spec]');
  const canvas = figure.querySelector<HTMLCanvasElement>('canvas');
  const frame = figure.querySelector<HTMLElement>('[data-chart-frame]');
  const readout = figure.querySelector<HTMLElement>('[data-chart-readout]');
  if (!data || !canvas || !frame) return;
  const spec = JSON.parse(data.textContent ?? '{}') as ChartSpec;
  const hint = readout?.textContent ?? '';
  const chart = new Chart(canvas, configOf(spec, readout, hint));
  registry.set(spec.id, chart);

  // Dark mode and the 适老化 switch change the custom properties: redraw with the new colours and sizes.
  const restyle = () => {
    const next = configOf(spec, readout, hint);
    chart.options = next.options ?? {};
    next.data.datasets.forEach((d, i) => {
      const current = chart.data.datasets[i];
      if (current) Object.assign(current, { backgroundColor: d.backgroundColor, borderColor: d.borderColor });
    });
    chart.update();
  };
  darkQuery.addEventListener('change', restyle);
  new MutationObserver(restyle).observe(document.documentElement, { attributes: true, attributeFilter: ['data-elder'] });
}

