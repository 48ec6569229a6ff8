/** One share in the patient's list: state, expiry, link, QR, code, revoke, and its access log. */
import { createSignal, Show } from 'solid-js';
import type { ShareSummary } from '../../../../shared/protocol/shares.ts';
import { useI18n } from '../../i18n/i18n-context.tsx';
import { useApp } from '../../store/app-context.tsx';
import { forgetShare, linkOf } from './create-share.ts';
import { refusalsOf } from './entry-refusals.ts';
import { shareErrorText } from './share-error-text.ts';
import { ShareLogList } from './share-log.tsx';
import { requireServer } from './share-problem.ts';
import { ShareQr } from './share-qr.tsx';
import type { ShareSecret } from './shares-state.ts';

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
  const link = () => (props.secret ? linkOf(app, props.secret) : null);
  const heading = () =>
    `${app.profiles().find((p) => p.id === props.secret?.profileId)?.profile.displayName ?? ''} — ${props.share.sections
      .map((s) => t(`record.kindTitles.${s}`))
      .join(', ')}`;

  async function revoke() {
    setError(null);
    try {
      await requireServer(app).shares.revoke(props.share.id);
      // A read + add share keeps its key here: entries written just before the revocation are
      // still fetched and checked (share-agent.ts) before the share is marked drained.
      if (props.share.mode === 'read') await forgetShare(app, props.share.id);
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
        <span class={`share-state share-state--${props.share.state}`}>
          {t(`shares.page.state.${props.share.state}`)}
        </span>{' '}
        · {props.share.mode === 'read' ? t('shares.page.modeRead') : t('shares.page.modeReadAdd')} ·{' '}
        {t('shares.page.expires', {
          date: formatDate(new Date(props.share.expiresAt), { dateStyle: 'medium', timeStyle: 'short' }),
        })}
      </p>
      <Show when={refusalsOf(props.share.id).length > 0}>
        <p class="message message--error share-refused">
          {t('shares.page.refused', {
            count: String(refusalsOf(props.share.id).length),
            names: [...new Set(refusalsOf(props.share.id))].join(', '),
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
      <Show when={props.share.state === 'active'}>
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
                <button type="button" class="button button--danger" onClick={revoke}>
                  {t('shares.page.revoke')}
                </button>
              </div>
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
