/**
 * `/reminders`: this device's reminders for the active profile (reminders/reminder-schedule.ts):
 * what is due now and today, with taken / skipped / done and snooze; notification permission; times
 * per medication and the exercise reminder's hour; vaccinations to discuss, from the French schedule.
 */
import { A } from '@solidjs/router';
import { createMemo, createResource, createSignal, For, Show } from 'solid-js';
import { SCHEDULE_SOURCE, vaccinationSuggestions } from '../../../../shared/care/vaccination-schedule-fr.ts';
import { deviceTimeZone, localDate } from '../../../../shared/time/zoned-time.ts';
import { useI18n } from '../../i18n/i18n-context.tsx';
import { reminders } from '../../reminders/reminder-schedule.ts';
import {
  dismissedFor,
  dismissSuggestion,
  mark,
  marksOf,
  parseTimes,
  type ReminderAction,
  type ReminderState,
  snooze,
} from '../../reminders/reminder-state.ts';
import { askForNotifications } from '../../reminders/show-notification.ts';
import { useApp } from '../../store/app-context.tsx';
import { NoProfile } from '../record/no-profile.tsx';
import { scheduleInput } from './schedule-input.ts';
import './reminders.css';

const HOUR = 3_600_000;

export function RemindersPage() {
  const app = useApp();
  const { t, formatDate } = useI18n();
  const zone = deviceTimeZone();
  const [now, setNow] = createSignal(Date.now());
  const today = () => localDate(now(), zone);
  const [state, { mutate }] = createResource(() => app.reminderState());
  const [announce, setAnnounce] = createSignal('');
  const [permission, setPermission] = createSignal<NotificationPermission | 'unsupported'>(
    typeof Notification === 'undefined' ? 'unsupported' : Notification.permission,
  );
  const input = createMemo(() => scheduleInput(app.profileRecords()));
  const open = createMemo(() => {
    const s = state();
    return s
      ? reminders({ ...input(), appointments: s.appointments }, s.settings, marksOf(s), now(), today(), zone)
      : [];
  });

  async function change(fn: (s: ReminderState) => ReminderState, message: string) {
    const next = await app.updateReminders(fn);
    if (next) mutate(next);
    setNow(Date.now());
    setAnnounce(message);
  }
  const act = (key: string, title: string, action: ReminderAction) =>
    change(
      (s) => mark(s, key, action, Date.now()),
      t('reminders.marked', { title, action: t(`reminders.${action}`) }),
    );

  const [timesError, setTimesError] = createSignal<string | null>(null);
  const vaccines = createMemo(() => {
    const dob = app.activeProfile()?.profile.dateOfBirth;
    if (!dob) return null;
    const given = app
      .profileRecords()
      .flatMap((e) =>
        e.record?.kind === 'vaccination' ? [{ vaccine: e.record.vaccine, date: e.record.date }] : [],
      );
    return vaccinationSuggestions(dob, today(), given);
  });

  // Suggestions set aside for this profile (sealed reminder state, this device only).
  const hidden = createMemo(() => {
    const s = state();
    const id = app.activeProfile()?.id;
    return s && id ? dismissedFor(s, id) : new Set<string>();
  });
  const shown = <M extends { id: string }>(list: readonly M[]) => list.filter((m) => !hidden().has(m.id));
  const hiddenCount = (list: readonly { id: string }[]) => list.filter((m) => hidden().has(m.id)).length;
  function setAside(milestoneId: string, name: string, undo: boolean) {
    const id = app.activeProfile()?.id;
    if (!id) return Promise.resolve();
    return change(
      (s) => dismissSuggestion(s, id, milestoneId, undo),
      undo ? t('reminders.vaccines.shownAgain') : t('reminders.vaccines.dismissedOne', { name }),
    );
  }

  return (
    <Show when={app.activeProfile()} fallback={<NoProfile title={t('reminders.title')} />}>
      {(profile) => (
        <section class="stack" aria-labelledby="reminders-title">
          <h1 id="reminders-title">{t('reminders.title')}</h1>
          <p>{t('reminders.intro', { name: profile().profile.displayName })}</p>
          <p role="status" class="message" hidden={announce() === ''}>
            {announce()}
          </p>

          <section class="card stack" aria-labelledby="reminders-now">
            <h2 id="reminders-now">{t('reminders.now')}</h2>
            <Show when={open().length > 0} fallback={<p>{t('reminders.nothing')}</p>}>
              <ul class="list">
                <For each={open()}>
                  {(r) => (
                    <li class="list__item reminder" data-kind={r.kind}>
                      <p>
                        <strong>{r.title}</strong> — {t(`reminders.kinds.${r.kind}`)}
                        {r.time ? ` — ${t('reminders.at', { time: r.time })}` : ''}
                        {r.dueDate ? ` — ${t('reminders.dueOn', { date: formatDate(r.dueDate) })}` : ''}
                        {r.kind === 'medication' && r.dueAt < now() - HOUR
                          ? ` — ${t('reminders.missed')}`
                          : ''}
                        {r.startsAt !== undefined
                          ? ` — ${t('reminders.startsAt', { date: formatDate(r.startsAt, { dateStyle: 'full', timeStyle: 'short' }) })}`
                          : ''}
                      </p>
                      <Show when={r.link}>
                        {(link) => (
                          <A class="button" href={link()}>
                            {r.role === 'practitioner' ? t('reminders.openRoom') : t('reminders.join')}
                          </A>
                        )}
                      </Show>
                      <div class="form-actions">
                        <Show
                          when={r.kind === 'medication'}
                          fallback={
                            <button
                              type="button"
                              class="button"
                              onClick={() => void act(r.key, r.title, 'done')}
                            >
                              {t('reminders.done')}
                            </button>
                          }
                        >
                          <button
                            type="button"
                            class="button"
                            onClick={() => void act(r.key, r.title, 'taken')}
                          >
                            {t('reminders.taken')}
                          </button>
                          <button
                            type="button"
                            class="button button--secondary"
                            onClick={() => void act(r.key, r.title, 'skipped')}
                          >
                            {t('reminders.skipped')}
                          </button>
                        </Show>
                        <button
                          type="button"
                          class="button button--secondary"
                          onClick={() =>
                            void change(
                              (s) => snooze(s, r.key, Date.now() + HOUR),
                              t('reminders.snoozed', { title: r.title }),
                            )
                          }
                        >
                          {t('reminders.snooze')}
                        </button>
                      </div>
                    </li>
                  )}
                </For>
              </ul>
            </Show>
          </section>

          <section class="card stack" aria-labelledby="reminders-notifications">
            <h2 id="reminders-notifications">{t('reminders.notifications.title')}</h2>
            <p>{t(`reminders.notifications.${permission()}`)}</p>
            <Show when={permission() === 'default'}>
              <div class="form-actions">
                <button
                  type="button"
                  class="button"
                  onClick={async () => setPermission(await askForNotifications())}
                >
                  {t('reminders.notifications.allow')}
                </button>
              </div>
            </Show>
            <p class="field__hint">{t('reminders.notifications.closed')}</p>
          </section>

          <section class="card stack" aria-labelledby="reminders-medications">
            <h2 id="reminders-medications">{t('reminders.medications.title')}</h2>
            <p>{t('reminders.medications.intro')}</p>
            <Show when={timesError()}>
              <p class="message message--error" role="alert">
                {timesError()}
              </p>
            </Show>
            <Show when={input().medications.length > 0} fallback={<p>{t('reminders.medications.none')}</p>}>
              <For each={input().medications}>
                {(m) => {
                  let field: HTMLInputElement | undefined;
                  return (
                    <form
                      class="reminder-times"
                      onSubmit={(event) => {
                        event.preventDefault();
                        const times = parseTimes(field?.value ?? '');
                        if (times === null) {
                          setTimesError(t('reminders.medications.invalid'));
                          field?.focus();
                          return;
                        }
                        setTimesError(null);
                        void change(
                          (s) => ({
                            ...s,
                            settings: {
                              ...s.settings,
                              medicationTimes: { ...s.settings.medicationTimes, [m.id]: times },
                            },
                          }),
                          t('reminders.medications.saved'),
                        );
                      }}
                    >
                      <div class="field">
                        <label for={`times-${m.id}`}>
                          {t('reminders.medications.times', { name: m.name })}
                        </label>
                        <input
                          id={`times-${m.id}`}
                          ref={field}
                          type="text"
                          inputMode="numeric"
                          autocomplete="off"
                          value={(state()?.settings.medicationTimes[m.id] ?? []).join(', ')}
                        />
                      </div>
                      <button type="submit" class="button button--secondary">
                        {t('reminders.medications.save')}
                      </button>
                    </form>
                  );
                }}
              </For>
            </Show>
          </section>

          <section class="card stack" aria-labelledby="reminders-exercise">
            <h2 id="reminders-exercise">{t('reminders.exercise.title')}</h2>
            <form
              class="reminder-times"
              onSubmit={(event) => {
                event.preventDefault();
                const value = (event.currentTarget.elements.namedItem('exercise-time') as HTMLInputElement)
                  .value;
                void change(
                  (s) => ({ ...s, settings: { ...s.settings, exerciseTime: value === '' ? null : value } }),
                  t('reminders.exercise.saved'),
                );
              }}
            >
              <div class="field">
                <label for="exercise-time">{t('reminders.exercise.time')}</label>
                <input
                  id="exercise-time"
                  name="exercise-time"
                  type="time"
                  aria-describedby="exercise-time-hint"
                  value={state()?.settings.exerciseTime ?? ''}
                />
                <p id="exercise-time-hint" class="field__hint">
                  {t('reminders.exercise.hint')}
                </p>
              </div>
              <button type="submit" class="button button--secondary">
                {t('reminders.exercise.save')}
              </button>
            </form>
          </section>

          <section class="card stack" aria-labelledby="reminders-vaccines">
            <h2 id="reminders-vaccines">{t('reminders.vaccines.title')}</h2>
            <p>{t('reminders.vaccines.intro', { name: profile().profile.displayName })}</p>
            <Show when={vaccines()} fallback={<p>{t('reminders.vaccines.noBirthDate')}</p>}>
              {(list) => (
                <>
                  <Show when={shown(list()).length > 0} fallback={<p>{t('reminders.vaccines.none')}</p>}>
                    <ul class="list" data-testid="vaccine-suggestions">
                      <For each={shown(list())}>
                        {(m) => {
                          const name = () => t(`reminders.vaccines.milestones.${m.id as 'hpv'}`);
                          return (
                            <li class="list__item reminder-suggestion">
                              <span>{name()}</span>
                              <button
                                type="button"
                                class="button button--secondary"
                                aria-label={t('reminders.vaccines.dismissLabel', { name: name() })}
                                onClick={() => void setAside(m.id, name(), false)}
                              >
                                {t('reminders.vaccines.dismiss')}
                              </button>
                            </li>
                          );
                        }}
                      </For>
                    </ul>
                  </Show>
                  <Show when={hiddenCount(list()) > 0}>
                    <p>{t('reminders.vaccines.dismissed', { count: String(hiddenCount(list())) })}</p>
                    <div class="form-actions">
                      <button
                        type="button"
                        class="button button--secondary"
                        onClick={() => {
                          for (const m of list()) if (hidden().has(m.id)) void setAside(m.id, '', true);
                        }}
                      >
                        {t('reminders.vaccines.showAgain')}
                      </button>
                    </div>
                  </Show>
                </>
              )}
            </Show>
            <p class="field__hint">
              {t('reminders.vaccines.source', {
                title: SCHEDULE_SOURCE.title,
                publisher: SCHEDULE_SOURCE.publisher,
                year: String(SCHEDULE_SOURCE.year),
              })}
            </p>
          </section>
        </section>
      )}
    </Show>
  );
}
