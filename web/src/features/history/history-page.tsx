/**
 * The access history (docs/architecture.md §7.5): every source merged, filterable by kind and by
 * profile, 50 to a page, dates in the user's locale. Changing a filter goes back to the first page
 * and says how many events match; the pager moves focus to the list so keyboard users land on it.
 */
import { A } from '@solidjs/router';
import { createMemo, createResource, createSignal, For, Show } from 'solid-js';
import { useI18n } from '../../i18n/i18n-context.tsx';
import { useApp } from '../../store/app-context.tsx';
import { errorText } from '../../ui/error-text.ts';
import {
  filterHistory,
  HISTORY_KINDS,
  type HistoryItem,
  type HistoryKind,
  mergeHistory,
  pageOf,
} from './history-items.ts';
import { loadHistory } from './load-history.ts';
import './history.css';

export function HistoryPage() {
  const app = useApp();
  const { t, formatDate } = useI18n();
  const [loaded] = createResource(
    () => ({ server: app.server(), records: app.records() }),
    () => loadHistory(app),
  );
  const [kind, setKind] = createSignal<HistoryKind | 'all'>('all');
  const [profile, setProfile] = createSignal('all');
  const [page, setPage] = createSignal(0);
  let list: HTMLUListElement | undefined;

  const all = createMemo(() => mergeHistory(loaded()?.sources ?? {}));
  const matching = createMemo(() => filterHistory(all(), { kind: kind(), profile: profile() }));
  const shown = createMemo(() => pageOf(matching(), page()));
  const profileName = (id: string | undefined) =>
    id === undefined ? undefined : app.profiles().find((p) => p.id === id)?.profile.displayName;

  const text = (item: HistoryItem) => {
    const who =
      item.who || (item.kind === 'share' ? t('history.page.someone') : t('history.page.unnamedDevice'));
    const target = item.target || t('history.page.unnamedDevice');
    const line = t(`history.events.${item.event}`, { who, target });
    const name = profileName(item.profileId);
    return name === undefined ? line : `${line} — ${name}`;
  };

  const go = (next: number) => {
    setPage(next);
    list?.focus();
  };

  return (
    <div class="stack history-page">
      <h1>{t('history.page.title')}</h1>
      <p>{t('history.page.intro')}</p>
      <Show when={!app.server()}>
        <p class="message">{t('history.page.syncOff')}</p>
      </Show>
      <p>
        <A href="/devices">{t('history.devices.title')}</A>
      </p>
      <section class="card stack" aria-labelledby="history-list-title">
        <h2 id="history-list-title">{t('history.page.title')}</h2>
        <div class="history-filters">
          <div class="field">
            <label for="history-kind">{t('history.page.kindLabel')}</label>
            <select
              id="history-kind"
              value={kind()}
              onChange={(e) => {
                setKind(e.currentTarget.value as HistoryKind | 'all');
                setPage(0);
              }}
            >
              <option value="all">{t('history.page.all')}</option>
              <For each={HISTORY_KINDS}>{(k) => <option value={k}>{t(`history.kinds.${k}`)}</option>}</For>
            </select>
          </div>
          <div class="field">
            <label for="history-profile">{t('history.page.profileLabel')}</label>
            <select
              id="history-profile"
              value={profile()}
              onChange={(e) => {
                setProfile(e.currentTarget.value);
                setPage(0);
              }}
            >
              <option value="all">{t('history.page.all')}</option>
              <option value="account">{t('history.page.account')}</option>
              <For each={app.profiles()}>{(p) => <option value={p.id}>{p.profile.displayName}</option>}</For>
            </select>
          </div>
        </div>
        <Show when={loaded()?.error}>
          {(error) => (
            <p class="message message--error">
              {t('history.page.partial', { reason: errorText(t, error()) })}
            </p>
          )}
        </Show>
        <p role="status" class="history-count">
          {loaded() ? t('history.page.count', { count: matching().length }) : ''}
        </p>
        <Show when={loaded()}>
          <Show
            when={matching().length > 0}
            fallback={<p>{all().length === 0 ? t('history.page.none') : t('history.page.noMatch')}</p>}
          >
            <ul
              class="list history-list"
              ref={list}
              tabIndex={-1}
              aria-labelledby="history-list-title"
              data-testid="history"
            >
              <For each={shown().items}>
                {(item) => (
                  <li class="list__item history-item" data-kind={item.kind}>
                    <time datetime={new Date(item.at).toISOString()}>
                      {formatDate(item.at, { dateStyle: 'medium', timeStyle: 'short' })}
                    </time>
                    <span>{text(item)}</span>
                  </li>
                )}
              </For>
            </ul>
            <Show when={shown().pages > 1}>
              <nav class="history-pager" aria-label={t('history.page.pagesLabel')}>
                <button
                  type="button"
                  class="button button--secondary"
                  disabled={page() === 0}
                  onClick={() => go(page() - 1)}
                >
                  {t('history.page.previous')}
                </button>
                <span>
                  {t('history.page.page', {
                    page: Math.min(page(), shown().pages - 1) + 1,
                    pages: shown().pages,
                  })}
                </span>
                <button
                  type="button"
                  class="button button--secondary"
                  disabled={page() >= shown().pages - 1}
                  onClick={() => go(page() + 1)}
                >
                  {t('history.page.next')}
                </button>
              </nav>
            </Show>
          </Show>
        </Show>
      </section>
    </div>
  );
}
