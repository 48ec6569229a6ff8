/**
 * One entry in a list: its date, key facts and a link to open it. An entry that could not be
 * decrypted or failed its schema check is shown as unreadable, never as data. A conflicting copy
 * (two devices changed the same field) says so and links to the version that was kept.
 */
import { A } from '@solidjs/router';
import { Show } from 'solid-js';
import type { RecordEntry } from '../../records/record-service.ts';
import { useApp } from '../../store/app-context.tsx';
import { isConflictCopy } from '../../sync/conflict-copy.ts';
import { versionText } from './conflict-text.ts';
import { entryHref, isWritableKind } from './kinds.ts';
import { clinicalDate } from './record-dates.ts';
import { DATE_TIME, type RecordText } from './record-text.ts';
import { summarize } from './summary.ts';

export interface RecordItemProps {
  entry: RecordEntry;
  text: RecordText;
  /** Show the kind ("Allergy") above the facts: lists that mix kinds need it. */
  showKind?: boolean;
  /** Without the link to open the entry's form (the practitioner's view of a share). */
  readOnly?: boolean;
}

export function formatClinicalDate(date: string, { formatDate }: RecordText): string {
  return date.length === 10 ? formatDate(date) : formatDate(date, DATE_TIME);
}

export function RecordItem(props: RecordItemProps) {
  const { tr } = props.text;
  return (
    <li class="list__item record-item">
      <Show
        when={props.entry.record}
        fallback={<p class="record-item__problem">{tr('timeline.unreadable')}</p>}
      >
        {(record) => {
          const summary = () => summarize(record(), props.text, props.entry.verdict);
          const date = () => clinicalDate(record());
          const action = () =>
            record().kind === 'document'
              ? tr('timeline.openDocuments')
              : isWritableKind(record().kind)
                ? tr('actions.edit')
                : tr('actions.view');
          return (
            <>
              <div class="record-item__body">
                <p class="record-item__meta">
                  <Show when={props.showKind}>
                    <span class="record-item__kind">{tr(`kinds.${record().kind}`)}</span>
                  </Show>
                  <Show when={date()}>
                    {(value) => <time datetime={value()}>{formatClinicalDate(value(), props.text)}</time>}
                  </Show>
                </p>
                <Show when={isConflictCopy(props.entry.id)}>
                  <p class="record-item__conflict">
                    <strong>{tr('timeline.conflictCopy')}</strong>{' '}
                    {tr('timeline.conflictCopyHint', {
                      version: versionText(props.entry, useApp().thisDevice().id, props.text),
                    })}{' '}
                    <A href={`/conflicts/${props.entry.id}`}>
                      {tr('timeline.conflictOriginal')}
                      <span class="visually-hidden"> — {summarize(record(), props.text).title}</span>
                    </A>
                  </p>
                </Show>
                <p class="record-item__facts">
                  <span class="record-item__title">{summary().title}</span>
                  {summary()
                    .details.map((detail) => ` — ${detail}`)
                    .join('')}
                </p>
              </div>
              <Show when={!props.readOnly}>
                <A class="record-item__link" href={entryHref(record().kind, props.entry.id)}>
                  {action()}
                  <span class="visually-hidden"> {summary().title}</span>
                </A>
              </Show>
            </>
          );
        }}
      </Show>
    </li>
  );
}
