/**
 * Draws one `<figure data-chart>` with chart.js; loaded by src/charts/chart-island.ts when the first chart
 * comes near the screen. It reads the chart's spec from the `<script type="application/json">` beside the
 * canvas (no inline script: the CSP forbids it) and registers only the controllers, elements and scales the
 * site uses. chart.js's Tooltip and
 * Legend plugins are left out (8 KB gzipped): the legend is HTML rendered with the chart, and a one-line
 * readout under the canvas names the value under the pointer and where it comes from. Every plotted value is a
 * link: a click opens the quote that states it. On a touch screen a finger has no hover, so the first tap on a
 * value selects it (the readout says its value and source, and an 打开原文 link appears under the canvas) and a
 * second tap on it, or the link, opens the quote; the hint says 点按 there and 指向/点击 with a mouse. Colours come
 * from CSS custom properties, so they follow dark mode and 适老化.
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

/** The time axis of a trend: linear in years, a tick at each year's start (`2023年`), a half-year margin either side. */
function timeAxis(positions: number[], style: { color: string; font: { family: string; size: number }; grid: string }) {
  return {
    type: 'linear' as const,
    min: Math.floor(Math.min(...positions)),
    max: Math.ceil(Math.max(...positions)),
    ticks: { color: style.color, font: style.font, stepSize: 1, precision: 0, callback: (value: number | string) => (Number.isInteger(Number(value)) ? `${value}年` : '') },
    grid: { color: style.grid },
  };
}

/** A screen without hover (a phone, a tablet): taps, not pointing. */
const touchQuery = window.matchMedia('(hover: none), (pointer: coarse)');

/** Whether this event came from a finger: the event says so where it can (a PointerEvent), else the screen does. */
function isTouch(event: ChartEvent | undefined): boolean {
  const native = event?.native as (Event & { pointerType?: string }) | null | undefined;
  if (native?.type.startsWith('touch')) return true;
  if (native?.pointerType) return native.pointerType === 'touch' || native.pointerType === 'pen';
  return touchQuery.matches;
}

/** The line under the canvas before anything is pointed at or tapped. */
export function chartHint(spec: Pick<ChartSpec, 'stacked'>, touch: boolean): string {
  if (spec.stacked) return touch ? '点按色块查看数值，再点一次查看对应任务。' : '指向色块查看数值，点击查看对应任务。';
  return touch ? '点按数据点查看数值和出处，再点一次打开原文。' : '指向数据点查看数值和出处，点击打开原文。';
}

/**
 * Category labels that fit a narrow chart: a long region name (`湖南省 郴州市 资兴市`) is broken at its spaces, or
 * into pieces of `maxChars`, onto lines, instead of running off the canvas's edge.
 */
export function wrapLabel(label: string, maxChars: number): string | string[] {
  if ([...label].length <= maxChars) return label;
  const lines: string[] = [];
  for (const word of label.split(' ')) {
    const chars = [...word];
    const last = lines[lines.length - 1];
    if (last !== undefined && [...last].length + 1 + chars.length <= maxChars) lines[lines.length - 1] = `${last} ${word}`;
    else for (let i = 0; i < chars.length; i += maxChars) lines.push(chars.slice(i, i + maxChars).join(''));
  }
  return lines;
}

interface ChartState {
  /** The value a finger has selected (`dataset:index`), opened by a second tap. */
  selected: string | null;
}

