/**
 * The record's dated views, shared by the patient's pages and the practitioner's view of a share
 * (features/shares): measurement charts each followed by its table, and lists of entries newest
 * first, each with its clinical date. `readOnly` drops the links to edit (a practitioner sees the
 * patient's entries, never their forms).
 */
import { A } from '@solidjs/router';
import { createMemo, For, Show } from 'solid-js';
import type { RecordEntry } from '../../records/record-service.ts';
import { MeasurementChart } from './measurement-chart.tsx';
import { measurementSeries } from './measurement-series.ts';
import { MeasurementTable } from './measurement-table.tsx';
import { unitText } from './measurement-units.ts';
import { sortByClinicalDate } from './record-dates.ts';
import { RecordItem } from './record-item.tsx';
import type { RecordText } from './record-text.ts';
import './record.css';

export interface MeasurementSectionsProps {
  entries: readonly RecordEntry[];
  text: RecordText;
  /** The heading level of each measurement type (2 on its own page, 3 inside a section). */
  level?: 2 | 3;
  /** A link to add a reading of each type, for the patient. */
  addLinks?: boolean;
  readOnly?: boolean;
  /** Prefixes element ids, so two views on one page do not clash. */
  idPrefix?: string;
}

/** One chart per measurement type that has readings, then the same readings as a table. */
export function MeasurementSections(props: MeasurementSectionsProps) {
  const { tr } = props.text;
  const all = createMemo(() => measurementSeries(props.entries));
  // Sections are keyed by type, so a new reading redraws its chart instead of rebuilding the page.
  const types = createMemo(() => all().map((series) => series.type), undefined, {
    equals: (a, b) => a.join() === b.join(),
  });
  const prefix = () => props.idPrefix ?? 'measurement';
  return (
    <For each={types()}>
      {(type) => {
        const series = () => all().find((s) => s.type === type);
        return (
          <Show when={series()}>
            {(current) => {
              const name = () => tr(`measurementTypes.${type}`);
              const unit = () => unitText(type, current().unit, props.text);
              const lines = () =>
                type === 'blood-pressure'
                  ? [tr('measurements.systolic'), tr('measurements.diastolic')]
                  : [name()];
              const headingId = `${prefix()}-${type}`;
              return (
                <section class="card measurement" aria-labelledby={headingId} data-measurement={type}>
                  <Show when={props.level === 3} fallback={<h2 id={headingId}>{name()}</h2>}>
                    <h3 id={headingId}>{name()}</h3>
                  </Show>
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
                    text={props.text}
                  />
                  <MeasurementTable
                    series={current()}
                    caption={tr('measurements.tableCaption', { type: name() })}
                    text={props.text}
                    readOnly={props.readOnly}
                  />
                  <Show when={props.addLinks}>
                    <p>
                      <A href={`/record/measurement/new?type=${type}`}>
                        {tr('measurements.addType', { type: name() })}
                      </A>
                    </p>
                  </Show>
                </section>
              );
            }}
          </Show>
        );
      }}
    </For>
  );
}

/** Entries newest first by their clinical date, each showing it; undated ones last. */
export function DatedRecordList(props: {
  entries: readonly RecordEntry[];
  text: RecordText;
  label?: string;
  readOnly?: boolean;
}) {
  const sorted = createMemo(() => sortByClinicalDate(props.entries));
  return (
    <ul class="list record-list" aria-label={props.label}>
      <For each={sorted()}>
        {(entry) => <RecordItem entry={entry} text={props.text} readOnly={props.readOnly} />}
      </For>
    </ul>
  );
}
