/**
 * `/conflicts/:id`: one conflicting copy (sync/conflict-copy.ts) beside the version the sync kept.
 * Each version says which device saved it and when; the fields that differ are side by side; the
 * user keeps version A, version B, both, or a field-by-field merge (sync/conflict-resolution.ts).
 * Resolving writes through the ordinary record service, so it syncs like any edit: the copy's
 * deletion and the kept record's new version reach the other devices, which then hold one entry.
 */
import { A, useParams } from '@solidjs/router';
import { createMemo, createSignal, For, Show } from 'solid-js';
import type { ClinicalRecord } from '../../../../shared/schema/record.ts';
import { useI18n } from '../../i18n/i18n-context.tsx';
import type { RecordEntry } from '../../records/record-service.ts';
import { useApp } from '../../store/app-context.tsx';
import { conflictCopyRoot, isConflictCopy } from '../../sync/conflict-copy.ts';
import {
  differingFields,
  planResolution,
  type Resolution,
  type Side,
} from '../../sync/conflict-resolution.ts';
import { createSubmit } from '../../ui/create-submit.ts';
import { errorText } from '../../ui/error-text.ts';
import { FormError } from '../../ui/form-error.tsx';
import { fieldLabel, valueText, versionText } from './conflict-text.ts';
import { entryHref } from './kinds.ts';
import { NoProfile } from './no-profile.tsx';
import { useRecordText } from './record-text.ts';
import { summarize } from './summary.ts';
import './record.css';

type Choice = Resolution['choice'];

export function ConflictPage() {
  const app = useApp();
  const params = useParams<{ id: string }>();
  const { tr } = useRecordText();
  return (
    <Show when={app.activeProfile()} fallback={<NoProfile title={tr('conflict.title')} />}>
      <ConflictView id={params.id} />
    </Show>
  );
}

