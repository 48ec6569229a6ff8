/**
 * `/measurements`: one chart per measurement type that has readings (blood pressure draws systolic
 * and diastolic), each followed by a table of the same data. Mixed units are converted to the unit
 * most readings use for the chart; the table shows every reading as typed (measurement-series.ts).
 */
import { A } from '@solidjs/router';
import { createMemo, For, Show } from 'solid-js';
import { useApp } from '../../store/app-context.tsx';
import { MeasurementChart } from './measurement-chart.tsx';
import { measurementSeries } from './measurement-series.ts';
import { MeasurementTable } from './measurement-table.tsx';
import { unitText } from './measurement-units.ts';
import { NoProfile } from './no-profile.tsx';
import { useRecordText } from './record-text.ts';
import './record.css';

export function MeasurementsPage() {
  const app = useApp();
  const text = useRecordText();
  const { tr } = text;
  const all = createMemo(() => measurementSeries(app.profileRecords()));
  // Sections are keyed by type, so a new reading redraws its chart instead of rebuilding the page.
  const types = createMemo(() => all().map((series) => series.type), undefined, {
    equals: (a, b) => a.join() === b.join(),
  });

  return (
    <Show when={app.activeProfile()} fallback={<NoProfile title={tr('measurements.title')} />}>
      <section class="stack record-page measurements" aria-labelledby="measurements-title">
        <h1 id="measurements-title">{tr('measurements.title')}</h1>
        <p>{tr('measurements.intro')}</p>
        <p>
          <A class="button" href="/record/measurement/new">
            {tr('measurements.add')}
          </A>
        </p>
        <Show when={types().length > 0} fallback={<p>{tr('measurements.empty')}</p>}>
          <For each={types()}>
            {(type) => {
              const series = () => all().find((s) => s.type === type);
              return (
                <Show when={series()}>
                  {(current) => {
                    const name = () => tr(`measurementTypes.${type}`);
                    const unit = () => unitText(type, current().unit, text);
                    const lines = () =>
                      type === 'blood-pressure'
                        ? [tr('measurements.systolic'), tr('measurements.diastolic')]
                        : [name()];
                    return (
                      <section class="card measurement" aria-labelledby={`measurement-${type}`}>
                        <h2 id={`measurement-${type}`}>{name()}</h2>
                        <Show when={current().converted}>
                          <p class="field__hint">{tr('measurements.converted', { unit: unit() })}</p>
                        </Show>
                        <MeasurementChart
                          series={current()}
                          label={tr('measurements.chartLabel', {
                            type: name(),
                            count: current().readings.length,
                            unit: unit(),
                          })}
                          axisLabel={`${name()} (${unit()})`}
                          lineNames={lines()}
                          timeLabel={tr('measurements.date')}
                          text={text}
                        />
                        <MeasurementTable
                          series={current()}
                          caption={tr('measurements.tableCaption', { type: name() })}
                          text={text}
                        />
                        <p>
                          <A href={`/record/measurement/new?type=${type}`}>
                            {tr('measurements.addType', { type: name() })}
                          </A>
                        </p>
                      </section>
                    );
                  }}
                </Show>
              );
            }}
          </For>
        </Show>
      </section>
    </Show>
  );
}
