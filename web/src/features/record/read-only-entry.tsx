/**
 * Entries the patient cannot change here: practitioner entries (signed by the practitioner) and
 * consultation summaries. Shown as a list of facts; there is no form and no delete.
 */
import { For, type JSX, Show } from 'solid-js';
import type { Consultation } from '../../../../shared/schema/consultation.ts';
import type { PractitionerEntry } from '../../../../shared/schema/practitioner-entry.ts';
import type { EntryVerdict } from '../../records/entry-verdict.ts';
import { CareNotice } from '../legal/care-notice.tsx';
import { EntryVerdictView } from './entry-verdict-view.tsx';
import { DATE_TIME, type RecordText, useRecordText } from './record-text.ts';

interface Fact {
  readonly label: string;
  readonly value: string;
  /** Several lines (a prescription's items), shown as a list. */
  readonly lines?: readonly string[];
}

function practitionerFacts(entry: PractitionerEntry, { tr, formatDate }: RecordText): Fact[] {
  const who = entry.practitioner;
  const facts: Fact[] = [
    { label: tr('fields.entryType'), value: tr(`options.entryType.${entry.entryType}`) },
    {
      label: tr('fields.practitioner'),
      value: [who.name, who.profession, who.specialty].filter(Boolean).join(', '),
    },
    { label: tr('fields.createdAt'), value: formatDate(entry.createdAt, DATE_TIME) },
  ];
  if (entry.body) facts.push({ label: tr('fields.body'), value: entry.body });
  if (entry.entryType === 'prescription') {
    facts.push({
      label: tr('fields.items'),
      value: '',
      lines: entry.items.map((item) =>
        [item.medication, item.dosage, item.duration, item.quantity].filter(Boolean).join(' — '),
      ),
    });
  }
  if (entry.entryType === 'exercise-programme') {
    facts.push({
      label: tr('fields.exercises'),
      value: '',
      lines: entry.exercises.map((exercise) =>
        [exercise.name, exercise.frequency, exercise.instructions].filter(Boolean).join(' — '),
      ),
    });
  }
  return facts;
}

function consultationFacts(entry: Consultation, { tr, formatDate, formatNumber }: RecordText): Fact[] {
  const facts: Fact[] = [
    { label: tr('fields.practitioner'), value: entry.practitionerName },
    { label: tr('fields.startedAt'), value: formatDate(entry.startedAt, DATE_TIME) },
    {
      label: tr('fields.duration'),
      value: tr('summary.minutes', { n: Math.round(entry.durationSeconds / 60) }),
    },
    {
      label: tr('fields.amount'),
      value: formatNumber(entry.amountCents / 100, { style: 'currency', currency: entry.currency }),
    },
  ];
  if (entry.note) facts.push({ label: tr('fields.note'), value: entry.note });
  return facts;
}

export function ReadOnlyEntry(props: {
  record: PractitionerEntry | Consultation;
  verdict: EntryVerdict | undefined;
}) {
  const record = props.record;
  if (record.kind === 'practitioner-entry') {
    return (
      <EntryVerdictView record={record} verdict={props.verdict}>
        {(checked, verdict) => <ReadOnlyFacts record={checked} verdict={verdict} />}
      </EntryVerdictView>
    );
  }
  return <ReadOnlyFacts record={record} />;
}

function ReadOnlyFacts(props: { record: PractitionerEntry | Consultation; verdict?: JSX.Element }) {
  const text = useRecordText();
  const facts = () =>
    props.record.kind === 'practitioner-entry'
      ? practitionerFacts(props.record, text)
      : consultationFacts(props.record, text);
  const title = () =>
    props.record.kind === 'practitioner-entry' ? props.record.title : text.tr('kinds.consultation');
  return (
    <section class="stack" aria-labelledby="record-entry-title">
      <h1 id="record-entry-title">{title()}</h1>
      {props.verdict}
      <p class="message">{text.tr('kindPage.readOnly')}</p>
      <CareNotice />
      <dl class="card facts">
        <For each={facts()}>
          {(fact) => (
            <div class="facts__row">
              <dt>{fact.label}</dt>
              <dd>
                <Show when={fact.lines} fallback={fact.value}>
                  {(lines) => (
                    <ul class="facts__lines">
                      <For each={lines()}>{(line) => <li>{line}</li>}</For>
                    </ul>
                  )}
                </Show>
              </dd>
            </div>
          )}
        </For>
      </dl>
    </section>
  );
}
