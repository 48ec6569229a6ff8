/**
 * One uPlot line chart. Canvas charts say nothing to assistive technology, so the chart is an image
 * with a text alternative and the same data follows as a table (measurement-table.tsx). uPlot sets
 * its element styles through the CSSOM, which the CSP allows; nothing here writes a style attribute.
 */
import { createEffect, createSignal, onCleanup, onMount } from 'solid-js';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import { chartData, type MeasurementSeries } from './measurement-series.ts';
import { DATE_TIME, type RecordText } from './record-text.ts';
import { TICK_GAP, timeTicks } from './time-ticks.ts';

export interface MeasurementChartProps {
  series: MeasurementSeries;
  /** The text alternative of the chart. */
  label: string;
  /** The y axis title, with its unit. */
  axisLabel: string;
  /** One name per line: ["Systolic", "Diastolic"] or ["Weight"]. */
  lineNames: readonly string[];
  /** The legend's name for the x value ("Date and time"). */
  timeLabel: string;
  text: RecordText;
}

const HEIGHT = 260;

function cssColour(name: string, fallback: string): string {
  return getComputedStyle(document.documentElement).getPropertyValue(name).trim() || fallback;
}

export function MeasurementChart(props: MeasurementChartProps) {
  let box: HTMLDivElement | undefined;
  let chart: uPlot | undefined;
  // Colours are read from the CSS variables when the chart is built: rebuild when the scheme flips.
  const darkQuery = window.matchMedia('(prefers-color-scheme: dark)');
  const [dark, setDark] = createSignal(darkQuery.matches);
  const onScheme = (event: MediaQueryListEvent) => setDark(event.matches);
  darkQuery.addEventListener('change', onScheme);
  onCleanup(() => darkQuery.removeEventListener('change', onScheme));

  const build = () => {
    dark();
    if (!box) return;
    chart?.destroy();
    const { formatDate, formatNumber } = props.text;
    const text = cssColour('--text', '#1b2422');
    const grid = cssColour('--border', '#c9d3d0');
    const colours = [cssColour('--accent', '#0f5c57'), cssColour('--focus', '#9a3412')];
    const number = (value: number | null) =>
      value === null || Number.isNaN(value) ? '—' : formatNumber(value, { maximumFractionDigits: 2 });
    const options: uPlot.Options = {
      width: Math.max(box.clientWidth, 280),
      height: HEIGHT,
      // Room on the right for a date label centred on the last tick ("Nov 2026" at the edge).
      padding: [null, TICK_GAP / 2, null, null],
      cursor: { drag: { x: false, y: false } },
      series: [
        {
          label: props.timeLabel,
          value: (_u, seconds) => (seconds === null ? '—' : formatDate(seconds * 1000, DATE_TIME)),
        },
        ...props.lineNames.map((name, i) => ({
          label: name,
          stroke: colours[i] ?? text,
          width: 2,
          // The second line is dashed, so the two differ without relying on colour.
          dash: i === 1 ? [8, 5] : undefined,
          points: { show: true, size: 7, fill: colours[i] ?? text },
          value: (_u: uPlot, value: number | null) => number(value),
        })),
      ],
      axes: [
        {
          stroke: text,
          grid: { stroke: grid, width: 1 },
          ticks: { stroke: grid, width: 1 },
          // Our own ticks: round boundaries, as many labels as the width holds (time-ticks.ts).
          splits: (u, _axis, min, max) => timeTicks(min, max, u.bbox.width / devicePixelRatio).ticks,
          values: (u, splits) => {
            const min = u.scales.x?.min ?? 0;
            const max = u.scales.x?.max ?? 0;
            const { format } = timeTicks(min, max, u.bbox.width / devicePixelRatio);
            return splits.map((seconds) => formatDate(seconds * 1000, format));
          },
        },
        {
          label: props.axisLabel,
          stroke: text,
          size: 60,
          grid: { stroke: grid, width: 1 },
          ticks: { stroke: grid, width: 1 },
          values: (_u, splits) => splits.map((value) => number(value)),
        },
      ],
    };
    chart = new uPlot(options, chartData(props.series) as uPlot.AlignedData, box);
  };

  onMount(() => {
    const observer = new ResizeObserver(() => {
      if (box && chart && box.clientWidth > 0 && box.clientWidth !== chart.width) {
        chart.setSize({ width: box.clientWidth, height: HEIGHT });
      }
    });
    if (box) observer.observe(box);
    onCleanup(() => observer.disconnect());
  });
  // Rebuilt when the data or the language changes (labels and formats are baked into the chart).
  createEffect(build);
  onCleanup(() => chart?.destroy());

  return <div ref={box} class="measurement-chart" role="img" aria-label={props.label} />;
}
