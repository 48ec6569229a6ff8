import { A } from '@solidjs/router';
import { createSignal, Match, onCleanup, Show, Switch } from 'solid-js';
import type { BackupSecret } from '../../../../shared/backup/backup-unlock.ts';
import { readableStreamSource } from '../../../../shared/backup/web-streams.ts';
import { inspectBackupFile, type PreparedRestore, prepareRestore } from '../../backup/restore-backup.ts';
import { useI18n } from '../../i18n/i18n-context.tsx';
import { useApp } from '../../store/app-context.tsx';
import { createSubmit } from '../../ui/create-submit.ts';
import { KdfProgressBar } from '../../ui/kdf-progress-bar.tsx';
import { formatSize } from './format-size.ts';
import { restoreErrorText } from './restore-error-text.ts';
import { RestorePreview } from './restore-preview.tsx';
import { RestoreSecretField, type RestoreSecretKind } from './restore-secret-field.tsx';
import './backup.css';

type Step = 'choose' | 'preview' | 'done';

/**
 * `/restore`: on a device without a vault, the backup becomes the vault; with the vault open, it is
 * merged into it. The file is checked whole and the plan shown before anything is written.
 */
export function RestorePage() {
  const app = useApp();
  const { t, formatNumber, formatDate } = useI18n();
  const [step, setStep] = createSignal<Step>('choose');
  const [file, setFile] = createSignal<File | null>(null);
  const [madeOn, setMadeOn] = createSignal<number | null>(null);
  const [fileError, setFileError] = createSignal<string | null>(null);
  const [kind, setKind] = createSignal<RestoreSecretKind>('passphrase');
  const [secret, setSecret] = createSignal('');
  const [secretError, setSecretError] = createSignal<string | null>(null);
  const [formError, setFormError] = createSignal<string | null>(null);
  const [read, setRead] = createSignal(0);
  const [prepared, setPrepared] = createSignal<PreparedRestore | null>(null);
  const [freshRestore, setFreshRestore] = createSignal(false);
  let heading: HTMLHeadingElement | undefined;
  onCleanup(() => void prepared()?.close());

  const fresh = () => app.status() === 'no-vault';
  const source = (chosen: File) => () => readableStreamSource(chosen.stream());
  const show = (next: Step) => {
    setStep(next);
    heading?.focus();
  };

  async function choose(chosen: File | null) {
    setFile(chosen);
    setMadeOn(null);
    setFileError(null);
    // The last attempt's message was about the previous file.
    setFormError(null);
    if (!chosen) return;
    try {
      setMadeOn(await inspectBackupFile(source(chosen)));
    } catch (error) {
      setFileError(restoreErrorText(t, error));
    }
  }

  const check = createSubmit({
    clear: () => {
      setFormError(null);
      setSecretError(null);
      setRead(0);
    },
    validate: () => {
      if (!file()) setFileError(t('backup.restore.chooseFile'));
      if (secret().trim() === '') setSecretError(t('backup.restore.emptySecret'));
      return file() !== null && fileError() === null && secretError() === null;
    },
    run: async () => {
      const chosen = file();
      if (!chosen) return;
      const access = app.backupAccess();
      const typed: BackupSecret =
        kind() === 'passphrase' ? { passphrase: secret() } : { recoveryKey: secret() };
      const ready = await prepareRestore(
        source(chosen),
        typed,
        { db: access.db, kdf: access.kdf, session: access.session, storage: localStorage },
        setRead,
      );
      setPrepared(ready);
      show('preview');
    },
    fail: (error, { focusInvalid }) => {
      const text = restoreErrorText(t, error);
      if ((error as { reason?: string }).reason === 'wrong-secret') {
        setSecretError(text);
        focusInvalid();
      } else setFormError(text);
    },
  });

  const apply = createSubmit({
    clear: () => setFormError(null),
    run: async () => {
      const ready = prepared();
      if (!ready) return;
      const wasFresh = fresh();
      await ready.apply(setRead);
      if (wasFresh) await app.openRestored(ready.session);
      setFreshRestore(wasFresh);
      show('done');
    },
    fail: (error) => setFormError(restoreErrorText(t, error)),
  });

  function cancel() {
    void prepared()?.close();
    setPrepared(null);
    setSecret('');
    show('choose');
  }

  const total = () => file()?.size ?? 0;

  return (
    <div class="stack restore-page">
      <h1 ref={heading} tabIndex={-1}>
        {t('backup.restore.title')}
      </h1>
      <Show
        when={fresh() || app.status() === 'unlocked' || step() === 'done'}
        fallback={<p class="message">{t('backup.restore.locked')}</p>}
      >
        <Switch>
          <Match when={step() === 'choose'}>
            <form class="card stack" onSubmit={check.submit} novalidate>
              <p>{fresh() ? t('backup.restore.introFresh') : t('backup.restore.introMerge')}</p>
              <div class="field">
                <label for="restore-file">{t('backup.restore.file')}</label>
                <input
                  id="restore-file"
                  type="file"
                  accept=".carnet,application/vnd.carnet.backup"
                  aria-invalid={fileError() ? 'true' : undefined}
                  aria-describedby={
                    fileError() ? 'restore-file-error restore-file-hint' : 'restore-file-hint'
                  }
                  onChange={(event) => void choose(event.currentTarget.files?.[0] ?? null)}
                />
                <p class="field__hint" id="restore-file-hint">
                  {t('backup.restore.fileHint')}
                </p>
                <Show when={fileError()}>
                  <p class="field__error" id="restore-file-error">
                    {fileError()}
                  </p>
                </Show>
                <Show when={madeOn()}>
                  {(at) => (
                    <p class="field__hint">
                      {t('backup.restore.madeOn', {
                        date: formatDate(at(), { dateStyle: 'long', timeStyle: 'short' }),
                      })}{' '}
                      {formatSize(formatNumber, total())}
                    </p>
                  )}
                </Show>
              </div>
              <RestoreSecretField
                kind={kind()}
                onKind={setKind}
                secret={secret()}
                onSecret={setSecret}
                error={secretError()}
              />
              <KdfProgressBar active={check.busy() && app.kdfProgress() !== null} />
              <Show when={check.busy() && read() > 0}>
                <div class="backup-progress">
                  <progress max={total() || 1} value={read()} aria-label={t('backup.restore.readProgress')} />
                </div>
              </Show>
              <p role="status" class="restore-page__status">
                {check.busy() ? t('backup.restore.checking') : ''}
              </p>
              <Show when={formError()}>
                <p role="alert" class="message message--error">
                  {formError()}
                </p>
              </Show>
              <div class="form-actions">
                <button type="submit" class="button" disabled={check.busy()}>
                  {t('backup.restore.check')}
                </button>
              </div>
            </form>
          </Match>
          <Match when={step() === 'preview' && prepared()}>
            {(ready) => (
              <form class="card stack" onSubmit={apply.submit}>
                <h2>{t('backup.restore.previewTitle')}</h2>
                <RestorePreview prepared={ready()} />
                <Show when={apply.busy()}>
                  <div class="backup-progress">
                    <progress
                      max={total() || 1}
                      value={read()}
                      aria-label={t('backup.restore.readProgress')}
                    />
                  </div>
                </Show>
                <p role="status" class="restore-page__status">
                  {apply.busy() ? t('backup.restore.applying') : ''}
                </p>
                <Show when={formError()}>
                  <p role="alert" class="message message--error">
                    {formError()}
                  </p>
                </Show>
                <div class="form-actions">
                  <button
                    type="submit"
                    class="button"
                    disabled={apply.busy() || ready().plan.profileLimitExceeded}
                  >
                    {t('backup.restore.apply')}
                  </button>
                  <button
                    type="button"
                    class="button button--secondary"
                    disabled={apply.busy()}
                    onClick={cancel}
                  >
                    {t('backup.restore.cancel')}
                  </button>
                </div>
              </form>
            )}
          </Match>
          <Match when={step() === 'done'}>
            <section class="card stack">
              <p class="message" role="status">
                {freshRestore() ? t('backup.restore.doneFresh') : t('backup.restore.doneMerge')}
              </p>
              <Show when={freshRestore() && kind() === 'recovery-key'}>
                <p>{t('backup.restore.recoveryNote')}</p>
              </Show>
              <p>
                <A href="/" class="button">
                  {t('backup.restore.home')}
                </A>
              </p>
            </section>
          </Match>
        </Switch>
      </Show>
    </div>
  );
}
