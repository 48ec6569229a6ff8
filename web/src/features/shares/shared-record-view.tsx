/**
 * What the practitioner sees of an open share: the patient, the shared sections (and nothing else:
 * parseSnapshot drops any other record) in the patient's own dated views (record-views.tsx: entries
 * newest first with their dates, measurements charted and tabled), the expiry, a Refresh button and a poll every 10 s, and
 * for read + add shares the entry form.
 */
import { createMemo, createSignal, For, Index, onCleanup, onMount, Show } from 'solid-js';
import type { PractitionerProfile } from '../../../../shared/protocol/shares.ts';
import type { PractitionerEntry } from '../../../../shared/schema/practitioner-entry.ts';
import { deviceTimeZone, localDate } from '../../../../shared/time/zoned-time.ts';
import { useI18n } from '../../i18n/i18n-context.tsx';
import type { EntryVerdict } from '../../records/entry-verdict.ts';
import type { RecordEntry } from '../../records/record-service.ts';
import { entryFromDraft } from '../../shares/entry-draft.ts';
import { downloadPrescription } from '../../shares/pdf-download.ts';
import type { Snapshot } from '../../shares/snapshot.ts';
import { useApp } from '../../store/app-context.tsx';
import { SummaryDownloads } from '../exchange/summary-downloads.tsx';
import { ProgrammeFollowUp } from '../exercise/programme-follow-up.tsx';
import { programmesOf, sessionsOf } from '../exercise/programmes.ts';
import { CareNotice } from '../legal/care-notice.tsx';
import { useRecordText } from '../record/record-text.ts';
import { DatedRecordList, MeasurementSections } from '../record/record-views.tsx';
import { EntryForm } from './entry-form.tsx';
import { requireSharing } from './require-sharing.ts';
import { sectionTitle } from './share-error-text.ts';
import { SharedFiles } from './shared-files.tsx';

export interface OpenedShare {
  readonly shareId: string;
  readonly shareKey: Uint8Array;
  readonly passcode: string;
  readonly expiresAt: number;
  readonly snapshot: Snapshot;
  readonly verdicts: ReadonlyMap<string, EntryVerdict>;
  /** A single-use share: already closed by this opening; shown until the page is left, never polled. */
  readonly singleUse?: boolean;
}

const POLL_MS = 10_000;

