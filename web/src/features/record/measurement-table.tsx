/** The data of a measurement chart as a table, newest first, each reading as it was typed. */
import { A } from '@solidjs/router';
import { For, Show } from 'solid-js';
import type { MeasurementSeries } from './measurement-series.ts';
import { unitText } from './measurement-units.ts';
import { DATE_TIME, type RecordText, SHORT_DATE_TIME } from './record-text.ts';

export interface MeasurementTableProps {
  series: MeasurementSeries;
  caption: string;
  text: RecordText;
  /** Without the column of links to edit each reading. */
  readOnly?: boolean;
}

export function MeasurementTable(props: MeasurementTableProps) {
  const { tr, formatDate, formatNumber } = props.text;
  const pressure = () => props.series.type === 'blood-pressure';
  const rows = () => [...props.series.readings].reverse();
  const withUnit = (value: number, unit: string) =>
    `${formatNumber(value)} ${unitText(props.series.type, unit, props.text)}`;

  return (
    <div class="table-scroll">
      <table class="data-table">
        <caption>{props.caption}</caption>
        <thead>
          <tr>
            <th scope="col">{tr('measurements.date')}</th>
            <Show when={pressure()} fallback={<th scope="col">{tr('measurements.value')}</th>}>
              <th scope="col">{tr('measurements.systolic')}</th>
              <th scope="col">{tr('measurements.diastolic')}</th>
            </Show>
            <th scope="col">{tr('measurements.note')}</th>
            <Show when={!props.readOnly}>
              <th scope="col">
                <span class="visually-hidden">{tr('actions.edit')}</span>
              </th>
            </Show>
          </tr>
        </thead>
        <tbody>
          <For each={rows()}>
            {(reading) => {
              const record = reading.record;
              const when = () => formatDate(record.measuredAt, DATE_TIME);
              // The short form on one line: the long one wrapped over five lines on a phone.
              const shown = () => formatDate(record.measuredAt, SHORT_DATE_TIME);
              return (
                <tr>
                  <th scope="row" class="data-table__when">
                    <time datetime={record.measuredAt}>{shown()}</time>
                  </th>
                  {record.type === 'blood-pressure' ? (
                    <>
                      <td class="data-table__value">{withUnit(record.systolic, record.unit)}</td>
                      <td class="data-table__value">{withUnit(record.diastolic, record.unit)}</td>
                    </>
                  ) : (
                    <td class="data-table__value">{withUnit(record.value, record.unit)}</td>
                  )}
                  <td>{record.note ?? ''}</td>
                  <Show when={!props.readOnly}>
                    <td>
                      <A href={`/record/measurement/${reading.id}`}>
                        {tr('actions.edit')}
                        <span class="visually-hidden"> {when()}</span>
                      </A>
                    </td>
                  </Show>
                </tr>
              );
            }}
          </For>
        </tbody>
      </table>
    </div>
  );
}
