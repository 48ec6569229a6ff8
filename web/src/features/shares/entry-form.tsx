/**
 * The practitioner's entry form (read + add shares): a note, a diagnosis, a prescription (items:
 * medication, dosage, duration) or an exercise programme. On submit the entry is signed with the
 * practitioner's identity key and sealed to the patient's public key (send-entry.ts). A file may
 * be attached (a report, a scanned result): encrypted under the share key, its SHA-256 signed with
 * the entry.
 */
import { createSignal, For, Index, Match, Show, Switch } from 'solid-js';
import { MAX_DOCUMENT_BYTES } from '../../../../shared/schema/document.ts';
import { PRACTITIONER_ENTRY_TYPES } from '../../../../shared/schema/practitioner-entry.ts';
import { deviceTimeZone, localDate } from '../../../../shared/time/zoned-time.ts';
import { useI18n } from '../../i18n/i18n-context.tsx';
import type { EntryDraft, EntryType, Row } from '../../shares/entry-draft.ts';
import type { EntryFile } from '../../shares/send-entry.ts';
import { createSubmit } from '../../ui/create-submit.ts';
import { FormError } from '../../ui/form-error.tsx';
import { shareErrorText } from './share-error-text.ts';

export function EntryForm(props: { onSubmit: (draft: EntryDraft, file?: EntryFile) => Promise<void> }) {
  const { t } = useI18n();
  const [file, setFile] = createSignal<File | null>(null);
  let fileInput: HTMLInputElement | undefined;
  const [entryType, setEntryType] = createSignal<EntryType>('prescription');
  const [title, setTitle] = createSignal('');
  const [body, setBody] = createSignal('');
  const [rows, setRows] = createSignal<Row[]>([{ a: '', b: '', c: '' }]);
  const [error, setError] = createSignal<string | null>(null);
  // A programme starts today where the practitioner is, unless they pick another day.
  const freshPlan = () => ({
    startDate: localDate(Date.now(), deviceTimeZone()),
    endDate: '',
    sessionsPerWeek: '',
  });
  const [plan, setPlan] = createSignal(freshPlan());
  const setPlanField = (field: 'startDate' | 'endDate' | 'sessionsPerWeek', value: string) =>
    setPlan({ ...plan(), [field]: value });
  const listed = () => entryType() === 'prescription' || entryType() === 'exercise-programme';
  const setRow = (index: number, field: keyof Row, value: string) =>
    setRows((list) => list.map((row, i) => (i === index ? { ...row, [field]: value } : row)));

  const filled = () => rows().filter((r) => r.a.trim() !== '');

  const { busy, submit } = createSubmit({
    clear: () => setError(null),
    validate: () => {
      if ((file()?.size ?? 0) > MAX_DOCUMENT_BYTES || file()?.size === 0) {
        setError(t('shares.entry.fileTooLarge'));
        return false;
      }
      if (title().trim() !== '' && (listed() ? filled().length > 0 : body().trim() !== '')) return true;
      const missing = {
        note: 'requiredText',
        diagnosis: 'requiredText',
        prescription: 'required',
        'exercise-programme': 'requiredExercise',
      } as const;
      setError(t(`shares.entry.${missing[entryType()]}`));
      return false;
    },
    run: async () => {
      const picked = file();
      const attached = picked
        ? {
            bytes: new Uint8Array(await picked.arrayBuffer()),
            name: picked.name,
            mediaType: picked.type || 'application/octet-stream',
          }
        : undefined;
      await props.onSubmit(
        {
          entryType: entryType(),
          title: title().trim(),
          body: body().trim(),
          rows: filled(),
          ...(entryType() === 'exercise-programme' ? { plan: plan() } : {}),
        },
        attached,
      );
      setFile(null);
      if (fileInput) fileInput.value = '';
      setPlan(freshPlan());
      setTitle('');
      setBody('');
      setRows([{ a: '', b: '', c: '' }]);
    },
    fail: (caught) => setError(shareErrorText(t, caught)),
  });

  const labels = () =>
    entryType() === 'prescription'
      ? [t('shares.entry.medication'), t('shares.entry.dosage'), t('shares.entry.duration')]
      : [t('shares.entry.exercise'), t('shares.entry.frequency'), t('shares.entry.instructions')];

  return (
    <form class="card stack" aria-labelledby="entry-form-title" onSubmit={submit} novalidate>
      <h2 id="entry-form-title">{t('shares.entry.title')}</h2>
      <FormError text={error()} />
      <fieldset class="share-fieldset stack" disabled={busy()}>
        <div class="field">
          <label for="entry-type">{t('shares.entry.type')}</label>
          <select
            id="entry-type"
            value={entryType()}
            onChange={(e) => {
              setEntryType(e.currentTarget.value as EntryType);
              setError(null);
            }}
          >
            <For each={PRACTITIONER_ENTRY_TYPES}>
              {(type) => <option value={type}>{t(`shares.entry.types.${type}`)}</option>}
            </For>
          </select>
        </div>
        <div class="field">
          <label for="entry-title">{t('shares.entry.titleField')}</label>
          <input
            id="entry-title"
            type="text"
            maxLength={200}
            value={title()}
            onInput={(e) => setTitle(e.currentTarget.value)}
          />
        </div>
        <div class="field">
          <label for="entry-body">{listed() ? t('shares.entry.bodyOptional') : t('shares.entry.body')}</label>
          <textarea
            id="entry-body"
            rows={4}
            maxLength={5000}
            value={body()}
            onInput={(e) => setBody(e.currentTarget.value)}
          />
        </div>
        <Show when={entryType() === 'exercise-programme'}>
          <fieldset class="share-options stack">
            <legend>{t('shares.entry.plan')}</legend>
            <div class="field">
              <label for="entry-plan-start">{t('shares.entry.startDate')}</label>
              <input
                id="entry-plan-start"
                type="date"
                value={plan().startDate}
                onInput={(e) => setPlanField('startDate', e.currentTarget.value)}
              />
            </div>
            <div class="field">
              <label for="entry-plan-end">{t('shares.entry.endDate')}</label>
              <input
                id="entry-plan-end"
                type="date"
                value={plan().endDate}
                onInput={(e) => setPlanField('endDate', e.currentTarget.value)}
              />
            </div>
            <div class="field">
              <label for="entry-plan-per-week">{t('shares.entry.sessionsPerWeek')}</label>
              <input
                id="entry-plan-per-week"
                type="number"
                inputMode="numeric"
                min={1}
                max={21}
                value={plan().sessionsPerWeek}
                onInput={(e) => setPlanField('sessionsPerWeek', e.currentTarget.value)}
              />
            </div>
          </fieldset>
        </Show>
        <Switch>
          <Match when={listed()}>
            <fieldset class="share-options stack">
              <legend>
                {entryType() === 'prescription'
                  ? t('shares.entry.items')
                  : t('shares.entry.types.exercise-programme')}
              </legend>
              <Index each={rows()}>
                {(row, index) => (
                  <div class="stack card">
                    <For each={(['a', 'b', 'c'] as const).map((field, i) => ({ field, i }))}>
                      {({ field, i }) => (
                        <div class="field">
                          <label for={`entry-row-${index}-${field}`}>
                            {labels()[i]} {index + 1}
                          </label>
                          <input
                            id={`entry-row-${index}-${field}`}
                            type="text"
                            maxLength={200}
                            value={row()[field]}
                            onInput={(e) => setRow(index, field, e.currentTarget.value)}
                          />
                        </div>
                      )}
                    </For>
                    <Show when={entryType() === 'exercise-programme'}>
                      <For each={(['sets', 'reps'] as const).map((field) => field)}>
                        {(field) => (
                          <div class="field">
                            <label for={`entry-row-${index}-${field}`}>
                              {t(`shares.entry.${field}`)} {index + 1}
                            </label>
                            <input
                              id={`entry-row-${index}-${field}`}
                              type="number"
                              inputMode="numeric"
                              min={1}
                              value={row()[field] ?? ''}
                              onInput={(e) => setRow(index, field, e.currentTarget.value)}
                            />
                          </div>
                        )}
                      </For>
                    </Show>
                    <Show when={rows().length > 1}>
                      <div class="form-actions">
                        <button
                          type="button"
                          class="button button--secondary"
                          onClick={() => setRows(rows().filter((_, i) => i !== index))}
                        >
                          {t('shares.entry.removeItem', { n: String(index + 1) })}
                        </button>
                      </div>
                    </Show>
                  </div>
                )}
              </Index>
              <div class="form-actions">
                <button
                  type="button"
                  class="button button--secondary"
                  onClick={() => setRows([...rows(), { a: '', b: '', c: '' }])}
                >
                  {entryType() === 'prescription' ? t('shares.entry.addItem') : t('shares.entry.addExercise')}
                </button>
              </div>
            </fieldset>
          </Match>
        </Switch>
        <div class="field">
          <label for="entry-file">{t('shares.entry.file')}</label>
          <input
            ref={fileInput}
            id="entry-file"
            type="file"
            aria-describedby="entry-file-hint"
            onChange={(e) => setFile(e.currentTarget.files?.[0] ?? null)}
          />
          <p class="field__hint" id="entry-file-hint">
            {t('shares.entry.fileHint')}
          </p>
        </div>
        <div class="form-actions">
          <button type="submit" class="button">
            {t('shares.entry.submit')}
          </button>
        </div>
      </fieldset>
    </form>
  );
}
