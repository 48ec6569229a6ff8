/**
 * One appointment, on either side: when, with whom, for whom and why (opened on this device), its
 * state, and what this side may do — accept or decline the other side's proposal, propose another
 * time, cancel, add it to a calendar, and when the time comes, enter (patient) or open (practitioner)
 * the waiting room.
 */
import { A } from '@solidjs/router';
import { createSignal, Show } from 'solid-js';
import { appointmentIcs } from '../../../../shared/appointments/ics.ts';
import type { AppointmentAction } from '../../../../shared/protocol/appointments.ts';
import { useI18n } from '../../i18n/i18n-context.tsx';
import type { OpenedAppointment } from '../../messaging/appointments.ts';
import { FormError } from '../../ui/form-error.tsx';
import { appointmentErrorText } from './appointment-error-text.ts';
import { roomIsOpen } from './appointment-window.ts';

const LIVE = ['requested', 'proposed', 'accepted'];

function download(name: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/calendar' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function AppointmentItem(props: {
  item: OpenedAppointment;
  now: number;
  act: (action: AppointmentAction) => Promise<void>;
}) {
  const { t, formatDate, formatNumber } = useI18n();
  const [error, setError] = createSignal<string | null>(null);
  const [proposing, setProposing] = createSignal(false);
  const [when, setWhen] = createSignal('');
  const [busy, setBusy] = createSignal(false);
  const a = () => props.item;
  const live = () => LIVE.includes(a().status);
  const canAnswer = () =>
    (a().status === 'requested' || a().status === 'proposed') && a().proposedBy !== a().role;
  const other = () =>
    a().role === 'patient'
      ? a().practitionerName
      : (a().request?.profileName ?? t('appointments.item.unreadable'));
  const titleId = () => `appointment-${a().id}`;

  async function run(action: AppointmentAction): Promise<void> {
    if (busy()) return;
    setBusy(true);
    setError(null);
    try {
      await props.act(action);
      setProposing(false);
    } catch (caught) {
      setError(appointmentErrorText(t, caught));
    } finally {
      setBusy(false);
    }
  }

  function propose(event: SubmitEvent): void {
    event.preventDefault();
    const at = new Date(when()).getTime();
    if (!Number.isFinite(at)) return;
    void run({ action: 'propose', startsAt: at });
  }

  function ics(): void {
    const start = a().startsAt;
    if (start === null) return;
    const summary =
      a().role === 'patient'
        ? t('appointments.item.icsSummary', { name: a().practitionerName })
        : t('appointments.item.icsSummaryPatient', { name: a().request?.profileName ?? '' });
    const text = appointmentIcs({
      uid: a().id,
      start,
      end: start + a().durationMinutes * 60_000,
      summary,
      ...(a().request ? { description: a().request?.reason ?? '' } : {}),
      stamp: props.now,
      cancelled: a().status === 'cancelled',
    });
    download(`appointment-${new Date(start).toISOString().slice(0, 10)}.ics`, text);
  }

  return (
    <li class="card stack appointment" aria-labelledby={titleId()}>
      <h3 id={titleId()}>
        {a().startsAt === null
          ? t('appointments.item.asap')
          : formatDate(a().startsAt as number, { dateStyle: 'full', timeStyle: 'short' })}
      </h3>
      <p class="appointment__status">
        {t(`appointments.item.status.${a().status}`)}
        {' · '}
        {t('appointments.item.duration', { minutes: a().durationMinutes })}
      </p>
      <p>{a().role === 'patient' ? t('appointments.item.with', { name: other() }) : other()}</p>
      <Show when={a().request} fallback={<p class="notice">{t('appointments.item.unreadable')}</p>}>
        {(request) => (
          <>
            <Show when={a().role === 'patient'}>
              <p>{t('appointments.item.forProfile', { name: request().profileName })}</p>
            </Show>
            <p class="appointment__reason">{t('appointments.item.reason', { reason: request().reason })}</p>
          </>
        )}
      </Show>
      <Show when={a().role === 'patient' && a().rateCents !== null}>
        <p class="appointment__rate">
          {t('appointments.item.rate', {
            rate: formatNumber((a().rateCents ?? 0) / 100, { style: 'currency', currency: 'EUR' }),
          })}
        </p>
      </Show>
      <Show when={live() && (a().status === 'requested' || a().status === 'proposed')}>
        <p>{canAnswer() ? t('appointments.item.proposedByOther') : t('appointments.item.proposedByMe')}</p>
      </Show>
      <Show when={a().status === 'accepted' && roomIsOpen(a().startsAt, a().durationMinutes, props.now)}>
        <Show
          when={a().role === 'patient'}
          fallback={
            <A class="button" href="/waiting-room">
              {t('appointments.item.openRoom')}
            </A>
          }
        >
          <p role="status">{t('appointments.item.joinHint')}</p>
          <A class="button" href={`/consult#${a().roomCode ?? ''}`}>
            {t('appointments.item.join')}
          </A>
        </Show>
      </Show>
      <Show when={a().status === 'accepted' && !roomIsOpen(a().startsAt, a().durationMinutes, props.now)}>
        <p class="hint">{t('appointments.item.opensAt')}</p>
      </Show>
      <FormError text={error()} />
      <Show when={live()}>
        <div class="form-actions">
          <Show when={canAnswer() && a().startsAt !== null}>
            <button
              type="button"
              class="button"
              disabled={busy()}
              onClick={() => void run({ action: 'accept' })}
            >
              {t('appointments.item.accept')}
            </button>
          </Show>
          <Show when={canAnswer()}>
            <button
              type="button"
              class="button button--secondary"
              disabled={busy()}
              onClick={() => void run({ action: 'decline' })}
            >
              {t('appointments.item.decline')}
            </button>
          </Show>
          <button
            type="button"
            class="button button--secondary"
            aria-expanded={proposing()}
            onClick={() => setProposing(!proposing())}
          >
            {t('appointments.item.propose')}
          </button>
          <Show when={a().startsAt !== null}>
            <button type="button" class="button button--secondary" onClick={ics}>
              {t('appointments.item.ics')}
            </button>
          </Show>
          <button
            type="button"
            class="button button--danger"
            disabled={busy()}
            onClick={() => void run({ action: 'cancel' })}
          >
            {t('appointments.item.cancel')}
          </button>
        </div>
        <Show when={proposing()}>
          <form class="stack" onSubmit={propose}>
            <div class="field">
              <label for={`propose-${a().id}`}>{t('appointments.item.proposeLabel')}</label>
              <input
                id={`propose-${a().id}`}
                type="datetime-local"
                required
                value={when()}
                onInput={(e) => setWhen(e.currentTarget.value)}
              />
            </div>
            <div class="form-actions">
              <button type="submit" class="button" disabled={busy()}>
                {t('appointments.item.proposeSend')}
              </button>
            </div>
          </form>
        </Show>
      </Show>
    </li>
  );
}
