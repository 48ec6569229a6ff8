/**
 * A practitioner's availability: time zone, appointment length, weekly times, exceptions (closed
 * days or other hours) and whether "as soon as possible" requests are taken. Checked with the
 * shared schema before it is published; the server checks it again.
 */
import { A } from '@solidjs/router';
import { createSignal, For, Index, onMount, Show } from 'solid-js';
import { type Availability, availabilitySchema } from '../../../../shared/protocol/appointments.ts';
import { useI18n } from '../../i18n/i18n-context.tsx';
import { MessagingProblem } from '../../messaging/messaging.ts';
import { useApp } from '../../store/app-context.tsx';
import { createSubmit } from '../../ui/create-submit.ts';
import { FormError } from '../../ui/form-error.tsx';
import { canHostWaitingRoom } from '../call/can-host.ts';
import { loadHourlyRate } from '../call/hourly-rate.ts';
import { appointmentErrorText } from './appointment-error-text.ts';
import './appointments.css';

interface WeeklyRow {
  day: number;
  start: string;
  end: string;
}
interface ExceptionRow {
  date: string;
  closed: boolean;
  start: string;
  end: string;
}

const DAYS = [1, 2, 3, 4, 5, 6, 7] as const;

export function AvailabilityPage() {
  const app = useApp();
  const { t } = useI18n();
  const [timeZone, setTimeZone] = createSignal(Intl.DateTimeFormat().resolvedOptions().timeZone);
  const [slotMinutes, setSlotMinutes] = createSignal('30');
  const [weekly, setWeekly] = createSignal<WeeklyRow[]>([{ day: 1, start: '09:00', end: '12:00' }]);
  const [exceptions, setExceptions] = createSignal<ExceptionRow[]>([]);
  const [asap, setAsap] = createSignal(false);
  const [error, setError] = createSignal<string | null>(null);
  const [saved, setSaved] = createSignal(false);

  const service = () => {
    const s = app.appointments();
    if (!s || !app.server()) throw new MessagingProblem('sync-off');
    return s;
  };

  onMount(async () => {
    void app.sharing()?.role.refresh();
    try {
      const mine = await service().mine();
      if (!mine) return;
      setTimeZone(mine.timeZone);
      setSlotMinutes(String(mine.slotMinutes));
      setWeekly(mine.weekly.map((w) => ({ ...w })));
      setExceptions(
        mine.exceptions.map((e) => ({
          date: e.date,
          closed: e.windows.length === 0,
          start: e.windows[0]?.start ?? '09:00',
          end: e.windows[0]?.end ?? '12:00',
        })),
      );
      setAsap(mine.asap);
    } catch (caught) {
      setError(appointmentErrorText(t, caught));
    }
  });

  const patchWeekly = (i: number, patch: Partial<WeeklyRow>) =>
    setWeekly(weekly().map((row, j) => (j === i ? { ...row, ...patch } : row)));
  const patchException = (i: number, patch: Partial<ExceptionRow>) =>
    setExceptions(exceptions().map((row, j) => (j === i ? { ...row, ...patch } : row)));

  const { submit } = createSubmit({
    clear: () => {
      setError(null);
      setSaved(false);
    },
    validate: () => {
      const parsed = availabilitySchema.safeParse(candidate());
      if (!parsed.success) setError(t('appointments.availability.invalid'));
      return parsed.success;
    },
    run: async () => {
      await service().publish(availabilitySchema.parse(candidate()), loadHourlyRate());
      setSaved(true);
    },
    fail: (caught) => setError(appointmentErrorText(t, caught)),
  });

  function candidate(): Availability {
    return {
      timeZone: timeZone().trim(),
      slotMinutes: Number(slotMinutes()),
      weekly: weekly(),
      exceptions: exceptions().map((e) => ({
        date: e.date,
        windows: e.closed ? [] : [{ start: e.start, end: e.end }],
      })),
      asap: asap(),
    };
  }

  return (
    <section class="stack" aria-labelledby="availability-title">
      <h1 id="availability-title">{t('appointments.availability.title')}</h1>
      <p>{t('appointments.availability.intro')}</p>
      <A href="/appointments">{t('appointments.book.back')}</A>
      <Show
        when={canHostWaitingRoom(app)}
        fallback={<p class="notice">{t('appointments.availability.needsPractitioner')}</p>}
      >
        <form class="card stack" onSubmit={submit} novalidate>
          <FormError text={error()} />
          <div class="field">
            <label for="availability-zone">{t('appointments.availability.timeZone')}</label>
            <input
              id="availability-zone"
              type="text"
              value={timeZone()}
              onInput={(e) => setTimeZone(e.currentTarget.value)}
            />
          </div>
          <div class="field">
            <label for="availability-length">{t('appointments.availability.slotMinutes')}</label>
            <input
              id="availability-length"
              type="number"
              min="10"
              max="120"
              step="5"
              value={slotMinutes()}
              onInput={(e) => setSlotMinutes(e.currentTarget.value)}
            />
          </div>
          <fieldset class="stack">
            <legend>{t('appointments.availability.weekly')}</legend>
            <Index each={weekly()}>
              {(row, i) => (
                <div class="availability-row">
                  <div class="field">
                    <label for={`weekly-day-${i}`}>{t('appointments.availability.day')}</label>
                    <select
                      id={`weekly-day-${i}`}
                      value={String(row().day)}
                      onChange={(e) => patchWeekly(i, { day: Number(e.currentTarget.value) })}
                    >
                      <For each={DAYS}>
                        {(d) => <option value={String(d)}>{t(`appointments.availability.days.${d}`)}</option>}
                      </For>
                    </select>
                  </div>
                  <div class="field">
                    <label for={`weekly-start-${i}`}>{t('appointments.availability.start')}</label>
                    <input
                      id={`weekly-start-${i}`}
                      type="time"
                      value={row().start}
                      onInput={(e) => patchWeekly(i, { start: e.currentTarget.value })}
                    />
                  </div>
                  <div class="field">
                    <label for={`weekly-end-${i}`}>{t('appointments.availability.end')}</label>
                    <input
                      id={`weekly-end-${i}`}
                      type="time"
                      value={row().end}
                      onInput={(e) => patchWeekly(i, { end: e.currentTarget.value })}
                    />
                  </div>
                  <button
                    type="button"
                    class="button button--secondary"
                    onClick={() => setWeekly(weekly().filter((_, j) => j !== i))}
                  >
                    {t('appointments.availability.remove')}
                  </button>
                </div>
              )}
            </Index>
            <button
              type="button"
              class="button button--secondary"
              onClick={() => setWeekly([...weekly(), { day: 1, start: '09:00', end: '12:00' }])}
            >
              {t('appointments.availability.addWindow')}
            </button>
          </fieldset>
          <fieldset class="stack">
            <legend>{t('appointments.availability.exceptions')}</legend>
            <Index each={exceptions()}>
              {(row, i) => (
                <div class="availability-row">
                  <div class="field">
                    <label for={`exception-date-${i}`}>{t('appointments.availability.date')}</label>
                    <input
                      id={`exception-date-${i}`}
                      type="date"
                      value={row().date}
                      onInput={(e) => patchException(i, { date: e.currentTarget.value })}
                    />
                  </div>
                  <label class="choice">
                    <input
                      type="checkbox"
                      checked={row().closed}
                      onChange={(e) => patchException(i, { closed: e.currentTarget.checked })}
                    />
                    {t('appointments.availability.closed')}
                  </label>
                  <Show when={!row().closed}>
                    <div class="field">
                      <label for={`exception-start-${i}`}>{t('appointments.availability.start')}</label>
                      <input
                        id={`exception-start-${i}`}
                        type="time"
                        value={row().start}
                        onInput={(e) => patchException(i, { start: e.currentTarget.value })}
                      />
                    </div>
                    <div class="field">
                      <label for={`exception-end-${i}`}>{t('appointments.availability.end')}</label>
                      <input
                        id={`exception-end-${i}`}
                        type="time"
                        value={row().end}
                        onInput={(e) => patchException(i, { end: e.currentTarget.value })}
                      />
                    </div>
                  </Show>
                  <button
                    type="button"
                    class="button button--secondary"
                    onClick={() => setExceptions(exceptions().filter((_, j) => j !== i))}
                  >
                    {t('appointments.availability.remove')}
                  </button>
                </div>
              )}
            </Index>
            <button
              type="button"
              class="button button--secondary"
              onClick={() =>
                setExceptions([
                  ...exceptions(),
                  { date: new Date().toISOString().slice(0, 10), closed: true, start: '09:00', end: '12:00' },
                ])
              }
            >
              {t('appointments.availability.addException')}
            </button>
          </fieldset>
          <label class="choice">
            <input type="checkbox" checked={asap()} onChange={(e) => setAsap(e.currentTarget.checked)} />
            {t('appointments.availability.asap')}
          </label>
          <div class="form-actions">
            <button type="submit" class="button">
              {t('appointments.availability.save')}
            </button>
          </div>
          <Show when={saved()}>
            <p role="status">{t('appointments.availability.saved')}</p>
          </Show>
        </form>
      </Show>
    </section>
  );
}
