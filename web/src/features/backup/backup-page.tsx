import { A } from '@solidjs/router';
import { createResource, createSignal, For, Show } from 'solid-js';
import {
  lastBackupAt,
  REMIND_CHOICES,
  rememberBackup,
  remindEveryDays,
  setRemindEveryDays,
} from '../../backup/backup-prefs.ts';
import { backupFileName, saveBackupFile } from '../../backup/save-backup-file.ts';
import { backupStream, estimateBackupSize } from '../../backup/write-backup.ts';
import { useI18n } from '../../i18n/i18n-context.tsx';
import { useApp } from '../../store/app-context.tsx';
import { createSubmit } from '../../ui/create-submit.ts';
import { errorText } from '../../ui/error-text.ts';
import { formatSize } from './format-size.ts';
import './backup.css';

/** `/backup`: writes the whole vault to a `.carnet` file, with its size and a progress bar. */
export function BackupPage() {
  const app = useApp();
  const { t, formatNumber, formatDate } = useI18n();
  const [written, setWritten] = createSignal(0);
  const [outcome, setOutcome] = createSignal<string | null>(null);
  const [failure, setFailure] = createSignal<string | null>(null);
  const [last, setLast] = createSignal(lastBackupAt(localStorage));
  const [remind, setRemind] = createSignal(remindEveryDays(localStorage));
  const [remindSaved, setRemindSaved] = createSignal(false);

  async function source() {
    const access = app.backupAccess();
    const keyring = await access.keyring();
    if (!access.session || !keyring) throw new Error('the vault is locked');
    return { db: access.db, session: access.session, keyring, storage: localStorage };
  }

  const [estimate] = createResource(async () => estimateBackupSize(await source()));

  const { busy, submit } = createSubmit({
    clear: () => {
      setOutcome(null);
      setFailure(null);
      setWritten(0);
    },
    run: async () => {
      const from = await source();
      let size = 0;
      const result = await saveBackupFile(
        () =>
          backupStream(from, (bytes) => {
            size = bytes;
            setWritten(bytes);
          }),
        backupFileName(new Date()),
      );
      if (result === 'cancelled') {
        setOutcome(t('backup.page.cancelled'));
        return;
      }
      const now = Date.now();
      rememberBackup(localStorage, now);
      await app.noteDeviceEvent('backup-made');
      setLast(now);
      setOutcome(t('backup.page.done', { size: formatSize(formatNumber, size) }));
    },
    fail: (error) => setFailure(t('backup.page.failed', { detail: errorText(t, error) })),
  });

  const total = () => Math.max(estimate() ?? 0, written());

  return (
    <div class="stack backup-page">
      <h1>{t('backup.page.title')}</h1>
      <section class="card stack">
        <p>{t('backup.page.intro')}</p>
        <p>{t('backup.page.where')}</p>
        <p class="backup-page__estimate">
          <Show when={estimate()} fallback={t('backup.page.estimating')}>
            {(size) => t('backup.page.estimate', { size: formatSize(formatNumber, size()) })}
          </Show>
        </p>
        <form onSubmit={submit} class="stack">
          <div class="form-actions">
            <button type="submit" class="button" disabled={busy()}>
              {busy() ? t('backup.page.saving') : t('backup.page.save')}
            </button>
          </div>
          <Show when={busy() || written() > 0}>
            <div class="backup-progress">
              <progress max={total() || 1} value={written()} aria-label={t('backup.page.progress')} />
              <span aria-hidden="true">
                {formatSize(formatNumber, written())} / {formatSize(formatNumber, total())}
              </span>
            </div>
          </Show>
          <p role="status" class="backup-page__outcome" classList={{ message: outcome() !== null }}>
            {outcome() ?? ''}
          </p>
          <Show when={failure()}>
            <p role="alert" class="message message--error">
              {failure()}
            </p>
          </Show>
        </form>
        <p class="backup-page__last">
          <Show when={last()} fallback={t('backup.page.never')}>
            {(at) =>
              t('backup.page.last', { date: formatDate(at(), { dateStyle: 'long', timeStyle: 'short' }) })
            }
          </Show>
        </p>
        <div class="field">
          <label for="backup-remind">{t('backup.page.remindLabel')}</label>
          <select
            id="backup-remind"
            value={String(remind())}
            aria-describedby="backup-remind-status"
            onChange={(event) => {
              const days = Number(event.currentTarget.value);
              setRemindEveryDays(localStorage, days);
              setRemind(days);
              setRemindSaved(true);
            }}
          >
            <For each={REMIND_CHOICES}>
              {(days) => (
                <option value={String(days)}>
                  {days === 0 ? t('backup.page.remindNever') : t('backup.page.remindEvery', { days })}
                </option>
              )}
            </For>
          </select>
          <p id="backup-remind-status" role="status" class="field__hint">
            {remindSaved() ? t('backup.page.remindSaved') : ''}
          </p>
        </div>
      </section>
      <p>
        <A href="/restore">{t('backup.restoreLink')}</A>
      </p>
    </div>
  );
}
