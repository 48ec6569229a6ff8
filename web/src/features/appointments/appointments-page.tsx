/**
 * Appointments, on both sides (docs/architecture.md §10.4): upcoming and pending first, then those
 * declined, cancelled or past. A clock ticks every 15 s so the waiting room's link appears at its time.
 * Practitioners also reach their availability; everyone reaches the consultations and billing list.
 */
import { A } from '@solidjs/router';
import { createResource, createSignal, For, onCleanup, onMount, Show } from 'solid-js';
import type { AppointmentAction } from '../../../../shared/protocol/appointments.ts';
import { useI18n } from '../../i18n/i18n-context.tsx';
import type { OpenedAppointment } from '../../messaging/appointments.ts';
import { MessagingProblem } from '../../messaging/messaging.ts';
import { appointmentSources } from '../../reminders/appointment-reminders.ts';
import { useApp } from '../../store/app-context.tsx';
import { canHostWaitingRoom } from '../call/can-host.ts';
import { appointmentErrorText } from './appointment-error-text.ts';
import { AppointmentItem } from './appointment-item.tsx';
import { isUpcoming } from './appointment-window.ts';
import './appointments.css';

const LIVE = ['requested', 'proposed', 'accepted'];

export function AppointmentsPage() {
  const app = useApp();
  const { t } = useI18n();
  onMount(() => void app.sharing()?.role.refresh());
  const [now, setNow] = createSignal(Date.now());
  const tick = setInterval(() => setNow(Date.now()), 15_000);
  onCleanup(() => clearInterval(tick));

  const [list, { refetch }] = createResource(
    () => app.appointments()?.changes() ?? -1,
    async (): Promise<OpenedAppointment[]> => {
      const service = app.appointments();
      if (!service || !app.server()) throw new MessagingProblem('sync-off');
      const listed = await service.list();
      // Kept (sealed, on this device) so /reminders can remind them even offline.
      await app
        .updateReminders((s) => ({ ...s, appointments: appointmentSources(listed, Date.now()) }))
        .catch(() => undefined);
      return listed;
    },
  );
  const upcoming = () =>
    (list.latest ?? []).filter(
      (a) => LIVE.includes(a.status) && isUpcoming(a.startsAt, a.durationMinutes, now()),
    );
  const past = () =>
    (list.latest ?? []).filter(
      (a) => !LIVE.includes(a.status) || !isUpcoming(a.startsAt, a.durationMinutes, now()),
    );

  async function act(id: string, action: AppointmentAction): Promise<void> {
    const service = app.appointments();
    if (!service) throw new MessagingProblem('sync-off');
    await service.act(id, action);
  }

  return (
    <section class="stack" aria-labelledby="appointments-title">
      <h1 id="appointments-title">{t('appointments.page.title')}</h1>
      <p>{t('appointments.page.intro')}</p>
      <div class="form-actions">
        <A class="button" href="/appointments/book">
          {t('appointments.page.book')}
        </A>
        <Show when={canHostWaitingRoom(app)}>
          <A class="button button--secondary" href="/appointments/availability">
            {t('appointments.page.availability')}
          </A>
        </Show>
        <A class="button button--secondary" href="/billing">
          {t('appointments.page.billing')}
        </A>
        <button type="button" class="button button--secondary" onClick={() => void refetch()}>
          {t('appointments.page.refresh')}
        </button>
      </div>
      <Show when={list.error}>
        <p role="alert" class="form-error">
          {appointmentErrorText(t, list.error)}
        </p>
      </Show>
      <h2>{t('appointments.page.upcoming')}</h2>
      <Show when={upcoming().length > 0} fallback={<p>{t('appointments.page.none')}</p>}>
        <ul class="stack appointment-list">
          <For each={upcoming()}>
            {(item) => <AppointmentItem item={item} now={now()} act={(x) => act(item.id, x)} />}
          </For>
        </ul>
      </Show>
      <Show when={past().length > 0}>
        <h2>{t('appointments.page.past')}</h2>
        <ul class="stack appointment-list">
          <For each={past()}>
            {(item) => <AppointmentItem item={item} now={now()} act={(x) => act(item.id, x)} />}
          </For>
        </ul>
      </Show>
    </section>
  );
}
