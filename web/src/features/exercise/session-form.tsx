/**
 * The patient logs one session of a programme: date (today by default), done / partly / skipped,
 * perceived difficulty and pain 0–10 (each may be left out), a note. It is an ordinary encrypted
 * record, saved on the device at once (offline too) and synced when the network is back.
 */
import { createSignal, For } from 'solid-js';
import { SESSION_STATUSES, type SessionStatus } from '../../../../shared/schema/exercise-session.ts';
import { useI18n } from '../../i18n/i18n-context.tsx';
import { useApp } from '../../store/app-context.tsx';
import { createSubmit } from '../../ui/create-submit.ts';
import { errorText } from '../../ui/error-text.ts';
import { FormError } from '../../ui/form-error.tsx';

const SCALE = Array.from({ length: 11 }, (_, i) => i);

export function SessionForm(props: {
  programmeId: string;
  today: string;
  /** Announces the saved session (the page holds the message, so a re-render of the list keeps it). */
  onSaved: (message: string) => void;
}) {
  const app = useApp();
  const { t, formatDate } = useI18n();
  const id = (name: string) => `session-${props.programmeId}-${name}`;
  const [date, setDate] = createSignal(props.today);
  const [status, setStatus] = createSignal<SessionStatus>('done');
  const [difficulty, setDifficulty] = createSignal('');
  const [pain, setPain] = createSignal('');
  const [note, setNote] = createSignal('');
  const [error, setError] = createSignal<string | null>(null);

  const { busy, submit } = createSubmit({
    clear: () => setError(null),
    validate: () => {
      if (/^\d{4}-\d{2}-\d{2}$/.test(date())) return true;
      setError(t('exercise.form.dateRequired'));
      return false;
    },
    run: async () => {
      await app.addRecord({
        kind: 'exercise-session',
        schemaVersion: 1,
        programmeId: props.programmeId,
        date: date(),
        status: status(),
        ...(difficulty() === '' ? {} : { difficulty: Number(difficulty()) }),
        ...(pain() === '' ? {} : { pain: Number(pain()) }),
        ...(note().trim() === '' ? {} : { note: note().trim() }),
      });
      props.onSaved(t('exercise.form.saved', { date: formatDate(date(), { dateStyle: 'medium' }) }));
      setNote('');
    },
    fail: (caught) => setError(errorText(t, caught)),
  });

  const scale = (name: 'difficulty' | 'pain', value: () => string, set: (v: string) => void) => (
    <div class="field">
      <label for={id(name)}>{t(`exercise.form.${name}`)}</label>
      <select id={id(name)} value={value()} onChange={(e) => set(e.currentTarget.value)}>
        <option value="">{t('exercise.form.notNoted')}</option>
        <For each={SCALE}>{(n) => <option value={String(n)}>{n}</option>}</For>
      </select>
    </div>
  );

  return (
    <form class="card stack" aria-labelledby={id('title')} onSubmit={submit} novalidate>
      <h3 id={id('title')}>{t('exercise.form.title')}</h3>
      <FormError text={error()} />
      <fieldset class="exercise-status stack" disabled={busy()}>
        <div class="field">
          <label for={id('date')}>{t('exercise.form.date')}</label>
          <input
            id={id('date')}
            type="date"
            required
            value={date()}
            onInput={(e) => setDate(e.currentTarget.value)}
          />
        </div>
        <fieldset class="exercise-status">
          <legend>{t('exercise.form.status')}</legend>
          <For each={SESSION_STATUSES}>
            {(value) => (
              <div class="exercise-status__option">
                <input
                  type="radio"
                  id={id(`status-${value}`)}
                  name={id('status')}
                  value={value}
                  checked={status() === value}
                  onChange={() => setStatus(value)}
                />
                <label for={id(`status-${value}`)}>{t(`record.options.sessionStatus.${value}`)}</label>
              </div>
            )}
          </For>
        </fieldset>
        {scale('difficulty', difficulty, setDifficulty)}
        {scale('pain', pain, setPain)}
        <div class="field">
          <label for={id('note')}>{t('exercise.form.note')}</label>
          <textarea
            id={id('note')}
            rows={2}
            maxLength={2000}
            value={note()}
            onInput={(e) => setNote(e.currentTarget.value)}
          />
        </div>
        <div class="form-actions">
          <button type="submit" class="button">
            {t('exercise.form.submit')}
          </button>
        </div>
      </fieldset>
    </form>
  );
}
