/**
 * Pain and difficulty (0–10) over the logged sessions, one uPlot chart. A canvas says nothing to
 * assistive technology: the chart is an image with a text alternative, and the session table that
 * follows it carries the same figures. It follows its box's width (a narrowed window, a phone turned).
 */
import { createEffect, onCleanup, onMount } from 'solid-js';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';

export interface TrendPoint {
  readonly date: string;
  readonly pain: number | null;
  readonly difficulty: number | null;
}

const HEIGHT = 220;
/** Below this the labels no longer fit; the box clips (overflow: hidden) rather than squeeze. */
export const MIN_WIDTH = 200;

function cssColour(name: string, fallback: string): string {
  return getComputedStyle(document.documentElement).getPropertyValue(name).trim() || fallback;
}

export function TrendChart(props: {
  points: readonly TrendPoint[];
  label: string;
  painLabel: string;
  difficultyLabel: string;
  formatDate: (date: string) => string;
}) {
  let box: HTMLDivElement | undefined;
  let chart: uPlot | undefined;

  createEffect(() => {
    const points = props.points;
    if (!box) return;
    chart?.destroy();
    const text = cssColour('--text', '#1b2422');
    const grid = cssColour('--border', '#c9d3d0');
    const colours = [cssColour('--focus', '#9a3412'), cssColour('--accent', '#0f5c57')];
    // One x slot per session, in order: dates would stack several sessions of one day on a point.
    const xs = points.map((_, i) => i);
    const label = (i: number) => {
      const p = points[Math.round(i)];
      return p ? props.formatDate(p.date) : '';
    };
    const line = (name: string, i: number) => ({
      label: name,
      stroke: colours[i] ?? text,
      width: 2,
      dash: i === 1 ? [8, 5] : undefined,
      points: { show: true, size: 7, fill: colours[i] ?? text },
    });
    chart = new uPlot(
      {
        width: Math.max(box.clientWidth, MIN_WIDTH),
        height: HEIGHT,
        cursor: { drag: { x: false, y: false } },
        scales: { x: { time: false }, y: { range: [0, 10] } },
        series: [
          { label: '', value: (_u, i) => (i === null ? '—' : label(i)) },
          line(props.painLabel, 0),
          line(props.difficultyLabel, 1),
        ],
        axes: [
          {
            stroke: text,
            grid: { stroke: grid, width: 1 },
            ticks: { stroke: grid, width: 1 },
            // A label every few sessions, so they never overlap on a phone.
            splits: () => xs.filter((i) => i % Math.max(1, Math.ceil(xs.length / 5)) === 0),
            values: (_u, splits) => splits.map((i) => label(i)),
          },
          { stroke: text, grid: { stroke: grid, width: 1 }, ticks: { stroke: grid, width: 1 } },
        ],
      },
      [xs, points.map((p) => p.pain), points.map((p) => p.difficulty)] as uPlot.AlignedData,
      box,
    );
  });
  onMount(() => {
    const observer = new ResizeObserver(() => {
      const width = Math.max(box?.clientWidth ?? 0, MIN_WIDTH);
      if (box && chart && box.clientWidth > 0 && width !== chart.width)
        chart.setSize({ width, height: HEIGHT });
    });
    if (box) observer.observe(box);
    onCleanup(() => observer.disconnect());
  });
  onCleanup(() => chart?.destroy());

  return <div ref={box} class="exercise-chart" role="img" aria-label={props.label} />;
}
