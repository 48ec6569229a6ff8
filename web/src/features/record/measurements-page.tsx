/**
 * `/measurements`: one chart per measurement type that has readings (blood pressure draws systolic
 * and diastolic), each followed by a table of the same data. Mixed units are converted to the unit
 * most readings use for the chart; the table shows every reading as typed (measurement-series.ts).
 */
import { A } from '@solidjs/router';
import { Show } from 'solid-js';
import { useApp } from '../../store/app-context.tsx';
import { NoProfile } from './no-profile.tsx';
import { useRecordText } from './record-text.ts';
import { MeasurementSections } from './record-views.tsx';
import './record.css';

export function MeasurementsPage() {
  const app = useApp();
  const text = useRecordText();
  const { tr } = text;

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
        <Show
          when={app.profileRecords().some((e) => e.record?.kind === 'measurement')}
          fallback={<p>{tr('measurements.empty')}</p>}
        >
          <MeasurementSections entries={app.profileRecords()} text={text} addLinks />
        </Show>
      </section>
    </Show>
  );
}