function ConflictView(props: { id: string }) {
  const app = useApp();
  const { t } = useI18n();
  const text = useRecordText();
  const { tr } = text;
  const entryOf = (id: string) => app.profileRecords().find((e) => e.id === id && e.record !== null);
  const copy = createMemo(() => (isConflictCopy(props.id) ? entryOf(props.id) : undefined));
  const kept = createMemo(() => entryOf(conflictCopyRoot(props.id)));
  const [picks, setPicks] = createSignal<Record<string, Side>>({});
  const [error, setError] = createSignal<string | null>(null);
  const [done, setDone] = createSignal<{ message: string; href: string } | null>(null);
  let choice: Choice = 'keep-kept';

  async function resolve(keptEntry: RecordEntry, copyEntry: RecordEntry) {
    const keptRecord = keptEntry.record as ClinicalRecord;
    const copyRecord = copyEntry.record as ClinicalRecord;
    const resolution: Resolution =
      choice === 'merge' ? { choice, picks: picks() } : ({ choice } as Resolution);
    const plan = planResolution(keptRecord, copyRecord, resolution);
    // The kept record first, at the rev shown: if it moved meanwhile, nothing is deleted.
    if (plan.replaceKept) await app.updateRecord(keptEntry.id, plan.replaceKept, keptEntry.rev);
    const added = plan.addRecord ? await app.addRecord(plan.addRecord) : undefined;
    await app.deleteRecord(copyEntry.id);
    setDone({
      message: tr(added ? 'conflict.resolvedBoth' : 'conflict.resolved'),
      href: entryHref(keptRecord.kind, keptEntry.id),
    });
  }

  /** The copy without its kept version: kept as an ordinary entry ("keep-both"), or deleted. */
  async function resolveAlone(copyEntry: RecordEntry) {
    const record = copyEntry.record as ClinicalRecord;
    const added = choice === 'keep-both' ? await app.addRecord(record) : undefined;
    await app.deleteRecord(copyEntry.id);
    setDone({
      message: tr(added ? 'conflict.keptAlone' : 'conflict.deletedAlone'),
      href: added ? entryHref(record.kind, added.id) : '/record',
    });
  }

  const submitWith = (event: SubmitEvent) => {
    choice = ((event.submitter as HTMLButtonElement | null)?.value ?? 'keep-kept') as Choice;
    void form.submit(event);
  };

  const form = createSubmit({
    clear: () => setError(null),
    run: async () => {
      const [k, c] = [kept(), copy()];
      if (k && c) await resolve(k, c);
      else if (c) await resolveAlone(c);
    },
    fail: (caught) => setError(errorText(t, caught)),
  });

  return (
    <section class="stack record-page conflict" aria-labelledby="conflict-title">
      <h1 id="conflict-title">{tr('conflict.title')}</h1>
      <Show
        when={!done() && kept() && copy() ? ([kept(), copy()] as const) : undefined}
        fallback={
          <Show
            when={!done() && copy()}
            fallback={
              <>
                <p class="message" role="status">
                  {done()?.message ?? tr('conflict.gone')}
                </p>
                <p>
                  <Show when={done()} fallback={<A href="/record">{tr('conflict.back')}</A>}>
                    {(finished) => <A href={finished().href}>{tr('conflict.open')}</A>}
                  </Show>
                </p>
              </>
            }
          >
            {(alone) => (
              // The kept version was deleted meanwhile: this copy is all that is left of the entry.
              <form class="stack" novalidate onSubmit={(event) => submitWith(event)}>
                <p>{tr('conflict.alone')}</p>
                <p class="card conflict__version">
                  <strong>{summarize(alone().record as ClinicalRecord, text).title}</strong>{' '}
                  <span class="conflict__origin">{versionText(alone(), app.thisDevice().id, text)}</span>
                </p>
                <FormError text={error()} />
                <div class="form-actions conflict__actions">
                  <button type="submit" class="button" value="keep-both" disabled={form.busy()}>
                    {tr('conflict.keepAlone')}
                  </button>
                  <button
                    type="submit"
                    class="button button--secondary"
                    value="keep-kept"
                    disabled={form.busy()}
                  >
                    {tr('conflict.deleteAlone')}
                  </button>
                </div>
              </form>
            )}
          </Show>
        }
      >
        {(pair) => {
          const [keptEntry, copyEntry] = pair() as readonly [RecordEntry, RecordEntry];
          const keptRecord = keptEntry.record as ClinicalRecord;
          const copyRecord = copyEntry.record as ClinicalRecord;
          const fields = () => differingFields(keptRecord, copyRecord);
          const title = () => summarize(keptRecord, text, keptEntry.verdict).title;
          const me = app.thisDevice().id;
          const versions = [
            { key: 'kept' as const, name: tr('conflict.versionA'), letter: 'A', entry: keptEntry },
            { key: 'copy' as const, name: tr('conflict.versionB'), letter: 'B', entry: copyEntry },
          ];
          return (
            <form class="stack" novalidate onSubmit={submitWith}>
              <p>{tr('conflict.intro', { title: title() })}</p>
              <ul class="conflict__versions">
                <For each={versions}>
                  {(version) => (
                    <li class="card conflict__version" data-version={version.letter}>
                      <strong>{version.name}</strong>{' '}
                      <span class="conflict__origin">{versionText(version.entry, me, text)}</span>
                    </li>
                  )}
                </For>
              </ul>
              <FormError text={error()} />
              <Show when={fields().length > 0} fallback={<p>{tr('conflict.same')}</p>}>
                <p id="conflict-merge-hint" class="field__hint">
                  {tr('conflict.mergeHint')}
                </p>
                <div class="table-scroll">
                  <table class="data-table conflict__table">
                    <caption>{tr('conflict.differs')}</caption>
                    <thead>
                      <tr>
                        <th scope="col">{tr('conflict.field')}</th>
                        <th scope="col">{tr('conflict.versionA')}</th>
                        <th scope="col">{tr('conflict.versionB')}</th>
                      </tr>
                    </thead>
                    <tbody>
                      <For each={fields()}>
                        {(field) => {
                          const label = () => fieldLabel(keptRecord.kind, field, text);
                          return (
                            <tr data-field={field}>
                              <th scope="row">{label()}</th>
                              <For each={versions}>
                                {(version) => {
                                  const id = `conflict-${field}-${version.letter}`;
                                  const record = version.entry.record as Record<string, unknown>;
                                  return (
                                    <td>
                                      <label class="conflict__pick" for={id}>
                                        <input
                                          id={id}
                                          type="radio"
                                          name={`conflict-${field}`}
                                          value={version.key}
                                          checked={(picks()[field] ?? 'kept') === version.key}
                                          aria-describedby="conflict-merge-hint"
                                          onChange={() => setPicks({ ...picks(), [field]: version.key })}
                                        />
                                        <span class="visually-hidden">
                                          {tr('conflict.use', { version: version.letter, field: label() })}:{' '}
                                        </span>
                                        <span>{valueText(keptRecord.kind, field, record[field], text)}</span>
                                      </label>
                                    </td>
                                  );
                                }}
                              </For>
                            </tr>
                          );
                        }}
                      </For>
                    </tbody>
                  </table>
                </div>
              </Show>
              <div class="form-actions conflict__actions">
                <button type="submit" class="button" value="keep-kept" disabled={form.busy()}>
                  {tr('conflict.keepA')}
                </button>
                <button type="submit" class="button" value="keep-copy" disabled={form.busy()}>
                  {tr('conflict.keepB')}
                </button>
                <Show when={fields().length > 0}>
                  <button type="submit" class="button button--secondary" value="merge" disabled={form.busy()}>
                    {tr('conflict.merge')}
                  </button>
                  <button
                    type="submit"
                    class="button button--secondary"
                    value="keep-both"
                    disabled={form.busy()}
                  >
                    {tr('conflict.keepBoth')}
                  </button>
                </Show>
              </div>
            </form>
          );
        }}
      </Show>
    </section>
  );
}
