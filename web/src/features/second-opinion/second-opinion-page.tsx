/**
 * `/second-opinion`: the requests this account made (state, due date, stated price, report arrival
 * shown in-app) and, for a practitioner, the queue of requests offered to or accepted by them, with
 * the minimal summary of each new one and a way to accept it at a stated price.
 */
import { A } from '@solidjs/router';
import { createEffect, createSignal, For, on, Show } from 'solid-js';
import { useI18n } from '../../i18n/i18n-context.tsx';
import type { OpinionView } from '../../opinions/opinion-views.ts';
import { useApp } from '../../store/app-context.tsx';
import { opinionErrorText } from './opinion-error-text.ts';
import './second-opinion.css';

export function SecondOpinionPage() {
  const app = useApp();
  const { t, formatDate, formatNumber } = useI18n();
  const [views, setViews] = createSignal<OpinionView[] | null>(null);
  const [error, setError] = createSignal<unknown>(null);

  async function load(): Promise<void> {
    const service = app.opinions();
    if (!service || !app.server()) return;
    try {
      setViews(await service.list());
      setError(null);
    } catch (caught) {
      setError(caught);
    }
  }
  createEffect(
    on(
      () => [app.server(), app.opinions()],
      () => void load(),
    ),
  );

  const mine = () => (views() ?? []).filter((v) => v.role === 'requester');
  const queue = () => (views() ?? []).filter((v) => v.role !== 'requester');
  // With the time: two requests of one day must not share a link name.
  const date = (ms: number) => formatDate(ms, { dateStyle: 'medium', timeStyle: 'short' });
  const price = (cents: number) => formatNumber(cents / 100, { style: 'currency', currency: 'EUR' });

  return (
    <section class="stack opinion-page" aria-labelledby="opinion-title">
      <h1 id="opinion-title">{t('secondOpinion.page.title')}</h1>
      <p>{t('secondOpinion.page.intro')}</p>
      <Show when={app.syncStatus()} fallback={<p class="message">{t('secondOpinion.errors.sync-off')}</p>}>
        <p class="form-actions">
          <A class="button" href="/second-opinion/new">
            {t('secondOpinion.page.ask')}
          </A>
          <button type="button" class="button button--secondary" onClick={() => void load()}>
            {t('secondOpinion.page.refresh')}
          </button>
        </p>
        <Show when={error()}>
          <p class="message message--error" role="alert">
            {opinionErrorText(t, error())}
          </p>
        </Show>
        <h2>{t('secondOpinion.page.mine')}</h2>
        <Show when={mine().length > 0} fallback={<p>{t('secondOpinion.page.none')}</p>}>
          <ul class="stack opinion-list">
            <For each={mine()}>
              {(v) => (
                <li class="card stack opinion-item">
                  <A href={`/second-opinion/${v.id}`}>
                    {t('secondOpinion.page.open', {
                      field: v.field ? t(`secondOpinion.field.${v.field}`) : '',
                      date: date(v.server.createdAt),
                    })}
                  </A>
                  <span class="badge">{t(`secondOpinion.stage.${v.stage}`)}</span>
                  <Show when={v.server.dueAt}>
                    {(due) => <span>{t('secondOpinion.page.due', { date: date(due()) })}</span>}
                  </Show>
                  <Show when={v.server.priceCents !== null}>
                    <span>{t('secondOpinion.page.price', { price: price(v.server.priceCents ?? 0) })}</span>
                  </Show>
                  <Show when={v.server.reportedAt}>
                    <strong class="opinion-report-arrived">{t('secondOpinion.page.reportArrived')}</strong>
                  </Show>
                </li>
              )}
            </For>
          </ul>
        </Show>
        <Show when={queue().length > 0 || app.sharing()?.role.practitioner()}>
          <h2>{t('secondOpinion.page.queue')}</h2>
          <Show when={queue().length > 0} fallback={<p>{t('secondOpinion.page.queueNone')}</p>}>
            <ul class="stack opinion-list">
              <For each={queue()}>{(v) => <QueueItem view={v} onChange={load} />}</For>
            </ul>
          </Show>
        </Show>
      </Show>
    </section>
  );
}

function QueueItem(props: { view: OpinionView; onChange: () => Promise<void> }) {
  const app = useApp();
  const { t, formatDate } = useI18n();
  const [euros, setEuros] = createSignal('50');
  const [error, setError] = createSignal<unknown>(null);
  const [busy, setBusy] = createSignal(false);
  const v = () => props.view;
  const priceId = () => `price-${v().id}`;
  async function accept(event: SubmitEvent) {
    event.preventDefault();
    if (busy()) return;
    setBusy(true);
    try {
      await app.opinions()?.accept(v().id, Math.round(Number(euros().replace(',', '.')) * 100) || 0);
      setError(null);
      await props.onChange();
    } catch (caught) {
      setError(caught);
      await props.onChange();
    } finally {
      setBusy(false);
    }
  }
  return (
    <li class="card stack opinion-item">
      <span class="badge">{t(`secondOpinion.stage.${v().stage}`)}</span>
      <Show when={v().stage !== 'gone'}>
        <Show when={v().summary} fallback={<p>{t('secondOpinion.page.summaryUnreadable')}</p>}>
          {(s) => (
            <p>
              <strong>{t(`secondOpinion.field.${s().field}`)}</strong>{' '}
              {t('secondOpinion.page.summary', { age: String(s().ageYears), question: s().question })}
            </p>
          )}
        </Show>
      </Show>
      <Show when={v().server.dueAt}>
        {(due) => (
          <span>{t('secondOpinion.page.due', { date: formatDate(due(), { dateStyle: 'medium' }) })}</span>
        )}
      </Show>
      <Show when={error()}>
        <p class="message message--error" role="alert">
          {opinionErrorText(t, error())}
        </p>
      </Show>
      <Show when={v().stage === 'new'}>
        <form class="stack" onSubmit={accept}>
          <div class="field">
            <label for={priceId()}>{t('secondOpinion.page.priceLabel')}</label>
            <input
              id={priceId()}
              type="text"
              inputMode="decimal"
              value={euros()}
              onInput={(e) => setEuros(e.currentTarget.value)}
            />
          </div>
          <button type="submit" class="button">
            {t('secondOpinion.page.accept')}
          </button>
        </form>
      </Show>
      <Show when={v().role === 'doctor'}>
        <A href={`/second-opinion/${v().id}`}>
          {t('secondOpinion.page.open', {
            field: v().field ? t(`secondOpinion.field.${v().field ?? 'cardiology'}`) : '',
            date: formatDate(v().server.createdAt, { dateStyle: 'medium' }),
          })}
        </A>
      </Show>
    </li>
  );
}
