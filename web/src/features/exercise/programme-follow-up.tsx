/**
 * One exercise programme followed: the plan (period, sessions a week, exercises), adherence this
 * week and since the start (shared/care/adherence.ts), pain and difficulty as a chart, and the
 * sessions as a table. The patient's page and the practitioner's view of a share both show it, so
 * the two read the same figures.
 */
import { createMemo, For, Show } from 'solid-js';
import { adherence, trend } from '../../../../shared/care/adherence.ts';
import { useI18n } from '../../i18n/i18n-context.tsx';
import type { LoggedSession, Programme } from './programmes.ts';
import { TrendChart } from './trend-chart.tsx';
import './exercise.css';

export function ProgrammeFollowUp(props: {
  programme: Programme;
  sessions: readonly LoggedSession[];
  /** Today's date where the reader is (`YYYY-MM-DD`). */
  today: string;
  /** The programme's heading level: 2 on the patient's page, 3 inside a share's section. */
  level: 2 | 3;
}) {
  const { t, formatDate, formatNumber } = useI18n();
  const p = () => props.programme;
  const idBase = () => `programme-${p().id}`;
  const a = createMemo(() =>
    adherence(
      p().plan,
      props.sessions.map((s) => s.session),
      props.today,
    ),
  );
  const points = createMemo(() => trend(props.sessions.map((s) => s.session)));
  const percent = (value: number | null) =>
    value === null ? '—' : formatNumber(value / 100, { style: 'percent' });
  const day = (date: string) => formatDate(date, { dateStyle: 'medium' });
  const Heading = (h: { id: string; children: string }) =>
    props.level === 2 ? <h2 id={h.id}>{h.children}</h2> : <h3 id={h.id}>{h.children}</h3>;
  const Sub = (h: { children: string }) =>
    props.level === 2 ? <h3>{h.children}</h3> : <h4>{h.children}</h4>;

  return (
    <section
      class="card stack exercise-programme"
      aria-labelledby={`${idBase()}-title`}
      data-programme={p().id}
    >
      <Heading id={`${idBase()}-title`}>{p().entry.title}</Heading>
      <p>
        {t('exercise.from', {
          name: p().entry.practitioner.name,
          profession: p().entry.practitioner.profession,
          date: formatDate(p().entry.createdAt, { dateStyle: 'medium' }),
        })}
      </p>
      <Show when={p().replaced}>
        <p class="message">{t('exercise.replacedBy')}</p>
      </Show>
      <p>
        {p().plan.endDate
          ? t('exercise.period', { start: day(p().plan.startDate), end: day(p().plan.endDate ?? '') })
          : t('exercise.periodOpen', { start: day(p().plan.startDate) })}
        {' — '}
        {p().plan.sessionsPerWeek === undefined
          ? t('exercise.perWeekNone')
          : t('exercise.perWeek', { n: String(p().plan.sessionsPerWeek) })}
      </p>
      <Show when={p().entry.body}>
        <p>{p().entry.body}</p>
      </Show>
      <Sub>{t('exercise.exercises')}</Sub>
      <ul class="list">
        <For each={p().entry.exercises}>
          {(ex) => (
            <li class="list__item">
              <strong>{ex.name}</strong>
              {[
                ex.sets !== undefined && t('exercise.sets', { n: String(ex.sets) }),
                ex.repetitions !== undefined && t('exercise.reps', { n: String(ex.repetitions) }),
                ex.durationMinutes !== undefined && t('exercise.minutes', { n: String(ex.durationMinutes) }),
                ex.frequency,
              ]
                .filter(Boolean)
                .map((part) => ` — ${part}`)
                .join('')}
              <Show when={ex.instructions}>
                <br />
                {ex.instructions}
              </Show>
            </li>
          )}
        </For>
      </ul>
      <Sub>{t('exercise.adherence.title')}</Sub>
      <Show
        when={a().status !== 'not-started'}
        fallback={<p>{t('exercise.adherence.notStarted', { date: day(p().plan.startDate) })}</p>}
      >
        <div class="stack" data-testid="adherence">
          <p>
            {a().weeks === null
              ? t('exercise.adherence.weekOpen', { week: String(a().week) })
              : t('exercise.adherence.week', { week: String(a().week), weeks: String(a().weeks) })}
            <Show when={a().status === 'ended'}>
              {' — '}
              {t('exercise.adherence.ended', { date: day(p().plan.endDate ?? '') })}
            </Show>
          </p>
          <p class="exercise-adherence">
            {a().thisWeek.expected === null
              ? t('exercise.adherence.thisWeekCount', {
                  performed: String(a().thisWeek.done + a().thisWeek.partly),
                })
              : t('exercise.adherence.thisWeek', {
                  performed: String(a().thisWeek.done + a().thisWeek.partly),
                  expected: String(a().thisWeek.expected),
                })}
          </p>
          <p class="exercise-adherence">
            {a().sinceStart.expected === null
              ? t('exercise.adherence.sinceStartCount', {
                  performed: String(a().sinceStart.done + a().sinceStart.partly),
                })
              : t('exercise.adherence.sinceStart', {
                  performed: String(a().sinceStart.done + a().sinceStart.partly),
                  expected: String(a().sinceStart.expected),
                  percent: percent(a().percent),
                })}
          </p>
          <p>
            {t('exercise.adherence.detail', {
              done: String(a().sinceStart.done),
              partly: String(a().sinceStart.partly),
              skipped: String(a().sinceStart.skipped),
            })}
          </p>
        </div>
      </Show>
      <Sub>{t('exercise.trend.title')}</Sub>
      <Show when={points().length > 0} fallback={<p>{t('exercise.trend.none')}</p>}>
        <TrendChart
          points={points()}
          label={t('exercise.trend.chartLabel', { count: String(points().length) })}
          painLabel={t('exercise.trend.pain')}
          difficultyLabel={t('exercise.trend.difficulty')}
          formatDate={(date) => formatDate(date, { dateStyle: 'short' })}
        />
      </Show>
      <Sub>{t('exercise.log.title')}</Sub>
      <Show when={props.sessions.length > 0} fallback={<p>{t('exercise.log.none')}</p>}>
        {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scroll box must take focus so a keyboard can scroll a table wider than a phone (axe: scrollable-region-focusable). */}
        <section class="exercise-table-scroll" tabIndex={0} aria-label={t('exercise.log.table')}>
          <table class="exercise-table" data-testid="session-table">
            <caption>{t('exercise.log.table')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('exercise.trend.date')}</th>
                <th scope="col">{t('exercise.log.status')}</th>
                <th scope="col">{t('exercise.trend.pain')}</th>
                <th scope="col">{t('exercise.trend.difficulty')}</th>
                <th scope="col">{t('exercise.log.note')}</th>
              </tr>
            </thead>
            <tbody>
              <For each={props.sessions}>
                {(s) => (
                  <tr>
                    <th scope="row">
                      <time datetime={s.session.date}>
                        {formatDate(s.session.date, { dateStyle: 'short' })}
                      </time>
                    </th>
                    <td>{t(`record.options.sessionStatus.${s.session.status}`)}</td>
                    <td>{s.session.pain ?? '—'}</td>
                    <td>{s.session.difficulty ?? '—'}</td>
                    <td>{s.session.note ?? ''}</td>
                  </tr>
                )}
              </For>
            </tbody>
          </table>
        </section>
      </Show>
    </section>
  );
}
