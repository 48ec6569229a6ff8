/**
 * Booking: find a practitioner who takes calls in the directory, see their rate, pick a free time
 * (or "as soon as possible" when offered), the profile it is for and the reason, then send. The
 * reason and the profile's name are sealed on this device (messaging/appointments.ts).
 */
import { A, useNavigate } from '@solidjs/router';
import { createSignal, For, Show } from 'solid-js';
import type { Slot } from '../../../../shared/appointments/slots.ts';
import type { Availability } from '../../../../shared/protocol/appointments.ts';
import type { DirectoryEntry } from '../../../../shared/protocol/directory.ts';
import { useI18n } from '../../i18n/i18n-context.tsx';
import { MessagingProblem } from '../../messaging/messaging.ts';
import { useApp } from '../../store/app-context.tsx';
import { createSubmit } from '../../ui/create-submit.ts';
import { FormError } from '../../ui/form-error.tsx';
import { appointmentErrorText } from './appointment-error-text.ts';

const PAGE = 12;
const ASAP = 'asap';

export function BookPage() {
  const app = useApp();
  const { t, formatDate, formatNumber } = useI18n();
  const navigate = useNavigate();
  const [specialty, setSpecialty] = createSignal('');
  const [city, setCity] = createSignal('');
  const [found, setFound] = createSignal<DirectoryEntry[] | null>(null);
  const [chosen, setChosen] = createSignal<DirectoryEntry | null>(null);
  const [offer, setOffer] = createSignal<{ availability: Availability | null; slots: Slot[] } | null>(null);
  const [shown, setShown] = createSignal(PAGE);
  const [slot, setSlot] = createSignal('');
  const [profileId, setProfileId] = createSignal(app.activeProfile()?.id ?? '');
  const [reason, setReason] = createSignal('');
  const [error, setError] = createSignal<string | null>(null);
  const [invalid, setInvalid] = createSignal<'slotMissing' | 'reasonMissing' | null>(null);
  const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  const euros = (cents: number) => formatNumber(cents / 100, { style: 'currency', currency: 'EUR' });

  const service = () => {
    const s = app.appointments();
    if (!s || !app.server()) throw new MessagingProblem('sync-off');
    return s;
  };

  const search = createSubmit({
    clear: () => setError(null),
    run: async () => {
      const messaging = app.messaging();
      if (!messaging || !app.server()) throw new MessagingProblem('sync-off');
      const answer = await messaging.directory({
        accepts: 'calls',
        ...(specialty().trim() ? { specialty: specialty().trim() } : {}),
        ...(city().trim() ? { city: city().trim() } : {}),
      });
      setFound(answer.practitioners);
    },
    fail: (caught) => setError(appointmentErrorText(t, caught)),
  });

  async function choose(entry: DirectoryEntry): Promise<void> {
    setError(null);
    setChosen(entry);
    setOffer(null);
    setSlot('');
    try {
      setOffer(await service().availability(entry.accountId));
      document.getElementById('book-chosen')?.focus();
    } catch (caught) {
      setError(appointmentErrorText(t, caught));
    }
  }

  const send = createSubmit({
    clear: () => setError(null),
    validate: () => {
      const missing = !slot() ? 'slotMissing' : !reason().trim() ? 'reasonMissing' : null;
      setInvalid(missing);
      if (missing) setError(t(`appointments.book.${missing}`));
      return missing === null;
    },
    run: async () => {
      const entry = chosen();
      const profile = app.profiles().find((p) => p.id === profileId()) ?? app.activeProfile();
      if (!entry || !profile) return;
      await service().request(entry, slot() === ASAP ? null : Number(slot()), {
        reason: reason().trim(),
        profileName: profile.profile.displayName,
      });
      navigate('/appointments');
    },
    fail: (caught) => setError(appointmentErrorText(t, caught)),
  });

  return (
    <section class="stack" aria-labelledby="book-title">
      <h1 id="book-title">{t('appointments.book.title')}</h1>
      <p>{t('appointments.book.intro')}</p>
      <A href="/appointments">{t('appointments.book.back')}</A>
      <FormError text={error()} />
      <form class="card stack" onSubmit={search.submit} novalidate>
        <p class="notice">{t('appointments.book.notice')}</p>
        <div class="field">
          <label for="book-specialty">{t('appointments.book.specialty')}</label>
          <input
            id="book-specialty"
            type="text"
            value={specialty()}
            onInput={(e) => setSpecialty(e.currentTarget.value)}
          />
        </div>
        <div class="field">
          <label for="book-city">{t('appointments.book.city')}</label>
          <input id="book-city" type="text" value={city()} onInput={(e) => setCity(e.currentTarget.value)} />
        </div>
        <div class="form-actions">
          <button type="submit" class="button">
            {t('appointments.book.search')}
          </button>
        </div>
      </form>
      <Show when={found()}>
        {(list) => (
          <div role="status">
            <Show when={list().length > 0} fallback={<p>{t('appointments.book.none')}</p>}>
              <ul class="stack directory-list">
                <For each={list()}>
                  {(entry) => (
                    <li class="directory-entry">
                      <h2>{entry.name}</h2>
                      <p>{[entry.profession, entry.specialty, entry.city].filter((x) => x).join(' · ')}</p>
                      <p>
                        {entry.rateCents === null
                          ? t('appointments.book.noRate')
                          : t('appointments.book.rate', { rate: euros(entry.rateCents) })}
                      </p>
                      <button type="button" class="button" onClick={() => void choose(entry)}>
                        {t('appointments.book.choose', { name: entry.name })}
                      </button>
                    </li>
                  )}
                </For>
              </ul>
            </Show>
          </div>
        )}
      </Show>
      <Show when={chosen()}>
        {(entry) => (
          <form class="card stack" onSubmit={send.submit} novalidate>
            <h2 id="book-chosen" tabindex="-1">
              {t('appointments.book.chosen', { name: entry().name })}
            </h2>
            <Show when={entry().rateCents !== null}>
              <p class="book__rate">{t('appointments.book.rate', { rate: euros(entry().rateCents ?? 0) })}</p>
            </Show>
            <Show when={offer()}>
              {(o) => (
                <Show when={o().availability} fallback={<p>{t('appointments.book.noAvailability')}</p>}>
                  {(availability) => (
                    <fieldset
                      id="book-slots"
                      tabindex="-1"
                      class="stack"
                      aria-invalid={invalid() === 'slotMissing'}
                    >
                      <legend>{t('appointments.book.slots')}</legend>
                      <p class="hint">{t('appointments.book.slotsHint', { zone })}</p>
                      <Show when={availability().asap}>
                        <label class="choice">
                          <input
                            type="radio"
                            name="slot"
                            value={ASAP}
                            checked={slot() === ASAP}
                            onChange={() => setSlot(ASAP)}
                          />
                          {t('appointments.book.asap')}
                        </label>
                      </Show>
                      <Show when={o().slots.length > 0} fallback={<p>{t('appointments.book.noSlots')}</p>}>
                        <For each={o().slots.slice(0, shown())}>
                          {(s) => (
                            <label class="choice">
                              <input
                                type="radio"
                                name="slot"
                                value={String(s.start)}
                                checked={slot() === String(s.start)}
                                onChange={() => setSlot(String(s.start))}
                              />
                              {formatDate(s.start, { dateStyle: 'full', timeStyle: 'short' })}
                            </label>
                          )}
                        </For>
                        <Show when={o().slots.length > shown()}>
                          <button
                            type="button"
                            class="button button--secondary"
                            onClick={() => setShown(shown() + PAGE)}
                          >
                            {t('appointments.book.more')}
                          </button>
                        </Show>
                      </Show>
                    </fieldset>
                  )}
                </Show>
              )}
            </Show>
            <div class="field">
              <label for="book-profile">{t('appointments.book.profile')}</label>
              <select
                id="book-profile"
                value={profileId()}
                onChange={(e) => setProfileId(e.currentTarget.value)}
              >
                <For each={app.profiles()}>
                  {(p) => <option value={p.id}>{p.profile.displayName}</option>}
                </For>
              </select>
            </div>
            <div class="field">
              <label for="book-reason">{t('appointments.book.reason')}</label>
              <textarea
                id="book-reason"
                rows="3"
                maxLength={500}
                aria-invalid={invalid() === 'reasonMissing'}
                aria-describedby="book-reason-hint"
                value={reason()}
                onInput={(e) => setReason(e.currentTarget.value)}
              />
              <p id="book-reason-hint" class="hint">
                {t('appointments.book.reasonHint')}
              </p>
            </div>
            <div class="form-actions">
              <button type="submit" class="button">
                {t('appointments.book.send')}
              </button>
            </div>
          </form>
        )}
      </Show>
    </section>
  );
}
