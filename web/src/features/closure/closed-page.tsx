import { Match, onMount, Show, Switch } from 'solid-js';
import { useI18n } from '../../i18n/i18n-context.tsx';
import { useApp } from '../../store/app-context.tsx';
import './closure.css';

/**
 * `/` right after "Close the account" or "Remove from this device": what was deleted, in plain
 * words, and the way back in. The links load the page afresh (`rel="external"`): the database this
 * page ran on is gone, and a fresh start opens a new, empty one. Until then IndexedDB holds nothing.
 */
export function ClosedPage() {
  const app = useApp();
  const { t } = useI18n();
  let heading: HTMLHeadingElement | undefined;
  onMount(() => heading?.focus());
  const closure = () => app.closure();
  const account = () => closure()?.kind === 'account';

  return (
    <div class="stack closure-done">
      <h1 ref={heading} tabIndex={-1}>
        {account() ? t('closure.closed.titleAccount') : t('closure.closed.titleDevice')}
      </h1>
      <Switch>
        <Match when={closure()?.state === 'wiping'}>
          <p role="status">{t('closure.closed.wiping')}</p>
        </Match>
        <Match when={closure()?.state === 'failed'}>
          <p class="message message--error" role="alert">
            {t('closure.closed.failed')}
          </p>
        </Match>
        <Match when={closure()?.state === 'done'}>
          <section class="card stack" aria-labelledby="closure-deleted">
            <h2 id="closure-deleted">{t('closure.closed.deleted')}</h2>
            <ul>
              <Show when={account()}>
                <li>{closure()?.server ? t('closure.closed.server') : t('closure.closed.noServer')}</li>
              </Show>
              <li>{t('closure.closed.device')}</li>
            </ul>
            <Show when={closure()?.accountKept}>
              <p>{t('closure.closed.accountStays')}</p>
            </Show>
          </section>
        </Match>
      </Switch>
      <section class="card stack" aria-labelledby="closure-again">
        <h2 id="closure-again">{t('closure.closed.again')}</h2>
        <ul class="closure-again">
          <li>
            <a href="/create" rel="external">
              {t('closure.closed.create')}
            </a>
          </li>
          <li>
            <a href="/sign-in" rel="external">
              {t('closure.closed.signIn')}
            </a>
          </li>
          <li>
            <a href="/restore" rel="external">
              {t('closure.closed.restore')}
            </a>
          </li>
        </ul>
      </section>
    </div>
  );
}
