/** One share in the patient's list: state, expiry, link, QR, code, revoke, and its access log. */
import { createSignal, onMount, Show } from 'solid-js';
import type { ShareSummary } from '../../../../shared/protocol/shares.ts';
import { useI18n } from '../../i18n/i18n-context.tsx';
import type { ShareSecret } from '../../shares/shares-state.ts';
import { useApp } from '../../store/app-context.tsx';
import { requireSharing } from './require-sharing.ts';
import { shareErrorText } from './share-error-text.ts';
import { ShareLogList } from './share-log.tsx';
import { ShareQr } from './share-qr.tsx';

const [revokeAsked, setRevokeAsked] = createSignal<string | null>(null);

export function ShareItem(props: {
  share: ShareSummary;
  secret: ShareSecret | undefined;
  onChanged: () => void;
}) {
  const app = useApp();
  const { t, formatDate } = useI18n();
  const [showQr, setShowQr] = createSignal(false);
  const [showLog, setShowLog] = createSignal(false);
  const [message, setMessage] = createSignal<string | null>(null);
  const [error, setError] = createSignal<string | null>(null);
  // Revoking cannot be undone: the button asks first, in place, and focus goes to the question.
  // Kept by share id outside the item: the list refreshes and re-creates its items meanwhile.
  const confirming = () => revokeAsked() === props.share.id;
  const setConfirming = (on: boolean) => setRevokeAsked(on ? props.share.id : null);
  let revokeButton: HTMLButtonElement | undefined;
  let question: HTMLParagraphElement | undefined;
  const askRevoke = () => {
    setConfirming(true);
    question?.focus();
  };
  // Re-created while the question is open (the list refreshed): the question keeps the focus.
  onMount(() => {
    if (confirming() && document.activeElement === document.body) question?.focus();
  });
  const keep = () => {
    setConfirming(false);
    revokeButton?.focus();
  };
  const link = () => (props.secret ? (app.sharing()?.link(props.secret) ?? null) : null);
  const refusals = () => app.sharing()?.refusalsOf(props.share.id) ?? [];
  // This device's own knowledge first: a share it knows revoked or past its sealed expiry is shown
  // so, whatever the server says (docs/architecture.md §8.4).
  const state = () => {
    const secret = props.secret;
    if (secret?.revoked) return 'revoked';
    if (secret && secret.expiresAt <= Date.now()) return 'expired';
    return props.share.state;
  };
  const expiresAt = () =>
    Math.min(props.share.expiresAt, props.secret?.expiresAt ?? Number.POSITIVE_INFINITY);
  const heading = () =>
    `${app.profiles().find((p) => p.id === props.secret?.profileId)?.profile.displayName ?? ''} — ${props.share.sections
      .map((s) => t(`record.kindTitles.${s}`))
      .join(', ')}`;

  async function revoke() {
    setConfirming(false);
    setError(null);
    try {
      await requireSharing(app).revoke(props.share.id);
      setMessage(t('shares.page.revoked'));
      props.onChanged();
    } catch (caught) {
      setError(shareErrorText(t, caught));
    }
  }

  async function copy(value: string) {
    await navigator.clipboard?.writeText(value).catch(() => undefined);
    setMessage(t('shares.page.copied'));
  }

  return (
    <li class="card stack share-item" data-share-id={props.share.id}>
      <h3>{heading()}</h3>
      <p>
        <span class={`share-state share-state--${state()}`}>{t(`shares.page.state.${state()}`)}</span> ·{' '}
        {props.share.mode === 'read' ? t('shares.page.modeRead') : t('shares.page.modeReadAdd')} ·{' '}
        {t('shares.page.expires', {
          date: formatDate(new Date(expiresAt()), { dateStyle: 'medium', timeStyle: 'short' }),
        })}
      </p>
      <Show when={props.share.singleUse}>
        <p class="share-single-use">
          {props.share.usedAt
            ? t('shares.page.singleUseOpened', {
                date: formatDate(new Date(props.share.usedAt), { dateStyle: 'medium', timeStyle: 'short' }),
              })
            : t('shares.page.singleUseWaiting')}
        </p>
      </Show>
      <Show when={props.share.codeLocked && state() === 'active'}>
        <p class="message share-code-locked">{t('shares.page.codeLocked')}</p>
      </Show>
      <Show when={refusals().length > 0}>
        <p class="message message--error share-refused">
          {t('shares.page.refused', {
            count: String(refusals().length),
            names: [...new Set(refusals())].join(', '),
          })}
        </p>
      </Show>
      <Show when={message()}>
        <p class="message" role="status">
          {message()}
        </p>
      </Show>
      <Show when={error()}>
        <p class="message message--error" role="alert">
          {error()}
        </p>
      </Show>
      <Show when={state() === 'active'}>
        <Show when={link()} fallback={<p>{t('shares.page.notOnThisDevice')}</p>}>
          {(url) => (
            <div class="stack">
              <div class="field">
                <label for={`share-link-${props.share.id}`}>{t('shares.page.link')}</label>
                <input
                  id={`share-link-${props.share.id}`}
                  class="share-link"
                  type="text"
                  readOnly
                  value={url()}
                />
              </div>
              <Show when={props.secret?.code}>
                {(code) => (
                  <p>
                    {t('shares.page.code')} <strong class="share-code">{code()}</strong>
                  </p>
                )}
              </Show>
              <div class="form-actions">
                <button type="button" class="button button--secondary" onClick={() => copy(url())}>
                  {t('shares.page.copy')}
                </button>
                <button
                  type="button"
                  class="button button--secondary"
                  aria-expanded={showQr()}
                  onClick={() => setShowQr(!showQr())}
                >
                  {showQr() ? t('shares.page.hideQr') : t('shares.page.showQr')}
                </button>
                <button
                  ref={revokeButton}
                  type="button"
                  class="button button--danger"
                  aria-expanded={confirming()}
                  onClick={askRevoke}
                >
                  {t('shares.page.revoke')}
                </button>
              </div>
              <Show when={confirming()}>
                <div class="message message--error stack share-revoke-confirm">
                  <p tabIndex={-1} ref={question}>
                    {t('shares.page.revokeConfirm')}
                  </p>
                  <div class="form-actions">
                    <button type="button" class="button button--danger" onClick={revoke}>
                      {t('shares.page.revokeYes')}
                    </button>
                    <button type="button" class="button button--secondary" onClick={keep}>
                      {t('shares.page.revokeNo')}
                    </button>
                  </div>
                </div>
              </Show>
              <Show when={showQr()}>
                <ShareQr link={url()} label={t('shares.page.qr')} />
              </Show>
            </div>
          )}
        </Show>
      </Show>
      <div class="form-actions">
        <button
          type="button"
          class="button button--secondary"
          aria-expanded={showLog()}
          onClick={() => setShowLog(!showLog())}
        >
          {showLog() ? t('shares.page.hideLog') : t('shares.page.showLog')}
        </button>
      </div>
      <Show when={showLog()}>
        <section aria-label={t('shares.page.log')}>
          <ShareLogList shareId={props.share.id} />
        </section>
      </Show>
    </li>
  );
}
