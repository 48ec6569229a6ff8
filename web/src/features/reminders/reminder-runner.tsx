/**
 * While the vault is unlocked, checks the reminders every minute and shows a system notification for
 * each one that fell due since the last check (reminders/reminder-schedule.ts `toNotify`): one that
 * came due while the device was off or the app closed is notified when the app next runs. Shows
 * nothing itself; the list lives on /reminders.
 */
import { createEffect, onCleanup } from 'solid-js';
import { deviceTimeZone, localDate } from '../../../../shared/time/zoned-time.ts';
import { useI18n } from '../../i18n/i18n-context.tsx';
import { appointmentSources } from '../../reminders/appointment-reminders.ts';
import { reminders, toNotify } from '../../reminders/reminder-schedule.ts';
import { marksOf } from '../../reminders/reminder-state.ts';
import { showReminderNotification } from '../../reminders/show-notification.ts';
import { useApp } from '../../store/app-context.tsx';
import { scheduleInput } from './schedule-input.ts';

const MINUTE = 60_000;
/** How often the runner asks the server for the account's appointments (when sync is on). */
const APPOINTMENTS_EVERY_MS = 10 * MINUTE;

export function ReminderRunner() {
  const app = useApp();
  const { t } = useI18n();
  let running = false;
  let appointmentsAt = 0;

  /** Refreshes the appointments kept for reminders; offline or with sync off, the kept ones stay. */
  async function refreshAppointments(now: number): Promise<void> {
    const service = app.appointments();
    if (!service || !app.server() || now - appointmentsAt < APPOINTMENTS_EVERY_MS) return;
    appointmentsAt = now;
    try {
      const listed = await service.list();
      await app.updateReminders((s) => ({ ...s, appointments: appointmentSources(listed, Date.now()) }));
    } catch {
      // Kept as they were: reminded from the last list this device saw.
    }
  }

  async function check() {
    if (running || app.status() !== 'unlocked') return;
    running = true;
    try {
      await refreshAppointments(Date.now());
      const state = await app.reminderState();
      if (!state) return;
      const now = Date.now();
      const zone = deviceTimeZone();
      const marks = marksOf(state);
      const open = reminders(
        { ...scheduleInput(app.profileRecords()), appointments: state.appointments },
        state.settings,
        marks,
        now,
        localDate(now, zone),
        zone,
      );
      const { each, summary } = toNotify(open, state.checkedAt, now, marks.snoozed);
      for (const r of each) await showReminderNotification(r.title, t(`reminders.kinds.${r.kind}`), r.key);
      if (summary > 0) {
        await showReminderNotification(
          t('reminders.title'),
          t('reminders.notifications.summary', { count: String(summary) }),
          'reminders',
        );
      }
      await app.updateReminders((s) => ({ ...s, checkedAt: now }));
    } finally {
      running = false;
    }
  }

  createEffect(() => {
    if (app.status() !== 'unlocked') return;
    void check();
    const timer = setInterval(() => void check(), MINUTE);
    onCleanup(() => clearInterval(timer));
  });
  return null;
}
