import { createSignal, For, Show } from 'solid-js';
import { MAX_PROFILES } from '../../../../shared/schema/profile.ts';
import { useI18n } from '../../i18n/i18n-context.tsx';
import type { ProfileEntry } from '../../records/profile-service.ts';
import { useApp } from '../../store/app-context.tsx';
import { errorText } from '../../ui/error-text.ts';
import { ProfileForm } from './profile-form.tsx';
import './profiles.css';
import { removeLockScreenCopy } from '../emergency/lock-screen-copy.ts';

/** Family profiles: up to six, each with its own key; create, rename, delete (confirmed), open. */
export function ProfilesPage() {
  const app = useApp();
  const { t, formatDate } = useI18n();
  const [adding, setAdding] = createSignal(false);
  const [editing, setEditing] = createSignal<string | null>(null);
  const [confirming, setConfirming] = createSignal<string | null>(null);
  const [status, setStatus] = createSignal('');
  const [error, setError] = createSignal('');
  const atLimit = () => app.profiles().length >= MAX_PROFILES;

  async function remove(entry: ProfileEntry) {
    setError('');
    try {
      await app.deleteProfile(entry.id);
      // The profile's unencrypted lock-screen copy, if any, goes with it.
      removeLockScreenCopy(localStorage, entry.id);
      setConfirming(null);
      setStatus(t('profiles.deleted'));
    } catch (e) {
      setError(errorText(t, e));
    }
  }

  return (
    <section class="stack" aria-labelledby="profiles-title">
      <h1 id="profiles-title">{t('profiles.title')}</h1>
      <p>{t('profiles.intro', { max: MAX_PROFILES })}</p>
      <p class="profiles__count">
        {t('profiles.count', { count: app.profiles().length, max: MAX_PROFILES })}
      </p>
      <p role="status" class="profiles__status">
        {status()}
      </p>
      <Show when={error()}>
        <p class="message message--error" role="alert">
          {error()}
        </p>
      </Show>
      <ul class="list" aria-label={t('profiles.title')}>
        <For each={app.profiles()}>
          {(entry) => (
            <li class="list__item profile-item">
              <Show
                when={editing() === entry.id}
                fallback={
                  <div class="profile-item__summary">
                    <div>
                      <h2 class="profile-item__name">{entry.profile.displayName}</h2>
                      <p class="profile-item__meta">
                        {t(`profiles.relationship.${entry.profile.relationship}`)} ·{' '}
                        {formatDate(entry.profile.dateOfBirth)}
                        <Show when={app.activeProfile()?.id === entry.id}> · {t('profiles.active')}</Show>
                      </p>
                    </div>
                    <div class="form-actions">
                      <Show when={app.activeProfile()?.id !== entry.id}>
                        <button
                          type="button"
                          class="button button--secondary"
                          onClick={() => app.setActiveProfile(entry.id)}
                        >
                          {t('profiles.makeActive')}
                          <span class="visually-hidden"> {entry.profile.displayName}</span>
                        </button>
                      </Show>
                      <button
                        type="button"
                        class="button button--secondary"
                        onClick={() => setEditing(entry.id)}
                      >
                        {t('profiles.edit')}
                        <span class="visually-hidden"> {entry.profile.displayName}</span>
                      </button>
                      <button
                        type="button"
                        class="button button--danger"
                        onClick={() => setConfirming(entry.id)}
                      >
                        {t('profiles.delete')}
                        <span class="visually-hidden"> {entry.profile.displayName}</span>
                      </button>
                    </div>
                  </div>
                }
              >
                <ProfileForm
                  profile={entry}
                  onDone={() => {
                    setEditing(null);
                    setStatus(t('profiles.saved'));
                  }}
                  onCancel={() => setEditing(null)}
                />
              </Show>
              <Show when={confirming() === entry.id}>
                <div
                  class="message message--error profile-item__confirm"
                  role="alertdialog"
                  aria-labelledby={`confirm-${entry.id}`}
                >
                  <p id={`confirm-${entry.id}`}>
                    {t('profiles.confirmDelete', { name: entry.profile.displayName })}
                  </p>
                  <div class="form-actions">
                    <button type="button" class="button button--danger" onClick={() => remove(entry)}>
                      {t('profiles.confirmDeleteYes')}
                    </button>
                    <button
                      type="button"
                      class="button button--secondary"
                      onClick={() => setConfirming(null)}
                    >
                      {t('profiles.cancel')}
                    </button>
                  </div>
                </div>
              </Show>
            </li>
          )}
        </For>
      </ul>
      <div class="stack">
        <div>
          {/* At the limit the button says so before it is pressed: disabled, with the reason beside it. */}
          <button
            type="button"
            class="button"
            aria-expanded={adding() && !atLimit()}
            disabled={atLimit()}
            aria-describedby={atLimit() ? 'profiles-limit' : undefined}
            onClick={() => setAdding(!adding())}
          >
            {t('profiles.add')}
          </button>
        </div>
        <Show when={atLimit()}>
          <p id="profiles-limit" class="message">
            {t('profiles.limitReached', { max: MAX_PROFILES })}
          </p>
        </Show>
        <Show when={adding() && !atLimit()}>
          <section class="card" aria-labelledby="add-profile-title">
            <h2 id="add-profile-title">{t('profiles.add')}</h2>
            <ProfileForm
              onDone={() => {
                setStatus(t('profiles.saved'));
                setAdding(false);
              }}
              onCancel={() => setAdding(false)}
            />
          </section>
        </Show>
      </div>
    </section>
  );
}