function configOf(
  spec: ChartSpec,
  readout: HTMLElement | null,
  open: HTMLAnchorElement | null,
  state: ChartState,
  width: number,
): ChartConfiguration<'bar' | 'line', (number | null)[], string | number> {
  const t = theme();
  const font = { family: fontFamily, size: t.size };
  const valueAxis = spec.horizontal ? 'x' : 'y';
  const categoryAxis = spec.horizontal ? 'y' : 'x';
  const urlOf = (hit: ActiveElement | undefined) => (hit ? spec.datasets[hit.datasetIndex]?.urls[hit.index] : null);
  const action = spec.stacked ? '查看对应任务' : '打开原文';
  // Region names on the side of a horizontal bar chart get at most about a third of its width.
  const maxLabelChars = Math.max(4, Math.floor((width * 0.34) / t.size));
  const describe = (hit: ActiveElement, touch: boolean): string | null => {
    const dataset = spec.datasets[hit.datasetIndex];
    const value = dataset?.values[hit.index];
    if (!dataset || value === null || value === undefined) return null;
    const source = dataset.sources?.[hit.index];
    const what = `${spec.labels[hit.index] ?? ''} · ${dataset.label}：${numberFormat.format(value)} ${spec.unit}${source ? `，出自${source}` : ''}`;
    return urlOf(hit) ? `${what}（${touch ? '再点一次' : '点击'}${action}）` : what;
  };
  const show = (text: string, url: string | null | undefined) => {
    if (readout) readout.textContent = text;
    if (!open) return;
    open.hidden = !url;
    if (url) open.href = url;
  };
  return {
    type: spec.type,
    data: {
      // A trend on a time scale: each value sits at its period's position in years (the readout still names the period).
      labels: spec.positions ?? spec.labels,
      datasets: spec.datasets.map((d) => ({
        label: d.label,
        data: d.values,
        backgroundColor: t.colour(d.colour),
        borderColor: t.colour(d.colour),
        borderWidth: spec.type === 'line' ? 2 : 0,
        pointRadius: 5,
        // A finger is wider than a mouse pointer: a larger hit area around each point.
        pointHitRadius: 12,
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
      onClick: (event: ChartEvent, elements: ActiveElement[]) => {
        const hit = elements[0];
        const url = urlOf(hit);
        if (!hit) {
          state.selected = null;
          show(chartHint(spec, isTouch(event)), null);
          return;
        }
        const key = `${hit.datasetIndex}:${hit.index}`;
        if (isTouch(event) && state.selected !== key) {
          // First tap: say what the value is and where it is from; the second tap (or the link) opens it.
          state.selected = key;
          show(describe(hit, true) ?? chartHint(spec, true), url);
          return;
        }
        if (url) window.location.assign(url);
      },
      onHover: (event, elements) => {
        const hit = elements[0];
        const target = event.native?.target;
        if (target instanceof HTMLElement) target.style.cursor = urlOf(hit) ? 'pointer' : 'default';
        const touch = isTouch(event);
        // A finger's selection stays until another tap; a mouse's readout follows the pointer.
        if (touch && state.selected) return;
        if (readout) readout.textContent = (hit && describe(hit, touch)) || chartHint(spec, touch);
      },
      font,
      color: t.text,
      scales: {
        // A line over one or two periods would hug the edges: give it the bar charts' half-category margins.
        [categoryAxis]: spec.positions ? timeAxis(spec.positions, { color: t.text, font, grid: t.grid }) : {
          type: 'category',
          stacked: spec.stacked,
          offset: spec.type === 'bar' || spec.labels.length < 3,
          ticks: { color: t.text, font, ...(spec.horizontal ? { autoSkip: false, callback: (_value: unknown, index: number) => wrapLabel(spec.labels[index] ?? '', maxLabelChars) } : {}) },
          grid: { color: t.grid },
        },
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
  if (readout) readout.textContent = chartHint(spec, touchQuery.matches);
  // The link a tap on a value shows: outside the readout (which screen readers skip: the table has the numbers).
  const open = document.createElement('a');
  open.className = 'chart__open';
  open.hidden = true;
  open.dataset.chartOpen = '';
  open.textContent = spec.stacked ? '查看对应任务 →' : '打开原文 →';
  (readout ?? canvas).after(open);
  const state: ChartState = { selected: null };
  const width = () => frame.clientWidth || canvas.clientWidth || 375;
  const chart = new Chart(canvas, configOf(spec, readout, open, state, width()));
  registry.set(spec.id, chart);

  // Dark mode, the 适老化 switch and a new width change colours, sizes and how labels wrap: redraw with them.
  const restyle = () => {
    const next = configOf(spec, readout, open, state, width());
    chart.options = next.options ?? {};
    next.data.datasets.forEach((d, i) => {
      const current = chart.data.datasets[i];
      if (current) Object.assign(current, { backgroundColor: d.backgroundColor, borderColor: d.borderColor });
    });
    chart.update();
  };
  darkQuery.addEventListener('change', restyle);
  touchQuery.addEventListener('change', () => {
    if (!state.selected && readout) readout.textContent = chartHint(spec, touchQuery.matches);
  });
  new MutationObserver(restyle).observe(document.documentElement, { attributes: true, attributeFilter: ['data-elder'] });
  // A phone turned sideways gives the region names more room: wrap them again (not on every pixel).
  let drawnWidth = width();
  new ResizeObserver(() => {
    if (Math.abs(width() - drawnWidth) < 40) return;
    drawnWidth = width();
    restyle();
  }).observe(frame);
}