export function SharedRecordView(props: {
  opened: OpenedShare;
  author: PractitionerProfile;
  refresh: () => Promise<void>;
  refreshedAt: number;
}) {
  const app = useApp();
  const { t, formatDate, locale } = useI18n();
  const text = useRecordText();
  const [sent, setSent] = createSignal<PractitionerEntry[]>([]);
  const snapshot = () => props.opened.snapshot;
  let timer: ReturnType<typeof setInterval> | undefined;
  onMount(() => {
    if (props.opened.singleUse) return;
    timer = setInterval(() => void props.refresh().catch(() => undefined), POLL_MS);
  });
  onCleanup(() => clearInterval(timer));

  // The patient's views take record entries: the snapshot's rows, with the verdicts checked at import.
  const entries = createMemo((): RecordEntry[] =>
    snapshot().records.map((row) => ({
      id: row.id,
      profileId: snapshot().profileId,
      rev: 0,
      updatedAt: 0,
      record: row.record,
      ...(props.opened.verdicts.has(row.id) && { verdict: props.opened.verdicts.get(row.id) }),
    })),
  );
  const recordsOf = (section: string) => entries().filter((entry) => entry.record?.kind === section);
  // Exercise programmes with the sessions the patient logged, followed as on the patient's page.
  const programmes = createMemo(() => programmesOf(entries()));
  const today = () => localDate(props.refreshedAt || Date.now(), deviceTimeZone());

  return (
    <section class="stack" aria-labelledby="shared-title">
      <h1 id="shared-title">{t('shares.open.title')}</h1>
      <CareNotice />
      <p class="share-patient">
        <strong>{t('shares.open.patient', { name: snapshot().patient.name })}</strong>
        <Show when={snapshot().patient.dateOfBirth}>
          {(dob) => <>, {t('shares.open.born', { date: formatDate(dob(), { dateStyle: 'long' }) })}</>}
        </Show>
      </p>
      <p>
        {t('shares.open.expires', {
          date: formatDate(new Date(props.opened.expiresAt), { dateStyle: 'medium', timeStyle: 'short' }),
        })}
      </p>
      <Show when={props.opened.singleUse}>
        <p class="message share-single-use">{t('shares.open.singleUse')}</p>
      </Show>
      {/* CSS display rules beat the hidden attribute: a closed single-use share has no refresh at all. */}
      <Show when={!props.opened.singleUse}>
        <div class="form-actions share-refresh">
          <button
            type="button"
            class="button button--secondary"
            onClick={() => void props.refresh().catch(() => undefined)}
          >
            {t('shares.open.refresh')}
          </button>
          <span role="status">
            {t('shares.open.refreshed', {
              time: formatDate(new Date(props.refreshedAt), { timeStyle: 'medium' }),
            })}
          </span>
        </div>
      </Show>
      <SummaryDownloads
        name={snapshot().patient.name}
        dateOfBirth={snapshot().patient.dateOfBirth}
        records={entries().flatMap((e) => (e.record ? [{ id: e.id, record: e.record }] : []))}
      />
      <Show when={snapshot().files?.length ? snapshot().files : undefined}>
        {(files) => <SharedFiles files={files()} share={props.opened} />}
      </Show>
      <For each={snapshot().sections}>
        {(section) => (
          <section class="share-section stack" aria-labelledby={`shared-${section}`} data-section={section}>
            <h2 id={`shared-${section}`}>{sectionTitle(t, section)}</h2>
            <Show when={recordsOf(section).length > 0} fallback={<p>{t('shares.open.empty')}</p>}>
              <Show
                when={section === 'measurement'}
                fallback={
                  <DatedRecordList
                    entries={recordsOf(section)}
                    text={text}
                    label={sectionTitle(t, section)}
                    readOnly
                  />
                }
              >
                <MeasurementSections
                  entries={recordsOf(section)}
                  text={text}
                  level={3}
                  readOnly
                  idPrefix="shared"
                />
              </Show>
            </Show>
            <Show when={section === 'practitioner-entry'}>
              <Index each={programmes()}>
                {(programme) => (
                  <ProgrammeFollowUp
                    programme={programme()}
                    sessions={sessionsOf(entries(), programme().id)}
                    today={today()}
                    level={3}
                  />
                )}
              </Index>
            </Show>
          </section>
        )}
      </For>
      <Show when={snapshot().mode === 'read-add'} fallback={<p>{t('shares.open.readOnly')}</p>}>
        <EntryForm
          onSubmit={async (draft, file) => {
            const practitioner = {
              name: props.author.name,
              profession: props.author.profession,
              ...(props.author.specialty ? { specialty: props.author.specialty } : {}),
              ...(props.author.professionalId ? { professionalId: props.author.professionalId } : {}),
              idSelfDeclared: true as const,
            };
            const entry = entryFromDraft(draft, practitioner, new Date().toISOString());
            await requireSharing(app).sendEntry({
              ...props.opened,
              author: props.author,
              entry,
              ...(file ? { file } : {}),
            });
            setSent([...sent(), entry]);
          }}
        />
        <Show when={sent().length > 0}>
          <p class="message" role="status">
            {t('shares.entry.sent')}
          </p>
          <h2 id="entries-sent-title">{t('shares.entry.sentList')}</h2>
          <ul class="list" aria-labelledby="entries-sent-title">
            <For each={sent()}>
              {(entry) => (
                <li class="list__item share-sent">
                  <span>
                    <strong>{entry.title}</strong> — {t(`shares.entry.types.${entry.entryType}`)} —{' '}
                    {formatDate(new Date(entry.createdAt), { timeStyle: 'short' })}
                  </span>
                  <Show when={entry.entryType === 'prescription' ? entry : undefined}>
                    {(rx) => (
                      <button
                        type="button"
                        class="button button--secondary"
                        onClick={() =>
                          void downloadPrescription({
                            entry: rx(),
                            patientName: snapshot().patient.name,
                            dateOfBirth: snapshot().patient.dateOfBirth,
                            place: props.author.city ?? '…',
                            locale: locale() === 'fr' ? 'fr' : 'en',
                          })
                        }
                      >
                        {t('shares.entry.pdf')}
                      </button>
                    )}
                  </Show>
                </li>
              )}
            </For>
          </ul>
        </Show>
      </Show>
    </section>
  );
}
