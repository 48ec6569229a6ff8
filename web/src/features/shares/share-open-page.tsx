/**
 * `/s#<shareId>.<key>`: a practitioner opens a share. The key is taken from the fragment into
 * memory (shares/pending-share.ts), the vault is unlocked if needed, then the passcode (if any) is asked
 * and the snapshot fetched with the access token, decrypted and checked on this device.
 */
import { A } from '@solidjs/router';
import { createEffect, createSignal, Match, onMount, Show, Switch } from 'solid-js';
import { useI18n } from '../../i18n/i18n-context.tsx';
import { isServerError } from '../../server/server-error.ts';
import { requireServer, ShareProblem } from '../../shares/share-problem.ts';
import { useApp } from '../../store/app-context.tsx';
import { UnlockPage } from '../vault/unlock-page.tsx';
import { requireSharing } from './require-sharing.ts';
import { shareErrorText } from './share-error-text.ts';
import { type OpenedShare, SharedRecordView } from './shared-record-view.tsx';
import './shares.css';

const CLOSED: ReadonlySet<string> = new Set(['share-revoked', 'share-used', 'share-expired', 'share-locked']);

export function ShareOpenPage() {
  const app = useApp();
  const { t } = useI18n();
  const [hasLink, setHasLink] = createSignal(true);
  const [passcode, setPasscode] = createSignal('');
  const [opened, setOpened] = createSignal<OpenedShare | null>(null);
  const [refreshedAt, setRefreshedAt] = createSignal(0);
  const [error, setError] = createSignal<string | null>(null);
  const [busy, setBusy] = createSignal(false);
  const pendingShare = app.pendingShare.current;
  const practitioner = () => app.sharing()?.role.practitioner() ?? null;
  // Revoked, expired or locked: no passcode can help, so none is asked for.
  const [closed, setClosed] = createSignal(false);
  const noPasscode = () => pendingShare()?.noPasscode === true;
  // Which share this page is about is known once the address is read (an earlier one may be pending).
  const [taken, setTaken] = createSignal(false);
  onMount(
    () =>
      void app.pendingShare
        .takeFromLocation()
        .then(setHasLink, () => setHasLink(false))
        .finally(() => setTaken(true)),
  );
  // A share known to have no passcode opens as soon as the vault is open: nothing to type.
  let tried: unknown = null;
  createEffect(() => {
    const share = pendingShare();
    if (!taken() || !share?.noPasscode || app.status() !== 'unlocked' || tried === share) return;
    tried = share;
    void open();
  });

  async function fetchShare(code: string, refresh: boolean): Promise<void> {
    const share = pendingShare();
    if (!share) throw new ShareProblem('bad-link');
    // Right after an unlock, sync takes a moment to resume and hand over its token.
    for (let i = 0; i < 50 && !app.server(); i++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    requireServer(app);
    const answer = await requireSharing(app).openShare(share, code, refresh);
    const { snapshot, verdicts, singleUse } = answer;
    setOpened({
      shareId: share.shareId,
      shareKey: share.shareKey,
      passcode: code,
      expiresAt: answer.expiresAt,
      snapshot,
      verdicts,
      singleUse,
    });
    setRefreshedAt(Date.now());
  }

  async function submit(event: SubmitEvent) {
    event.preventDefault();
    await open();
  }

  async function open() {
    if (busy()) return;
    setError(null);
    setClosed(false);
    setBusy(true);
    try {
      // Right after an unlock (a share opened at once) sync takes a moment to resume: the role
      // check below needs the server.
      for (let i = 0; i < 50 && !app.server(); i++) {
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      const role = requireSharing(app).role;
      if (!role.isPractitioner() && (await role.refresh()) !== 'practitioner')
        throw new ShareProblem('not-practitioner');
      await fetchShare(noPasscode() ? '' : passcode(), false);
    } catch (caught) {
      setClosed(isServerError(caught) && CLOSED.has(caught.reason));
      setError(shareErrorText(t, caught));
    } finally {
      setBusy(false);
    }
  }

  async function refresh(): Promise<void> {
    const current = opened();
    if (!current) return;
    try {
      await fetchShare(current.passcode, true);
    } catch (caught) {
      // Revoked or expired meanwhile: the content goes away at once.
      if (
        isServerError(caught)
          ? caught.reason !== 'offline' && caught.reason !== 'timeout'
          : caught instanceof ShareProblem
      ) {
        setOpened(null);
      }
      setError(shareErrorText(t, caught));
    }
  }

  return (
    <Switch>
      <Match when={!hasLink() && !pendingShare()}>
        <section class="stack">
          <h1>{t('shares.open.title')}</h1>
          <p class="message message--error">{t('shares.errors.bad-link')}</p>
        </section>
      </Match>
      <Match when={app.status() !== 'unlocked'}>
        <p class="message">{t('shares.open.unlockFirst')}</p>
        <UnlockPage />
      </Match>
      <Match when={opened()}>
        {(current) => (
          <>
            <Show when={error()}>
              <p class="message message--error" role="alert">
                {error()}
              </p>
            </Show>
            <Show when={practitioner()}>
              {(me) => (
                <SharedRecordView
                  opened={current()}
                  author={me().profile}
                  refresh={refresh}
                  refreshedAt={refreshedAt()}
                />
              )}
            </Show>
          </>
        )}
      </Match>
      <Match when={true}>
        <form class="stack" aria-labelledby="share-open-title" onSubmit={submit} novalidate>
          <h1 id="share-open-title">{t('shares.open.title')}</h1>
          <Show when={error()}>
            <p class="message message--error" role="alert">
              {error()}
            </p>
          </Show>
          <Show when={error() === t('shares.errors.not-practitioner')}>
            <p>
              <A href="/practitioner">{t('shares.practitioner.profileTitle')}</A>
            </p>
          </Show>
          <Show when={busy() && noPasscode()}>
            <p role="status">{t('shares.open.opening')}</p>
          </Show>
          <Show when={!closed() && !noPasscode()}>
            <div class="field">
              <label for="share-open-passcode">{t('shares.open.passcode')}</label>
              <input
                id="share-open-passcode"
                type="password"
                autocomplete="off"
                value={passcode()}
                aria-describedby="share-open-passcode-hint"
                onInput={(e) => setPasscode(e.currentTarget.value)}
              />
              <p class="field__hint" id="share-open-passcode-hint">
                {t('shares.open.passcodeHint')}
              </p>
            </div>
          </Show>
          <Show when={!closed() && (!noPasscode() || error())}>
            <div class="form-actions">
              <button type="submit" class="button" disabled={busy()}>
                {busy()
                  ? t('shares.open.opening')
                  : noPasscode()
                    ? t('shares.open.retry')
                    : t('shares.open.submit')}
              </button>
            </div>
          </Show>
        </form>
      </Match>
    </Switch>
  );
}
